"""The python-telegram-bot Application: built here, given its handlers, never at import time."""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from kehoach_bot.telegram.commands import register_default_commands
from kehoach_bot.telegram.context import BotContext, BotServices
from kehoach_bot.telegram.handlers import (
    admin,
    buttons,
    coordinator,
    editing,
    officer,
    onboarding,
)
from kehoach_bot.texts import bot_vi as t

log = logging.getLogger(__name__)

BotApplication = Application[Any, BotContext, Any, Any, Any, Any]


def build_application(services: BotServices) -> BotApplication:
    """An Application wired to our handlers; the token and API addresses come from settings."""
    telegram = services.settings.telegram
    if not telegram.token:
        raise ValueError("a bot token is required")
    limits = services.settings.reminders
    builder = (
        ApplicationBuilder()
        .token(telegram.token)
        .context_types(ContextTypes(context=BotContext))
        .post_init(_post_init)
        .rate_limiter(make_rate_limiter(limits.overall_per_second, limits.group_per_minute))
    )
    if telegram.base_url:
        builder = builder.base_url(telegram.base_url)
    if telegram.base_file_url:
        builder = builder.base_file_url(telegram.base_file_url)
    application: BotApplication = builder.build()
    application.bot_data["services"] = services
    _add_handlers(application)
    return application


def make_rate_limiter(per_second: int, group_per_minute: int) -> AIORateLimiter:
    """Telegram's limits, paced evenly: one message every 1/N second rather than bursts of N
    (a bucket of N would let up to 2N through in one second). Retries stay with the outbox,
    which knows what is still due."""
    return AIORateLimiter(
        overall_max_rate=1,
        overall_time_period=1 / per_second,
        group_max_rate=1,
        group_time_period=60 / group_per_minute,
        max_retries=0,
    )


def _add_handlers(application: BotApplication) -> None:
    commands = {
        "start": onboarding.start,
        "help": onboarding.help_command,
        "huongdan": onboarding.help_command,
        "toi": onboarding.whoami,
        "viec": officer.owed,
        "tinhhinh": coordinator.status,
        "quahan": coordinator.overdue,
        "giahan": coordinator.pending,
        "dotxuat": coordinator.ad_hoc,
        "tonghop": coordinator.digest_now,
        "moi": admin.invite,
        "kehoach": admin.plans,
        "thuhoi": admin.revoke,
        "nhatky": admin.audit_log,
        "nghiavu": editing.list_obligations,
        "sua": editing.edit,
        "themdonvi": editing.add_unit,
        "bietdanh": editing.add_alias,
        "sapnhap": editing.merge,
        "chiatach": editing.split,
    }
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, callback))
    application.add_handler(CallbackQueryHandler(buttons.button))
    private = filters.ChatType.PRIVATE
    application.add_handler(
        MessageHandler(private & (filters.Document.ALL | filters.PHOTO), officer.document)
    )
    application.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, officer.text))
    application.add_error_handler(_on_error)


async def _post_init(application: BotApplication) -> None:
    await register_default_commands(application.bot)


async def _on_error(update: object, context: BotContext) -> None:
    """Log the failure (never the token) and tell the person nothing was recorded."""
    log.error("handler failed", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await update.effective_chat.send_message(t.UNEXPECTED)
        except TelegramError:
            log.warning("could not tell the user about the failure")

"""The python-telegram-bot Application: built here, given its handlers, never at import time."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from kehoach_bot.board.server import BoardServer
from kehoach_bot.runtime import Runtime
from kehoach_bot.telegram import guards, pickers
from kehoach_bot.telegram.commands import register_default_commands
from kehoach_bot.telegram.context import RUNTIME_KEY, BotContext, UserState
from kehoach_bot.telegram.errors import on_error
from kehoach_bot.telegram.handlers import (
    admin,
    board,
    buttons,
    chase,
    coordinator,
    exports,
    groups_edit,
    inbox,
    obligation_edit,
    officer,
    onboarding,
    plan_reading,
    review,
    tracking_start,
    units_edit,
    units_list,
)
from kehoach_bot.telegram.limits import LaneRateLimiter
from kehoach_bot.telegram.persistence import (
    NOTE_GROUP,
    SAVE_GROUP,
    SaveBeforeSending,
    StatePersistence,
    note_person,
    save_state,
)

BotApplication = Application[Any, BotContext, UserState, Any, Any, Any]


def build_application(runtime: Runtime, request: BaseRequest | None = None) -> BotApplication:
    """An Application wired to our handlers; the token and API addresses come from settings.

    `request` replaces the HTTP client (tests answer the Bot API in memory with it)."""
    telegram = runtime.settings.telegram
    if not telegram.token:
        raise ValueError("a bot token is required")
    limits = runtime.settings.reminders
    limiter = SaveBeforeSending(LaneRateLimiter(limits.overall_per_second, limits.group_per_minute))
    builder = (
        ApplicationBuilder()
        .token(telegram.token)
        .context_types(ContextTypes(context=BotContext, user_data=UserState))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .persistence(StatePersistence(runtime))
        .rate_limiter(limiter)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    if telegram.base_url:
        builder = builder.base_url(telegram.base_url)
    if telegram.base_file_url:
        builder = builder.base_file_url(telegram.base_file_url)
    application: BotApplication = builder.build()
    application.bot_data[RUNTIME_KEY] = runtime
    limiter.bind(application)
    guards.install(application, telegram)  # groups -2 and -1: before every handler below
    _add_handlers(application)
    return application


def _add_handlers(application: BotApplication) -> None:
    commands = {
        "start": onboarding.start,
        "help": onboarding.help_command,
        "huongdan": onboarding.help_command,
        "toi": onboarding.whoami,
        "viec": officer.owed,
        "danop": officer.submissions,
        "tinhhinh": coordinator.status,
        "quahan": coordinator.overdue,
        "giahan": coordinator.pending,
        "dotxuat": coordinator.ad_hoc,
        "tonghop": coordinator.digest_now,
        "xuat": exports.export,
        "bieudo": exports.chart,
        "duthao": exports.synthesis_report,
        "tepnop": exports.submitted_files,
        "moi": admin.invite,
        "kehoach": admin.plans,
        "kehoachmoi": plan_reading.start,
        "thuhoi": admin.revoke,
        "nhatky": admin.audit_log,
        "theodoitu": tracking_start.set_tracked_from,
        "nghiavu": obligation_edit.list_obligations,
        "sua": obligation_edit.edit,
        "themdonvi": units_edit.add_unit,
        "bietdanh": units_edit.add_alias,
        "sapnhap": units_edit.merge,
        "chiatach": units_edit.split,
        "hoantac": units_edit.undo,
        "nhom": groups_edit.list_groups,
        "duyet": review.review,
        "donvi": units_list.units,
        "bang": board.board_link,
    }
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, callback))
    application.add_handler(CallbackQueryHandler(buttons.button))
    application.add_handler(
        MessageHandler(
            filters.UpdateType.MESSAGE & filters.Regex(chase.REMIND_AGAIN_COMMAND),
            chase.remind_again_command,
        )
    )
    private = filters.ChatType.PRIVATE
    application.add_handler(
        MessageHandler(private & (filters.Document.ALL | filters.PHOTO), inbox.document)
    )
    # Before inbox.text: a picker waiting for a typed argument (a date, a text) or a search.
    picker_open = pickers.PickerOpen(application.user_data)
    application.add_handler(
        MessageHandler(private & filters.TEXT & ~filters.COMMAND & picker_open, pickers.text)
    )
    application.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, inbox.text))
    # Last: a command no handler above knows (a typo such as /vec) still gets an answer.
    application.add_handler(MessageHandler(private & filters.COMMAND, inbox.unknown_command))
    # Around all the others: the person's state is saved before each reply and after the update.
    application.add_handler(TypeHandler(Update, note_person), group=NOTE_GROUP)
    application.add_handler(TypeHandler(Update, save_state), group=SAVE_GROUP)
    application.add_error_handler(on_error)


BOARD_KEY = "board_server"


async def _post_init(application: BotApplication) -> None:
    await register_default_commands(application.bot)
    runtime: Runtime = application.bot_data[RUNTIME_KEY]
    if runtime.settings.board.enabled:  # the board lives as long as the bot runs
        server = BoardServer(runtime)
        await server.start()
        application.bot_data[BOARD_KEY] = server


async def _post_shutdown(application: BotApplication) -> None:
    server = application.bot_data.pop(BOARD_KEY, None)
    if isinstance(server, BoardServer):
        await server.stop()

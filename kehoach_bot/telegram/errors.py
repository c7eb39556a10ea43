"""The one error handler: a refusal from a service is answered in plain Vietnamese; anything
else is logged (never the token) and the person is told nothing was recorded."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from kehoach_bot.services.errors import Forbidden, ServiceError
from kehoach_bot.telegram.answer import say
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.texts import bot_vi as t

log = logging.getLogger(__name__)
ALERT_LIMIT = 200  # Telegram's limit for the text of a button's alert


async def on_error(update: object, context: BotContext) -> None:
    """Answer a ServiceError where the person is; log everything else."""
    error = context.error
    if not isinstance(update, Update):
        log.error("background failure", exc_info=error)
        return
    if isinstance(error, Forbidden):
        user, query, message = update.effective_user, update.callback_query, update.message
        what = "callback" if query else "command"
        claim = query.data if query else (message.text or "")[:64] if message else ""
        log.warning("forbidden %s from %s: %r", what, user.id if user else "?", claim)
    if isinstance(error, ServiceError):
        text = str(error)
    else:
        log.error("handler failed", exc_info=error)
        text = t.UNEXPECTED
    try:
        query = update.callback_query
        if query is not None:
            await query.answer(text[:ALERT_LIMIT], show_alert=True)
        else:
            await say(update, text)
    except TelegramError:
        log.warning("could not tell the user about the failure")

"""The one error handler: a refusal from a service is answered in plain Vietnamese (and written
to the audit log, as the refusal says); anything else is logged (never the token) and the
person is told nothing was recorded."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from kehoach_bot.services import audit
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
    if isinstance(error, Forbidden):  # after the answer: the person does not wait for the log
        await _record_refusal(update, context, str(error))


async def _record_refusal(update: Update, context: BotContext, reason: str) -> None:
    user, query, message = update.effective_user, update.callback_query, update.effective_message
    claim = (
        (query.data or "") if query else (message.text or message.caption or "") if message else ""
    )
    what = "callback" if query else "command" if claim.startswith("/") else "message"
    log.warning("forbidden %s from %s: %r", what, user.id if user else "?", claim[:64])
    try:
        await context.runtime.answer(
            audit.record_refusal,
            context.runtime,
            user_id=user.id if user else None,
            what=what,
            claim=claim,
            reason=reason,
        )
    except Exception:  # the refusal is still answered when the log cannot be written
        log.exception("could not write the refusal to the audit log")

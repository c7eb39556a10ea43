"""Every inline button: parse the claim, route it, and turn refusals into plain answers."""

from __future__ import annotations

import logging

from telegram import Update

from kehoach_bot.services.errors import ServiceError
from kehoach_bot.services.replies import Forbidden
from kehoach_bot.telegram.callbacks import decode
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.handlers import coordinator, editing, officer
from kehoach_bot.texts import bot_vi as t

log = logging.getLogger(__name__)


async def button(update: Update, context: BotContext) -> None:
    """Every inline button of officers and coordinators: parse, check on the server, act."""
    query = update.callback_query
    user = update.effective_user
    if query is None or user is None:
        return
    parsed = decode(query.data)
    if parsed is None:
        log.warning("malformed callback from %s: %r", user.id, query.data)
        await query.answer(t.BAD_CALLBACK, show_alert=True)
        return
    handler = (
        officer.ACTIONS.get(parsed.action)
        or coordinator.ACTIONS.get(parsed.action)
        or editing.ACTIONS.get(parsed.action)
    )
    if handler is None:
        await query.answer(t.BAD_CALLBACK, show_alert=True)
        return
    try:
        await handler(update, context, parsed)
    except Forbidden:
        log.warning("forbidden callback from %s: %r", user.id, query.data)
        await query.answer(t.FORBIDDEN_LOGGED, show_alert=True)
    except ServiceError as exc:
        await query.answer(str(exc)[:200], show_alert=True)

"""Every inline button: parse the claim, route it; refusals are answered by the error handler."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import Update

from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.telegram import pickers
from kehoach_bot.telegram.callbacks import Action, Callback, decode
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.handlers import (
    chase,
    coordinator,
    extensions,
    groups_edit,
    inbox,
    obligation_edit,
    officer,
    plan_reading,
    previews,
    review,
)
from kehoach_bot.texts import bot_vi as t

log = logging.getLogger(__name__)

ButtonHandler = Callable[[Update, BotContext, Callback], Awaitable[None]]
ACTIONS: dict[Action, ButtonHandler] = {
    Action.SUBMIT: officer.ask,
    Action.STUCK: officer.ask,
    Action.EXTEND: officer.ask,
    Action.PROGRESS: officer.progress,
    Action.NO_FILE: officer.no_file,
    Action.CANCEL: officer.cancel,
    Action.APPROVE: extensions.decide,
    Action.REFUSE: extensions.decide,
    Action.REFUSE_NO_REASON: extensions.refuse_without_reason,
    Action.FILE: coordinator.open_file,
    Action.FIELD: obligation_edit.choose_field,
    Action.CONFIRM: previews.confirm,
    Action.READ_PLAN: plan_reading.read_pasted,
    Action.REMIND_AGAIN: chase.remind_again_button,
    Action.GROUP: groups_edit.open_group,
    Action.GROUP_MODE: groups_edit.choose_mode,
    Action.REVIEW_ALL: review.decide,
    Action.REVIEW_ONLY: review.decide,
    Action.REVIEW_DROP: review.decide,
    Action.OPEN: officer.open_card,
    Action.OWED_PAGE: officer.owed_page,
    Action.REPLACE: officer.replace,
    Action.UNDO: officer.undo,
    Action.HISTORY: officer.history,
    Action.CANCEL_ANSWER: officer.cancel_answer,
    Action.FILE_FOR: inbox.file_for,
    Action.PICK: pickers.pick,
    Action.PAGE: pickers.page,
    Action.PICK_DONE: pickers.done,
    Action.PICK_CANCEL: pickers.cancel,
}


async def button(update: Update, context: BotContext) -> None:
    """Every inline button: parse, then act (the service checks who may)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return
    parsed = decode(query.data)
    if parsed is None:
        log.warning("malformed callback from %s: %r", user.id, query.data)
        raise InvalidInput(t.BAD_CALLBACK)
    await ACTIONS[parsed.action](update, context, parsed)

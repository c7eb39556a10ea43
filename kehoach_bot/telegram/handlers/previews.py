"""«Lưu» and «Hủy» under a preview: the change saved is the one this button was shown with."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from kehoach_bot.services import administration, groups
from kehoach_bot.services.administration import UndoRequest
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.group_changes import MemberChange
from kehoach_bot.services.obligations import FIELD_TEXT, ProposedChange
from kehoach_bot.telegram.answer import say
from kehoach_bot.telegram.callbacks import Action, Callback, encode
from kehoach_bot.telegram.context import BotContext, Change, Pending, PlanUpload
from kehoach_bot.telegram.handlers.admin import user_id
from kehoach_bot.telegram.render import admin as render_admin
from kehoach_bot.telegram.render import groups as render_groups
from kehoach_bot.texts import bot_vi as t


def hold(context: BotContext, change: Change) -> InlineKeyboardMarkup:
    """Keep a previewed change for this person; its «Lưu» button names it."""
    pending = Pending(change)
    context.state.pending = pending
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.BUTTON_SAVE, callback_data=encode(Action.CONFIRM, pending.token)
                ),
                InlineKeyboardButton(t.BUTTON_CANCEL, callback_data=encode(Action.CANCEL)),
            ]
        ]
    )


async def confirm(update: Update, context: BotContext, parsed: Callback) -> None:
    """«Lưu»: carry out the preview this button was shown with."""
    query = update.callback_query
    assert query is not None
    pending = context.state.pending
    if pending is None:
        raise InvalidInput(t.NOTHING_TO_CONFIRM)
    if pending.token != parsed.target:
        raise InvalidInput(t.PREVIEW_EXPIRED)
    runtime, change = context.runtime, pending.change
    if isinstance(change, ProposedChange):
        report = await runtime.answer(
            administration.save_change, runtime, user_id=user_id(update), change=change
        )
        text = t.EDIT_SAVED.format(
            field=FIELD_TEXT[change.field],
            after=change.after,
            created=report.created,
            updated=report.updated,
            removed=report.removed,
        )
    elif isinstance(change, PlanUpload):
        result = await runtime.answer(
            administration.load_plan_file,
            runtime,
            user_id=user_id(update),
            name=change.name,
            text=change.text,
        )
        text = t.PLAN_SAVED.format(
            code=result.code, status=t.LOAD_STATUS[result.status], version=result.version
        )
    elif isinstance(change, MemberChange):
        saved = await runtime.answer(
            groups.save_change, runtime, user_id=user_id(update), change=change
        )
        text = render_groups.saved(saved)
    elif isinstance(change, UndoRequest):
        undone = await runtime.answer(
            administration.undo_succession, runtime, user_id=user_id(update), request=change
        )
        text = render_admin.undo(undone, saved=True)
    else:
        done = await runtime.answer(
            administration.record_succession, runtime, user_id=user_id(update), request=change
        )
        text = t.SUCCESSION_SAVED.format(old=done.old, successors=", ".join(done.successors))
    context.state.pending = None
    await query.answer()
    await say(update, text)

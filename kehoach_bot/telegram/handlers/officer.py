"""Officers: what their units owe, and the four answers under each reminder."""

from __future__ import annotations

from telegram import Update

from kehoach_bot.domain.stored import ReplyKind
from kehoach_bot.services import answers
from kehoach_bot.telegram.answer import reply_pages, say
from kehoach_bot.telegram.callbacks import Action, Callback
from kehoach_bot.telegram.context import Awaiting, BotContext, Waiting
from kehoach_bot.telegram.render import cards
from kehoach_bot.texts import bot_vi as t

MAX_BUTTON_MESSAGES = 5
ASKS = {
    Action.SUBMIT: Awaiting.FILE,
    Action.STUCK: Awaiting.STUCK,
    Action.EXTEND: Awaiting.EXTENSION,
}


async def owed(update: Update, context: BotContext) -> None:
    """/viec: the units' open reports, most urgent first; the first few with buttons."""
    user = update.effective_user
    if user is None:
        return
    found = await context.runtime.answer(answers.owed, context.runtime, user_id=user.id)
    if not found.known:
        await reply_pages(update, [t.NOT_KNOWN])
        return
    await reply_pages(update, cards.owed_list(found.views))
    for view in found.views[:MAX_BUTTON_MESSAGES]:
        text, keyboard = cards.reminder(view)
        await say(update, text, keyboard)


async def ask(update: Update, context: BotContext, parsed: Callback) -> None:
    """Đã nộp / Vướng mắc / Xin gia hạn: remember what we wait for and ask for it."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and user is not None
    runtime = context.runtime
    view = await runtime.answer(
        answers.open_for_answer, runtime, user_id=user.id, occurrence_id=parsed.target
    )
    kind = ASKS[parsed.action]
    context.state.waiting = Waiting(kind, view.id)
    await query.answer()
    if kind is Awaiting.FILE:
        text, keyboard = cards.file_prompt(view, runtime.settings.telegram.max_file_mb)
        await say(update, text, keyboard)
    elif kind is Awaiting.STUCK:
        await say(update, t.ASK_STUCK.format(title=view.title, period=view.period))
    else:
        await say(update, t.ASK_EXTENSION.format(title=view.title, period=view.period))


async def progress(update: Update, context: BotContext, parsed: Callback) -> None:
    """Đang làm: one tap, stored."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and user is not None
    outcome = await context.runtime.answer(
        answers.answer,
        context.runtime,
        user_id=user.id,
        occurrence_id=parsed.target,
        kind=ReplyKind.IN_PROGRESS,
    )
    await query.answer(
        t.CONFIRM_PROGRESS.format(title=outcome.view.title, period=outcome.view.period)[:200]
    )


async def no_file(update: Update, context: BotContext, parsed: Callback) -> None:
    """Nộp không kèm tệp: submitted another way."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and user is not None
    context.state.waiting = None
    outcome = await context.runtime.answer(
        answers.answer,
        context.runtime,
        user_id=user.id,
        occurrence_id=parsed.target,
        kind=ReplyKind.SUBMITTED,
    )
    context.wake_dispatcher()
    await query.answer()
    await say(update, cards.submitted(outcome, None))


async def cancel(update: Update, context: BotContext, parsed: Callback) -> None:
    """Hủy: forget what we were waiting for."""
    query = update.callback_query
    assert query is not None
    context.state.clear()
    await query.answer(t.CANCELLED)

"""Officers: the one-message list of what is owed, and the card of each report, edited in place
with every answer (đang làm, vướng mắc, xin gia hạn, đã nộp, bản thay thế, hoàn tác)."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from kehoach_bot.domain.status import State
from kehoach_bot.domain.stored import ReplyKind
from kehoach_bot.services import answers
from kehoach_bot.services.card_facts import CardInfo
from kehoach_bot.telegram import files
from kehoach_bot.telegram.answer import reply_pages, say
from kehoach_bot.telegram.callbacks import Action, Callback
from kehoach_bot.telegram.context import Awaiting, BotContext, Waiting
from kehoach_bot.telegram.render import cards
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import cards_vi as c

log = logging.getLogger(__name__)
ASKS = {
    Action.SUBMIT: Awaiting.FILE,
    Action.STUCK: Awaiting.STUCK,
    Action.EXTEND: Awaiting.EXTENSION,
}
ASK_TEXT = {Awaiting.STUCK: c.ASK_STUCK, Awaiting.EXTENSION: c.ASK_EXTENSION}


def _user_id(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


async def _show(update: Update, text: str, keyboard: InlineKeyboardMarkup | None) -> None:
    """Edit the message the pressed button sits on; an unchanged or vanished one is left be."""
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(text, reply_markup=keyboard)
    except TelegramError as exc:  # "message is not modified", or deleted by the person
        log.debug("card not edited: %s", exc)


async def show_card(update: Update, context: BotContext, info: CardInfo) -> None:
    """The pressed card, redrawn with the state and the buttons that still make sense."""
    text, keyboard = cards.card(info, context.runtime.today())
    await _show(update, text, keyboard)


async def redraw(context: BotContext, chat_id: int, message_id: int | None, info: CardInfo) -> None:
    """Redraw a card the person answered with a message (a file, a note, a date)."""
    if message_id is None:
        return
    text, keyboard = cards.card(info, context.runtime.today())
    try:
        await context.bot.edit_message_text(
            text, chat_id=chat_id, message_id=message_id, reply_markup=keyboard
        )
    except TelegramError as exc:
        log.debug("card %s not edited: %s", message_id, exc)


async def owed(update: Update, context: BotContext) -> None:
    """/viec: one message, the units' open reports most urgent first, a button per report."""
    runtime = context.runtime
    found = await runtime.answer(answers.owed, runtime, user_id=_user_id(update))
    if not found.known:
        await reply_pages(update, [t.NOT_KNOWN])
        return
    text, keyboard = cards.owed_page(found.views, runtime.today(), 0)
    await say(update, text, keyboard)


async def owed_page(update: Update, context: BotContext, parsed: Callback) -> None:
    """◀ ▶ under the /viec list: the same message, another page."""
    query = update.callback_query
    assert query is not None
    runtime = context.runtime
    found = await runtime.answer(answers.owed, runtime, user_id=_user_id(update))
    await query.answer()
    text, keyboard = cards.owed_page(found.views, runtime.today(), parsed.target)
    await _show(update, text, keyboard)


async def open_card(update: Update, context: BotContext, parsed: Callback) -> None:
    """A number under the /viec list: that report's card, as a message of its own."""
    query = update.callback_query
    assert query is not None
    runtime = context.runtime
    info = await runtime.answer(
        answers.card, runtime, user_id=_user_id(update), occurrence_id=parsed.target
    )
    await query.answer()
    text, keyboard = cards.card(info, runtime.today())
    await say(update, text, keyboard)


async def ask(update: Update, context: BotContext, parsed: Callback) -> None:
    """Đã nộp / Vướng mắc / Xin gia hạn: the card asks for the file, the note or the date."""
    query = update.callback_query
    assert query is not None
    runtime = context.runtime
    info = await runtime.answer(
        answers.card, runtime, user_id=_user_id(update), occurrence_id=parsed.target
    )
    view = info.view
    if view.state is State.DONE and info.submitted is not None:
        done = info.submitted
        await query.answer(
            c.TOAST_ALREADY_SUBMITTED.format(at=cards.stamp(done.at), by=done.by)[:200],
            show_alert=True,
        )
        await show_card(update, context, info)
        return
    kind = ASKS[parsed.action]
    message_id = query.message.message_id if query.message else None
    context.state.waiting = Waiting(kind, view.id, card_message_id=message_id)
    await query.answer()
    text, _ = cards.card(info, runtime.today())
    if kind is Awaiting.FILE:
        prompt, keyboard = cards.file_prompt(view, runtime.settings.telegram.max_file_mb)
        await _show(update, f"{text}\n\n{prompt}", keyboard)
    else:
        text, keyboard = cards.card(info, runtime.today(), asking=ASK_TEXT[kind])
        await _show(update, text, keyboard)


async def replace(update: Update, context: BotContext, parsed: Callback) -> None:
    """📎 Nộp bản thay thế: the card asks for the new file; the first submission still counts."""
    query = update.callback_query
    assert query is not None
    runtime = context.runtime
    info = await runtime.answer(
        answers.card, runtime, user_id=_user_id(update), occurrence_id=parsed.target
    )
    message_id = query.message.message_id if query.message else None
    replacing = info.view.state is State.DONE
    context.state.waiting = Waiting(
        Awaiting.FILE, info.view.id, card_message_id=message_id, replacing=replacing
    )
    await query.answer()
    max_mb = runtime.settings.telegram.max_file_mb
    asking = c.ASK_REPLACEMENT.format(max_mb=max_mb)
    text, keyboard = cards.card(info, runtime.today(), asking=asking)
    await _show(update, text, keyboard)


async def progress(update: Update, context: BotContext, parsed: Callback) -> None:
    """Đang làm: one tap, stored once a day; the card shows it."""
    query = update.callback_query
    assert query is not None
    outcome = await context.runtime.answer(
        answers.answer,
        context.runtime,
        user_id=_user_id(update),
        occurrence_id=parsed.target,
        kind=ReplyKind.IN_PROGRESS,
    )
    await query.answer(c.TOAST_PROGRESS_AGAIN if outcome.already else c.TOAST_PROGRESS)
    if outcome.card is not None:
        await show_card(update, context, outcome.card)


async def no_file(update: Update, context: BotContext, parsed: Callback) -> None:
    """Nộp không kèm tệp: submitted another way; a second tap records nothing."""
    query = update.callback_query
    assert query is not None
    waiting = context.state.waiting
    replacing = waiting is not None and waiting.occurrence_id == parsed.target and waiting.replacing
    context.state.waiting = None
    outcome = await context.runtime.answer(
        answers.answer,
        context.runtime,
        user_id=_user_id(update),
        occurrence_id=parsed.target,
        kind=ReplyKind.SUBMITTED,
        replacing=replacing,
    )
    if not outcome.already:
        context.wake_dispatcher()
    if outcome.already and outcome.card is not None and outcome.card.submitted is not None:
        done = outcome.card.submitted
        toast = c.TOAST_ALREADY_SUBMITTED.format(at=cards.stamp(done.at), by=done.by)
    else:
        toast = c.TOAST_SUBMITTED
    await query.answer(toast[:200], show_alert=outcome.already)
    if outcome.card is not None:
        await show_card(update, context, outcome.card)


async def cancel_answer(update: Update, context: BotContext, parsed: Callback) -> None:
    """Hủy under a card's question: stop waiting, show the card as it was."""
    query = update.callback_query
    assert query is not None
    context.state.waiting = None
    runtime = context.runtime
    info = await runtime.answer(
        answers.card, runtime, user_id=_user_id(update), occurrence_id=parsed.target
    )
    await query.answer(c.TOAST_CANCELLED)
    await show_card(update, context, info)


async def undo(update: Update, context: BotContext, parsed: Callback) -> None:
    """↩️ Hoàn tác: take one's own answer back within the window; the card shows the result."""
    query = update.callback_query
    assert query is not None
    runtime = context.runtime
    undone = await runtime.answer(
        answers.undo, runtime, user_id=_user_id(update), reply_id=parsed.target
    )
    if undone.file_path:
        files.remove(runtime.settings.data_dir, undone.file_path)
    if undone.told:
        context.wake_dispatcher()
    await query.answer(c.TOAST_UNDONE)
    await show_card(update, context, undone.card)
    view = undone.card.view
    kind = c.REPLY_KIND[undone.kind.value]
    text = c.UNDONE.format(kind=kind, title=view.title, period=view.period)
    await say(update, text + (c.UNDONE_TOLD if undone.told else ""))


async def history(update: Update, context: BotContext, parsed: Callback) -> None:
    """📜 Lịch sử nộp under a card: every submission of that report."""
    query = update.callback_query
    assert query is not None
    runtime = context.runtime
    found = await runtime.answer(
        answers.history, runtime, user_id=_user_id(update), occurrence_id=parsed.target
    )
    await query.answer()
    await say(update, cards.history(found, one=True))


async def submissions(update: Update, context: BotContext) -> None:
    """/danop: the latest submissions of the person's units."""
    runtime = context.runtime
    found = await runtime.answer(answers.history, runtime, user_id=_user_id(update))
    await say(update, cards.history(found, one=False))


async def cancel(update: Update, context: BotContext, parsed: Callback) -> None:
    """Hủy: forget what we were waiting for."""
    query = update.callback_query
    assert query is not None
    context.state.clear()
    await query.answer(t.CANCELLED)

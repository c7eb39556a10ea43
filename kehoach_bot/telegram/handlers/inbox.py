"""Messages that are not commands: the answer to what the bot asked for (a report file, a stuck
note, an extension date, an obligation's new value), or an admin's plan file."""

from __future__ import annotations

import logging
import re

from telegram import Document, PhotoSize, Update

from kehoach_bot.domain.stored import ReplyKind
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.services import answers, replies
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.replies import Attachment, ReplyOutcome
from kehoach_bot.telegram import files
from kehoach_bot.telegram.answer import say
from kehoach_bot.telegram.callbacks import Callback
from kehoach_bot.telegram.context import Awaiting, BotContext, LooseFile
from kehoach_bot.telegram.handlers import officer, plan_reading
from kehoach_bot.telegram.handlers.extensions import reason_text
from kehoach_bot.telegram.handlers.groups_edit import list_text
from kehoach_bot.telegram.handlers.obligation_edit import value_text
from kehoach_bot.telegram.handlers.plan_upload import plan_file
from kehoach_bot.telegram.render import cards
from kehoach_bot.telegram.render.pages import human_size
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import cards_vi as c

log = logging.getLogger(__name__)
_DATE_AT_START = re.compile(
    r"^\s*(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*[-–:,]?\s*(.*)$", re.S
)


async def document(update: Update, context: BotContext) -> None:
    """A report file (document or photo) for the report we asked about, or a plan file."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    if context.state.reading is not None:
        await plan_reading.plan_document(update, context)
        return
    waiting = context.state.waiting
    item = message.document or (message.photo[-1] if message.photo else None)
    if waiting is None or waiting.kind is not Awaiting.FILE:
        if not await plan_file(update, context) and item is not None:
            await loose_file(update, context, item)
        return
    if item is None:
        return
    runtime = context.runtime
    max_mb = runtime.settings.telegram.max_file_mb
    _, size = files.describe(item)
    if size is not None and size > max_mb * 1_000_000:
        await say(update, t.FILE_TOO_BIG.format(size=human_size(size), max_mb=max_mb))
        return
    if size == 0:
        await say(update, t.FILE_EMPTY)
        return
    attachment = await files.save(
        item, runtime.settings.data_dir, waiting.occurrence_id, runtime.now()
    )
    outcome = await _submit(
        context,
        user.id,
        waiting.occurrence_id,
        attachment,
        caption=message.caption or "",
        message_id=message.message_id,
        replacing=waiting.replacing,
    )
    context.state.waiting = None
    if outcome.card is not None:
        await officer.redraw(context, message.chat_id, waiting.card_message_id, outcome.card)
    await say(update, cards.submitted(outcome, None if outcome.already else attachment))


async def _submit(
    context: BotContext,
    user_id: int,
    occurrence_id: int,
    attachment: Attachment,
    *,
    caption: str,
    message_id: int,
    replacing: bool,
) -> ReplyOutcome:
    """Record a saved file as the submission; the file is removed when nothing was stored."""
    runtime = context.runtime
    try:
        outcome = await runtime.answer(
            answers.answer,
            runtime,
            user_id=user_id,
            occurrence_id=occurrence_id,
            kind=ReplyKind.SUBMITTED,
            text=caption,
            message_id=message_id,
            attachment=attachment,
            replacing=replacing,
        )
    except BaseException:
        files.discard(runtime.settings.data_dir, attachment)
        raise
    if outcome.already:
        files.discard(runtime.settings.data_dir, attachment)
    else:
        context.wake_dispatcher()
    return outcome


async def loose_file(update: Update, context: BotContext, item: Document | PhotoSize) -> None:
    """A file with nothing asked: keep it and ask which report it is for."""
    message, user = update.effective_message, update.effective_user
    assert message is not None and user is not None
    runtime = context.runtime
    found = await runtime.answer(answers.owed, runtime, user_id=user.id)
    if not found.known:
        await say(update, t.NOT_KNOWN)
        return
    if not found.views:
        await say(update, c.OWED_EMPTY)
        return
    name, size = files.describe(item)
    context.state.loose_file = LooseFile(
        item.file_id, item.file_unique_id, name, size, message.message_id, message.caption or ""
    )
    text, keyboard = cards.which_report(found.views, runtime.today(), name)
    await say(update, text, keyboard)


async def file_for(update: Update, context: BotContext, parsed: Callback) -> None:
    """A number under "nộp cho báo cáo nào?": submit the kept file for that report."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and user is not None
    loose = context.state.loose_file
    if loose is None:
        raise InvalidInput(c.FILE_PICK_GONE)
    runtime = context.runtime
    await runtime.answer(
        answers.card, runtime, user_id=user.id, occurrence_id=parsed.target
    )  # refuses a report the person may not answer for, before anything is downloaded
    max_mb = runtime.settings.telegram.max_file_mb
    if loose.size is not None and loose.size > max_mb * 1_000_000:
        context.state.loose_file = None
        raise InvalidInput(t.FILE_TOO_BIG.format(size=human_size(loose.size), max_mb=max_mb))
    attachment = await files.save_by_id(
        context.bot,
        loose.file_id,
        loose.file_unique_id,
        loose.file_name,
        runtime.settings.data_dir,
        parsed.target,
        runtime.now(),
    )
    outcome = await _submit(
        context,
        user.id,
        parsed.target,
        attachment,
        caption=loose.caption,
        message_id=loose.message_id,
        replacing=False,
    )
    context.state.loose_file = None
    await query.answer()
    if outcome.card is not None:
        await officer.show_card(update, context, outcome.card)
    await say(update, cards.submitted(outcome, None if outcome.already else attachment))


async def text(update: Update, context: BotContext) -> None:
    """A text answer to what we asked: a field value, a stuck note, an extension date."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.text is None:
        return
    if context.state.refusing is not None:
        await reason_text(update, context)
        return
    if context.state.editing is not None:
        await value_text(update, context)
        return
    if context.state.group_input is not None:
        await list_text(update, context)
        return
    if context.state.reading is not None:
        await plan_reading.pasted(update, context)
        return
    waiting = context.state.waiting
    if waiting is None:
        await nothing_asked(update, context)
        return
    body = message.text.strip()
    if not body:
        raise InvalidInput(t.TEXT_EMPTY)
    if len(body) > replies.MAX_TEXT:
        raise InvalidInput(t.TEXT_TOO_LONG.format(length=len(body), limit=replies.MAX_TEXT))
    runtime = context.runtime
    if waiting.kind is Awaiting.STUCK:
        outcome = await runtime.answer(
            answers.answer,
            runtime,
            user_id=user.id,
            occurrence_id=waiting.occurrence_id,
            kind=ReplyKind.STUCK,
            text=body,
        )
        context.state.waiting = None
        context.wake_dispatcher()
        if outcome.card is not None:
            await officer.redraw(context, message.chat_id, waiting.card_message_id, outcome.card)
        await say(
            update, t.CONFIRM_STUCK.format(title=outcome.view.title, period=outcome.view.period)
        )
    elif waiting.kind is Awaiting.EXTENSION:
        match = _DATE_AT_START.match(body)
        if match is None:
            raise InvalidInput(t.EXTENSION_BAD_DATE.format(value=body[:30]))
        asked = await runtime.answer(
            answers.ask_extension,
            runtime,
            user_id=user.id,
            occurrence_id=waiting.occurrence_id,
            proposed_text=match.group(1),
            reason=match.group(2),
        )
        context.state.waiting = None
        context.wake_dispatcher()
        if asked.card is not None:
            await officer.redraw(context, message.chat_id, waiting.card_message_id, asked.card)
        await say(update, t.CONFIRM_EXTENSION.format(date=_date(asked)))
    else:
        view = await runtime.answer(
            answers.open_for_answer, runtime, user_id=user.id, occurrence_id=waiting.occurrence_id
        )
        prompt, keyboard = cards.file_prompt(view, runtime.settings.telegram.max_file_mb)
        await say(update, prompt, keyboard=keyboard)


async def nothing_asked(update: Update, context: BotContext) -> None:
    """A text with nothing asked: say so, with the reports to open."""
    user = update.effective_user
    assert user is not None
    runtime = context.runtime
    found = await runtime.answer(answers.owed, runtime, user_id=user.id)
    if not found.known or not found.views:
        await say(update, t.NOTHING_PENDING if found.known else t.NOT_KNOWN)
        return
    title = c.TEXT_WHAT_FOR + "\n\n" + c.OWED_TITLE
    text, keyboard = cards.owed_page(found.views, runtime.today(), 0, title=title)
    await say(update, text, keyboard)


def _date(asked: answers.ExtensionAsked) -> str:
    return format_date(asked.extension.proposed_date)


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command the bot does not know: say so and point to /help."""
    message = update.effective_message
    if message is not None and message.text:
        await say(update, t.UNKNOWN_COMMAND.format(command=message.text.split()[0][:40]))

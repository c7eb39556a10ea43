"""Messages that are not commands: the answer to what the bot asked for (a report file, a stuck
note, an extension date, an obligation's new value), or an admin's plan file."""

from __future__ import annotations

import logging
import re

from telegram import Update

from kehoach_bot.domain.stored import ReplyKind
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.services import answers, replies
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.telegram import files
from kehoach_bot.telegram.answer import say
from kehoach_bot.telegram.context import Awaiting, BotContext
from kehoach_bot.telegram.handlers.groups_edit import list_text
from kehoach_bot.telegram.handlers.obligation_edit import value_text
from kehoach_bot.telegram.handlers.plan_upload import plan_file
from kehoach_bot.telegram.render import cards
from kehoach_bot.telegram.render.pages import human_size
from kehoach_bot.texts import bot_vi as t

log = logging.getLogger(__name__)
_DATE_AT_START = re.compile(
    r"^\s*(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*[-–:,]?\s*(.*)$", re.S
)


async def document(update: Update, context: BotContext) -> None:
    """A report file (document or photo) for the report we asked about, or a plan file."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    waiting = context.state.waiting
    if waiting is None or waiting.kind is not Awaiting.FILE:
        if not await plan_file(update, context):
            await say(update, t.NOTHING_PENDING)
        return
    item = message.document or (message.photo[-1] if message.photo else None)
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
    try:
        outcome = await runtime.answer(
            answers.answer,
            runtime,
            user_id=user.id,
            occurrence_id=waiting.occurrence_id,
            kind=ReplyKind.SUBMITTED,
            text=message.caption or "",
            message_id=message.message_id,
            attachment=attachment,
        )
    except BaseException:
        files.discard(runtime.settings.data_dir, attachment)
        raise
    context.state.waiting = None
    context.wake_dispatcher()
    await say(update, cards.submitted(outcome, attachment))


async def text(update: Update, context: BotContext) -> None:
    """A text answer to what we asked: a field value, a stuck note, an extension date."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.text is None:
        return
    if context.state.editing is not None:
        await value_text(update, context)
        return
    if context.state.group_input is not None:
        await list_text(update, context)
        return
    waiting = context.state.waiting
    if waiting is None:
        await say(update, t.NOTHING_PENDING)
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
        await say(update, t.CONFIRM_EXTENSION.format(date=_date(asked)))
    else:
        view = await runtime.answer(
            answers.open_for_answer, runtime, user_id=user.id, occurrence_id=waiting.occurrence_id
        )
        prompt, keyboard = cards.file_prompt(view, runtime.settings.telegram.max_file_mb)
        await say(update, prompt, keyboard=keyboard)


def _date(asked: answers.ExtensionAsked) -> str:
    return format_date(asked.extension.proposed_date)


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command the bot does not know: say so and point to /help."""
    message = update.effective_message
    if message is not None and message.text:
        await say(update, t.UNKNOWN_COMMAND.format(command=message.text.split()[0][:40]))

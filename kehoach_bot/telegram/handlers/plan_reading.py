"""Admins: /kehoachmoi — a new plan read from its own text (a Word, PDF or text file, or text
pasted in several messages). The bot answers with a short summary and the draft plan file; the
draft goes through the same preview and «Lưu» as any plan file, or the admin edits the file and
sends it back."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from kehoach_bot.plans.extract.documents import MAX_BYTES
from kehoach_bot.plans.reading import PlanFileError
from kehoach_bot.services import administration, extraction
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.extraction import Drafted
from kehoach_bot.services.plans import PlanFilesError
from kehoach_bot.telegram.answer import reply_pages, say, send_made_file
from kehoach_bot.telegram.callbacks import Action, Callback, encode
from kehoach_bot.telegram.context import BotContext, PlanReading, PlanUpload
from kehoach_bot.telegram.handlers.admin import user_id
from kehoach_bot.telegram.handlers.previews import hold
from kehoach_bot.telegram.render import extraction as render
from kehoach_bot.telegram.render.pages import human_size, paginate
from kehoach_bot.texts import bot_vi
from kehoach_bot.texts import extract_bot_vi as t

MAX_PASTED = 300_000  # characters: a long plan pasted in many messages; beyond, send the file


async def start(update: Update, context: BotContext) -> None:
    """/kehoachmoi: wait for the plan's file or text."""
    runtime = context.runtime
    await runtime.answer(administration.plans, runtime, user_id=user_id(update))  # admins only
    state = context.state
    state.waiting = state.editing = state.group_input = state.picker = None
    state.reading = PlanReading()
    await say(update, t.ASK, _keyboard())


async def pasted(update: Update, context: BotContext) -> None:
    """A piece of the plan's text: kept until «Đọc»."""
    message = update.effective_message
    reading = context.state.reading
    assert message is not None and message.text is not None and reading is not None
    body = message.text.strip()
    if not body:
        raise InvalidInput(bot_vi.TEXT_EMPTY)
    more = PlanReading((*reading.parts, body))
    if more.length > MAX_PASTED:
        raise InvalidInput(t.TOO_LONG.format(limit=f"{MAX_PASTED:,}".replace(",", ".")))
    context.state.reading = more
    await say(update, t.PASTED.format(chars=more.length, parts=len(more.parts)), _keyboard())


async def read_pasted(update: Update, context: BotContext, parsed: Callback) -> None:
    """«Đọc»: draft the plan from the text pasted so far."""
    reading = context.state.reading
    if reading is None:
        raise InvalidInput(t.NOT_READING)
    if not reading.parts:
        raise InvalidInput(t.NOTHING_PASTED)
    runtime = context.runtime
    drafted = await runtime.answer(
        extraction.draft_pasted,
        runtime,
        user_id=user_id(update),
        text="\n".join(reading.parts),
        name=t.PASTED_NAME,
    )
    context.state.reading = None
    await _offer(update, context, drafted)


async def plan_document(update: Update, context: BotContext) -> None:
    """The plan's file: read it and draft the plan file."""
    message = update.effective_message
    assert message is not None
    document = message.document
    if document is None:  # a photo: a scan must come as a PDF
        raise InvalidInput(t.SEND_A_FILE)
    if (document.file_size or 0) > MAX_BYTES:
        raise InvalidInput(
            t.FILE_TOO_BIG.format(
                size=human_size(document.file_size or 0), max_mb=MAX_BYTES // 1_048_576
            )
        )
    runtime = context.runtime
    # Who may read plans is checked before anything is downloaded.
    await runtime.answer(administration.plans, runtime, user_id=user_id(update))
    content = bytes(await (await document.get_file()).download_as_bytearray())
    drafted = await runtime.answer(
        extraction.draft_plan,
        runtime,
        user_id=user_id(update),
        name=document.file_name or t.PASTED_NAME,
        content=content,
    )
    context.state.reading = None
    await _offer(update, context, drafted)


async def _offer(update: Update, context: BotContext, drafted: Drafted) -> None:
    """The summary, the draft file, and «Lưu» when the draft loads as it is."""
    runtime = context.runtime
    lines = render.summary(drafted)
    await send_made_file(
        update,
        drafted.toml.encode("utf-8"),
        drafted.file_name,
        t.CAPTION.format(code=drafted.code),
    )
    try:
        await runtime.answer(
            administration.preview_plan_file,
            runtime,
            user_id=user_id(update),
            name=drafted.file_name,
            text=drafted.toml,
        )
    except (PlanFilesError, PlanFileError) as exc:
        errors = exc.errors if isinstance(exc, PlanFilesError) else [exc]
        problems = "\n".join(f"• {p}" for e in errors for p in e.problems)
        await reply_pages(update, paginate([*lines, t.NOT_READY.format(problems=problems)]))
        return
    keyboard = hold(context, PlanUpload(drafted.file_name, drafted.toml))
    await reply_pages(update, paginate([*lines, t.READY]), keyboard)


def _keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(t.BUTTON_READ, callback_data=encode(Action.READ_PLAN)),
                InlineKeyboardButton(t.BUTTON_CANCEL, callback_data=encode(Action.CANCEL)),
            ]
        ]
    )

"""Officers: what their units owe, one-tap answers, the report file, stuck notes, extensions."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.error import TelegramError

from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.vietnamese import BadDate, format_date, parse_date
from kehoach_bot.services import people, replies, tracking
from kehoach_bot.services.errors import ServiceError
from kehoach_bot.services.replies import Attachment, Forbidden, ReplyKind
from kehoach_bot.telegram import files, render
from kehoach_bot.telegram.callbacks import Action, Callback
from kehoach_bot.telegram.context import BotContext, notify, reply_pages, say
from kehoach_bot.telegram.handlers import editing
from kehoach_bot.texts import bot_vi as t

log = logging.getLogger(__name__)
MAX_BUTTON_MESSAGES = 5
AWAITING = "awaiting"


async def owed(update: Update, context: BotContext) -> None:
    """/viec: the units' open reports, most urgent first; the first few with buttons."""
    user = update.effective_user
    if user is None:
        return
    services = context.services
    identity = services.identify(user.id)
    if not identity.memberships:
        await reply_pages(update, [t.NOT_KNOWN])
        return
    with services.session() as session:
        views = tracking.owed(session, identity, services.today())
    await reply_pages(update, render.owed_list(views))
    for view in views[:MAX_BUTTON_MESSAGES]:
        text, keyboard = render.reminder(view)
        if update.effective_message:
            await update.effective_message.reply_text(text, reply_markup=keyboard)


def _view_for_answer(
    context: BotContext, user_id: int, occurrence_id: int
) -> tracking.OccurrenceView:
    services = context.services
    identity = services.identify(user_id)
    with services.session() as session:
        view = tracking.get_view(session, occurrence_id, services.today())
    if not tracking.may_answer(identity, view):
        raise Forbidden(t.FORBIDDEN_LOGGED)
    return view


async def _ask(update: Update, context: BotContext, parsed: Callback) -> None:
    """Đã nộp / Vướng mắc / Xin gia hạn: remember what we wait for and ask for it."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and user is not None
    view = _view_for_answer(context, user.id, parsed.target)
    kind = {Action.SUBMIT: "file", Action.STUCK: "stuck", Action.EXTEND: "extension"}[parsed.action]
    _user_data(context)[AWAITING] = {"kind": kind, "occurrence": view.id}
    await query.answer()
    if kind == "file":
        text, keyboard = render.file_prompt(view, context.services.settings.telegram.max_file_mb)
        await say(update, text, keyboard)
    elif kind == "stuck":
        await say(update, t.ASK_STUCK.format(title=view.title, period=view.period))
    else:
        await say(update, t.ASK_EXTENSION.format(title=view.title, period=view.period))


async def _progress(update: Update, context: BotContext, parsed: Callback) -> None:
    """Đang làm: one tap, stored."""
    query = update.callback_query
    assert query is not None
    outcome = await _record(update, context, parsed.target, ReplyKind.IN_PROGRESS, "")
    await query.answer(
        t.CONFIRM_PROGRESS.format(title=outcome.view.title, period=outcome.view.period)[:200]
    )


async def _no_file(update: Update, context: BotContext, parsed: Callback) -> None:
    """Nộp không kèm tệp: submitted another way."""
    query = update.callback_query
    assert query is not None
    _user_data(context).pop(AWAITING, None)
    outcome = await _record(update, context, parsed.target, ReplyKind.SUBMITTED, "")
    await query.answer()
    await say(update, render.submitted(outcome, None))
    await _tell_coordinators_submitted(context, outcome)


async def _cancel(update: Update, context: BotContext, parsed: Callback) -> None:
    """Hủy: forget what we were waiting for."""
    query = update.callback_query
    assert query is not None
    for key in (AWAITING, editing.PENDING, editing.EDITING):
        _user_data(context).pop(key, None)
    await query.answer(t.CANCELLED)


ACTIONS: dict[Action, Callable[[Update, BotContext, Callback], Awaitable[None]]] = {
    Action.SUBMIT: _ask,
    Action.STUCK: _ask,
    Action.EXTEND: _ask,
    Action.PROGRESS: _progress,
    Action.NO_FILE: _no_file,
    Action.CANCEL: _cancel,
}


def _user_data(context: BotContext) -> dict[str, Any]:
    data = context.user_data
    assert data is not None
    return data


async def _record(
    update: Update,
    context: BotContext,
    occurrence_id: int,
    kind: ReplyKind,
    text: str,
    attachment: Attachment | None = None,
) -> replies.ReplyOutcome:
    services, user = context.services, update.effective_user
    assert user is not None
    message = update.effective_message
    with services.session() as session:  # one transaction: who it is, and what they said
        identity = people.identify(session, user.id, services.settings.telegram.admins)
        return replies.record_reply(
            session,
            identity=identity,
            occurrence_id=occurrence_id,
            kind=kind,
            text=text,
            message_id=message.message_id if message else None,
            attachment=attachment,
            now=services.now(),
            today=services.today(),
        )


async def _tell_coordinators_submitted(context: BotContext, outcome: replies.ReplyOutcome) -> None:
    view = outcome.view
    with context.services.session() as session:
        chats = people.chats_of(session, {view.via_id, view.recipient_id}, (Role.COORDINATOR,))
    timing = t.TIMING_ON_TIME if outcome.on_time else t.TIMING_LATE
    await notify(
        context,
        chats,
        t.SUBMITTED_TO_COORDINATOR.format(
            unit=view.unit_name, title=view.title, period=view.period, timing=timing
        ),
    )


async def document(update: Update, context: BotContext) -> None:
    """A report file (document or photo) for the occurrence we asked about."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    awaiting = _user_data(context).get(AWAITING)
    if not awaiting or awaiting.get("kind") != "file":
        if not await editing.plan_file(update, context):
            await message.reply_text(t.NOTHING_PENDING)
        return
    item = message.document or (message.photo[-1] if message.photo else None)
    if item is None:
        return
    max_mb = context.services.settings.telegram.max_file_mb
    _, size = files.describe(item)
    if size is not None and size > max_mb * 1_000_000:
        await message.reply_text(t.FILE_TOO_BIG.format(size=render.human_size(size), max_mb=max_mb))
        return
    if size == 0:
        await message.reply_text(t.FILE_EMPTY)
        return
    occurrence_id = int(awaiting["occurrence"])
    try:
        _view_for_answer(context, user.id, occurrence_id)
        services = context.services
        attachment = await files.save(
            item, services.settings.data_dir, occurrence_id, services.now()
        )
        outcome = await _record(
            update, context, occurrence_id, ReplyKind.SUBMITTED, message.caption or "", attachment
        )
    except ServiceError as exc:
        await message.reply_text(str(exc))
        return
    except TelegramError as exc:
        log.warning("file download failed: %s", exc)
        await message.reply_text(t.UNEXPECTED)
        return
    _user_data(context).pop(AWAITING, None)
    await message.reply_text(render.submitted(outcome, attachment))
    await _tell_coordinators_submitted(context, outcome)


_DATE_AT_START = re.compile(
    r"^\s*(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*[-–:,]?\s*(.*)$", re.S
)


async def text(update: Update, context: BotContext) -> None:
    """A text answer to what we asked: a stuck note or an extension date and reason."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.text is None:
        return
    if await editing.value_text(update, context):
        return
    awaiting = _user_data(context).get(AWAITING)
    if not awaiting:
        await message.reply_text(t.NOTHING_PENDING)
        return
    body = message.text.strip()
    if not body:
        await message.reply_text(t.TEXT_EMPTY)
        return
    if len(body) > replies.MAX_TEXT:
        await message.reply_text(t.TEXT_TOO_LONG.format(length=len(body), limit=replies.MAX_TEXT))
        return
    occurrence_id = int(awaiting["occurrence"])
    try:
        if awaiting["kind"] == "stuck":
            outcome = await _record(update, context, occurrence_id, ReplyKind.STUCK, body)
            _user_data(context).pop(AWAITING, None)
            await message.reply_text(
                t.CONFIRM_STUCK.format(title=outcome.view.title, period=outcome.view.period)
            )
            await _tell_coordinators(
                context,
                outcome.view,
                t.STUCK_TO_COORDINATOR.format(
                    unit=outcome.view.unit_name,
                    title=outcome.view.title,
                    period=outcome.view.period,
                    text=body[:500],
                ),
            )
        elif awaiting["kind"] == "extension":
            await _extension(update, context, occurrence_id, body)
        else:
            view = _view_for_answer(context, user.id, occurrence_id)
            prompt, keyboard = render.file_prompt(
                view, context.services.settings.telegram.max_file_mb
            )
            await message.reply_text(prompt, reply_markup=keyboard)
    except ServiceError as exc:
        await message.reply_text(str(exc))


async def _extension(update: Update, context: BotContext, occurrence_id: int, body: str) -> None:
    message, user = update.effective_message, update.effective_user
    assert message is not None and user is not None
    match = _DATE_AT_START.match(body)
    if match is None:
        await message.reply_text(t.EXTENSION_BAD_DATE.format(value=body[:30]))
        return
    try:
        proposed = parse_date(match.group(1))
    except BadDate as exc:
        await message.reply_text(str(exc))
        return
    services = context.services
    identity = services.identify(user.id)
    with services.session() as session:
        extension, view = replies.request_extension(
            session,
            identity=identity,
            occurrence_id=occurrence_id,
            proposed=proposed,
            reason=match.group(2),
            now=services.now(),
            today=services.today(),
        )
    _user_data(context).pop(AWAITING, None)
    await message.reply_text(t.CONFIRM_EXTENSION.format(date=format_date(proposed)))
    request_text, keyboard = render.extension_request(extension, view)
    await _tell_coordinators(context, view, request_text, keyboard)


async def _tell_coordinators(
    context: BotContext, view: tracking.OccurrenceView, body: str, keyboard: Any = None
) -> None:
    with context.services.session() as session:
        chats = people.chats_of(session, {view.via_id, view.recipient_id}, (Role.COORDINATOR,))
    await notify(context, chats, body, keyboard)

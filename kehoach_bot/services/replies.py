"""Status replies (đã nộp, đang thực hiện, vướng mắc) and extension requests and decisions.

Every reply is a new row: a later reply never erases an earlier one. Authorisation is checked here,
on the server, for every action: callback data and command arguments are never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo

from sqlalchemy import insert, update
from sqlmodel import Session, col, select

from kehoach_bot.db.models import Extension, Occurrence, Reply
from kehoach_bot.domain.status import State, Status, status_of
from kehoach_bot.domain.stored import ExtensionStatus, ReplyKind
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.services import audit
from kehoach_bot.services.card_facts import CardInfo
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound
from kehoach_bot.services.people import Identity
from kehoach_bot.services.tracking import (
    OccurrenceView,
    get_view,
    may_answer,
    may_coordinate,
)
from kehoach_bot.texts import errors_vi as t

MAX_TEXT = 2000
_INSERT_REPLY = insert(Reply)
MAX_EXTENSION = timedelta(days=366)


@dataclass(frozen=True, slots=True)
class ExtensionView:
    """An extension request and, once decided, the decision."""

    id: int
    occurrence_id: int
    proposed_date: date
    reason: str
    status: ExtensionStatus


def extension_view(extension: Extension) -> ExtensionView:
    """The plain view of an extension row."""
    return ExtensionView(
        extension.id or 0,
        extension.occurrence_id,
        extension.proposed_date,
        extension.reason,
        ExtensionStatus(extension.status),
    )


@dataclass(frozen=True, slots=True)
class Attachment:
    """A report file already saved under the data folder."""

    file_name: str
    path: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class ReplyOutcome:
    """The stored reply, the occurrence after it, and whether a submission counted as on time."""

    reply_id: int
    view: OccurrenceView
    on_time: bool | None
    first_submission: bool = False
    already: bool = False  # nothing new was stored: the same answer had been given
    card: CardInfo | None = None  # what the officer's card shows after the answer


def _clean(text: str) -> str:
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput(t.REPLY_TOO_LONG.format(length=len(text), limit=MAX_TEXT))
    return text


def _answerable(
    session: Session, identity: Identity, occurrence_id: int, today: date
) -> OccurrenceView:
    view = get_view(session, occurrence_id, today)
    if not may_answer(identity, view):
        raise Forbidden(t.NOT_YOUR_UNIT)
    if view.state in (State.TRANSFERRED, State.WAIVED):
        raise InvalidInput(t.OCCURRENCE_CLOSED)
    return view


def record_reply(
    session: Session,
    *,
    identity: Identity,
    occurrence_id: int,
    kind: ReplyKind,
    text: str = "",
    message_id: int | None = None,
    attachment: Attachment | None = None,
    replacing: bool = False,
    now: datetime,
    today: date,
    tz: tzinfo,
) -> ReplyOutcome:
    """Store a reply; "submitted" marks the occurrence done (the first submission's time counts,
    dated in the agencies' timezone `tz`).

    Repeated answers change nothing: a second "đã nộp" without `replacing`, and "đang làm" when it
    is already the latest answer of the day, return the stored state with `already` set."""
    view = _answerable(session, identity, occurrence_id, today)
    text = _clean(text)
    if kind is ReplyKind.STUCK and not text:
        raise InvalidInput(t.STUCK_NEEDS_TEXT)
    if kind is ReplyKind.IN_PROGRESS and (
        view.state is State.DONE or _said_today(session, occurrence_id, now, tz)
    ):
        return ReplyOutcome(0, view, None, already=True)
    first = False
    submitted_on = view.submitted_on
    if kind is ReplyKind.SUBMITTED and (view.state is not State.DONE or not replacing):
        # The state changes only if it still is open: of two taps at once, one wins.
        submitted_on = now.astimezone(tz).date()
        first = _mark_done(session, occurrence_id, now, submitted_on)
        if not first:  # submitted meanwhile
            view = get_view(session, occurrence_id, today)
            submitted_on = view.submitted_on
            if not replacing:
                return ReplyOutcome(0, view, None, already=True)
    reply_id = session.execute(
        _INSERT_REPLY.returning(col(Reply.id)),
        {
            "occurrence_id": occurrence_id,
            "person_id": identity.person_id,
            "kind": kind.value,
            "text": text,
            "telegram_message_id": message_id,
            "file_name": attachment.file_name if attachment else None,
            "file_path": attachment.path if attachment else None,
            "file_size": attachment.size if attachment else None,
            "file_sha256": attachment.sha256 if attachment else None,
            "created_at": now,
        },
    ).scalar_one()
    if kind is not ReplyKind.SUBMITTED:
        # The reply row itself records who said what, and when.
        return ReplyOutcome(reply_id, view, None)
    status = status_of(State.DONE, view.last_day, today, submitted_on, view.extended_to)
    audit.record(
        session,
        actor=f"tg:{identity.telegram_user_id}",
        action="reply_submitted" if first else "reply_replaced",
        entity="occurrence",
        entity_id=occurrence_id,
        before={"state": view.state.value},
        after={"state": State.DONE.value, "file": attachment.file_name if attachment else None},
        now=now,
    )
    done = replace(view, state=State.DONE, status=status, due_soon=False, submitted_on=submitted_on)
    return ReplyOutcome(reply_id, done, status is Status.DONE_ON_TIME, first)


def _mark_done(session: Session, occurrence_id: int, now: datetime, submitted_on: date) -> bool:
    result = session.execute(
        update(Occurrence)
        .where(col(Occurrence.id) == occurrence_id, col(Occurrence.state) == State.OPEN.value)
        .values(state=State.DONE.value, submitted_at=now, submitted_on=submitted_on, updated_at=now)
    )
    return bool(getattr(result, "rowcount", 0))


def _said_today(session: Session, occurrence_id: int, now: datetime, tz: tzinfo) -> bool:
    """Whether the latest reply here is a "đang làm" given today (local time)."""
    latest = session.exec(
        select(Reply.kind, Reply.created_at)
        .where(Reply.occurrence_id == occurrence_id)
        .order_by(col(Reply.created_at).desc(), col(Reply.id).desc())
        .limit(1)
    ).first()
    if latest is None or latest[0] != ReplyKind.IN_PROGRESS.value:
        return False
    at = latest[1] if latest[1].tzinfo else latest[1].replace(tzinfo=UTC)
    return at.astimezone(tz).date() == now.astimezone(tz).date()


def request_extension(
    session: Session,
    *,
    identity: Identity,
    occurrence_id: int,
    proposed: date,
    reason: str,
    now: datetime,
    today: date,
) -> tuple[ExtensionView, OccurrenceView]:
    """Ask the coordinator to move the last on-time day to `proposed`."""
    view = _answerable(session, identity, occurrence_id, today)
    if view.state is State.DONE:
        raise InvalidInput(t.ALREADY_SUBMITTED)
    if proposed <= max(view.deadline, today - timedelta(days=1)):
        raise InvalidInput(t.EXTENSION_TOO_EARLY.format(deadline=format_date(view.deadline)))
    if proposed > today + MAX_EXTENSION:
        raise InvalidInput(t.EXTENSION_TOO_FAR)
    pending = session.exec(
        select(Extension.id).where(
            Extension.occurrence_id == occurrence_id,
            Extension.status == ExtensionStatus.PENDING.value,
        )
    ).first()
    if pending is not None:
        raise InvalidInput(t.EXTENSION_ALREADY_PENDING)
    extension = Extension(
        occurrence_id=occurrence_id,
        requested_by_id=identity.person_id,
        proposed_date=proposed,
        reason=_clean(reason),
        created_at=now,
    )
    session.add(extension)
    audit.record(
        session,
        actor=f"tg:{identity.telegram_user_id}",
        action="extension_request",
        entity="occurrence",
        entity_id=occurrence_id,
        after={"proposed": proposed.isoformat()},
        now=now,
    )
    session.flush()
    return extension_view(extension), view


def decide_extension(
    session: Session,
    *,
    identity: Identity,
    extension_id: int,
    approve: bool,
    now: datetime,
    today: date,
    reason: str = "",
) -> tuple[ExtensionView, OccurrenceView]:
    """Approve or refuse a pending extension; approval moves the occurrence's last day; a
    refusal's reason is kept in the audit entry."""
    extension = session.get(Extension, extension_id)
    if extension is None:
        raise NotFound(t.EXTENSION_NOT_FOUND)
    view = get_view(session, extension.occurrence_id, today)
    if not may_coordinate(identity, view):
        raise Forbidden(t.ONLY_COORDINATOR_DECIDES)
    if extension.status != ExtensionStatus.PENDING:
        raise InvalidInput(t.EXTENSION_ALREADY_DECIDED)
    extension.status = (ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED).value
    extension.decided_by_id, extension.decided_at = identity.person_id, now
    occurrence = session.get(Occurrence, extension.occurrence_id)
    assert occurrence is not None
    before = occurrence.extended_to
    if approve:
        occurrence.extended_to, occurrence.updated_at = extension.proposed_date, now
        occurrence.next_remind_on = None  # stages follow the new deadline
    audit.record(
        session,
        actor=f"tg:{identity.telegram_user_id}",
        action="extension_approve" if approve else "extension_refuse",
        entity="occurrence",
        entity_id=occurrence.id or 0,
        before={"extended_to": before.isoformat() if before else None},
        after={
            "extended_to": occurrence.extended_to.isoformat() if occurrence.extended_to else None,
            **({"reason": reason} if reason else {}),
        },
        now=now,
    )
    session.flush()
    return extension_view(extension), get_view(session, extension.occurrence_id, today)


def pending_extensions(
    session: Session, identity: Identity, today: date
) -> list[tuple[ExtensionView, OccurrenceView]]:
    """Pending extension requests the person may decide."""
    rows = session.exec(
        select(Extension)
        .where(Extension.status == ExtensionStatus.PENDING.value)
        .order_by(col(Extension.created_at))
    ).all()
    found = []
    for extension in rows:
        view = get_view(session, extension.occurrence_id, today)
        if may_coordinate(identity, view):
            found.append((extension_view(extension), view))
    return found


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A submitted report file: its name and where it lies under the data folder."""

    reply_id: int
    file_name: str
    path: str


def reply_file(session: Session, *, identity: Identity, reply_id: int, today: date) -> StoredFile:
    """A submitted file, for the unit itself or its coordinators."""
    reply = session.get(Reply, reply_id)
    if reply is None or not reply.file_path:
        raise NotFound(t.REPORT_FILE_NOT_FOUND)
    view = get_view(session, reply.occurrence_id, today)
    if not (may_answer(identity, view) or may_coordinate(identity, view)):
        raise Forbidden(t.REPORT_FILE_FORBIDDEN)
    return StoredFile(reply_id, reply.file_name or "bao-cao", reply.file_path)

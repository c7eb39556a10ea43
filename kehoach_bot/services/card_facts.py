"""What an officer's card shows beyond the occurrence: who answered what and when, a pending
extension, the answer the person may still take back, and the unit's submissions.

Session-level helpers for `services/answers.py`; times are returned in the agencies' timezone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from kehoach_bot.db.models import Extension, Occurrence, Outbox, Person, Reply
from kehoach_bot.domain.status import State
from kehoach_bot.domain.stored import DeliveryStatus, ExtensionStatus, MessageKind, ReplyKind
from kehoach_bot.services import audit
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound
from kehoach_bot.services.people import Identity
from kehoach_bot.services.tracking import OccurrenceView, get_view, may_answer
from kehoach_bot.texts import cards_vi as t

UNDOABLE = (ReplyKind.SUBMITTED, ReplyKind.IN_PROGRESS, ReplyKind.STUCK)
_ABOUT_REPLY = (MessageKind.SUBMITTED.value, MessageKind.REPLACED.value, MessageKind.STUCK.value)


@dataclass(frozen=True, slots=True)
class Answered:
    """One reply as a card or a history line shows it."""

    reply_id: int
    kind: ReplyKind
    at: datetime  # local time
    by: str
    file_name: str | None = None
    file_size: int | None = None


@dataclass(frozen=True, slots=True)
class CardInfo:
    """An occurrence and the answers given to it."""

    view: OccurrenceView
    submitted: Answered | None  # the first submission: its time is the one that counts
    replacements: int  # later submissions (bản thay thế)
    latest: Answered | None  # the latest reply of any kind
    extension_to: date | None  # a pending extension request
    undo: Answered | None  # the person's own latest answer, still within the undo window
    undo_until: datetime | None = None  # local time


def _local(at: datetime, tz: tzinfo) -> datetime:
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(tz)


def _answered(reply: Reply, name: str | None, tz: tzinfo) -> Answered:
    return Answered(
        reply.id or 0,
        ReplyKind(reply.kind),
        _local(reply.created_at, tz),
        name or t.SOMEONE,
        reply.file_name,
        reply.file_size,
    )


def card_info(
    session: Session,
    view: OccurrenceView,
    identity: Identity,
    *,
    now: datetime,
    tz: tzinfo,
    undo_window: timedelta,
) -> CardInfo:
    """The answers to one occurrence, read in the caller's transaction."""
    rows = session.exec(
        select(Reply, Person.full_name)
        .join(Person, col(Person.id) == col(Reply.person_id), isouter=True)
        .where(Reply.occurrence_id == view.id)
        .order_by(col(Reply.created_at), col(Reply.id))
    ).all()
    answers = [(reply, _answered(reply, name, tz)) for reply, name in rows]
    submissions = [a for r, a in answers if a.kind is ReplyKind.SUBMITTED]
    latest = answers[-1][1] if answers else None
    undo = next(
        (
            a
            for r, a in reversed(answers)
            if r.person_id == identity.person_id
            and a.kind in UNDOABLE
            and _local(r.created_at, tz) + undo_window > now.astimezone(tz)
        ),
        None,
    )
    extension = session.exec(
        select(col(Extension.proposed_date)).where(
            Extension.occurrence_id == view.id,
            Extension.status == ExtensionStatus.PENDING.value,
        )
    ).first()
    return CardInfo(
        view,
        submissions[0] if submissions and view.state is State.DONE else None,
        max(len(submissions) - 1, 0),
        latest,
        extension,
        undo,
        undo.at + undo_window if undo else None,
    )


@dataclass(frozen=True, slots=True)
class Withdrawn:
    """An answer taken back: its occurrence, its file (to remove), the chats already told."""

    occurrence_id: int
    kind: ReplyKind
    file_path: str | None
    told: bool  # a notice of it had already gone out to the coordinators


def withdraw(
    session: Session,
    *,
    identity: Identity,
    reply_id: int,
    now: datetime,
    today: date,
    tz: tzinfo,
    undo_window: timedelta,
) -> Withdrawn:
    """Take back the person's own answer within the window; a submission reopens the period
    unless an earlier or later submission remains."""
    reply = session.get(Reply, reply_id)
    if reply is None:
        raise NotFound(t.UNDO_GONE)
    view = get_view(session, reply.occurrence_id, today)
    if reply.person_id != identity.person_id or not may_answer(identity, view):
        raise Forbidden(t.UNDO_NOT_YOURS)
    kind = ReplyKind(reply.kind)
    if kind not in UNDOABLE:
        raise InvalidInput(t.UNDO_NOT_POSSIBLE)
    if _local(reply.created_at, tz) + undo_window <= now.astimezone(tz):
        minutes = int(undo_window.total_seconds() // 60)
        raise InvalidInput(t.UNDO_TOO_LATE.format(minutes=minutes))
    notices = session.exec(
        select(Outbox.status).where(
            Outbox.subject_id == reply_id, col(Outbox.kind).in_(_ABOUT_REPLY)
        )
    ).all()
    told = any(s in (DeliveryStatus.SENT.value, DeliveryStatus.SENDING.value) for s in notices)
    session.execute(
        update(Outbox)
        .where(
            col(Outbox.subject_id) == reply_id,
            col(Outbox.kind).in_(_ABOUT_REPLY),
            col(Outbox.status) == DeliveryStatus.PENDING.value,
        )
        .values(status=DeliveryStatus.CANCELLED.value, last_error="answer withdrawn")
    )
    file_path, occurrence_id = reply.file_path, reply.occurrence_id
    session.execute(delete(Reply).where(col(Reply.id) == reply_id))
    if kind is ReplyKind.SUBMITTED:
        _restate(session, occurrence_id, now, tz)
    audit.record(
        session,
        actor=f"tg:{identity.telegram_user_id}",
        action="reply_withdrawn",
        entity="occurrence",
        entity_id=occurrence_id,
        before={"kind": kind.value, "file": reply.file_name, "at": reply.created_at.isoformat()},
        now=now,
    )
    return Withdrawn(occurrence_id, kind, file_path, told)


def _restate(session: Session, occurrence_id: int, now: datetime, tz: tzinfo) -> None:
    """The occurrence after a submission was taken back: the earliest remaining one counts."""
    first = session.exec(
        select(Reply.created_at)
        .where(Reply.occurrence_id == occurrence_id, Reply.kind == ReplyKind.SUBMITTED.value)
        .order_by(col(Reply.created_at))
        .limit(1)
    ).first()
    values: dict[str, object] = {"updated_at": now}
    if first is None:
        values |= {"state": State.OPEN.value, "submitted_at": None, "submitted_on": None}
    else:
        values |= {"submitted_at": first, "submitted_on": _local(first, tz).date()}
    session.execute(
        update(Occurrence)
        .where(col(Occurrence.id) == occurrence_id, col(Occurrence.state) == State.DONE.value)
        .values(**values)
    )


@dataclass(frozen=True, slots=True)
class Submission:
    """One line of a unit's submission history."""

    answered: Answered
    view: OccurrenceView
    replacement: bool


def submissions(
    session: Session,
    identity: Identity,
    *,
    occurrence_id: int | None,
    today: date,
    tz: tzinfo,
    limit: int,
) -> list[Submission]:
    """The latest submissions of the person's units (or of one occurrence), newest first."""
    query = (
        select(Reply, Person.full_name)
        .join(Person, col(Person.id) == col(Reply.person_id), isouter=True)
        .join(Occurrence, col(Occurrence.id) == col(Reply.occurrence_id))
        .where(Reply.kind == ReplyKind.SUBMITTED.value)
    )
    if occurrence_id is not None:
        view = get_view(session, occurrence_id, today)
        if not may_answer(identity, view):
            raise Forbidden(t.HISTORY_NOT_YOURS)
        query = query.where(Reply.occurrence_id == occurrence_id)
    else:
        units = {m.unit_id for m in identity.memberships}
        query = query.where(col(Occurrence.unit_id).in_(units))
    rows = session.exec(
        query.order_by(col(Reply.created_at).desc(), col(Reply.id).desc()).limit(limit)
    ).all()
    firsts = _first_submission_ids(session, {r.occurrence_id for r, _ in rows})
    views = {r.occurrence_id: get_view(session, r.occurrence_id, today) for r, _ in rows}
    return [
        Submission(
            _answered(r, name, tz), views[r.occurrence_id], r.id != firsts.get(r.occurrence_id)
        )
        for r, name in rows
    ]


def _first_submission_ids(session: Session, occurrence_ids: set[int]) -> dict[int, int]:
    if not occurrence_ids:
        return {}
    rows = session.exec(
        select(Reply.occurrence_id, Reply.id)
        .where(
            col(Reply.occurrence_id).in_(occurrence_ids),
            Reply.kind == ReplyKind.SUBMITTED.value,
        )
        .order_by(col(Reply.created_at).desc(), col(Reply.id).desc())
    ).all()
    return {occurrence: reply_id for occurrence, reply_id in rows if reply_id is not None}

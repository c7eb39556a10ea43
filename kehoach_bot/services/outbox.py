"""The outbox: what the tick decided to send, claimed by dispatchers, marked with its outcome.

Enqueueing is idempotent (one row per occurrence, recipient and stage). Rows are claimed before
sending — on PostgreSQL with FOR UPDATE SKIP LOCKED, so that several dispatchers never take the
same row — and a claim left behind by a killed process is released after a while; at worst a
message that was in flight at the kill is sent twice, never lost.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import func, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, or_, select

from kehoach_bot.db.models import Heartbeat, Membership, Obligation, Occurrence, Outbox, Person
from kehoach_bot.domain.reminders import ReminderPolicy, latest_and_next, may_send_at
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import State, effective_last_day

STALE_CLAIM = timedelta(minutes=5)
MAX_ATTEMPTS = 8
BACKOFF_BASE = timedelta(seconds=5)
BACKOFF_MAX = timedelta(minutes=30)


class Status:
    """Outbox row statuses."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNDELIVERABLE = "undeliverable"
    CANCELLED = "cancelled"


def reminder_key(occurrence_id: int, chat_id: int, stage: str) -> str:
    """The dedupe key of a reminder row."""
    return f"r:{occurrence_id}:{chat_id}:{stage}"


@dataclass(frozen=True, slots=True)
class EnqueueReport:
    """What one enqueue pass did."""

    examined: int = 0
    enqueued: int = 0
    without_recipient: int = 0


def enqueue_due_reminders(
    session: Session,
    *,
    now: datetime,
    tz: tzinfo,
    policy: ReminderPolicy,
    batch: int = 20_000,
) -> EnqueueReport:
    """Decide which reminders are due now and put them in the outbox (idempotently)."""
    local = now.astimezone(tz)
    if not may_send_at(local, policy):
        return EnqueueReport()
    today = local.date()
    rows = session.exec(
        select(  # type: ignore[call-overload]
            col(Occurrence.id),
            col(Occurrence.unit_id),
            col(Occurrence.last_day),
            col(Occurrence.extended_to),
            col(Obligation.lead_days),
        )
        .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
        .where(
            Occurrence.state == State.OPEN.value,
            or_(col(Occurrence.next_remind_on).is_(None), col(Occurrence.next_remind_on) <= today),
        )
        .order_by(col(Occurrence.id))
        .limit(batch)
    ).all()
    if not rows:
        return EnqueueReport()
    chats = _officer_chats(session, {unit_id for _, unit_id, _, _, _ in rows})
    outbox: list[dict[str, Any]] = []
    next_days: dict[date, list[int]] = defaultdict(list)
    without = 0
    for occurrence_id, unit_id, last_day, extended_to, lead_days in rows:
        assert occurrence_id is not None
        stage, following = latest_and_next(
            effective_last_day(last_day, extended_to), lead_days or policy.lead_days, today
        )
        next_days[following].append(occurrence_id)
        recipients = chats.get(unit_id, [])
        if stage is None:
            continue
        if not recipients:
            without += 1
        for person_id, chat_id in recipients:
            outbox.append(
                {
                    "dedupe_key": reminder_key(occurrence_id, chat_id, stage.key),
                    "occurrence_id": occurrence_id,
                    "chat_id": chat_id,
                    "person_id": person_id,
                    "stage": stage.key,
                    "kind": "reminder",
                    "text": "",
                    "status": Status.PENDING,
                    "attempts": 0,
                    "next_attempt_at": now,
                    "last_error": "",
                    "claimed_by": "",
                    "created_at": now,
                }
            )
    inserted = _insert_ignoring_duplicates(session, outbox)
    for day, ids in next_days.items():
        session.execute(
            update(Occurrence).where(col(Occurrence.id).in_(ids)).values(next_remind_on=day)
        )
    session.flush()
    return EnqueueReport(len(rows), inserted, without)


def _officer_chats(session: Session, unit_ids: set[int]) -> dict[int, list[tuple[int, int]]]:
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    ids = list(unit_ids)
    for start in range(0, len(ids), 5000):
        for unit_id, person_id, chat_id in session.exec(
            select(Membership.unit_id, Person.id, Person.chat_id)
            .join(Person, col(Person.id) == col(Membership.person_id))
            .where(
                col(Membership.unit_id).in_(ids[start : start + 5000]),
                Membership.role == Role.OFFICER.value,
                col(Membership.revoked_at).is_(None),
                col(Person.active).is_(True),
                col(Person.chat_id).is_not(None),
            )
        ).all():
            if person_id is not None and chat_id is not None:
                found[unit_id].append((person_id, chat_id))
    return found


def _insert_ignoring_duplicates(session: Session, rows: list[dict[str, Any]]) -> int:
    """Insert the rows whose key is new; returns how many were new.

    Keys already present are filtered out first, so that the insert can run as one plain
    executemany (fast on both drivers); ON CONFLICT DO NOTHING still guards against a concurrent
    tick inserting the same key in between.
    """
    if not rows:
        return 0
    keys = [row["dedupe_key"] for row in rows]
    existing: set[str] = set()
    for start in range(0, len(keys), 5000):
        existing.update(
            session.exec(
                select(Outbox.dedupe_key).where(
                    col(Outbox.dedupe_key).in_(keys[start : start + 5000])
                )
            ).all()
        )
    fresh = [row for row in rows if row["dedupe_key"] not in existing]
    if fresh:
        dialect = session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        statement = insert(Outbox).on_conflict_do_nothing(index_elements=["dedupe_key"])
        session.connection().execute(statement, fresh)
    return len(fresh)


def enqueue_messages(
    session: Session, messages: list[tuple[str, int, str, str]], *, now: datetime
) -> int:
    """Queue ready-made texts (digests): (dedupe key, chat, stage, text); duplicates skipped."""
    return _insert_ignoring_duplicates(
        session,
        [
            {
                "dedupe_key": key,
                "occurrence_id": None,
                "chat_id": chat_id,
                "person_id": None,
                "stage": stage,
                "kind": "digest",
                "text": text,
                "status": Status.PENDING,
                "attempts": 0,
                "next_attempt_at": now,
                "last_error": "",
                "claimed_by": "",
                "created_at": now,
            }
            for key, chat_id, stage, text in messages
        ],
    )


def release_stale_claims(session: Session, *, now: datetime) -> int:
    """Give back rows claimed by a process that died before marking them."""
    result = session.execute(
        update(Outbox)
        .where(col(Outbox.status) == Status.SENDING, col(Outbox.claimed_at) < now - STALE_CLAIM)
        .values(status=Status.PENDING, claimed_by="")
    )
    return result.rowcount or 0  # type: ignore[attr-defined]


def next_due(session: Session) -> datetime | None:
    """When the earliest pending row may be sent."""
    return session.exec(
        select(func.min(col(Outbox.next_attempt_at))).where(Outbox.status == Status.PENDING)
    ).one()


def claim(session: Session, *, now: datetime, worker: str, limit: int) -> list[Outbox]:
    """Take up to `limit` pending rows that are due, for this worker only."""
    query = (
        select(Outbox)
        .where(Outbox.status == Status.PENDING, Outbox.next_attempt_at <= now)
        .order_by(col(Outbox.id))
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = list(session.exec(query).all())
    for row in rows:
        row.status, row.claimed_by, row.claimed_at = Status.SENDING, worker, now
    session.flush()
    return rows


def mark_sent(session: Session, row_id: int, *, message_id: int, now: datetime) -> None:
    """The message went out."""
    _set(session, row_id, status=Status.SENT, telegram_message_id=message_id, sent_at=now)


def mark_retry(
    session: Session, row_id: int, *, error: str, now: datetime, wait: timedelta | None = None
) -> str:
    """Try again later: after `wait` (429) or with exponential backoff; give up after a limit."""
    row = session.get(Outbox, row_id)
    assert row is not None
    row.attempts += 1
    row.last_error = error[:500]
    if wait is None and row.attempts >= MAX_ATTEMPTS:
        row.status = Status.FAILED
    else:
        delay = (
            wait if wait is not None else min(BACKOFF_BASE * 2 ** (row.attempts - 1), BACKOFF_MAX)
        )
        row.status, row.next_attempt_at, row.claimed_by = Status.PENDING, now + delay, ""
    session.add(row)
    return row.status


def mark_failed(session: Session, row_id: int, *, error: str) -> None:
    """A permanent error that is not about the recipient (a malformed message)."""
    _set(session, row_id, status=Status.FAILED, last_error=error[:500])


def mark_undeliverable(session: Session, row_id: int, *, error: str) -> None:
    """Blocked, never started, chat not found: permanent; the coordinator hears of it."""
    _set(session, row_id, status=Status.UNDELIVERABLE, last_error=error[:500])


def mark_cancelled(session: Session, row_id: int, *, reason: str) -> None:
    """No longer due: done, waived, extended, or the person left the unit."""
    _set(session, row_id, status=Status.CANCELLED, last_error=reason[:500])


def _set(session: Session, row_id: int, **values: Any) -> None:
    session.execute(update(Outbox).where(col(Outbox.id) == row_id).values(**values))


def beat(session: Session, name: str, *, now: datetime, info: dict[str, Any]) -> None:
    """Record that a recurring job ran."""
    heartbeat = session.get(Heartbeat, name) or Heartbeat(name=name, at=now)
    heartbeat.at, heartbeat.info = now, info
    session.add(heartbeat)


@dataclass(frozen=True, slots=True)
class OutboxStatus:
    """Counts by status, the last tick, and the next reminders."""

    counts: dict[str, int]
    last_tick: datetime | None
    last_tick_info: dict[str, Any] | None
    upcoming: list[tuple[date, int]]
    not_yet_planned: int = 0  # open occurrences whose next reminder day the tick has not set yet


def status(session: Session, *, today: date) -> OutboxStatus:
    """What `bot.py status` prints."""
    counts = dict(
        session.exec(select(Outbox.status, func.count()).group_by(col(Outbox.status))).all()
    )
    tick = session.get(Heartbeat, "tick")
    upcoming = session.exec(
        select(col(Occurrence.next_remind_on), func.count())
        .where(Occurrence.state == State.OPEN.value, col(Occurrence.next_remind_on) >= today)
        .group_by(col(Occurrence.next_remind_on))
        .order_by(col(Occurrence.next_remind_on))
        .limit(7)
    ).all()
    unplanned = session.exec(
        select(func.count()).where(
            Occurrence.state == State.OPEN.value, col(Occurrence.next_remind_on).is_(None)
        )
    ).one()
    return OutboxStatus(
        not_yet_planned=int(unplanned),
        counts={k: int(v) for k, v in counts.items()},
        last_tick=tick.at if tick else None,
        last_tick_info=tick.info if tick else None,
        upcoming=[(d, int(n)) for d, n in upcoming if d is not None],
    )

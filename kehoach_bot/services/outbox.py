"""The outbox queue: every message the bot sends on its own initiative is a row here.

Enqueueing is idempotent: each row has a dedupe key, and a key already present is skipped. Rows
are claimed before sending — on PostgreSQL with FOR UPDATE SKIP LOCKED, so that several
dispatchers never take the same row — under a short lease that the sender renews while it
works. A claim whose lease ran out belongs to a process that died: the row goes back to the
queue, and at worst a message that was in flight at the kill is sent twice, never lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from kehoach_bot.db.models import Outbox
from kehoach_bot.domain.stored import DeliveryStatus, MessageKind

LEASE = timedelta(seconds=45)  # a claim not renewed for this long is given back
MAX_ATTEMPTS = 8
BACKOFF_BASE = timedelta(seconds=5)
BACKOFF_MAX = timedelta(minutes=30)
_KEY_CHUNK = 5000


@dataclass(frozen=True, slots=True)
class Message:
    """One message to queue: where it goes, what it is about, and its dedupe key."""

    key: str
    chat_id: int
    kind: MessageKind
    stage: str = ""
    occurrence_id: int | None = None
    subject_id: int | None = None
    person_id: int | None = None
    text: str = ""  # only ready-made messages (digests) carry their text


@dataclass(frozen=True, slots=True)
class Claimed:
    """A claimed row, as the dispatcher needs it."""

    id: int
    chat_id: int
    kind: MessageKind
    stage: str
    occurrence_id: int | None
    subject_id: int | None
    text: str


def reminder_key(occurrence_id: int, chat_id: int, stage: str) -> str:
    """The dedupe key of a reminder row."""
    return f"r:{occurrence_id}:{chat_id}:{stage}"


def notice_key(kind: MessageKind, subject_id: int, chat_id: int) -> str:
    """The dedupe key of a notice about a reply, an extension or an ad hoc request."""
    return f"n:{kind.value}:{subject_id}:{chat_id}"


def enqueue(session: Session, messages: Iterable[Message], *, now: datetime) -> int:
    """Queue messages whose key is new; returns how many were new."""
    return insert_rows(
        session,
        [
            {
                "dedupe_key": m.key,
                "occurrence_id": m.occurrence_id,
                "subject_id": m.subject_id,
                "chat_id": m.chat_id,
                "person_id": m.person_id,
                "stage": m.stage,
                "kind": m.kind.value,
                "text": m.text,
                "status": DeliveryStatus.PENDING.value,
                "attempts": 0,
                "next_attempt_at": now,
                "last_error": "",
                "claimed_by": "",
                "created_at": now,
            }
            for m in messages
        ],
    )


def insert_rows(session: Session, rows: list[dict[str, Any]]) -> int:
    """Insert outbox rows whose key is new; returns how many were new.

    Keys already present are filtered out first, so that the insert can run as one plain
    executemany (fast on both drivers); ON CONFLICT DO NOTHING still guards against a concurrent
    tick inserting the same key in between.
    """
    if not rows:
        return 0
    keys = list(dict.fromkeys(row["dedupe_key"] for row in rows))
    existing: set[str] = set()
    for start in range(0, len(keys), _KEY_CHUNK):
        existing.update(
            session.exec(
                select(Outbox.dedupe_key).where(
                    col(Outbox.dedupe_key).in_(keys[start : start + _KEY_CHUNK])
                )
            ).all()
        )
    fresh: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["dedupe_key"] not in existing:
            fresh.setdefault(row["dedupe_key"], row)
    if fresh:
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        statement = insert(Outbox).on_conflict_do_nothing(index_elements=["dedupe_key"])
        session.connection().execute(statement, list(fresh.values()))
    return len(fresh)


def release_expired_claims(session: Session, *, now: datetime) -> int:
    """Give back rows whose claim was not renewed within the lease (their sender died)."""
    result = session.execute(
        update(Outbox)
        .where(col(Outbox.status) == DeliveryStatus.SENDING, col(Outbox.claimed_at) < now - LEASE)
        .values(status=DeliveryStatus.PENDING.value, claimed_by="")
    )
    return result.rowcount or 0  # type: ignore[attr-defined]


def release_all_claims(session: Session) -> int:
    """Give back every claim: on SQLite one bot process runs, so a new one replaces the last."""
    result = session.execute(
        update(Outbox)
        .where(col(Outbox.status) == DeliveryStatus.SENDING)
        .values(status=DeliveryStatus.PENDING.value, claimed_by="")
    )
    return result.rowcount or 0  # type: ignore[attr-defined]


def claim_holders(session: Session) -> list[str]:
    """The workers that hold claims now."""
    return list(
        session.exec(
            select(Outbox.claimed_by)
            .where(Outbox.status == DeliveryStatus.SENDING.value)
            .distinct()
        ).all()
    )


def release_claims_of(session: Session, workers: list[str]) -> int:
    """Give back the claims of workers known to be dead."""
    if not workers:
        return 0
    result = session.execute(
        update(Outbox)
        .where(col(Outbox.status) == DeliveryStatus.SENDING, col(Outbox.claimed_by).in_(workers))
        .values(status=DeliveryStatus.PENDING.value, claimed_by="")
    )
    return result.rowcount or 0  # type: ignore[attr-defined]


def renew_claims(session: Session, row_ids: list[int], *, worker: str, now: datetime) -> None:
    """Extend the lease of rows this worker still holds."""
    for start in range(0, len(row_ids), _KEY_CHUNK):
        session.execute(
            update(Outbox)
            .where(
                col(Outbox.id).in_(row_ids[start : start + _KEY_CHUNK]),
                col(Outbox.status) == DeliveryStatus.SENDING,
                col(Outbox.claimed_by) == worker,
            )
            .values(claimed_at=now)
        )


def unclaim(session: Session, row_ids: list[int], *, worker: str) -> None:
    """Give back rows this worker claimed but did not start sending."""
    for start in range(0, len(row_ids), _KEY_CHUNK):
        session.execute(
            update(Outbox)
            .where(
                col(Outbox.id).in_(row_ids[start : start + _KEY_CHUNK]),
                col(Outbox.status) == DeliveryStatus.SENDING,
                col(Outbox.claimed_by) == worker,
            )
            .values(status=DeliveryStatus.PENDING.value, claimed_by="")
        )


def next_due(session: Session) -> datetime | None:
    """When the earliest pending row may be sent."""
    return session.exec(
        select(func.min(col(Outbox.next_attempt_at))).where(Outbox.status == DeliveryStatus.PENDING)
    ).one()


def claim(
    session: Session, *, now: datetime, worker: str, limit: int, skip: Iterable[int] = ()
) -> list[Claimed]:
    """Take up to `limit` pending rows that are due, for this worker only."""
    query = (
        select(Outbox)
        .where(Outbox.status == DeliveryStatus.PENDING, Outbox.next_attempt_at <= now)
        .order_by(col(Outbox.next_attempt_at), col(Outbox.id))
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = list(session.exec(query).all())
    ids = [row.id for row in rows if row.id is not None]
    if ids:
        session.execute(
            update(Outbox)
            .where(col(Outbox.id).in_(ids))
            .values(status=DeliveryStatus.SENDING.value, claimed_by=worker, claimed_at=now)
        )
    return [
        Claimed(
            id=row.id or 0,
            chat_id=row.chat_id,
            kind=MessageKind(row.kind),
            stage=row.stage,
            occurrence_id=row.occurrence_id,
            subject_id=row.subject_id,
            text=row.text,
        )
        for row in rows
    ]


def mark_sent(session: Session, row_id: int, *, message_id: int, now: datetime) -> None:
    """The message went out."""
    _set(session, row_id, status=DeliveryStatus.SENT, telegram_message_id=message_id, sent_at=now)


def mark_retry(
    session: Session, row_id: int, *, error: str, now: datetime, wait: timedelta | None = None
) -> DeliveryStatus:
    """Try again later: after `wait` (429) or with exponential backoff; give up after a limit."""
    row = session.get(Outbox, row_id)
    assert row is not None
    row.attempts += 1
    row.last_error = error[:500]
    if wait is None and row.attempts >= MAX_ATTEMPTS:
        row.status = DeliveryStatus.FAILED
    else:
        delay = (
            wait if wait is not None else min(BACKOFF_BASE * 2 ** (row.attempts - 1), BACKOFF_MAX)
        )
        row.status, row.next_attempt_at, row.claimed_by = DeliveryStatus.PENDING, now + delay, ""
    session.add(row)
    return DeliveryStatus(row.status)


def mark_failed(session: Session, row_id: int, *, error: str) -> None:
    """A permanent error that is not about the recipient (a malformed message)."""
    _set(session, row_id, status=DeliveryStatus.FAILED, last_error=error[:500])


def mark_undeliverable(session: Session, row_id: int, *, error: str) -> None:
    """Blocked, never started, chat not found: permanent; the coordinator hears of it."""
    _set(session, row_id, status=DeliveryStatus.UNDELIVERABLE, last_error=error[:500])


def mark_cancelled(session: Session, row_id: int, *, reason: str) -> None:
    """No longer due: done, waived, extended, decided, or the person left the unit."""
    _set(session, row_id, status=DeliveryStatus.CANCELLED, last_error=reason[:500])


def _set(session: Session, row_id: int, **values: Any) -> None:
    session.execute(update(Outbox).where(col(Outbox.id) == row_id).values(**values))

"""The audit log: every change by a person, with before → after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from kehoach_bot.db.models import AuditLog
from kehoach_bot.runtime import Runtime

_INSERT = insert(AuditLog)
REFUSED = "refused"  # the action of a refused tap or command
CLAIM_LENGTH = 200  # what is kept of the refused callback data or command text


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: str | int = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    now: datetime,
) -> None:
    """Append one audit entry in the caller's transaction."""
    # One statement, parameters apart: the compiled insert is cached across calls.
    session.execute(
        _INSERT,
        {
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": str(entity_id),
            "before": before,
            "after": after,
            "at": now,
        },
    )


def record_refusal(
    runtime: Runtime, *, user_id: int | None, what: str, claim: str, reason: str
) -> None:
    """Log a refused tap, command or message, in its own transaction (the refused one is undone)."""
    with runtime.transaction() as session:
        record(
            session,
            actor=f"tg:{user_id}" if user_id is not None else "tg:?",
            action=REFUSED,
            entity=what,
            after={"claim": claim[:CLAIM_LENGTH], "reason": reason[:CLAIM_LENGTH]},
            now=runtime.now(),
        )


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change: who, what, on which entity, when."""

    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str


def recent(session: Session, limit: int = 30) -> list[AuditEntry]:
    """The latest audit entries, newest first."""
    rows = session.exec(select(AuditLog).order_by(col(AuditLog.id).desc()).limit(limit)).all()
    return [AuditEntry(r.at, r.actor, r.action, r.entity, r.entity_id) for r in rows]

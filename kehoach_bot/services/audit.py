"""The audit log: every change by a person, with before → after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from kehoach_bot.db.models import AuditLog

_INSERT = insert(AuditLog)


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

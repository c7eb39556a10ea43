"""How the delivery runs: heartbeats of recurring jobs and what `bot.py status` prints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from kehoach_bot.db.models import Heartbeat, Occurrence, Outbox
from kehoach_bot.domain.status import State
from kehoach_bot.runtime import Runtime
from kehoach_bot.services.reminders import CHASE_ENDED


def beat(session: Session, name: str, *, now: datetime, info: dict[str, Any]) -> None:
    """Record that a recurring job ran."""
    heartbeat = session.get(Heartbeat, name) or Heartbeat(name=name, at=now)
    heartbeat.at, heartbeat.info = now, info
    session.add(heartbeat)


def record_run(runtime: Runtime, name: str, now: datetime, info: dict[str, Any]) -> None:
    """Record, in its own transaction, that a recurring job ran."""
    with runtime.transaction() as session:
        beat(session, name, now=now, info=info)


def last_beat(session: Session, name: str) -> datetime | None:
    """When a recurring job last recorded a run."""
    heartbeat = session.get(Heartbeat, name)
    return heartbeat.at if heartbeat else None


@dataclass(frozen=True, slots=True)
class DeliveryHealth:
    """Outbox counts by status, the last tick, and the next reminder days."""

    counts: dict[str, int]
    last_tick: datetime | None
    last_tick_info: dict[str, Any] | None
    upcoming: list[tuple[date, int]]
    not_yet_planned: int = 0  # open occurrences whose next reminder day the tick has not set yet


def delivery_health(session: Session, *, today: date) -> DeliveryHealth:
    """What `bot.py status` prints."""
    counts = dict(
        session.exec(select(Outbox.status, func.count()).group_by(col(Outbox.status))).all()
    )
    tick = session.get(Heartbeat, "tick")
    upcoming = session.exec(
        select(col(Occurrence.next_remind_on), func.count())
        .where(
            Occurrence.state == State.OPEN.value,
            col(Occurrence.next_remind_on) >= today,
            col(Occurrence.next_remind_on) < CHASE_ENDED,  # no reminder day: the chase is over
        )
        .group_by(col(Occurrence.next_remind_on))
        .order_by(col(Occurrence.next_remind_on))
        .limit(7)
    ).all()
    unplanned = session.exec(
        select(func.count()).where(
            Occurrence.state == State.OPEN.value, col(Occurrence.next_remind_on).is_(None)
        )
    ).one()
    return DeliveryHealth(
        not_yet_planned=int(unplanned),
        counts={k: int(v) for k, v in counts.items()},
        last_tick=tick.at if tick else None,
        last_tick_info=tick.info if tick else None,
        upcoming=[(d, int(n)) for d, n in upcoming if d is not None],
    )

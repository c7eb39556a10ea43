"""A plan's "theo dõi từ" date: periods whose last on-time day is earlier are history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from kehoach_bot.db.models import Plan
from kehoach_bot.services import audit
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.texts import errors_vi as t

EARLIEST = date(2000, 1, 1)  # older than any plan the bot tracks: a typing slip, not a date


@dataclass(frozen=True, slots=True)
class TrackedFrom:
    """A plan's tracking start before and after a change."""

    plan: str
    title: str
    before: date | None
    after: date


def set_tracked_from(
    session: Session, *, plan_code: str, day: date, actor: str, now: datetime
) -> TrackedFrom:
    """Track `plan_code` from `day`: earlier periods become history, later ones are chased."""
    plan = session.exec(select(Plan).where(Plan.code == plan_code)).first()
    if plan is None:
        raise NotFound(t.PLAN_NOT_FOUND.format(code=plan_code))
    if day < EARLIEST:
        raise InvalidInput(t.TRACKED_FROM_TOO_EARLY.format(earliest=EARLIEST.strftime("%d/%m/%Y")))
    before = plan.tracked_from
    if before == day:
        return TrackedFrom(plan.code, plan.title, before, day)
    plan.tracked_from = day
    session.add(plan)
    audit.record(
        session,
        actor=actor,
        action="plan_tracked_from",
        entity="plan",
        entity_id=plan.code,
        before={"tracked_from": before.isoformat() if before else None},
        after={"tracked_from": day.isoformat()},
        now=now,
    )
    session.flush()
    return TrackedFrom(plan.code, plan.title, before, day)

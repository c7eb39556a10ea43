"""When to remind: stages before and after the last on-time day, and which one is due now.

Before the deadline: N working days before the last working day to remind on (default 7, 3, 1),
and on that day itself (0). After it passes: the next working day, three days later, then weekly
until the occurrence is done, waived or extended. Reminders go out on working days within the
configured hours; after downtime only the latest due stage counts: no burst of stale reminders.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kehoach_bot.domain.working_days import (
    add_working_days,
    is_working_day,
    next_working_day,
    previous_working_day,
)

FIRST_CHASE_GAP = timedelta(days=3)
WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class ReminderPolicy:
    """Lead days (working days before the deadline) and the local hours reminders may go out."""

    lead_days: tuple[int, ...] = (7, 3, 1, 0)
    send_from: time = time(8, 0)
    send_until: time = time(17, 30)


@dataclass(frozen=True, slots=True)
class Stage:
    """One reminder of one occurrence: a stable key and the local day it falls on."""

    key: str
    day: date


def stages(deadline: date, lead_days: Sequence[int], until: date) -> Iterator[Stage]:
    """Every stage of an occurrence whose last on-time day is `deadline`, up to `until`."""
    anchor = previous_working_day(deadline)
    for lead in sorted(set(lead_days), reverse=True):
        day = add_working_days(anchor, -lead) if lead else anchor
        if day <= until:
            yield Stage(f"truoc-{lead}", day)
    first = next_working_day(deadline + timedelta(days=1))
    if first <= until:
        yield Stage("qua-han-1", first)
    second = next_working_day(first + FIRST_CHASE_GAP)
    if second <= until:
        yield Stage("qua-han-2", second)
    weekly = second + WEEK
    while next_working_day(weekly) <= until:
        yield Stage(f"qua-han-{weekly.isoformat()}", next_working_day(weekly))
        weekly += WEEK


def may_send_at(local: datetime, policy: ReminderPolicy) -> bool:
    """True on working days within the sending hours."""
    return is_working_day(local.date()) and policy.send_from <= local.time() <= policy.send_until


def latest_and_next(
    deadline: date, lead_days: Sequence[int], today: date
) -> tuple[Stage | None, date]:
    """The latest stage that has come by `today`, and the day of the one after it."""
    latest: Stage | None = None
    for stage in stages(deadline, lead_days, today + timedelta(days=400)):
        if stage.day <= today:
            latest = stage
        else:
            return latest, stage.day
    return latest, today + timedelta(days=7)  # unreachable: overdue stages repeat weekly

"""When to remind: stages before and after the last on-time day, and which one is due now.

Before the deadline: N working days before the last working day to remind on (default 7, 3, 1),
and on that day itself (0). After it passes: the next working day, three days later, then weekly
for at most `max_weekly` weeks (default 4), so an overdue period gets at most 2 + max_weekly
reminders. Then the automatic chase ends and the period is "quá hạn kéo dài": the coordinator
sees it in the digest and reminds by hand. Done, waived or extended stops the chase earlier; an
extension or a moved deadline starts it again from the new day. Reminders go out on working days
within the configured hours; after downtime only the latest due stage counts: no burst of stale
reminders.
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
MAX_WEEKLY = 4  # weekly chases after the two first overdue reminders


@dataclass(frozen=True, slots=True)
class ReminderPolicy:
    """Lead days (working days before the deadline), the local hours reminders may go out, and
    how many weekly reminders follow the two first overdue ones."""

    lead_days: tuple[int, ...] = (7, 3, 1, 0)
    send_from: time = time(8, 0)
    send_until: time = time(17, 30)
    max_weekly: int = MAX_WEEKLY


@dataclass(frozen=True, slots=True)
class Stage:
    """One reminder of one occurrence: a stable key and the local day it falls on."""

    key: str
    day: date


def stages(
    deadline: date, lead_days: Sequence[int], until: date, max_weekly: int = MAX_WEEKLY
) -> Iterator[Stage]:
    """Every stage of an occurrence whose last on-time day is `deadline`, up to `until`."""
    anchor = previous_working_day(deadline)
    for lead in sorted(set(lead_days), reverse=True):
        day = add_working_days(anchor, -lead) if lead else anchor
        if day <= until:
            yield Stage(f"truoc-{lead}", day)
    for stage in overdue_stages(deadline, max_weekly):
        if stage.day > until:
            return
        yield stage


def overdue_stages(deadline: date, max_weekly: int = MAX_WEEKLY) -> list[Stage]:
    """The 2 + `max_weekly` reminders after the last on-time day, in order."""
    first = next_working_day(deadline + timedelta(days=1))
    second = next_working_day(first + FIRST_CHASE_GAP)
    found = [Stage("qua-han-1", first), Stage("qua-han-2", second)]
    for week in range(1, max_weekly + 1):
        # Keyed by the unshifted day: two chases that a holiday pushes onto one day stay two.
        weekly = second + WEEK * week
        found.append(Stage(f"qua-han-{weekly.isoformat()}", next_working_day(weekly)))
    return found


def last_chase_day(deadline: date, max_weekly: int = MAX_WEEKLY) -> date:
    """The day of the last automatic reminder after the last on-time day `deadline`."""
    return overdue_stages(deadline, max_weekly)[-1].day


def chase_ended(deadline: date, today: date, max_weekly: int = MAX_WEEKLY) -> bool:
    """True once the last automatic reminder's day has passed: "quá hạn kéo dài"."""
    return today > last_chase_day(deadline, max_weekly)


def chase_ended_through(today: date, max_weekly: int = MAX_WEEKLY) -> date:
    """The latest last on-time day whose chase has ended by `today` (every earlier one has too:
    the last chase day never moves back when the deadline moves forward)."""
    deadline = today - timedelta(days=1)
    while not chase_ended(deadline, today, max_weekly):
        deadline -= timedelta(days=1)
    return deadline


def may_send_at(local: datetime, policy: ReminderPolicy) -> bool:
    """True on working days within the sending hours."""
    return is_working_day(local.date()) and policy.send_from <= local.time() <= policy.send_until


def latest_and_next(
    deadline: date, lead_days: Sequence[int], today: date, max_weekly: int = MAX_WEEKLY
) -> tuple[Stage | None, date | None]:
    """The latest stage that has come by `today`, and the day of the one after it (None once
    the last stage has come: the chase is over)."""
    latest: Stage | None = None
    for stage in stages(deadline, lead_days, date.max, max_weekly):
        if stage.day <= today:
            latest = stage
        else:
            return latest, stage.day
    return latest, None

"""Schedules of reporting obligations and the periods (with written due dates) they generate."""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from kehoach_bot.domain.periods import (
    Period,
    half_year_period,
    month_period,
    one_off_period,
    quarter_period,
    year_period,
)
from kehoach_bot.texts import domain_vi as t


class ScheduleType(enum.StrEnum):
    """How often an obligation falls due."""

    ONE_OFF = "one_off"
    YEARLY = "yearly"
    HALF_YEARLY = "half_yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    AD_HOC = "ad_hoc"  # đột xuất: each coordinator's request carries its own date
    UNDATED = "undated"  # "định kỳ", "theo quy định": periodic, no date until an admin sets one


class ScheduleError(ValueError):
    """A schedule that cannot produce dates (impossible day, missing field)."""


@dataclass(frozen=True, slots=True)
class Window:
    """An inclusive date window; either end may be open."""

    start: date | None = None
    end: date | None = None

    def contains(self, day: date) -> bool:
        """True when `day` lies inside the window."""
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Schedule:
    """A schedule: its type plus the day(s) of the period on which the report is due."""

    type: ScheduleType
    date: date | None = None  # one-off
    month: int | None = None  # yearly: month of the due date
    day: int | None = None  # day of month of the due date
    # Half-yearly: the due month of each half, e.g. (6, 12). One month, e.g. (6,), means only the
    # first-half report: plans usually let the yearly report cover the second half.
    months: tuple[int, ...] = ()
    offset_months: int = 0  # quarterly/monthly: due in the month after the period when 1

    @property
    def is_dated(self) -> bool:
        """True when the schedule yields occurrences by itself."""
        return self.type not in (ScheduleType.AD_HOC, ScheduleType.UNDATED)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly form for storage."""
        data: dict[str, Any] = {"type": self.type.value}
        if self.date is not None:
            data["date"] = self.date.isoformat()
        for name in ("month", "day"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        if self.months:
            data["months"] = list(self.months)
        if self.offset_months:
            data["offset_months"] = self.offset_months
        return data


def schedule_from_dict(data: dict[str, Any]) -> Schedule:
    """Build and validate a schedule from its stored or plan-file form."""
    try:
        kind = ScheduleType(data["type"])
    except (KeyError, ValueError) as exc:
        raise ScheduleError(t.SCHEDULE_TYPE_INVALID.format(value=data.get("type"))) from exc
    raw_date = data.get("date")
    when = date.fromisoformat(raw_date) if isinstance(raw_date, str) else raw_date
    schedule = Schedule(
        type=kind,
        date=when,
        month=data.get("month"),
        day=data.get("day"),
        months=tuple(data.get("months", ())),
        offset_months=int(data.get("offset_months", 0)),
    )
    validate(schedule)
    return schedule


def validate(schedule: Schedule) -> None:
    """Raise ScheduleError when the schedule names an impossible or missing date."""
    kind = schedule.type
    if kind is ScheduleType.ONE_OFF and schedule.date is None:
        raise ScheduleError(t.ONE_OFF_NEEDS_DATE)
    if kind is ScheduleType.YEARLY:
        if schedule.month is None or schedule.day is None:
            raise ScheduleError(t.YEARLY_NEEDS_MONTH_AND_DAY)
        _check_day(schedule.month, schedule.day)
    if kind is ScheduleType.HALF_YEARLY:
        if schedule.day is None or len(schedule.months) not in (1, 2):
            raise ScheduleError(t.HALF_YEARLY_NEEDS_MONTHS_AND_DAY)
        for month in schedule.months:
            _check_day(month, schedule.day)
    if kind in (ScheduleType.QUARTERLY, ScheduleType.MONTHLY):
        if schedule.day is None or not 1 <= schedule.day <= 31:
            raise ScheduleError(t.QUARTERLY_MONTHLY_NEEDS_DAY)
        if schedule.offset_months not in (0, 1):
            raise ScheduleError(t.OFFSET_MONTHS_ZERO_OR_ONE)


def _check_day(month: int, day: int) -> None:
    if not 1 <= month <= 12:
        raise ScheduleError(t.MONTH_DOES_NOT_EXIST.format(month=month))
    # A leap year is used so that 29/02 stays possible for a yearly date.
    if not 1 <= day <= calendar.monthrange(2024, month)[1]:
        raise ScheduleError(t.DAY_OF_MONTH_DOES_NOT_EXIST.format(day=day, month=month))


def _due(year: int, month: int, day: int) -> date:
    # 29/02 in a common year and 31 in a 30-day month fall back to the month's last day.
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def periods(schedule: Schedule, window: Window) -> Iterator[tuple[Period, date]]:
    """Every (period, written due date) of the schedule whose due date lies inside `window`.

    The window must be closed on both ends for repeating schedules.
    """
    if schedule.type is ScheduleType.ONE_OFF:
        assert schedule.date is not None
        if window.contains(schedule.date):
            yield one_off_period(schedule.date), schedule.date
        return
    if not schedule.is_dated:
        return
    if window.start is None or window.end is None:
        raise ScheduleError(t.CLOSED_WINDOW_NEEDED)
    for year in range(window.start.year - 1, window.end.year + 2):
        for period, due in _periods_of_year(schedule, year):
            if window.contains(due):
                yield period, due


def _periods_of_year(schedule: Schedule, year: int) -> Iterator[tuple[Period, date]]:
    kind, day = schedule.type, schedule.day
    assert day is not None
    if kind is ScheduleType.YEARLY:
        assert schedule.month is not None
        due = _due(year, schedule.month, day)
        yield year_period(year, due), due
    elif kind is ScheduleType.HALF_YEARLY:
        for half, month in enumerate(schedule.months, start=1):
            due = _due(year, month, day)
            yield half_year_period(year, half, due), due
    elif kind is ScheduleType.QUARTERLY:
        for quarter in range(1, 5):
            year_due, month_due = _add_months(year, 3 * quarter, schedule.offset_months)
            due = _due(year_due, month_due, day)
            yield quarter_period(year, quarter, due), due
    elif kind is ScheduleType.MONTHLY:
        for month in range(1, 13):
            year_due, month_due = _add_months(year, month, schedule.offset_months)
            due = _due(year_due, month_due, day)
            yield month_period(year, month, due), due


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1

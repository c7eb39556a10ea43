"""The numbers the compliance chart draws, taken from a plan's table (no drawing here).

Per period, how many reports fall in each of the four categories; per unit, its on-time rate
in each period and overall. Rows outside tracking (Status.NOT_TRACKED) count nowhere: they are
history nobody chased, so they neither fill a bar nor lower a rate.

A rate is taken over the decided reports only: done (on time or late) or open past the last day.
A report still open within its deadline may yet be on time; counting it as a failure would paint
every unit red for a period that is not due yet.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from kehoach_bot.domain.status import Status
from kehoach_bot.services.exports import PlanTable, TableRow

# In the order the bars stack, from the ground up: done on time, done late, in progress, overdue.
BAR_CATEGORIES = (Status.DONE_ON_TIME, Status.DONE_LATE, Status.OPEN_ON_TIME, Status.OPEN_OVERDUE)
# A phone shows about this many rows readably; the laggards are the ones worth a row.
MAX_UNITS = 20
# Reports whose on-time outcome is known; the rate's denominator.
DECIDED = (Status.DONE_ON_TIME, Status.DONE_LATE, Status.OPEN_OVERDUE)


@dataclass(frozen=True, slots=True)
class PeriodBars:
    """One period's reports counted in each of the four categories."""

    period: str
    period_key: str
    counts: dict[Status, int]  # every category of BAR_CATEGORIES, zero included

    @property
    def total(self) -> int:
        """All tracked reports of the period."""
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class UnitRates:
    """A unit's on-time rate (0..1) in each period of the chart, None where nothing is decided."""

    unit: str
    unit_name: str
    rates: tuple[float | None, ...]  # in the order of ChartData.periods
    overall: float  # done on time / every decided report of the unit
    decided: int


@dataclass(frozen=True, slots=True)
class ChartData:
    """What the chart shows: the bars per period and the units with the lowest on-time rates."""

    plan: str
    plan_number: str
    plan_title: str
    today: date
    periods: tuple[PeriodBars, ...]  # in deadline order; periods with nothing tracked left out
    units: tuple[UnitRates, ...]  # lowest overall rate first, at most MAX_UNITS
    # Units with a decided report that did not fit; units with none have no row at all.
    units_left_out: int

    @property
    def units_total(self) -> int:
        """Every unit with a decided report, shown or not."""
        return len(self.units) + self.units_left_out


def chart_data(table: PlanTable, *, max_units: int = MAX_UNITS) -> ChartData:
    """The chart's numbers from a plan's table, keeping the `max_units` units lowest on time."""
    decided = [row for row in table.rows if row.status in DECIDED]
    periods = tuple(
        PeriodBars(
            period=p.period,
            period_key=p.period_key,
            counts={status: p.counts.get(status, 0) for status in BAR_CATEGORIES},
        )
        for p in table.periods
        if any(p.counts.get(status, 0) for status in BAR_CATEGORIES)
    )
    ranked = sorted(_unit_rates(decided, periods), key=lambda u: (u.overall, u.unit))
    shown = ranked[: max(max_units, 0)]
    return ChartData(
        plan=table.plan,
        plan_number=table.plan_number,
        plan_title=table.plan_title,
        today=table.today,
        periods=periods,
        units=tuple(shown),
        units_left_out=len(ranked) - len(shown),
    )


def _unit_rates(rows: list[TableRow], periods: tuple[PeriodBars, ...]) -> list[UnitRates]:
    owed: dict[str, Counter[str]] = defaultdict(Counter)
    on_time: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for row in rows:
        names.setdefault(row.unit, row.unit_name)
        owed[row.unit][row.period_key] += 1
        if row.status is Status.DONE_ON_TIME:
            on_time[row.unit][row.period_key] += 1
    return [
        UnitRates(
            unit=unit,
            unit_name=names[unit],
            rates=tuple(
                on_time[unit][p.period_key] / owed[unit][p.period_key]
                if owed[unit][p.period_key]
                else None
                for p in periods
            ),
            overall=on_time[unit].total() / owed[unit].total(),
            decided=owed[unit].total(),
        )
        for unit in names
    ]

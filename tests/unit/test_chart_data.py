"""The chart's numbers from a hand-made plan table: bars, rates, the order of the laggards and
the cut at MAX_UNITS; reports outside tracking count nowhere, reports not yet due lower no rate."""

from __future__ import annotations

from collections import Counter
from datetime import date

from kehoach_bot.domain.status import Status
from kehoach_bot.exports.chart_data import BAR_CATEGORIES, MAX_UNITS, chart_data
from kehoach_bot.services.exports import CATEGORIES, PeriodCounts, PlanTable, TableRow

ON_TIME, LATE = Status.DONE_ON_TIME, Status.DONE_LATE
OPEN, OVERDUE, UNTRACKED = Status.OPEN_ON_TIME, Status.OPEN_OVERDUE, Status.NOT_TRACKED
PERIODS = {"2025": "năm 2025", "2026": "năm 2026", "2027": "năm 2027"}


def row(unit: str, period: str, status: Status) -> TableRow:
    day = date(int(period), 12, 15)
    return TableRow(
        unit=unit,
        unit_name=f"Đơn vị {unit}",
        report="Báo cáo",
        period=PERIODS[period],
        period_key=period,
        status=status,
        deadline_text="trước ngày 15/12",
        due=day,
        last_day=day,
        submitted_at=None,
        days_late=None,
        extended_to=None,
        notes=(),
        files=(),
    )


def table(*rows: TableRow) -> PlanTable:
    """A table as plan_table builds it: counts per category, periods in deadline order."""
    by_period: dict[str, Counter[Status]] = {}
    for r in rows:
        by_period.setdefault(r.period_key, Counter())[r.status] += 1
    every = Counter(r.status for r in rows)
    return PlanTable(
        plan="thu",
        plan_number="1/KH-UBND",
        plan_title="Kế hoạch thử",
        today=date(2026, 11, 24),
        rows=rows,
        counts={s: every[s] for s in CATEGORIES},
        periods=tuple(
            PeriodCounts(PERIODS[key], key, {s: counted[s] for s in CATEGORIES})
            for key, counted in sorted(by_period.items())
        ),
    )


def test_bars_count_the_four_categories_per_period_without_untracked() -> None:
    data = chart_data(
        table(
            row("A", "2025", UNTRACKED),
            row("B", "2025", UNTRACKED),
            row("A", "2026", ON_TIME),
            row("B", "2026", LATE),
            row("C", "2026", OVERDUE),
            row("A", "2027", OPEN),
            row("B", "2027", OPEN),
            row("C", "2027", UNTRACKED),
        )
    )
    # 2025 holds only history nobody chased: no column for it.
    assert [p.period for p in data.periods] == ["năm 2026", "năm 2027"]
    assert [p.counts for p in data.periods] == [
        {ON_TIME: 1, LATE: 1, OPEN: 0, OVERDUE: 1},
        {ON_TIME: 0, LATE: 0, OPEN: 2, OVERDUE: 0},
    ]
    assert [p.total for p in data.periods] == [3, 2]
    assert tuple(data.periods[0].counts) == BAR_CATEGORIES


def test_rates_are_on_time_over_decided_reports_per_period_and_overall() -> None:
    data = chart_data(
        table(
            row("A", "2026", ON_TIME),
            row("A", "2026", LATE),
            row("A", "2027", ON_TIME),
            row("A", "2027", UNTRACKED),  # not in the rate: A is 1/1 in 2027
            row("A", "2027", OPEN),  # not due yet: may still be on time, not in the rate
            row("B", "2026", OVERDUE),
            row("B", "2027", OPEN),  # B owes 2027 but nothing is decided there: no rate
            row("C", "2027", ON_TIME),
        )
    )
    rates = {u.unit: (u.rates, u.overall, u.decided) for u in data.units}
    assert rates == {
        "A": ((0.5, 1.0), 2 / 3, 3),
        "B": ((0.0, None), 0.0, 1),
        "C": ((None, 1.0), 1.0, 1),
    }
    assert data.units_left_out == 0 and data.units_total == 3


def test_a_unit_with_nothing_decided_has_no_row() -> None:
    data = chart_data(
        table(row("A", "2026", ON_TIME), row("Y", "2026", OPEN), row("Z", "2026", UNTRACKED))
    )
    assert [u.unit for u in data.units] == ["A"]
    assert data.units_total == 1
    assert data.periods[0].counts[OPEN] == 1  # the bars still show it


def test_the_laggards_come_first_and_the_rest_are_counted() -> None:
    rows = []
    # Unit Uxx is on time in xx of 40 periods' worth of reports: the rate rises with xx.
    for n in range(MAX_UNITS + 15):
        unit = f"U{n:02d}"
        rows += [row(unit, "2026", ON_TIME)] * n + [row(unit, "2026", OVERDUE)] * (40 - n)
    rows += [row("T00", "2026", OVERDUE)] * 3  # ties with U00 at 0 %: codes decide
    data = chart_data(table(*rows))
    shown = [u.unit for u in data.units]
    assert len(shown) == MAX_UNITS
    assert shown[:3] == ["T00", "U00", "U01"]
    assert shown[-1] == f"U{MAX_UNITS - 2:02d}"
    assert data.units_left_out == 16 and data.units_total == MAX_UNITS + 16
    assert [u.overall for u in data.units] == sorted(u.overall for u in data.units)


def test_a_smaller_cut_can_be_asked() -> None:
    data = chart_data(
        table(row("A", "2026", ON_TIME), row("B", "2026", LATE), row("C", "2026", OVERDUE)),
        max_units=1,
    )
    assert [u.unit for u in data.units] == ["B"]
    assert data.units_left_out == 2

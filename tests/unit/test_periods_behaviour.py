"""Period keys, labels and the data cut-offs of Nghị định 09/2019/NĐ-CP (Art. 12).

The decree: a monthly report covers the 15th of the previous month to the 14th of the month; a
quarterly one the 15th of the month before the quarter to the 14th of its last month; a 6-month
one 15/12 of the previous year to 14/6; a yearly one 15/12 of the previous year to 14/12. A
report cannot hold data from the day it is due or later.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_bot.domain.periods import (
    Period,
    ad_hoc_period,
    half_year_period,
    month_period,
    one_off_period,
    quarter_period,
    year_period,
)

years = st.integers(2000, 2090)


def _late(year: int) -> date:
    """A due date after every period of `year`, so that nothing is clipped."""
    return date(year + 1, 12, 31)


@pytest.mark.parametrize(
    ("quarter", "due", "expected"),
    [
        (
            1,
            date(2025, 4, 10),
            Period("2025-Q1", "quý I năm 2025", date(2024, 12, 15), date(2025, 3, 14)),
        ),
        (
            2,
            date(2025, 7, 10),
            Period("2025-Q2", "quý II năm 2025", date(2025, 3, 15), date(2025, 6, 14)),
        ),
        (
            3,
            date(2025, 10, 10),
            Period("2025-Q3", "quý III năm 2025", date(2025, 6, 15), date(2025, 9, 14)),
        ),
        (
            4,
            date(2026, 1, 10),
            Period("2025-Q4", "quý IV năm 2025", date(2025, 9, 15), date(2025, 12, 14)),
        ),
    ],
)
def test_quarters_follow_the_decree(quarter: int, due: date, expected: Period) -> None:
    assert quarter_period(2025, quarter, due) == expected


@pytest.mark.parametrize(
    ("month", "due", "expected"),
    [
        (
            1,
            date(2025, 1, 25),
            Period("2025-01", "tháng 1/2025", date(2024, 12, 15), date(2025, 1, 14)),
        ),
        (
            3,
            date(2025, 3, 25),
            Period("2025-03", "tháng 3/2025", date(2025, 2, 15), date(2025, 3, 14)),
        ),
        (
            12,
            date(2025, 12, 25),
            Period("2025-12", "tháng 12/2025", date(2025, 11, 15), date(2025, 12, 14)),
        ),
    ],
)
def test_months_follow_the_decree(month: int, due: date, expected: Period) -> None:
    assert month_period(2025, month, due) == expected


def test_second_half_of_the_year() -> None:
    assert half_year_period(2025, 2, date(2025, 12, 31)) == Period(
        "2025-H2", "6 tháng cuối năm 2025", date(2025, 6, 15), date(2025, 12, 14)
    )


def test_first_half_key_matches_its_label() -> None:
    assert half_year_period(2025, 1, date(2025, 6, 30)) == Period(
        "2025-H1", "6 tháng đầu năm 2025", date(2024, 12, 15), date(2025, 6, 14)
    )


def test_year_key() -> None:
    assert year_period(2025, date(2025, 12, 31)).key == "2025"


@pytest.mark.parametrize(
    ("period", "data_to"),
    [
        # Đắk Nông: "6 tháng (trước ngày 30/6)" is not clipped; a half due 10/6 stops at 9/6.
        (half_year_period(2025, 1, date(2025, 6, 10)), date(2025, 6, 9)),
        (half_year_period(2025, 2, date(2025, 12, 10)), date(2025, 12, 9)),
        (quarter_period(2025, 1, date(2025, 3, 10)), date(2025, 3, 9)),
        (month_period(2025, 5, date(2025, 5, 10)), date(2025, 5, 9)),
        # Bình Sơn: yearly before 20/10 stops at 19/10.
        (year_period(2024, date(2024, 10, 20)), date(2024, 10, 19)),
    ],
)
def test_a_report_stops_the_day_before_it_is_due(period: Period, data_to: date) -> None:
    assert period.data_to == data_to


def test_one_off_period_names_its_date() -> None:
    # Thị ủy La Gi: "trước ngày 20/7/2024", one-off.
    assert one_off_period(date(2024, 7, 20)) == Period(
        "once", "một lần (hạn 20/7/2024)", None, None
    )


def test_ad_hoc_period_is_one_per_request() -> None:
    assert ad_hoc_period("17", "tình hình thực hiện Chương trình 99") == Period(
        "adhoc-17", "đột xuất: tình hình thực hiện Chương trình 99", None, None
    )
    assert ad_hoc_period("18", "x").key != ad_hoc_period("17", "x").key


def _tiles(parts: list[Period], whole: Period) -> bool:
    """True when the parts cover the whole window end to end, without gap or overlap."""
    joined = all(
        b.data_from is not None
        and a.data_to is not None
        and b.data_from == a.data_to + timedelta(1)
        for a, b in pairwise(parts)
    )
    return joined and parts[0].data_from == whole.data_from and parts[-1].data_to == whole.data_to


@given(years)
def test_months_quarters_and_halves_tile_the_reporting_year(year: int) -> None:
    whole = year_period(year, _late(year))
    assert whole.data_from == date(year - 1, 12, 15)
    assert whole.data_to == date(year, 12, 14)
    assert _tiles([month_period(year, m, _late(year)) for m in range(1, 13)], whole)
    assert _tiles([quarter_period(year, q, _late(year)) for q in range(1, 5)], whole)
    assert _tiles([half_year_period(year, h, _late(year)) for h in (1, 2)], whole)


@given(years, st.integers(1, 12))
def test_every_month_runs_from_the_fifteenth_to_the_fourteenth(year: int, month: int) -> None:
    period = month_period(year, month, _late(year))
    assert period.data_to == date(year, month, 14)
    assert period.data_from is not None and period.data_from.day == 15
    assert period.label == f"tháng {month}/{year}"


@given(years, st.integers(1, 4))
def test_every_quarter_ends_on_the_fourteenth_of_its_last_month(year: int, quarter: int) -> None:
    period = quarter_period(year, quarter, _late(year))
    assert period.data_to == date(year, 3 * quarter, 14)
    assert period.label == f"quý {('I', 'II', 'III', 'IV')[quarter - 1]} năm {year}"


@given(years, st.dates(date(2000, 1, 1), date(2091, 12, 31)))
def test_no_period_holds_data_from_its_due_day(year: int, due: date) -> None:
    for period in (
        year_period(year, due),
        half_year_period(year, 1, due),
        half_year_period(year, 2, due),
        quarter_period(year, 2, due),
        month_period(year, 7, due),
    ):
        assert period.data_to is not None and period.data_to < due

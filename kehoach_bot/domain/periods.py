"""Reporting periods: keys, Vietnamese labels and Decree 09/2019/NĐ-CP data cut-off windows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kehoach_bot.texts import domain_vi as t


@dataclass(frozen=True, slots=True)
class Period:
    """One reporting period: a stable key, a human label and the data window it covers."""

    key: str
    label: str
    data_from: date | None
    data_to: date | None


def _clip(data_to: date, due: date) -> date:
    # A report cannot hold data from after it is sent: a yearly report due 20/10 stops at 19/10.
    return min(data_to, due - timedelta(days=1))


def year_period(year: int, due: date) -> Period:
    """The yearly period: data from 15/12 of the previous year to 14/12 (Decree 09/2019)."""
    return Period(
        f"{year}",
        t.PERIOD_YEAR.format(year=year),
        date(year - 1, 12, 15),
        _clip(date(year, 12, 14), due),
    )


def half_year_period(year: int, half: int, due: date) -> Period:
    """A 6-month period: the first half covers 15/12 of the previous year to 14/6."""
    if half == 1:
        return Period(
            f"{year}-H1",
            t.PERIOD_FIRST_HALF.format(year=year),
            date(year - 1, 12, 15),
            _clip(date(year, 6, 14), due),
        )
    return Period(
        f"{year}-H2",
        t.PERIOD_SECOND_HALF.format(year=year),
        date(year, 6, 15),
        _clip(date(year, 12, 14), due),
    )


def quarter_period(year: int, quarter: int, due: date) -> Period:
    """A quarter: from the 15th of the month before the quarter to the 14th of its last month."""
    first_month = 3 * (quarter - 1) + 1
    start = date(year - 1, 12, 15) if quarter == 1 else date(year, first_month - 1, 15)
    end = date(year, first_month + 2, 14)
    label = t.PERIOD_QUARTER.format(quarter=_roman(quarter), year=year)
    return Period(f"{year}-Q{quarter}", label, start, _clip(end, due))


def month_period(year: int, month: int, due: date) -> Period:
    """A month: from the 15th of the previous month to the 14th of this month."""
    start = date(year - 1, 12, 15) if month == 1 else date(year, month - 1, 15)
    label = t.PERIOD_MONTH.format(month=month, year=year)
    return Period(f"{year}-{month:02d}", label, start, _clip(date(year, month, 14), due))


def one_off_period(due: date) -> Period:
    """The single period of a one-off submission."""
    label = t.PERIOD_ONE_OFF.format(day=due.day, month=due.month, year=due.year)
    return Period("once", label, None, None)


def ad_hoc_period(request_key: str, title: str) -> Period:
    """The period of an ad hoc request (đột xuất): one per request."""
    return Period(f"adhoc-{request_key}", t.PERIOD_AD_HOC.format(title=title), None, None)


def _roman(number: int) -> str:
    return ("I", "II", "III", "IV")[number - 1]

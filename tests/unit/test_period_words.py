"""Periods as people write them map to the stored keys; labels the bot prints map back too."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_bot.domain.period_words import period_key
from kehoach_bot.domain.periods import (
    half_year_period,
    month_period,
    quarter_period,
    year_period,
)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("năm 2025", "2025"),
        ("Năm 2025", "2025"),
        ("nam 2025", "2025"),
        ("2025", "2025"),
        ("6 tháng đầu năm 2025", "2025-H1"),
        ("6 thang dau nam 2025", "2025-H1"),
        ("sáu tháng đầu năm 2025", "2025-H1"),
        ("6 tháng cuối năm 2025", "2025-H2"),
        ("6 tháng cuối 2025", "2025-H2"),
        ("quý II/2025", "2025-Q2"),
        ("Quý IV năm 2025", "2025-Q4"),
        ("quý 2 năm 2025", "2025-Q2"),
        ("quý 3/2025", "2025-Q3"),
        ("quy i - 2025", "2025-Q1"),
        ("tháng 11/2025", "2025-11"),
        ("tháng 3 năm 2025", "2025-03"),
        ("11/2025", "2025-11"),
        ("2025-H1", "2025-H1"),
        ("2025-h2", "2025-H2"),
        ("2025-Q3", "2025-Q3"),
        ("2025-11", "2025-11"),
        ("  năm   2025 ", "2025"),
        ("once", "once"),
        ("adhoc-17", "adhoc-17"),
    ],
)
def test_what_people_write_reads_as_the_stored_key(text: str, key: str) -> None:
    assert period_key(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "",
        "năm",
        "năm nay",
        "quý V/2025",
        "quý 5/2025",
        "tháng 13/2025",
        "2025-13",
        "2025-H3",
        "6 tháng giữa năm 2025",
        "20255",
        "hôm qua",
    ],
)
def test_what_is_not_a_period_reads_as_none(text: str) -> None:
    assert period_key(text) is None


due = date(2030, 12, 31)


@given(st.integers(2000, 2090))
def test_every_label_the_bot_prints_reads_back_as_its_key(year: int) -> None:
    periods = [year_period(year, due), half_year_period(year, 1, due)]
    periods += [half_year_period(year, 2, due)]
    periods += [quarter_period(year, q, due) for q in range(1, 5)]
    periods += [month_period(year, m, due) for m in range(1, 13)]
    for period in periods:
        assert period_key(period.label) == period.key
        assert period_key(period.key) == period.key

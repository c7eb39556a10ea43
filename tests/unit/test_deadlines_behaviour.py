"""The last on-time day on real Vietnamese calendars: weekends, Tết, 30/4–1/5 and 2/9.

Every expected date below is read off the calendar and the holiday decisions of the year, not
off the code: Tết Ất Tỵ 2025 is 25/1–2/2, Tết Bính Ngọ 2026 is 14/2–22/2, Quốc khánh 2024 is
2–3/9 and 2025 is 1–2/9, Giỗ Tổ Hùng Vương 2025 is Monday 7/4.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_bot.domain.deadlines import (
    WORDING_TEXT,
    BeforePolicy,
    Deadline,
    DeadlinePolicy,
    Wording,
    last_on_time_day,
)
from kehoach_bot.domain.working_days import add_working_days, is_holiday, is_working_day

DEFAULT = DeadlinePolicy()
INCLUSIVE = DeadlinePolicy(before=BeforePolicy.INCLUSIVE)
NO_SHIFT = DeadlinePolicy(working_day_shift=False)


@pytest.mark.parametrize(
    ("written", "wording", "policy", "last_day", "remind_by", "shifted"),
    [
        # Design note: "trước ngày 20/10/2024" (Sunday) ends Saturday 19/10, reminded Friday 18/10.
        (
            date(2024, 10, 20),
            Wording.BEFORE,
            DEFAULT,
            date(2024, 10, 19),
            date(2024, 10, 18),
            False,
        ),
        # Design note: "chậm nhất ngày 05/12/2026" (Saturday) runs to the end of Monday 07/12/2026.
        (
            date(2026, 12, 5),
            Wording.NO_LATER_THAN,
            DEFAULT,
            date(2026, 12, 7),
            date(2026, 12, 7),
            True,
        ),
        # The same date with the shift turned off: Saturday stays, reminded on Friday.
        (
            date(2026, 12, 5),
            Wording.NO_LATER_THAN,
            NO_SHIFT,
            date(2026, 12, 5),
            date(2026, 12, 4),
            False,
        ),
        # "đến ngày 02/09/2024": Quốc khánh 2–3/9/2024 carries it to Wednesday 04/09.
        (date(2024, 9, 2), Wording.BY, DEFAULT, date(2024, 9, 4), date(2024, 9, 4), True),
        # "chậm nhất ngày 15/02/2026" (Sunday inside Tết Bính Ngọ 14/2–22/2): Monday 23/02.
        (
            date(2026, 2, 15),
            Wording.NO_LATER_THAN,
            DEFAULT,
            date(2026, 2, 23),
            date(2026, 2, 23),
            True,
        ),
        # "trước ngày 02/09/2025": the day before, Monday 1/9, is itself Quốc khánh; the shift
        # would reach 3/9, after D, so the last day stays 1/9 and the reminder goes Friday 29/8.
        (date(2025, 9, 2), Wording.BEFORE, DEFAULT, date(2025, 9, 1), date(2025, 8, 29), False),
        # "trước ngày 08/04/2025" (Tuesday): Monday 7/4 is Giỗ Tổ Hùng Vương; remind Friday 4/4.
        (date(2025, 4, 8), Wording.BEFORE, DEFAULT, date(2025, 4, 7), date(2025, 4, 4), False),
        # Inclusive "trước ngày 01/05/2025": 1/5 counts, but 30/4 and 1/5 are holidays, so the
        # last working day to remind on is Tuesday 29/4; never shifted past D.
        (date(2025, 5, 1), Wording.BEFORE, INCLUSIVE, date(2025, 5, 1), date(2025, 4, 29), False),
        # An ordinary Wednesday keeps its day.
        (date(2025, 11, 26), Wording.BY, DEFAULT, date(2025, 11, 26), date(2025, 11, 26), False),
    ],
)
def test_last_day_and_remind_day_on_the_calendar(
    written: date,
    wording: Wording,
    policy: DeadlinePolicy,
    last_day: date,
    remind_by: date,
    shifted: bool,
) -> None:
    assert last_on_time_day(written, wording, policy) == Deadline(
        written=written, wording=wording, last_day=last_day, remind_by=remind_by, shifted=shifted
    )


def test_an_undated_obligation_has_no_deadline() -> None:
    with pytest.raises(ValueError):
        last_on_time_day(date(2025, 11, 25), Wording.AS_REGULATED, DEFAULT)


def test_reminders_show_the_plans_own_wording() -> None:
    assert WORDING_TEXT[Wording.BEFORE] == "trước ngày"
    assert WORDING_TEXT[Wording.NO_LATER_THAN] == "chậm nhất ngày"
    assert WORDING_TEXT[Wording.BY] == "đến ngày"


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2024, 10, 18), -1, date(2024, 10, 17)),  # Friday → Thursday
        (date(2024, 10, 18), -3, date(2024, 10, 15)),  # Friday → Tuesday
        (date(2024, 10, 18), -7, date(2024, 10, 9)),  # over one weekend
        (date(2024, 10, 18), 1, date(2024, 10, 21)),  # Friday → Monday
        (date(2024, 8, 30), 1, date(2024, 9, 4)),  # over the weekend and Quốc khánh 2–3/9
        (date(2025, 2, 3), -1, date(2025, 1, 24)),  # back over Tết Ất Tỵ 25/1–2/2
        (date(2024, 10, 19), 0, date(2024, 10, 19)),  # zero moves nowhere, even from a Saturday
    ],
)
def test_adding_working_days_on_the_calendar(start: date, count: int, expected: date) -> None:
    assert add_working_days(start, count) == expected


def _working_days_between(first: date, last: date) -> int:
    """Working days in [first, last], counted one calendar day at a time."""
    return sum(is_working_day(first + timedelta(days=i)) for i in range((last - first).days + 1))


@given(st.dates(date(2020, 1, 1), date(2035, 12, 31)), st.integers(-30, 30).filter(bool))
def test_adding_working_days_skips_exactly_count_working_days(start: date, count: int) -> None:
    result = add_working_days(start, count)
    assert is_working_day(result)
    if count > 0:
        assert _working_days_between(start + timedelta(days=1), result) == count
    else:
        assert _working_days_between(result, start - timedelta(days=1)) == -count


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 1, 29),  # mùng 1 Tết Ất Tỵ
        date(2026, 2, 17),  # mùng 1 Tết Bính Ngọ
        date(2025, 4, 30),  # Ngày Giải phóng miền Nam
        date(2025, 5, 1),  # Quốc tế Lao động
        date(2024, 9, 2),  # Quốc khánh
        date(2025, 1, 1),  # Tết Dương lịch
    ],
)
def test_public_holidays_are_not_working_days(day: date) -> None:
    assert is_holiday(day)
    assert not is_working_day(day)

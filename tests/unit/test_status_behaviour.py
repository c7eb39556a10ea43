"""Status categories and "sắp đến hạn" (due within 3 days), extensions included."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_bot.domain.status import State, Status, is_due_soon, status_of
from kehoach_bot.texts.vi import STATUS_SHORT as STATUS_TEXT

LAST = date(2025, 11, 24)  # Gia Lai: units send to Sở Y tế before 25/11


def test_digests_speak_the_words_of_government_task_tracking() -> None:
    assert STATUS_TEXT[Status.DONE_ON_TIME] == "hoàn thành đúng hạn"
    assert STATUS_TEXT[Status.DONE_LATE] == "hoàn thành quá hạn"
    assert STATUS_TEXT[Status.OPEN_ON_TIME] == "đang thực hiện trong hạn"
    assert STATUS_TEXT[Status.OPEN_OVERDUE] == "đang thực hiện quá hạn"


@pytest.mark.parametrize(
    ("today", "due_soon"),
    [
        (date(2025, 11, 20), False),  # four days before
        (date(2025, 11, 21), True),  # three days before
        (date(2025, 11, 24), True),  # the last day itself is still "sắp đến hạn"
    ],
)
def test_due_soon_counts_the_last_day(today: date, due_soon: bool) -> None:
    status = status_of(State.OPEN, LAST, today)
    assert status is Status.OPEN_ON_TIME
    assert is_due_soon(status, LAST, today) is due_soon


def test_due_soon_follows_an_extension() -> None:
    extended = date(2025, 12, 1)
    today = date(2025, 11, 28)  # past the original day, three days before the extended one
    status = status_of(State.OPEN, LAST, today, None, extended)
    assert status is Status.OPEN_ON_TIME
    assert is_due_soon(status, LAST, today, extended)
    assert not is_due_soon(status, LAST, date(2025, 11, 27), extended)


def test_an_extension_never_shortens_the_deadline() -> None:
    earlier = date(2025, 11, 20)
    assert status_of(State.OPEN, LAST, date(2025, 11, 22), None, earlier) is Status.OPEN_ON_TIME
    assert is_due_soon(Status.OPEN_ON_TIME, LAST, date(2025, 11, 22), earlier)


@pytest.mark.parametrize(
    ("state", "expected"),
    [(State.WAIVED, Status.WAIVED), (State.TRANSFERRED, Status.TRANSFERRED)],
)
def test_waived_and_transferred_are_neither_late_nor_due(state: State, expected: Status) -> None:
    status = status_of(state, LAST, date(2026, 1, 1), date(2026, 1, 1))
    assert status is expected
    assert not is_due_soon(status, LAST, date(2025, 11, 23))


@given(st.integers(-10, 10), st.integers(-10, 10))
def test_due_soon_is_the_three_days_up_to_the_effective_last_day(
    offset: int, extension: int
) -> None:
    extended = LAST + timedelta(days=extension)
    effective = max(LAST, extended)
    today = effective - timedelta(days=offset)
    status = status_of(State.OPEN, LAST, today, None, extended)
    assert (status is Status.OPEN_ON_TIME) == (today <= effective)
    assert is_due_soon(status, LAST, today, extended) == (0 <= offset <= 3)

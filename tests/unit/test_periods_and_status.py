"""Period labels and Decree 09/2019 cut-offs; the four status categories."""

from __future__ import annotations

from datetime import date

from kehoach_bot.domain.periods import half_year_period, year_period
from kehoach_bot.domain.status import State, Status, is_due_soon, status_of


def test_half_year_label_and_decree_cutoff() -> None:
    period = half_year_period(2025, 1, due=date(2025, 6, 30))
    assert period.label == "6 tháng đầu năm 2025"
    assert (period.data_from, period.data_to) == (date(2024, 12, 15), date(2025, 6, 14))


def test_year_label_and_cutoff_clipped_before_an_early_due_date() -> None:
    period = year_period(2025, due=date(2025, 12, 31))
    assert period.label == "năm 2025"
    assert (period.data_from, period.data_to) == (date(2024, 12, 15), date(2025, 12, 14))
    early = year_period(2024, due=date(2024, 10, 20))
    assert early.data_to == date(2024, 10, 19)


def test_status_categories() -> None:
    last = date(2025, 11, 24)
    assert status_of(State.OPEN, last, date(2025, 11, 24)) is Status.OPEN_ON_TIME
    assert status_of(State.OPEN, last, date(2025, 11, 25)) is Status.OPEN_OVERDUE
    assert status_of(State.DONE, last, date(2025, 12, 1), date(2025, 11, 24)) is Status.DONE_ON_TIME
    assert status_of(State.DONE, last, date(2025, 12, 1), date(2025, 11, 25)) is Status.DONE_LATE


def test_extension_moves_the_line() -> None:
    last, extended = date(2025, 11, 24), date(2025, 12, 1)
    assert status_of(State.OPEN, last, date(2025, 11, 28), None, extended) is Status.OPEN_ON_TIME
    assert (
        status_of(State.DONE, last, date(2025, 12, 2), date(2025, 11, 30), extended)
        is Status.DONE_ON_TIME
    )


def test_due_soon_is_within_three_days_and_only_while_open_on_time() -> None:
    last = date(2025, 11, 24)
    assert is_due_soon(Status.OPEN_ON_TIME, last, date(2025, 11, 21))
    assert not is_due_soon(Status.OPEN_ON_TIME, last, date(2025, 11, 20))
    assert not is_due_soon(Status.DONE_ON_TIME, last, date(2025, 11, 23))

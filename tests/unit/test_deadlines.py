"""The last on-time day: wording, policy, working-day shift (Civil Code Art. 148(5))."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kehoach_bot.domain.deadlines import BeforePolicy, DeadlinePolicy, Wording, last_on_time_day
from kehoach_bot.domain.working_days import add_working_days, is_working_day, next_working_day

DEFAULT = DeadlinePolicy()
DATED = [Wording.BEFORE, Wording.NO_LATER_THAN, Wording.BY]
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


def test_before_a_sunday_ends_on_saturday_and_reminds_on_friday() -> None:
    deadline = last_on_time_day(date(2024, 10, 20), Wording.BEFORE, DEFAULT)
    assert deadline.last_day == date(2024, 10, 19)
    assert deadline.remind_by == date(2024, 10, 18)
    assert not deadline.shifted


def test_no_later_than_a_saturday_runs_to_monday() -> None:
    deadline = last_on_time_day(date(2026, 12, 5), Wording.NO_LATER_THAN, DEFAULT)
    assert deadline.last_day == date(2026, 12, 7)
    assert deadline.shifted


def test_no_later_than_during_tet_runs_past_the_holiday() -> None:
    # Tết Ất Tỵ: 27/1–31/1/2025 are holidays, 1–2/2 a weekend.
    deadline = last_on_time_day(date(2025, 1, 29), Wording.NO_LATER_THAN, DEFAULT)
    assert deadline.last_day == date(2025, 2, 3)


def test_inclusive_policy_lets_the_written_day_count() -> None:
    policy = DeadlinePolicy(before=BeforePolicy.INCLUSIVE)
    assert last_on_time_day(date(2025, 11, 25), Wording.BEFORE, policy).last_day == date(
        2025, 11, 25
    )


def test_shift_off_keeps_the_calendar_day() -> None:
    policy = DeadlinePolicy(working_day_shift=False)
    deadline = last_on_time_day(date(2026, 12, 5), Wording.NO_LATER_THAN, policy)
    assert deadline.last_day == date(2026, 12, 5)
    assert deadline.remind_by == date(2026, 12, 4)


def test_by_includes_the_day_on_a_working_day() -> None:
    assert last_on_time_day(date(2026, 11, 25), Wording.BY, DEFAULT).last_day == date(2026, 11, 25)


@given(days, st.sampled_from(list(BeforePolicy)), st.booleans())
def test_before_never_reaches_the_written_day_or_later(
    written: date, before: BeforePolicy, shift: bool
) -> None:
    deadline = last_on_time_day(written, Wording.BEFORE, DeadlinePolicy(before, shift))
    limit = written if before is BeforePolicy.INCLUSIVE else written - timedelta(days=1)
    assert deadline.last_day <= limit


@given(days, st.sampled_from(DATED), st.sampled_from(list(BeforePolicy)), st.booleans())
def test_remind_day_is_a_working_day_not_after_the_last_day(
    written: date, wording: Wording, before: BeforePolicy, shift: bool
) -> None:
    deadline = last_on_time_day(written, wording, DeadlinePolicy(before, shift))
    assert is_working_day(deadline.remind_by)
    assert deadline.remind_by <= deadline.last_day


@given(days, st.sampled_from([Wording.NO_LATER_THAN, Wording.BY]))
def test_including_wordings_end_on_a_working_day_on_or_after_the_date(
    written: date, wording: Wording
) -> None:
    deadline = last_on_time_day(written, wording, DEFAULT)
    assert deadline.last_day == next_working_day(written)


@given(days, st.integers(min_value=-30, max_value=30))
def test_adding_working_days_lands_on_a_working_day(start: date, count: int) -> None:
    result = add_working_days(start, count)
    if count:
        assert is_working_day(result)
        assert (result > start) == (count > 0)

"""Reminder stages over random deadlines and clocks: one latest stage, never a stale burst."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kehoach_bot.domain.reminders import ReminderPolicy, due_stage, latest_and_next, stages
from kehoach_bot.domain.working_days import is_working_day

deadlines = st.dates(date(2024, 1, 1), date(2028, 12, 31))
leads = st.lists(st.integers(0, 15), min_size=1, max_size=5).map(tuple)
offsets = st.integers(-40, 120)


@given(deadlines, leads, offsets)
def test_latest_stage_is_the_last_one_not_after_today(
    deadline: date, lead: tuple[int, ...], offset: int
) -> None:
    today = deadline + timedelta(days=offset)
    latest, following = latest_and_next(deadline, lead, today)
    days = [s.day for s in stages(deadline, lead, today + timedelta(days=60))]
    assert following > today
    if latest is None:
        assert all(d > today for d in days)
    else:
        assert latest.day <= today
        assert not [d for d in days if latest.day < d <= today]
    assert not [d for d in days if today < d < following]


@given(deadlines, leads)
def test_stage_keys_are_unique_and_days_are_working_days(
    deadline: date, lead: tuple[int, ...]
) -> None:
    found = list(stages(deadline, lead, deadline + timedelta(days=90)))
    assert len({s.key for s in found}) == len(found)
    assert all(is_working_day(s.day) for s in found)
    assert [s.day for s in found] == sorted(s.day for s in found)


@given(deadlines, leads, offsets, st.integers(0, 23))
def test_nothing_is_due_outside_working_hours(
    deadline: date, lead: tuple[int, ...], offset: int, hour: int
) -> None:
    moment = datetime.combine(deadline + timedelta(days=offset), time(hour, 0))
    policy = ReminderPolicy(lead_days=lead)
    stage = due_stage(deadline, moment, policy)
    if not is_working_day(moment.date()) or not 8 <= hour <= 17:
        assert stage is None


@given(deadlines, offsets)
def test_after_any_downtime_one_stage_only(deadline: date, offset: int) -> None:
    # Whatever the gap since the last tick, the decision is a single stage (or none).
    today = deadline + timedelta(days=offset)
    latest, _ = latest_and_next(deadline, (7, 3, 1, 0), today)
    again, _ = latest_and_next(deadline, (7, 3, 1, 0), today)
    assert latest == again

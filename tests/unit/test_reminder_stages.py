"""Reminder stages over random deadlines and clocks: one latest stage, never a stale burst."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from kehoach_bot.domain.reminders import (
    ReminderPolicy,
    Stage,
    latest_and_next,
    may_send_at,
    stages,
)
from kehoach_bot.domain.working_days import is_working_day

deadlines = st.dates(date(2024, 1, 1), date(2028, 12, 31))
leads = st.lists(st.integers(0, 15), min_size=1, max_size=5).map(tuple)
offsets = st.integers(-40, 120)


@given(deadlines, leads, offsets, st.integers(0, 8))
def test_latest_stage_is_the_last_one_not_after_today(
    deadline: date, lead: tuple[int, ...], offset: int, weeks: int
) -> None:
    today = deadline + timedelta(days=offset)
    latest, following = latest_and_next(deadline, lead, today, weeks)
    days = [s.day for s in stages(deadline, lead, today + timedelta(days=60), weeks)]
    if latest is None:
        assert all(d > today for d in days)
    else:
        assert latest.day <= today
        assert not [d for d in days if latest.day < d <= today]
    if following is None:
        # The chase is over: every stage has come, the last one is the latest.
        assert latest is not None and latest.day == max(days) <= today
    else:
        assert following > today
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
    # The tick queues nothing unless sending is allowed at that moment.
    moment = datetime.combine(deadline + timedelta(days=offset), time(hour, 0))
    policy = ReminderPolicy(lead_days=lead)
    allowed = may_send_at(moment, policy)
    assert allowed == (is_working_day(moment.date()) and 8 <= hour <= 17)


@given(deadlines, leads, offsets, st.integers(1, 90))
@example(date(2026, 1, 27), (0,), 27, 1)  # two weekly chases on Monday 23/2/2026, after Tết
@example(date(2024, 10, 19), (7, 3, 1, 0), -1, 10)  # 9, 15, 17 and 18/10/2024 all missed
def test_after_any_downtime_one_stage_only(
    deadline: date, lead: tuple[int, ...], offset: int, downtime: int
) -> None:
    # The last tick ran `downtime` days ago. Several stages may have come since; the decision
    # now is one stage, the latest whose day is not after today, and the stale ones are dropped.
    today = deadline + timedelta(days=offset)
    last_tick = today - timedelta(days=downtime)
    come = [s for s in stages(deadline, lead, today + timedelta(days=60)) if s.day <= today]
    missed = [s for s in come if s.day > last_tick]
    decided, _ = latest_and_next(deadline, lead, today)
    if not come:
        assert decided is None
        return
    # One stage, the latest to have come. Two weekly chases can share a day when a 7-day Tết
    # closure pushes one onto the next (e.g. 16/2 and 23/2/2026 both land on Monday 23/2).
    assert decided in come
    assert decided.day == max(s.day for s in come)
    if missed:
        assert decided in missed
        assert all(s.key != decided.key for s in missed if s.day < decided.day)


def test_a_ten_day_outage_sends_only_the_last_day_reminder() -> None:
    # "trước ngày 20/10/2024": last day Saturday 19/10, stages on 9, 15, 17 and 18/10. The bot
    # was down from Tuesday 8/10 to Friday 18/10: four stages came, one reminder is decided.
    deadline, today = date(2024, 10, 19), date(2024, 10, 18)
    missed = [
        s for s in stages(deadline, (7, 3, 1, 0), today) if date(2024, 10, 8) < s.day <= today
    ]
    assert [s.key for s in missed] == ["truoc-7", "truoc-3", "truoc-1", "truoc-0"]
    decided, following = latest_and_next(deadline, (7, 3, 1, 0), today)
    assert decided == Stage("truoc-0", date(2024, 10, 18))
    assert following == date(2024, 10, 21)

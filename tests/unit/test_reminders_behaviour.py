"""Reminder stages on real calendars: which day each stage falls on, its stored key, the hours.

Before the deadline: 7, 3 and 1 working days before the last working day to remind on, and that
day itself. After it: the next working day, the next working day three days later, then weekly.
Stage keys go into the outbox's unique key, so they are part of the stored data and must not
change from one release to the next.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from kehoach_bot.domain.reminders import (
    ReminderPolicy,
    Stage,
    latest_and_next,
    may_send_at,
    stages,
)

LEADS = (7, 3, 1, 0)
# "trước ngày 20/10/2024" (Sunday): last on-time day Saturday 19/10/2024, remind by Friday 18/10.
BINH_SON_2024 = date(2024, 10, 19)
BINH_SON_STAGES = [
    Stage("truoc-7", date(2024, 10, 9)),  # Wednesday: 7 working days before Friday 18/10
    Stage("truoc-3", date(2024, 10, 15)),
    Stage("truoc-1", date(2024, 10, 17)),
    Stage("truoc-0", date(2024, 10, 18)),
    Stage("qua-han-1", date(2024, 10, 21)),  # Monday: first working day after the last day
    Stage("qua-han-2", date(2024, 10, 24)),  # three days later
    Stage("qua-han-2024-10-31", date(2024, 10, 31)),  # then weekly
    Stage("qua-han-2024-11-07", date(2024, 11, 7)),
]


def test_stages_of_a_deadline_on_a_saturday() -> None:
    assert list(stages(BINH_SON_2024, LEADS, date(2024, 11, 10))) == BINH_SON_STAGES


@pytest.mark.parametrize("cut", range(len(BINH_SON_STAGES)))
def test_a_stage_on_the_until_day_is_included(cut: int) -> None:
    until = BINH_SON_STAGES[cut].day
    assert list(stages(BINH_SON_2024, LEADS, until)) == BINH_SON_STAGES[: cut + 1]


def test_stages_when_the_last_day_is_a_monday() -> None:
    # "chậm nhất ngày 05/12/2026" (Saturday) runs to Monday 07/12/2026.
    assert list(stages(date(2026, 12, 7), LEADS, date(2026, 12, 18))) == [
        Stage("truoc-7", date(2026, 11, 26)),
        Stage("truoc-3", date(2026, 12, 2)),
        Stage("truoc-1", date(2026, 12, 4)),
        Stage("truoc-0", date(2026, 12, 7)),
        Stage("qua-han-1", date(2026, 12, 8)),  # Tuesday, the very next working day
        Stage("qua-han-2", date(2026, 12, 11)),
        Stage("qua-han-2026-12-18", date(2026, 12, 18)),
    ]


def test_overdue_reminders_wait_for_the_end_of_tet() -> None:
    # "chậm nhất ngày 24/01/2025" (Friday): Tết Ất Tỵ keeps offices closed 25/1–2/2/2025.
    found = list(stages(date(2025, 1, 24), LEADS, date(2025, 2, 13)))
    assert found == [
        Stage("truoc-7", date(2025, 1, 15)),
        Stage("truoc-3", date(2025, 1, 21)),
        Stage("truoc-1", date(2025, 1, 23)),
        Stage("truoc-0", date(2025, 1, 24)),
        Stage("qua-han-1", date(2025, 2, 3)),
        Stage("qua-han-2", date(2025, 2, 6)),
        Stage("qua-han-2025-02-13", date(2025, 2, 13)),
    ]


def test_lead_days_are_taken_once_in_any_order() -> None:
    found = list(stages(BINH_SON_2024, (1, 7, 1, 3), date(2024, 10, 18)))
    assert found == [s for s in BINH_SON_STAGES if s.key in ("truoc-7", "truoc-3", "truoc-1")]


@pytest.mark.parametrize(
    ("today", "latest", "following"),
    [
        (date(2024, 10, 8), None, date(2024, 10, 9)),
        (date(2024, 10, 16), BINH_SON_STAGES[1], date(2024, 10, 17)),
        (date(2024, 10, 20), BINH_SON_STAGES[3], date(2024, 10, 21)),  # Sunday: Friday's stands
        (date(2024, 10, 22), BINH_SON_STAGES[4], date(2024, 10, 24)),
        (date(2024, 11, 1), BINH_SON_STAGES[6], date(2024, 11, 7)),
    ],
)
def test_latest_and_next_on_the_calendar(
    today: date, latest: Stage | None, following: date
) -> None:
    assert latest_and_next(BINH_SON_2024, LEADS, today) == (latest, following)


def test_a_deadline_two_years_away_is_looked_at_again_before_its_first_reminder() -> None:
    # A one-off plan due in 2026 loaded in October 2024: nothing to send yet, and the next look
    # must come after today but no later than the first reminder (7 working days before).
    today = date(2024, 10, 1)
    latest, following = latest_and_next(date(2026, 10, 19), LEADS, today)
    assert latest is None
    assert following is not None and today < following <= date(2026, 10, 8)


POLICY = ReminderPolicy(lead_days=LEADS, send_from=time(8, 0), send_until=time(17, 30))


@pytest.mark.parametrize(
    ("moment", "allowed"),
    [
        (datetime(2024, 10, 21, 8, 0), True),  # Monday, the first minute
        (datetime(2024, 10, 21, 7, 59), False),
        (datetime(2024, 10, 21, 17, 30), True),  # the last minute
        (datetime(2024, 10, 21, 17, 31), False),
        (datetime(2024, 10, 19, 10, 0), False),  # Saturday
        (datetime(2024, 9, 3, 10, 0), False),  # Quốc khánh 2024, second day
        (datetime(2025, 1, 30, 10, 0), False),  # Tết Ất Tỵ
    ],
)
def test_reminders_go_out_on_working_days_within_the_hours(moment: datetime, allowed: bool) -> None:
    assert may_send_at(moment, POLICY) is allowed


def test_the_decided_stage_is_the_latest_one_come() -> None:
    assert latest_and_next(BINH_SON_2024, LEADS, date(2024, 10, 16))[0] == BINH_SON_STAGES[1]
    assert latest_and_next(BINH_SON_2024, LEADS, date(2024, 10, 18))[0] == BINH_SON_STAGES[3]
    assert latest_and_next(BINH_SON_2024, LEADS, date(2024, 10, 8))[0] is None


def test_two_weekly_chases_pushed_together_by_tet_make_one_reminder() -> None:
    # Last on-time day Tuesday 27/1/2026, still open: chased on 28/1, 2/2, 9/2, then the chase
    # of Monday 16/2 falls in Tết Bính Ngọ (offices closed 14/2–22/2) and moves to Monday 23/2,
    # the day of the next weekly chase. On 23/2 one reminder is decided, the same one by both
    # functions (the tick enqueues with one, the dispatcher re-checks with the other).
    deadline, monday = date(2026, 1, 27), date(2026, 2, 23)
    on_the_day = [s for s in stages(deadline, LEADS, monday) if s.day == monday]
    assert len(on_the_day) == 2
    decided, following = latest_and_next(deadline, LEADS, monday)
    assert decided in on_the_day
    assert following == date(2026, 3, 2)
    # During Tết nothing new is decided: the 9/2 chase stands until 23/2.
    during, following = latest_and_next(deadline, LEADS, date(2026, 2, 17))
    assert during is not None and during.day == date(2026, 2, 9)
    assert following == monday


def test_stage_keys_are_unique_over_months_of_chasing() -> None:
    found = list(stages(BINH_SON_2024, LEADS, BINH_SON_2024 + timedelta(days=400), max_weekly=52))
    assert len({s.key for s in found}) == len(found) > 30

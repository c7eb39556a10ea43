"""The end of the automatic chase: at most 2 + N reminders after the deadline, then "quá hạn kéo
dài"; the cut-off the digest counts with in SQL; the `reminders.max_weekly` setting."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kehoach_bot.config import ConfigError, load_settings
from kehoach_bot.domain.reminders import (
    MAX_WEEKLY,
    Stage,
    chase_ended,
    chase_ended_through,
    last_chase_day,
    latest_and_next,
    overdue_stages,
    stages,
)

LEADS = (7, 3, 1, 0)
# "trước ngày 20/10/2024" (Sunday): last on-time day Saturday 19/10/2024.
BINH_SON_2024 = date(2024, 10, 19)
AFTER_BINH_SON = [
    Stage("qua-han-1", date(2024, 10, 21)),
    Stage("qua-han-2", date(2024, 10, 24)),
    Stage("qua-han-2024-10-31", date(2024, 10, 31)),
    Stage("qua-han-2024-11-07", date(2024, 11, 7)),
    Stage("qua-han-2024-11-14", date(2024, 11, 14)),
    Stage("qua-han-2024-11-21", date(2024, 11, 21)),
]

deadlines = st.dates(date(2024, 1, 1), date(2028, 12, 31))
weeks = st.integers(0, 10)


def test_the_default_chase_is_two_reminders_then_four_weekly() -> None:
    assert MAX_WEEKLY == 4
    after = [s for s in stages(BINH_SON_2024, LEADS, date(2025, 12, 31)) if "qua-han" in s.key]
    assert after == AFTER_BINH_SON
    assert overdue_stages(BINH_SON_2024) == AFTER_BINH_SON


@pytest.mark.parametrize("n", [0, 1, 4, 10])
def test_the_chase_has_2_plus_n_stages_after_the_deadline(n: int) -> None:
    found = [s for s in stages(BINH_SON_2024, LEADS, date(2026, 1, 1), n) if "qua-han" in s.key]
    assert len(found) == 2 + n
    assert found[: min(len(found), 6)] == AFTER_BINH_SON[: 2 + n]


def test_latest_and_next_stops_after_the_last_stage() -> None:
    # The day before the last weekly chase: one more to come.
    assert latest_and_next(BINH_SON_2024, LEADS, date(2024, 11, 20)) == (
        AFTER_BINH_SON[4],
        date(2024, 11, 21),
    )
    # On its day and ever after: the last stage stands and nothing follows.
    for today in (date(2024, 11, 21), date(2024, 11, 22), date(2026, 6, 1)):
        assert latest_and_next(BINH_SON_2024, LEADS, today) == (AFTER_BINH_SON[5], None)


def test_with_no_weekly_chase_the_second_reminder_is_the_last() -> None:
    assert latest_and_next(BINH_SON_2024, LEADS, date(2024, 10, 23), 0) == (
        AFTER_BINH_SON[0],
        date(2024, 10, 24),
    )
    assert latest_and_next(BINH_SON_2024, LEADS, date(2024, 10, 24), 0) == (
        AFTER_BINH_SON[1],
        None,
    )
    assert last_chase_day(BINH_SON_2024, 0) == date(2024, 10, 24)
    assert not chase_ended(BINH_SON_2024, date(2024, 10, 24), 0)
    assert chase_ended(BINH_SON_2024, date(2024, 10, 25), 0)


def test_long_overdue_begins_the_day_after_the_last_reminder() -> None:
    assert last_chase_day(BINH_SON_2024) == date(2024, 11, 21)
    assert not chase_ended(BINH_SON_2024, date(2024, 10, 20))  # not even late yet
    assert not chase_ended(BINH_SON_2024, date(2024, 11, 21))  # the last reminder goes out
    assert chase_ended(BINH_SON_2024, date(2024, 11, 22))
    assert chase_ended_through(date(2024, 11, 21)) < BINH_SON_2024
    assert chase_ended_through(date(2024, 11, 22)) >= BINH_SON_2024


def test_a_chase_pushed_by_tet_still_ends_after_n_weeks() -> None:
    # Last on-time day 27/1/2026: chased 28/1, 2/2, 9/2, then 16/2 falls in Tết and moves to
    # 23/2, the day of the next weekly chase, then 2/3. Four weekly stages, three days.
    found = overdue_stages(date(2026, 1, 27))
    assert [s.day for s in found] == [
        date(2026, 1, 28),
        date(2026, 2, 2),
        date(2026, 2, 9),
        date(2026, 2, 23),
        date(2026, 2, 23),
        date(2026, 3, 2),
    ]
    assert latest_and_next(date(2026, 1, 27), LEADS, date(2026, 3, 2))[1] is None


@given(deadlines, st.integers(-30, 200), weeks)
def test_at_most_2_plus_n_reminders_after_the_deadline(deadline: date, offset: int, n: int) -> None:
    today = deadline + timedelta(days=offset)
    after = [s for s in stages(deadline, LEADS, today, n) if s.day > deadline]
    assert len(after) <= 2 + n
    latest, following = latest_and_next(deadline, LEADS, today, n)
    # Nothing follows exactly when every stage has come; the chase is over from the day after.
    assert (following is None) == (today >= last_chase_day(deadline, n))
    if chase_ended(deadline, today, n):
        assert following is None and latest == overdue_stages(deadline, n)[-1]


@given(deadlines, st.integers(0, 400), weeks)
@example(date(2026, 1, 27), 34, 4)  # the day after the Tết-shifted last chase (2/3/2026)
@example(date(2024, 10, 19), 33, 4)  # Friday 22/11/2024, the first day of "kéo dài"
def test_the_sql_cut_off_agrees_with_the_rule(deadline: date, offset: int, n: int) -> None:
    # The digest asks the database for deadline <= cut-off; that must be chase_ended exactly.
    today = deadline + timedelta(days=offset)
    assert (deadline <= chase_ended_through(today, n)) == chase_ended(deadline, today, n)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_max_weekly_is_read_and_defaults_to_four(tmp_path: Path) -> None:
    assert load_settings(write(tmp_path, ""), environ={}).reminders.max_weekly == 4
    path = write(tmp_path, "[reminders]\nmax_weekly = 0\n")
    assert load_settings(path, environ={}).reminders.max_weekly == 0
    path = write(tmp_path, "[reminders]\nmax_weekly = 52\n")
    assert load_settings(path, environ={}).reminders.max_weekly == 52


def test_the_example_config_states_the_default() -> None:
    example = Path(__file__).resolve().parents[2] / "config.example.toml"
    assert load_settings(example, environ={}).reminders.max_weekly == MAX_WEEKLY


@pytest.mark.parametrize("value", ["-1", "53", '"4"', "2.5", "true"])
def test_a_bad_max_weekly_is_explained_in_vietnamese(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, f"[reminders]\nmax_weekly = {value}\n")
    with pytest.raises(ConfigError, match=r"reminders\.max_weekly phải là số nguyên từ 0 đến 52"):
        load_settings(path, environ={})

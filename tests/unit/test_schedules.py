"""Schedules generate periods and written due dates inside validity windows."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_bot.domain.schedules import (
    Schedule,
    ScheduleError,
    ScheduleType,
    Window,
    periods,
    schedule_from_dict,
)

WINDOW = Window(date(2024, 1, 1), date(2027, 12, 31))


def dues(schedule: Schedule, window: Window = WINDOW) -> list[tuple[str, date]]:
    return [(p.label, due) for p, due in periods(schedule, window)]


def test_yearly_twentieth_of_october() -> None:
    schedule = schedule_from_dict({"type": "yearly", "month": 10, "day": 20})
    assert dues(schedule) == [(f"năm {y}", date(y, 10, 20)) for y in range(2024, 2028)]


def test_first_half_only_when_one_month_is_given() -> None:
    schedule = schedule_from_dict({"type": "half_yearly", "months": [6], "day": 30})
    assert dues(schedule, Window(date(2024, 1, 1), date(2025, 12, 31))) == [
        ("6 tháng đầu năm 2024", date(2024, 6, 30)),
        ("6 tháng đầu năm 2025", date(2025, 6, 30)),
    ]


def test_both_halves() -> None:
    schedule = schedule_from_dict({"type": "half_yearly", "months": [6, 12], "day": 15})
    labels = [label for label, _ in dues(schedule, Window(date(2025, 1, 1), date(2025, 12, 31)))]
    assert labels == ["6 tháng đầu năm 2025", "6 tháng cuối năm 2025"]


def test_quarterly_due_in_the_month_after_the_quarter() -> None:
    schedule = schedule_from_dict({"type": "quarterly", "day": 10, "offset_months": 1})
    assert dues(schedule, Window(date(2025, 1, 1), date(2025, 12, 31))) == [
        ("quý IV năm 2024", date(2025, 1, 10)),
        ("quý I năm 2025", date(2025, 4, 10)),
        ("quý II năm 2025", date(2025, 7, 10)),
        ("quý III năm 2025", date(2025, 10, 10)),
    ]


def test_monthly_day_31_falls_back_to_the_last_day_of_short_months() -> None:
    schedule = schedule_from_dict({"type": "monthly", "day": 31})
    found = dict(dues(schedule, Window(date(2025, 2, 1), date(2025, 4, 30))))
    assert found == {
        "tháng 2/2025": date(2025, 2, 28),
        "tháng 3/2025": date(2025, 3, 31),
        "tháng 4/2025": date(2025, 4, 30),
    }


def test_one_off_inside_and_outside_the_window() -> None:
    schedule = schedule_from_dict({"type": "one_off", "date": "2024-07-20"})
    assert [due for _, due in dues(schedule)] == [date(2024, 7, 20)]
    assert dues(schedule, Window(date(2025, 1, 1), date(2025, 12, 31))) == []


@pytest.mark.parametrize("kind", ["ad_hoc", "undated"])
def test_undated_and_ad_hoc_schedules_generate_nothing(kind: str) -> None:
    assert dues(schedule_from_dict({"type": kind})) == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"type": "yearly", "month": 2, "day": 31}, "31/2"),
        ({"type": "yearly", "month": 13, "day": 1}, "tháng 13"),
        ({"type": "yearly", "day": 1}, "cần tháng"),
        ({"type": "one_off"}, "cần có ngày"),
        ({"type": "weekly"}, "loại lịch"),
        ({"type": "half_yearly", "months": [6, 12, 3], "day": 1}, "một hoặc hai tháng"),
    ],
)
def test_impossible_schedules_are_refused_with_the_reason(
    raw: dict[str, object], message: str
) -> None:
    with pytest.raises(ScheduleError, match=message):
        schedule_from_dict(raw)


def test_repeating_schedule_needs_a_closed_window() -> None:
    with pytest.raises(ScheduleError):
        list(periods(schedule_from_dict({"type": "yearly", "month": 1, "day": 1}), Window()))


schedules = st.one_of(
    st.builds(
        lambda m, d: {"type": "yearly", "month": m, "day": d},
        st.integers(1, 12),
        st.integers(1, 28),
    ),
    st.builds(
        lambda ms, d: {"type": "half_yearly", "months": ms, "day": d},
        st.sampled_from([[6], [6, 12], [7, 1]]),
        st.integers(1, 30),  # 31/6 is refused: covered by the impossible-date test
    ),
    st.builds(
        lambda d, o: {"type": "quarterly", "day": d, "offset_months": o},
        st.integers(1, 31),
        st.integers(0, 1),
    ),
    st.builds(lambda d: {"type": "monthly", "day": d}, st.integers(1, 31)),
    st.builds(
        lambda d: {"type": "one_off", "date": d.isoformat()},
        st.dates(date(2020, 1, 1), date(2032, 12, 31)),
    ),
)
windows = st.tuples(st.dates(date(2020, 1, 1), date(2030, 12, 31)), st.integers(0, 2000)).map(
    lambda t: Window(t[0], date.fromordinal(t[0].toordinal() + t[1]))
)


@given(schedules, windows)
def test_every_generated_due_date_lies_in_the_window(
    raw: dict[str, object], window: Window
) -> None:
    for _, due in periods(schedule_from_dict(raw), window):
        assert window.contains(due)


@given(schedules, windows)
def test_generation_is_deterministic_and_keys_are_unique(
    raw: dict[str, object], window: Window
) -> None:
    schedule = schedule_from_dict(raw)
    first = [(p.key, due) for p, due in periods(schedule, window)]
    assert first == [(p.key, due) for p, due in periods(schedule, window)]
    assert len({key for key, _ in first}) == len(first)


@given(schedules)
def test_schedule_survives_storage(raw: dict[str, object]) -> None:
    schedule = schedule_from_dict(raw)
    assert schedule_from_dict(schedule.to_dict()) == schedule


def test_schedule_type_names_are_stable() -> None:
    assert {t.value for t in ScheduleType} == {
        "one_off",
        "yearly",
        "half_yearly",
        "quarterly",
        "monthly",
        "ad_hoc",
        "undated",
    }

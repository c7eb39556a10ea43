"""Schedules: windows, validation, and due dates at the edges of months, years and windows."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach_bot.domain.schedules import (
    Schedule,
    ScheduleError,
    Window,
    periods,
    schedule_from_dict,
)


def dues(schedule: Schedule, window: Window) -> list[tuple[str, date]]:
    return [(p.label, due) for p, due in periods(schedule, window)]


def test_window_includes_both_ends() -> None:
    window = Window(date(2025, 1, 1), date(2025, 12, 31))
    assert window.contains(date(2025, 1, 1))
    assert window.contains(date(2025, 12, 31))
    assert not window.contains(date(2024, 12, 31))
    assert not window.contains(date(2026, 1, 1))


def test_a_due_date_on_the_first_day_of_the_plan_is_kept() -> None:
    # Đắk Nông: yearly before 31/12; a plan valid from 31/12/2024 owes that year's report.
    schedule = schedule_from_dict({"type": "yearly", "month": 12, "day": 31})
    assert dues(schedule, Window(date(2024, 12, 31), date(2025, 12, 31))) == [
        ("năm 2024", date(2024, 12, 31)),
        ("năm 2025", date(2025, 12, 31)),
    ]


def test_monthly_report_of_january_is_generated() -> None:
    schedule = schedule_from_dict({"type": "monthly", "day": 25})
    assert dues(schedule, Window(date(2025, 1, 1), date(2025, 3, 31))) == [
        ("tháng 1/2025", date(2025, 1, 25)),
        ("tháng 2/2025", date(2025, 2, 25)),
        ("tháng 3/2025", date(2025, 3, 25)),
    ]


def test_monthly_report_due_the_month_after() -> None:
    schedule = schedule_from_dict({"type": "monthly", "day": 5, "offset_months": 1})
    assert dues(schedule, Window(date(2025, 1, 1), date(2025, 2, 28))) == [
        ("tháng 12/2024", date(2025, 1, 5)),
        ("tháng 1/2025", date(2025, 2, 5)),
    ]


def test_quarterly_due_in_the_last_month_of_the_quarter() -> None:
    schedule = schedule_from_dict({"type": "quarterly", "day": 20})
    assert dues(schedule, Window(date(2025, 1, 1), date(2025, 12, 31))) == [
        ("quý I năm 2025", date(2025, 3, 20)),
        ("quý II năm 2025", date(2025, 6, 20)),
        ("quý III năm 2025", date(2025, 9, 20)),
        ("quý IV năm 2025", date(2025, 12, 20)),
    ]


def test_29_february_is_a_possible_yearly_date() -> None:
    schedule = schedule_from_dict({"type": "yearly", "month": 2, "day": 29})
    assert dues(schedule, Window(date(2027, 1, 1), date(2028, 12, 31))) == [
        ("năm 2027", date(2027, 2, 28)),  # a common year falls back to 28/2
        ("năm 2028", date(2028, 2, 29)),
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"type": "monthly", "day": 0}, r"\(day\)"),
        ({"type": "monthly", "day": 32}, r"\(day\)"),
        ({"type": "quarterly", "day": 32, "offset_months": 1}, r"\(day\)"),
        ({"type": "monthly"}, r"\(day\)"),
        ({"type": "monthly", "day": 5, "offset_months": 2}, "offset_months"),
        ({"type": "quarterly", "day": 5, "offset_months": -1}, "offset_months"),
        ({"type": "half_yearly", "months": [6, 12]}, r"\(months\)"),
        ({"type": "half_yearly", "months": [], "day": 30}, r"\(months\)"),
        ({"type": "half_yearly", "months": [6], "day": 31}, "31/6"),
        ({"type": "yearly", "month": 12}, r"\(day\)"),
        ({"type": "yearly", "month": 0, "day": 1}, "tháng 0"),
        ({"type": "yearly", "month": 4, "day": 0}, "0/4"),
        ({"type": "fortnightly"}, "fortnightly"),
        ({}, "loại lịch"),
    ],
)
def test_impossible_schedules_are_refused_naming_what_is_wrong(
    raw: dict[str, object], message: str
) -> None:
    with pytest.raises(ScheduleError, match=message):
        schedule_from_dict(raw)


@pytest.mark.parametrize(
    "raw",
    [
        {"type": "monthly", "day": 1},
        {"type": "monthly", "day": 31},
        {"type": "quarterly", "day": 31, "offset_months": 0},
        {"type": "yearly", "month": 12, "day": 31},
        {"type": "yearly", "month": 1, "day": 1},
    ],
)
def test_edge_days_are_accepted(raw: dict[str, object]) -> None:
    schedule_from_dict(raw)


@pytest.mark.parametrize(
    "window", [Window(date(2025, 1, 1), None), Window(None, date(2025, 12, 31)), Window()]
)
def test_a_repeating_schedule_in_a_half_open_window_is_refused(window: Window) -> None:
    schedule = schedule_from_dict({"type": "yearly", "month": 10, "day": 20})
    with pytest.raises(ScheduleError):
        list(periods(schedule, window))


def test_one_off_in_an_open_window() -> None:
    schedule = schedule_from_dict({"type": "one_off", "date": date(2024, 7, 20)})
    assert dues(schedule, Window(date(2024, 7, 20), None)) == [
        ("một lần (hạn 20/7/2024)", date(2024, 7, 20))
    ]
    assert dues(schedule, Window(date(2024, 7, 21), None)) == []

"""Vietnamese dates as people write and type them, weekday names, and unit-name keys.

The name key is stored (UnitAlias.normalized), so its exact form is part of the stored data.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_bot.domain.vietnamese import (
    BadDate,
    format_date,
    normalize_name,
    parse_date,
    weekday_name,
)

dates = st.dates(date(1900, 1, 1), date(2999, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-07-20", date(2024, 7, 20)),
        ("20/7/2024", date(2024, 7, 20)),
        ("05/12/2026", date(2026, 12, 5)),
        ("5/12/2026", date(2026, 12, 5)),
        ("2026-12-5", date(2026, 12, 5)),
        ("  29/2/2028 ", date(2028, 2, 29)),
    ],
)
def test_dates_are_read_day_first_or_iso(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/2025", "tháng 2 năm 2025 không có ngày 31"),
        ("29/2/2025", "tháng 2 năm 2025 không có ngày 29"),
        ("2025-02-30", "tháng 2 năm 2025 không có ngày 30"),
        ("32/1/2025", "tháng 1 năm 2025 không có ngày 32"),
        ("32/12/2025", "tháng 12 năm 2025 không có ngày 32"),
        ("1/13/2025", "tháng 13 không tồn tại"),
        ("2025-00-10", "tháng 0 không tồn tại"),
        ("20-7-2024", "không đúng dạng ngày"),
        ("20/7", "không đúng dạng ngày"),
        ("ngày 20/7/2024", "không đúng dạng ngày"),
        ("", "không đúng dạng ngày"),
    ],
)
def test_bad_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(BadDate, match=reason) as info:
        parse_date(text)
    assert "YYYY-MM-DD" in str(info.value) and "DD/MM/YYYY" in str(info.value)


@given(dates)
def test_every_date_reads_back_from_both_forms(day: date) -> None:
    assert parse_date(format_date(day)) == day
    assert parse_date(f"{day.day}/{day.month}/{day.year}") == day  # as people type it
    assert parse_date(day.isoformat()) == day


def test_dates_are_written_dd_mm_yyyy() -> None:
    assert format_date(date(2026, 12, 5)) == "05/12/2026"
    assert format_date(date(2024, 7, 20)) == "20/07/2024"
    assert format_date(date(2026, 11, 25)) == "25/11/2026"


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2024, 10, 18), "Thứ Sáu"),
        (date(2024, 10, 19), "Thứ Bảy"),
        (date(2024, 10, 20), "Chủ nhật"),
        (date(2026, 12, 7), "Thứ Hai"),
        (date(2026, 12, 8), "Thứ Ba"),
        (date(2026, 12, 9), "Thứ Tư"),
        (date(2026, 12, 10), "Thứ Năm"),
    ],
)
def test_weekday_names(day: date, name: str) -> None:
    assert weekday_name(day) == name


@pytest.mark.parametrize(
    "spelling",
    [
        "Phòng Lao động- Thương binh và Xã hội",
        "phòng lao động - thương binh và xã hội",
        "Phòng Lao động – Thương binh và Xã hội.",
        "PHÒNG LAO ĐỘNG—THƯƠNG BINH VÀ XÃ HỘI;",
        "Phòng  Lao động -Thương binh & Xã hội",
        "  Phòng Lao động - Thương binh và Xã hội, ",
        unicodedata.normalize("NFD", "Phòng Lao động - Thương binh và Xã hội"),
    ],
)
def test_spellings_of_one_office_share_one_stored_key(spelling: str) -> None:
    assert normalize_name(spelling) == "phòng lao động - thương binh và xã hội"


def test_different_offices_keep_different_keys() -> None:
    assert normalize_name("Sở Y tế") != normalize_name("Sở Nội vụ")
    assert normalize_name("UBND xã Bình Sơn") == "ubnd xã bình sơn"

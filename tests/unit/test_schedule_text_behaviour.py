"""Schedules as an admin types them (with or without diacritics) and as the bot reads them back."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_bot.domain.schedule_text import describe_schedule, parse_schedule, plain_text
from kehoach_bot.domain.schedules import Schedule, ScheduleError, ScheduleType

YEARLY_20_10 = Schedule(ScheduleType.YEARLY, month=10, day=20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bình Sơn: yearly, before 20/10.
        ("hằng năm 20/10", YEARLY_20_10),
        ("Hằng năm 20/10", YEARLY_20_10),
        ("hang nam 20/10", YEARLY_20_10),
        ("  HẰNG   NĂM  20/10 ", YEARLY_20_10),
        ("năm 20/10", YEARLY_20_10),
        # Gia Lai: Sở Y tế reports before 05/12.
        ("hằng năm 05/12", Schedule(ScheduleType.YEARLY, month=12, day=5)),
        # La Gi: one-off, before 20/7/2024.
        ("một lần 20/7/2024", Schedule(ScheduleType.ONE_OFF, date=date(2024, 7, 20))),
        ("20/07/2024", Schedule(ScheduleType.ONE_OFF, date=date(2024, 7, 20))),
        # Đắk Nông: every 6 months before 30/6 (and the yearly report before 31/12).
        ("6 tháng 30/6", Schedule(ScheduleType.HALF_YEARLY, day=30, months=(6,))),
        ("6 thang 30/6 30/12", Schedule(ScheduleType.HALF_YEARLY, day=30, months=(6, 12))),
        ("hằng quý 10", Schedule(ScheduleType.QUARTERLY, day=10, offset_months=1)),
        ("quý 10", Schedule(ScheduleType.QUARTERLY, day=10, offset_months=1)),
        ("hằng tháng 25", Schedule(ScheduleType.MONTHLY, day=25)),
        ("tháng 25", Schedule(ScheduleType.MONTHLY, day=25)),
        # Bình Lục: "định kỳ", no date written; an admin sets it later.
        ("không ngày", Schedule(ScheduleType.UNDATED)),
        ("theo quy định", Schedule(ScheduleType.UNDATED)),
        ("Chưa có ngày", Schedule(ScheduleType.UNDATED)),
        ("đột xuất", Schedule(ScheduleType.AD_HOC)),
        ("ĐỘT XUẤT", Schedule(ScheduleType.AD_HOC)),
    ],
)
def test_typed_schedules(text: str, expected: Schedule) -> None:
    assert parse_schedule(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # The specific reason reaches the admin: the halves share a day of month, one or two days.
        ("6 tháng 30/6 31/12", "cùng ngày trong tháng"),
        ("6 tháng", "một hoặc hai ngày"),
        ("6 tháng 30/6 30/9 30/12", "một hoặc hai ngày"),
        ("một lần 31/2/2025", "Ngày 31/2/2025 không tồn tại"),
        ("hằng năm 31/2", "31/2 không tồn tại"),
        ("hằng tháng 32", r"\(day\)"),
        ("hằng tuần 2", "Không hiểu lịch 'hằng tuần 2'"),
        ("", "Không hiểu lịch"),
        ("hằng năm 20-10", "Không hiểu lịch"),
        ("hằng năm 20/10/2024", "Không hiểu lịch"),
        ("một lần 20/7", "Không hiểu lịch"),
        ("hằng quý mười", "Không hiểu lịch"),
        ("6 tháng 30/6 ngày", "Không hiểu lịch"),
    ],
)
def test_schedules_the_bot_cannot_read_are_explained(text: str, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        parse_schedule(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("6 tháng 30/6 31/12", "cùng ngày trong tháng"),
        ("một lần 31/2/2025", "Ngày 31/2/2025 không tồn tại"),
    ],
)
def test_the_specific_reason_reaches_the_admin(text: str, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        parse_schedule(text)


def test_an_unreadable_schedule_lists_the_accepted_forms() -> None:
    with pytest.raises(ScheduleError) as info:
        parse_schedule("mỗi năm một lần")
    assert "hằng năm 20/10" in str(info.value)
    assert "6 tháng 30/6 30/12" in str(info.value)


valid_day_months = st.integers(1, 12).flatmap(
    lambda m: st.tuples(st.integers(1, calendar.monthrange(2024, m)[1]), st.just(m))
)


@given(valid_day_months, st.sampled_from(["hằng năm", "Hằng Năm", "hang nam", "năm"]))
def test_every_yearly_date_is_read_day_first(day_month: tuple[int, int], prefix: str) -> None:
    day, month = day_month
    expected = Schedule(ScheduleType.YEARLY, month=month, day=day)
    assert parse_schedule(f"{prefix} {day}/{month}") == expected
    assert parse_schedule(f"{prefix} {day:02d}/{month:02d}") == expected


@given(st.integers(1, 31))
def test_every_day_of_month_is_read(day: int) -> None:
    assert parse_schedule(f"hằng tháng {day}") == Schedule(ScheduleType.MONTHLY, day=day)
    assert parse_schedule(f"hằng quý {day}") == Schedule(
        ScheduleType.QUARTERLY, day=day, offset_months=1
    )


@given(st.dates(date(2000, 1, 1), date(2099, 12, 31)))
def test_every_one_off_date_is_read_day_first(when: date) -> None:
    expected = Schedule(ScheduleType.ONE_OFF, date=when)
    assert parse_schedule(f"một lần {when.day}/{when.month}/{when.year}") == expected
    assert parse_schedule(f"{when.day:02d}/{when.month:02d}/{when.year}") == expected


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("một lần 20/7/2024", ["một lần", "20/7/2024"]),
        ("hằng năm 05/12", ["hằng năm", "5/12"]),
        ("6 tháng 30/6", ["6 tháng đầu năm", "30/6"]),
        ("6 tháng 30/6 30/12", ["6 tháng", "30/6 và 30/12"]),
        ("hằng quý 10", ["hằng quý", "10", "sau"]),
        ("hằng tháng 25", ["hằng tháng", "25"]),
        ("đột xuất", ["đột xuất"]),
        ("không ngày", ["chưa có ngày"]),
    ],
)
def test_a_schedule_is_described_back_in_vietnamese(text: str, phrases: list[str]) -> None:
    described = describe_schedule(parse_schedule(text))
    for phrase in phrases:
        assert phrase in described


def test_the_second_half_is_not_called_the_first() -> None:
    assert "đầu năm" not in describe_schedule(parse_schedule("6 tháng 30/6 30/12"))


def test_quarterly_in_the_last_month_of_the_quarter_says_so() -> None:
    described = describe_schedule(Schedule(ScheduleType.QUARTERLY, day=20, offset_months=0))
    assert "cuối quý" in described
    assert "sau" not in described


def test_yearly_is_described_day_first() -> None:
    assert "20/10" in describe_schedule(YEARLY_20_10)
    assert "10/20" not in describe_schedule(YEARLY_20_10)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Hằng năm", "hang nam"),
        ("ĐỘT XUẤT", "dot xuat"),
        ("  Chậm   nhất\tngày ", "cham nhat ngay"),
        ("Đến ngày", "den ngay"),
        ("trước ngày", "truoc ngay"),
    ],
)
def test_plain_text_drops_diacritics_case_and_extra_spaces(text: str, plain: str) -> None:
    assert plain_text(text) == plain

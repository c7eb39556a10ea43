"""Schedules written the way an admin types them in Vietnamese, and described back the same way."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from kehoach_bot.domain.schedules import Schedule, ScheduleError, ScheduleType, validate

FORMS = (
    "«hằng năm 20/10», «một lần 20/7/2024», «6 tháng 30/6», «6 tháng 30/6 30/12», "
    "«hằng quý 10» (ngày 10 tháng sau quý), «hằng tháng 25», «không ngày»"
)


def plain_text(text: str) -> str:
    """Lower case without diacritics, so that "hang nam" and "hằng năm" read the same."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


_DAY_MONTH = re.compile(r"^(\d{1,2})/(\d{1,2})$")
_FULL_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_schedule(text: str) -> Schedule:
    """Read a typed schedule; raise ScheduleError naming the accepted forms."""
    plain = plain_text(text)
    words = plain.split()
    try:
        schedule = _parse(plain, words)
    except (ValueError, IndexError) as exc:
        raise ScheduleError(f"Không hiểu lịch {text!r}. Viết như: {FORMS}.") from exc
    validate(schedule)
    return schedule


def _day_month(token: str) -> tuple[int, int]:
    match = _DAY_MONTH.match(token)
    if match is None:
        raise ValueError(token)
    return int(match.group(1)), int(match.group(2))


def _parse(plain: str, words: list[str]) -> Schedule:
    if plain in ("khong ngay", "theo quy dinh", "chua co ngay"):
        return Schedule(ScheduleType.UNDATED)
    if plain in ("dot xuat",):
        return Schedule(ScheduleType.AD_HOC)
    last = words[-1]
    if len(words) == 1 or plain.startswith("mot lan"):
        match = _FULL_DATE.match(last)
        if match is None:
            raise ValueError(last)
        day, month, year = (int(g) for g in match.groups())
        try:
            return Schedule(ScheduleType.ONE_OFF, date=date(year, month, day))
        except ValueError as exc:
            raise ScheduleError(f"Ngày {last} không tồn tại.") from exc
    if plain.startswith(("hang nam", "nam ")):
        day, month = _day_month(last)
        return Schedule(ScheduleType.YEARLY, month=month, day=day)
    if plain.startswith("6 thang"):
        pairs = [_day_month(w) for w in words[2:]]
        if not 1 <= len(pairs) <= 2 or len({d for d, _ in pairs}) != 1:
            raise ScheduleError(
                "Lịch 6 tháng: một hoặc hai ngày, cùng ngày trong tháng (ví dụ 30/6 30/12)."
            )
        return Schedule(
            ScheduleType.HALF_YEARLY, day=pairs[0][0], months=tuple(m for _, m in pairs)
        )
    if plain.startswith(("hang quy", "quy ")):
        return Schedule(ScheduleType.QUARTERLY, day=int(last), offset_months=1)
    if plain.startswith(("hang thang", "thang ")):
        return Schedule(ScheduleType.MONTHLY, day=int(last))
    raise ValueError(plain)


def describe_schedule(schedule: Schedule) -> str:
    """A schedule in plain Vietnamese."""
    kind = schedule.type
    if kind is ScheduleType.ONE_OFF and schedule.date:
        d = schedule.date
        return f"một lần, ngày {d.day}/{d.month}/{d.year}"
    if kind is ScheduleType.YEARLY:
        return f"hằng năm, ngày {schedule.day}/{schedule.month}"
    if kind is ScheduleType.HALF_YEARLY:
        days = " và ".join(f"{schedule.day}/{m}" for m in schedule.months)
        label = "6 tháng đầu năm" if len(schedule.months) == 1 else "6 tháng"
        return f"{label}, ngày {days}"
    if kind is ScheduleType.QUARTERLY:
        return (
            f"hằng quý, ngày {schedule.day} tháng {'sau' if schedule.offset_months else 'cuối'} quý"
        )
    if kind is ScheduleType.MONTHLY:
        return f"hằng tháng, ngày {schedule.day}"
    if kind is ScheduleType.AD_HOC:
        return "đột xuất (theo từng yêu cầu)"
    return "chưa có ngày (định kỳ theo quy định)"

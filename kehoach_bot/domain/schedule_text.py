"""Schedules written the way an admin types them in Vietnamese, and described back the same way."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from kehoach_bot.domain.schedules import Schedule, ScheduleError, ScheduleType, validate
from kehoach_bot.texts import domain_vi as t

FORMS = t.SCHEDULE_FORMS


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
    except ScheduleError:
        raise  # a specific reason (a date that does not exist) says more than the generic one
    except (ValueError, IndexError) as exc:
        raise ScheduleError(t.SCHEDULE_NOT_UNDERSTOOD.format(text=text, forms=FORMS)) from exc
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
            raise ScheduleError(t.SCHEDULE_DATE_DOES_NOT_EXIST.format(date=last)) from exc
    if plain.startswith(("hang nam", "nam ")):
        day, month = _day_month(last)
        return Schedule(ScheduleType.YEARLY, month=month, day=day)
    if plain.startswith("6 thang"):
        pairs = [_day_month(w) for w in words[2:]]
        if not 1 <= len(pairs) <= 2 or len({d for d, _ in pairs}) != 1:
            raise ScheduleError(t.SCHEDULE_HALF_YEARLY_DAYS)
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
        return t.DESCRIBE_ONE_OFF.format(day=d.day, month=d.month, year=d.year)
    if kind is ScheduleType.YEARLY:
        return t.DESCRIBE_YEARLY.format(day=schedule.day, month=schedule.month)
    if kind is ScheduleType.HALF_YEARLY:
        days = t.DESCRIBE_DAYS_SEPARATOR.join(f"{schedule.day}/{m}" for m in schedule.months)
        template = t.DESCRIBE_FIRST_HALF if len(schedule.months) == 1 else t.DESCRIBE_HALF_YEARLY
        return template.format(days=days)
    if kind is ScheduleType.QUARTERLY:
        template = (
            t.DESCRIBE_QUARTERLY_NEXT_MONTH
            if schedule.offset_months
            else t.DESCRIBE_QUARTERLY_LAST_MONTH
        )
        return template.format(day=schedule.day)
    if kind is ScheduleType.MONTHLY:
        return t.DESCRIBE_MONTHLY.format(day=schedule.day)
    if kind is ScheduleType.AD_HOC:
        return t.DESCRIBE_AD_HOC
    return t.DESCRIBE_UNDATED

"""Vietnamese text helpers: dates as Vietnamese write them and name normalisation for aliases."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from kehoach_bot.texts import domain_vi as t

_DASHES = re.compile(r"\s*[-–—]\s*")
_SPACES = re.compile(r"\s+")


def format_date(day: date) -> str:
    """dd/mm/yyyy (05/12/2026): one form in every message, table and file."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def shorten(text: str, limit: int) -> str:
    """The text on one line, cut at a word under `limit` characters with "…" when longer."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


WEEKDAYS = t.WEEKDAYS


def weekday_name(day: date) -> str:
    """The Vietnamese name of the weekday."""
    return WEEKDAYS[day.weekday()]


def normalize_name(text: str) -> str:
    """Key for matching unit names: NFC, case-folded, one space, one kind of dash, no final dot.

    "Phòng Lao động- Thương binh và Xã hội" and "phòng lao động - thương binh và xã hội" match.
    """
    text = unicodedata.normalize("NFC", text).casefold().strip().rstrip(".;:,")
    text = _DASHES.sub(" - ", text)
    text = text.replace("&", " và ")
    return _SPACES.sub(" ", text).strip()


_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class BadDate(ValueError):
    """A date that is not written YYYY-MM-DD or DD/MM/YYYY, or that does not exist."""


def parse_date(value: str) -> date:
    """A date written YYYY-MM-DD or DD/MM/YYYY; impossible dates like 31/02 raise BadDate."""
    text = value.strip()
    if match := _YMD.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise BadDate(t.BAD_DATE_FORM.format(value=value))
    try:
        return date(year, month, day)
    except ValueError:
        message = (
            t.BAD_DATE_MONTH.format(value=value, month=month)
            if not 1 <= month <= 12
            else t.BAD_DATE_DAY.format(value=value, month=month, year=year, day=day)
        )
        raise BadDate(message) from None

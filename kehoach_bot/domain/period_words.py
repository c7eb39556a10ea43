"""Periods written the way people write them ("năm 2025", "6 tháng đầu năm 2025", "quý II/2025",
"tháng 11/2025") read back as the stored period keys ("2025", "2025-H1", "2025-Q2", "2025-11")."""

from __future__ import annotations

import re

from kehoach_bot.domain.schedule_text import plain_text

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_SEPARATOR = r"\s*(?:/|-|\s)\s*(?:nam\s+)?"
_STORED = re.compile(r"^(\d{4})(?:-(h[12]|q[1-4]|\d{2}))?$")
_YEAR = re.compile(r"^(?:nam\s+)?(\d{4})$")
_HALF = re.compile(r"^(?:6|sau)\s+thang\s+(dau|cuoi)(?:\s+nam)?\s+(\d{4})$")
_QUARTER = re.compile(rf"^quy\s+(iv|i{{1,3}}|[1-4]){_SEPARATOR}(\d{{4}})$")
_MONTH = re.compile(rf"^(?:thang\s+)?(\d{{1,2}}){_SEPARATOR}(\d{{4}})$")


def period_key(text: str) -> str | None:
    """The stored key a typed period stands for, or None when the text is not a period.

    Accent- and case-insensitive; a stored key ("2025-H1") reads as itself."""
    plain = plain_text(text)
    if plain == "once" or plain.startswith("adhoc-"):
        return plain
    if match := _STORED.match(plain):
        year, part = match.groups()
        if part is None:
            return year
        if part[0] in "hq":
            return f"{year}-{part.upper()}"
        return f"{year}-{part}" if 1 <= int(part) <= 12 else None
    if match := _YEAR.match(plain):
        return match.group(1)
    if match := _HALF.match(plain):
        half, year = match.groups()
        return f"{year}-H{1 if half == 'dau' else 2}"
    if match := _QUARTER.match(plain):
        quarter, year = match.groups()
        number = _ROMAN.get(quarter) or int(quarter)
        return f"{year}-Q{number}"
    if match := _MONTH.match(plain):
        month, year = int(match.group(1)), match.group(2)
        return f"{year}-{month:02d}" if 1 <= month <= 12 else None
    return None

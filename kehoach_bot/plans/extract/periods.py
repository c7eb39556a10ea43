"""The reporting periods a plan's sentences name: "quý II/2025", "6 tháng đầu năm", "năm 2026"."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kehoach_bot.plans.extract.phrases import ROMAN_QUARTERS, fold_same_length


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A reporting period named in a sentence: "quý II/2025", "6 tháng đầu năm", "năm 2026"."""

    text: str
    start: int
    end: int
    kind: str  # "year", "half", "quarter", "month", "nine_months"
    year: int | None
    number: int | None = None  # the quarter, the half (1, 2) or the month

    @property
    def key(self) -> str | None:
        """The stored period key ("2025-Q2", "2025-H1", "2025-11", "2025"); None without a year."""
        if self.year is None or self.kind == "nine_months":
            return None
        if self.kind == "year":
            return str(self.year)
        if self.kind == "half":
            return f"{self.year}-H{self.number}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.number}"
        return f"{self.year}-{self.number:02d}"


_YEAR_TAIL = r"(?:\s*(?:/|-|nam)\s*(\d{4})\b)?"
_PERIODS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("quarter", re.compile(rf"\bquy\s+(iv|iii|ii|i|[1-4])\b{_YEAR_TAIL}")),
    ("half", re.compile(r"\b(?:0?6|sau)\s+thang\s+(dau|cuoi)\s+nam\b(?:\s+(\d{4})\b)?")),
    ("nine_months", re.compile(r"\b(?:0?9|chin)\s+thang\b(?:\s+dau\s+nam)?(?:\s+(\d{4})\b)?")),
    ("month", re.compile(rf"\bthang\s+(\d{{1,2}})\b{_YEAR_TAIL}")),
    ("year", re.compile(r"\bnam\s+(\d{4})\b")),
)


def find_periods(sentence: str) -> list[PeriodMention]:
    """The periods a sentence names, in order; a date's "tháng 12" is not a period."""
    text = unicodedata.normalize("NFC", sentence)
    folded = fold_same_length(text)
    found: list[PeriodMention] = []
    for kind, pattern in _PERIODS:
        for match in pattern.finditer(folded):
            if any(not (match.end() <= p.start or match.start() >= p.end) for p in found):
                continue
            mention = _period(kind, match, text, folded)
            if mention is not None:
                found.append(mention)
    return sorted(found, key=lambda p: p.start)


def _period(kind: str, match: re.Match[str], text: str, folded: str) -> PeriodMention | None:
    groups = match.groups()
    year_text = groups[-1]
    year = int(year_text) if year_text else None
    number: int | None = None
    if kind == "quarter":
        number = ROMAN_QUARTERS.get(groups[0]) or int(groups[0])
    elif kind == "half":
        number = 1 if groups[0] == "dau" else 2
    elif kind == "month":
        number = int(groups[0])
        written_date = re.search(r"\bngay\s+\d{1,2}\s+(?:cua\s+)?$", folded[: match.start()])
        in_words = re.search(r"\btrong\s+$", folded[: match.start()])
        if written_date or not 1 <= number <= 12 or (year is None and not in_words):
            return None
    return PeriodMention(
        text[match.start() : match.end()], match.start(), match.end(), kind, year, number
    )

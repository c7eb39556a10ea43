"""The time words of a plan's sentences: deadlines in every written form, periods, recurrences,
and the due rule a reporting duty gets from them.

Every function reads ONE sentence (or clause) and is pure. Spans index the sentence in NFC.
Nothing is guessed: a date that cannot exist, a deadline counted from an event, a deadline given
only by reference to another document, and a date that belongs to another document or to a data
period are returned flagged, never as a deadline.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from kehoach_bot.domain.deadlines import Wording
from kehoach_bot.plans.extract.draft import DutyKind
from kehoach_bot.texts import extract_vi as t

# --- accent folding that keeps every index --------------------------------------------------


def fold_same_length(text: str) -> str:
    """Lower-case, accent-free, one character per character: "Trước ngày" → "truoc ngay".

    Indexes into the result are indexes into `text` (which must be NFC)."""
    out: list[str] = []
    for char in text:
        if char in "đĐ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", char)[0].lower()
        out.append(base[0] if base else char)
    return "".join(out)


def _nfc(sentence: str) -> str:
    return unicodedata.normalize("NFC", sentence)


# "ngày 15 (mười lăm)", "06 (sáu) tháng": a number spelled out again in words, as laws write it.
_SPELLED_NUMBER = re.compile(
    r"\(\s*(?:(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|linh|le|tram|ngan)\s*)+\)"
)


def _folded(text: str) -> str:
    """The accent-free form with spelled-out numbers blanked (same length, same indexes)."""
    folded = fold_same_length(text)
    return _SPELLED_NUMBER.sub(lambda m: " " * len(m.group()), folded)


# --- deadlines -------------------------------------------------------------------------------

WORDING_WORDS: dict[Wording, str] = {
    Wording.BEFORE: "trước ngày",
    Wording.NO_LATER_THAN: "chậm nhất",
    Wording.BY: "đến ngày",
    Wording.AS_REGULATED: "theo quy định",
}


@dataclass(frozen=True, slots=True)
class DeadlineMention:
    """One deadline-looking phrase of a sentence, with what it means and why it may not count."""

    text: str  # as written, wording included: "trước ngày 20/10"
    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None  # only when this sentence writes it
    wording: Wording | None = None
    wording_text: str | None = None  # the plan's words: "trước ngày", "chậm nhất", "trong tháng"…
    rule: str | None = None  # a day in every period: "tháng cuối quý", "hằng tháng"
    relative_days: int | None = None  # "trong thời hạn 10 ngày kể từ…"
    impossible: bool = False  # 31/6, 30/2
    relative: bool = False
    by_reference: bool = False  # "đúng thời gian quy định", "theo Công văn số …"
    not_a_deadline: bool = False  # another document's date, a data period, a distribution list

    @property
    def usable(self) -> bool:
        """Whether this mention gives a real calendar day and month for a deadline."""
        flagged = self.impossible or self.relative or self.by_reference or self.not_a_deadline
        return (
            not flagged and self.month is not None and (self.day is not None or self.rule is None)
        )

    @property
    def warning(self) -> str | None:
        """The Vietnamese warning this mention calls for, if any."""
        if self.impossible:
            return t.IMPOSSIBLE_DATE.format(text=self.text, day=self.day, month=self.month)
        if self.relative:
            return t.RELATIVE_DEADLINE.format(text=self.text)
        if self.by_reference:
            return t.BY_REFERENCE.format(text=self.text)
        if self.not_a_deadline:
            return t.NOT_A_DEADLINE.format(text=self.text)
        return None


_DATE_NUMERIC = re.compile(
    r"(?<![\w/.\-])(\d{1,2})\s*([/.\-])\s*(\d{1,2})(?:\s*\2\s*(\d{4}))?(?!\d)(?!\s*[/.\-]\s*\d)(?![/\-][a-z])"
)
_DATE_WORDS = re.compile(
    r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\b(?:\s*(?:,\s*)?nam\s+(\d{4})|\s*[/\-]\s*(\d{4}))?"
)
_DAY_RULE = re.compile(
    r"\bngay\s+(\d{1,2})\s+(?:cua\s+)?("
    r"thang\s+(?:cuoi|dau|thu\s+\w+)\s+(?:cua\s+)?(?:moi\s+|hang\s+)?(?:quy|ky)"
    r"(?:\s+(?:sau|tiep theo|ke tiep))?"
    r"|(?:hang|moi)\s+thang|thang\s+(?:sau|tiep theo|ke tiep)|(?:cuoi|dau)\s+(?:quy|thang|ky)"
    r"|thang\s+(?:cuoi\s+ky\s+)?bao cao"
    r"|quy\s+(?:sau|tiep theo|ke tiep))"
)
_IN_MONTH = re.compile(r"\btrong\s+thang\s+(\d{1,2})(?:\s*(?:/|-|nam)\s*(\d{4}))?\b")
_RELATIVE = re.compile(
    r"\btrong\s+(?:thoi han|vong|thoi gian|han)\s+(\d+)\s+ngay(?:\s+lam viec)?"
    r"(?:\s+(?:ke tu|tu|sau khi|truoc khi))?"
    r"|\b(?:sau|truoc)\s+(\d+)\s+ngay(?:\s+lam viec)?(?:\s+(?:ke tu|tu|sau khi|truoc khi))?"
    r"|\b(\d+)\s+ngay(?:\s+lam viec)?\s*,?\s+(?:ke tu|sau khi|truoc khi)"
)
_BY_REFERENCE = re.compile(
    r"\b(?:dung|theo)\s+(?:thoi gian|thoi han|han)(?:\s+(?:theo|da|duoc))?\s+quy dinh"
    r"|\b(?:thoi gian|thoi han|han)(?:\s+(?:bao cao|gui|nop))?\s+(?:theo|tai)\s+"
    r"(?:cong van|quyet dinh|thong tu|nghi dinh|ke hoach|huong dan|van ban|chi thi)"
    r"(?:\s+so\s+[\w./&\-]+)?"
)
_AS_REGULATED = re.compile(r"\b(?:bao cao|so ket|tong ket|gui)\b[^.;]{0,220}?\b(theo quy dinh)\b")

_WORDING_BEFORE = re.compile(
    r"(?:(?P<late>cham nhat)(?:\s+(?:la|vao|truoc))?(?:\s+ngay)?"
    r"|(?P<before>truoc)(?:\s+ngay)?"
    r"|(?P<by>(?:den|toi)(?:\s+het)?(?:\s+ngay)?)"
    r"|(?P<within>trong\s+ngay)"
    r"|(?P<deadline>(?:thoi\s+)?han(?:\s+chot)?(?:\s+(?:la|nop|gui|bao cao))?(?:\s+ngay)?\s*:?)"
    r"|(?P<start>(?:ke\s+)?tu(?:\s+ngay)?)"
    r"|(?P<plain>ngay))\s*\(?\s*$"
)
_CONTINUATION = re.compile(r"^\s*\)?\s*(?:,|va|hoac)\s*(?:ngay\s+)?$")
_DOCUMENT_DATE = re.compile(
    r"(?:\b\d+[\-/][\w.&/\-]*[a-z][\w.&/\-]*"
    r"|\b(?:ke hoach|quyet dinh|cong van|nghi quyet|chi thi|thong tu|nghi dinh|chuong trinh"
    r"|ket luan|huong dan|thong bao|van ban|to trinh|luat|ban hanh|ky)"
    r"(?:\s+(?!truoc\b|nhat\b|den\b|toi\b|han\b|tu\b|trong\b)[^\s,;()]+){0,8}?)"
    r"\s*,?\s*(?:cua\s+[^,;()]{1,60}?\s+)?ngay\s*$"
)
_PLACE_AND_DATE = re.compile(r"^\W*[a-z' .\-]{2,40},\s*$")
_EVENT_TIME = re.compile(r"\b(?:sang|chieu|toi|trua|dem)\s*$")
_DATA_PERIOD = re.compile(r"(?:\bso lieu\b(?:\s+\S+){0,3}|\btinh)\s*$")
_DISTRIBUTION = re.compile(
    r"^\s*noi nhan\b"
    r"|^\s*[\-–•+*]\s*[^.]{0,160}\(\s*(?:de\s+)?"
    r"(?:b/c\w*|bao cao|biet|t/h|thuc hien|chi dao|theo doi|p/h\w*)[^)]*\)\s*[;,.]?\s*$"
)


def is_distribution_line(sentence: str) -> bool:
    """Whether the sentence belongs to "Nơi nhận" ("- UBND tỉnh (để b/c);"): a copy, not a duty."""
    return bool(_DISTRIBUTION.search(fold_same_length(_nfc(sentence))))


def find_deadlines(sentence: str, *, default_year: int | None = None) -> list[DeadlineMention]:
    """Every deadline-looking phrase of one sentence, in order, each flagged when it is not a date.

    A year is carried only from the same sentence: the mention's own year, else one year the
    sentence names alone ("trong năm 2024, trước ngày 20/10"), else `default_year`."""
    text = _nfc(sentence)
    folded = _folded(text)
    mentions: list[DeadlineMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in _RELATIVE.finditer(folded):
        days = next(int(g) for g in match.groups() if g)
        mentions.append(
            _mention(text, match.start(), match.end(), relative=True, relative_days=days)
        )
        taken.append(match.span())
    for match in _BY_REFERENCE.finditer(folded):
        mentions.append(_reference(text, match.start(), match.end()))
        taken.append(match.span())
    for match in _DAY_RULE.finditer(folded):
        if free(*match.span()):
            rule = text[match.start(2) : match.end(2)]
            mentions.append(
                _dated(
                    text, folded, match.start(), match.end(), int(match.group(1)), None, None, rule
                )
            )
            taken.append(match.span())
    for match in _DATE_WORDS.finditer(folded):
        if free(*match.span()):
            year = match.group(3) or match.group(4)
            mentions.append(
                _dated(
                    text,
                    folded,
                    match.start(),
                    match.end(),
                    int(match.group(1)),
                    int(match.group(2)),
                    int(year) if year else None,
                    None,
                )
            )
            taken.append(match.span())
    for match in _IN_MONTH.finditer(folded):
        if free(*match.span()):
            year = match.group(2)
            mentions.append(
                _mention(
                    text,
                    match.start(),
                    match.end(),
                    month=int(match.group(1)),
                    year=int(year) if year else None,
                    wording=Wording.BY,
                    wording_text="trong tháng",
                    impossible=not 1 <= int(match.group(1)) <= 12,
                )
            )
            taken.append(match.span())
    for match in _DATE_NUMERIC.finditer(folded):
        if not free(*match.span()):
            continue
        day, month, year = int(match.group(1)), int(match.group(3)), match.group(4)
        if year is None and not _anchored(folded, match.start(), match.group(2)):
            continue
        mentions.append(
            _dated(
                text,
                folded,
                match.start(),
                match.end(),
                day,
                month,
                int(year) if year else None,
                None,
            )
        )
        taken.append(match.span())
    for match in _AS_REGULATED.finditer(folded):
        if free(match.start(1), match.end(1)):
            mentions.append(_reference(text, match.start(1), match.end(1)))
    mentions.sort(key=lambda m: m.start)
    mentions = _inherit(folded, mentions)
    year = _sentence_year(folded, mentions) or default_year
    distribution = is_distribution_line(text)
    return [
        _replace(
            m,
            year=m.year if m.year is not None or m.month is None or m.relative else year,
            not_a_deadline=m.not_a_deadline or distribution,
        )
        for m in mentions
    ]


def _anchored(folded: str, start: int, separator: str) -> bool:
    # "30/6" without a year counts only after a deadline word or in a list ("30/6 và 31/12"):
    # "tỷ lệ 1/3" or a section "1.2" is not a date.
    before = folded[max(0, start - 24) : start]
    if separator == "." and not re.search(r"ngay\s*$", before):
        return False
    return bool(re.search(r"(?:ngay|truoc|nhat|den|toi|han|tu|va|hoac|,|\()\s*$", before))


def _mention(text: str, start: int, end: int, **fields: object) -> DeadlineMention:
    return DeadlineMention(text=text[start:end], start=start, end=end, **fields)  # type: ignore[arg-type]


def _reference(text: str, start: int, end: int) -> DeadlineMention:
    return _mention(
        text,
        start,
        end,
        by_reference=True,
        wording=Wording.AS_REGULATED,
        wording_text=WORDING_WORDS[Wording.AS_REGULATED],
    )


def _dated(
    text: str,
    folded: str,
    start: int,
    end: int,
    day: int,
    month: int | None,
    year: int | None,
    rule: str | None,
) -> DeadlineMention:
    """A written date with the wording in front of it and its flags; the span takes the wording."""
    before = folded[max(0, start - 40) : start]
    wording, words, begin = None, None, start
    # "ngày" is part of the words form's match: look at the text in front of it as if it were not.
    head = folded[max(0, start - 120) : start]
    if folded.startswith("ngay", start):
        head += "ngay"
    not_deadline = bool(_DOCUMENT_DATE.search(head))
    if match := _WORDING_BEFORE.search(before):
        kind = match.lastgroup
        begin = start - (len(before) - match.start())
        if kind == "late":
            wording, words = Wording.NO_LATER_THAN, "chậm nhất"
        elif kind == "before":
            wording, words = Wording.BEFORE, "trước ngày"
        elif kind == "by":
            wording, words = Wording.BY, "đến ngày"
        elif kind == "within":
            wording, words = Wording.BY, "trong ngày"
        elif kind == "deadline":
            wording, words = Wording.BY, "hạn"
        elif kind == "start":
            not_deadline = True
        elif kind == "plain":
            begin = start - (len(before) - match.start())
    window = max(0, begin - 60)
    if not not_deadline and (period := _DATA_PERIOD.search(folded[window:begin])):
        # "tính (từ ngày)" counts a data period; "UBND tỉnh trước ngày" folds alike but is not.
        word = text[window + period.start() : window + period.end()].strip().lower()
        not_deadline = word != "tỉnh"
    if wording is None and _EVENT_TIME.search(folded[max(0, begin - 12) : begin]):
        not_deadline = True  # "Sáng ngày 15/9/2021, … tổ chức": when something happened
    if wording is None and _PLACE_AND_DATE.match(folded[:begin]):
        not_deadline = True  # "Gia Lai, ngày 28 tháng 3 năm 2025": the document's own date line
    impossible = month is not None and not _exists(day, month, year)
    return DeadlineMention(
        text=text[begin:end].strip(" (").strip(),
        start=begin,
        end=end,
        day=day,
        month=month,
        year=year,
        wording=wording,
        wording_text=words,
        rule=rule,
        impossible=impossible or (rule is not None and not 1 <= day <= 31),
        not_a_deadline=not_deadline,
    )


def _exists(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    # Without a year, 29/2 may exist: judge it in a leap year.
    return 1 <= day <= calendar.monthrange(year or 2024, month)[1]


def _inherit(folded: str, mentions: list[DeadlineMention]) -> list[DeadlineMention]:
    """ "trước ngày 30/6 và 31/12": the second date takes the first one's wording and flags."""
    out: list[DeadlineMention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        if (
            previous is not None
            and mention.wording is None
            and previous.month is not None
            and _CONTINUATION.match(folded[previous.end : mention.start])
        ):
            mention = _replace(
                mention,
                wording=previous.wording,
                wording_text=previous.wording_text,
                not_a_deadline=mention.not_a_deadline or previous.not_a_deadline,
            )
        elif (
            previous is not None
            and previous.not_a_deadline
            and mention.wording is Wording.BY
            and re.search(r"\btu\b", folded[max(0, previous.start - 8) : previous.start + 8])
            and re.fullmatch(r"[^.;]{0,40}", folded[previous.end : mention.start])
        ):
            # "(số liệu) từ ngày 15/12 năm trước đến ngày 14/6": the end of a data period.
            mention = _replace(mention, not_a_deadline=True)
        out.append(mention)
    return out


def _sentence_year(folded: str, mentions: list[DeadlineMention]) -> int | None:
    years = {m.year for m in mentions if m.year is not None and not m.not_a_deadline}
    years |= {int(y) for y in re.findall(r"\bnam\s+(\d{4})\b", folded)}
    return years.pop() if len(years) == 1 else None


def _replace(mention: DeadlineMention, **changes: Any) -> DeadlineMention:
    return dataclasses.replace(mention, **changes)


# --- periods ---------------------------------------------------------------------------------


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


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
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
    text = _nfc(sentence)
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
        number = _ROMAN.get(groups[0]) or int(groups[0])
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


# --- recurrences -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Recurrence:
    """How often a duty falls due, where the sentence says so, and the stretch its dates sit in."""

    kind: DutyKind
    text: str
    start: int
    end: int
    scope_start: int = 0  # the dates between scope_start and scope_end belong to this frequency
    scope_end: int = 0


_PERIODIC_KINDS = (DutyKind.ANNUAL, DutyKind.SEMIANNUAL, DutyKind.QUARTERLY, DutyKind.MONTHLY)
_RECURRENCE_WORDS: tuple[tuple[DutyKind, re.Pattern[str]], ...] = (
    (
        DutyKind.ANNUAL,
        re.compile(r"\b(?:dinh ky\s+)?(?:hang|moi)\s+nam\b(?!\s+hoc)|\bnam\s+(?:mot|1)\s+lan\b"),
    ),
    (
        DutyKind.ANNUAL,
        re.compile(
            r"\b(?:dinh ky|bao cao)\s+(?:(?:ca|mot|0?1)\s+)?nam\b(?!\s*\d)"
            r"(?!\s+(?:hoc|nay|sau|truoc|tiep))"
        ),
    ),
    # "hằng quý, 6 tháng, năm", "6 tháng: …; năm: …": a bare "năm" in a list of frequencies.
    (
        DutyKind.ANNUAL,
        re.compile(
            r"(?<=[,;] )(?:va\s+)?(?:ca\s+)?nam\b(?=\s*[,;:.()]|\s*$|\s+\(|\s+(?:hoac|va)\b)"
        ),
    ),
    (DutyKind.ANNUAL, re.compile(r"\bva\s+(?:ca\s+)?nam\b(?=\s*[,;:.()]|\s*$|\s+\()")),
    (
        DutyKind.SEMIANNUAL,
        re.compile(
            r"\b(?:dinh ky\s+)?(?:hang\s+)?(?:0?6|sau)\s+thang\b(?:\s+(?:mot|1)\s+lan)?"
            r"(?!\s+(?:dau|cuoi)\s+nam\s+\d)|\bnua\s+nam\b"
        ),
    ),
    (
        DutyKind.QUARTERLY,
        re.compile(
            r"\b(?:dinh ky\s+)?(?:hang|moi)\s+quy\b|\bdinh ky\s+quy\b|\bquy\s+(?:mot|1)\s+lan\b"
            r"|\btheo\s+quy\b(?!\s+(?:dinh|che))"
        ),
    ),
    (
        DutyKind.QUARTERLY,
        re.compile(r"\bthang\s+(?:cuoi|dau)\s+(?:cua\s+)?(?:moi\s+|hang\s+)?quy\b"),
    ),
    (
        DutyKind.MONTHLY,
        re.compile(
            r"\b(?:dinh ky\s+)?(?:hang|moi)\s+thang\b|\bdinh ky\s+thang\b(?!\s*\d)"
            r"|\bthang\s+(?:mot|1)\s+lan\b"
        ),
    ),
    (
        DutyKind.AD_HOC,
        re.compile(
            r"\bdot xuat\b|\b(?:khi|theo)\s+(?:co\s+)?yeu cau\b|\bkhi\s+(?:can thiet|phat sinh)\b"
            r"|\bvuong mac\b|\bkip thoi\s+(?:bao cao|de xuat|phan anh)\b"
            r"|\bneu\s+(?:co\s+)?(?:van de\s+)?phat sinh\b|\bvuot\s+(?:qua\s+)?tham quyen\b"
            r"|\bbao cao bo sung\b|\bneu\s+thay\s+can\b"
        ),
    ),
    (DutyKind.PERIODIC_UNDATED, re.compile(r"\bdinh ky\b|\bso ket\b|\btong ket\b")),
)
_SO_KET = re.compile(r"so ket")
_DINH_KY = re.compile(r"\bdinh ky\b")
_FOR_REPORT = re.compile(r"\bdoi voi(?:\s+cac)?(?:\s+(?:ky\s+)?bao cao)?(?:\s+dinh ky)?\s*$")
_URGENT = re.compile(r"\bkhan truong\b")
_NOT_A_FREQUENCY_BEFORE = re.compile(r"\b(?:trong|sau|vong|han|qua|hon|tren|duoi)\s+$")
_REPORTING = re.compile(r"\bbao cao\b|\bgui\b[^.;]{0,80}\b(?:ve|cho|so|phong|ban|uy ban|ubnd)\b")


def find_recurrences(sentence: str) -> list[Recurrence]:
    """One recurrence per frequency the sentence names, in order, with the stretch of its dates.

    "định kỳ" or "sơ kết, tổng kết" alone is periodic but undated; a dated sentence without a
    frequency word is one-off; a duty to report with neither date nor frequency is undated too."""
    text = _nfc(sentence)
    folded = _folded(text)
    if is_distribution_line(text):
        return []
    hits: list[tuple[int, int, DutyKind]] = []
    for kind, pattern in _RECURRENCE_WORDS:
        for match in pattern.finditer(folded):
            if kind is DutyKind.SEMIANNUAL and _NOT_A_FREQUENCY_BEFORE.search(
                folded[max(0, match.start() - 8) : match.start()]
            ):
                continue
            if any(not (match.end() <= a or match.start() >= b) for a, b, _ in hits):
                continue
            if (
                _SO_KET.fullmatch(match.group())
                and text[match.start() : match.start() + 2].lower() != "sơ"
            ):
                continue  # "cơ sở kết nối" folds to "so ket" too
            hits.append((match.start(), match.end(), kind))
    kinds = {kind for _, _, kind in hits}
    if kinds & set(_PERIODIC_KINDS):
        hits = [h for h in hits if h[2] is not DutyKind.PERIODIC_UNDATED]
    if kinds == {DutyKind.PERIODIC_UNDATED} and not _DINH_KY.search(folded):
        # "Báo cáo tổng kết … trước ngày 8/6/2021": a review names no frequency of its own.
        extra = _undeclared(text, folded)
        if extra is not None and extra[2] is DutyKind.ONE_OFF:
            hits = [extra]
    if not hits:
        extra = _undeclared(text, folded)
        if extra is not None:
            hits.append(extra)
    hits.sort()
    first: dict[DutyKind, tuple[int, int]] = {}
    for start, end, kind in hits:
        first.setdefault(kind, (start, end))
    ordered = sorted((span, kind) for kind, span in first.items())
    # "trước ngày 25/06 đối với báo cáo 06 tháng; trước ngày 28/11 đối với báo cáo năm": each
    # frequency's date stands in front of it.
    backward = len(ordered) > 1 and all(
        _FOR_REPORT.search(folded[max(0, start - 40) : start]) for (start, _), _ in ordered
    )
    out: list[Recurrence] = []
    for i, ((start, end), kind) in enumerate(ordered):
        if backward:
            scope_start = 0 if i == 0 else ordered[i - 1][0][1]
            scope_end = end
        else:
            scope_start = 0 if i == 0 else start
            scope_end = ordered[i + 1][0][0] if i + 1 < len(ordered) else len(text)
        out.append(Recurrence(kind, text[start:end], start, end, scope_start, scope_end))
    return out


def _undeclared(text: str, folded: str) -> tuple[int, int, DutyKind] | None:
    """A sentence with no periodic word: one-off when it gives a dated deadline, else undated if
    it asks for a report at all (a deadline "theo quy định" included)."""
    mentions = find_deadlines(text)
    for mention in mentions:
        if mention.usable and mention.year is not None:
            return mention.start, mention.end, DutyKind.ONE_OFF
    for mention in mentions:
        if mention.relative:
            return mention.start, mention.end, DutyKind.ONE_OFF  # counted from an event
    if match := _URGENT.search(folded):
        return match.start(), match.end(), DutyKind.ONE_OFF  # "khẩn trương": once, undated
    for mention in mentions:
        if mention.by_reference:
            return mention.start, mention.end, DutyKind.PERIODIC_UNDATED
    if match := _REPORTING.search(folded):
        return match.start(), match.end(), DutyKind.PERIODIC_UNDATED
    return None


# --- the due rule ----------------------------------------------------------------------------

DueValue = str | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Due:
    """What the draft writes for one frequency: the due value, the wording and the warnings.

    `value` is "YYYY-MM-DD" (one-off), "MM-DD" (annual), ("MM-DD", …) (semiannual), the written
    rule with its day number (quarterly, monthly: "chậm nhất ngày 20 tháng cuối quý") or None.
    `kind` is the recurrence's kind, or periodic_undated when a periodic duty gives no date."""

    kind: DutyKind
    value: DueValue
    wording: Wording | None
    wording_text: str | None
    warnings: tuple[str, ...] = ()
    mentions: tuple[DeadlineMention, ...] = ()


def due_rule(recurrence: Recurrence, deadlines: list[DeadlineMention]) -> Due:
    """The due value of one frequency from the sentence's deadline mentions in its stretch."""
    mine = [d for d in deadlines if recurrence.scope_start <= d.start < recurrence.scope_end]
    dated = [d for d in mine if d.usable]
    warnings = [
        d.warning
        for d in mine
        if d.warning and not d.not_a_deadline and not (dated and d.by_reference)
    ]
    kind = recurrence.kind
    value: DueValue = None
    chosen: list[DeadlineMention] = []
    if kind is DutyKind.ONE_OFF:
        with_year = [d for d in dated if d.year is not None and d.rule is None]
        if with_year:
            chosen = with_year[:1]
            value = _iso(with_year[0])
        elif dated:
            warnings.append(t.NO_YEAR.format(text=dated[0].text))
    elif kind is DutyKind.ANNUAL:
        days = [d for d in dated if d.day is not None and d.rule is None]
        if days:
            chosen = days[:1]
            value = _month_day(days[0])
            if len({_month_day(d) for d in days}) > 1:
                warnings.append(t.SEVERAL_DATES.format(dates=", ".join(d.text for d in days)))
    elif kind is DutyKind.SEMIANNUAL:
        chosen = [d for d in dated if d.day is not None and d.rule is None]
        if chosen:
            value = tuple(sorted({_month_day(d) for d in chosen}))
    elif kind in (DutyKind.QUARTERLY, DutyKind.MONTHLY):
        ruled = [d for d in mine if not d.impossible and not d.not_a_deadline and d.rule and d.day]
        chosen = (ruled or [d for d in dated if d.day is not None])[:1]
        if chosen:
            value = chosen[0].text
        else:
            warnings.append(t.NO_DAY_RULE.format(kind=t.KIND_WORDS[kind.value]))
    # A stated frequency without a date keeps its frequency: the admin sets the day.
    if value is None and kind in (*_PERIODIC_KINDS, DutyKind.PERIODIC_UNDATED):
        quiet = kind in (DutyKind.QUARTERLY, DutyKind.MONTHLY)  # NO_DAY_RULE said it
        if not quiet and not any(d.by_reference or d.relative for d in mine):
            warnings.append(t.UNDATED)
    elif value is None and kind is DutyKind.ONE_OFF and not any(d.relative for d in mine):
        warnings.append(t.ONE_OFF_UNDATED)
    wording: Wording | None
    words: str | None
    if value is None:
        wording, words = Wording.AS_REGULATED, WORDING_WORDS[Wording.AS_REGULATED]
    else:
        wording, words = chosen[0].wording, chosen[0].wording_text
    return Due(kind, value, wording, words, tuple(dict.fromkeys(warnings)), tuple(chosen))


def _iso(mention: DeadlineMention) -> str:
    assert mention.year is not None and mention.month is not None
    day = mention.day or calendar.monthrange(mention.year, mention.month)[1]
    return f"{mention.year:04d}-{mention.month:02d}-{day:02d}"


def _month_day(mention: DeadlineMention) -> str:
    return f"{mention.month:02d}-{mention.day:02d}"

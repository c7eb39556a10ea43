"""The deadlines of a plan's sentences in every written form, and the accent folding they are
read in (periods are in `periods`, recurrences and the due rule in `recurrences`).

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
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kehoach_bot.domain.deadlines import Wording
from kehoach_bot.texts import extract_vi as t

# --- accent folding that keeps every index --------------------------------------------------


class _FoldTable(dict[int, str]):
    """`str.translate` table folding one character to one, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in "đĐ":
            folded = "d"
        else:
            base = unicodedata.normalize("NFD", char)[0].lower()
            folded = base[0] if base else char
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold_same_length(text: str) -> str:
    """Lower-case, accent-free, one character per character: "Trước ngày" → "truoc ngay".

    Indexes into the result are indexes into `text` (which must be NFC)."""
    return text.translate(_FOLD)


def _nfc(sentence: str) -> str:
    return unicodedata.normalize("NFC", sentence)


# "ngày 15 (mười lăm)", "06 (sáu) tháng": a number spelled out again in words, as laws write it.
_SPELLED_NUMBER = re.compile(
    r"\(\s*(?:(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|linh|le|tram|ngan)\s*)+\)"
)


_UNIT_WORDS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5,
    "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}  # fmt: skip
_UNIT = "|".join(_UNIT_WORDS)
# "ngày mùng 5", "ngày mồng hai", "ngày hai mươi lăm": a day written with "mùng" or in words.
_SPELLED_DAY = re.compile(
    rf"\bngay\s+(?:(?P<mung>mung|mong)\s+)?"
    rf"(?P<day>(?:(?:hai|ba)\s+)?muoi(?:\s+(?:{_UNIT}))?|{_UNIT}|\d{{1,2}})\b"
)
# "ngày 15 tháng Mười Hai": a month in words after a day.
_SPELLED_MONTH = re.compile(
    rf"\bngay\s+\d{{1,2}}\s+thang\s+(?P<month>muoi(?:\s+(?:mot|hai))?|{_UNIT})\b"
)


def _number(words: str) -> int:
    """The value of a number written in words ("hai muoi lam" → 25), or of its digits."""
    if words.isdigit():
        return int(words)
    parts = words.split()
    if "muoi" not in parts:
        return _UNIT_WORDS[parts[0]]
    at = parts.index("muoi")
    tens = _UNIT_WORDS[parts[0]] if at else 1
    return tens * 10 + (_UNIT_WORDS[parts[at + 1]] if at + 1 < len(parts) else 0)


def _as_digits(folded: str, start: int, end: int, value: int) -> str:
    """The span [start, end) rewritten as the value's digits, right-aligned in the same length."""
    return folded[:start] + str(value).rjust(end - start) + folded[end:]


def _written_days(folded: str) -> Iterator[tuple[int, int, int, bool]]:
    """Each day written with "mùng" or in words, last first: its span, value and whether it is
    in words."""
    for match in reversed(list(_SPELLED_DAY.finditer(folded))):
        words = match.group("day")
        if match.group("mung") is None and (words.isdigit() or "muoi" not in words):
            continue  # "ngày năm" without "mùng" is no day
        value = _number(words)
        if 1 <= value <= 31:
            start = match.start("mung") if match.group("mung") else match.start("day")
            yield start, match.end("day"), value, not words.isdigit()


def _days_in_digits(folded: str, text: str) -> str:
    for start, end, value, _ in _written_days(folded):
        folded = _as_digits(folded, start, end, value)
    for match in reversed(list(_SPELLED_MONTH.finditer(folded))):
        if text[match.start("month") : match.end("month")].lower() == "sau":
            continue  # "ngày 10 tháng sau" is the next month's 10th; June is "tháng Sáu"
        value = _number(match.group("month"))
        if 1 <= value <= 12:
            folded = _as_digits(folded, match.start("month"), match.end("month"), value)
    return folded


def with_day_in_digits(text: str) -> str:
    """A rule's words with its day in digits: "trước ngày mồng hai hằng tháng" → "trước ngày 2
    hằng tháng"."""
    for start, end, value, in_words in _written_days(fold_same_length(text)):
        if in_words:
            text = f"{text[:start]}{value}{text[end:]}"
    return text


def fold_numbers_blanked(text: str) -> str:
    """The accent-free form with spelled-out numbers blanked and days written in words or
    after "mùng" given in digits (same length, same indexes)."""
    folded = fold_same_length(text)
    return _days_in_digits(_SPELLED_NUMBER.sub(lambda m: " " * len(m.group()), folded), text)


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
    after_event: bool = False  # "ngay sau khi kết thúc hội nghị": counted from a named event
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
    r"(?<![\w/.\-])(\d{1,2})\s*([/.\-])\s*(\d{1,2})(?:\s*\2\s*(\d{4}|\d{2,3}))?(?!\d)(?!\s*[/.\-]\s*\d)"
    r"(?![/\-][a-z])"
)
# "ngày 15 tháng 12 (năm 2024)"; with its year, a deadline may drop the "ngày" ("thời hạn chậm nhất
# … là 24 tháng 6 năm 2024"), never an "X tháng" span of time without a year after it.
_DATE_WORDS = re.compile(
    r"(?:\bngay\s+|(?:(?<=\bla )|(?<=\btruoc )|(?<=\bnhat )|(?<=\bvao ))"
    r"(?=\d{1,2}\s+thang\s+\d{1,2}\s*(?:,\s*)?nam\s+\d{4}\b))"
    # "ngày mùng 10 của tháng 01"
    r"(\d{1,2})\s+(?:cua\s+)?thang\s+(\d{1,2})\b(?:\s*(?:,\s*)?nam\s+(\d{4})|\s*[/\-]\s*(\d{4}))?"
)
_DAY_RULE = re.compile(
    r"\bngay\s+(\d{1,2})\s+(?:cua\s+)?("
    r"thang\s+(?:cuoi(?:\s+cung)?|dau(?:\s+tien)?|thu\s+\w+)\s+(?:cua\s+)?(?:moi\s+|hang\s+)?"
    r"(?:quy|ky)(?:\s+(?:sau|tiep theo|ke tiep))?"
    r"|(?:hang|moi)\s+thang|thang\s+(?:sau|tiep theo|ke tiep)|(?:cuoi|dau)\s+(?:quy|thang|ky)"
    r"|thang\s+(?:cuoi\s+ky\s+)?bao cao"
    r"|quy\s+(?:sau|tiep theo|ke tiep)"
    r"|(?<=cua )thang\b(?!\s*\d))"
)
# "chậm nhất vào ngày 20 của tháng đầu năm tiếp theo": a day of January
_FIRST_MONTH_DAY = re.compile(
    r"\bngay\s+(\d{1,2})\s+(?:cua\s+)?thang\s+dau\s+(?:tien\s+)?(?:cua\s+)?nam\b(?!\s+hoc\b)"
    r"(?:\s+(?:sau|tiep theo|ke tiep)\b)?"
)
# "trong thời hạn mười ngày đầu tháng một hàng năm", "trong 10 ngày đầu tháng 01": by the last
# of those days
_DAY_WORDS = {"ba": 3, "nam": 5, "bay": 7, "muoi": 10, "muoi lam": 15}
# ("tháng sau" is the next month: "sáu" is not read)
_MONTH_WORDS = {"gieng": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "bay": 7}
_FIRST_DAYS = re.compile(
    r"\btrong\s+(?:thoi han\s+|vong\s+)?(\d{1,2}|muoi lam|muoi|bay|nam|ba)\s+ngay\s+dau\s+"
    r"(?:cua\s+)?thang\s+(\d{1,2}|gieng|mot|hai|ba|tu|nam|bay)\b(?!\s+lan\b)"
    r"(?:\s*(?:/|-|nam)\s*(\d{4}))?"
)
_IN_MONTH = re.compile(r"\btrong\s+thang\s+(\d{1,2})(?:\s*(?:/|-|nam)\s*(\d{4}))?\b")
ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_IN_QUARTER = re.compile(r"\btrong\s+quy\s+(iv|iii|ii|i|[1-4])(?:\s*(?:/|-|nam)\s*(\d{4}))?\b")
# "gửi Bộ Tài chính trước ngày 25" in a monthly duty: a day of every period, not a date.
_BARE_DAY = re.compile(
    r"\bngay\s+(\d{1,2})\b(?!\s*(?:thang|nam|[/.\-]\s*\d|hang|moi|cua|dau|cuoi))"
)
_RELATIVE = re.compile(
    r"\btrong\s+(?:thoi han|vong|thoi gian|han)\s+(\d+)\s+ngay(?:\s+lam viec)?"
    r"(?:\s+(?:ke tu|tu|sau khi|truoc khi))?"
    r"|\b(?:sau|truoc)\s+(\d+)\s+ngay(?:\s+lam viec)?(?:\s+(?:ke tu|tu|sau khi|truoc khi))?"
    r"|\b(\d+)\s+ngay(?:\s+lam viec)?\s*,?\s+(?:ke tu|sau khi|truoc khi)"
)
# A time counted from an event the sentence names: "ngay sau khi kết thúc hội nghị", "sau khi tổ
# chức hội nghị 01 ngày", or a sentence opening on the event ("Kết thúc cuộc bầu cử, …", "Sau hội
# nghị tiếp xúc cử tri: …"; not a period's end, "Kết thúc năm học, …", which comes back); the
# event's words hold no date and no report of their own.
_AFTER_EVENT = re.compile(
    r"\b(?:ngay\s+)?sau\s+khi\s+(?:ket thuc|to chuc|hoan thanh)\b[^.;,]{0,60}?\b(\d+)\s+ngay\b"
    r"|\bngay\s+sau\s+khi\s+(?:ket thuc|to chuc|hoan thanh)\b"
    r"|^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?P<event>(?:ngay\s+)?"
    r"(?:sau\s+(?:khi\s+)?(?:ket thuc\s+|to chuc\s+)?|ket thuc\s+)"
    r"(?:cac\s+)?(?:cuoc|dot|hoi nghi|ky hop|buoi|hoat dong)\b"
    r"(?:(?!\b(?:bao cao|gui|nop)\b)[^,;:.\d]){0,80})[,:]"
)
_BY_REFERENCE = re.compile(
    r"\b(?:dung|theo)\s+(?:thoi gian|thoi han|han)(?:\s+(?:theo|da|duoc))?\s+quy dinh"
    r"|\b(?:thoi gian|thoi han|han)(?:\s+(?:bao cao|gui|nop))?\s+(?:theo|tai)\s+"
    r"(?:cong van|quyet dinh|thong tu|nghi dinh|ke hoach|huong dan|van ban|chi thi)"
    r"(?:\s+so\s+[\w./&\-]+)?"
)
_PURPOSE_AFTER = re.compile(r"\b(?:để|Để)\s")
_REPORT_WORD = re.compile(r"\b(?:bao cao|so ket|tong ket|gui)\b")
# "báo cáo Chủ tịch UBND tỉnh phê duyệt theo quy định": the approval's rule, not the report's time;
# not "kết quả xem xét hồ sơ", "Quyết định này"
_DECISION = re.compile(r"(?<!ket qua )\b(?:phe duyet|quyet dinh|xem xet)\b(?!\s+(?:nay|so)\b)")
_AS_REGULATED = re.compile(
    rf"{_REPORT_WORD.pattern}[^.;]{{0,220}}?"
    r"\b(theo\s+(?:dung\s+)?quy dinh)\b"
)

# "trước 16 giờ 00 ngày 30/9", "chậm nhất 17h ngày 20/11", "hạn chót … là 15 giờ 00 ngày 20/5"
_HOUR = (
    r"(?:\s+\d{1,2}\s*(?:gio|h|:)\s*(?:\d{1,2}\s*(?:phut|['’′])?)?(?:\s+(?:sang|chieu|toi))?,?)?"
)
# "trước Thứ Tư ngày 03/12/2025", "chậm nhất vào thứ Sáu, ngày 05/12"
_WEEKDAY = r"(?:\s+(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu nhat)\s*,?)?"
_WORDING_BEFORE = re.compile(
    rf"\b(?:(?P<late>(?:cham|muon) nhat|khong\s+(?:muon|cham)\s+hon)(?:\s+(?:la|vao|truoc))?"
    rf"(?:\s+luc)?{_HOUR}{_WEEKDAY}"
    # "trướcngày 20/11": words glued in the copy still read
    r"(?:\s*ngay)?"
    rf"|(?P<before>truoc){_HOUR}{_WEEKDAY}(?:\s*ngay)?"
    rf"|(?P<by>(?:den|toi)(?:\s+het)?{_HOUR}{_WEEKDAY}(?:\s*ngay)?)"
    r"|(?P<within>trong\s+ngay)"
    r"|(?P<deadline>(?:thoi\s+)?han(?:\s+chot)?(?:\s+(?:nop|gui))?(?:\s+bao cao)?(?:\s+la)?"
    rf"{_HOUR}(?:\s+ngay)?\s*:?)"
    # "thời điểm báo cáo là ngày 30/9": the day the figures stand at, not when they are sent
    r"|(?P<start>(?:ke\s+)?tu(?:\s+ngay)?(?:\s+\d{1,2}\s*[-–]\s*)?"
    r"|thoi diem(?:\s+bao cao)?(?:\s+la)?(?:\s+ngay)?)"
    r"|(?P<plain>ngay))\s*\(?\s*$"
)
_CONTINUATION = re.compile(r"^\s*\)?\s*(?:,|va|hoac)\s*(?:ngay\s+)?$")
_DOCUMENT_DATE = re.compile(
    r"(?:\b\d+[\-/][\w.&/\-]*[a-z][\w.&/\-]*"
    r"|\b(?:ke hoach|quyet dinh|cong van|nghi quyet|chi thi|thong tu|nghi dinh|chuong trinh"
    r"|ket luan|huong dan|thong bao|van ban|to trinh|luat|ban hanh|(?<!dinh )ky|so ra)"
    r"(?:\s+(?!truoc\b|nhat\b|den\b|toi\b|han\b|tu\b|trong\b)[^\s,;()]+){0,8}?)"
    # "… của UBND tỉnh ngày …"; not "kế hoạch … của Cục Thuế về Tổng cục chậm nhất vào ngày …"
    r"\s*,?\s*(?:cua\s+(?:(?!\b(?:cham nhat|truoc)\b)[^,;()]){1,60}?\s+)?ngay\s*$"
)
# "hoàn thành (việc rà soát) trước ngày …": the work's own deadline, unless a report is the work
_WORK_DONE = re.compile(
    r"\b(?:xong|hoan thanh|hoan tat)(?:\s+(?!bao cao\b|gui\b|nop\b)[^\s,;.()]+){0,8}\s+$"
)
# "- Báo cáo tổng thể về … (hoàn thành trước 15/10/2024)": an item that is a report is done when
# it is sent, unless it asks other work too ("…, đồng thời tổ chức rà soát …", "hoàn thành việc …")
_REPORT_ITEM = re.compile(
    r"^\W*(?:khan truong\s+)?(?:tong hop,?\s+(?:va\s+)?)?bao cao\b"
    r"(?![^.;]*\b(?:dong thoi|va\s+(?:to chuc|ra soat|trien khai|thuc hien|hoan thien|xay dung)"
    r"|hoan thanh viec)\b)"
)
# "đã đăng ký trước ngày 01/4/2015": what happened before a day; not "(bảo đảm) được ban hành
# trước ngày …", a day to meet
_HAPPENED_BEFORE = re.compile(
    r"\bda\s+(?:duoc\s+)?(?:dang ky|ky ket|ky|ban hanh|phat sinh|cap phep|nhap khau"
    r"|xuat khau)\s+$"
)
# "… gửi báo cáo về Sở Y tế xong trước 15/8": the report is what is done by then
_SENT_ONCE_DONE = re.compile(r"\b(?:gui|nop)\s+bao cao\b[^,;.]*$")
# A date that opens the sentence before a comma ("Ngày 26/5/2020, …", "Vào ngày 12/3, …").
# A news item may open with its source: "(BĐT) - Ngày 5/7/2021, …", "TTXVN – Ngày …", "(SGGP).-
# Ngày 4-8, …", "(GD&TĐ) - Ngày …".
_OPENING = re.compile(r"^\W*(?:\(?[\w.&]{2,20}\)?\.?\s*[-–]\s*)?(?:vao\s+)?(?:ngay\s*)?$")
_OPENED = re.compile(r"^\s*,")
_PLACE_AND_DATE = re.compile(r"^\W*[a-z' .\-]{2,40},\s*$")
_EVENT_TIME = re.compile(r"\b(?:sang|chieu|toi|trua|dem)\s*$")
# A holiday or occasion named by its date ("dịp nghỉ Lễ 30/4 và 01/5", "Tết Dương lịch 01/01").
_OCCASION = re.compile(r"\b(?:dịp|lễ|tết)\b[^,;.:]{0,30}$")
# A date in brackets that ends the line: when a linked item was posted.
_LINK_DATE = re.compile(r"\s*\)\s*$")
# Results up to a day: the end of what is reported on, not the day to send by.
_RESULTS_UP_TO = re.compile(
    r"\bket qua\s+(?:thuc hien|trien khai)\b(?:(?!\b(?:gui|nop|ve)\b)[^.;,:])*?"
    r"(?:den\s+)?(?:ngay)?$"
)
# "tính (từ đầu) ngày 01 tháng 01 đến hết ngày 31 tháng 12", "tính từ 00 giờ 00 ngày 01/01":
# the period counted
_DATA_PERIOD = re.compile(
    r"(?:\bso lieu\b(?:\s+\S+){0,3}|\btinh(?:\s+tu(?:\s+dau)?(?:\s+\d{1,2}\s*(?:gio|h)"
    r"(?:\s*\d{1,2}(?:\s*phut)?)?)?)?)\s*$"
)
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
    folded = fold_numbers_blanked(text)
    mentions: list[DeadlineMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in _FIRST_DAYS.finditer(folded):
        day, month = (
            int(g) if g.isdigit() else words[g]
            for g, words in zip(match.groups()[:2], (_DAY_WORDS, _MONTH_WORDS), strict=True)
        )
        mentions.append(
            _mention(
                text,
                match.start(),
                match.end(),
                day=day,
                month=month,
                year=int(match.group(3)) if match.group(3) else None,
                wording=Wording.BY,
                wording_text="trong",
                impossible=not 1 <= month <= 12,
            )
        )
        taken.append(match.span())
    for match in _RELATIVE.finditer(folded):
        if not free(*match.span()):
            continue
        days = next(int(g) for g in match.groups() if g)
        mentions.append(
            _mention(text, match.start(), match.end(), relative=True, relative_days=days)
        )
        taken.append(match.span())
    for match in _AFTER_EVENT.finditer(folded):
        if not free(*match.span()):
            continue
        start, end = match.span("event") if match.group("event") else match.span()
        days = int(match.group(1)) if match.group(1) else 0  # 0: right after it
        mentions.append(
            _mention(text, start, end, relative=True, relative_days=days, after_event=True)
        )
        taken.append(match.span())
    for match in _BY_REFERENCE.finditer(folded):
        mentions.append(_reference(text, match.start(), match.end()))
        taken.append(match.span())
    for match in _FIRST_MONTH_DAY.finditer(folded):
        if not free(*match.span()):
            continue
        mentions.append(
            _dated(text, folded, match.start(), match.end(), int(match.group(1)), 1, None, None)
        )
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
    for pattern, wording_text in ((_IN_MONTH, "trong tháng"), (_IN_QUARTER, "trong quý")):
        for match in pattern.finditer(folded):
            if not free(*match.span()):
                continue
            if pattern is _IN_QUARTER:
                month = 3 * (ROMAN_QUARTERS.get(match.group(1)) or int(match.group(1)))
            else:
                month = int(match.group(1))
            year = match.group(2)
            mentions.append(
                _mention(
                    text,
                    match.start(),
                    match.end(),
                    month=month,
                    year=int(year) if year else None,
                    wording=Wording.BY,
                    wording_text=wording_text,
                    impossible=not 1 <= month <= 12,
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
                # a year cut short in the copy ("1/9/201.") is a date without its year
                _full_year(year) if year and len(year) != 3 else None,
                None,
            )
        )
        taken.append(match.span())
    for match in _BARE_DAY.finditer(folded):
        before = folded[max(0, match.start() - 16) : match.start()]
        if free(*match.span()) and re.search(r"\b(?:truoc|nhat|vao|den|toi)\s+$", before):
            rule = text[match.start() : match.end()]
            mentions.append(
                _dated(
                    text, folded, match.start(), match.end(), int(match.group(1)), None, None, rule
                )
            )
            taken.append(match.span())
    for match in _AS_REGULATED.finditer(folded):
        # "… báo cáo X để hỗ trợ các đơn vị thực hiện theo quy định": the purpose's rule, not the
        # report's time ("để" read with its accents: "đề án", "vấn đề" fold alike)
        last_verb = max(
            v.end() for v in _REPORT_WORD.finditer(folded, match.start(), match.start(1))
        )
        purpose = _PURPOSE_AFTER.search(text, last_verb, match.start(1))
        # written in lowercase: "Quyết định này", "Quyết định 15/2023/QĐ-UBND" name a document
        decided = any(
            text[m.start()].islower() for m in _DECISION.finditer(folded, last_verb, match.start(1))
        )
        if free(match.start(1), match.end(1)) and not purpose and not decided:
            mentions.append(_reference(text, match.start(1), match.end(1)))
    mentions.sort(key=lambda m: m.start)
    if any(m.usable for m in mentions):
        # "Sau hội nghị, các đơn vị báo cáo … trước ngày 30/6/2024": the day is the time
        mentions = [m for m in mentions if not m.after_event]
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
    if re.search(r"\b(?:thoi\s+)?(?:han|diem)\b[^.;]{0,20}\bla\s*$", before):
        return True  # "thời hạn gửi báo cáo là 15/1", "thời điểm báo cáo là 31/12"
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
    finish_by = wording in (Wording.BEFORE, Wording.NO_LATER_THAN)
    done = _WORK_DONE.search(folded, max(0, begin - 60), begin) if finish_by else None
    if (
        done
        and not _SENT_ONCE_DONE.search(folded, max(0, done.start() - 40), done.start())
        and not _REPORT_ITEM.match(folded)
    ):
        not_deadline = True  # "tổ chức thực hiện … xong trước ngày …": the work's own deadline
    if finish_by and _HAPPENED_BEFORE.search(folded, max(0, begin - 40), begin):
        not_deadline = True  # "tờ khai … đã đăng ký trước ngày 01/4/2015": when it happened
    if wording is Wording.BY and words == "đến ngày" and _RESULTS_UP_TO.search(head):
        not_deadline = True  # "báo cáo kết quả thực hiện Chiến lược đến ngày 31/12/2020"
    window = max(0, begin - 60)
    # "báo cáo số liệu trước ngày 30/11": data sent by a day, not the end of their period.
    if not not_deadline and not finish_by and (period := _DATA_PERIOD.search(folded[window:begin])):
        # "tính (từ ngày)" counts a data period; "UBND tỉnh trước ngày" folds alike but is not.
        word = text[window + period.start() : window + period.end()].strip().lower()
        not_deadline = word != "tỉnh"
    if wording is None and _EVENT_TIME.search(folded[max(0, begin - 12) : begin]):
        not_deadline = True  # "Sáng ngày 15/9/2021, … tổ chức": when something happened
    if wording is None and _OCCASION.search(text[max(0, begin - 40) : begin].lower()):
        not_deadline = True  # "trong dịp nghỉ Lễ 30/4 và 01/5": the holiday reported on
    if wording is None and _LINK_DATE.match(folded[end:]) and folded[:begin].rstrip().endswith("("):
        not_deadline = True  # "Hà Tĩnh báo cáo tiến độ xóa nhà tạm (12/7/2024)": a link's date
    if wording is None and _PLACE_AND_DATE.match(folded[:begin]):
        not_deadline = True  # "Gia Lai, ngày 28 tháng 3 năm 2025": the document's own date line
    # A calendar date written plainly, as news writes when something happened: "Ngày 26/5/2020,
    # Bộ Tư pháp đã ban hành …", "… ngày 12/3/2025 đã có báo cáo". A day of every period is not.
    if wording is None and month is not None:
        opening = _OPENING.match(folded[:begin]) and _OPENED.match(folded[end:])
        not_deadline = not_deadline or bool(opening) or "đã" in text[end : end + 80].lower()
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


def _full_year(written: str) -> int:
    """ "2025" → 2025; a year written in two digits ("15/12/25") is of this century."""
    return int(written) if len(written) == 4 else 2000 + int(written)


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
        gap = folded[previous.end : mention.start] if previous is not None else ""
        if (
            previous is not None
            and mention.wording is None
            and previous.month is not None
            and _CONTINUATION.match(gap)
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
            # "từ ngày 15/12", "từ 00 giờ 00 ngày 01/01"
            and re.search(r"\btu\b", folded[max(0, previous.start - 24) : previous.start + 8])
            and (
                (mention.wording is Wording.BY and _SHORT_GAP.fullmatch(gap))
                or (mention.wording is None and _DASH.fullmatch(gap))
            )
            and not _SENDING_WINDOW.search(folded[max(0, previous.start - 60) : previous.start])
        ):
            # "(số liệu) từ ngày 15/12 năm trước đến ngày 14/6", "(thời kỳ báo cáo từ ngày
            # 1/8/2019 – 31/7/2020)": the end of a data period.
            mention = _replace(mention, not_a_deadline=True)
        out.append(mention)
    return out


_SHORT_GAP = re.compile(r"[^.;]{0,40}")
_DASH = re.compile(r"\s*[-–]\s*")
# "Thời gian nộp báo cáo: từ ngày 01/12 đến hết ngày 10/12": the days to send in, the last a
# deadline.
_SENDING_WINDOW = re.compile(
    r"\b(?:thoi gian|thoi han|han)\s+(?:nop|gui|nhan|tiep nhan)\b[^.;]{0,40}$"
)


def _sentence_year(folded: str, mentions: list[DeadlineMention]) -> int | None:
    years = {m.year for m in mentions if m.year is not None and not m.not_a_deadline}
    years |= {int(y) for y in re.findall(r"\bnam\s+(\d{4})\b", folded)}
    return years.pop() if len(years) == 1 else None


def _replace(mention: DeadlineMention, **changes: Any) -> DeadlineMention:
    return dataclasses.replace(mention, **changes)

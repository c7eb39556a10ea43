"""The layout of a plan's text: its header, numbered sections, sentences and "Nơi nhận" block.

Input is plain text: paragraphs on their own lines, table rows either as one line with cells
joined by " | " or flattened one cell per line (as text taken from a PDF comes). Nothing is
guessed: what the text does not say stays None, and wording is kept exactly for quotes.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from kehoach_bot.plans.extract.plan_lines import clean_line, row_cells, split_recipients
from kehoach_bot.plans.extract.sentences import fold, split_sentences
from kehoach_bot.plans.extract.tasks import (
    TableRow,
    TaskText,
    find_tasks,
    starts_unit,
    table_columns,
)
from kehoach_bot.texts import extract_structure_vi as w


@dataclass(frozen=True, slots=True)
class PlanHeader:
    """What the top of the plan says about itself."""

    number: str | None  # "743/KH-UBND"
    issued_on: date | None
    issuer: str | None  # "Ủy ban nhân dân tỉnh Gia Lai"
    title: str | None  # "Kế hoạch thực hiện …" in one line


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a section; `bullet` when it is a "-" item."""

    text: str
    bullet: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered part of the plan: "III.2.a" with its heading and its paragraphs."""

    ref: str  # "III.2.a"; "" for the preamble
    heading: str  # as written, without its number
    depth: int  # 1 for "I.", 2 for "1.", …
    paragraphs: tuple[Paragraph, ...] = ()
    parent: str | None = None

    @property
    def heading_only(self) -> bool:
        """True when the numbered line is a heading, not an item that is itself the text."""
        return len(self.heading) <= 160 and not self.heading.rstrip().endswith((".", ";", "./."))

    @property
    def in_article(self) -> bool:
        """True inside an article of a decision or a regulation ("Điều 5", "Điều 5.1")."""
        return self.ref.startswith(ARTICLE)


@dataclass(frozen=True, slots=True)
class Clause:
    """One sentence of the plan, where it stands, in its exact wording."""

    ref: str
    section_heading: str
    text: str


@dataclass(frozen=True, slots=True)
class PlanText:
    """A plan's text read into its parts."""

    header: PlanHeader
    sections: tuple[Section, ...]
    clauses: tuple[Clause, ...]
    recipients_block: tuple[str, ...]  # the "Nơi nhận" lines: no duty is read from them
    tasks: tuple[TaskText, ...] = field(default=())


def parse_structure(text: str) -> PlanText:
    """Read a plan's text into its header, sections, sentences, recipients and tasks."""
    lines = [
        clean_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    body, recipients = split_recipients(lines)
    builder = _Builder()
    header_end = builder.feed(body)
    sections = builder.sections()
    header = _header(body[:header_end], sections)
    clauses = tuple(
        Clause(section.ref, section.heading, sentence)
        for section in sections
        for sentence in sentences(section)
    )
    tasks = find_tasks(sections, builder.table_rows)
    return PlanText(header, sections, clauses, recipients, tuple(tasks))


def sentences(section: Section) -> list[str]:
    """The section's sentences: its item text (when the number heads a sentence) and paragraphs."""
    texts = [] if section.heading_only or not section.ref else [section.heading]
    texts += [p.text for p in section.paragraphs]
    return [s for t in texts for s in split_sentences(t)]


# --- sections ----------------------------------------------------------------------------------

# not an author's initials under a news item ("V.V.T", "X.H.")
_ROMAN = re.compile(r"^(?P<n>[IVX]{1,5})\s*[.:]\s*(?!(?:[A-ZĐ]\.)*[A-ZĐ]\.?$)(?P<rest>\S.*)$")
# "Điều 5. Báo cáo …": an article of a decision or a regulation, above its "1." and "a)"
ARTICLE = "Điều"
_ARTICLE = re.compile(rf"^(?P<n>{ARTICLE}\s+\d{{1,3}})\s*[.:]\s*(?P<rest>\S.*)$")
_DOTTED = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2})+)\s*\.?\s*\.?\s*(?P<rest>[^\W\d_].*)$")
_NUMBER = re.compile(r"^(?P<n>\d{1,2})\s*[.)]\s*(?P<rest>[^\W\d_].*)$")
_LETTER = re.compile(r"^(?P<n>[a-zđ])\s*\)\s*(?P<rest>\S.*)$")
_BULLET = re.compile(r"^[-–•]\s*")
_SUB_BULLET = re.compile(r"^\+\s*")
_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _roman(line: str) -> re.Match[str] | None:
    """A "II. NỘI DUNG" heading ("II. KHÁC"); not an author's byline under a news item ("V.Tùng",
    "X. Hà"): one name, not in capitals."""
    match = _ROMAN.match(line)
    return None if match and match["rest"].isalpha() and not match["rest"].isupper() else match


@dataclass(slots=True)
class _Open:
    ref: str
    heading: str
    depth: int
    parent: str | None
    paragraphs: list[Paragraph] = field(default_factory=list)


class _Builder:
    """Walks the body's lines once, opening a section at each numbered heading."""

    def __init__(self) -> None:
        self.open: list[_Open] = [_Open("", "", 0, None)]
        self.by_ref: dict[str, _Open] = {"": self.open[0]}
        self.roman: str | None = None
        self.number: str | None = None  # the current "1." under the roman
        self.last_number = 0
        self.table_rows: list[TableRow] = []
        self.seen_heading = False
        self.header_paragraphs: int | None = None  # the root's paragraphs that were the header
        self.addressed = False  # a "Kính gửi:" line was read: the letter's text comes next

    def feed(self, lines: list[str]) -> int:
        """Read every line; returns the index of the first line after the plan's header."""
        header_end = len(lines)
        index = 0
        while index < len(lines):
            line = lines[index]
            consumed = self._table(lines, index)
            if consumed:
                index += consumed
                continue
            cells = row_cells(line)
            pieces = cells if cells is not None else [line]
            for piece in pieces:
                root = self.open[0].paragraphs
                before = len(root)
                if self._line(piece) and header_end == len(lines):
                    header_end = index
                    self.header_paragraphs = before
            index += 1
        return header_end

    def sections(self) -> tuple[Section, ...]:
        """The sections in reading order; the preamble first (ref "")."""
        root = self.open[0]
        if self.header_paragraphs is not None:
            root.paragraphs = root.paragraphs[self.header_paragraphs :]
        return tuple(
            Section(o.ref, o.heading, o.depth, tuple(o.paragraphs), o.parent)
            for o in self.by_ref.values()
        )

    def _line(self, line: str) -> bool:
        """Place one line; True when it starts the body (a heading or an opening paragraph)."""
        if not line or line.startswith("⁽"):
            return False
        heading = self._heading(line)
        if heading:
            return True
        if self.roman and self.roman.startswith(ARTICLE) and _is_title(line):
            # "KẾ HOẠCH …" after a decision's last article: the document it issues begins
            self.roman = self.number = None
            self.last_number = 0
            self._push("", line, 1, None)
            return False
        current = self.open[-1]
        first = line[0]
        if first.islower() and (current.paragraphs or current.ref):
            if current.paragraphs:
                last = current.paragraphs[-1]
                current.paragraphs[-1] = Paragraph(f"{last.text} {line}", last.bullet)
            else:
                current.heading = f"{current.heading} {line}"
            return False
        if _SUB_BULLET.match(line) and current.paragraphs and current.paragraphs[-1].bullet:
            last = current.paragraphs[-1]
            current.paragraphs[-1] = Paragraph(f"{last.text} {line}", True)
            return False
        bullet = bool(_BULLET.match(line))
        text = _BULLET.sub("", line) if bullet else line
        target = current
        if text.startswith(w.CLOSING) and self.roman:
            target = self.by_ref.get(self.roman, current)
        target.paragraphs.append(Paragraph(text, bullet))
        if self.seen_heading:
            return False
        # "Kính gửi: Sở …" then "Đề nghị các Sở …": the first paragraph after the addressees
        # opens the letter, however short
        # a report form's "Ngày nhận báo cáo:" and its days belong to the text, not its header
        opens = (
            _opens_body(line)
            or (self.addressed and not bullet and not _addressees(line))
            or bool(_RECEIVED_ON.match(fold(text)))
        )
        self.addressed = self.addressed or line.startswith(w.ADDRESSED)
        return opens

    def _heading(self, line: str) -> bool:
        match = _roman(line) or _ARTICLE.match(line)
        if match:
            self.number, self.last_number = None, 0
            self.roman = self._push(match["n"], match["rest"], 1, None)
            return True
        match = _DOTTED.match(line)
        if match:
            parts = match["n"].split(".")
            base = f"{self.roman}." if self.roman else ""
            ref = base + ".".join(parts)
            parent = base + ".".join(parts[:-1])
            if parent not in self.by_ref:
                parent = self.roman or ""
            self.number = self._push(ref, match["rest"], len(parts) + 1, parent)
            return True
        match = _NUMBER.match(line)
        if match:
            number = int(match["n"])
            if number <= self.last_number and number == 1:
                self.roman = self._push(_next_roman(self.roman), "", 1, None)
            self.last_number = number
            ref = f"{self.roman}.{number}" if self.roman else str(number)
            self.number = self._push(ref, match["rest"], 2, self.roman)
            return True
        match = _LETTER.match(line)
        # "Điều 6. …" then "a) …": an article's points may stand without a numbered clause
        above = self.number or (
            self.roman if self.roman and self.roman.startswith(ARTICLE) else None
        )
        if match and above:
            ref = f"{above}.{match['n']}"
            if ref not in self.by_ref:
                depth = self.by_ref[above].depth + 1 if above in self.by_ref else 3
                self._push(ref, match["rest"], depth, above)
                return True
        return False

    def _push(self, ref: str, heading: str, depth: int, parent: str | None) -> str:
        """Open a section; returns its ref, marked "'" when the number was used before."""
        self.seen_heading = True
        while len(self.open) > 1 and self.open[-1].depth >= depth:
            self.open.pop()
        section = _Open(ref, heading.strip(), depth, parent)
        while ref in self.by_ref:  # a repeated number: keep each, the later ones apart
            ref = f"{ref}'"
            section.ref = ref
        self.by_ref[ref] = section
        self.open.append(section)
        return ref

    def _table(self, lines: list[str], index: int) -> int:
        """Read a task table starting here; returns how many lines it took (0: none)."""
        cells = row_cells(lines[index])
        if cells is not None:
            columns = table_columns([fold(c) for c in cells])
            if columns is None:
                return 0
            taken = 1
            for line in lines[index + 1 :]:
                row = row_cells(line)
                if row is None:
                    if not line:
                        taken += 1
                        continue
                    break
                self._row(columns, row)
                taken += 1
            return taken
        return self._flat_table(lines, index)

    def _flat_table(self, lines: list[str], index: int) -> int:
        names: list[str] = []
        position = index
        while position < len(lines) and lines[position] and len(lines[position]) < 40:
            if _roman(lines[position]) or _NUMBER.match(lines[position]):
                break
            names.append(fold(lines[position]))
            position += 1
            columns = table_columns(names)
            if columns is not None and (
                position >= len(lines) or table_columns([*names, fold(lines[position])]) is None
            ):
                break
        columns = table_columns(names)
        if columns is None or len(columns) < 3:
            return 0
        width = len(columns)
        numbered = columns[0] == "tt"
        row: list[str] = []
        while position < len(lines):
            line = lines[position]
            if not line:
                position += 1
                continue
            starts_row = numbered and _ROW_NUMBER.match(line) is not None
            if row and (starts_row or len(row) >= width):
                if len(row) >= width and not starts_row:
                    break  # the table is over
                self._row(columns, row)
                row = []
            if not row and numbered and not starts_row:
                break
            if row and (_roman(line) or _NUMBER.match(line)) and len(line) > 40:
                break
            row.append(line)
            position += 1
        if row:
            self._row(columns, row)
        return position - index

    def _row(self, columns: tuple[str, ...], cells: list[str]) -> None:
        values = dict(zip(columns, cells, strict=False))
        section = self.open[-1]
        self.table_rows.append(TableRow(section.ref, section.heading, values))


_ROW_NUMBER = re.compile(r"^(\d{1,3}(\.\d{1,2})*|[IVX]{1,5}|[a-zđ])[.)]?$")


# The kinds of document a decision issues, as their titles open: "KẾ HOẠCH", "QUY CHẾ LÀM VIỆC"
_ISSUED = ("KẾ HOẠCH", "QUY CHẾ", "QUY ĐỊNH", "QUY TRÌNH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN")


def _is_title(line: str) -> bool:
    """The title, in capitals, of a document a decision issues; not a chapter's title."""
    return line == line.upper() and line.startswith(_ISSUED)


def _next_roman(roman: str | None) -> str:
    if roman is None:
        return "II"
    roman = roman.rstrip("'")
    position = _ROMANS.index(roman) if roman in _ROMANS else len(_ROMANS) - 1
    return _ROMANS[min(position + 1, len(_ROMANS) - 1)]


def _addressees(line: str) -> bool:
    """An addressee line of the "Kính gửi" list: "Sở Y tế;", "(Có tên trong danh sách …)"."""
    return line.startswith((w.ADDRESSED, "(")) or line.rstrip().endswith((";", ","))


_RECEIVED_ON = re.compile(r"\W*(?:ngay nhan|thoi han (?:gui|nop|nhan)) bao cao\b")


def _opens_body(line: str) -> bool:
    return line.startswith(w.BODY_OPENERS) and (len(line) > 200 or "ban hành" in line)


# --- header ------------------------------------------------------------------------------------

_NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<n>[\w\-Đđ]*/[\w\-Đđ]+)", re.IGNORECASE)
_PLACE_DATE = re.compile(
    r"^(?P<place>[^\d,|]{2,40}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
_PLACE = re.compile(r"^(?P<place>[^\d,|]{2,40}),\s*ngày\b")
_ISSUES = re.compile(r"(?:^|[,;)]\s*)(?:và\s+)?(?P<who>[^,;()]{2,80}?)\s+ban hành\s+Kế hoạch")
_ISSUER_HEADS = ("ỦY BAN", "UỶ BAN", "UBND", "HUYỆN ỦY", "THỊ ỦY", "TỈNH ỦY", "THÀNH ỦY", "ĐẢNG BỘ")
_ISSUER_HEADS_MORE = ("BAN ", "SỞ ", "BỘ ", "VĂN PHÒNG", "PHÒNG ", "HỘI ĐỒNG", "HUYỆN UỶ", "THỊ UỶ")
_NOT_ISSUER = ("CỘNG HÒA", "CỘNG HOÀ", "CHỦ NGHĨA", "ĐỘC LẬP", "ĐẢNG CỘNG SẢN")
_LEVELS = ("TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG")
_LEVEL_PAIRS = (("THỊ", "XÃ"), ("THÀNH", "PHỐ"), ("THỊ", "TRẤN"))
_BARE_LEVEL = re.compile(r"\b(tỉnh|huyện|thị xã|thành phố|quận|xã|phường|thị trấn)$")
_PROPER = {
    "ban chấp hành": "Ban Chấp hành",
    "đảng bộ": "Đảng bộ",
    "ban thường vụ": "Ban Thường vụ",
    "mặt trận tổ quốc việt nam": "Mặt trận Tổ quốc Việt Nam",
}


def _header(lines: list[str], sections: tuple[Section, ...]) -> PlanHeader:
    flat = [piece for line in lines for piece in (row_cells(line) or [line]) if piece]
    number = issued = place = None
    for line in flat:
        found = _NUMBER_LINE.match(line)
        if found and number is None:
            number = found["n"]
        dated = _PLACE_DATE.match(line)
        if dated and issued is None:
            try:
                issued = date(int(dated["y"]), int(dated["m"]), int(dated["d"]))
            except ValueError:
                issued = None
        placed = _PLACE.match(line)
        if placed and place is None:
            place = placed["place"].strip()
    issuer = _issuer(flat, sections, place)
    return PlanHeader(number, issued, issuer, _title(flat))


def _issuer(lines: list[str], sections: tuple[Section, ...], place: str | None) -> str | None:
    written: str | None = None
    for line in lines:
        if fold(line) == fold(w.PLAN_WORD) or line.startswith(("Số", "Thực hiện", "Căn cứ")):
            break
        if not line.isupper() or line.startswith(_NOT_ISSUER):
            continue
        if line.startswith(_ISSUER_HEADS + _ISSUER_HEADS_MORE):
            complete = written is not None and _has_level(written)
            written = line if written is None or complete else f"{written} {line}"
        elif written is not None and not _has_level(written):
            written = f"{written} {line}"
    issuer = _title_case(written) if written else None
    preamble = next((s for s in sections if s.ref == ""), None)
    said = None
    for paragraph in preamble.paragraphs if preamble else ():
        for found in _ISSUES.finditer(paragraph.text):
            who = found["who"].strip()
            if said is None and starts_unit(who) and " của " not in who:
                said = who
    if said and (issuer is None or fold(said).startswith(fold(issuer))):
        issuer = said
    if issuer and place and _BARE_LEVEL.search(issuer):
        issuer = f"{issuer} {place}"
    return issuer


def _has_level(upper: str) -> bool:
    words = upper.split()
    pairs = set(itertools.pairwise(words))
    return any(word in _LEVELS for word in words[1:]) or bool(pairs & set(_LEVEL_PAIRS))


def _title_case(upper: str) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH GIA LAI" → "Ủy ban nhân dân tỉnh Gia Lai"."""
    words = upper.split()
    cut = len(words)
    for index, word in enumerate(words):
        pair = (word, words[index + 1]) if index + 1 < len(words) else None
        if pair in _LEVEL_PAIRS or (pair and pair[1] in ("ỦY", "UỶ") and index == 0):
            cut = index + 2
            break
        if index > 0 and word in _LEVELS:
            cut = index + 1
            break
    generic = " ".join(words[:cut]).lower()
    for plain, proper in _PROPER.items():
        generic = generic.replace(plain, proper.lower() if generic.startswith(plain) else proper)
    generic = generic[:1].upper() + generic[1:]
    place = " ".join(word.capitalize() for word in words[cut:])
    return f"{generic} {place}".strip()


def _title(lines: list[str]) -> str | None:
    start = next((i for i, line in enumerate(lines) if fold(line) == fold(w.PLAN_WORD)), None)
    if start is None:
        return None
    parts: list[str] = []
    for line in lines[start + 1 : start + 8]:
        if _opens_body(line) or _roman(line) or line.endswith(":"):
            break
        parts.append(line)
    if not parts:
        return None
    first = parts[0]
    if len(first) > 1 and first[1].islower():
        parts[0] = first[0].lower() + first[1:]
    return f"{w.PLAN_WORD} {' '.join(parts)}"

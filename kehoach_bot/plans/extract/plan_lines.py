"""The lines of a plan's text: cleaned, split into table cells, and the body cut from its
"Nơi nhận" block — with the document a decision issues, written after the signature, read on.
"""

from __future__ import annotations

import re

from kehoach_bot.plans.extract.phrases import fold_same_length
from kehoach_bot.texts import extract_structure_vi as w

_MARKDOWN_HEAD = re.compile(r"^#{1,6}\s*")


def clean_line(line: str) -> str:
    """One line as read: no markdown marks, tabs or doubled spaces; a lone table cell is text."""
    line = line.replace("\u00a0", " ").replace("\t", " ")
    line = _MARKDOWN_HEAD.sub("", line.strip()).replace("**", "").replace("*", "")
    if line.count("|") and len([c for c in line.split("|") if c.strip()]) == 1:
        line = line.replace("|", "")  # one cell alone is plain text
    return " ".join(line.split())


def row_cells(line: str) -> list[str] | None:
    """The cells of a row written as "a | b | c"; None when the line is no row."""
    if "|" not in line:
        return None
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return [c for c in cells if c] if len([c for c in cells if c]) > 1 else None


def split_recipients(lines: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """The body, and the "Nơi nhận" items, each without its "- " and trailing ";"."""
    end = len(lines)
    for index, line in enumerate(lines):
        plain = line.strip("| ")
        if _opens_recipients(plain) or plain.startswith(w.SIGNATURE_MARKS):
            end = index
            break
    items: list[str] = []
    if end < len(lines) and _opens_recipients(lines[end].strip("| ")):
        for line in lines[end + 1 :]:
            if not line:
                continue
            if not line.startswith(("-", "–", "+")):
                break
            items.append(line.lstrip("-–+ ").rstrip(";,. "))
    return lines[:end] + _attached(lines, end), tuple(items)


def _opens_recipients(line: str) -> bool:
    """Whether the line opens "Nơi nhận", as scanned too ("Noi nhận:")."""
    return fold_same_length(line).startswith(_RECIPIENTS)


_RECIPIENTS = fold_same_length(w.RECIPIENTS)


# "QUYẾT ĐỊNH … Ban hành kèm theo Quyết định này Chương trình hành động …", then after the
# signature the programme itself: its "Tổ chức thực hiện" holds the reports.
_ATTACHED = re.compile(r"^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|QUY ĐỊNH|QUY CHẾ|ĐỀ ÁN|PHƯƠNG ÁN|HƯỚNG DẪN)\b")
# "(Ban hành kèm theo Quyết định số …)" under a title in capitals: whatever its kind ("QUY
# TRÌNH", "ĐIỀU LỆ"), the title above it opens the attached document.
_ISSUED_WITH = re.compile(r"^\(\s*(?:ban hành\s+)?kèm theo\b", re.IGNORECASE)


def _attached(lines: list[str], end: int) -> list[str]:
    """The document issued with a decision, written after its "Nơi nhận" and signature."""
    for index in range(end + 1, len(lines)):
        plain = lines[index].strip("| ")
        if _ATTACHED.match(plain) and plain == plain.upper():
            return lines[index:]
        if _ISSUED_WITH.match(plain):
            title = index
            while title > end + 1 and _is_title(lines[title - 1]):
                title -= 1
            return lines[title:]
    return []


def _is_title(line: str) -> bool:
    plain = line.strip("| ")
    return bool(plain) and plain == plain.upper() and any(c.isalpha() for c in plain)

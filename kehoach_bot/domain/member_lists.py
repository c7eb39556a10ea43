"""Lists of unit names pasted by an admin: lines, matching keys that ignore accents, the kind a
name states, and a code for a unit the directory does not know yet."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

from kehoach_bot.domain.vietnamese import normalize_name

MAX_CODE = 64
_BULLET = re.compile(r"^(?:[-–•*+]|\d{1,3}[.)])\s+")
_APOSTROPHES = re.compile(r"['’`ʼ]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
# Both sides of a comparison go through the same spelling, so "UBND TP Gia Nghĩa" meets
# "Ủy ban nhân dân thành phố Gia Nghĩa".
_ABBREVIATIONS = {"tp": "thanh pho", "tx": "thi xa", "tt": "thi tran"}
# The kind a name states by its first words (after "UBND"/"Ủy ban nhân dân"); longest first.
_KIND_WORDS = (
    ("thị trấn", "ubnd_xa"),
    ("thị xã", "ubnd_huyen"),
    ("thành phố", "ubnd_huyen"),
    ("phường", "ubnd_xa"),
    ("xã", "ubnd_xa"),
    ("huyện", "ubnd_huyen"),
    ("quận", "ubnd_huyen"),
    ("sở", "so"),
    ("phòng", "phong"),
)
OTHER_KIND = "don_vi"
_KIND_PLAIN = ("thi tran", "thi xa", "thanh pho", "phuong", "xa", "huyen", "quan", "so", "phong")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a pasted list: its number (from 1) and its text, bullets and spaces trimmed."""

    number: int
    text: str


def read_lines(text: str) -> list[Line]:
    """The lines of a pasted list; blank lines stay (as empty text), trailing ones are dropped."""
    raw = text.rstrip().splitlines()
    return [Line(i, clean_line(line)) for i, line in enumerate(raw, start=1)]


def clean_line(line: str) -> str:
    """A name as typed, without a list bullet or numbering ("1. ", "- ") and extra spaces."""
    text = " ".join(unicodedata.normalize("NFC", line).split())
    return _BULLET.sub("", text).strip()


def strip_accents(text: str) -> str:
    """Vietnamese letters without their marks: "Đắk R'lấp" → "Dak R'lap"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))


def plain_key(name: str) -> str:
    """Matching key ignoring accents, case, punctuation and a leading "UBND"/"Ủy ban nhân dân".

    "Ủy ban nhân dân huyện Đắk R'lấp", "UBND huyện Dak Rlap" and "huyện Đắk R'lấp" share a key.
    """
    key = _APOSTROPHES.sub("", strip_accents(normalize_name(name)).lower())
    words = _NOT_WORD.sub(" ", key).split()
    key = " ".join(_ABBREVIATIONS.get(w, w) for w in words)
    key = re.sub(r"\buy ban nhan dan\b", "ubnd", key)
    return key.removeprefix("ubnd ").strip()


def guess_kind(name: str) -> str:
    """The unit kind the name's first words state ("Xã Bình Hòa" → ubnd_xa), else `OTHER_KIND`."""
    text = normalize_name(name)
    for prefix in ("ủy ban nhân dân ", "uỷ ban nhân dân ", "ubnd "):
        text = text.removeprefix(prefix)
    for words, kind in _KIND_WORDS:
        if text == words or text.startswith(words + " "):
            return kind
    return OTHER_KIND


def proposed_code(prefix: str, name: str, taken: Collection[str]) -> str:
    """A new unit code such as BS-BINHHOA for "Xã Bình Hòa": the prefix, then the name's own
    words without the kind; a number is added when the code is taken."""
    key = plain_key(name)
    for words in _KIND_PLAIN:
        if key == words or key.startswith(words + " "):
            key = key[len(words) :].strip()
            break
    body = "".join(key.split()).upper() or "DONVI"
    head = f"{prefix}-" if prefix else ""
    base = (head + body)[: MAX_CODE - 4]
    code, n = base, 1
    upper_taken = {c.upper() for c in taken}
    while code.upper() in upper_taken:
        n += 1
        code = f"{base}-{n}"
    return code

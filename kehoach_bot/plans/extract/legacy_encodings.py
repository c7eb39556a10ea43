"""The 8-bit font encodings Vietnamese offices still type in (TCVN3/ABC, VNI) read as Unicode.

Text typed in the ".VnTime" (TCVN3) or "VNI-Times" (VNI) fonts is stored as Latin-1-looking
characters: "KÕ ho¹ch" (TCVN3) or "Keá hoaïch" (VNI) for "Kế hoạch". The tables below turn those
characters back into Vietnamese; `best_reading` decides, line by line, which reading yields the most
valid Vietnamese syllables, so a text is converted without asking what it was typed in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Reading = Literal["unicode", "tcvn3", "vni"]

# TCVN3 (TCVN 5712:1993, ".VnTime"): one character per letter; capitals with a tone mark exist
# only in the ".VnTimeH" font, which puts them on the lower-case codes.
TCVN3_TO_UNICODE: dict[str, str] = {
    "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
    "¨": "ă", "©": "â", "ª": "ê", "«": "ô", "¬": "ơ", "\u00ad": "ư", "®": "đ",
    "µ": "à", "¶": "ả", "·": "ã", "¸": "á", "¹": "ạ",
    "»": "ằ", "¼": "ẳ", "½": "ẵ", "¾": "ắ", "Æ": "ặ",
    "Ç": "ầ", "È": "ẩ", "É": "ẫ", "Ê": "ấ", "Ë": "ậ",
    "Ì": "è", "Î": "ẻ", "Ï": "ẽ", "Ð": "é", "Ñ": "ẹ",
    "Ò": "ề", "Ó": "ể", "Ô": "ễ", "Õ": "ế", "Ö": "ệ",
    "×": "ì", "Ø": "ỉ", "Ü": "ĩ", "Ý": "í", "Þ": "ị",
    "ß": "ò", "á": "ỏ", "â": "õ", "ã": "ó", "ä": "ọ",
    "å": "ồ", "æ": "ổ", "ç": "ỗ", "è": "ố", "é": "ộ",
    "ê": "ờ", "ë": "ở", "ì": "ỡ", "í": "ớ", "î": "ợ",
    "ï": "ù", "ñ": "ủ", "ò": "ũ", "ó": "ú", "ô": "ụ",
    "õ": "ừ", "ö": "ử", "÷": "ữ", "ø": "ứ", "ù": "ự",
    "ú": "ỳ", "û": "ỷ", "ü": "ỹ", "ý": "ý", "þ": "ỵ",
}  # fmt: skip

# VNI ("VNI-Times"): a base letter followed by a mark character; a few letters are one character.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}  # fmt: skip


def _vni_table() -> dict[str, str]:
    """Every VNI sequence (one or two characters) and the Unicode letter it stands for."""
    table: dict[str, str] = {}
    for lower in (True, False):

        def case(text: str, lower: bool = lower) -> str:
            return text if lower else text.upper()

        for single, letter in _VNI_SINGLE.items():
            table[case(single)] = case(letter)
        for base in ("a", "e", "o", "u", "y", "ô", "ö"):
            letter = _VNI_SINGLE.get(base, base)
            for mark, tone in _VNI_TONES.items():
                table[case(base + mark)] = case(unicodedata.normalize("NFC", letter + tone))
        for base in ("a", "e", "o"):
            for mark, tone in _VNI_HAT.items():
                table[case(base + mark)] = case(
                    unicodedata.normalize("NFC", base + "\u0302" + tone)
                )
        for mark, tone in _VNI_BREVE.items():
            table[case("a" + mark)] = case(unicodedata.normalize("NFC", "a\u0306" + tone))
    return table


VNI_TO_UNICODE: dict[str, str] = _vni_table()

_TCVN3_PATTERN = re.compile("[" + re.escape("".join(TCVN3_TO_UNICODE)) + "]")
_VNI_PATTERN = re.compile(
    "|".join(re.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True))
)
# Letters only Unicode text has: a line holding one of these is Unicode, whatever else it holds.
_UNICODE_ONLY = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
# Characters the legacy fonts use: a line without any is the same in every reading.
_LEGACY_RANGE = re.compile("[\u00a1-\u00ff]")


def decode_tcvn3(text: str) -> str:
    """Text typed in a TCVN3 font (".VnTime"), as Unicode."""
    return _TCVN3_PATTERN.sub(lambda m: TCVN3_TO_UNICODE[m.group()], text)


def decode_vni(text: str) -> str:
    """Text typed in a VNI font ("VNI-Times"), as Unicode."""
    return _VNI_PATTERN.sub(lambda m: VNI_TO_UNICODE[m.group()], text)


_INITIAL = "(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?"
_NUCLEUS = (
    "(?:iêu|yêu|oai|oay|oao|oeo|uôi|ươi|ươu|uya|uyê|uyu|uây|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
    "[aăâeêioôơuưy])"
)
_SYLLABLE = re.compile(f"^{_INITIAL}(?P<nucleus>{_NUCLEUS})(?P<final>ch|ng|nh|[cmnpt])?$")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_STOP_TONES = {"\u0301", "\u0323"}  # a syllable ending in c, ch, p, t takes only these
_FRONT_ONLY = re.compile("(?:ngh|gh|k(?!h))(.)")  # k, gh, ngh come only before i, e, ê, y
_EDGES = "\"'()[]{}.,;:!?…“”‘’-–—/*+=<>%#&"


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether a word is one well-formed Vietnamese syllable ("hoạch" yes, "kõ" and "ho¹ch" no)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    match = _SYLLABLE.match(bare)
    if match is None:
        return False
    nucleus, final = match.group("nucleus"), match.group("final")
    if final in {"c", "ch", "p", "t"} and (not tones or tones[0] not in _STOP_TONES):
        return False
    if nucleus in {"ă", "â"} and final is None:
        return False
    front = _FRONT_ONLY.match(bare)
    return front is None or front.group(1) in "ieêy"


def syllable_score(text: str) -> int:
    """Valid Vietnamese syllables minus invalid words, over the words that are not plain ASCII."""
    score = 0
    for token in text.split():
        word = token.strip(_EDGES)
        if not word or word.isascii():
            continue
        score += 1 if is_syllable(word) else -1
    return score


@dataclass(frozen=True, slots=True)
class LegacyReading:
    """A text as Unicode, and which reading the detector chose (the one most lines took)."""

    text: str
    reading: Reading
    converted_lines: int


def _readings(line: str) -> dict[Reading, str]:
    return {"unicode": line, "tcvn3": decode_tcvn3(line), "vni": decode_vni(line)}


def _best(line: str, prefer: Reading) -> Reading:
    """The reading of one line with the most valid syllables; ties go to `prefer`."""
    scores = {name: syllable_score(text) for name, text in _readings(line).items()}
    top = max(scores.values())
    return prefer if scores[prefer] == top else max(scores, key=lambda name: scores[name])


def best_reading(text: str) -> LegacyReading:
    """Convert whatever lines of `text` were typed in TCVN3 or VNI fonts; leave Unicode alone."""
    if _LEGACY_RANGE.search(text) is None:
        return LegacyReading(text, "unicode", 0)
    lines = text.split("\n")
    candidates = [
        i
        for i, line in enumerate(lines)
        if _LEGACY_RANGE.search(line) and not _UNICODE_ONLY.search(line)
    ]
    if not candidates:
        return LegacyReading(text, "unicode", 0)
    legacy = "\n".join(lines[i] for i in candidates)
    overall = _best(legacy, "unicode")
    counts: dict[Reading, int] = {"unicode": 0, "tcvn3": 0, "vni": 0}
    for i in candidates:
        choice = _best(lines[i], overall)
        converted_line = _readings(lines[i])[choice]
        if converted_line != lines[i]:
            counts[choice] += 1
            lines[i] = converted_line
    converted = counts["tcvn3"] + counts["vni"]
    if converted == 0:
        return LegacyReading(text, "unicode", 0)
    main: Reading = "tcvn3" if counts["tcvn3"] >= counts["vni"] else "vni"
    return LegacyReading(unicodedata.normalize("NFC", "\n".join(lines)), main, converted)

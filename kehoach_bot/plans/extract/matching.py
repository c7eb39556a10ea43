"""Unit names as a plan writes them, matched to a unit directory: accent- and case-insensitive,
abbreviations expanded (UBND, LĐTBXH, TT&TT, VH-TT&DL, MTTQ…), aliases included, fuzzy by
rapidfuzz — and never silently: a weak match carries a warning, a name not found says so.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from kehoach_bot.plans.extract.phrases import fold_same_length
from kehoach_bot.texts import extract_vi as t

STRONG_SCORE = 100.0  # the same name once accents, case, dashes and abbreviations are set aside
WEAK_SCORE = 85.0


class MatchStrength(enum.StrEnum):
    """How sure a match is: strong is taken, weak is shown to an admin, none is a missing unit."""

    STRONG = "strong"
    WEAK = "weak"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class UnitName:
    """A directory unit as plain data: code, name, aliases and locality (None: any)."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    locality: str | None = None


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """The directory unit a written name stands for, how sure, and the warning when not sure."""

    written: str
    code: str | None
    score: float
    strength: MatchStrength
    warning: str | None = None


# Abbreviations in their accent-free, lower-case form → the words they stand for.
_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (r"vh\s*-?\s*tt\s*(?:&|va)?\s*dl|vhttdl", "văn hóa thể thao du lịch"),
    (r"ld\s*-?\s*tb\s*(?:&|va)?\s*xh|ldtbxh", "lao động thương binh xã hội"),
    (r"tb\s*(?:&|va)\s*xh|tbxh", "thương binh xã hội"),
    (r"tt\s*(?:&|va)\s*tt|tttt", "thông tin truyền thông"),
    (r"gd\s*(?:&|va|-)\s*dt|gddt", "giáo dục đào tạo"),
    (r"nn\s*(?:&|va)\s*ptnt|nnptnt", "nông nghiệp phát triển nông thôn"),
    (r"nn\s*(?:&|va)\s*mt|nnmt", "nông nghiệp môi trường"),
    (r"tn\s*(?:&|va)\s*mt|tnmt", "tài nguyên môi trường"),
    (r"kh\s*(?:&|va)\s*cn|khcn", "khoa học công nghệ"),
    (r"kh\s*(?:&|va)\s*dt|khdt", "kế hoạch đầu tư"),
    (r"tc\s*-\s*kh|tckh", "tài chính kế hoạch"),
    (r"hdnd\s*(?:&|va)\s*ubnd", "hội đồng nhân dân ủy ban nhân dân"),
    (r"ubnd", "ủy ban nhân dân"),
    (r"hdnd", "hội đồng nhân dân"),
    (r"ubmttq|ub\s+mttq", "ủy ban mặt trận tổ quốc"),
    (r"mttq", "mặt trận tổ quốc"),
    (r"bhxh", "bảo hiểm xã hội"),
    (r"nhcsxh", "ngân hàng chính sách xã hội"),
    (r"btv", "ban thường vụ"),
    (r"vp", "văn phòng"),
    (r"tp", "thành phố"),
    (r"tx", "thị xã"),
    (r"vn", "việt nam"),
)
_ABBREVIATION = re.compile(
    r"\b(?:" + "|".join(f"(?P<a{i}>{p})" for i, (p, _) in enumerate(_ABBREVIATIONS)) + r")\b"
)
_FILLER = re.compile(r"\b(?:và|các|của|va|cac|cua)\b")
_PUNCTUATION = re.compile(r"[^\w\s]")
# "hoá"/"hóa", "uỷ"/"ủy": one place for the tone mark, so old and new spellings compare equal.
_TONE_ON_FIRST = re.compile("([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])")


def fold(text: str) -> str:
    """Lower-case and accent-free: "Ủy ban nhân dân" → "uy ban nhan dan"."""
    return fold_same_length(unicodedata.normalize("NFC", text))


@lru_cache(maxsize=16384)  # the directory's names are keyed again for every name matched
def name_key(text: str, *, accents: bool = False) -> str:
    """The form names are compared in: lower-case, abbreviations expanded, no punctuation and
    no "và/các/của"; accent-free unless `accents` (then "Xây Dưng" and "Xây dựng" differ)."""
    written = unicodedata.normalize("NFC", text).lower()
    folded = fold_same_length(written)
    base = written if accents else folded
    out: list[str] = []
    position = 0
    for match in _ABBREVIATION.finditer(folded):
        expansion = _ABBREVIATIONS[int(str(match.lastgroup)[1:])][1]
        out.append(base[position : match.start()])
        out.append(f" {expansion if accents else fold_same_length(expansion)} ")
        position = match.end()
    out.append(base[position:])
    plain = _PUNCTUATION.sub(" ", "".join(out).replace("&", " "))
    plain = " ".join(_FILLER.sub(" ", plain).split())
    if accents:
        decomposed = _TONE_ON_FIRST.sub(r"\1\3\2", unicodedata.normalize("NFD", plain))
        plain = unicodedata.normalize("NFC", decomposed)
    return plain


def match_unit(name: str, directory: Sequence[UnitName], *, locality: str | None) -> UnitMatch:
    """The directory unit `name` stands for: strong (taken), weak (a warning) or none (a warning).

    Strong only when the names are the same apart from case, dashes, "và" and abbreviations, with
    the accents as written (or none written at all); a near name or a misplaced accent is weak."""
    key = name_key(name)
    if not key:
        return UnitMatch(name, None, 0.0, MatchStrength.NONE, t.NO_MATCH.format(name=name))
    scored: list[tuple[float, int, UnitName, str]] = []
    for unit in directory:
        best, best_written = 0.0, unit.name
        for written in (unit.name, *unit.aliases):
            score = float(fuzz.ratio(key, name_key(written)))
            if score > best:
                best, best_written = score, written
        here = 1 if locality is not None and unit.locality == locality else 0
        scored.append((best, here, unit, best_written))
    if not scored:
        return UnitMatch(name, None, 0.0, MatchStrength.NONE, t.NO_MATCH.format(name=name))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    score, here, unit, written = scored[0]
    rivals = [
        s[2].code for s in scored[1:] if s[0] == score and s[1] == here and s[2].code != unit.code
    ]
    if score < WEAK_SCORE:
        return UnitMatch(name, None, score, MatchStrength.NONE, t.NO_MATCH.format(name=name))
    if rivals:
        codes = ", ".join([unit.code, *rivals])
        return UnitMatch(
            name,
            unit.code,
            score,
            MatchStrength.WEAK,
            t.AMBIGUOUS_MATCH.format(name=name, codes=codes),
        )
    same_accents = not _has_accents(name) or name_key(name, accents=True) == name_key(
        written, accents=True
    )
    if score >= STRONG_SCORE and same_accents:
        return UnitMatch(name, unit.code, score, MatchStrength.STRONG)
    warning = t.WEAK_MATCH.format(name=name, code=unit.code, unit=unit.name, score=round(score))
    return UnitMatch(name, unit.code, score, MatchStrength.WEAK, warning)


def _has_accents(text: str) -> bool:
    return fold(text) != unicodedata.normalize("NFC", text).lower()

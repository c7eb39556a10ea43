"""Sentences of a plan's paragraphs, and the accent-free form its words are compared in."""

from __future__ import annotations

import re
import unicodedata

from kehoach_bot.texts import extract_structure_vi as w

# The marks a line ends on when it closes a sentence or a clause (a headline or a wrapped line
# ends on none).
CLOSING_MARKS = (".", ":", ";", "!", "?", "…")
# "báo ngay", "báo cáo ngay" (at once), read with its accents in lowercase text: not "thông báo",
# "cảnh báo", "dự báo ngay" (people told or warned), "đảm bảo ngay", nor "báo cáo ngày 15/3".
AT_ONCE = re.compile(r"(?<!thông )(?<!cảnh )(?<!dự )\bbáo(?:\s+cáo)?\s+ngay\b")
# An ellipsis glued to a capital ends a sentence ("báo cáo…Dự kiến"); "Xây dựng… UBND các huyện"
# goes on.
_SENTENCE_END = re.compile(r"(?:[.!?]+|\./\.)[\"”’)]*\s+|…[\"”’)]*(?=\S)")


# How far a bracket open at a full stop may close for the stop to stay inside it.
_BRACKET_TAIL = 100


def split_sentences(text: str) -> list[str]:
    """Split on a sentence's end, not inside "43/KH-UBND", "TP. Huế", "20.7.2024" or initials."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        after = text[match.end() : match.end() + 1]
        if not after or not (after.isupper() or after in '“"(+-–•'):
            continue
        word = text[: match.start()].rsplit(None, 1)[-1].lstrip('(“"') if match.start() else ""
        if word in w.ABBREVIATIONS or (len(word) == 1 and word.isupper()):
            continue
        if text.count("(", start, match.start()) > text.count(")", start, match.start()) and (
            ")" in text[match.end() : match.end() + _BRACKET_TAIL]
        ):
            continue  # "(CN. Thảo)": a bracket's inside is no sentence's end, if it closes soon
        piece = text[start : match.end()].strip()
        if piece:
            out.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def fold(text: str) -> str:
    """Lowercase, without accents: "Đơn vị chủ trì" → "don vi chu tri"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    plain = "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )
    return " ".join(plain.lower().split())

"""File names safe on every file system, Vietnamese kept: `<unit>_<report>_<period>.<ext>`."""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_BYTES = 150  # whole name in UTF-8; file systems allow 255, zip tools and paths need room
UNIT_BYTES = 40
PERIOD_BYTES = 30
MAX_EXTENSION = 10
FALLBACK = "tep"
# Forbidden on Windows (and "/" everywhere); control characters are removed separately.
_UNSAFE = re.compile(r'[/\\:*?"<>|]')
_SPACES = re.compile(r"\s+")
_EXTENSION = re.compile(rf"[a-z0-9]{{1,{MAX_EXTENSION}}}")
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in "123456789¹²³"}
    | {f"LPT{n}" for n in "123456789¹²³"}
)


def safe_part(text: str, max_bytes: int) -> str:
    """One part of a name: NFC, unsafe and control characters replaced, at most `max_bytes`."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    text = _SPACES.sub(" ", _UNSAFE.sub("-", text))
    return _trimmed(_shortened(_trimmed(text), max_bytes))


def extension_of(file_name: str) -> str:
    """The submitted name's extension in lower case, without the dot ("" when it has none)."""
    stem, dot, ext = unicodedata.normalize("NFC", file_name).rpartition(".")
    ext = ext.strip().lower()
    if not dot or not stem.strip(" .") or not _EXTENSION.fullmatch(ext):
        return ""
    return ext


def bundle_name(unit: str, report: str, period: str, original: str) -> str:
    """`<unit>_<report>_<period>.<ext>` made safe, empty parts left out, under MAX_NAME_BYTES."""
    ext = extension_of(original)
    suffix = f".{ext}" if ext else ""
    unit_part, period_part = safe_part(unit, UNIT_BYTES), safe_part(period, PERIOD_BYTES)
    # The report gets what the other parts leave, keeping room for a "_99" duplicate number.
    used = sum(len(p.encode()) + 1 for p in (unit_part, period_part) if p)
    room = MAX_NAME_BYTES - used - len(suffix) - len("_99")
    parts = (unit_part, safe_part(report, max(room, 0)), period_part)
    stem = "_".join(p for p in parts if p) or FALLBACK
    return _unreserved(stem) + suffix


def numbered(name: str, taken: set[str]) -> str:
    """`name`, or `name_2`, `name_3`… if taken (in any letter case); the result joins `taken`."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    suffix = f".{ext}" if dot else ""
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem}_{number}{suffix}"
    taken.add(candidate.casefold())
    return candidate


def _trimmed(text: str) -> str:
    return text.strip(" .")


def _shortened(text: str, max_bytes: int) -> str:
    """At most `max_bytes` of UTF-8, cut between letters, never inside one."""
    encoded = text.encode()
    if len(encoded) <= max_bytes:
        return text
    cut = encoded[:max_bytes].decode(errors="ignore")
    # A base letter whose combining mark was cut off would change its meaning: drop it too.
    while cut and unicodedata.combining(text[len(cut)] if len(cut) < len(text) else ""):
        cut = cut[:-1]
    return cut


def _unreserved(stem: str) -> str:
    """Windows refuses CON, NUL, COM1… as a name, with any extension: add a "_"."""
    first = stem.split(".", 1)[0].rstrip(" ").upper()
    return f"{stem}_" if first in _RESERVED else stem

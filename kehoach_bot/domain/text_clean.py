"""Text a person typed, made safe to store: no control characters, no bidirectional overrides,
one Unicode form (NFC), so that what is shown and compared is what was meant."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# C0 controls except \t and \n, DEL and the C1 controls; the left-to-right and right-to-left
# marks, embeddings, overrides and isolates (they can make a line read backwards); the BOM.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_text(text: str) -> str:
    """`text` in NFC without control characters (tab and newline kept) or bidi controls."""
    # \r\n and a lone \r are line breaks as typed on other systems: keep them as \n.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _UNWANTED.sub("", text))


def clean_value(value: Any) -> Any:
    """Every string inside `value` (a str, or dicts, lists and tuples of them) cleaned."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(clean_value(v) for v in value)
    return value

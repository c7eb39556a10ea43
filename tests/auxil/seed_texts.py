"""The five seed plans' own texts, shipped with the package beside their curated plan files."""

from __future__ import annotations

from pathlib import Path

import kehoach_bot.plans

TEXTS = Path(kehoach_bot.plans.__file__).parent / "data" / "texts"
PLANS = TEXTS.parent


def seed_text(name: str) -> str:
    """The text of a seed, by file name ("002_3b6299c3ae673933.txt") or its number ("002")."""
    found = [p for p in TEXTS.glob("*.txt") if p.name == name or p.name.startswith(f"{name}_")]
    if len(found) != 1:
        raise FileNotFoundError(name)
    return found[0].read_text(encoding="utf-8")

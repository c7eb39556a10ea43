"""The seed plan files and unit directories shipped inside the package (kehoach_bot/plans/data)."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def _data() -> Traversable:
    return resources.files("kehoach_bot.plans") / "data"


def bundled_plan_files() -> list[tuple[str, str]]:
    """The seed plan files shipped in the package: (file name, text)."""
    return sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in _data().iterdir()
        if entry.name.endswith(".toml")
    )


def bundled_directory(locality: str) -> tuple[str, str] | None:
    """The shipped units directory for a locality: (file name, text), or None."""
    entry = _data() / "units" / f"{locality}.toml"
    if not entry.is_file():
        return None
    return entry.name, entry.read_text(encoding="utf-8")

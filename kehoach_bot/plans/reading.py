"""Reading a plan or directory file: its text, its TOML, and its fields, with every problem kept."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from kehoach_bot.texts import plans_vi as t

MAX_FILE_BYTES = 2_000_000


class PlanFileError(ValueError):
    """A plan file or units directory that cannot be loaded; `problems` lists every reason."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(
            t.FILE_PROBLEMS.format(source=source, problems=t.PROBLEM_SEPARATOR.join(problems))
        )


def _too_large(source: str) -> PlanFileError:
    return PlanFileError(source, [t.FILE_TOO_LARGE.format(max_kb=MAX_FILE_BYTES // 1000)])


def read_text(path: Path) -> str:
    """Read a plan file as UTF-8, with a Vietnamese error when it cannot be read."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _too_large(str(path))
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PlanFileError(str(path), [t.FILE_NOT_FOUND]) from exc
    except IsADirectoryError as exc:
        raise PlanFileError(str(path), [t.FILE_IS_DIRECTORY]) from exc
    except UnicodeDecodeError as exc:
        raise PlanFileError(str(path), [t.FILE_NOT_UTF8]) from exc
    except PermissionError as exc:
        raise PlanFileError(str(path), [t.FILE_NOT_READABLE]) from exc


def read_toml(text: str, source: str) -> dict[str, Any]:
    """The TOML tables of a file's text; PlanFileError if it is too large or not TOML."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise _too_large(source)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlanFileError(source, [t.BAD_TOML.format(error=exc)]) from exc


class FieldReader:
    """Reads typed fields from a TOML table, recording problems instead of stopping.

    Every problem is kept with where it is ("obligations[2].schedule"), so that one run tells the
    author everything that is wrong in the file.
    """

    def __init__(self, data: dict[str, Any], where: str, problems: list[str]) -> None:
        self.data, self.where, self.problems = data, where, problems

    def _name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, message: str) -> None:
        """Record a problem about `key`."""
        self.problems.append(t.FIELD_PROBLEM.format(field=self._name(key), problem=message))

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        """A string field; required ones must be non-empty."""
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.fail(key, t.MISSING)
            return default
        if not isinstance(value, str):
            self.fail(key, t.NOT_TEXT)
            return default
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        """A string field that may be absent."""
        return self.text(key, required=False) or None

    def day(self, key: str, *, required: bool = False) -> date | None:
        """A date field (TOML date or "YYYY-MM-DD")."""
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.fail(key, t.MISSING_DATE)
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                self.fail(key, t.BAD_DATE.format(value=value))
                return None
        self.fail(key, t.NOT_DATE)
        return None

    def codes(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        """A list of unit codes."""
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(key, t.NOT_UNIT_CODES)
            return ()
        if required and not value:
            self.fail(key, t.NO_UNIT)
        return tuple(v.strip() for v in value)

    def tables(self, key: str) -> list[dict[str, Any]]:
        """An array of tables ([[key]])."""
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(key, t.NOT_TABLES)
            return []
        return value

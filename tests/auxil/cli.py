"""Run `python bot.py …` in-process against a test database, with the fixed test clock."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest

import bot


@dataclass(frozen=True)
class CliResult:
    """Exit code and captured output of one command."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """The standard output parsed as JSON."""
        return json.loads(self.out)


def run_cli(
    args: list[str], *, url: str, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> CliResult:
    """Run one command; usage errors (SystemExit) are captured like any other exit."""
    monkeypatch.setenv("KEHOACH_DATABASE_URL", url)
    monkeypatch.delenv("KEHOACH_CONFIG", raising=False)
    out, err = io.StringIO(), io.StringIO()
    with monkeypatch.context() as patch:
        patch.setattr("sys.stderr", err)
        try:
            code = bot.main(args, now=now, out=out, err=err)
        except SystemExit as exc:
            code = int(exc.code or 0)
    return CliResult(code, out.getvalue(), err.getvalue())

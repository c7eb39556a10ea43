"""What every command of the command line is given: the runtime and where to print."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import date, datetime
from typing import TextIO

from kehoach_bot.config import Settings
from kehoach_bot.runtime import Runtime


@dataclass(frozen=True, slots=True)
class Context:
    """What every command needs: the runtime (clock fixed to the command's start), the output."""

    runtime: Runtime
    out: TextIO

    @property
    def settings(self) -> Settings:
        """The loaded settings."""
        return self.runtime.settings

    @property
    def now(self) -> datetime:
        """The moment the command started (UTC, aware)."""
        return self.runtime.now()

    @property
    def today(self) -> date:
        """Today in the agencies' timezone."""
        return self.runtime.today()

    def actor(self, given: str | None) -> str:
        """Who is acting, for the audit log."""
        if given and given.strip():
            return given.strip()[:120]
        try:
            return f"cli:{getpass.getuser()}"
        except (KeyError, OSError):
            return "cli"

    def print(self, text: str) -> None:
        """Write one block of output."""
        self.out.write(text + "\n")

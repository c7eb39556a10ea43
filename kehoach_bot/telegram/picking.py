"""What a person is picking: the command being completed, what was chosen so far, and the
options on offer. Kept server-side in the person's state; a button carries only the token and
an index, so a button from an older list is recognised as stale and a tampered one finds nothing."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from kehoach_bot.services.choices import Choice

PAGE_SIZE = 8


def new_token() -> int:
    """A short token that names one list of options (never reused across restarts in practice)."""
    return 100_000 + secrets.randbelow(900_000)


@dataclass(frozen=True, slots=True)
class Picking:
    """A command waiting for its next argument: a choice among `options`, or typed text when
    there are none."""

    command: str
    args: tuple[str, ...]
    prompt: str
    options: tuple[Choice, ...] = ()
    labels: tuple[str, ...] = ()  # what was chosen so far, as the person read it
    multi: bool = False
    chosen: tuple[int, ...] = ()  # indexes of the options ticked so far (multi)
    page: int = 0
    finished: bool = False  # every argument is in: the command is running
    token: int = field(default_factory=new_token)

    @property
    def wants_text(self) -> bool:
        """True when the next argument is typed (a date, a text) rather than picked."""
        return not self.options and not self.finished

    @property
    def pages(self) -> int:
        """How many pages of options."""
        return max(1, -(-len(self.options) // PAGE_SIZE))

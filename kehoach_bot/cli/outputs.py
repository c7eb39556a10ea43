"""Writing a made file (table, chart, report, zip) where a person asked: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.texts import exports_vi as t

Made = TypeVar("Made")


def write_whole(out: Path, write: Callable[[BinaryIO], Made]) -> Made:
    """Run `write` on a temporary file next to `out`, then put it in place; a path that cannot
    be written is a Vietnamese error, and a failure leaves no half-written file behind. The file
    is readable by its owner only (as mkstemp makes it): it holds the units' notes and reports."""
    try:
        handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as exc:
        raise InvalidInput(t.CANNOT_WRITE.format(path=out, reason=exc.strerror or exc)) from None
    temporary = Path(name)
    try:
        with open(handle, "wb") as stream:
            made = write(stream)
        os.replace(temporary, out)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise InvalidInput(t.CANNOT_WRITE.format(path=out, reason=exc.strerror or exc)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return made


def write_bytes(out: Path, content: bytes) -> None:
    """Write `content` to `out` whole (see `write_whole`)."""
    write_whole(out, lambda stream: stream.write(content))

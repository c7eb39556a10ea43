"""`files`: the files submitted for one period of a plan, in one zip with an index."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from kehoach_bot.cli.context import Context
from kehoach_bot.exports.bundle_zip import write_zip
from kehoach_bot.services import console
from kehoach_bot.services.bundle import plan_files
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.texts import bundle_vi as t


def cmd_files(ctx: Context, args: argparse.Namespace) -> int:
    """Write the files of a plan's period to FILE.zip; the file appears whole or not at all."""
    out = Path(args.out)
    if out.suffix.lower() != ".zip":
        raise InvalidInput(t.BAD_FORMAT.format(name=out.name))
    console.prepare(ctx.runtime)
    files = plan_files(ctx.runtime, plan_code=args.plan, period=args.period)
    try:
        # Written next to the target, then renamed: a failure leaves no half-written zip.
        handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as exc:
        raise InvalidInput(t.CANNOT_WRITE.format(path=out, reason=exc.strerror or exc)) from None
    temporary = Path(name)
    try:
        with open(handle, "wb") as stream:
            summary = write_zip(files, stream)
        os.replace(temporary, out)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise InvalidInput(t.CANNOT_WRITE.format(path=out, reason=exc.strerror or exc)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    size = f"{summary.size:,}".replace(",", ".")
    ctx.print(
        t.WRITTEN.format(
            files=summary.files, plan=files.plan, period=files.period, path=out, size=size
        )
    )
    if summary.missing:
        ctx.print(t.WRITTEN_MISSING.format(missing=len(summary.missing), index=t.INDEX_NAME))
    return 0

"""`files`: the files submitted for one period of a plan, in one zip with an index."""

from __future__ import annotations

import argparse
from pathlib import Path

from kehoach_bot.cli.context import Context
from kehoach_bot.cli.outputs import write_whole
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
    summary = write_whole(out, lambda stream: write_zip(files, stream))
    size = f"{summary.size:,}".replace(",", ".")
    ctx.print(
        t.WRITTEN.format(
            files=summary.files, plan=files.plan, period=files.period, path=out, size=size
        )
    )
    if summary.missing:
        ctx.print(t.WRITTEN_MISSING.format(missing=len(summary.missing), index=t.INDEX_NAME))
    return 0

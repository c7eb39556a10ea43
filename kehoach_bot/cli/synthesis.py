"""`synthesis`: the draft synthesis report of a plan's period written to a Word (.docx) file."""

from __future__ import annotations

import argparse
from pathlib import Path

from kehoach_bot.cli.context import Context
from kehoach_bot.cli.outputs import write_bytes
from kehoach_bot.exports.synthesis_docx import to_docx
from kehoach_bot.services import console
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.synthesis import synthesis
from kehoach_bot.texts import synthesis_vi as t


def cmd_synthesis(ctx: Context, args: argparse.Namespace) -> int:
    """Write the draft synthesis report of one plan and period to FILE.docx."""
    out = Path(args.out)
    if out.suffix.lower() != ".docx":
        raise InvalidInput(t.BAD_FORMAT.format(name=out.name))
    if args.period is None:
        raise InvalidInput(t.PERIOD_REQUIRED)
    console.prepare(ctx.runtime)
    report = synthesis(
        ctx.runtime, plan_code=args.plan, period=args.period, office_unit=args.office
    )
    write_bytes(out, to_docx(report))
    ctx.print(
        t.WRITTEN.format(plan=report.table.plan, period=report.period, units=report.units, path=out)
    )
    return 0

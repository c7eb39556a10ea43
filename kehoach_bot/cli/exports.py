"""`export`: a plan's table written to an Excel (.xlsx) or CSV file."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from kehoach_bot.cli.context import Context
from kehoach_bot.cli.outputs import write_bytes
from kehoach_bot.exports.csv import to_csv
from kehoach_bot.exports.xlsx import to_xlsx
from kehoach_bot.services import console
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.exports import PlanTable, plan_table
from kehoach_bot.texts import exports_vi as t

WRITERS: dict[str, Callable[[PlanTable], bytes]] = {".xlsx": to_xlsx, ".csv": to_csv}


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    """Write a plan's table (optionally one period or a range of days) to FILE.xlsx or FILE.csv."""
    out = Path(args.out)
    writer = WRITERS.get(out.suffix.lower())
    if writer is None:
        raise InvalidInput(t.BAD_FORMAT.format(name=out.name))
    console.prepare(ctx.runtime)
    table = plan_table(
        ctx.runtime,
        plan_code=args.plan,
        period=args.period,
        date_from=args.start,
        date_to=args.end,
    )
    write_bytes(out, writer(table))
    ctx.print(t.EXPORTED.format(rows=len(table.rows), plan=table.plan, path=out))
    return 0

"""`chart`: a plan's compliance chart written to a PNG picture."""

from __future__ import annotations

import argparse
from pathlib import Path

from kehoach_bot.cli.context import Context
from kehoach_bot.cli.outputs import write_bytes
from kehoach_bot.exports.chart import to_png
from kehoach_bot.exports.chart_data import chart_data
from kehoach_bot.services import console
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.exports import plan_table
from kehoach_bot.texts import charts_vi as t


def cmd_chart(ctx: Context, args: argparse.Namespace) -> int:
    """Draw a plan's compliance chart (optionally one period) into FILE.png."""
    out = Path(args.out)
    if out.suffix.lower() != ".png":
        raise InvalidInput(t.BAD_FORMAT.format(name=out.name))
    console.prepare(ctx.runtime)
    table = plan_table(
        ctx.runtime, plan_code=args.plan, period=args.period, date_from=None, date_to=None
    )
    picture = to_png(table)
    write_bytes(out, picture)
    data = chart_data(table)
    ctx.print(
        t.CHARTED.format(
            plan=table.plan, periods=len(data.periods), units=data.units_total, path=out
        )
    )
    return 0

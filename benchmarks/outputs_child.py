"""One coordinator's output made in a process of its own, so that its peak memory is its own.

Usage: python -m benchmarks.outputs_child DATABASE_URL xlsx|chart|docx — prints one JSON line.
Each runs exactly what the bot and the command line run: the service, then the writer.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from benchmarks.common import NOW, peak_rss_mb
from kehoach_bot.config import Settings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.exports.chart import to_png
from kehoach_bot.exports.synthesis_docx import to_docx
from kehoach_bot.exports.xlsx import to_xlsx
from kehoach_bot.runtime import Runtime
from kehoach_bot.services.exports import plan_table
from kehoach_bot.services.synthesis import synthesis

PLAN = "p"
LAST_PERIOD = "năm 2026"


def _xlsx(runtime: Runtime) -> bytes:
    return to_xlsx(plan_table(runtime, plan_code=PLAN, period=None, date_from=None, date_to=None))


def _chart(runtime: Runtime) -> bytes:
    return to_png(plan_table(runtime, plan_code=PLAN, period=None, date_from=None, date_to=None))


def _docx(runtime: Runtime) -> bytes:
    return to_docx(synthesis(runtime, plan_code=PLAN, period=LAST_PERIOD))


MAKERS: dict[str, Callable[[Runtime], bytes]] = {"xlsx": _xlsx, "chart": _chart, "docx": _docx}


def main(url: str, mode: str) -> None:
    """Make one output and print its numbers."""
    runtime = Runtime(Settings(database_url=url), make_engine(url), lambda: NOW)
    started = time.perf_counter()
    made = MAKERS[mode](runtime)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": round(seconds, 3),
                "bytes": len(made),
                "peak_rss_mb": round(peak_rss_mb(), 1),
            }
        )
    )
    runtime.answers.shutdown()
    runtime.background.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

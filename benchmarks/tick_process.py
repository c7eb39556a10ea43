"""One tick's planning (what is due now, and the enqueue) in a process of its own.

Usage: python -m benchmarks.tick_process DATABASE_URL — prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time

from benchmarks.common import NOW, peak_rss_mb
from jobs.tick import plan_reminders
from kehoach_bot.config import Settings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.telegram.context import BotServices


def main(url: str) -> None:
    """Measure and print."""
    engine = make_engine(url)
    services = BotServices(Settings(database_url=url), engine, lambda: NOW)
    started = time.perf_counter()
    report = plan_reminders(services, NOW)
    elapsed = time.perf_counter() - started
    print(
        json.dumps(
            {
                "tick_seconds": round(elapsed, 3),
                "examined": report.examined,
                "enqueued": report.enqueued,
                "peak_rss_mb": round(peak_rss_mb(), 1),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])

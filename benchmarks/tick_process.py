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


def daily_sync(url: str) -> None:
    """The tick's once-a-day extension of occurrences, measured on its own."""
    from jobs.tick import ROLLING_LOOKBACK
    from kehoach_bot.db.engine import session_scope
    from kehoach_bot.services.bootstrap import horizon
    from kehoach_bot.services.occurrences import sync_occurrences

    settings = Settings(database_url=url)
    engine = make_engine(url)
    started = time.perf_counter()
    with session_scope(engine) as session:
        report = sync_occurrences(
            session,
            policy=settings.deadlines,
            until=horizon(settings, NOW),
            now=NOW,
            since=NOW.date() - ROLLING_LOOKBACK,
        )
    elapsed = time.perf_counter() - started
    print(
        json.dumps(
            {
                "daily_sync_seconds": round(elapsed, 2),
                "daily_sync_created": report.created,
                "daily_sync_peak_rss_mb": round(peak_rss_mb(), 1),
            }
        )
    )


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
    if sys.argv[2:] == ["sync"]:
        daily_sync(sys.argv[1])
    else:
        main(sys.argv[1])

"""Child processes of the usual-way benchmark: fill APScheduler's store, start it, or start ours.

Usage: python -m benchmarks.usual_way_child fill|start|ours DATABASE_URL — prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

from benchmarks.common import NOW, peak_rss_mb

DONE = threading.Event()
RAN = 0
DUE = 1000


def remind(occurrence_id: int) -> None:
    """What each APScheduler job would do: here, count."""
    global RAN
    RAN += 1
    if RAN >= DUE:
        DONE.set()


def fill(url: str) -> dict[str, float]:
    """Add 100,000 date jobs (1,000 due at once) to a persistent store."""
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=url)}, timezone="Asia/Ho_Chi_Minh"
    )
    scheduler.start(paused=True)
    now = datetime.now(UTC)
    started = time.perf_counter()
    for n in range(100_000):
        when = now + timedelta(seconds=2) if n < DUE else now + timedelta(days=30 + n % 300)
        scheduler.add_job(
            remind, "date", run_date=when, args=[n], id=f"r{n}", misfire_grace_time=None
        )
    elapsed = time.perf_counter() - started
    scheduler.shutdown(wait=False)
    return {"seconds": round(elapsed, 2)}


def start(url: str) -> dict[str, float]:
    """Start a scheduler on the filled store; wait until the due jobs have run."""
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler

    started = time.perf_counter()
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=url)},
        timezone="Asia/Ho_Chi_Minh",
        job_defaults={"misfire_grace_time": None},
    )
    scheduler.start()
    DONE.wait(timeout=600)
    elapsed = time.perf_counter() - started
    scheduler.shutdown(wait=False)
    return {"seconds": round(elapsed, 2), "peak_rss_mb": round(peak_rss_mb(), 1), "ran": RAN}


def ours(url: str) -> dict[str, float]:
    """Start ours on its database: schema check, then one tick's decision and enqueue."""
    started = time.perf_counter()
    from kehoach_bot.config import Settings
    from kehoach_bot.db import migrate
    from kehoach_bot.db.engine import make_engine
    from kehoach_bot.runtime import Runtime
    from kehoach_bot.services.reminders import queue_due

    engine = make_engine(url)
    migrate.upgrade(engine)
    report = queue_due(Runtime(Settings(database_url=url), engine, lambda: NOW), NOW)
    elapsed = time.perf_counter() - started
    return {
        "seconds": round(elapsed, 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "enqueued": report.enqueued,
    }


if __name__ == "__main__":
    action, url = sys.argv[1], sys.argv[2]
    result = {"fill": fill, "start": start, "ours": ours}[action](url)
    print(json.dumps(result))

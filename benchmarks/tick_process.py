"""One piece of the production tick in a process of its own, so that its peak memory is its own.

Usage: python -m benchmarks.tick_process DATABASE_URL [tick|extension|digests] — prints one JSON
line. Each runs exactly the function the bot's tick runs: `queue_due` (the reminders due now),
`extend_daily` (the daily extension with its look-back, in slices) and `queue_digests` (the
coordinators' digests, decided once a day).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete

from benchmarks.common import NOW, peak_rss_mb
from benchmarks.national import COORDINATOR_BASE
from jobs.digests import queue_digests
from kehoach_bot.config import Settings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.db.models import Heartbeat
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import coordination
from kehoach_bot.services.extension import extend_daily
from kehoach_bot.services.reminders import queue_due


def _forget(url: str, name: str) -> None:
    """Make the day's run due again (the benchmark database marks it done)."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(delete(Heartbeat).where(Heartbeat.name == name))  # type: ignore[arg-type]
    engine.dispose()


def measure(url: str, mode: str) -> dict[str, Any]:
    """Time one production step and report its numbers."""
    runs: dict[str, tuple[str | None, Callable[[Runtime], Any]]] = {
        "tick": (None, lambda rt: queue_due(rt, NOW)),
        "extension": ("sync", lambda rt: extend_daily(rt, NOW)),
        "digests": ("digests", lambda rt: queue_digests(rt, NOW)),
        "status": (
            None,
            lambda rt: coordination.status(
                rt, user_id=COORDINATOR_BASE, plan_code="kh-00", period_key=None
            ),
        ),
    }
    heartbeat, work = runs[mode]
    if heartbeat:
        _forget(url, heartbeat)
    runtime = Runtime(Settings(database_url=url), make_engine(url), lambda: NOW)
    started = time.perf_counter()
    result = work(runtime)
    elapsed = time.perf_counter() - started
    runtime.close()
    numbers: dict[str, Any] = {
        f"{mode}_seconds": round(elapsed, 3),
        f"{mode}_peak_rss_mb": round(peak_rss_mb(), 1),
    }
    if mode == "tick":
        numbers |= {"examined": result.examined, "enqueued": result.enqueued}
    elif mode == "extension":
        numbers |= {"extension_created": result.created if result else 0}
    elif mode == "digests":
        numbers |= {"digests_queued": result}
    else:
        numbers |= {"status_rows": result.table.total if result.table else 0}
    return numbers


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "tick")))

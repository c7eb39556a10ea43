"""The tick: one recurring job that asks the database what is due and queues it.

It holds no state of its own: kill the process at any moment and the next start continues. Once a
day it first extends the occurrences and decides the coordinators' digests; then it queues the
reminders due now and wakes the dispatcher. All of it runs in the runtime's background lane.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass

from jobs.digests import queue_digests
from jobs.dispatch import Dispatcher
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import health
from kehoach_bot.services.extension import extend_daily
from kehoach_bot.services.occurrences import SyncReport
from kehoach_bot.services.reminders import EnqueueReport, queue_due

log = logging.getLogger("kehoach_bot.tick")


@dataclass(frozen=True, slots=True)
class TickReport:
    """What one tick did."""

    extended: SyncReport | None
    planned: EnqueueReport
    digests: int


async def run_tick(runtime: Runtime, dispatcher: Dispatcher | None = None) -> TickReport:
    """One tick; the dispatcher is woken at the end."""
    now = runtime.now()
    extended = await runtime.in_background(extend_daily, runtime, now)
    digests = await runtime.in_background(queue_digests, runtime, now)
    planned = await runtime.in_background(queue_due, runtime, now)
    info: dict[str, object] = {"digests": digests, **asdict(planned)}
    if extended is not None:
        info["extended"] = asdict(extended)
    await runtime.in_background(health.record_run, runtime, "tick", now, info)
    log.info("tick %s", json.dumps(info, sort_keys=True))
    if dispatcher is not None:
        dispatcher.wake()
    return TickReport(extended, planned, digests)

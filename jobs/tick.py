"""The tick: one recurring job that asks the database what is due and queues it.

It holds no state of its own: kill the process at any moment and the next start continues. Once a
day it first extends the occurrences (in slices, one transaction each) and decides the
coordinators' digests; then it queues the reminders due now and wakes the dispatcher.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from datetime import datetime, time, timedelta

from sqlmodel import col, select

from jobs.digests import enqueue_digests
from jobs.dispatch import Dispatcher
from kehoach_bot.db.models import Obligation
from kehoach_bot.domain.reminders import ReminderPolicy
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import health
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.occurrences import SyncReport, sync_occurrences
from kehoach_bot.services.reminders import EnqueueReport, enqueue_due_reminders

log = logging.getLogger("kehoach_bot.tick")
# The daily extension looks back this far (edits and successions go over whole plans themselves).
ROLLING_LOOKBACK = timedelta(days=31)
EXTENSION_SLICE = 20  # obligations per transaction: answers can write between slices


@dataclass(frozen=True, slots=True)
class TickReport:
    """What one tick did."""

    extended: SyncReport | None
    planned: EnqueueReport
    digests: int


def reminder_policy(runtime: Runtime) -> ReminderPolicy:
    """The configured reminder stages and sending hours."""
    settings = runtime.settings.reminders
    return ReminderPolicy(
        lead_days=settings.lead_days,
        send_from=time(settings.hour, 0),
        send_until=time(settings.until_hour, 59, 59),
    )


def extend_daily(runtime: Runtime, now: datetime) -> SyncReport | None:
    """Once a day: create the periods that came within the horizon, a slice at a time."""
    settings = runtime.settings
    today = now.astimezone(settings.tz).date()
    with runtime.transaction() as session:
        synced = health.last_beat(session, "sync")
        if synced is not None and synced.astimezone(settings.tz).date() >= today:
            return None
        ids = list(session.exec(select(Obligation.id).order_by(col(Obligation.id))).all())
    total = SyncReport()
    for start in range(0, len(ids), EXTENSION_SLICE):
        with runtime.transaction() as session:
            report = sync_occurrences(
                session,
                policy=settings.deadlines,
                until=horizon(settings, now),
                now=now,
                obligation_ids=[i for i in ids[start : start + EXTENSION_SLICE] if i is not None],
                since=today - ROLLING_LOOKBACK,
            )
        for name in ("created", "updated", "transferred", "removed"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
    with runtime.transaction() as session:
        health.beat(session, "sync", now=now, info=asdict(total))
    return total


def plan_reminders(runtime: Runtime, now: datetime) -> EnqueueReport:
    """Queue the reminders due now."""
    with runtime.transaction() as session:
        return enqueue_due_reminders(
            session, now=now, tz=runtime.settings.tz, policy=reminder_policy(runtime)
        )


def record_tick(runtime: Runtime, now: datetime, info: dict[str, object]) -> None:
    """The tick's heartbeat."""
    with runtime.transaction() as session:
        health.beat(session, "tick", now=now, info=info)


async def run_tick(runtime: Runtime, dispatcher: Dispatcher | None = None) -> TickReport:
    """One tick, all database work off the event loop; the dispatcher is woken at the end."""
    now = runtime.now()
    extended = await runtime.in_background(extend_daily, runtime, now)
    digests = await runtime.in_background(enqueue_digests, runtime, now)
    planned = await runtime.in_background(plan_reminders, runtime, now)
    info: dict[str, object] = {"digests": digests, **asdict(planned)}
    if extended is not None:
        info["extended"] = asdict(extended)
    await runtime.in_background(record_tick, runtime, now, info)
    log.info("tick %s", json.dumps(info, sort_keys=True))
    if dispatcher is not None:
        dispatcher.wake()
    return TickReport(extended, planned, digests)

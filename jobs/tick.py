"""The tick: one recurring job that asks the database what is due, enqueues it, and sends it.

It holds no state of its own: kill the process at any moment and the next start continues.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time as clock
from datetime import datetime, time, timedelta

from telegram import Bot

from jobs.digests import enqueue_digests
from jobs.dispatch import DispatchReport, dispatch_once, worker_name
from kehoach_bot.db.models import Heartbeat
from kehoach_bot.domain.reminders import ReminderPolicy
from kehoach_bot.services import outbox
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.occurrences import sync_occurrences
from kehoach_bot.telegram.context import BotContext, BotServices

log = logging.getLogger("kehoach_bot.tick")
# The daily extension looks back this far (edits and successions go over whole plans themselves).
ROLLING_LOOKBACK = timedelta(days=31)


def reminder_policy(services: BotServices) -> ReminderPolicy:
    """The configured reminder stages and sending hours."""
    settings = services.settings.reminders
    return ReminderPolicy(
        lead_days=settings.lead_days,
        send_from=time(settings.hour, 0),
        send_until=time(settings.until_hour, 59, 59),
    )


def plan_reminders(services: BotServices, now: datetime) -> outbox.EnqueueReport:
    """Extend occurrences (once a day) and enqueue the reminders due now."""
    settings = services.settings
    today = now.astimezone(settings.tz).date()
    with services.session() as session:
        synced = session.get(Heartbeat, "sync")
        if synced is None or synced.at.astimezone(settings.tz).date() < today:
            report = sync_occurrences(
                session, policy=settings.deadlines, until=horizon(settings, now), now=now
            )
            outbox.beat(
                session,
                "sync",
                now=now,
                info={"created": report.created, "updated": report.updated},
            )
        return outbox.enqueue_due_reminders(
            session, now=now, tz=settings.tz, policy=reminder_policy(services)
        )


async def send_pending(bot: Bot, services: BotServices, *, budget: float) -> DispatchReport:
    """Dispatch batch after batch until nothing is due or the time budget of this tick is spent."""
    total = DispatchReport()
    worker = worker_name()
    deadline = clock.monotonic() + budget
    idle = 0
    while clock.monotonic() < deadline and idle < 2:
        report = await dispatch_once(
            bot, services, worker=worker, limit=services.settings.reminders.batch
        )
        for name in (
            "claimed",
            "sent",
            "retried",
            "failed",
            "undeliverable",
            "cancelled",
            "deferred",
        ):
            setattr(total, name, getattr(total, name) + getattr(report, name))
        idle = idle + 1 if report.sent + report.retried + report.cancelled == 0 else 0
        if report.claimed == report.deferred:
            # Nothing went out: what is left waits for its chat's one-second gap, or for later.
            with services.session() as session:
                upcoming = outbox.next_due(session)
            wait = (upcoming - services.now()).total_seconds() if upcoming else None
            if wait is None or wait > 2 or clock.monotonic() + max(wait, 0) > deadline:
                break
            await asyncio.sleep(max(wait, 0.05))
    return total


async def run_tick(
    bot: object, services: BotServices
) -> tuple[outbox.EnqueueReport, DispatchReport]:
    """One tick: plan, then send one batch; record the heartbeat and log one line."""

    assert isinstance(bot, Bot)
    now = services.now()
    planned = plan_reminders(services, now)
    digests = enqueue_digests(services, now)
    sent = await dispatch_once(
        bot, services, worker=worker_name(), limit=services.settings.reminders.batch
    )
    info = {
        "digests": digests,
        "examined": planned.examined,
        "enqueued": planned.enqueued,
        "without_recipient": planned.without_recipient,
        "claimed": sent.claimed,
        "sent": sent.sent,
        "retried": sent.retried,
        "failed": sent.failed,
        "undeliverable": sent.undeliverable,
        "cancelled": sent.cancelled,
        "deferred": sent.deferred,
    }
    with services.session() as session:
        outbox.beat(session, "tick", now=now, info=info)
    log.info("tick %s", json.dumps(info, sort_keys=True))
    return planned, sent


async def tick(context: BotContext) -> None:
    """The JobQueue callback."""
    await run_tick(context.bot, context.services)

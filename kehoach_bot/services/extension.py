"""The daily extension: once a day, the periods that came within the horizon get their rows.

It runs a slice of obligations per transaction, so that people's answers can write in between,
and looks back one month only (edits, plan loads and successions go over whole plans themselves).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta

from sqlmodel import col, select

from kehoach_bot.db.engine import refresh_statistics
from kehoach_bot.db.models import Obligation
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import health
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.occurrences import SyncReport, load_graph, sync_occurrences

LOOKBACK = timedelta(days=31)
SLICE = 20  # obligations per transaction
HEARTBEAT = "sync"


def extend_daily(runtime: Runtime, now: datetime) -> SyncReport | None:
    """Extend the occurrences once a day (None when today's extension already ran)."""
    settings = runtime.settings
    today = now.astimezone(settings.tz).date()
    with runtime.transaction() as session:
        synced = health.last_beat(session, HEARTBEAT)
        if synced is not None and synced.astimezone(settings.tz).date() >= today:
            return None
        ids = [i for i in session.exec(select(Obligation.id).order_by(col(Obligation.id))) if i]
        graph = load_graph(session)  # units, groups, successions: read once for every slice
    total = SyncReport()
    for start in range(0, len(ids), SLICE):
        with runtime.transaction() as session:
            report = sync_occurrences(
                session,
                policy=settings.deadlines,
                until=horizon(settings, now),
                now=now,
                obligation_ids=ids[start : start + SLICE],
                since=today - LOOKBACK,
                graph=graph,
            )
        for name in ("created", "updated", "transferred", "removed"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
    with runtime.transaction() as session:
        refresh_statistics(session)
        health.beat(session, HEARTBEAT, now=now, info=asdict(total))
    return total

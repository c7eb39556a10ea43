"""Coordinators' daily digests and Monday summaries, decided once per day and queued.

The first tick from the digest hour on a working day decides them, one coordinator per
transaction; coordinators who follow the same units share one computation. A restart halfway
through decides again, and the outbox's dedupe keys drop what was already queued.
"""

from __future__ import annotations

from datetime import date, datetime

from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import MessageKind
from kehoach_bot.domain.working_days import is_working_day
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import digests, health
from kehoach_bot.services.outbox import Message, enqueue
from kehoach_bot.telegram.render import coordinator as render

MONDAY = 0


def enqueue_digests(runtime: Runtime, now: datetime) -> int:
    """On working days from the digest hour, once: one message per coordinator and plan."""
    settings = runtime.settings
    local = now.astimezone(settings.tz)
    today = local.date()
    if not is_working_day(today) or local.hour < settings.reminders.digest_hour:
        return 0
    with runtime.transaction() as session:
        decided = health.last_beat(session, "digests")
        if decided is not None and decided.astimezone(settings.tz).date() >= today:
            return 0
        people = digests.coordinators(session, settings.telegram.admins)
    shared: dict[tuple[bool, frozenset[int]], list[digests.PlanDigest]] = {}
    queued = 0
    for identity, chat_id in people:
        key = (identity.is_admin, frozenset(identity.units_with(Role.COORDINATOR)))
        with runtime.transaction() as session:
            if key not in shared:
                shared[key] = digests.plan_digests(
                    session, identity, today=today, now=now, tz=settings.tz
                )
            queued += enqueue(session, _messages(shared[key], chat_id, today), now=now)
    with runtime.transaction() as session:
        health.beat(session, "digests", now=now, info={"queued": queued, "people": len(people)})
    return queued


def _messages(found: list[digests.PlanDigest], chat_id: int, today: date) -> list[Message]:
    messages: list[Message] = []
    for item in found:
        if item.has_news:
            for page_no, page in enumerate(render.digest(item, today)):
                messages.append(
                    Message(
                        key=f"d:{chat_id}:{item.plan}:{today.isoformat()}:{page_no}",
                        chat_id=chat_id,
                        kind=MessageKind.DIGEST,
                        stage=f"tong-hop-{today.isoformat()}",
                        text=page,
                    )
                )
        if today.weekday() == MONDAY and item.counts:
            week = today.isocalendar()
            messages.append(
                Message(
                    key=f"w:{chat_id}:{item.plan}:{week.year}-{week.week}",
                    chat_id=chat_id,
                    kind=MessageKind.DIGEST,
                    stage=f"tuan-{week.year}-{week.week}",
                    text=render.weekly(item, today),
                )
            )
    return messages

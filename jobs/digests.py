"""Coordinators' daily digests and Monday summaries, queued through the outbox once per day."""

from __future__ import annotations

from datetime import datetime

from kehoach_bot.domain.working_days import is_working_day
from kehoach_bot.services import digests, outbox
from kehoach_bot.telegram import render
from kehoach_bot.telegram.context import BotServices

MONDAY = 0


def enqueue_digests(services: BotServices, now: datetime) -> int:
    """On working days from the digest hour: one message per coordinator and plan with news."""
    settings = services.settings
    local = now.astimezone(settings.tz)
    today = local.date()
    if not is_working_day(today) or local.hour < settings.reminders.digest_hour:
        return 0
    messages: list[tuple[str, int, str, str]] = []
    with services.session() as session:
        for identity, chat_id in digests.coordinators(session, settings.telegram.admins):
            for item in digests.plan_digests(
                session, identity, today=today, now=now, tz=settings.tz
            ):
                if item.has_news:
                    for page_no, page in enumerate(render.digest(item, today)):
                        key = f"d:{chat_id}:{item.plan}:{today.isoformat()}:{page_no}"
                        messages.append((key, chat_id, f"tong-hop-{today.isoformat()}", page))
                if today.weekday() == MONDAY and item.counts:
                    week = today.isocalendar()
                    key = f"w:{chat_id}:{item.plan}:{week.year}-{week.week}"
                    messages.append(
                        (key, chat_id, f"tuan-{week.year}-{week.week}", render.weekly(item, today))
                    )
        return outbox.enqueue_messages(session, messages, now=now)

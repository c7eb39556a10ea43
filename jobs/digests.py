"""Coordinators' daily digests and Monday summaries: rendered and keyed for the outbox."""

from __future__ import annotations

from datetime import date, datetime

from kehoach_bot.domain.stored import MessageKind
from kehoach_bot.runtime import Runtime
from kehoach_bot.services.digests import PlanDigest, decide_daily
from kehoach_bot.services.outbox import Message
from kehoach_bot.telegram.render import coordinator as render

MONDAY = 0


def queue_digests(runtime: Runtime, now: datetime) -> int:
    """Decide today's digests once and queue them."""
    return decide_daily(runtime, now, compose)


def compose(found: list[PlanDigest], chat_id: int, today: date) -> list[Message]:
    """One coordinator's messages: a digest per plan with news, and on Mondays the week's
    counts and the plan's chart."""
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
            messages.append(
                Message(
                    key=f"c:{chat_id}:{item.plan}:{week.year}-{week.week}",
                    chat_id=chat_id,
                    kind=MessageKind.CHART,
                    stage=f"bieu-do-{week.year}-{week.week}",
                    subject_id=item.plan_id,
                    text=render.weekly_chart_caption(item, today),
                )
            )
    return messages

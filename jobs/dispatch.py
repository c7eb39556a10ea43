"""Send claimed outbox rows: re-check each is still due, pace per chat, record every outcome."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
import warnings
from dataclasses import dataclass, field
from datetime import timedelta

from sqlmodel import select
from telegram import Bot, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from kehoach_bot.db.models import Obligation
from kehoach_bot.domain.reminders import latest_and_next
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import State
from kehoach_bot.services import outbox, people, tracking
from kehoach_bot.services.errors import NotFound
from kehoach_bot.telegram import render
from kehoach_bot.telegram.context import BotServices

log = logging.getLogger(__name__)
PER_CHAT_GAP = 1.05  # seconds between two messages to one chat


def worker_name() -> str:
    """Who claims rows: host and process."""
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


@dataclass
class DispatchReport:
    """Outcomes of one dispatch run."""

    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    undeliverable: int = 0
    cancelled: int = 0
    deferred: int = 0
    outcomes: dict[int, str] = field(default_factory=dict)


async def dispatch_once(
    bot: Bot, services: BotServices, *, worker: str, limit: int
) -> DispatchReport:
    """Claim due rows and send them: chats in parallel, each chat's rows one after another
    at least a second apart (Telegram allows about one message per second to a chat)."""
    report = DispatchReport()
    now = services.now()
    with services.session() as session:
        outbox.release_stale_claims(session, now=now)
        rows = outbox.claim(session, now=now, worker=worker, limit=limit)
        claimed = [(r.id or 0, r.occurrence_id, r.chat_id, r.stage, r.kind, r.text) for r in rows]
    report.claimed = len(claimed)
    by_chat: dict[int, list[tuple[int, int | None, int, str, str, str]]] = {}
    for row in claimed:
        by_chat.setdefault(row[2], []).append(row)
    results = await asyncio.gather(
        *(_send_to_chat(bot, services, chat_rows) for chat_rows in by_chat.values())
    )
    for chat_results in results:
        for row_id, outcome in chat_results:
            report.outcomes[row_id] = outcome
            setattr(report, outcome, getattr(report, outcome) + 1)
    return report


async def _send_to_chat(
    bot: Bot, services: BotServices, rows: list[tuple[int, int | None, int, str, str, str]]
) -> list[tuple[int, str]]:
    results: list[tuple[int, str]] = []
    last_sent: float | None = None
    for row in rows:
        if last_sent is not None:
            await asyncio.sleep(max(0.0, last_sent + PER_CHAT_GAP - time.monotonic()))
        row_id, outcome = await _send(bot, services, row)
        results.append((row_id, outcome))
        if outcome == "sent":
            last_sent = time.monotonic()
    return results


async def _send(
    bot: Bot, services: BotServices, row: tuple[int, int | None, int, str, str, str]
) -> tuple[int, str]:
    row_id, occurrence_id, chat_id, stage, kind, text = row
    keyboard: InlineKeyboardMarkup | None = None
    if kind == "reminder" and occurrence_id is not None:
        prepared = _prepare_reminder(services, row_id, occurrence_id, chat_id, stage)
        if prepared is None:
            return row_id, "cancelled"
        text, keyboard = prepared
    now = services.now()
    try:
        message = await bot.send_message(chat_id, text, reply_markup=keyboard)
    except RetryAfter as exc:
        wait = (
            exc.retry_after
            if isinstance(exc.retry_after, timedelta)
            else timedelta(seconds=exc.retry_after)
        )
        with services.session() as session:
            outbox.mark_retry(session, row_id, error=str(exc), now=now, wait=wait)
        return row_id, "retried"
    except Forbidden as exc:
        with services.session() as session:
            outbox.mark_undeliverable(session, row_id, error=str(exc))
        return row_id, "undeliverable"
    except BadRequest as exc:
        with services.session() as session:
            if "chat not found" in str(exc).lower():
                outbox.mark_undeliverable(session, row_id, error=str(exc))
                return row_id, "undeliverable"
            outbox.mark_failed(session, row_id, error=str(exc))
        return row_id, "failed"
    except (NetworkError, TelegramError) as exc:  # timeouts and 5xx are NetworkError
        with services.session() as session:
            status = outbox.mark_retry(session, row_id, error=str(exc), now=now)
        return row_id, "failed" if status == outbox.Status.FAILED else "retried"
    with services.session() as session:
        outbox.mark_sent(session, row_id, message_id=message.message_id, now=services.now())
    return row_id, "sent"


def _retry_after(exc: RetryAfter) -> timedelta:
    """Telegram's 429 wait, whichever type this PTB version gives it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        raw = exc.retry_after
    return raw if isinstance(raw, timedelta) else timedelta(seconds=raw)


def _prepare_reminder(
    services: BotServices, row_id: int, occurrence_id: int, chat_id: int, stage: str
) -> tuple[str, InlineKeyboardMarkup] | None:
    """The reminder's text, or None (and the row cancelled) when it is no longer due."""
    today = services.today()
    with services.session() as session:
        try:
            view = tracking.get_view(session, occurrence_id, today)
        except NotFound:
            outbox.mark_cancelled(session, row_id, reason="kỳ báo cáo không còn")
            return None
        lead = session.exec(
            select(Obligation.lead_days).where(Obligation.id == view.obligation_id)
        ).one()
        latest, _ = latest_and_next(
            view.deadline, lead or services.settings.reminders.lead_days, today
        )
        reason = None
        if view.state is not State.OPEN:
            reason = "đã nộp, được miễn hoặc đã chuyển"
        elif latest is None or latest.key != stage:
            reason = "không còn đến hạn (hạn đã đổi hoặc đã gia hạn)"
        elif chat_id not in people.chats_of(session, {view.unit_id}, (Role.OFFICER,)):
            reason = "người nhận không còn thuộc đơn vị"
        if reason:
            outbox.mark_cancelled(session, row_id, reason=reason)
            return None
    return render.reminder(view)

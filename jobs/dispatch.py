"""The dispatcher: sends the outbox continuously, paced per chat, and records every outcome.

One dispatcher runs in each bot process. It claims due rows in batches (under a lease it renews
while it holds them), re-checks each is still due, renders it, and sends it in the bulk lane of the
rate limiter, so that people's direct answers go first. A chat receives at most one message per
`PER_CHAT_GAP`, counted from the end of the previous send to it, across batches and retries.
Database work runs in the runtime's background lane, never on the event loop.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from telegram import Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from kehoach_bot.domain.stored import MessageKind
from kehoach_bot.exports.chart import to_png
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import delivery, exports
from kehoach_bot.services.delivery import Outcome
from kehoach_bot.services.outbox import LEASE, Claimed
from kehoach_bot.telegram.limits import BULK
from kehoach_bot.telegram.render.outbound import render_outbound

log = logging.getLogger(__name__)
PER_CHAT_GAP = 1.05  # seconds between two messages to one chat (Telegram: about one a second)
MAX_IN_FLIGHT = 64
IDLE_CHECK = 5.0  # seconds between looks at the outbox when nothing wakes the dispatcher


def worker_name() -> str:
    """Who claims rows: host and process."""
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


@dataclass
class DispatchReport:
    """Outcomes so far."""

    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    undeliverable: int = 0
    cancelled: int = 0
    outcomes: dict[int, Outcome] = field(default_factory=dict)

    def count(self, row_id: int, outcome: Outcome) -> None:
        """Record one row's outcome."""
        self.outcomes[row_id] = outcome
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)


class Dispatcher:
    """Claims, paces, sends and records; `run` until the application stops, or `drain` once."""

    def __init__(
        self,
        bot: ExtBot[Any],
        runtime: Runtime,
        *,
        worker: str | None = None,
        batch: int | None = None,
    ) -> None:
        self.bot = bot
        self.runtime = runtime
        self.worker = worker or worker_name()
        self.report = DispatchReport()
        self._batch = batch or runtime.settings.reminders.batch
        self._queue: list[delivery.Ready] = []
        self._held: set[int] = set()  # claimed rows not yet marked: their lease is renewed
        self._busy: set[int] = set()  # chats with a send in flight
        self._ready_at: dict[int, float] = {}  # chat → monotonic time its next send may start
        self._in_flight: set[asyncio.Task[None]] = set()
        self._charts: dict[tuple[int, date], str] = {}  # (plan, day) → Telegram's file id
        self._drawing = asyncio.Lock()
        self._wake = asyncio.Event()
        self._progress = asyncio.Event()
        self._look_at = 0.0  # monotonic time of the next look at the outbox
        self._renewed_at = time.monotonic()

    def wake(self) -> None:
        """Look at the outbox now: something was just queued."""
        self._look_at = 0.0
        self._wake.set()

    async def start(self) -> None:
        """Give back the claims of processes that died: on SQLite every claim (one bot process
        runs, and this one replaces it), elsewhere those of dead processes on this host."""
        released = await self.runtime.in_background(
            delivery.release_at_start, self.runtime, dead=_dead_here
        )
        if released:
            log.info("released %d claims of a previous process", released)

    async def run(self, running: Callable[[], bool]) -> None:
        """Send until `running()` turns false; then finish what is in flight."""
        await self.start()
        try:
            while running():
                if not await self.step():
                    await self._wait(timeout=1.0)
        finally:
            await self._finish()

    async def drain(self, *, timeout: float = 60.0) -> DispatchReport:
        """Send everything due now (and what falls due while sending), then return."""
        deadline = time.monotonic() + timeout
        self.wake()
        while time.monotonic() < deadline:
            progressed = await self.step()
            if not progressed and not self._queue and not self._in_flight:
                due = await self.runtime.in_background(delivery.due_now, self.runtime)
                if not due:
                    break
                self.wake()
                await asyncio.sleep(0.05)
            elif not progressed:
                await self._wait(timeout=0.2)
        await self._finish()
        return self.report

    async def step(self) -> bool:
        """Claim more when the queue runs low, and start every send whose chat is free."""
        claimed = 0
        if len(self._queue) <= self._batch // 2 and time.monotonic() >= self._look_at:
            claimed = await self._refill()
        if time.monotonic() - self._renewed_at > LEASE.total_seconds() / 3:
            self._renewed_at = time.monotonic()
            await self.runtime.in_background(
                delivery.renew, self.runtime, sorted(self._held), worker=self.worker
            )
        started = 0
        now = time.monotonic()
        waiting: list[delivery.Ready] = []
        for ready in self._queue:
            chat = ready.row.chat_id
            free = chat not in self._busy and self._ready_at.get(chat, 0.0) <= now
            if free and len(self._in_flight) < MAX_IN_FLIGHT:
                self._busy.add(chat)
                task = asyncio.create_task(self._send(ready))
                self._in_flight.add(task)
                task.add_done_callback(self._in_flight.discard)
                started += 1
            else:
                waiting.append(ready)
        self._queue = waiting
        return bool(claimed or started)

    async def _refill(self) -> int:
        limit = self._batch - len(self._queue)
        ready, claimed = await self.runtime.in_background(
            delivery.claim_ready, self.runtime, worker=self.worker, limit=limit
        )
        self.report.claimed += claimed
        self.report.cancelled += claimed - len(ready)
        self._held.update(item.row.id for item in ready)
        self._queue.extend(ready)
        if claimed < limit:
            self._look_at = time.monotonic() + IDLE_CHECK
        return claimed

    async def _send(self, ready: delivery.Ready) -> None:
        row = ready.row
        try:
            if row.kind is MessageKind.CHART:
                message = await self._send_chart(row)
            else:
                text, keyboard = render_outbound(ready, self.runtime.today())
                message = await self.bot.send_message(
                    row.chat_id, text, reply_markup=keyboard, rate_limit_args=BULK
                )
        except RetryAfter as exc:
            wait = _seconds(exc.retry_after)
            self._ready_at[row.chat_id] = time.monotonic() + wait
            await self._record(row.id, Outcome.RETRIED, error=str(exc), wait=wait)
        except Forbidden as exc:
            await self._record(row.id, Outcome.UNDELIVERABLE, error=str(exc))
        except BadRequest as exc:
            gone = "chat not found" in str(exc).lower()
            outcome = Outcome.UNDELIVERABLE if gone else Outcome.FAILED
            await self._record(row.id, outcome, error=str(exc))
        except (NetworkError, TelegramError) as exc:  # timeouts and 5xx are NetworkError
            await self._record(row.id, Outcome.RETRIED, error=str(exc))
        except Exception:
            log.exception("sending outbox row %s failed", row.id)
            await self._record(row.id, Outcome.RETRIED, error="internal error")
        else:
            await self._record(row.id, Outcome.SENT, message_id=message.message_id)
        finally:
            self._busy.discard(row.chat_id)
            after = time.monotonic() + PER_CHAT_GAP
            self._ready_at[row.chat_id] = max(self._ready_at.get(row.chat_id, 0.0), after)
            self._held.discard(row.id)
            self._progress.set()

    async def _send_chart(self, row: Claimed) -> Message:
        """The plan's chart under its caption: drawn from the current table at its first send of
        the day, then the picture Telegram already holds is sent again to the plan's others."""
        key = (row.subject_id or 0, self.runtime.today())
        async with self._drawing:  # the plan's other coordinators wait for the first picture
            sent = self._charts.get(key)
            if sent is None:
                table = await self.runtime.in_background(
                    exports.weekly_table, self.runtime, plan_id=key[0]
                )
                if table is None:  # the plan lost its reports since the summary was decided
                    return await self.bot.send_message(row.chat_id, row.text, rate_limit_args=BULK)
                picture = await asyncio.to_thread(to_png, table)  # drawing is CPU work
                message = await self.bot.send_photo(
                    row.chat_id, picture, caption=row.text, rate_limit_args=BULK
                )
                if message.photo:
                    self._charts = {k: v for k, v in self._charts.items() if k[1] == key[1]}
                    self._charts[key] = message.photo[-1].file_id
                return message
        return await self.bot.send_photo(row.chat_id, sent, caption=row.text, rate_limit_args=BULK)

    async def _record(
        self,
        row_id: int,
        outcome: Outcome,
        *,
        error: str = "",
        wait: float | None = None,
        message_id: int = 0,
    ) -> None:
        recorded = await self.runtime.in_background(
            delivery.record_outcome,
            self.runtime,
            row_id,
            outcome,
            error=error,
            wait=timedelta(seconds=wait) if wait is not None else None,
            message_id=message_id,
        )
        self.report.count(row_id, recorded)

    async def _wait(self, *, timeout: float) -> None:
        pending = [t for t in self._ready_at.values() if t > time.monotonic()]
        if self._queue and pending:
            timeout = min(timeout, max(0.01, min(pending) - time.monotonic()))
        self._wake.clear()
        self._progress.clear()
        waiters = [
            asyncio.create_task(self._wake.wait()),
            asyncio.create_task(self._progress.wait()),
        ]
        try:
            await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()

    async def _finish(self) -> None:
        if self._in_flight:
            await asyncio.gather(*self._in_flight, return_exceptions=True)
        if self._queue:
            # Claimed but not started: give them back at once rather than after the lease.
            ids = [r.row.id for r in self._queue]
            self._queue = []
            await self.runtime.in_background(
                delivery.give_back, self.runtime, ids, worker=self.worker
            )
        self._held.clear()


def _dead_here(worker: str) -> bool:
    """True when `worker` names a process of this host that no longer runs."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname()[: len(host)] or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)

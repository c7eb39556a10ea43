"""Telegram's sending limits with two lanes: a person's answer never queues behind bulk sends.

Bulk messages (reminders, notices, digests: the dispatcher marks them with
`rate_limit_args=BULK`) are paced evenly at the overall rate, one every 1/N second rather than
bursts of N. A direct answer takes the next slot at once and pushes the bulk lane back by one slot,
so the total stays within the overall rate while the answer waits for nothing. Group chats keep
Telegram's per-group limit in both lanes. Retries stay with the outbox, which knows what is still
due; only an answer is retried here, once, when Telegram asks for a short wait.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

BULK = "bulk"
ANSWER_RETRY_LIMIT = 5.0  # seconds: an answer waits for Telegram this long at most, once
CHAT_GAP = 1.05  # seconds between two messages to one chat, whichever lane they come from
QUIET_AFTER_ANSWER = 3.0  # bulk messages to a chat wait while its person is talking to the bot…
MAX_DEFER = 30.0  # …but not longer than this


class LaneRateLimiter(BaseRateLimiter[str]):
    """Overall pacing shared by two lanes, answers first; per-group limits for group chats."""

    def __init__(self, per_second: int, group_per_minute: int) -> None:
        self._interval = 1 / per_second
        self._group_period = 60 / group_per_minute
        self._next_slot = 0.0
        self._lock = asyncio.Lock()
        self._groups: dict[int | str, AsyncLimiter] = {}
        self._last_sent: dict[int | str, float] = {}
        self._answered_at: dict[int | str, float] = {}

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: str | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Wait for this request's turn, then make it."""
        chat_id = data.get("chat_id")
        chat = chat_id if isinstance(chat_id, int | str) else None
        group = self._group(chat_id)
        bulk = rate_limit_args == BULK
        await self._chat_ready(chat, bulk=bulk)
        if bulk:
            await self._bulk_slot()
        else:
            self._answer_slot()
        if chat is not None:
            self._last_sent[chat] = time.monotonic()
            if not bulk:
                self._answered_at[chat] = time.monotonic()
        try:
            if group is not None:
                async with group:
                    return await self._call(callback, args, kwargs, rate_limit_args)
            return await self._call(callback, args, kwargs, rate_limit_args)
        finally:
            if chat is not None:  # the gap to the next message counts from here
                self._last_sent[chat] = time.monotonic()

    async def _chat_ready(self, chat: int | str | None, *, bulk: bool) -> None:
        """Wait out the gap since the chat's last message; bulk also waits while the person
        is talking to the bot, so that their next answer finds the chat free."""
        if chat is None:
            return
        started = time.monotonic()
        while True:
            now = time.monotonic()
            ready = self._last_sent.get(chat, float("-inf")) + CHAT_GAP
            if bulk and now - started < MAX_DEFER:
                talking = self._answered_at.get(chat, float("-inf")) + QUIET_AFTER_ANSWER
                ready = max(ready, min(talking, started + MAX_DEFER))
            if now >= ready:
                return
            await asyncio.sleep(ready - now)

    async def _call(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        lane: str | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as exc:
            wait = _seconds(exc.retry_after)
            if lane == BULK or wait > ANSWER_RETRY_LIMIT:
                raise
            await asyncio.sleep(wait)
            return await callback(*args, **kwargs)

    async def _bulk_slot(self) -> None:
        while True:
            async with self._lock:
                now = time.monotonic()
                if now >= self._next_slot:
                    # Keep the cadence when this wake-up came a little late (no drift below the
                    # rate), but never two messages closer than half a slot after a pause.
                    self._next_slot = max(
                        self._next_slot + self._interval, now + self._interval / 2
                    )
                    return
                wait = self._next_slot - now
            await asyncio.sleep(wait)

    def _answer_slot(self) -> None:
        # Answers are few: take the slot now and let the bulk lane wait one slot more.
        self._next_slot = max(self._next_slot, time.monotonic()) + self._interval

    def _group(self, chat_id: Any) -> AsyncLimiter | None:
        is_group = (isinstance(chat_id, int) and chat_id < 0) or (
            isinstance(chat_id, str) and chat_id.startswith("@")
        )
        if not is_group:
            return None
        if chat_id not in self._groups:
            self._groups[chat_id] = AsyncLimiter(1, self._group_period)
        return self._groups[chat_id]


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)

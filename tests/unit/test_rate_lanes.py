"""Two lanes in the rate limiter: a person's answer overtakes the bulk sends queued before it."""

from __future__ import annotations

import asyncio
from typing import Any

from kehoach_bot.telegram.limits import BULK, LaneRateLimiter


async def test_an_answer_goes_before_the_bulk_queued_ahead_of_it() -> None:
    limiter = LaneRateLimiter(per_second=50, group_per_minute=20)
    done: list[str] = []

    def call(name: str) -> Any:
        async def send() -> bool:
            done.append(name)
            return True

        return send

    async def request(name: str, chat: int, lane: str | None) -> None:
        await limiter.process_request(call(name), (), {}, "sendMessage", {"chat_id": chat}, lane)

    bulk = [asyncio.create_task(request(f"bulk-{i}", 100 + i, BULK)) for i in range(20)]
    while len(done) < 3:  # the bulk lane is under way, paced at 50 a second
        await asyncio.sleep(0.005)
    await request("answer", 1, None)  # returns as soon as it is sent
    position = done.index("answer")
    await asyncio.gather(*bulk)
    assert position <= 4, done  # it did not wait behind the sixteen bulk sends still queued
    assert done[-1].startswith("bulk") and len(done) == 21


async def test_bulk_sends_keep_their_order_and_all_go_out() -> None:
    limiter = LaneRateLimiter(per_second=100, group_per_minute=20)
    done: list[int] = []

    def call(i: int) -> Any:
        async def send() -> bool:
            done.append(i)
            return True

        return send

    await asyncio.gather(
        *(
            limiter.process_request(call(i), (), {}, "sendMessage", {"chat_id": i}, BULK)
            for i in range(30)
        )
    )
    assert sorted(done) == list(range(30))


async def test_a_chat_the_person_is_talking_in_gets_no_bulk_in_between() -> None:
    limiter = LaneRateLimiter(per_second=100, group_per_minute=20)
    done: list[str] = []

    def call(name: str) -> Any:
        async def send() -> bool:
            done.append(name)
            return True

        return send

    async def request(name: str, lane: str | None) -> None:
        await limiter.process_request(call(name), (), {}, "sendMessage", {"chat_id": 7}, lane)

    await request("answer-1", None)
    reminder = asyncio.create_task(request("reminder", BULK))  # waits: the person is talking
    await asyncio.sleep(0.05)
    await asyncio.sleep(1.1)  # a second answer, after Telegram's gap for the chat
    await request("answer-2", None)
    await reminder
    assert done == ["answer-1", "answer-2", "reminder"]

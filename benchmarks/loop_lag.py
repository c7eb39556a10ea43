"""Answers first: a person's command is answered quickly while the bot's own tick works.

The national-scale database (5,000 units, about a million occurrences); the bot runs in a process
of its own exactly as `python bot.py run` does, against the fake Bot API enforcing Telegram's
limits. Coordinators send /toi every 200 ms (ten of them, in turn); the time from the update's arrival at the server
to the bot's answer is measured, in two situations: an ordinary tick (3,000 reminders being sent
at 29 a second) and the day's first tick (the daily extension and the digests, then the sends).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, update

from benchmarks.common import NOW, Result, database
from benchmarks.loop_lag_child import TOKEN
from benchmarks.national import COORDINATOR_BASE, build
from kehoach_bot.db.models import Heartbeat
from tests.auxil.fake_telegram import FakeTelegram

UNITS = 5000
SECONDS = 45.0
EVERY = 0.2
ASKERS = 10
TARGET_P99_MS = 200.0
TARGET_MB = 300.0


def _first_of_day(engine: Engine, first: bool) -> None:
    """Mark the day's extension and digests as done (an ordinary tick) or as due (the first)."""
    at = NOW - timedelta(days=1) if first else NOW
    with engine.begin() as conn:
        conn.execute(update(Heartbeat).values(at=at))


async def _commands(fake: FakeTelegram, until: float) -> list[float]:
    """Send /toi every EVERY seconds; the latency of each answer, in ms."""
    latencies: list[float] = []
    turn = 0
    while time.monotonic() < until:
        # Ten coordinators take turns: each chat gets an answer every two seconds, within
        # Telegram's one message a second per chat.
        user = COORDINATOR_BASE + turn % ASKERS
        turn += 1
        sent = time.monotonic()
        fake.send_text(user, "/toi", name="Đầu mối")
        call = await fake.wait_for(
            lambda c, user=user, sent=sent: (
                c.at > sent
                and c.method == "sendMessage"
                and int(c.params.get("chat_id", 0)) == user
                and str(c.params.get("text", "")).startswith("Bạn:")
            ),
            timeout=30,
        )
        latencies.append(1000 * (call.at - sent))
        await asyncio.sleep(max(0.0, sent + EVERY - time.monotonic()))
    return latencies


def _measure(url: str, first: bool, engine: Engine) -> dict[str, Any]:
    _first_of_day(engine, first)
    fake = FakeTelegram(TOKEN, enforce_limits=True)
    fake.start()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.loop_lag_child", url, fake.base_url, str(SECONDS)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        latencies = asyncio.run(_commands(fake, time.monotonic() + SECONDS - 3))
        numbers = json.loads(child.stdout.read().strip().splitlines()[-1])
        child.wait(60)
        askers = range(COORDINATOR_BASE, COORDINATOR_BASE + ASKERS)
        bulk = len([c for c in fake.sent() if int(c.params["chat_id"]) not in askers])
    finally:
        fake.stop()
    latencies.sort()
    return {
        "answer_p50_ms": round(latencies[len(latencies) // 2], 1),
        "answer_p99_ms": round(latencies[int(len(latencies) * 0.99)], 1),
        "answer_max_ms": round(latencies[-1], 1),
        "answers": len(latencies),
        "bulk_sent_meanwhile": bulk,
        "chat_limit_violations": fake.violations["chat"],
        **numbers,
    }


def run() -> Result:
    """Build once, measure both situations on SQLite."""
    with database("sqlite") as (url, engine):
        made = build(engine, UNITS)
        ordinary = _measure(url, False, engine)
        first = _measure(url, True, engine)
    numbers = {f"ordinary_{k}": v for k, v in ordinary.items()}
    numbers |= {f"first_tick_{k}": v for k, v in first.items()}
    numbers |= {"occurrences": made["occurrences"]}
    met = all(
        n["answer_p99_ms"] <= TARGET_P99_MS and n["peak_rss_mb"] < TARGET_MB
        for n in (ordinary, first)
    )
    return Result(
        name="loop_lag",
        setup=f"{made['occurrences']:,} kỳ báo cáo, {UNITS:,} đơn vị; bot chạy như `bot.py run` "
        f"(Application, JobQueue, bộ gửi) trong tiến trình riêng, Bot API giả áp giới hạn Telegram; "
        f"một đầu mối gửi /toi mỗi {int(EVERY * 1000)} ms trong {int(SECONDS)} giây; SQLite",
        numbers=numbers,
        target=f"trả lời p99 <= {TARGET_P99_MS:.0f} ms khi tick thường và tick đầu ngày chạy; "
        f"tiến trình < {TARGET_MB:.0f} MB",
        met=met,
    )

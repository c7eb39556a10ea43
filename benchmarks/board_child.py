"""The board server inside the bot's process, with the bot's tick running at the same time.

Usage: python -m benchmarks.board_child DATABASE_URL SECONDS — starts `BoardServer` on the event
loop as the bot's start-up does (`telegram/app._post_init`), runs `jobs.tick.run_tick` back to
back (a tick every second, where the bot runs one every 30 s) and has an officer answer «Đã nộp»
every second through the bot's own service (so the pages the board keeps are made again after
each answer), prints "ready PORT", serves for SECONDS, then prints one JSON line: the ticks
run, the answers written and the process's peak memory.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from benchmarks.common import NOW, peak_rss_mb
from jobs.tick import run_tick
from kehoach_bot.board.server import BoardServer
from kehoach_bot.config import BoardSettings, Settings, TelegramSettings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.db.models import Membership, Occurrence, Person
from kehoach_bot.domain.stored import ReplyKind
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import answers

TOKEN = "1:BOARD-BENCH"
ADMIN = 777


def settings(url: str, data_dir: Path) -> Settings:
    """The benchmark's settings: the board on, one admin."""
    return Settings(
        database_url=url,
        data_dir=data_dir,
        telegram=TelegramSettings(token=TOKEN, admins=(ADMIN,)),
        board=BoardSettings(enabled=True, host="127.0.0.1", port=0),
    )


async def ticks(runtime: Runtime, until: float) -> int:
    """Run the bot's tick once a second until `until`; how many ran."""
    done = 0
    while time.monotonic() < until:
        started = time.monotonic()
        await run_tick(runtime)
        done += 1
        await asyncio.sleep(max(0.0, started + 1.0 - time.monotonic()))
    return done


async def answers_every_second(runtime: Runtime, until: float) -> int:
    """An officer answers one open report a second, as the bot's handler does; how many."""
    with runtime.transaction() as session:
        waiting = session.exec(
            select(Occurrence.id, Person.telegram_user_id)
            .join(Membership, col(Membership.unit_id) == col(Occurrence.unit_id))
            .join(Person, col(Person.id) == col(Membership.person_id))
            .where(col(Occurrence.state) == "open")
            .order_by(col(Occurrence.id))
        ).all()
    done = 0
    for occurrence_id, user_id in waiting:
        if time.monotonic() >= until:
            break
        started = time.monotonic()
        await runtime.answer(
            answers.answer,
            runtime,
            user_id=user_id,
            occurrence_id=occurrence_id,
            kind=ReplyKind.SUBMITTED,
        )
        done += 1
        await asyncio.sleep(max(0.0, started + 1.0 - time.monotonic()))
    return done


async def run(url: str, seconds: float) -> dict[str, Any]:
    """Serve the board for `seconds` while the tick runs."""
    offset = NOW - datetime.now(UTC)
    with tempfile.TemporaryDirectory() as data_dir:
        runtime = Runtime(
            settings(url, Path(data_dir)),
            make_engine(url),
            lambda: datetime.now(UTC) + offset,
        )
        server = BoardServer(runtime)
        await server.start(port=0)
        print(f"ready {server.port}", flush=True)
        until = time.monotonic() + seconds
        ran, answered = await asyncio.gather(
            ticks(runtime, until), answers_every_second(runtime, until)
        )
        await server.stop()
        runtime.close()
    return {"ticks": ran, "answers": answered, "peak_rss_mb": round(peak_rss_mb(), 1)}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(run(sys.argv[1], float(sys.argv[2])))), flush=True)

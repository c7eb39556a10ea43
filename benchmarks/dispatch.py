"""Dispatch: 3,000 reminders to 1,000 chats through the real PTB Bot and our dispatcher, against a
fake Bot API on 127.0.0.1 that enforces Telegram's limits (30/s overall, 1/s per chat)."""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, func, insert, select
from sqlmodel import col

from benchmarks.common import NOW, Result, database, insert_skeleton
from jobs.schedule import schedule_jobs
from kehoach_bot.config import ReminderSettings, Settings, TelegramSettings
from kehoach_bot.db import migrate
from kehoach_bot.db.models import (
    Occurrence,
    Outbox,
)
from kehoach_bot.domain.working_days import add_working_days
from kehoach_bot.runtime import Runtime
from kehoach_bot.telegram.app import build_application
from tests.auxil.fake_telegram import FakeTelegram

CHATS = 1000
PER_CHAT = 3
TOKEN = "1:BENCH"
TARGET_RATE = 28.0


def build(engine: Engine, today: datetime, chats: int = CHATS) -> None:
    """Units with one officer each and three reminders due today per unit."""
    migrate.upgrade(engine)
    day = today.date()
    with engine.begin() as conn:
        insert_skeleton(conn, obligations=PER_CHAT, units=chats, chat_base=50_000)
        rows = []
        for u in range(chats):
            for i, lead in enumerate((0, 1, 3)):  # stages truoc-0, truoc-1, truoc-3 all fall today
                last = add_working_days(day, lead)
                rows.append(
                    {
                        "obligation_id": i + 1,
                        "unit_id": u + 1,
                        "period_key": "2026",
                        "period_label": "năm 2026",
                        "due_date": last,
                        "wording": "cham_nhat",
                        "last_day": last,
                        "remind_by": last,
                        "state": "open",
                        "created_at": NOW,
                        "updated_at": NOW,
                    }
                )
        conn.execute(insert(Occurrence), rows)


async def _run(url: str, engine: Engine, data_dir: Path) -> dict[str, float | int]:
    """Run the bot as production does (Application, JobQueue tick, dispatcher task) until the
    outbox is empty; the clock is real time moved to a working morning."""
    fake = FakeTelegram(TOKEN, enforce_limits=True)
    fake.start()
    settings = Settings(
        database_url=url,
        data_dir=data_dir,
        telegram=TelegramSettings(token=TOKEN, base_url=fake.base_url),
        reminders=ReminderSettings(overall_per_second=29, tick_seconds=30),
    )
    offset = NOW - datetime.now(UTC)
    runtime = Runtime(settings, engine, lambda: datetime.now(UTC) + offset)
    application = build_application(runtime)
    schedule_jobs(application)
    expected = CHATS * PER_CHAT
    try:
        async with application:
            await application.start()
            deadline = time.monotonic() + 600
            while time.monotonic() < deadline:
                await asyncio.sleep(0.5)
                with engine.connect() as conn:
                    done = conn.execute(
                        select(func.count()).where(col(Outbox.status) == "sent")
                    ).scalar_one()
                if done >= expected:
                    break
            await application.stop()
    finally:
        fake.stop()
        runtime.close()
    sent_calls = fake.sent()
    per_message = Counter((c.params["chat_id"], c.params["text"]) for c in sent_calls)
    with engine.connect() as conn:
        statuses = Counter(s for (s,) in conn.execute(select(col(Outbox.status))).all())
    elapsed = sent_calls[-1].at - sent_calls[0].at if len(sent_calls) > 1 else float("nan")
    return {
        "enqueued": sum(statuses.values()),
        "sent": len(sent_calls),
        "seconds": round(elapsed, 1),
        "messages_per_second": round((len(sent_calls) - 1) / elapsed, 1),
        "chat_limit_violations": fake.violations["chat"],
        "overall_limit_violations": fake.violations["overall"],
        "duplicates": sum(n - 1 for n in per_message.values() if n > 1),
        "lost": expected - statuses.get("sent", 0),
    }


def run() -> Result:
    """Measure on SQLite."""
    with database("sqlite") as (url, engine), tempfile.TemporaryDirectory() as data_dir:
        build(engine, NOW.astimezone(Settings().tz))
        numbers = asyncio.run(_run(url, engine, Path(data_dir)))
    met = (
        numbers["messages_per_second"] >= TARGET_RATE
        and numbers["chat_limit_violations"] == 0
        and numbers["duplicates"] == 0
        and numbers["lost"] == 0
        and numbers["sent"] == CHATS * PER_CHAT
    )
    return Result(
        name="dispatch",
        setup=f"{CHATS * PER_CHAT:,} lời nhắc tới {CHATS:,} người (3 mỗi người), bot PTB thật qua HTTP tới máy chủ Bot API giả "
        "trên 127.0.0.1 áp giới hạn của Telegram (30 tin/giây, 1 tin/giây mỗi người); giới hạn tổng của bot 29/giây (đều đặn, không dồn cục), qua vòng tick và bộ gửi của chính bot (Application, JobQueue); SQLite",
        numbers=numbers,
        target=f">= {TARGET_RATE:.0f} tin/giây, 0 vi phạm giới hạn mỗi người, 0 trùng, 0 mất",
        met=met,
    )

"""Recovery: a real `python bot.py run` killed with SIGKILL mid-burst, then started again.

600 messages to 200 chats wait in the outbox; the bot is killed after about 200 have gone out,
started again, and timed until the last one arrives: nothing may be lost, and no more may arrive
twice than were in flight at the kill. SQLite, against the fake Bot API enforcing Telegram's limits.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select
from sqlmodel import col

from benchmarks.common import Result, database
from kehoach_bot.config import Settings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.db.models import Outbox
from kehoach_bot.domain.stored import DeliveryStatus, MessageKind
from kehoach_bot.services.bootstrap import prepare_database
from tests.auxil.fake_telegram import FakeTelegram

TOKEN = "1:RECOVERY"
CHATS = 200
PER_CHAT = 3
KILL_AFTER = 200
TARGET_SECONDS = 60.0


def _statuses(url: str) -> Counter[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return Counter(s for (s,) in conn.execute(select(col(Outbox.status))).all())
    finally:
        engine.dispose()


def _queue(url: str, data_dir: Path) -> None:
    engine = make_engine(url)
    now = datetime.now(UTC)
    prepare_database(engine, Settings(database_url=url, data_dir=data_dir), now)
    with engine.begin() as conn:
        conn.execute(
            insert(Outbox),
            [
                {
                    "dedupe_key": f"rec:{chat}:{n}",
                    "chat_id": 80_000 + chat,
                    "stage": "thu",
                    "kind": MessageKind.DIGEST.value,
                    "text": f"Tin {n} cho {chat}",
                    "status": DeliveryStatus.PENDING.value,
                    "attempts": 0,
                    "next_attempt_at": now - timedelta(minutes=1),
                    "last_error": "",
                    "claimed_by": "",
                    "created_at": now,
                }
                for chat in range(CHATS)
                for n in range(PER_CHAT)
            ],
        )
    engine.dispose()


def _start(config: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "bot.py", "--config", str(config), "run"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=Path(__file__).resolve().parents[1],
    )


def run() -> Result:
    """Kill, restart, time the recovery."""
    total = CHATS * PER_CHAT
    with database("sqlite") as (url, engine), tempfile.TemporaryDirectory() as folder:
        engine.dispose()
        data_dir = Path(folder) / "data"
        _queue(url, data_dir)
        fake = FakeTelegram(TOKEN, enforce_limits=True)
        fake.start()
        config = Path(folder) / "config.toml"
        config.write_text(
            f'[app]\ndata_dir = "{data_dir}"\n[database]\nurl = "{url}"\n'
            f'[telegram]\ntoken = "{TOKEN}"\nbase_url = "{fake.base_url}"\n',
            encoding="utf-8",
        )
        try:
            first = _start(config)
            deadline = time.monotonic() + 120
            while len(fake.sent()) < KILL_AFTER and time.monotonic() < deadline:
                time.sleep(0.01)
            os.kill(first.pid, signal.SIGKILL)
            first.wait(10)
            at_kill = _statuses(url)
            restarted = time.monotonic()
            before = len(fake.sent())
            second = _start(config)
            deadline = restarted + 300
            while _statuses(url)[DeliveryStatus.SENT] < total and time.monotonic() < deadline:
                time.sleep(0.1)
            recovered = time.monotonic() - restarted
            resumed = next((c.at for c in fake.sent()[before:]), restarted + recovered) - restarted
            second.send_signal(signal.SIGTERM)
            second.wait(60)
        finally:
            fake.stop()
        final = _statuses(url)
    delivered = Counter((c.params["chat_id"], c.params["text"]) for c in fake.sent())
    numbers = {
        "messages": total,
        "sent_before_kill": at_kill[DeliveryStatus.SENT],
        "in_flight_at_kill": at_kill[DeliveryStatus.SENDING],
        "seconds_from_restart_to_first_send": round(resumed, 1),
        "seconds_from_restart_to_all_delivered": round(recovered, 1),
        "lost": total - len(delivered),
        "duplicates": sum(n - 1 for n in delivered.values()),
        "chat_limit_violations": fake.violations["chat"],
        "sent_in_database": final[DeliveryStatus.SENT],
    }
    met = (
        recovered <= TARGET_SECONDS
        and numbers["lost"] == 0
        and numbers["duplicates"] <= numbers["in_flight_at_kill"]
    )
    return Result(
        name="recovery",
        setup=f"{total:,} tin tới {CHATS:,} người trong outbox; `python bot.py run` bị SIGKILL sau "
        f"khoảng {KILL_AFTER} tin rồi chạy lại; Bot API giả áp giới hạn Telegram; SQLite",
        numbers=numbers,
        target=f"mọi tin đến nơi trong {TARGET_SECONDS:.0f} giây kể từ khi chạy lại; 0 mất; "
        "trùng không quá số tin đang gửi dở",
        met=met,
    )

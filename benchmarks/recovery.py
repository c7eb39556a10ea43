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
from pathlib import Path

from benchmarks.common import Result, database
from kehoach_bot.domain.stored import DeliveryStatus
from tests.auxil.fake_telegram import FakeTelegram
from tests.auxil.outbox_load import queue_messages, statuses

TOKEN = "1:RECOVERY"
CHATS = 200
PER_CHAT = 3
KILL_AFTER = 200
TARGET_SECONDS = 60.0


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
        queue_messages(url, data_dir, chats=CHATS, per_chat=PER_CHAT)
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
            at_kill = statuses(url)
            restarted = time.monotonic()
            before = len(fake.sent())
            second = _start(config)
            deadline = restarted + 300
            while statuses(url)[DeliveryStatus.SENT] < total and time.monotonic() < deadline:
                time.sleep(0.1)
            recovered = time.monotonic() - restarted
            resumed = next((c.at for c in fake.sent()[before:]), restarted + recovered) - restarted
            second.send_signal(signal.SIGTERM)
            second.wait(60)
        finally:
            fake.stop()
        final = statuses(url)
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

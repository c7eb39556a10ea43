"""Kill a real `python bot.py run` with SIGKILL mid-burst and start it again: everything pending
arrives within a minute of the restart, nothing is lost, and only rows in flight at the kill may
arrive twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import select
from sqlmodel import col

from kehoach_bot.db.engine import make_engine
from kehoach_bot.db.models import Heartbeat
from kehoach_bot.domain.stored import DeliveryStatus
from tests.auxil.fake_telegram import FakeTelegram
from tests.auxil.outbox_load import queue_messages, statuses

TOKEN = "1:CRASH"
CHATS = 60  # three messages each: 180 at 20/s
PER_CHAT = 3
RECOVERY = 60.0  # seconds from the restart until everything pending was delivered


def start(config: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "bot.py", "--config", str(config), "run"],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=Path(__file__).resolve().parents[2],
        )


def test_sigkill_mid_burst_then_restart(empty_url: str, tmp_path: Path) -> None:
    url, data_dir = empty_url, tmp_path / "data"
    queue_messages(url, data_dir, chats=CHATS, per_chat=PER_CHAT)
    fake = FakeTelegram(TOKEN)
    fake.start()
    config = tmp_path / "config.toml"
    config.write_text(
        f'[app]\ndata_dir = "{data_dir}"\n[database]\nurl = "{url}"\n'
        f'[telegram]\ntoken = "{TOKEN}"\nbase_url = "{fake.base_url}"\n'
        "[reminders]\noverall_per_second = 20\n",
        encoding="utf-8",
    )
    log = tmp_path / "bot.log"
    total = CHATS * PER_CHAT
    try:
        first = start(config, log)
        deadline = time.monotonic() + 60
        while len(fake.sent()) < 40 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
        at_kill = statuses(url)
        in_flight = at_kill[DeliveryStatus.SENDING]
        assert 0 < at_kill[DeliveryStatus.SENT] < total, (at_kill, log.read_text())
        restarted = time.monotonic()
        second = start(config, log)
        deadline = restarted + RECOVERY
        while statuses(url)[DeliveryStatus.SENT] < total and time.monotonic() < deadline:
            time.sleep(0.2)
        recovered_in = time.monotonic() - restarted
        second.send_signal(signal.SIGTERM)  # a normal stop: finish in flight, release the rest
        second.wait(30)
    finally:
        fake.stop()
    final = statuses(url)
    assert final[DeliveryStatus.SENT] == total, (final, log.read_text()[-3000:])
    assert recovered_in < RECOVERY
    delivered = Counter((c.params["chat_id"], c.params["text"]) for c in fake.sent())
    assert len(delivered) == total  # every message arrived
    duplicates = sum(n - 1 for n in delivered.values())
    assert duplicates <= in_flight, (duplicates, in_flight)
    assert TOKEN not in log.read_text()  # the token never reaches the log
    # The JobQueue ran the tick in the real process: its heartbeat is there.
    engine = make_engine(url)
    with engine.connect() as conn:
        ticks = conn.execute(select(col(Heartbeat.name)).where(col(Heartbeat.name) == "tick"))
        assert ticks.first() is not None
    engine.dispose()

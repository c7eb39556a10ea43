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
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select
from sqlmodel import col

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.db.models import Heartbeat, Outbox
from kehoach_bot.domain.stored import DeliveryStatus, MessageKind
from kehoach_bot.services.bootstrap import prepare_database
from tests.auxil.fake_telegram import FakeTelegram

TOKEN = "1:CRASH"
CHATS = 60  # three messages each: 180 at 20/s
PER_CHAT = 3
RECOVERY = 60.0  # seconds from the restart until everything pending was delivered


def statuses(url: str) -> Counter[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return Counter(s for (s,) in conn.execute(select(col(Outbox.status))).all())
    finally:
        engine.dispose()


def queue_messages(url: str, data_dir: Path) -> None:
    """A migrated, seeded database with 180 ready messages in the outbox."""
    engine = make_engine(url)
    now = datetime.now(UTC)
    prepare_database(engine, Settings(database_url=url, data_dir=data_dir), now)
    rows = [
        {
            "dedupe_key": f"crash:{chat}:{n}",
            "chat_id": 70_000 + chat,
            "stage": "thu",
            "kind": MessageKind.DIGEST.value,
            "text": f"Tin thử {n} cho {chat}",
            "status": DeliveryStatus.PENDING.value,
            "attempts": 0,
            "next_attempt_at": now - timedelta(minutes=1),
            "last_error": "",
            "claimed_by": "",
            "created_at": now,
        }
        for chat in range(CHATS)
        for n in range(PER_CHAT)
    ]
    with engine.begin() as conn:
        conn.execute(insert(Outbox), rows)
    engine.dispose()


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
    queue_messages(url, data_dir)
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

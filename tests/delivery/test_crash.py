"""Kill the sending process with SIGKILL mid-batch, start another: nothing is lost, and only
rows that were in flight at the kill may go out twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlmodel import col

from benchmarks.common import NOW
from benchmarks.dispatch import build
from kehoach_bot.config import Settings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.db.models import Outbox
from kehoach_bot.services.outbox import STALE_CLAIM
from tests.auxil.dispatcher_process import TOKEN
from tests.auxil.fake_telegram import FakeTelegram

CHATS = 60  # three reminders each: 180 messages at 20/s take about nine seconds


def start(url: str, fake: FakeTelegram, offset: float) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.auxil.dispatcher_process", url, fake.base_url, str(offset)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process


def statuses(url: str) -> Counter[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return Counter(s for (s,) in conn.execute(select(col(Outbox.status))).all())
    finally:
        engine.dispose()


def test_sigkill_mid_batch_then_restart(empty_url: str) -> None:
    url = empty_url
    engine = make_engine(url)
    build(engine, NOW.astimezone(Settings().tz), chats=CHATS)
    engine.dispose()
    fake = FakeTelegram(TOKEN)
    fake.start()
    offset = (NOW - datetime.now(UTC)).total_seconds()
    try:
        first = start(url, fake, offset)
        deadline = time.monotonic() + 30
        while len(fake.sent()) < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
        at_kill = statuses(url)
        in_flight = at_kill["sending"]
        sent_before = len(fake.sent())
        assert 0 < sent_before < 3 * CHATS, "the kill must land mid-batch"
        # The next start comes after the stale-claim delay, as after a real restart.
        second = start(url, fake, offset + STALE_CLAIM.total_seconds() + 60)
        deadline = time.monotonic() + 60
        while statuses(url)["sent"] < 3 * CHATS and time.monotonic() < deadline:
            time.sleep(0.2)
        second.send_signal(signal.SIGKILL)
        second.wait(10)
    finally:
        fake.stop()
    final = statuses(url)
    assert final["sent"] == 3 * CHATS, final
    delivered = Counter((c.params["chat_id"], c.params["text"]) for c in fake.sent())
    assert len(delivered) == 3 * CHATS  # every reminder arrived
    duplicates = sum(n - 1 for n in delivered.values())
    assert duplicates <= in_flight, (duplicates, in_flight)

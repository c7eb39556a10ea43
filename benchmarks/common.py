"""Shared pieces: a fresh database per benchmark, the clock reading, process memory, a measured
step run in a fresh process."""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, insert, text
from sqlalchemy.engine import make_url

from kehoach_bot.db.engine import make_engine
from kehoach_bot.db.models import Heartbeat, Membership, Obligation, Person, Plan, Unit

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)  # Wednesday 09:00 in Hà Nội


@dataclass
class Result:
    """One benchmark's numbers, its setup, and whether the target was met."""

    name: str
    setup: str
    numbers: dict[str, Any]
    target: str
    met: bool
    notes: list[str] = field(default_factory=list)


def machine() -> str:
    """What the numbers were measured on."""
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} nhân, Python {platform.python_version()}"


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB.

    Read from /proc (VmHWM): getrusage's maximum is inherited from the parent across fork and
    exec, which would charge the database builder's memory to the measured process.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(module: str, *args: str) -> dict[str, Any]:
    """Run `python -m module args` in a fresh process; the JSON of its last line of output."""
    output = subprocess.run(
        [sys.executable, "-m", module, *args], check=True, capture_output=True, text=True
    )
    return dict(json.loads(output.stdout.strip().splitlines()[-1]))


@contextmanager
def built_sqlite(build: Callable[[Engine], int]) -> Iterator[tuple[str, dict[str, Any]]]:
    """A new SQLite file filled by `build`; its URL and the numbers so far (rows, build time).

    The builder's engine is disposed before the measured processes open the file.
    """
    with database("sqlite") as (url, engine):
        started = time.perf_counter()
        numbers: dict[str, Any] = {"reports": build(engine)}
        numbers["build_seconds"] = round(time.perf_counter() - started, 1)
        engine.dispose()
        yield url, numbers


@contextmanager
def database(backend: str) -> Iterator[tuple[str, Engine]]:
    """A new empty database: an SQLite file, or a PostgreSQL database on the test server."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{folder}/bench.db"
            engine = make_engine(url)
            try:
                yield url, engine
            finally:
                engine.dispose()
        return
    admin_url = os.environ["KEHOACH_TEST_POSTGRES_URL"]
    name = f"kb_bench_{os.getpid()}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    try:
        yield url, engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def insert_skeleton(conn: Connection, *, obligations: int, units: int, chat_base: int) -> None:
    """A plan with `obligations` yearly obligations, and `units` units with one officer each
    (Telegram chat ids from `chat_base`); the daily synchronisation is marked as done, so that the
    hand-made occurrences a benchmark adds are left as they are."""
    conn.execute(
        insert(Plan),
        [
            {
                "code": "p",
                "title": "Kế hoạch thử tải",
                "number": "",
                "locality": "",
                "source_file": "",
                "content_hash": "",
                "version": 1,
                "loaded_at": NOW,
                "valid_from": date(2017, 1, 1),
            }
        ],
    )
    conn.execute(
        insert(Obligation),
        [
            {
                "plan_id": 1,
                "code": f"bc-{i}",
                "title": f"Báo cáo {i}",
                "report_kind": "dinh_ky",
                "schedule": {"type": "yearly", "month": 1 + i % 12, "day": 15},
                "wording": "truoc_ngay",
                "quote": "…",
                "needs_review": False,
                "review_note": "",
                "active": True,
            }
            for i in range(obligations)
        ],
    )
    conn.execute(
        insert(Unit),
        [
            {
                "code": f"U{u:05d}",
                "name": f"Đơn vị {u}",
                "short_name": "",
                "kind": "ubnd_xa",
                "locality": f"tinh-{u % 34}",
                "is_group": False,
                "active": True,
                "created_at": NOW,
            }
            for u in range(units)
        ],
    )
    conn.execute(
        insert(Person),
        [
            {
                "telegram_user_id": chat_base + u,
                "chat_id": chat_base + u,
                "full_name": "Cán bộ",
                "active": True,
                "created_at": NOW,
            }
            for u in range(units)
        ],
    )
    conn.execute(
        insert(Membership),
        [
            {"person_id": u + 1, "unit_id": u + 1, "role": "officer", "created_at": NOW}
            for u in range(units)
        ],
    )
    conn.execute(insert(Heartbeat), [{"name": "sync", "at": NOW, "info": {}}])

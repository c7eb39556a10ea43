"""Shared pieces: a fresh database per benchmark, the clock reading, process memory."""

from __future__ import annotations

import os
import platform
import resource
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from kehoach_bot.db.engine import make_engine

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

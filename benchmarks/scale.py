"""Tick at national scale: 1,000,000 occurrences of 5,000 units; one tick's decision and enqueue.

The database is built here; the tick runs in a separate process so that its peak memory is the
bot's, not the builder's.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, text

from benchmarks.common import NOW, Result, database, insert_skeleton, run_child
from kehoach_bot.config import Settings
from kehoach_bot.db import migrate
from kehoach_bot.db.models import (
    Occurrence,
)
from kehoach_bot.domain.working_days import add_working_days

UNITS = 5000
OBLIGATIONS = 20
YEARS = 10  # 2017–2026: 20 obligations × 10 years × 5,000 units = 1,000,000 occurrences
DUE_TODAY = 5000
TARGET_SECONDS = 1.0
TARGET_MB = 150.0


def build(engine: Engine) -> int:
    """Fill an empty database; returns the number of occurrences."""
    migrate.upgrade(engine)
    today = NOW.astimezone(Settings().tz).date()
    with engine.begin() as conn:
        insert_skeleton(conn, obligations=OBLIGATIONS, units=UNITS, chat_base=10_000_000)
    due_soon = add_working_days(today, 3)
    total = 0
    with engine.begin() as conn:
        for year in range(2017, 2017 + YEARS):
            rows: list[dict[str, Any]] = []
            for unit in range(UNITS):
                for obligation in range(OBLIGATIONS):
                    due = date(year, 1 + obligation % 12, 15)
                    current = year == today.year
                    is_due_today = current and obligation == 0 and unit < DUE_TODAY
                    last_day = due_soon if is_due_today else due - timedelta(days=1)
                    open_ = is_due_today or (current and due > today) or (unit % 50 == 0)
                    rows.append(
                        {
                            "obligation_id": obligation + 1,
                            "unit_id": unit + 1,
                            "period_key": str(year),
                            "period_label": f"năm {year}",
                            "due_date": due,
                            "wording": "truoc_ngay",
                            "last_day": last_day,
                            "remind_by": last_day,
                            "state": "open" if open_ else "done",
                            "submitted_at": None if open_ else datetime(year, 1, 1, tzinfo=UTC),
                            "next_remind_on": today
                            if is_due_today
                            else (today + timedelta(days=30) if open_ else None),
                            "created_at": NOW,
                            "updated_at": NOW,
                        }
                    )
            for start in range(0, len(rows), 20_000):
                conn.execute(insert(Occurrence), rows[start : start + 20_000])
            total += len(rows)
    with engine.connect() as conn:  # as autovacuum would after a load this size
        conn.execute(text("ANALYZE"))
        conn.commit()
    return total


def measure(url: str, *mode: str) -> dict[str, Any]:
    """Run one production step of the tick in a fresh process: time and peak memory."""
    return run_child("benchmarks.tick_process", url, *mode)


def run(backend: str) -> Result:
    """Build, then measure on one backend."""
    with database(backend) as (url, engine):
        started = time.perf_counter()
        total = build(engine)
        built = time.perf_counter() - started
        engine.dispose()
        numbers = measure(url, "tick")
    numbers.update({"occurrences": total, "units": UNITS, "build_seconds": round(built, 1)})
    met = numbers["tick_seconds"] <= TARGET_SECONDS and numbers["tick_peak_rss_mb"] < TARGET_MB
    return Result(
        name=f"tick_{backend}",
        setup=f"{total:,} kỳ báo cáo, {UNITS:,} đơn vị (34 tỉnh), 10 năm; {DUE_TODAY:,} lời nhắc đến hạn "
        f"trong tick; mỗi đơn vị một cán bộ; {backend}",
        numbers=numbers,
        target=f"quyết định + đưa vào outbox <= {TARGET_SECONDS:.0f} giây, tiến trình < {TARGET_MB:.0f} MB",
        met=met,
    )

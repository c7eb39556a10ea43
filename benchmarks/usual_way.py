"""Against the usual way: 100,000 future reminders as one APScheduler job each in a
SQLAlchemyJobStore, versus our occurrences and tick, on the same kind of database (SQLite).

Each side starts in a fresh process, as a bot does after a restart; we measure the time until the
due reminders are decided and the process's peak memory.
"""

from __future__ import annotations

import tempfile
import time
from datetime import timedelta

from sqlalchemy import insert

from benchmarks.common import NOW, Result, insert_skeleton, run_child
from kehoach_bot.config import Settings
from kehoach_bot.db import migrate
from kehoach_bot.db.engine import make_engine
from kehoach_bot.db.models import Occurrence
from kehoach_bot.domain.working_days import add_working_days

REMINDERS = 100_000
DUE = 1_000
UNITS = 1_000


def fill_ours(url: str) -> None:
    """100,000 open occurrences of 1,000 units, 1,000 of them with a reminder due now."""
    engine = make_engine(url)
    migrate.upgrade(engine)
    today = NOW.astimezone(Settings().tz).date()
    soon = add_working_days(today, 3)
    with engine.begin() as conn:
        insert_skeleton(conn, obligations=REMINDERS // UNITS, units=UNITS, chat_base=70_000)
        rows = []
        for n in range(REMINDERS):
            due_now = n < DUE
            last = soon if due_now else today + timedelta(days=30 + n % 300)
            rows.append(
                {
                    "obligation_id": n // UNITS + 1,
                    "unit_id": n % UNITS + 1,
                    "period_key": "2026",
                    "period_label": "năm 2026",
                    "due_date": last,
                    "wording": "truoc_ngay",
                    "last_day": last,
                    "remind_by": last,
                    "state": "open",
                    "created_at": NOW,
                    "updated_at": NOW,
                    "next_remind_on": today if due_now else last - timedelta(days=10),
                }
            )
        conn.execute(insert(Occurrence), rows)
    engine.dispose()


def fill_usual(url: str) -> float:
    """The same reminders as APScheduler date jobs in its SQLAlchemy job store; returns seconds."""
    return float(run_child("benchmarks.usual_way_child", "fill", url)["seconds"])


def run() -> Result:
    """Fill both, then start each in a fresh process."""
    with tempfile.TemporaryDirectory() as folder:
        ours_url = f"sqlite:///{folder}/ours.db"
        usual_url = f"sqlite:///{folder}/usual.db"
        started = time.perf_counter()
        fill_ours(ours_url)
        ours_fill = time.perf_counter() - started
        usual_fill = fill_usual(usual_url)
        ours = run_child("benchmarks.usual_way_child", "ours", ours_url)
        usual = run_child("benchmarks.usual_way_child", "start", usual_url)
    numbers = {
        "reminders": REMINDERS,
        "due_now": DUE,
        "ours_fill_seconds": round(ours_fill, 1),
        "usual_fill_seconds": round(usual_fill, 1),
        "ours_start_seconds": ours["seconds"],
        "usual_start_seconds": usual["seconds"],
        "ours_peak_rss_mb": ours["peak_rss_mb"],
        "usual_peak_rss_mb": usual["peak_rss_mb"],
        "start_time_ratio_usual_over_ours": round(usual["seconds"] / max(ours["seconds"], 1e-6), 1),
        "memory_ratio_usual_over_ours": round(
            usual["peak_rss_mb"] / max(ours["peak_rss_mb"], 1e-6), 2
        ),
        "ours_enqueued": ours["enqueued"],
        "usual_ran": usual["ran"],
    }
    return Result(
        name="usual_way",
        setup=f"{REMINDERS:,} lời nhắc tương lai ({DUE:,} đến hạn ngay): một job APScheduler 3 (DateTrigger) mỗi lời nhắc "
        "trong SQLAlchemyJobStore, so với kỳ báo cáo + tick của ta; cả hai trên SQLite; mỗi bên khởi động trong "
        "một tiến trình mới như sau khi bot khởi động lại, đo đến khi các lời nhắc đến hạn đã được quyết định",
        numbers=numbers,
        target="đo và so sánh trong cùng một lần chạy (tỉ lệ)",
        met=ours["enqueued"] == DUE and usual["ran"] == DUE,
    )

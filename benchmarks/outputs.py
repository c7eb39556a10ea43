"""Coordinators' outputs at scale: a plan of 1,000 units × 10 periods (10,000 reports, most with a
note and a file) exported as the Excel table, the chart and the synthesis report.

Each output runs in a fresh process (`benchmarks.outputs_child`) through the same service and writer
the bot and `python bot.py export|chart|synthesis` run, so its time and peak memory are its own.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, select, text

from benchmarks.common import NOW, Result, built_sqlite, insert_skeleton, run_child
from kehoach_bot.db import migrate
from kehoach_bot.db.models import Occurrence, Reply

UNITS = 1000
PERIODS = 10  # yearly reports 2017–2026
FIRST_YEAR = 2017
TARGET_SECONDS = 5.0
MODES = ("xlsx", "chart", "docx")


def build(engine: Engine) -> int:
    """One plan, one yearly report, 1,000 units, ten years; returns the number of reports."""
    migrate.upgrade(engine)
    with engine.begin() as conn:
        insert_skeleton(conn, obligations=1, units=UNITS, chat_base=20_000_000)
        rows: list[dict[str, Any]] = []
        for year in range(FIRST_YEAR, FIRST_YEAR + PERIODS):
            due = date(year, 1, 15)
            for unit in range(UNITS):
                fate = (unit + year) % 10  # 0–6 on time, 7 late, 8–9 still open
                done = fate < 8
                late = fate == 7
                submitted = datetime.combine(
                    due + timedelta(days=9 if late else -2), datetime.min.time()
                )
                rows.append(
                    {
                        "obligation_id": 1,
                        "unit_id": unit + 1,
                        "period_key": str(year),
                        "period_label": f"năm {year}",
                        "due_date": due,
                        "wording": "truoc_ngay",
                        "last_day": due - timedelta(days=1),
                        "remind_by": due - timedelta(days=1),
                        "state": "done" if done else "open",
                        "submitted_at": submitted.replace(tzinfo=UTC) if done else None,
                        "submitted_on": submitted.date() if done else None,
                        "next_remind_on": None,
                        "created_at": NOW,
                        "updated_at": NOW,
                    }
                )
        conn.execute(insert(Occurrence), rows)
        done_ids = conn.execute(
            select(Occurrence.id, Occurrence.submitted_at, Occurrence.unit_id).where(  # type: ignore[call-overload]
                Occurrence.state == "done"  # type: ignore[arg-type]
            )
        ).all()
        conn.execute(
            insert(Reply),
            [
                {
                    "occurrence_id": occurrence_id,
                    "person_id": unit_id,
                    "kind": "submitted",
                    "text": "Đơn vị đã triển khai đầy đủ các nhiệm vụ được giao; "
                    "kết quả chi tiết trong báo cáo kèm theo.",
                    "file_name": f"bao-cao-don-vi-{unit_id}.pdf",
                    "file_path": f"files/{occurrence_id}.pdf",
                    "file_size": 120_000,
                    "created_at": submitted_at,
                }
                for occurrence_id, submitted_at, unit_id in done_ids
            ],
        )
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    return len(rows)


def run() -> Result:
    """Each output, best of three, on SQLite."""
    with built_sqlite(build) as (url, numbers):
        for mode in MODES:
            got = [run_child("benchmarks.outputs_child", url, mode) for _ in range(3)]
            numbers[f"{mode}_seconds_best_of_3"] = min(g["seconds"] for g in got)
            numbers[f"{mode}_seconds_worst_of_3"] = max(g["seconds"] for g in got)
            numbers[f"{mode}_bytes"] = got[0]["bytes"]
            numbers[f"{mode}_peak_rss_mb"] = max(g["peak_rss_mb"] for g in got)
    return Result(
        name="outputs",
        setup=f"một kế hoạch, {UNITS:,} đơn vị × {PERIODS} kỳ ({numbers['reports']:,} báo cáo, "
        "80% đã nộp kèm ghi chú và tệp); bảng Excel mọi kỳ, biểu đồ mọi kỳ, dự thảo báo cáo "
        "tổng hợp một kỳ; mỗi lần trong tiến trình mới, đúng hàm của bot; SQLite",
        numbers=numbers,
        target=f"mỗi tệp <= {TARGET_SECONDS:.0f} giây (lần chậm nhất trong ba)",
        met=all(numbers[f"{m}_seconds_worst_of_3"] <= TARGET_SECONDS for m in MODES),
    )

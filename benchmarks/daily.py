"""The day's first tick at growing scale: the daily extension and the coordinators' digests, each
in a fresh process running the production function, at 500, 2,000 and 5,000 units; and a
coordinator's status table for a plan of 5,000 units."""

from __future__ import annotations

import time
from typing import Any

from benchmarks.common import Result, database, run_child
from benchmarks.national import build

SIZES = (500, 2000, 5000)
TARGET_EXTENSION_S = 10.0
TARGET_DIGESTS_S = 5.0
TARGET_STATUS_S = 0.3
TARGET_MB = 300.0
LINEAR_SLACK = 1.25  # 10 times the units may cost at most 12.5 times the time


def run_scaling() -> Result:
    """Extension and digests at each size, on SQLite."""
    numbers: dict[str, Any] = {}
    for units in SIZES:
        with database("sqlite") as (url, engine):
            started = time.perf_counter()
            made = build(engine, units)
            engine.dispose()
            numbers[f"{units}_occurrences"] = made["occurrences"]
            numbers[f"{units}_build_seconds"] = round(time.perf_counter() - started, 1)
            for mode in ("extension", "digests"):
                got = run_child("benchmarks.tick_process", url, mode)
                numbers[f"{units}_{mode}_seconds"] = got[f"{mode}_seconds"]
                numbers[f"{units}_{mode}_peak_rss_mb"] = got[f"{mode}_peak_rss_mb"]
    small, large = SIZES[0], SIZES[-1]
    growth = large / small
    for mode in ("extension", "digests"):
        ratio = numbers[f"{large}_{mode}_seconds"] / max(numbers[f"{small}_{mode}_seconds"], 1e-3)
        numbers[f"{mode}_time_growth_{small}_to_{large}"] = round(ratio, 1)
    met = (
        numbers[f"{large}_extension_seconds"] <= TARGET_EXTENSION_S
        and numbers[f"{large}_digests_seconds"] <= TARGET_DIGESTS_S
        and all(
            numbers[f"{u}_{m}_peak_rss_mb"] < TARGET_MB
            for u in SIZES
            for m in ("extension", "digests")
        )
        and all(
            numbers[f"{m}_time_growth_{small}_to_{large}"] <= growth * LINEAR_SLACK
            for m in ("extension", "digests")
        )
    )
    return Result(
        name="daily",
        setup="34 tỉnh, mỗi tỉnh một kế hoạch 20 báo cáo hằng năm từ 2017 đến hết tầm 400 ngày, "
        "giao cho nhóm đơn vị của tỉnh; mỗi đơn vị một cán bộ, mỗi tỉnh một đầu mối; "
        "extend_daily và queue_digests của tick, mỗi lần trong tiến trình mới; SQLite",
        numbers=numbers,
        target=f"ở {large:,} đơn vị: gia hạn kỳ <= {TARGET_EXTENSION_S:.0f} giây, tổng hợp <= "
        f"{TARGET_DIGESTS_S:.0f} giây, mỗi việc < {TARGET_MB:.0f} MB; thời gian tăng không quá "
        "tuyến tính",
        met=met,
    )


def run_status() -> Result:
    """/tinhhinh for one plan whose reports come from 5,000 units."""
    units = SIZES[-1]
    with database("sqlite") as (url, engine):
        made = build(engine, units, provinces=1)
        engine.dispose()
        got = [run_child("benchmarks.tick_process", url, "status") for _ in range(3)]
    best = min(g["status_seconds"] for g in got)
    numbers = {
        "occurrences": made["occurrences"],
        "rows_in_period": got[0]["status_rows"],
        "status_seconds_best_of_3": best,
        "peak_rss_mb": max(g["status_peak_rss_mb"] for g in got),
    }
    return Result(
        name="status_table",
        setup=f"một kế hoạch 20 báo cáo của {units:,} đơn vị, {made['occurrences']:,} kỳ báo cáo; "
        "đầu mối hỏi /tinhhinh (coordination.status, kỳ đang theo dõi); SQLite",
        numbers=numbers,
        target=f"<= {TARGET_STATUS_S * 1000:.0f} ms",
        met=best <= TARGET_STATUS_S,
    )

"""The bot as production runs it (Application, JobQueue tick, dispatcher), with a loop-lag probe.

Usage: python -m benchmarks.loop_lag_child DATABASE_URL BOT_API_URL SECONDS — runs for SECONDS
with the clock moved to the measured morning, then prints one JSON line: the event loop's lag
(how late a 10 ms sleep wakes up), the tick's heartbeat, and the process's peak memory.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.common import NOW, peak_rss_mb
from jobs.schedule import schedule_jobs
from kehoach_bot.config import ReminderSettings, Settings, TelegramSettings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.runtime import Runtime
from kehoach_bot.telegram.app import build_application

TOKEN = "1:LAG"
PROBE = 0.01


async def probe(lags: list[float], until: float) -> None:
    """Sleep 10 ms again and again; how late each wake-up comes is the loop's lag."""
    while time.monotonic() < until:
        started = time.monotonic()
        await asyncio.sleep(PROBE)
        lags.append(time.monotonic() - started - PROBE)


async def run(url: str, base_url: str, seconds: float) -> dict[str, Any]:
    """Run the bot for `seconds` and measure."""
    offset = NOW - datetime.now(UTC)
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(
            database_url=url,
            data_dir=Path(data_dir),
            telegram=TelegramSettings(token=TOKEN, base_url=base_url),
            reminders=ReminderSettings(overall_per_second=29),
        )
        runtime = Runtime(settings, make_engine(url), lambda: datetime.now(UTC) + offset)
        application = build_application(runtime)
        schedule_jobs(application)
        lags: list[float] = []
        async with application:
            await application.start()
            assert application.updater is not None
            await application.updater.start_polling(poll_interval=0.0, timeout=1)
            print("ready", flush=True)
            await probe(lags, time.monotonic() + seconds)
            await application.updater.stop()
            await application.stop()
        runtime.close()
    lags.sort()
    return {
        "loop_lag_p50_ms": round(1000 * lags[len(lags) // 2], 1),
        "loop_lag_p99_ms": round(1000 * lags[int(len(lags) * 0.99)], 1),
        "loop_lag_max_ms": round(1000 * lags[-1], 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(run(sys.argv[1], sys.argv[2], float(sys.argv[3])))), flush=True)

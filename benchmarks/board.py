"""The board under load: a plan of 1,000 units × 10 periods (10,000 reports), its grid page asked
by signed-in clients while the bot's tick runs in the server's process and an officer answers
every second (each answer is a commit, after which the board reads the database again).

The server runs in a process of its own (`benchmarks.board_child`), started as the bot starts
it; the clients run here, so their work is not charged to the server. Each client has its own
session cookie, opened as a sign-in opens it, and asks `/ke-hoach/p` again as soon as the
previous answer is read.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import aiohttp

from benchmarks.board_child import ADMIN, TOKEN, settings
from benchmarks.common import NOW, Result, built_sqlite
from benchmarks.outputs import PERIODS, UNITS, build
from kehoach_bot.board import cookies, pages
from kehoach_bot.db.engine import make_engine
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import board_access, board_grid
from kehoach_bot.services.board_access import SessionRef

CLIENTS = (1, 8)  # one viewer alone, then eight at once
SECONDS = 20.0
WARM_UP = 3
TARGET_P95_MS = 300.0
PAGE = "/ke-hoach/p"


def _cookies(url: str, count: int) -> list[str]:
    """`count` live sessions of the admin, as signed cookie values."""
    with TemporaryDirectory() as folder:
        engine = make_engine(url)
        runtime = Runtime(settings(url, Path(folder)), engine, lambda: NOW)
        try:
            secret = cookies.server_secret(TOKEN)
            made = []
            for _ in range(count):
                opened = board_access.sign_in_from_telegram(runtime, telegram_user_id=ADMIN)
                made.append(cookies.sign(secret, ADMIN, opened.issued_at, opened.key))
            return made
        finally:
            runtime.close()


async def _client(
    base: str, cookie: str, until: float, latencies: list[float], sizes: list[int]
) -> None:
    """Ask the grid page again and again; each answer's time in ms."""
    async with aiohttp.ClientSession(base, cookies={cookies.COOKIE_NAME: cookie}) as http:
        for _ in range(WARM_UP):
            async with http.get(PAGE) as response:
                assert response.status == 200, response.status
                await response.read()
        while time.monotonic() < until:
            started = time.perf_counter()
            async with http.get(PAGE) as response:
                body = await response.read()
                assert response.status == 200, response.status
            latencies.append(1000 * (time.perf_counter() - started))
            sizes.append(len(body))


async def _load(port: int, cookie_values: list[str], seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    sizes: list[int] = []
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(
        *(_client(f"http://127.0.0.1:{port}", c, until, latencies, sizes) for c in cookie_values)
    )
    elapsed = time.monotonic() - started
    latencies.sort()

    def at(share: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(len(latencies) * share))], 1)

    return {
        "requests": len(latencies),
        "p50_ms": at(0.50),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "max_ms": round(latencies[-1], 1),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "page_kb": round(sizes[0] / 1024) if sizes else 0,
    }


def measure(url: str, clients: int, seconds: float) -> dict[str, Any]:
    """Start the server with its tick, load it with `clients` clients, collect both sides."""
    cookie_values = _cookies(url, clients)
    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.board_child", url, str(seconds + 15)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        ready = child.stdout.readline().split()
        assert ready and ready[0] == "ready", ready
        numbers = asyncio.run(_load(int(ready[1]), cookie_values, seconds))
        server = json.loads(child.stdout.read().strip().splitlines()[-1])
    finally:
        if child.poll() is None:
            child.wait(timeout=60)
    return {
        **numbers,
        "ticks_during_run": server["ticks"],
        "answers_during_run": server["answers"],
        "server_peak_rss_mb": server["peak_rss_mb"],
    }


def breakdown(url: str) -> dict[str, Any]:
    """Where one page's time goes, without load, in this process: the service when it reads the
    database (the first time, and after every commit) and when it reuses the page it made
    (nothing committed since), and the HTML; best of three each."""
    with TemporaryDirectory() as folder:
        runtime = Runtime(settings(url, Path(folder)), make_engine(url), lambda: NOW)
        try:
            opened = board_access.sign_in_from_telegram(runtime, telegram_user_id=ADMIN)
            ref = SessionRef(ADMIN, opened.key)
            made, kept, html = [], [], []
            for _ in range(3):
                # Signing in commits, so the next page is read from the database again.
                board_access.sign_in_from_telegram(runtime, telegram_user_id=ADMIN)
                started = time.perf_counter()
                board_grid.plan_grid(runtime, ref=ref, plan_code="p", mark=None)
                made.append(time.perf_counter() - started)
                started = time.perf_counter()
                grid = board_grid.plan_grid(runtime, ref=ref, plan_code="p", mark=None)
                kept.append(time.perf_counter() - started)
                started = time.perf_counter()
                pages.grid_page(grid)
                html.append(time.perf_counter() - started)
        finally:
            runtime.close()
    return {
        "alone_service_read_ms": round(1000 * min(made), 1),
        "alone_service_kept_ms": round(1000 * min(kept), 1),
        "alone_html_ms": round(1000 * min(html), 1),
    }


def run() -> Result:
    """The grid page of the big plan, for one client then CLIENTS[-1] clients, on SQLite."""
    with built_sqlite(build) as (url, numbers):
        numbers.update(breakdown(url))
        for clients in CLIENTS:
            measured = measure(url, clients, SECONDS)
            numbers.update({f"{clients}_clients_{k}": v for k, v in measured.items()})
    busiest = CLIENTS[-1]
    return Result(
        name="board",
        setup=f"một kế hoạch, {UNITS:,} đơn vị × {PERIODS} kỳ ({numbers['reports']:,} báo cáo); "
        f"máy chủ bảng theo dõi trong tiến trình riêng như `bot.py run` khởi động, vòng tick "
        f"của bot chạy mỗi giây và một cán bộ trả lời «Đã nộp» mỗi giây cùng lúc; người xem đã "
        f"đăng nhập (cookie) xin trang bảng của kế hoạch liên tục, không nghỉ, trong "
        f"{SECONDS:.0f} giây: một người, rồi {busiest} người một lúc; SQLite",
        numbers=numbers,
        target=f"p95 < {TARGET_P95_MS:.0f} ms với {busiest} người xem",
        met=numbers[f"{busiest}_clients_p95_ms"] < TARGET_P95_MS,
    )


if __name__ == "__main__":
    print(json.dumps(run().__dict__, ensure_ascii=False, indent=2))

"""One plan file drafted in a process of its own, so that its time and memory are its own.

Usage: python -m benchmarks.extraction_child DATABASE_URL FILE — prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from benchmarks.common import NOW, peak_rss_mb
from kehoach_bot.config import Settings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.plans.extract.documents import read_document
from kehoach_bot.runtime import Runtime
from kehoach_bot.services.extraction import draft_plan


def main(url: str, path: Path) -> None:
    """Draft the plan file of `path` exactly as `python bot.py extract` does, and time it."""
    runtime = Runtime(Settings(database_url=url), make_engine(url), lambda: NOW)
    content = path.read_bytes()
    started = time.perf_counter()
    drafted = draft_plan(runtime, user_id=None, name=path.name, content=content)
    seconds = time.perf_counter() - started
    pages = read_document(path.name, content).pages
    print(
        json.dumps(
            {
                "seconds": round(seconds, 3),
                "pages": pages,
                "obligations": len(drafted.plan.obligations),
                "peak_rss_mb": round(peak_rss_mb(), 1),
            }
        )
    )
    runtime.answers.shutdown()
    runtime.background.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))

"""Run the benchmarks and print a table (or --json): `bash benchmarks/run [--json] [--only NAME…]`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict

from benchmarks import daily, dispatch, ingest, loop_lag, scale, usual_way
from benchmarks.common import Result, machine

BENCHMARKS: dict[str, Callable[[], Result]] = {
    "dispatch": dispatch.run,
    "loop_lag": loop_lag.run,
    "daily": daily.run_scaling,
    "status_table": daily.run_status,
    "tick_sqlite": lambda: scale.run("sqlite"),
    "tick_postgresql": lambda: scale.run("postgresql"),
    "usual_way": usual_way.run,
    "ingest": ingest.run,
}


def main(argv: list[str]) -> int:
    """Run, print, and exit non-zero when a target is missed."""
    parser = argparse.ArgumentParser(prog="bash benchmarks/run")
    parser.add_argument("--json", action="store_true", help="in số liệu dạng JSON")
    parser.add_argument("--only", nargs="*", choices=list(BENCHMARKS), default=list(BENCHMARKS))
    args = parser.parse_args(argv)
    names = [
        n
        for n in args.only
        if n != "tick_postgresql" or os.environ.get("KEHOACH_TEST_POSTGRES_URL")
    ]
    results = [BENCHMARKS[name]() for name in names]
    if args.json:
        print(
            json.dumps(
                {"machine": machine(), "results": [asdict(r) for r in results]},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(f"Máy: {machine()}\n")
        for r in results:
            status = "ĐẠT" if r.met else "CHƯA ĐẠT"
            print(f"[{status}] {r.name} — mục tiêu: {r.target}")
            print(f"  Bố trí: {r.setup}")
            for key, value in r.numbers.items():
                print(f"  {key:<36} {value}")
            print()
    return 0 if all(r.met for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Run the benchmarks and print a table (or --json): `bash benchmarks/run [--json] [--only NAME…]`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict

from benchmarks import (
    board,
    daily,
    dispatch,
    extraction,
    ingest,
    loop_lag,
    outputs,
    recovery,
    scale,
    usual_way,
)
from benchmarks.common import Result, machine

BENCHMARKS: dict[str, Callable[[], Result]] = {
    "dispatch": dispatch.run,
    "loop_lag": loop_lag.run,
    "recovery": recovery.run,
    "daily": daily.run_scaling,
    "status_table": daily.run_status,
    "tick_sqlite": lambda: scale.run("sqlite"),
    "tick_postgresql": lambda: scale.run("postgresql"),
    "usual_way": usual_way.run,
    "ingest": ingest.run,
    "outputs": outputs.run,
    "board": board.run,
    "extraction": extraction.run,
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
    if not args.json:
        print(f"Máy: {machine()}\n", flush=True)
    results = []
    for name in names:
        results.append(BENCHMARKS[name]())
        if not args.json:  # each as soon as it is measured: a long run shows its progress
            _print(results[-1])
    if args.json:
        print(
            json.dumps(
                {"machine": machine(), "results": [asdict(r) for r in results]},
                ensure_ascii=False,
                indent=2,
            )
        )
    return 0 if all(r.met for r in results) else 1


def _print(result: Result) -> None:
    status = "ĐẠT" if result.met else "CHƯA ĐẠT"
    print(f"[{status}] {result.name} — mục tiêu: {result.target}")
    print(f"  Bố trí: {result.setup}")
    for key, value in result.numbers.items():
        print(f"  {key:<36} {value}")
    print(flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

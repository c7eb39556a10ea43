"""kehoach-bot command line and composition root: `python bot.py --help`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TextIO

from sqlalchemy.exc import OperationalError

from jobs.schedule import schedule_jobs
from kehoach_bot.cli.args import build_parser
from kehoach_bot.cli.commands import COMMANDS, bot_runtime, run_application
from kehoach_bot.cli.context import Context
from kehoach_bot.config import ConfigError, load_settings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.logs import configure_logging
from kehoach_bot.plans.reading import PlanFileError
from kehoach_bot.runtime import Runtime
from kehoach_bot.services.errors import ServiceError
from kehoach_bot.services.plans import PlanFilesError
from kehoach_bot.telegram.app import build_application
from kehoach_bot.texts import vi


def _report_plan_errors(errors: Sequence[PlanFileError], err: TextIO) -> None:
    for error in errors:
        err.write(
            vi.PLAN_FILE_PROBLEMS.format(source=error.source, count=len(error.problems)) + "\n"
        )
        for problem in error.problems:
            err.write(f"  - {problem}\n")


def run_bot(ctx: Context) -> int:
    """Build the Telegram application, add the tick and the dispatcher, and run until stopped."""
    runtime = bot_runtime(ctx)
    try:
        application = build_application(runtime)
        schedule_jobs(application)
        run_application(application, ctx.settings)
    finally:
        runtime.close()
    return 0


def main(
    argv: Sequence[str] | None = None,
    *,
    now: datetime | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run one command; returns the process exit code (0 ok, 1 refused, 2 bad usage)."""
    out, err = out or sys.stdout, err or sys.stderr
    args: argparse.Namespace = build_parser().parse_args(argv)
    configure_logging(logging.INFO if args.command == "run" else logging.WARNING)
    try:
        settings = load_settings(args.config and __import__("pathlib").Path(args.config))
    except ConfigError as exc:
        err.write(f"{vi.ERROR_PREFIX}: {exc}\n")
        return 1
    started = now or datetime.now(UTC)
    runtime = Runtime(
        settings=settings, engine=make_engine(settings.resolved_database_url), clock=lambda: started
    )
    ctx = Context(runtime=runtime, out=out)
    try:
        if args.command == "run":
            return run_bot(ctx)
        action = getattr(args, "unit_command", None) or getattr(args, "plan_command", None)
        handler = COMMANDS[(args.command, action)]
        return handler(ctx, args)
    except PlanFilesError as exc:
        _report_plan_errors(exc.errors, err)
        return 1
    except PlanFileError as exc:
        _report_plan_errors([exc], err)
        return 1
    except ServiceError as exc:
        err.write(f"{vi.ERROR_PREFIX}: {exc}\n")
        return 1
    except OperationalError as exc:
        url = runtime.engine.url.render_as_string(hide_password=True)
        err.write(vi.DATABASE_UNREACHABLE.format(url=url, reason=exc.orig) + "\n")
        return 1
    finally:
        runtime.close()


if __name__ == "__main__":
    sys.exit(main())

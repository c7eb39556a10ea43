"""Command handlers: each parses nothing more, calls one service, renders, prints."""

from __future__ import annotations

import argparse
import getpass
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine

from kehoach_bot.cli import render
from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.plans.files import bundled_plan_files, read_text
from kehoach_bot.services import calendar as calendar_service
from kehoach_bot.services import plans as plan_service
from kehoach_bot.services import requests, succession, units
from kehoach_bot.services.bootstrap import horizon, prepare_database
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.texts import vi


@dataclass(frozen=True, slots=True)
class Context:
    """What every command needs: settings, the engine, the clock reading and the output."""

    settings: Settings
    engine: Engine
    now: datetime
    out: TextIO

    @property
    def today(self) -> date:
        """Today in the agencies' timezone."""
        return self.now.astimezone(self.settings.tz).date()

    def actor(self, given: str | None) -> str:
        """Who is acting, for the audit log."""
        if given and given.strip():
            return given.strip()[:120]
        try:
            return f"cli:{getpass.getuser()}"
        except (KeyError, OSError):
            return "cli"

    def print(self, text: str) -> None:
        """Write one block of output."""
        self.out.write(text + "\n")


def cmd_migrate(ctx: Context, args: argparse.Namespace) -> int:
    """Apply migrations; on an empty database also load the seed plans."""
    loaded = prepare_database(ctx.engine, ctx.settings, ctx.now)
    ctx.print(vi.MIGRATED.format(url=ctx.engine.url.render_as_string(hide_password=True)))
    if loaded:
        ctx.print(vi.SEEDED.format(count=len(loaded)))
    return 0


def cmd_load_plans(ctx: Context, args: argparse.Namespace) -> int:
    """Load the given plan files, or the bundled seed plans."""
    sources = (
        [(str(p), read_text(Path(p))) for p in args.files] if args.files else bundled_plan_files()
    )
    prepare_database(ctx.engine, ctx.settings, ctx.now)
    with session_scope(ctx.engine) as session:
        results = plan_service.load_plans(
            session,
            sources,
            actor=ctx.actor(args.by),
            now=ctx.now,
            policy=ctx.settings.deadlines,
            until=horizon(ctx.settings, ctx.now),
        )
    ctx.print(render.load_results(results))
    return 0


def cmd_calendar(ctx: Context, args: argparse.Namespace) -> int:
    """List occurrences in a date range."""
    if args.start and args.end and args.start > args.end:
        raise InvalidInput(
            vi.BAD_RANGE.format(start=format_date(args.start), end=format_date(args.end))
        )
    prepare_database(ctx.engine, ctx.settings, ctx.now)
    with session_scope(ctx.engine) as session:
        entries = calendar_service.calendar_in_range(
            session,
            today=ctx.today,
            start=args.start,
            end=args.end,
            plan_code=args.plan,
            unit_code=args.unit,
            policy=ctx.settings.deadlines,
            now=ctx.now,
            horizon=horizon(ctx.settings, ctx.now),
        )
    ctx.print(render.calendar_json(entries) if args.json else render.calendar_text(entries))
    return 0


def cmd_units(ctx: Context, args: argparse.Namespace) -> int:
    """List the units directory."""
    prepare_database(ctx.engine, ctx.settings, ctx.now)
    with session_scope(ctx.engine) as session:
        found = units.list_units(session)
    ctx.print(render.units_json(found) if args.json else render.units_text(found))
    return 0


def cmd_plans(ctx: Context, args: argparse.Namespace) -> int:
    """List the plans."""
    prepare_database(ctx.engine, ctx.settings, ctx.now)
    with session_scope(ctx.engine) as session:
        found = plan_service.list_plans(session)
    ctx.print(render.plans_json(found) if args.json else render.plans_text(found))
    return 0


def cmd_unit_succession(ctx: Context, args: argparse.Namespace) -> int:
    """Record a merger or a split and route the old unit's open work by its rule."""
    into = [args.into] if isinstance(args.into, str) else args.into
    prepare_database(ctx.engine, ctx.settings, ctx.now)
    with session_scope(ctx.engine) as session:
        result = succession.split(
            session,
            old=args.old,
            into=into,
            routes=dict(args.route),
            default=args.default,
            effective_on=args.on or ctx.today,
            actor=ctx.actor(args.by),
            now=ctx.now,
            policy=ctx.settings.deadlines,
            until=horizon(ctx.settings, ctx.now),
            kind=args.unit_command,
        )
    ctx.print(_succession_text(result))
    return 0


def cmd_unit_add(ctx: Context, args: argparse.Namespace) -> int:
    """Add a unit, optionally into named groups."""
    prepare_database(ctx.engine, ctx.settings, ctx.now)
    with session_scope(ctx.engine) as session:
        unit = units.add_unit(
            session,
            code=args.code,
            name=args.name,
            kind=args.kind,
            locality=args.locality,
            short=args.short,
            parent=args.parent,
            groups=args.group,
            aliases=args.alias,
            actor=ctx.actor(args.by),
            now=ctx.now,
            policy=ctx.settings.deadlines,
            until=horizon(ctx.settings, ctx.now),
        )
    ctx.print(vi.UNIT_ADDED.format(code=unit.code, name=unit.name))
    return 0


def cmd_request(ctx: Context, args: argparse.Namespace) -> int:
    """Send an ad hoc request (đột xuất) to chosen units."""
    prepare_database(ctx.engine, ctx.settings, ctx.now)
    with session_scope(ctx.engine) as session:
        result = requests.request_ad_hoc(
            session,
            unit_codes=args.unit,
            title=args.title,
            due=args.due,
            plan_code=args.plan,
            actor=ctx.actor(args.by),
            now=ctx.now,
            today=ctx.today,
            policy=ctx.settings.deadlines,
        )
    ctx.print(
        vi.REQUEST_DONE.format(
            id=result.request_id,
            count=len(result.units),
            units=", ".join(result.units),
            due=format_date(result.due),
            last_day=format_date(result.last_day),
        )
    )
    return 0


def _succession_text(result: succession.SuccessionResult) -> str:
    return vi.SUCCESSION_DONE.format(
        old=result.old,
        successors=", ".join(result.successors),
        transferred=result.sync.transferred,
        created=result.sync.created,
    )


COMMANDS = {
    ("migrate", None): cmd_migrate,
    ("load-plans", None): cmd_load_plans,
    ("calendar", None): cmd_calendar,
    ("request", None): cmd_request,
    ("units", None): cmd_units,
    ("plans", None): cmd_plans,
    ("unit", "merge"): cmd_unit_succession,
    ("unit", "split"): cmd_unit_succession,
    ("unit", "add"): cmd_unit_add,
}

"""Command handlers: each parses nothing more, calls one service, renders, prints."""

from __future__ import annotations

import argparse
import asyncio
import getpass
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine
from telegram import Bot, Update
from telegram.error import TelegramError

from kehoach_bot.cli import render
from kehoach_bot.cli.backup import cmd_backup, cmd_restore
from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.plans.bundled import bundled_plan_files
from kehoach_bot.plans.reading import read_text
from kehoach_bot.runtime import Runtime, system_clock
from kehoach_bot.services import calendar as calendar_service
from kehoach_bot.services import health, people, requests, succession, units
from kehoach_bot.services import plans as plan_service
from kehoach_bot.services.bootstrap import horizon, prepare_database
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.telegram.app import BotApplication
from kehoach_bot.telegram.render import people as bot_render
from kehoach_bot.texts import bot_vi, vi


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
            tz=ctx.settings.tz,
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
            recipient_code=args.recipient,
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


def bot_runtime(ctx: Context) -> Runtime:
    """The bot's runtime for `run`: migrations and seeds applied, the real clock."""
    if not ctx.settings.telegram.token:
        raise InvalidInput(bot_vi.NO_TOKEN)
    prepare_database(ctx.engine, ctx.settings, ctx.now)
    return Runtime(settings=ctx.settings, engine=ctx.engine, clock=system_clock)


def run_application(application: BotApplication, settings: Settings) -> None:
    """Long polling, or a webhook when configured."""
    telegram = settings.telegram
    if telegram.mode == "webhook":
        application.run_webhook(
            listen=telegram.webhook_listen,
            port=telegram.webhook_port,
            webhook_url=telegram.webhook_url,
            secret_token=telegram.webhook_secret or None,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)


def cmd_status(ctx: Context, args: argparse.Namespace) -> int:
    """The outbox, the last tick and the next reminders."""
    prepare_database(ctx.engine, ctx.settings, ctx.now)
    with session_scope(ctx.engine) as session:
        found = health.delivery_health(session, today=ctx.today)
    ctx.print(render.status_text(found, ctx.settings.tz))
    return 0


def cmd_invite(ctx: Context, args: argparse.Namespace) -> int:
    """Issue a one-time invite and print its deep link."""
    prepare_database(ctx.engine, ctx.settings, ctx.now)
    with session_scope(ctx.engine) as session:
        issued = people.issue_invite(
            session,
            unit_code=args.unit,
            role=Role(args.role),
            hours=args.hours,
            actor=ctx.actor(args.by),
            now=ctx.now,
        )
    username = ctx.settings.telegram.username or _bot_username(ctx.settings)
    if username:
        ctx.print(bot_render.invite(issued, username, ctx.settings.tz))
    else:
        ctx.print(vi.INVITE_NO_USERNAME.format(code=issued.code, unit=issued.unit))
    return 0


def _bot_username(settings: Settings) -> str | None:
    """Ask Telegram for the bot's name; None when there is no token or no answer."""
    telegram = settings.telegram
    if not telegram.token:
        return None
    bot = Bot(telegram.token, base_url=telegram.base_url or "https://api.telegram.org/bot")

    async def ask() -> str:
        async with bot:
            return bot.username

    try:
        return asyncio.run(ask())
    except TelegramError:
        return None


COMMANDS = {
    ("status", None): cmd_status,
    ("invite", None): cmd_invite,
    ("migrate", None): cmd_migrate,
    ("load-plans", None): cmd_load_plans,
    ("calendar", None): cmd_calendar,
    ("request", None): cmd_request,
    ("units", None): cmd_units,
    ("plans", None): cmd_plans,
    ("unit", "merge"): cmd_unit_succession,
    ("unit", "split"): cmd_unit_succession,
    ("unit", "add"): cmd_unit_add,
    ("backup", None): cmd_backup,
    ("restore", None): cmd_restore,
}

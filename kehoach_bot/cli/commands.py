"""Command handlers: each parses its arguments, calls one service action, renders, prints."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from telegram import Bot, Update
from telegram.error import TelegramError

from kehoach_bot.cli import render
from kehoach_bot.cli.backup import cmd_backup, cmd_restore
from kehoach_bot.cli.board import cmd_board_link
from kehoach_bot.cli.bundle import cmd_files
from kehoach_bot.cli.charts import cmd_chart
from kehoach_bot.cli.context import Context
from kehoach_bot.cli.exports import cmd_export
from kehoach_bot.cli.extraction import cmd_extract
from kehoach_bot.cli.groups import cmd_group_change, cmd_group_import
from kehoach_bot.cli.synthesis import cmd_synthesis
from kehoach_bot.config import Settings
from kehoach_bot.domain.roles import ROLE_TEXT
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.plans.bundled import bundled_plan_files
from kehoach_bot.plans.reading import read_text
from kehoach_bot.runtime import Runtime, system_clock
from kehoach_bot.services import console
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.succession import SuccessionResult
from kehoach_bot.telegram.app import BotApplication
from kehoach_bot.telegram.render import people as bot_render
from kehoach_bot.telegram.render import requests as request_render
from kehoach_bot.texts import bot_vi, vi


def cmd_migrate(ctx: Context, args: argparse.Namespace) -> int:
    """Apply migrations; on an empty database also load the seed plans."""
    loaded = console.prepare(ctx.runtime)
    ctx.print(vi.MIGRATED.format(url=ctx.runtime.engine.url.render_as_string(hide_password=True)))
    if loaded:
        ctx.print(vi.SEEDED.format(count=len(loaded)))
    return 0


def cmd_load_plans(ctx: Context, args: argparse.Namespace) -> int:
    """Load the given plan files, or the bundled seed plans."""
    sources = (
        [(str(p), read_text(Path(p))) for p in args.files] if args.files else bundled_plan_files()
    )
    console.prepare(ctx.runtime)
    results = console.load_plans(ctx.runtime, sources=sources, actor=ctx.actor(args.by))
    ctx.print(render.load_results(results))
    return 0


def cmd_calendar(ctx: Context, args: argparse.Namespace) -> int:
    """List occurrences in a date range."""
    if args.start and args.end and args.start > args.end:
        raise InvalidInput(
            vi.BAD_RANGE.format(start=format_date(args.start), end=format_date(args.end))
        )
    console.prepare(ctx.runtime)
    entries = console.calendar(
        ctx.runtime, start=args.start, end=args.end, plan_code=args.plan, unit_code=args.unit
    )
    ctx.print(render.calendar_json(entries) if args.json else render.calendar_text(entries))
    return 0


def cmd_units(ctx: Context, args: argparse.Namespace) -> int:
    """List the units directory."""
    console.prepare(ctx.runtime)
    found = console.list_units(ctx.runtime)
    ctx.print(render.units_json(found) if args.json else render.units_text(found))
    return 0


def cmd_plans(ctx: Context, args: argparse.Namespace) -> int:
    """List the plans."""
    console.prepare(ctx.runtime)
    found, unfilled = console.plans_overview(ctx.runtime)
    if args.json:
        ctx.print(render.plans_json(found, unfilled))
    else:
        flags = render.unfilled_text(unfilled)
        ctx.print(render.plans_text(found) + (f"\n\n{flags}" if flags else ""))
    return 0


def cmd_plan_tracked_from(ctx: Context, args: argparse.Namespace) -> int:
    """Track a plan from a date: earlier periods become history, never chased."""
    console.prepare(ctx.runtime)
    change = console.set_tracked_from(
        ctx.runtime, plan_code=args.code, day=args.day, actor=ctx.actor(args.by)
    )
    ctx.print(render.tracked_from_text(change))
    return 0


def cmd_unit_undo(ctx: Context, args: argparse.Namespace) -> int:
    """Undo a merger, split or end recorded by mistake."""
    console.prepare(ctx.runtime)
    result = console.undo_succession(ctx.runtime, code=args.code, actor=ctx.actor(args.by))
    ctx.print(render.undo_text(result))
    return 0


def cmd_unit_succession(ctx: Context, args: argparse.Namespace) -> int:
    """Record a merger or a split and route the old unit's open work by its rule."""
    into = [args.into] if isinstance(args.into, str) else args.into
    console.prepare(ctx.runtime)
    result = console.record_succession(
        ctx.runtime,
        kind=args.unit_command,
        old=args.old,
        into=into,
        routes=dict(args.route),
        default=args.default,
        effective_on=args.on,
        actor=ctx.actor(args.by),
    )
    ctx.print(_succession_text(result))
    return 0


def cmd_unit_add(ctx: Context, args: argparse.Namespace) -> int:
    """Add a unit, optionally into named groups."""
    console.prepare(ctx.runtime)
    code, name = console.add_unit(
        ctx.runtime,
        code=args.code,
        name=args.name,
        kind=args.kind,
        locality=args.locality,
        short=args.short,
        parent=args.parent,
        groups=args.group,
        aliases=args.alias,
        actor=ctx.actor(args.by),
    )
    ctx.print(vi.UNIT_ADDED.format(code=code, name=name))
    return 0


def cmd_request(ctx: Context, args: argparse.Namespace) -> int:
    """Send an ad hoc request (đột xuất) to chosen units."""
    console.prepare(ctx.runtime)
    result = console.request_ad_hoc(
        ctx.runtime,
        unit_codes=args.unit,
        title=args.title,
        due=args.due,
        plan_code=args.plan,
        recipient_code=args.recipient,
        actor=ctx.actor(args.by),
        requester=args.by or "",
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
    if result.without_officer:
        ctx.print(request_render.without_officer(result.without_officer))
    return 0


def _succession_text(result: SuccessionResult) -> str:
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
    console.prepare(ctx.runtime)
    return Runtime(settings=ctx.settings, engine=ctx.runtime.engine, clock=system_clock)


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
    console.prepare(ctx.runtime)
    found = console.delivery_health(ctx.runtime)
    ctx.print(render.status_text(found, ctx.settings.tz))
    return 0


def cmd_invite(ctx: Context, args: argparse.Namespace) -> int:
    """Issue a one-time invite and print its deep link."""
    console.prepare(ctx.runtime)
    issued = console.issue_invite(
        ctx.runtime,
        unit_code=args.unit,
        role=args.role,
        hours=args.hours,
        actor=ctx.actor(args.by),
    )
    username = ctx.settings.telegram.username or _bot_username(ctx.settings)
    if username:
        ctx.print(bot_render.invite(issued, username, ctx.settings.tz))
    else:
        ctx.print(
            vi.INVITE_NO_USERNAME.format(
                role=ROLE_TEXT[issued.role], code=issued.code, unit=issued.unit
            )
        )
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
    ("board-link", None): cmd_board_link,
    ("migrate", None): cmd_migrate,
    ("load-plans", None): cmd_load_plans,
    ("calendar", None): cmd_calendar,
    ("export", None): cmd_export,
    ("chart", None): cmd_chart,
    ("extract", None): cmd_extract,
    ("files", None): cmd_files,
    ("synthesis", None): cmd_synthesis,
    ("request", None): cmd_request,
    ("units", None): cmd_units,
    ("plans", None): cmd_plans,
    ("unit", "merge"): cmd_unit_succession,
    ("unit", "split"): cmd_unit_succession,
    ("unit", "add"): cmd_unit_add,
    ("unit", "undo"): cmd_unit_undo,
    ("unit", "group-add"): cmd_group_change,
    ("unit", "group-remove"): cmd_group_change,
    ("unit", "group-import"): cmd_group_import,
    ("plan", "tracked-from"): cmd_plan_tracked_from,
    ("backup", None): cmd_backup,
    ("restore", None): cmd_restore,
}

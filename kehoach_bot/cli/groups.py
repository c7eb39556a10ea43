"""`unit group-add`, `unit group-remove`, `unit group-import`: the members of a named group."""

from __future__ import annotations

import argparse
from pathlib import Path

from kehoach_bot.cli.context import Context
from kehoach_bot.plans.reading import PlanFileError, read_text
from kehoach_bot.services import console
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.group_changes import MemberChange
from kehoach_bot.services.group_lists import csv_names
from kehoach_bot.services.group_previews import MemberAction
from kehoach_bot.telegram.render import groups as render
from kehoach_bot.texts import groups_vi as t


def cmd_group_change(ctx: Context, args: argparse.Namespace) -> int:
    """Add units to a group or remove them, saved at once; any bad code changes nothing."""
    action = MemberAction.ADD if args.unit_command == "group-add" else MemberAction.REMOVE
    console.prepare(ctx.runtime)
    done = console.save_members(
        ctx.runtime,
        change=MemberChange(args.group, action, " ".join(args.units), ""),
        actor=ctx.actor(args.by),
    )
    ctx.print(render.saved(done))
    return 0


def cmd_group_import(ctx: Context, args: argparse.Namespace) -> int:
    """Preview the members listed in a CSV file; save them with --yes when nothing is wrong."""
    try:
        text = read_text(Path(args.file))
    except PlanFileError as exc:
        raise InvalidInput(
            t.FILE_UNREADABLE.format(path=args.file, reason="; ".join(exc.problems))
        ) from exc
    names = csv_names(text)
    console.prepare(ctx.runtime)
    actor = ctx.actor(args.by)
    found = console.preview_members(
        ctx.runtime, group=args.group, action=MemberAction.PASTE, text=names, actor=actor
    )
    ctx.print("\n".join(render.preview(found)))
    if found.problems:
        raise InvalidInput(t.CLI_CANNOT_SAVE.format(count=len(found.problems)))
    if not found.changes:
        return 0
    if not args.yes:
        ctx.print(t.CLI_NOT_SAVED)
        return 0
    done = console.save_members(
        ctx.runtime,
        change=MemberChange(found.group.code, MemberAction.PASTE, names, found.token),
        actor=actor,
    )
    ctx.print(render.saved(done))
    return 0

"""`board-link`: print a one-time sign-in link to the board for one person (admins, console)."""

from __future__ import annotations

import argparse

from kehoach_bot.cli.context import Context
from kehoach_bot.services import board_access, console
from kehoach_bot.texts import board_vi as t


def cmd_board_link(ctx: Context, args: argparse.Namespace) -> int:
    """Issue the link through the same service as /bang and print it."""
    console.prepare(ctx.runtime)
    issued = board_access.issue_link(
        ctx.runtime, telegram_user_id=args.telegram_id, actor=ctx.actor(args.by)
    )
    ctx.print(
        t.LINK_CLI.format(telegram_id=args.telegram_id, expires=issued.expires_text, url=issued.url)
    )
    return 0

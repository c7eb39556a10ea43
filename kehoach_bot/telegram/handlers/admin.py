"""Admins: invites, plans, revocation, the audit log."""

from __future__ import annotations

from telegram import Update

from kehoach_bot.domain.roles import Role
from kehoach_bot.services import administration
from kehoach_bot.telegram.answer import reply_pages
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.render import admin as render
from kehoach_bot.telegram.render import people
from kehoach_bot.texts import bot_vi as t

DEFAULT_INVITE_HOURS = 72


def user_id(update: Update) -> int:
    """The sender's Telegram id."""
    assert update.effective_user is not None
    return update.effective_user.id


async def invite(update: Update, context: BotContext) -> None:
    """/moi UNIT ROLE [HOURS]: a one-time deep link."""
    args = context.args or []
    if (
        len(args) not in (2, 3)
        or args[1] not in {r.value for r in Role}
        or (len(args) == 3 and not args[2].isdigit())
    ):
        await reply_pages(update, [t.INVITE_USAGE])
        return
    runtime = context.runtime
    issued = await runtime.answer(
        administration.invite,
        runtime,
        user_id=user_id(update),
        unit_code=args[0],
        role=Role(args[1]),
        hours=int(args[2]) if len(args) == 3 else DEFAULT_INVITE_HOURS,
    )
    await reply_pages(update, [people.invite(issued, context.bot.username, runtime.settings.tz)])


async def plans(update: Update, context: BotContext) -> None:
    """/kehoach: the plans."""
    runtime = context.runtime
    found, unfilled = await runtime.answer(
        administration.plans_overview, runtime, user_id=user_id(update)
    )
    await reply_pages(update, render.plans(found, unfilled))


async def revoke(update: Update, context: BotContext) -> None:
    """/thuhoi TELEGRAM_ID: end every membership of a person."""
    args = context.args or []
    if len(args) != 1 or not args[0].isdigit():
        await reply_pages(update, [t.REVOKE_USAGE])
        return
    runtime = context.runtime
    count = await runtime.answer(
        administration.revoke, runtime, user_id=user_id(update), telegram_user_id=int(args[0])
    )
    await reply_pages(update, [t.REVOKE_DONE.format(count=count, id=args[0])])


async def audit_log(update: Update, context: BotContext) -> None:
    """/nhatky: the latest changes."""
    runtime = context.runtime
    entries = await runtime.answer(administration.audit_log, runtime, user_id=user_id(update))
    await reply_pages(update, render.audit_log(entries, runtime.settings.tz))

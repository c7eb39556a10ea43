"""Admins: invites, plans, revocation, the audit log."""

from __future__ import annotations

from telegram import Update

from kehoach_bot.domain.roles import Role
from kehoach_bot.services import audit, people
from kehoach_bot.services.errors import ServiceError
from kehoach_bot.services.plans import list_plans
from kehoach_bot.telegram import render
from kehoach_bot.telegram.context import BotContext, admin_only, reply_pages
from kehoach_bot.texts import bot_vi as t

DEFAULT_INVITE_HOURS = 72


@admin_only
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
    services, user = context.services, update.effective_user
    assert user is not None
    try:
        with services.session() as session:
            issued = people.issue_invite(
                session,
                unit_code=args[0],
                role=Role(args[1]),
                hours=int(args[2]) if len(args) == 3 else DEFAULT_INVITE_HOURS,
                actor=f"tg:{user.id}",
                now=services.now(),
            )
    except ServiceError as exc:
        await reply_pages(update, [str(exc)])
        return
    await reply_pages(update, [render.invite(issued, context.bot.username, services.settings.tz)])


@admin_only
async def plans(update: Update, context: BotContext) -> None:
    """/kehoach: the plans."""
    with context.services.session() as session:
        found = list_plans(session)
    await reply_pages(update, render.plans(found))


@admin_only
async def revoke(update: Update, context: BotContext) -> None:
    """/thuhoi TELEGRAM_ID: end every membership of a person."""
    args = context.args or []
    if len(args) != 1 or not args[0].isdigit():
        await reply_pages(update, [t.REVOKE_USAGE])
        return
    services, user = context.services, update.effective_user
    assert user is not None
    try:
        with services.session() as session:
            count = people.revoke(
                session, telegram_user_id=int(args[0]), actor=f"tg:{user.id}", now=services.now()
            )
    except ServiceError as exc:
        await reply_pages(update, [str(exc)])
        return
    await reply_pages(update, [t.REVOKE_DONE.format(count=count, id=args[0])])


@admin_only
async def audit_log(update: Update, context: BotContext) -> None:
    """/nhatky: the latest changes."""
    with context.services.session() as session:
        entries = audit.recent(session)
    await reply_pages(update, render.audit_log(entries, context.services.settings.tz))

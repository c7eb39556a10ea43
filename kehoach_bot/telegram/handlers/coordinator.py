"""Coordinators: the status table, overdue units, extension decisions, files, ad hoc requests."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from telegram import Update

from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.vietnamese import BadDate, format_date, parse_date
from kehoach_bot.services import digests, people, replies, requests, tracking
from kehoach_bot.services.errors import ServiceError
from kehoach_bot.telegram import render
from kehoach_bot.telegram.callbacks import Action, Callback
from kehoach_bot.telegram.context import (
    BotContext,
    coordinator_only,
    notify,
    reply_pages,
    say,
)
from kehoach_bot.texts import bot_vi as t

log = logging.getLogger(__name__)


@coordinator_only
async def status(update: Update, context: BotContext) -> None:
    """/tinhhinh [plan] [period key]: counts in the four categories and who has not submitted."""
    user = update.effective_user
    assert user is not None
    identity = context.services.identify(user.id)
    services = context.services
    args = context.args or []
    with services.session() as session:
        if not args:
            plans = tracking.coordinated_plans(session, identity)
            lines = [f"• {code} — {title[:100]}" for code, title in plans]
            await reply_pages(
                update,
                [t.STATUS_CHOOSE.format(lines="\n".join(lines)) if plans else t.STATUS_NO_PLANS],
            )
            return
        try:
            table = tracking.status_table(
                session, identity, args[0], services.today(), args[1] if len(args) > 1 else None
            )
        except ServiceError as exc:
            await reply_pages(update, [str(exc)])
            return
        files = tracking.latest_files(session, [v.id for v in table.done])
        units = {v.id: v.unit for v in table.done}
    pages, keyboard = render.status_table(
        table, services.today(), {r: units[o] for o, r in files.items()}
    )
    await reply_pages(update, pages, keyboard)


@coordinator_only
async def overdue(update: Update, context: BotContext) -> None:
    """/quahan: every overdue unit in the coordinator's plans, with days late."""
    user = update.effective_user
    assert user is not None
    identity = context.services.identify(user.id)
    services = context.services
    with services.session() as session:
        views = tracking.overdue(session, identity, services.today())
    await reply_pages(update, render.overdue(views, services.today()))


@coordinator_only
async def pending(update: Update, context: BotContext) -> None:
    """/giahan: extension requests waiting for this coordinator, each with its buttons."""
    user = update.effective_user
    assert user is not None
    identity = context.services.identify(user.id)
    services = context.services
    with services.session() as session:
        found = replies.pending_extensions(session, identity, services.today())
    if not found:
        await reply_pages(update, [t.PENDING_EMPTY])
        return
    for extension, view in found[:20]:
        text, keyboard = render.extension_request(extension, view)
        await say(update, text, keyboard)


async def _decide(update: Update, context: BotContext, parsed: Callback) -> None:
    """Approve or refuse an extension; the officers of the unit are told."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and user is not None
    services = context.services
    identity = services.identify(user.id)
    with services.session() as session:
        extension, view = replies.decide_extension(
            session,
            identity=identity,
            extension_id=parsed.target,
            approve=parsed.action is Action.APPROVE,
            now=services.now(),
            today=services.today(),
        )
        chats = people.chats_of(session, {view.unit_id}, (Role.OFFICER, Role.COORDINATOR))
    decision = t.DECISION_APPROVED if extension.status == "approved" else t.DECISION_REFUSED
    await query.answer()
    await say(
        update,
        t.EXTENSION_DECIDED.format(
            decision=decision, unit=view.unit_name, title=view.title, period=view.period
        ),
    )
    await notify(context, chats, render.extension_decision(extension, view))


async def _file(update: Update, context: BotContext, parsed: Callback) -> None:
    """Send a submitted report file to someone allowed to see it."""
    query, user, chat = update.callback_query, update.effective_user, update.effective_chat
    assert query is not None and user is not None
    services = context.services
    identity = services.identify(user.id)
    with services.session() as session:
        reply = replies.reply_file(
            session, identity=identity, reply_id=parsed.target, today=services.today()
        )
    path = Path(services.settings.data_dir) / (reply.file_path or "")
    await query.answer()
    if chat is not None and path.is_file():
        with path.open("rb") as handle:
            await context.bot.send_document(chat.id, handle, filename=reply.file_name)
    else:
        await say(update, t.UNEXPECTED)


ACTIONS: dict[Action, Callable[[Update, BotContext, Callback], Awaitable[None]]] = {
    Action.APPROVE: _decide,
    Action.REFUSE: _decide,
    Action.FILE: _file,
}


@coordinator_only
async def ad_hoc(update: Update, context: BotContext) -> None:
    """/dotxuat UNITS DATE text: an ad hoc request; the units' officers get it at once."""
    user = update.effective_user
    assert user is not None
    identity = context.services.identify(user.id)
    args = context.args or []
    if len(args) < 3:
        await reply_pages(update, [t.AD_HOC_USAGE])
        return
    try:
        due = parse_date(args[1])
    except BadDate as exc:
        await reply_pages(update, [str(exc)])
        return
    services = context.services
    try:
        with services.session() as session:
            result = requests.request_ad_hoc(
                session,
                unit_codes=[c for c in args[0].split(",") if c.strip()],
                title=" ".join(args[2:]),
                due=due,
                plan_code=None,
                recipient_code=next(
                    (m.unit for m in identity.memberships if m.role is Role.COORDINATOR), None
                ),
                actor=f"tg:{user.id}",
                now=services.now(),
                today=services.today(),
                policy=services.settings.deadlines,
            )
            targets = [
                (view, people.chats_of(session, {view.unit_id}, (Role.OFFICER,)))
                for view in (
                    tracking.get_view(session, occ_id, services.today())
                    for occ_id in result.occurrence_ids
                )
            ]
    except ServiceError as exc:
        await reply_pages(update, [str(exc)])
        return
    sent = 0
    for view, chats in targets:
        text, keyboard = render.reminder(view, ad_hoc=True)
        sent += await notify(context, chats, text, keyboard)
    await reply_pages(
        update,
        [
            t.AD_HOC_DONE.format(
                count=len(result.units),
                units=", ".join(result.units),
                last_day=format_date(result.last_day),
                sent=sent,
            )
        ],
    )


@coordinator_only
async def digest_now(update: Update, context: BotContext) -> None:
    """/tonghop: the same digest the coordinator gets in the morning, now."""
    user = update.effective_user
    assert user is not None
    services = context.services
    identity = services.identify(user.id)
    today = services.today()
    with services.session() as session:
        found = digests.plan_digests(
            session, identity, today=today, now=services.now(), tz=services.settings.tz
        )
    pages = [page for item in found if item.has_news for page in render.digest(item, today)]
    await reply_pages(update, pages or [t.DIGEST_NOTHING])

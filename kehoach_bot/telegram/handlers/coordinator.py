"""Coordinators: the status table, overdue units, extension decisions, files, ad hoc requests."""

from __future__ import annotations

from pathlib import Path

from telegram import Update

from kehoach_bot.domain.vietnamese import BadDate, parse_date
from kehoach_bot.services import coordination
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.telegram.answer import reply_pages, say, send_file
from kehoach_bot.telegram.callbacks import Action, Callback
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.render import chase
from kehoach_bot.telegram.render import coordinator as render
from kehoach_bot.telegram.render import requests as requests_render
from kehoach_bot.texts import bot_vi as t


def _user_id(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


async def status(update: Update, context: BotContext) -> None:
    """/tinhhinh [plan] [period key]: counts in the four categories and who has not submitted."""
    args = context.args or []
    runtime = context.runtime
    found = await runtime.answer(
        coordination.status,
        runtime,
        user_id=_user_id(update),
        plan_code=args[0] if args else None,
        period_key=args[1] if len(args) > 1 else None,
    )
    if found.table is None:
        lines = [f"• {code} — {title[:100]}" for code, title in found.plans]
        text = t.STATUS_CHOOSE.format(lines="\n".join(lines)) if found.plans else t.STATUS_NO_PLANS
        await reply_pages(update, [text])
        return
    pages, keyboard = render.status_table(found.table, runtime.today(), found.files or {})
    ended = [v for v in found.table.missing if v.id in found.long_overdue]
    await reply_pages(update, pages, chase.with_remind_buttons(keyboard, ended))


async def overdue(update: Update, context: BotContext) -> None:
    """/quahan: every overdue unit in the coordinator's plans, with days late."""
    runtime = context.runtime
    views = await runtime.answer(coordination.overdue, runtime, user_id=_user_id(update))
    await reply_pages(update, render.overdue(views, runtime.today()))


async def pending(update: Update, context: BotContext) -> None:
    """/giahan: extension requests waiting for this coordinator, each with its buttons."""
    runtime = context.runtime
    found = await runtime.answer(coordination.pending_extensions, runtime, user_id=_user_id(update))
    if not found:
        await reply_pages(update, [t.PENDING_EMPTY])
        return
    for extension, view in found:
        text, keyboard = render.extension_request(extension, view)
        await say(update, text, keyboard)


async def decide(update: Update, context: BotContext, parsed: Callback) -> None:
    """Approve or refuse an extension; the unit is told through the outbox."""
    query = update.callback_query
    assert query is not None
    runtime = context.runtime
    decision = await runtime.answer(
        coordination.decide_extension,
        runtime,
        user_id=_user_id(update),
        extension_id=parsed.target,
        approve=parsed.action is Action.APPROVE,
    )
    context.wake_dispatcher()
    view = decision.view
    await query.answer()
    await say(
        update,
        t.EXTENSION_DECIDED.format(
            decision=t.DECISION_APPROVED if decision.approved else t.DECISION_REFUSED,
            unit=view.unit_name,
            title=view.title,
            period=view.period,
        ),
    )


async def open_file(update: Update, context: BotContext, parsed: Callback) -> None:
    """Send a submitted report file to someone allowed to see it."""
    query = update.callback_query
    assert query is not None
    runtime = context.runtime
    stored = await runtime.answer(
        coordination.submitted_file, runtime, user_id=_user_id(update), reply_id=parsed.target
    )
    path = Path(runtime.settings.data_dir) / stored.path
    await query.answer()
    if path.is_file():
        await send_file(update, path, stored.file_name)
    else:
        await say(update, t.UNEXPECTED)


async def ad_hoc(update: Update, context: BotContext) -> None:
    """/dotxuat UNITS DATE text: an ad hoc request; the units' officers get its card."""
    args = context.args or []
    if len(args) < 3:
        await reply_pages(update, [t.AD_HOC_USAGE])
        return
    try:
        due = parse_date(args[1])
    except BadDate as exc:
        raise InvalidInput(str(exc)) from exc
    runtime = context.runtime
    sent = await runtime.answer(
        coordination.request_ad_hoc,
        runtime,
        user_id=_user_id(update),
        unit_codes=[c for c in args[0].split(",") if c.strip()],
        due=due,
        title=" ".join(args[2:]),
    )
    context.wake_dispatcher()
    await reply_pages(update, [requests_render.ad_hoc_sent(sent)])


async def digest_now(update: Update, context: BotContext) -> None:
    """/tonghop: the same digest the coordinator gets in the morning, now."""
    runtime = context.runtime
    found = await runtime.answer(coordination.digest_now, runtime, user_id=_user_id(update))
    today = runtime.today()
    pages = [page for item in found if item.has_news for page in render.digest(item, today)]
    await reply_pages(update, pages or [t.DIGEST_NOTHING])

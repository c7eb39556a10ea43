"""Coordinators: the status table, overdue units, extension decisions, files, ad hoc requests."""

from __future__ import annotations

from pathlib import Path

from telegram import Update

from kehoach_bot.domain.vietnamese import BadDate, format_date, parse_date
from kehoach_bot.services import choices, coordination
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.telegram import pickers
from kehoach_bot.telegram.answer import reply_pages, say, send_file
from kehoach_bot.telegram.callbacks import Callback
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.render import chase
from kehoach_bot.telegram.render import coordinator as render
from kehoach_bot.telegram.render import requests as requests_render
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import pickers_vi as picker_texts


def _user_id(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


STATUS_PROMPTS = pickers.PlanPeriodPrompts(
    picker_texts.CHOOSE_PLAN,
    t.STATUS_NO_PLANS,
    picker_texts.CHOOSE_PERIOD,
    picker_texts.NO_PERIODS,
)


async def status(update: Update, context: BotContext) -> None:
    """/tinhhinh [plan] [period]: counts in the four categories and who has not submitted; the
    plan and then the period are picked from buttons when not typed."""
    args = context.args or []
    runtime, user_id = context.runtime, _user_id(update)
    if await pickers.ask_plan_then_period(update, context, "tinhhinh", STATUS_PROMPTS):
        return
    found = await runtime.answer(
        coordination.status,
        runtime,
        user_id=user_id,
        plan_code=args[0],
        period_key=" ".join(args[1:]) or None,
    )
    assert found.table is not None  # a plan was named
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


async def open_file(update: Update, context: BotContext, parsed: Callback) -> None:
    """Send a submitted report file, captioned with its unit, report, period, time and sender."""
    query = update.callback_query
    assert query is not None
    runtime = context.runtime
    opened = await runtime.answer(
        coordination.submitted_file, runtime, user_id=_user_id(update), reply_id=parsed.target
    )
    path = Path(runtime.settings.data_dir) / opened.path
    await query.answer()
    if path.is_file():
        caption = render.file_caption(opened, runtime.settings.tz)
        await send_file(update, path, opened.file_name, caption=caption)
    else:
        await say(update, t.UNEXPECTED)


async def ad_hoc(update: Update, context: BotContext) -> None:
    """/dotxuat UNITS DATE text: an ad hoc request; the units' officers get its card. Without
    arguments the units are ticked on buttons, then the date and the text are asked for."""
    args = context.args or []
    runtime = context.runtime
    if not args:
        units = await runtime.answer(choices.task_units, runtime, user_id=_user_id(update))
        await pickers.ask(
            update,
            context,
            command="dotxuat",
            args=(),
            prompt=picker_texts.CHOOSE_AD_HOC_UNITS,
            options=units,
            empty=picker_texts.NO_AD_HOC_UNITS,
            multi=True,
        )
        return
    if len(args) == 1:
        units_read = pickers.chosen_label(context, args[0])
        prompt = picker_texts.ASK_AD_HOC_DATE.format(units=units_read)
        await pickers.ask_text(update, context, command="dotxuat", args=args, prompt=prompt)
        return
    try:
        due = parse_date(args[1])
    except BadDate as exc:
        raise InvalidInput(str(exc)) from exc
    if len(args) == 2:
        prompt = picker_texts.ASK_AD_HOC_TEXT.format(date=format_date(due))
        await pickers.ask_text(update, context, command="dotxuat", args=args, prompt=prompt)
        return
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

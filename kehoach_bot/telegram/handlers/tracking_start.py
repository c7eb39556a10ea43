"""/theodoitu MÃ_KẾ_HOẠCH NGÀY: an admin sets the day a plan is tracked from."""

from __future__ import annotations

from telegram import Update

from kehoach_bot.domain.vietnamese import BadDate, parse_date
from kehoach_bot.services import administration
from kehoach_bot.telegram.answer import reply_pages
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.handlers.admin import user_id
from kehoach_bot.telegram.render.admin import tracked_from
from kehoach_bot.texts import bot_vi as t


async def set_tracked_from(update: Update, context: BotContext) -> None:
    """/theodoitu MÃ_KẾ_HOẠCH dd/mm/yyyy: earlier periods become history, later ones are chased."""
    args = context.args or []
    if len(args) != 2:
        await reply_pages(update, [t.TRACKED_FROM_USAGE])
        return
    try:
        day = parse_date(args[1])
    except BadDate as exc:
        await reply_pages(update, [f"{exc}\n{t.TRACKED_FROM_USAGE}"])
        return
    runtime = context.runtime
    change = await runtime.answer(
        administration.set_tracked_from,
        runtime,
        user_id=user_id(update),
        plan_code=args[0],
        day=day,
    )
    await reply_pages(update, [tracked_from(change)])

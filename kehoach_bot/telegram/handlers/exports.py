"""Coordinators: /xuat, a plan's table as an Excel file (the plan and the period picked from
buttons when not typed)."""

from __future__ import annotations

import asyncio

from telegram import Update

from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.exports.xlsx import to_xlsx
from kehoach_bot.services import exports
from kehoach_bot.telegram import pickers
from kehoach_bot.telegram.answer import send_made_file
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.texts import exports_vi as t

PROMPTS = pickers.PlanPeriodPrompts(t.CHOOSE_PLAN, t.NO_PLANS, t.CHOOSE_PERIOD, t.NO_PERIODS)


async def export(update: Update, context: BotContext) -> None:
    """/xuat [PLAN] [PERIOD]: the table of a plan the person coordinates, as an .xlsx file."""
    args = context.args or []
    runtime = context.runtime
    assert update.effective_user is not None
    user_id = update.effective_user.id
    if await pickers.ask_plan_then_period(update, context, "xuat", PROMPTS):
        return
    period = " ".join(args[1:]) or None
    table = await runtime.answer(
        exports.coordinated_table, runtime, user_id=user_id, plan_code=args[0], period=period
    )
    content = await asyncio.to_thread(to_xlsx, table)  # building a workbook is CPU work
    label = table.rows[0].period if period is not None else t.CAPTION_ALL
    name = t.FILE_NAME.format(
        plan=table.plan, period=table.rows[0].period_key if period else t.ALL_PERIODS
    )
    caption = t.CAPTION.format(
        plan=table.plan, period=label, rows=len(table.rows), date=format_date(table.today)
    )
    await send_made_file(update, content, name, caption)

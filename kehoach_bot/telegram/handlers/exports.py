"""Coordinators' outputs, each for a plan they coordinate (the plan and the period picked from
buttons when not typed): /xuat the Excel table, /bieudo the chart, /duthao the draft synthesis
report, /tepnop the submitted files in one zip."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from telegram import Update

from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.exports.bundle_zip import (
    STORED_TYPES,
    TELEGRAM_UPLOAD_LIMIT,
    ZipSummary,
    fits_telegram,
    write_zip,
)
from kehoach_bot.exports.chart import to_png
from kehoach_bot.exports.synthesis_docx import to_docx
from kehoach_bot.exports.xlsx import to_xlsx
from kehoach_bot.services import bundle, exports, synthesis
from kehoach_bot.services.bundle import PlanFiles
from kehoach_bot.telegram import pickers
from kehoach_bot.telegram.answer import say, send_file, send_made_file, send_made_photo
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.texts import bundle_vi
from kehoach_bot.texts import exports_vi as t

PROMPTS = pickers.PlanPeriodPrompts(t.CHOOSE_PLAN, t.NO_PLANS, t.CHOOSE_PERIOD, t.NO_PERIODS)
SYNTHESIS_PROMPTS = pickers.PlanPeriodPrompts(
    t.SYNTHESIS_CHOOSE_PLAN, t.NO_PLANS, t.SYNTHESIS_CHOOSE_PERIOD, t.NO_PERIODS
)
FILES_PROMPTS = pickers.PlanPeriodPrompts(
    t.FILES_CHOOSE_PLAN, t.NO_PLANS, t.FILES_CHOOSE_PERIOD, t.NO_PERIODS
)
MEGABYTE = 1024 * 1024


async def export(update: Update, context: BotContext) -> None:
    """/xuat [PLAN] [PERIOD]: the table of a plan the person coordinates, as an .xlsx file."""
    picked = await _picked(update, context, "xuat", PROMPTS)
    if picked is None:
        return
    runtime = context.runtime
    plan, period = picked[0], picked[1] or None
    table = await runtime.answer(
        exports.coordinated_table, runtime, user_id=_user(update), plan_code=plan, period=period
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


async def chart(update: Update, context: BotContext) -> None:
    """/bieudo [PLAN] [PERIOD]: the plan's chart (every period unless one is typed), a picture."""
    args = context.args or []
    runtime = context.runtime
    if await pickers.ask_coordinated_plan(
        update, context, "bieudo", t.CHART_CHOOSE_PLAN, t.NO_PLANS
    ):
        return
    period = " ".join(args[1:]) or None
    table = await runtime.answer(
        exports.coordinated_table, runtime, user_id=_user(update), plan_code=args[0], period=period
    )
    picture = await asyncio.to_thread(to_png, table)  # drawing is CPU work
    label = table.rows[0].period if period is not None else t.CAPTION_ALL
    caption = t.CHART_CAPTION.format(plan=table.plan, period=label, date=format_date(table.today))
    await send_made_photo(update, picture, caption)


async def synthesis_report(update: Update, context: BotContext) -> None:
    """/duthao [PLAN] [PERIOD]: the draft synthesis report of one period, as a .docx file."""
    picked = await _picked(update, context, "duthao", SYNTHESIS_PROMPTS, period_required=True)
    if picked is None:
        return
    runtime = context.runtime
    made = await runtime.answer(
        synthesis.coordinated_synthesis,
        runtime,
        user_id=_user(update),
        plan_code=picked[0],
        period=picked[1],
    )
    content = await asyncio.to_thread(to_docx, made)
    plan = made.table.plan
    name = t.SYNTHESIS_FILE_NAME.format(plan=plan, period=made.period_key)
    caption = t.SYNTHESIS_CAPTION.format(
        plan=plan, period=made.period, reported=len(made.reported), units=made.units
    )
    await send_made_file(update, content, name, caption)


async def submitted_files(update: Update, context: BotContext) -> None:
    """/tepnop [PLAN] [PERIOD]: the files submitted for one period in a zip with its index, when
    the zip fits what Telegram lets a bot send; otherwise how to get it on the server."""
    picked = await _picked(update, context, "tepnop", FILES_PROMPTS, period_required=True)
    if picked is None:
        return
    runtime = context.runtime
    found = await runtime.answer(
        bundle.coordinated_files,
        runtime,
        user_id=_user(update),
        plan_code=picked[0],
        period=picked[1],
    )
    least = await asyncio.to_thread(_least_zip_size, found)  # a stat per file
    if not fits_telegram(least):  # refused before copying anything
        await _too_big(update, found, least)
        return
    with tempfile.TemporaryDirectory(prefix="kehoach-zip-") as folder:
        path = Path(folder) / "tep.zip"
        summary = await asyncio.to_thread(_zipped, found, path)  # copying files is slow work
        if not fits_telegram(summary.size):
            await _too_big(update, found, summary.size)
            return
        caption = t.FILES_CAPTION.format(
            plan=found.plan, period=found.period, files=summary.files, index=bundle_vi.INDEX_NAME
        )
        if summary.missing:
            caption += t.FILES_CAPTION_MISSING.format(missing=len(summary.missing))
        name = t.FILES_FILE_NAME.format(plan=found.plan, period=found.period_key)
        await send_file(update, path, name, caption)


async def _picked(
    update: Update,
    context: BotContext,
    command: str,
    prompts: pickers.PlanPeriodPrompts,
    *,
    period_required: bool = False,
) -> tuple[str, str] | None:
    """The plan and the period ("" for every period) once given; None while buttons ask."""
    if await pickers.ask_plan_then_period(
        update, context, command, prompts, period_required=period_required
    ):
        return None
    args = context.args or []
    return args[0], " ".join(args[1:])


async def _too_big(update: Update, found: PlanFiles, size: int) -> None:
    await say(
        update,
        t.FILES_TOO_BIG.format(
            plan=found.plan,
            period=found.period,
            size=f"{size / MEGABYTE:.0f}",
            limit=TELEGRAM_UPLOAD_LIMIT // MEGABYTE,
        ),
    )


def _least_zip_size(found: PlanFiles) -> int:
    """The bytes the zip cannot be smaller than: its files stored uncompressed, as on disk."""
    total = 0
    for item in found.files:
        # A file deflated into the zip may shrink to almost nothing: only stored ones count.
        if item.path is None or item.zip_name.rpartition(".")[2].lower() not in STORED_TYPES:
            continue
        try:
            total += item.path.stat().st_size
        except OSError:  # not on disk: the zip leaves it out
            continue
    return total


def _zipped(found: PlanFiles, path: Path) -> ZipSummary:
    with path.open("wb") as out:
        return write_zip(found, out)


def _user(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id

"""Coordinators' «nhắc lại»: a fresh reminder of an overdue period, from the button under the
status table or the /nhaclai_<id> link of a digest line; the service checks who may."""

from __future__ import annotations

import re

from telegram import Update

from kehoach_bot.services import coordination
from kehoach_bot.telegram.answer import say
from kehoach_bot.telegram.callbacks import Callback
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.render import chase as render

# The digest's one-tap link: a command whose name carries the occurrence id (Telegram command
# names take letters, digits and underscores), with the bot's @name in a group.
REMIND_AGAIN_COMMAND = re.compile(r"^/nhaclai_(\d{1,12})(?:@\w+)?$")


async def _remind_again(update: Update, context: BotContext, occurrence_id: int) -> None:
    assert update.effective_user is not None
    runtime = context.runtime
    result = await runtime.answer(
        coordination.remind_again,
        runtime,
        user_id=update.effective_user.id,
        occurrence_id=occurrence_id,
    )
    if not result.already:
        context.wake_dispatcher()
    await say(update, render.reminded(result))


async def remind_again_button(update: Update, context: BotContext, parsed: Callback) -> None:
    """«Nhắc lại» under the status table."""
    query = update.callback_query
    assert query is not None
    await _remind_again(update, context, parsed.target)
    await query.answer()


async def remind_again_command(update: Update, context: BotContext) -> None:
    """/nhaclai_<id>: the «nhắc lại» link of a digest's "quá hạn kéo dài" line."""
    message = update.effective_message
    match = REMIND_AGAIN_COMMAND.match(message.text or "") if message else None
    if match is not None:
        await _remind_again(update, context, int(match.group(1)))

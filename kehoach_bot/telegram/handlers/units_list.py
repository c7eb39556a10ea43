"""/donvi [text]: the units inside the bot, found by a few words of their name or code."""

from __future__ import annotations

from telegram import Update

from kehoach_bot.services import choices
from kehoach_bot.telegram.answer import reply_pages
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.render.units import unit_list

MAX_SEARCH = 100


async def units(update: Update, context: BotContext) -> None:
    """/donvi [text]: every unit in the person's scope, or those matching the text."""
    assert update.effective_user is not None
    search = " ".join(context.args or [])[:MAX_SEARCH]
    runtime = context.runtime
    found = await runtime.answer(
        choices.directory, runtime, user_id=update.effective_user.id, search=search
    )
    await reply_pages(update, unit_list(found, search))

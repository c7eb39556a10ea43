"""/bang: a personal one-time link that opens the board in a browser."""

from __future__ import annotations

from telegram import LinkPreviewOptions, Update

from kehoach_bot.services import board_access
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.render.board import sign_in_link
from kehoach_bot.telegram.render.mini_app import mini_app_button

# Telegram would fetch the page to draw a preview, and that fetch would spend the one-time link.
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def board_link(update: Update, context: BotContext) -> None:
    """/bang: the sign-in link, a direct answer (refused when the board is off or too often)."""
    assert update.effective_user is not None and update.effective_chat is not None
    user_id = update.effective_user.id
    runtime = context.runtime
    issued = await runtime.answer(
        board_access.issue_link, runtime, telegram_user_id=user_id, actor=f"tg:{user_id}"
    )
    await update.effective_chat.send_message(
        sign_in_link(issued),
        link_preview_options=NO_PREVIEW,
        reply_markup=mini_app_button(runtime.settings.board),  # the Mini App, when https
    )

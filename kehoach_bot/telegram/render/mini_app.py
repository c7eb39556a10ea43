"""The "📊 Bảng theo dõi" button that opens the board as a Telegram Mini App."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo

from kehoach_bot.config import BoardSettings
from kehoach_bot.texts import board_admin_vi as t


def mini_app_button(board: BoardSettings) -> InlineKeyboardMarkup | None:
    """The button when the board has a public https address (Telegram opens only https)."""
    if not board.enabled or not board.public_url.startswith("https://"):
        return None
    url = board.public_url.rstrip("/") + "/mini"
    return InlineKeyboardMarkup([[InlineKeyboardButton(t.MINI_BUTTON, web_app=WebAppInfo(url))]])

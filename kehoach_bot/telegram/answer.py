"""The direct answer to a person's own command or tap: the only messages sent in place.

Everything the bot says on its own initiative goes through the outbox instead.
"""

from __future__ import annotations

from pathlib import Path

from telegram import Bot, InlineKeyboardMarkup, InputFile, Update
from telegram.error import BadRequest


async def reply_pages(
    update: Update, pages: list[str], keyboard: InlineKeyboardMarkup | None = None
) -> None:
    """Answer with pages in order; the keyboard goes with the last page."""
    chat = update.effective_chat
    if chat is None:
        return
    for i, page in enumerate(pages):
        last = i == len(pages) - 1
        await chat.send_message(page, reply_markup=keyboard if last else None)


async def say(update: Update, text: str, keyboard: InlineKeyboardMarkup | None = None) -> None:
    """Answer in the chat the update came from (works for button presses too)."""
    await reply_pages(update, [text], keyboard)


async def send_file(update: Update, path: Path, file_name: str, caption: str | None = None) -> None:
    """Answer with a stored file, under the name it was submitted with, and its caption."""
    chat = update.effective_chat
    if chat is not None:
        with path.open("rb") as handle:
            await chat.send_document(handle, filename=file_name, caption=caption)


async def send_made_file(
    update: Update, content: bytes, file_name: str, caption: str | None = None
) -> None:
    """Answer with a file made for this request (an export), under `file_name`."""
    chat = update.effective_chat
    if chat is not None:
        await chat.send_document(InputFile(content, filename=file_name), caption=caption)


async def send_made_photo(update: Update, picture: bytes, caption: str | None = None) -> None:
    """Answer with a picture made for this request (a chart), shown in the chat."""
    chat = update.effective_chat
    if chat is not None:
        await chat.send_photo(picture, caption=caption)


async def edit_message(
    bot: Bot,
    chat_id: int,
    message_id: int,
    text: str,
    keyboard: InlineKeyboardMarkup | None = None,
) -> bool:
    """Show a card's new state in place; False when Telegram will not edit it (gone, too old)."""
    try:
        await bot.edit_message_text(
            text, chat_id=chat_id, message_id=message_id, reply_markup=keyboard
        )
    except BadRequest as error:
        # Tapping twice leaves the text as it was: the card already shows this state.
        return "not modified" in str(error).lower()
    return True


async def edit_or_say(
    update: Update, text: str, keyboard: InlineKeyboardMarkup | None = None
) -> None:
    """Edit the message whose button was tapped; answer anew when it cannot be edited."""
    query = update.callback_query
    message = query.message if query is not None else None
    if message is not None and await edit_message(
        message.get_bot(), message.chat.id, message.message_id, text, keyboard
    ):
        return
    await say(update, text, keyboard)

"""The direct answer to a person's own command or tap: the only messages sent in place.

Everything the bot says on its own initiative goes through the outbox instead.
"""

from __future__ import annotations

from pathlib import Path

from telegram import InlineKeyboardMarkup, Update


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


async def send_file(update: Update, path: Path, file_name: str) -> None:
    """Answer with a stored file, under the name it was submitted with."""
    chat = update.effective_chat
    if chat is not None:
        with path.open("rb") as handle:
            await chat.send_document(handle, filename=file_name)

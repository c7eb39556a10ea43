"""What handlers reach through the context: settings, the engine, the clock; and shared helpers."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar, cast

from sqlalchemy import Engine
from sqlmodel import Session
from telegram import InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import CallbackContext, ExtBot

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.domain.roles import Role
from kehoach_bot.services.people import Identity, identify
from kehoach_bot.texts import bot_vi as t

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class BotServices:
    """The application's dependencies, built once in bot.py."""

    settings: Settings
    engine: Engine
    clock: Callable[[], datetime]

    def now(self) -> datetime:
        """The current time (UTC, aware)."""
        return self.clock()

    def today(self) -> date:
        """Today in the agencies' timezone."""
        return self.clock().astimezone(self.settings.tz).date()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction."""
        with session_scope(self.engine) as session:
            yield session

    def preview(self, work: Callable[[Session], T]) -> T:
        """Run `work` in a transaction that is always rolled back: what would happen, unwritten."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                return work(session)
            finally:
                session.rollback()

    def identify(self, telegram_user_id: int) -> Identity:
        """Who this Telegram user is, read fresh for every action."""
        with self.session() as session:
            return identify(session, telegram_user_id, self.settings.telegram.admins)


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """A CallbackContext that gives typed access to the services."""

    @property
    def services(self) -> BotServices:
        """The application's services."""
        return cast(BotServices, self.bot_data["services"])


async def reply_pages(
    update: Update, pages: list[str], keyboard: InlineKeyboardMarkup | None = None
) -> None:
    """Send pages in order; the keyboard goes with the last page."""
    message = update.effective_message
    if message is None:
        return
    for i, page in enumerate(pages):
        last = i == len(pages) - 1
        await message.reply_text(page, reply_markup=keyboard if last else None)


async def notify(
    context: BotContext,
    chat_ids: list[int],
    text: str,
    keyboard: InlineKeyboardMarkup | None = None,
) -> int:
    """Send one message to several chats; returns how many went through."""
    sent = 0
    for chat_id in chat_ids:
        try:
            await context.bot.send_message(chat_id, text, reply_markup=keyboard)
            sent += 1
        except TelegramError as exc:
            log.warning("notify chat %s failed: %s", chat_id, exc)
    return sent


async def say(update: Update, text: str, keyboard: InlineKeyboardMarkup | None = None) -> None:
    """Send a message to the chat the update came from (works for button presses too)."""
    if update.effective_chat is not None:
        await update.effective_chat.send_message(text, reply_markup=keyboard)


Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


def requires(allowed: Callable[[Identity], bool]) -> Callable[[Handler], Handler]:
    """Answer «no permission» unless the sender passes `allowed` (checked on every call)."""

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(update: Update, context: BotContext) -> None:
            user = update.effective_user
            if user is None or not allowed(context.services.identify(user.id)):
                await reply_pages(update, [t.NOT_ALLOWED])
                return
            await handler(update, context)

        return guarded

    return wrap


admin_only = requires(lambda identity: identity.is_admin)
coordinator_only = requires(
    lambda identity: identity.is_admin or Role.COORDINATOR in identity.roles
)

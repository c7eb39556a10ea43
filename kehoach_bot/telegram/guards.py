"""What every update passes before any handler sees it: a per-person limit on bursts (group -2),
then the private chat as the only place the bot works (group -1).

Both stop an update by raising `ApplicationHandlerStop`, so that no later group runs. The burst
limit is counted in this process's memory: with several bot processes each counts its own
share, and a restart forgets the counts (a limit of seconds needs nothing more).
"""

from __future__ import annotations

import enum
import logging
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop, TypeHandler

from kehoach_bot.config import TelegramSettings
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.texts import guards_vi as t

log = logging.getLogger(__name__)
RATE_GROUP = -2
CHAT_GROUP = -1
PRUNE_EVERY = 1000  # admissions between two sweeps of people not seen for a window


class Verdict(enum.Enum):
    """What becomes of one update of one person."""

    ADMIT = "admit"
    REPEAT = "repeat"  # the same tap or text again within the window: dropped quietly
    TOO_FAST = "too_fast"  # over the burst: dropped, and the person is told once
    DROP = "drop"  # over the burst, already told


@dataclass
class _Recent:
    admitted: deque[float] = field(default_factory=deque)
    keys: dict[str, float] = field(default_factory=dict)  # key → last time it came
    warned_at: float | None = None


class BurstLimiter:
    """At most `burst` updates per person in any `window` seconds, and each distinct tap or text
    once per window (a repeat within the window restarts it)."""

    def __init__(self, burst: int, window: float) -> None:
        self.burst, self.window = burst, window
        self._people: dict[int, _Recent] = {}
        self._since_prune = 0

    def admit(self, person: int, key: str | None, now: float) -> Verdict:
        """Count one update of `person` at `now` (seconds); `key` names a repeatable action."""
        self._maybe_prune(now)
        recent = self._people.setdefault(person, _Recent())
        cutoff = now - self.window
        while recent.admitted and recent.admitted[0] <= cutoff:
            recent.admitted.popleft()
        recent.keys = {k: at for k, at in recent.keys.items() if at > cutoff}
        if key is not None and key in recent.keys:
            recent.keys[key] = now
            return Verdict.REPEAT
        if len(recent.admitted) >= self.burst:
            if recent.warned_at is not None and recent.warned_at > cutoff:
                return Verdict.DROP
            recent.warned_at = now
            return Verdict.TOO_FAST
        recent.admitted.append(now)
        if key is not None:
            recent.keys[key] = now
        return Verdict.ADMIT

    def _maybe_prune(self, now: float) -> None:
        self._since_prune += 1
        if self._since_prune < PRUNE_EVERY:
            return
        self._since_prune = 0
        cutoff = now - self.window
        for person in [p for p, r in self._people.items() if _last_seen(r) <= cutoff]:
            del self._people[person]


def _last_seen(recent: _Recent) -> float:
    times = [*recent.admitted, *recent.keys.values(), recent.warned_at or 0.0]
    return max(times)


class Guards:
    """The two guards, sharing one limiter for the application's life."""

    def __init__(self, settings: TelegramSettings) -> None:
        self.limiter = BurstLimiter(settings.per_person_burst, settings.per_person_window_seconds)

    async def limit_rate(self, update: Update, context: BotContext) -> None:
        """Drop a person's repeated taps and bursts; say "too fast" once per window."""
        user = update.effective_user
        if user is None or not self.limiter.window:
            return
        verdict = self.limiter.admit(user.id, _key(update), context.runtime.now().timestamp())
        if verdict is Verdict.ADMIT:
            return
        if verdict is Verdict.TOO_FAST:
            await _tell(update, t.TOO_FAST, loud=False)
        raise ApplicationHandlerStop

    async def private_only(self, update: Update, context: BotContext) -> None:
        """Outside a private chat, answer a command or a tap with a pointer to the private chat,
        and let nothing else through (a unit's cards are never shown in a group)."""
        chat = update.effective_chat
        if chat is None or chat.type == ChatType.PRIVATE:
            return
        username = context.bot.username
        pointer = (
            t.PRIVATE_CHAT_ONLY.format(username=username)
            if username
            else t.PRIVATE_CHAT_ONLY_NO_NAME
        )
        if update.callback_query is not None:
            await _tell(update, pointer, loud=True)
            raise ApplicationHandlerStop
        message = update.message
        if message is not None and _is_invite(message):
            return  # /start with an invite: onboarding refuses it and says why
        if message is not None and _is_command_for(message, username):
            await _tell(update, pointer, loud=True)
        raise ApplicationHandlerStop


def install(
    application: Application[Any, Any, Any, Any, Any, Any], settings: TelegramSettings
) -> None:
    """Register the guards ahead of every other handler."""
    guards = Guards(settings)
    application.add_handler(TypeHandler(Update, guards.limit_rate), group=RATE_GROUP)
    application.add_handler(TypeHandler(Update, guards.private_only), group=CHAT_GROUP)


def _key(update: Update) -> str | None:
    if update.callback_query is not None:
        return f"tap:{update.callback_query.data}"
    message = update.message
    if message is not None and message.text:
        return f"text:{message.chat_id}:{message.text}"
    return None


def _command(message: Message) -> str | None:
    text = message.text or ""
    return text.split()[0] if text.startswith("/") else None


def _is_invite(message: Message) -> bool:
    command = _command(message)
    return (
        command is not None
        and command.split("@")[0] == "/start"
        and len((message.text or "").split()) > 1
    )


def _is_command_for(message: Message, username: str | None) -> bool:
    """A command, unless it is addressed to another bot (/help@other_bot)."""
    command = _command(message)
    if command is None:
        return False
    _, _, addressee = command.partition("@")
    return not addressee or (username is not None and addressee.lower() == username.lower())


async def _tell(update: Update, text: str, *, loud: bool) -> None:
    """A tap gets a toast (an alert when `loud`); a message an answer in a private chat (in any
    chat when `loud`)."""
    try:
        query = update.callback_query
        if query is not None:
            await query.answer(text, show_alert=loud)
            return
        chat = update.effective_chat
        if chat is not None and (loud or chat.type == ChatType.PRIVATE):
            await chat.send_message(text)
    except TelegramError:
        log.warning("could not answer a guarded update")  # it is dropped either way

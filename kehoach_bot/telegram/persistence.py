"""A person's state (`UserState`) kept in the database through PTB's own persistence mechanism.

Only `user_data` is persisted. Every state is encoded by `state_codec` (JSON, no pickle) and
stored by `services.conversation`, off the event loop in the answers lane. A row that no longer
decodes (a class renamed by an upgrade, a tampered row) is dropped with a warning and the person
starts fresh. A person in the middle of nothing has no row, and an unchanged state is not
written again, so most updates cost no database work at all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from contextvars import ContextVar
from typing import Any

from telegram import Update
from telegram.ext import Application, BasePersistence, BaseRateLimiter, PersistenceInput

from kehoach_bot.runtime import Runtime
from kehoach_bot.services import conversation
from kehoach_bot.telegram import state_codec
from kehoach_bot.telegram.context import BotContext, UserState

ConversationKey = tuple[int | str, ...]

log = logging.getLogger(__name__)

# The state is written before every reply and after every update (see `SaveBeforeSending` and
# `save_state`); the periodic run PTB also makes only catches changes made outside an update.
UPDATE_INTERVAL = 60.0
# The groups `note_person` and `save_state` are registered in: before and after every other.
NOTE_GROUP = -1_000_000
SAVE_GROUP = 1_000_000

# The person whose update this task is handling (None in the dispatcher's and the jobs' tasks).
_person: ContextVar[int | None] = ContextVar("kehoach_state_person", default=None)
AnyApplication = Application[Any, Any, Any, Any, Any, Any]
ApiResult = bool | dict[str, Any] | list[dict[str, Any]]


class StatePersistence(BasePersistence[UserState, dict[Any, Any], dict[Any, Any]]):
    """Keeps each person's `UserState` in the `conversationstate` table."""

    def __init__(self, runtime: Runtime) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=UPDATE_INTERVAL,
        )
        self._runtime = runtime
        self._stored: dict[int, str] = {}  # what the database holds, as last read or written

    async def get_user_data(self) -> dict[int, UserState]:
        """Every person's state as stored; rows that no longer decode are dropped."""
        rows = await self._runtime.answer(conversation.load_all, self._runtime)
        states: dict[int, UserState] = {}
        for user_id, text in rows.items():
            try:
                states[user_id] = state_codec.loads(text, UserState)
            except state_codec.Undecodable as error:
                log.warning("dropping the stored state of user %s: %s", user_id, error)
                await self._runtime.answer(conversation.drop, self._runtime, user_id=user_id)
                continue
            self._stored[user_id] = text
        return states

    async def update_user_data(self, user_id: int, data: UserState) -> None:
        """Write a person's state if it changed; a state gone empty deletes the row."""
        if data.is_empty():
            if self._stored.pop(user_id, None) is not None:
                await self._runtime.answer(conversation.drop, self._runtime, user_id=user_id)
            return
        text = state_codec.dumps(data)
        if self._stored.get(user_id) == text:
            return
        await self._runtime.answer(conversation.save, self._runtime, user_id=user_id, state=text)
        self._stored[user_id] = text

    async def drop_user_data(self, user_id: int) -> None:
        """Forget a person's state."""
        self._stored.pop(user_id, None)
        await self._runtime.answer(conversation.drop, self._runtime, user_id=user_id)

    async def refresh_user_data(self, user_id: int, user_data: UserState) -> None:
        """Nothing to refresh: this process is the only writer."""

    async def flush(self) -> None:
        """Nothing to flush: every change is written when it is handed over."""

    # --- what is not persisted -------------------------------------------------------------

    async def get_chat_data(self) -> dict[int, dict[Any, Any]]:
        """Chat data is not kept."""
        return {}

    async def get_bot_data(self) -> dict[Any, Any]:
        """Bot data is not kept (it holds the runtime)."""
        return {}

    async def get_callback_data(self) -> None:
        """Callback data is not kept (ours is plain text, parsed and checked on each press)."""
        return None

    async def get_conversations(self, name: str) -> dict[ConversationKey, object]:
        """No ConversationHandler is used."""
        return {}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        """No ConversationHandler is used."""

    async def update_chat_data(self, chat_id: int, data: dict[Any, Any]) -> None:
        """Chat data is not kept."""

    async def update_bot_data(self, data: dict[Any, Any]) -> None:
        """Bot data is not kept."""

    async def update_callback_data(self, data: Any) -> None:
        """Callback data is not kept."""

    async def drop_chat_data(self, chat_id: int) -> None:
        """Chat data is not kept."""

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[Any, Any]) -> None:
        """Chat data is not kept."""

    async def refresh_bot_data(self, bot_data: dict[Any, Any]) -> None:
        """Bot data is not kept."""


class SaveBeforeSending(BaseRateLimiter[Any]):
    """Writes the state of the person being answered before each Bot API call, then lets the
    wrapped limiter make the call.

    PTB alone writes states every `update_interval` seconds; a restart after the bot's question
    and before that write would lose what the question awaits ("send the file"). A rate limiter
    is PTB's one public hook in front of every request, so the question never reaches the person
    before the state it sets up is in the database. An unchanged state costs no database work.
    """

    def __init__(self, inner: BaseRateLimiter[Any]) -> None:
        self._inner = inner
        self._application: AnyApplication | None = None

    def bind(self, application: AnyApplication) -> None:
        """The application whose persistence is written."""
        self._application = application

    async def initialize(self) -> None:
        """Set up the wrapped limiter."""
        await self._inner.initialize()

    async def shutdown(self) -> None:
        """Release the wrapped limiter."""
        await self._inner.shutdown()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, ApiResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Any,
    ) -> ApiResult:
        """Save the person's state, then make the request through the wrapped limiter."""
        person = _person.get()
        if person is not None and self._application is not None:
            await _write(self._application, person)
        return await self._inner.process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )


async def note_person(update: Update, context: BotContext) -> None:
    """Remember whose update this task handles, so that replies save that person's state first."""
    user = update.effective_user
    _person.set(None if user is None else user.id)


async def save_state(update: Update, context: BotContext) -> None:
    """Write the person's state once every handler of the update is done (even a failed one),
    before the next update is taken: a change followed by no reply is kept too."""
    user = update.effective_user
    _person.set(None)
    if user is not None:
        await _write(context.application, user.id)


async def _write(application: AnyApplication, user_id: int) -> None:
    application.mark_data_for_update_persistence(user_ids=user_id)
    await application.update_persistence()

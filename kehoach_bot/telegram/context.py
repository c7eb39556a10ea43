"""What handlers reach through the context: the runtime, the person's typed state, the
dispatcher's wake-up; built once by `build_application`."""

from __future__ import annotations

import dataclasses
import enum
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from telegram.ext import Application, CallbackContext, ExtBot

from kehoach_bot.runtime import Runtime
from kehoach_bot.services.administration import SuccessionRequest, UndoRequest
from kehoach_bot.services.group_changes import MemberChange
from kehoach_bot.services.group_previews import MemberAction
from kehoach_bot.services.obligations import Field, ProposedChange
from kehoach_bot.telegram.picking import Picking

RUNTIME_KEY = "runtime"
WAKE_KEY = "wake"
# A preview's id: random, so that a «Lưu» shown before a restart never names a later preview
# (a counter would start again at 1); it fits the 12 digits callback data allows.
TOKEN_RANGE = 10**12


class Awaiting(enum.StrEnum):
    """What the person's next message is the answer to."""

    FILE = "file"
    STUCK = "stuck"
    EXTENSION = "extension"


@dataclass(frozen=True, slots=True)
class Waiting:
    """The report a file, a stuck note or an extension date is awaited for."""

    kind: Awaiting
    occurrence_id: int
    card_message_id: int | None = None  # the card to edit once the answer arrives
    replacing: bool = False  # a file sent as the replacement of a submitted report


@dataclass(frozen=True, slots=True)
class LooseFile:
    """A file sent with nothing asked, kept until the officer says which report it is for."""

    file_id: str
    file_unique_id: str
    file_name: str
    size: int | None
    message_id: int
    caption: str = ""


@dataclass(frozen=True, slots=True)
class FieldEdit:
    """The obligation field the admin's next text message is the new value of."""

    obligation_id: int
    field: Field


@dataclass(frozen=True, slots=True)
class PlanUpload:
    """A plan file waiting for «Lưu»."""

    name: str
    text: str


@dataclass(frozen=True, slots=True)
class PlanReading:
    """An admin's /kehoachmoi: the plan's text pasted so far, until a file or «Đọc» ends it."""

    parts: tuple[str, ...] = ()

    @property
    def length(self) -> int:
        """Characters pasted so far."""
        return sum(len(part) for part in self.parts)


@dataclass(frozen=True, slots=True)
class GroupInput:
    """The group whose members the admin's next text message adds, removes or lists."""

    group: str
    action: MemberAction


Change = ProposedChange | PlanUpload | SuccessionRequest | MemberChange | UndoRequest


@dataclass(frozen=True, slots=True)
class Pending:
    """A previewed change and the token its «Lưu» button carries."""

    change: Change
    token: int = field(default_factory=lambda: secrets.randbelow(TOKEN_RANGE))


@dataclass(frozen=True, slots=True)
class Refusing:
    """The extension request whose refusal reason the coordinator's next text message is, and
    where its card is, to edit it once decided."""

    extension_id: int
    chat_id: int
    message_id: int


@dataclass
class UserState:
    """What one person is in the middle of."""

    waiting: Waiting | None = None
    editing: FieldEdit | None = None
    pending: Pending | None = None
    group_input: GroupInput | None = None
    loose_file: LooseFile | None = None
    picker: Picking | None = None  # a command waiting for its next argument (telegram/pickers)
    refusing: Refusing | None = None  # a refusal waiting for its reason
    reading: PlanReading | None = None  # a new plan's text or file awaited (/kehoachmoi)

    def clear(self) -> None:
        """Forget every flow in progress: each field back to its default."""
        for spec in dataclasses.fields(self):
            if spec.default_factory is not dataclasses.MISSING:
                setattr(self, spec.name, spec.default_factory())
            else:
                setattr(self, spec.name, spec.default)

    def is_empty(self) -> bool:
        """Whether the person is in the middle of nothing (nothing to keep across a restart)."""
        return self == type(self)()


class BotContext(CallbackContext[ExtBot[None], UserState, dict[Any, Any], dict[Any, Any]]):
    """A CallbackContext with typed access to the runtime and the person's state."""

    @property
    def runtime(self) -> Runtime:
        """The application's runtime."""
        return cast(Runtime, self.bot_data[RUNTIME_KEY])

    @property
    def state(self) -> UserState:
        """What this person is in the middle of."""
        assert self.user_data is not None
        return self.user_data

    def wake_dispatcher(self) -> None:
        """Something was queued: let the dispatcher look now rather than at the next tick."""
        wake = cast(Callable[[], None] | None, self.bot_data.get(WAKE_KEY))
        if wake is not None:
            wake()


def runtime_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Runtime:
    """The runtime an application was built with."""
    return cast(Runtime, application.bot_data[RUNTIME_KEY])

"""Callback data of inline buttons: short, versioned, strictly parsed — and never trusted.

Parsing only says what the button claims; handlers check on the server that the person may act on
the occurrence or extension it names.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

PREFIX = "k1"
_PATTERN = re.compile(r"^k1:([a-z]{1,3})((?::\d{1,12}){0,2})$")


class Action(enum.StrEnum):
    """What a button asks for."""

    SUBMIT = "d"  # Đã nộp: ask for the file
    NO_FILE = "n"  # submitted another way
    PROGRESS = "p"
    STUCK = "s"
    EXTEND = "e"
    CANCEL = "c"
    APPROVE = "ya"
    REFUSE = "yr"
    FILE = "f"  # open a submitted file (reply id)
    FIELD = "fe"  # admin: edit this field (obligation id, field index)
    CONFIRM = "ok"  # admin: save the preview this token names (the change stays on the server)
    REMIND_AGAIN = "ra"  # coordinator: «nhắc lại» an overdue occurrence to its unit's officers
    GROUP = "g"  # admin: a named group's card (group id)
    GROUP_MODE = "gm"  # admin: add, remove or paste members (group id, mode index)
    REVIEW_ALL = "rk"  # admin /duyet: keep every date of the flow (a flagged obligation id)
    REVIEW_ONLY = "ro"  # admin /duyet: keep only this obligation, drop the rest of its flow
    REVIEW_DROP = "rx"  # admin /duyet: drop this flagged obligation
    OPEN = "o"  # officer: open one report's card from the /viec list (occurrence id)
    OWED_PAGE = "vp"  # officer: another page of the /viec list (page number)
    REPLACE = "rp"  # officer: send a replacement file for a submitted report (occurrence id)
    UNDO = "u"  # officer: take back one's own answer within the window (reply id)
    HISTORY = "h"  # officer: the submissions of one report (occurrence id)
    CANCEL_ANSWER = "ca"  # officer: stop answering and show the card again (occurrence id)
    FILE_FOR = "sf"  # officer: submit the file sent with nothing asked for this report
    PICK = "pk"  # a picker's option (picker token, option index); the list stays on the server
    PAGE = "pg"  # another page of a picker (picker token, page)
    PICK_DONE = "px"  # «Xong» under a picker where several may be ticked (picker token)
    PICK_CANCEL = "pc"  # «Hủy» under a picker (picker token)
    REFUSE_NO_REASON = "yn"  # coordinator: refuse an extension without a reason (extension id)
    READ_PLAN = "rd"  # admin /kehoachmoi: read the plan text pasted so far


_ARITY = {
    Action.CANCEL: 0,
    Action.READ_PLAN: 0,
    Action.FIELD: 2,
    Action.GROUP_MODE: 2,
    Action.PICK: 2,
    Action.PAGE: 2,
}

# Ids are INTEGER columns: a larger one names nothing, and PostgreSQL refuses to compare it.
MAX_ID = 2**31 - 1
# Actions whose first id is a random token kept in the person's state, not a row's id.
_TOKEN_ACTIONS = frozenset({Action.CONFIRM})


@dataclass(frozen=True, slots=True)
class Callback:
    """A parsed button press."""

    action: Action
    ids: tuple[int, ...]

    @property
    def target(self) -> int:
        """The first id: an occurrence, an extension or a reply, depending on the action."""
        return self.ids[0]


def encode(action: Action, *ids: int) -> str:
    """Callback data for a button (at most 64 bytes)."""
    return ":".join([PREFIX, action.value, *(str(i) for i in ids)])


def decode(data: str | None) -> Callback | None:
    """The button's claim, or None when the data is malformed or unknown."""
    if not data or len(data) > 64:
        return None
    match = _PATTERN.match(data)
    if match is None:
        return None
    try:
        action = Action(match.group(1))
    except ValueError:
        return None
    ids = tuple(int(part) for part in match.group(2).split(":") if part)
    if action not in _TOKEN_ACTIONS and any(i > MAX_ID for i in ids):
        return None
    if len(ids) != _ARITY.get(action, 1):
        return None
    return Callback(action, ids)

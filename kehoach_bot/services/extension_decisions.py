"""A coordinator's decision on an extension request, on a session: decided once, the unit told
with the refusal's reason, and a second tap answered with the decision already taken."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from kehoach_bot.db.models import Extension
from kehoach_bot.domain.stored import ExtensionStatus, MessageKind
from kehoach_bot.services import names, notices, replies
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound
from kehoach_bot.services.names import PersonName
from kehoach_bot.services.people import Identity
from kehoach_bot.services.replies import ExtensionView, extension_view
from kehoach_bot.services.tracking import OccurrenceView, get_view, may_coordinate
from kehoach_bot.texts import errors_vi as t
from kehoach_bot.texts import messages_vi

MAX_REASON = 500


@dataclass(frozen=True, slots=True)
class Decision:
    """A decided extension, its report after the decision, who decided and when; `already`
    when it had been decided before this tap (nothing changed)."""

    extension: ExtensionView
    view: OccurrenceView
    decided_by: PersonName | None = None
    decided_at: datetime | None = None
    reason: str = ""
    already: bool = False

    @property
    def approved(self) -> bool:
        """True when the extension was granted."""
        return self.extension.status is ExtensionStatus.APPROVED


def clean_reason(text: str) -> str:
    """A refusal's reason on one line; too long a reason is refused, never cut."""
    reason = " ".join(text.split())
    if len(reason) > MAX_REASON:
        raise InvalidInput(messages_vi.REASON_TOO_LONG.format(length=len(reason), limit=MAX_REASON))
    return reason


def _row(
    session: Session, identity: Identity, extension_id: int, today: date, *, lock: bool = False
) -> Extension:
    # Locked when deciding: two coordinators tapping at once decide once, the second reads it.
    extension = session.get(Extension, extension_id, with_for_update=lock)
    if extension is None:
        raise NotFound(t.EXTENSION_NOT_FOUND)
    if not may_coordinate(identity, get_view(session, extension.occurrence_id, today)):
        raise Forbidden(t.ONLY_COORDINATOR_DECIDES)
    return extension


def _decided(session: Session, extension: Extension, today: date, *, already: bool) -> Decision:
    decider = extension.decided_by_id
    found = names.by_person_id(session, [decider]) if decider is not None else {}
    return Decision(
        extension_view(extension),
        get_view(session, extension.occurrence_id, today),
        decided_by=found.get(decider) if decider is not None else None,
        decided_at=extension.decided_at,
        already=already,
    )


def look(session: Session, *, identity: Identity, extension_id: int, today: date) -> Decision:
    """An extension request as it stands, for a coordinator of its report (`already` once
    decided)."""
    extension = _row(session, identity, extension_id, today)
    decided = extension.status != ExtensionStatus.PENDING
    return _decided(session, extension, today, already=decided)


def decide(
    session: Session,
    *,
    identity: Identity,
    extension_id: int,
    approve: bool,
    reason: str,
    now: datetime,
    today: date,
) -> Decision:
    """Approve or refuse once, and queue the unit's notice; a decided request is read back."""
    extension = _row(session, identity, extension_id, today, lock=True)
    if extension.status != ExtensionStatus.PENDING:
        return _decided(session, extension, today, already=True)
    reason = "" if approve else reason
    decided, view = replies.decide_extension(
        session,
        identity=identity,
        extension_id=extension_id,
        approve=approve,
        reason=reason,
        now=now,
        today=today,
    )
    notices.tell_unit(
        session, view, MessageKind.EXTENSION_DECISION, decided.id, now=now, text=reason
    )
    found = _decided(session, extension, today, already=False)
    return Decision(decided, view, found.decided_by, found.decided_at, reason, False)

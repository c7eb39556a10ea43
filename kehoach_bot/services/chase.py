"""The end of the automatic chase, on a session: which periods are "quá hạn kéo dài", which units
no reminder reaches, and a coordinator's «nhắc lại» (one fresh reminder per officer and day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from kehoach_bot.db.models import Membership, Occurrence, Person
from kehoach_bot.domain.reminders import chase_ended_through
from kehoach_bot.domain.status import State, Status
from kehoach_bot.domain.stored import MessageKind
from kehoach_bot.services import audit
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound
from kehoach_bot.services.outbox import Message, enqueue, reminder_key
from kehoach_bot.services.people import Identity
from kehoach_bot.services.reminders import officer_chats, reachable_officer
from kehoach_bot.services.tracking import (
    OccurrenceView,
    effective_deadline,
    get_view,
    may_coordinate,
)
from kehoach_bot.texts import chase_vi as t
from kehoach_bot.texts import guards_vi

REMIND_AGAIN = "nhac-lai"
MAX_ID = 2**31 - 1  # occurrence ids are INTEGER: PostgreSQL refuses to compare a larger one


def remind_again_stage(today: date) -> str:
    """The outbox stage of a «nhắc lại» on `today`: one per occurrence, officer and day."""
    return f"{REMIND_AGAIN}-{today.isoformat()}"


def is_remind_again(stage: str) -> bool:
    """True for the stage of a coordinator's «nhắc lại» (not one of the automatic stages)."""
    return stage.startswith(f"{REMIND_AGAIN}-")


def long_overdue(today: date, max_weekly: int) -> Any:
    """SQL condition: the automatic chase of the occurrence is over by `today` (the query
    filters open, tracked occurrences itself)."""
    return effective_deadline() <= chase_ended_through(today, max_weekly)


def without_officer() -> Any:
    """SQL condition: no reminder reaches the occurrence's unit (no active officer with a chat)."""
    reached = (
        select(col(Membership.unit_id))
        .join(Person, col(Person.id) == col(Membership.person_id))
        .where(*reachable_officer())
    )
    return col(Occurrence.unit_id).not_in(reached)


@dataclass(frozen=True, slots=True)
class RemindedAgain:
    """A «nhắc lại»: the occurrence, how many reminders were queued now, to how many officers."""

    view: OccurrenceView
    queued: int
    officers: int

    @property
    def already(self) -> bool:
        """True when every officer had already been reminded again today."""
        return self.queued == 0


def remind_again(
    session: Session, *, identity: Identity, occurrence_id: int, today: date, now: datetime
) -> RemindedAgain:
    """Queue a fresh reminder of an overdue occurrence to its unit's officers, once a day."""
    if not 0 < occurrence_id <= MAX_ID:  # typed in a /nhaclai_ link: it names nothing
        raise NotFound(guards_vi.OCCURRENCE_NOT_FOUND)
    view = get_view(session, occurrence_id, today)
    if not may_coordinate(identity, view):
        raise Forbidden(t.REMIND_AGAIN_FORBIDDEN)
    if view.state is not State.OPEN:
        raise InvalidInput(t.REMIND_AGAIN_NOT_OPEN)
    if view.status is Status.NOT_TRACKED:
        raise InvalidInput(t.REMIND_AGAIN_NOT_TRACKED)
    if view.status is not Status.OPEN_OVERDUE:
        raise InvalidInput(t.REMIND_AGAIN_NOT_OVERDUE)
    recipients = officer_chats(session, {view.unit_id}).get(view.unit_id, [])
    if not recipients:
        raise InvalidInput(t.REMIND_AGAIN_NO_OFFICER.format(unit=view.unit_name, code=view.unit))
    stage = remind_again_stage(today)
    queued = enqueue(
        session,
        [
            Message(
                key=reminder_key(view.id, chat_id, stage),
                chat_id=chat_id,
                kind=MessageKind.REMINDER,
                stage=stage,
                occurrence_id=view.id,
                person_id=person_id,
            )
            for person_id, chat_id in recipients
        ],
        now=now,
    )
    if queued:
        audit.record(
            session,
            actor=f"tg:{identity.telegram_user_id}",
            action="remind_again",
            entity="occurrence",
            entity_id=view.id,
            after={"stage": stage, "queued": queued},
            now=now,
        )
    return RemindedAgain(view, queued, len(recipients))

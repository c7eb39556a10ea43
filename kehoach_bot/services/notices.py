"""Notices the bot sends after a person's action: queued in the action's own transaction.

A submission, a stuck note or an extension request tells the coordinators of the report; a
decision tells the unit; an ad hoc request gives each officer of the chosen units its card. All go
through the outbox, so they are retried and recorded like reminders, and each is rendered fresh
when its turn comes (a decided extension request is no longer offered).
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import MessageKind, ReplyKind
from kehoach_bot.services.outbox import Message, enqueue, notice_key
from kehoach_bot.services.people import chats_of
from kehoach_bot.services.tracking import OccurrenceView

TO_COORDINATORS = (Role.COORDINATOR,)
TO_UNIT = (Role.OFFICER, Role.COORDINATOR)


def tell_coordinators(
    session: Session, view: OccurrenceView, kind: MessageKind, subject_id: int, *, now: datetime
) -> int:
    """Queue a notice to the coordinators of the report (recipient and "qua" office)."""
    chats = chats_of(session, {view.via_id, view.recipient_id}, TO_COORDINATORS)
    return _queue(session, chats, view.id, kind, subject_id, now)


def tell_withdrawn(
    session: Session, view: OccurrenceView, reply_id: int, kind: ReplyKind, *, now: datetime
) -> int:
    """Queue "the unit took back its answer" to the report's coordinators (the reply is gone,
    so the row keeps which kind of answer it was)."""
    chats = chats_of(session, {view.via_id, view.recipient_id}, TO_COORDINATORS)
    return _queue(session, chats, view.id, MessageKind.WITHDRAWN, reply_id, now, kind.value)


def tell_unit(
    session: Session,
    view: OccurrenceView,
    kind: MessageKind,
    subject_id: int,
    *,
    now: datetime,
    text: str = "",
) -> int:
    """Queue a notice to the people of the owing unit (`text`: words it carries, such as the
    reason of a refusal, kept on the row because the notice is rendered when sent)."""
    chats = chats_of(session, {view.unit_id}, TO_UNIT)
    return _queue(session, chats, view.id, kind, subject_id, now, text)


def send_request_cards(session: Session, views: list[OccurrenceView], *, now: datetime) -> int:
    """Queue the card of an ad hoc request to every officer of each chosen unit."""
    queued = 0
    for view in views:
        chats = chats_of(session, {view.unit_id}, (Role.OFFICER,))
        queued += _queue(session, chats, view.id, MessageKind.REQUEST, view.id, now)
    return queued


def _queue(
    session: Session,
    chats: list[int],
    occurrence_id: int,
    kind: MessageKind,
    subject_id: int,
    now: datetime,
    text: str = "",
) -> int:
    return enqueue(
        session,
        [
            Message(
                key=notice_key(kind, subject_id, chat_id),
                chat_id=chat_id,
                kind=kind,
                # One row per subject: a second reply, request or decision on the same
                # occurrence is a notice of its own (the outbox is unique on occurrence,
                # chat and stage).
                stage=f"{kind.value}:{subject_id}",
                occurrence_id=occurrence_id,
                subject_id=subject_id,
                text=text,
            )
            for chat_id in chats
        ],
        now=now,
    )

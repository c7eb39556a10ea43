"""What a submitted file is, for its caption: the unit, the report, the period, when and by whom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from kehoach_bot.db.models import Reply
from kehoach_bot.services import names, replies
from kehoach_bot.services.names import PersonName
from kehoach_bot.services.people import Identity
from kehoach_bot.services.replies import StoredFile
from kehoach_bot.services.tracking import get_view


@dataclass(frozen=True, slots=True)
class OpenedFile:
    """A submitted file and the facts its caption gives."""

    stored: StoredFile
    unit: str
    title: str
    period: str
    submitted_at: datetime
    submitted_by: PersonName | None

    @property
    def reply_id(self) -> int:
        """The reply the file came with."""
        return self.stored.reply_id

    @property
    def file_name(self) -> str:
        """The name it was submitted under."""
        return self.stored.file_name

    @property
    def path(self) -> str:
        """Where it lies under the data folder."""
        return self.stored.path


def opened_file(session: Session, *, identity: Identity, reply_id: int, today: date) -> OpenedFile:
    """A submitted file with its facts, for the unit itself or its coordinators."""
    stored = replies.reply_file(session, identity=identity, reply_id=reply_id, today=today)
    reply = session.get(Reply, reply_id)
    assert reply is not None  # reply_file found it
    view = get_view(session, reply.occurrence_id, today)
    person = reply.person_id
    by = names.by_person_id(session, [person]).get(person) if person is not None else None
    return OpenedFile(stored, view.unit_name, view.title, view.period, reply.created_at, by)

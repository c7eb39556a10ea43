"""The board's other pages, one transaction each: the home page, an officer's page, a cell's
details and a submitted file's download. Every page re-identifies the person from the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlmodel import col, select

from kehoach_bot.db.models import (
    Extension,
    Outbox,
    Plan,
    Reply,
)
from kehoach_bot.domain.status import (
    Status,
)
from kehoach_bot.domain.stored import DeliveryStatus, ExtensionStatus, MessageKind, ReplyKind
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import card_facts, tracking
from kehoach_bot.services import names as person_names
from kehoach_bot.services import replies as replies_service
from kehoach_bot.services.board_access import SessionRef, session_viewer
from kehoach_bot.services.errors import Forbidden, NotFound
from kehoach_bot.services.exports import find_plan
from kehoach_bot.services.people import Identity
from kehoach_bot.services.tracking import (
    OccurrenceView,
    may_answer,
    may_coordinate,
)
from kehoach_bot.texts import board_vi as t

HISTORY_LIMIT = 30


@dataclass(frozen=True, slots=True)
class UnitOwed:
    """One of the person's units and how many reports it still owes."""

    unit: str
    unit_name: str
    owed: int


@dataclass(frozen=True, slots=True)
class Home:
    """The person's home page: the plans they follow and their units."""

    full_name: str
    is_admin: bool
    plans: tuple[tuple[str, str], ...]  # (code, title)
    units: tuple[UnitOwed, ...]
    today: date


def home(runtime: Runtime, *, ref: SessionRef) -> Home:
    """`/`: a coordinator's plans, an officer's units, every plan for an admin."""
    today = runtime.today()
    with runtime.transaction() as session:
        identity = session_viewer(session, runtime, ref)
        if identity.is_admin:
            plans = tuple(sorted(session.exec(select(Plan.code, Plan.title)).all()))
        else:
            plans = tuple(tracking.coordinated_plans(session, identity))
        owed = tracking.owed(session, identity, today)
        counted: dict[int, int] = {}
        for view in owed:
            counted[view.unit_id] = counted.get(view.unit_id, 0) + 1
        units = tuple(
            UnitOwed(m.unit, m.unit_name, counted.get(m.unit_id, 0))
            for m in identity.memberships
            if m.role in tracking.ANSWERING_ROLES
        )
        return Home(
            identity.full_name or str(identity.telegram_user_id),
            identity.is_admin,
            plans,
            tuple(dict.fromkeys(units)),
            today,
        )


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """One submission of the person's units."""

    at: datetime  # local time
    by: str
    title: str
    period: str
    unit_name: str
    file_name: str | None


@dataclass(frozen=True, slots=True)
class UnitPage:
    """An officer's page: what their units still owe and their submissions."""

    full_name: str
    units: tuple[str, ...]  # names
    owed: tuple[OccurrenceView, ...]
    history: tuple[HistoryLine, ...]
    today: date


def unit_page(runtime: Runtime, *, ref: SessionRef) -> UnitPage:
    """`/don-vi`: the reports of the person's own units only; Forbidden without one."""
    today = runtime.today()
    with runtime.transaction() as session:
        identity = session_viewer(session, runtime, ref)
        units = [m for m in identity.memberships if m.role in tracking.ANSWERING_ROLES]
        if not units:
            raise Forbidden(t.NOT_AN_OFFICER)
        owed = tracking.owed(session, identity, today)
        answering = Identity(
            identity.telegram_user_id,
            identity.person_id,
            identity.full_name,
            False,
            [m for m in identity.memberships if m.role in tracking.ANSWERING_ROLES],
        )
        submitted = card_facts.submissions(
            session,
            answering,
            occurrence_id=None,
            today=today,
            tz=runtime.settings.tz,
            limit=HISTORY_LIMIT,
        )
        return UnitPage(
            identity.full_name or str(identity.telegram_user_id),
            tuple(dict.fromkeys(m.unit_name for m in units)),
            tuple(owed),
            tuple(
                HistoryLine(
                    s.answered.at,
                    s.answered.by,
                    s.view.title,
                    s.view.period,
                    s.view.unit_name,
                    s.answered.file_name,
                )
                for s in submitted
            ),
            today,
        )


# --- A cell's details and the files --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerLine:
    """One answer of the unit: who, when (local time), what, the note and the file."""

    reply_id: int
    at: datetime
    by: str
    kind: ReplyKind
    note: str
    file_name: str | None


@dataclass(frozen=True, slots=True)
class ExtensionLine:
    """An extension request and, once decided, who decided it and when (local times)."""

    asked_at: datetime
    asked_by: str
    proposed: date
    reason: str
    status: ExtensionStatus
    decided_by: str
    decided_at: datetime | None


@dataclass(frozen=True, slots=True)
class ReminderLine:
    """A message the bot queued about this occurrence, and what became of it."""

    kind: MessageKind
    stage: str
    status: DeliveryStatus
    to: str
    at: datetime  # when it was sent, else when it was queued (local time)
    attempts: int


@dataclass(frozen=True, slots=True)
class CellDetail:
    """One unit's report for one period: the facts, the answers, extensions and reminders."""

    plan: str
    plan_number: str
    plan_title: str
    occurrence_id: int
    unit: str
    unit_name: str
    title: str
    period: str
    wording: str
    due: date
    deadline: date
    extended_to: date | None
    status: Status
    due_soon: bool
    needs_review: bool
    submitted_on: date | None
    may_download: bool  # the viewer may open the files (the unit itself or its coordinators)
    answers: tuple[AnswerLine, ...]
    extensions: tuple[ExtensionLine, ...]
    reminders: tuple[ReminderLine, ...]
    today: date
    viewer: str


def cell_detail(
    runtime: Runtime, *, ref: SessionRef, plan_code: str, occurrence_id: int
) -> CellDetail:
    """`/ke-hoach/<code>/o/<id>`: a cell's details, for the plan's coordinators, an admin or
    the unit itself; NotFound when the id is not a period of that plan."""
    today, tz = runtime.today(), runtime.settings.tz
    with runtime.transaction() as session:
        identity = session_viewer(session, runtime, ref)
        plan = find_plan(session, plan_code[:64])
        try:
            view = tracking.get_view(session, occurrence_id, today)
        except NotFound:
            raise NotFound(t.CELL_NOT_FOUND) from None
        if view.plan != plan.code:
            raise NotFound(t.CELL_NOT_FOUND)
        followed = {code for code, _ in tracking.coordinated_plans(session, identity)}
        if not (identity.is_admin or plan.code in followed or may_answer(identity, view)):
            raise Forbidden(t.NOT_YOUR_PLAN.format(plan=plan.code))
        replies = session.exec(
            select(Reply)
            .where(Reply.occurrence_id == occurrence_id)
            .order_by(col(Reply.created_at), col(Reply.id))
        ).all()
        extensions = session.exec(
            select(Extension)
            .where(Extension.occurrence_id == occurrence_id)
            .order_by(col(Extension.created_at), col(Extension.id))
        ).all()
        sent = session.exec(
            select(Outbox)
            .where(Outbox.occurrence_id == occurrence_id)
            .order_by(col(Outbox.created_at), col(Outbox.id))
        ).all()
        people = person_names.by_person_id(
            session,
            [r.person_id for r in replies if r.person_id is not None]
            + [p for e in extensions for p in (e.requested_by_id, e.decided_by_id) if p]
            + [o.person_id for o in sent if o.person_id is not None],
        )

        def named(person_id: int | None) -> str:
            found = people.get(person_id) if person_id is not None else None
            return found.name if found is not None and found.name else ""

        return CellDetail(
            plan=plan.code,
            plan_number=plan.number,
            plan_title=plan.title,
            occurrence_id=view.id,
            unit=view.unit,
            unit_name=view.unit_name,
            title=view.title,
            period=view.period,
            wording=view.wording_text,
            due=view.due,
            deadline=view.deadline,
            extended_to=view.extended_to,
            status=view.status,
            due_soon=view.due_soon,
            needs_review=view.needs_review,
            submitted_on=view.submitted_on,
            may_download=may_answer(identity, view) or may_coordinate(identity, view),
            answers=tuple(
                AnswerLine(
                    r.id or 0,
                    r.created_at.astimezone(tz),
                    named(r.person_id),
                    ReplyKind(r.kind),
                    r.text,
                    r.file_name if r.file_path else None,
                )
                for r in replies
            ),
            extensions=tuple(
                ExtensionLine(
                    e.created_at.astimezone(tz),
                    named(e.requested_by_id),
                    e.proposed_date,
                    e.reason,
                    ExtensionStatus(e.status),
                    named(e.decided_by_id),
                    e.decided_at.astimezone(tz) if e.decided_at else None,
                )
                for e in extensions
            ),
            reminders=tuple(
                ReminderLine(
                    MessageKind(o.kind),
                    o.stage,
                    DeliveryStatus(o.status),
                    named(o.person_id),
                    (o.sent_at or o.created_at).astimezone(tz),
                    o.attempts,
                )
                for o in sent
            ),
            today=today,
            viewer=identity.full_name or str(identity.telegram_user_id),
        )


@dataclass(frozen=True, slots=True)
class BoardFile:
    """A submitted file ready to send: the name it was submitted under and where it lies."""

    file_name: str
    path: Path  # resolved, inside the data folder


def report_file(runtime: Runtime, *, ref: SessionRef, reply_id: int) -> BoardFile:
    """`/tep/<reply id>`: a submitted file, for the unit itself or its coordinators only."""
    today = runtime.today()
    with runtime.transaction() as session:
        identity = session_viewer(session, runtime, ref)
        stored = replies_service.reply_file(
            session, identity=identity, reply_id=reply_id, today=today
        )
    data_dir = Path(runtime.settings.data_dir).resolve()
    # The stored path is relative to the data folder; one leading out of it is never followed.
    path = (data_dir / stored.path).resolve()
    if not stored.path or not path.is_relative_to(data_dir) or not path.is_file():
        raise NotFound(t.FILE_GONE)
    return BoardFile(stored.file_name, path)

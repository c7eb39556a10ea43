"""The calendar: occurrences in a date range with their status, for people and for JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from kehoach_bot.db.models import GroupMember, Obligation, Occurrence, Plan, Unit
from kehoach_bot.domain.deadlines import DeadlinePolicy
from kehoach_bot.domain.status import State
from kehoach_bot.services.errors import NotFound
from kehoach_bot.services.occurrences import sync_occurrences
from kehoach_bot.services.tracking import OccurrenceView, to_view, view_query
from kehoach_bot.texts import errors_vi as t

SHOWN_STATES = (State.OPEN.value, State.DONE.value)
# Looking further ahead than the rolling horizon generates occurrences, but not without bound.
MAX_LOOKAHEAD = timedelta(days=366 * 10)


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One occurrence as the calendar shows it."""

    plan: str
    obligation: str
    title: str
    unit: str
    unit_name: str
    period: str
    due: date
    last_day: date
    remind_by: date
    wording: str
    status: str
    due_soon: bool
    recipient: str | None
    via: str | None
    extended_to: date | None
    needs_review: bool

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as YYYY-MM-DD."""
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, date):
                data[key] = value.isoformat()
        return data


def calendar(
    session: Session,
    *,
    today: date,
    start: date | None = None,
    end: date | None = None,
    plan_code: str | None = None,
    unit_code: str | None = None,
) -> list[CalendarEntry]:
    """Open and done occurrences whose written due date lies in [start, end], soonest first."""
    query = view_query().where(col(Occurrence.state).in_(SHOWN_STATES))
    if start:
        query = query.where(Occurrence.due_date >= start)
    if end:
        query = query.where(Occurrence.due_date <= end)
    if plan_code:
        if session.exec(select(Plan.id).where(Plan.code == plan_code)).first() is None:
            raise NotFound(t.PLAN_NOT_FOUND_SEE_LIST.format(code=plan_code))
        query = query.where(Plan.code == plan_code)
    if unit_code:
        query = query.where(col(Occurrence.unit_id).in_(_unit_and_members(session, unit_code)))
    query = query.order_by(
        col(Occurrence.due_date), col(Plan.code), col(Obligation.code), col(Unit.code)
    )
    return [_entry(to_view(row, today)) for row in session.exec(query).all()]


def _entry(view: OccurrenceView) -> CalendarEntry:
    return CalendarEntry(
        plan=view.plan,
        obligation=view.obligation,
        title=view.title,
        unit=view.unit,
        unit_name=view.unit_name,
        period=view.period,
        due=view.due,
        last_day=view.last_day,
        remind_by=view.remind_by,
        wording=view.wording_text,
        status=view.status.value,
        due_soon=view.due_soon,
        recipient=view.recipient_code,
        via=view.via_code,
        extended_to=view.extended_to,
        needs_review=view.needs_review,
    )


def _unit_and_members(session: Session, code: str) -> list[int]:
    unit = session.exec(select(Unit).where(Unit.code == code)).first()
    if unit is None or unit.id is None:
        raise NotFound(t.UNIT_NOT_FOUND_SEE_LIST.format(code=code))
    members = session.exec(
        select(GroupMember.member_id).where(GroupMember.group_id == unit.id)
    ).all()
    return [unit.id, *members]


def calendar_in_range(
    session: Session,
    *,
    today: date,
    start: date | None,
    end: date | None,
    plan_code: str | None,
    unit_code: str | None,
    policy: DeadlinePolicy,
    now: datetime,
    horizon: date,
) -> list[CalendarEntry]:
    """The calendar, first generating occurrences up to `end` when it lies past the horizon."""
    if end and end > horizon:
        until = min(end, horizon + MAX_LOOKAHEAD)
        sync_occurrences(session, policy=policy, until=until, now=now)
    return calendar(
        session,
        today=today,
        start=start,
        end=end,
        plan_code=plan_code,
        unit_code=unit_code,
    )

"""The data of a plan's table for export: one row per occurrence, counts per category and period.

Plain frozen dataclasses, read in one transaction; the Excel and CSV writers
(`kehoach_bot/exports/`), and later the chart and the synthesis report, lay them out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from kehoach_bot.db.models import Obligation, Occurrence, Plan, Reply, Unit
from kehoach_bot.domain.period_words import period_key
from kehoach_bot.domain.schedule_text import plain_text
from kehoach_bot.domain.status import State, Status
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import tracking
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound
from kehoach_bot.services.people import Identity, identify
from kehoach_bot.services.tracking import (
    FOUR_CATEGORIES,
    OccurrenceView,
    effective_deadline,
    to_view,
    view_query,
)
from kehoach_bot.texts import errors_vi
from kehoach_bot.texts import exports_vi as t

CATEGORIES = (*FOUR_CATEGORIES, Status.NOT_TRACKED)
EXPORTED_STATES = (State.OPEN.value, State.DONE.value)


@dataclass(frozen=True, slots=True)
class TableRow:
    """One occurrence: a unit's report for one period, as the table shows it."""

    unit: str
    unit_name: str
    report: str
    period: str
    period_key: str
    status: Status
    deadline_text: str  # as the plan writes it: "trước ngày 25/11/2026"
    due: date
    last_day: date  # the last on-time day, after any approved extension
    submitted_at: datetime | None  # local time of the first submission
    days_late: int | None
    extended_to: date | None
    notes: tuple[str, ...]
    files: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PeriodCounts:
    """How many occurrences of one period fall in each category."""

    period: str
    period_key: str
    counts: dict[Status, int]

    @property
    def total(self) -> int:
        """All occurrences of the period."""
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class PlanTable:
    """A plan's table: its rows and counts, as of `today`."""

    plan: str
    plan_number: str
    plan_title: str
    today: date
    rows: tuple[TableRow, ...]
    counts: dict[Status, int]  # every category of CATEGORIES, zero included
    periods: tuple[PeriodCounts, ...]  # in the order their first deadline falls


def plan_table(
    runtime: Runtime,
    *,
    plan_code: str,
    period: str | None,
    date_from: date | None,
    date_to: date | None,
) -> PlanTable:
    """The table of a plan, optionally one period and/or a range of last on-time days."""
    if date_from and date_to and date_from > date_to:
        raise InvalidInput(
            t.BAD_RANGE.format(start=format_date(date_from), end=format_date(date_to))
        )
    with runtime.transaction() as session:
        return read_table(
            runtime, session, find_plan(session, plan_code), period, date_from, date_to
        )


def coordinated_table(
    runtime: Runtime, *, user_id: int, plan_code: str, period: str | None
) -> PlanTable:
    """/xuat, /bieudo: the table of a plan the person coordinates (any plan for an admin)."""
    with runtime.transaction() as session:
        plan = coordinated_plan(session, runtime, user_id=user_id, plan_code=plan_code)
        return read_table(runtime, session, plan, period, None, None)


def coordinated_plan(
    session: Session,
    runtime: Runtime,
    *,
    user_id: int,
    plan_code: str,
    refusal: str = t.NOT_YOUR_PLAN,
    identity: Identity | None = None,
) -> Plan:
    """The plan, when the person coordinates it or is an admin; Forbidden (`refusal`) otherwise.
    `identity`, when the caller has just read it in this transaction, saves reading it again."""
    if identity is None or identity.telegram_user_id != user_id:
        identity = identify(session, user_id, runtime.settings.telegram.admins)
    plan = find_plan(session, plan_code)
    if identity.is_admin:
        return plan
    followed = {code for code, _ in tracking.coordinated_plans(session, identity)}
    if plan.code not in followed:
        raise Forbidden(refusal.format(plan=plan.code))
    return plan


def weekly_table(runtime: Runtime, *, plan_id: int) -> PlanTable | None:
    """The table the Monday chart draws: the whole plan, None when it is gone or has no reports."""
    with runtime.transaction() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            return None
        try:
            return read_table(runtime, session, plan, None, None, None)
        except InvalidInput:  # without a period or dates, read_table's only one is "no rows"
            return None


def find_plan(session: Session, plan_code: str) -> Plan:
    """The plan with this code; NotFound pointing to the list of plans otherwise."""
    plan = session.exec(select(Plan).where(Plan.code == plan_code)).first()
    if plan is None:
        raise NotFound(errors_vi.PLAN_NOT_FOUND_SEE_LIST.format(code=plan_code[:64]))
    return plan


def read_table(
    runtime: Runtime,
    session: Session,
    plan: Plan,
    period: str | None,
    date_from: date | None,
    date_to: date | None,
) -> PlanTable:
    """The table of a plan inside the caller's transaction (see `plan_table`)."""
    today = runtime.today()
    query = view_query().where(col(Plan.id) == plan.id, col(Occurrence.state).in_(EXPORTED_STATES))
    if period is not None:
        key = period_key_of(session, plan, period)
        query = query.where(col(Occurrence.period_key) == key)
    if date_from is not None:
        query = query.where(effective_deadline() >= date_from)
    if date_to is not None:
        query = query.where(effective_deadline() <= date_to)
    found = session.exec(
        query.order_by(
            col(Occurrence.due_date),
            col(Occurrence.period_key),
            col(Unit.code),
            col(Obligation.code),
        )
    ).all()
    if not found:
        raise InvalidInput(t.NO_ROWS.format(plan=plan.code))
    replies = _replies(session, query)
    rows = tuple(_row(r, today, replies, runtime.settings.tz) for r in found)
    return PlanTable(
        plan=plan.code,
        plan_number=plan.number,
        plan_title=plan.title,
        today=today,
        rows=rows,
        counts=_counted(rows),
        periods=_by_period(rows),
    )


def period_key_of(session: Session, plan: Plan, written: str) -> str:
    """The stored key of a period typed as people write it, its key or its label."""
    known = session.exec(
        select(col(Occurrence.period_key), col(Occurrence.period_label))
        .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
        .where(col(Obligation.plan_id) == plan.id, col(Occurrence.state).in_(EXPORTED_STATES))
        .group_by(col(Occurrence.period_key), col(Occurrence.period_label))
        .order_by(col(Occurrence.period_key))
    ).all()
    wanted = {period_key(written), plain_text(written)}
    for key, label in known:
        if key in wanted or plain_text(label) in wanted:
            return key
    labels = list(dict.fromkeys(label for _, label in known))
    raise InvalidInput(
        t.UNKNOWN_PERIOD.format(plan=plan.code, period=written, periods=", ".join(labels))
    )


def _replies(session: Session, query: Any) -> dict[int, list[tuple[str, str | None]]]:
    """Occurrence id → (text, file name) of its replies, oldest first, in one query."""
    chosen = query.with_only_columns(col(Occurrence.id)).order_by(None)
    found: dict[int, list[tuple[str, str | None]]] = {}
    for occurrence_id, text, file_name in session.exec(
        select(Reply.occurrence_id, Reply.text, Reply.file_name)
        .where(col(Reply.occurrence_id).in_(chosen))
        .order_by(col(Reply.id))
    ).all():
        found.setdefault(occurrence_id, []).append((text, file_name))
    return found


def _row(
    found: Any, today: date, replies: dict[int, list[tuple[str, str | None]]], tz: ZoneInfo
) -> TableRow:
    view = to_view(found, today)
    submitted_at = found._mapping["submitted_at"]
    said = replies.get(view.id, [])
    return TableRow(
        unit=view.unit,
        unit_name=view.unit_name,
        report=view.title,
        period=view.period,
        period_key=view.period_key,
        status=view.status,
        deadline_text=t.DEADLINE.format(wording=view.wording_text, date=format_date(view.due)),
        due=view.due,
        last_day=view.deadline,
        submitted_at=submitted_at.astimezone(tz) if submitted_at else None,
        days_late=_days_late(view, today),
        extended_to=view.extended_to,
        notes=tuple(text.strip() for text, _ in said if text.strip()),
        files=tuple(name for _, name in said if name),
    )


def _days_late(view: OccurrenceView, today: date) -> int | None:
    """Days past the last on-time day: to the submission, or to today while still open."""
    if view.status is Status.DONE_LATE and view.submitted_on is not None:
        return (view.submitted_on - view.deadline).days
    if view.status is Status.OPEN_OVERDUE:
        return (today - view.deadline).days
    return None


def _counted(rows: tuple[TableRow, ...]) -> dict[Status, int]:
    counted = Counter(row.status for row in rows)
    return {status: counted.get(status, 0) for status in CATEGORIES}


def _by_period(rows: tuple[TableRow, ...]) -> tuple[PeriodCounts, ...]:
    grouped: dict[str, list[TableRow]] = {}
    for row in rows:  # rows come by deadline, so periods come in the order they fall
        grouped.setdefault(row.period_key, []).append(row)
    return tuple(
        PeriodCounts(period=group[0].period, period_key=key, counts=_counted(tuple(group)))
        for key, group in grouped.items()
    )

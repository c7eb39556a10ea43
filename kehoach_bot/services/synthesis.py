"""The data of a draft synthesis report (báo cáo tổng hợp) for one plan and one period.

The plan's table of that period (`services.exports`) plus the facts the document heads with, all
read from the database in one transaction: the reporting office, the recipients, the plan. What
the database does not hold is left out (None or empty), for the writer to show as a placeholder.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from kehoach_bot.db.models import Obligation, Occurrence, Plan, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import Status
from kehoach_bot.runtime import Runtime
from kehoach_bot.services.errors import InvalidInput, NotFound

# The table is built exactly as the export builds it, inside this module's own transaction.
from kehoach_bot.services.exports import (
    EXPORTED_STATES,
    PlanTable,
    TableRow,
    coordinated_plan,
    find_plan,
    read_table,
)
from kehoach_bot.services.people import identify
from kehoach_bot.texts import errors_vi
from kehoach_bot.texts import synthesis_vi as t

SUBMITTED = (Status.DONE_ON_TIME, Status.DONE_LATE)


@dataclass(frozen=True, slots=True)
class Office:
    """The office that compiles the report, as its header names it."""

    code: str
    name: str  # "Sở Y tế tỉnh Gia Lai"
    short_name: str  # "Sở Y tế" (the name when the directory gives none)
    superior: str | None  # cơ quan chủ quản: "UBND tỉnh Gia Lai"


@dataclass(frozen=True, slots=True)
class UnitPart:
    """One unit's reports of the period: those it submitted, or those it still owes."""

    unit: str
    unit_name: str
    rows: tuple[TableRow, ...]


@dataclass(frozen=True, slots=True)
class Synthesis:
    """Everything a draft synthesis report of one plan and one period says."""

    table: PlanTable
    period: str
    period_key: str
    plan_number: str
    plan_title: str
    plan_issued_on: date | None
    plan_issuer: str | None  # the issuing unit's name
    plan_locality: str  # the plan's directory code ("gia-lai"), not a place name
    office: Office | None
    recipients: tuple[str, ...]  # names, for "Kính gửi" and "Nơi nhận"
    reports: tuple[str, ...]  # the report titles of the period, in deadline order
    units: int  # units responsible for a report of the period
    reported: tuple[UnitPart, ...]  # submitted rows, by unit
    missing: tuple[UnitPart, ...]  # rows not submitted, by unit


def synthesis(
    runtime: Runtime, *, plan_code: str, period: str, office_unit: str | None = None
) -> Synthesis:
    """The draft synthesis report of a plan for one period (command line)."""
    _require(period)
    with runtime.transaction() as session:
        plan = find_plan(session, plan_code)
        return _synthesis(runtime, session, plan, period, office_unit)


def coordinated_synthesis(
    runtime: Runtime,
    *,
    user_id: int,
    plan_code: str,
    period: str,
    office_unit: str | None = None,
) -> Synthesis:
    """The bot: the draft synthesis report of a plan the person coordinates (any for an admin);
    without a "qua" office the coordinator's own unit heads it."""
    with runtime.transaction() as session:
        return synthesis_in(
            session,
            runtime,
            user_id=user_id,
            plan_code=plan_code,
            period=period,
            office_unit=office_unit,
        )


def synthesis_in(
    session: Session,
    runtime: Runtime,
    *,
    user_id: int,
    plan_code: str,
    period: str,
    office_unit: str | None = None,
    refusal: str = t.NOT_YOUR_PLAN,
) -> Synthesis:
    """`coordinated_synthesis` inside the caller's transaction (the board checks its session
    in the same one)."""
    _require(period)
    plan = coordinated_plan(session, runtime, user_id=user_id, plan_code=plan_code, refusal=refusal)
    if office_unit is None:
        office_unit = _own_unit(session, runtime, user_id)
    return _synthesis(runtime, session, plan, period, office_unit)


def _own_unit(session: Session, runtime: Runtime, user_id: int) -> str | None:
    """The code of the one unit the person coordinates; None for none or several."""
    identity = identify(session, user_id, runtime.settings.telegram.admins)
    units = identity.units_with(Role.COORDINATOR)
    if len(units) != 1:
        return None
    unit = session.get(Unit, next(iter(units)))
    return unit.code if unit is not None else None


def _require(period: str | None) -> None:
    if period is None or not period.strip():
        raise InvalidInput(t.PERIOD_REQUIRED)


def _synthesis(
    runtime: Runtime, session: Session, plan: Plan, period: str, office_unit: str | None
) -> Synthesis:
    table = read_table(runtime, session, plan, period, None, None)
    key = table.rows[0].period_key
    routes = session.exec(
        select(col(Occurrence.via_id), col(Occurrence.recipient_id))
        .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
        .where(
            col(Obligation.plan_id) == plan.id,
            col(Occurrence.period_key) == key,
            col(Occurrence.state).in_(EXPORTED_STATES),
        )
        .order_by(col(Occurrence.due_date), col(Occurrence.id))  # ties: the earlier flow first
    ).all()
    office_id = _office_id(session, routes, office_unit)
    return Synthesis(
        table=table,
        period=table.rows[0].period,
        period_key=key,
        plan_number=plan.number,
        plan_title=plan.title,
        plan_issued_on=plan.issued_on,
        plan_issuer=_name(session.get(Unit, plan.issuer_id)) if plan.issuer_id else None,
        plan_locality=plan.locality,
        office=_office(session, office_id),
        recipients=_recipients(session, routes, office_id),
        reports=tuple(dict.fromkeys(row.report for row in table.rows)),
        units=len({row.unit for row in table.rows}),
        reported=_by_unit(row for row in table.rows if row.status in SUBMITTED),
        missing=_by_unit(row for row in table.rows if row.status not in SUBMITTED),
    )


def _office_id(
    session: Session, routes: Sequence[tuple[int | None, int | None]], office_unit: str | None
) -> int | None:
    """The one "qua" office the period's reports name; else the given unit; else none."""
    vias = {via for via, _ in routes if via is not None}
    if len(vias) == 1:
        return vias.pop()
    if office_unit is None:
        return None
    unit = session.exec(select(Unit).where(Unit.code == office_unit)).first()
    if unit is None or unit.id is None:
        raise NotFound(errors_vi.UNIT_NOT_FOUND.format(code=office_unit[:64]))
    return unit.id


def _office(session: Session, office_id: int | None) -> Office | None:
    unit = session.get(Unit, office_id) if office_id is not None else None
    if unit is None:
        return None
    parent = session.get(Unit, unit.parent_id) if unit.parent_id is not None else None
    return Office(
        code=unit.code,
        name=unit.name,
        short_name=unit.short_name or unit.name,
        superior=(parent.short_name or parent.name) if parent else None,
    )


def _recipients(
    session: Session, routes: Sequence[tuple[int | None, int | None]], office_id: int | None
) -> tuple[str, ...]:
    """Where the office sends the report on: the recipients of the reports that pass through it
    (all recipients but the office itself when none names a "qua" office), most frequent
    first, then in deadline order."""
    through = [recipient for via, recipient in routes if office_id is not None and via == office_id]
    if not through:
        through = [recipient for _, recipient in routes if recipient != office_id]
    counted = Counter(recipient for recipient in through if recipient is not None)
    units = [session.get(Unit, recipient) for recipient, _ in counted.most_common()]
    return tuple(_name(unit) for unit in units if unit is not None)


def _name(unit: Unit | None) -> str:
    return "" if unit is None else unit.name


def _by_unit(rows: Iterable[TableRow]) -> tuple[UnitPart, ...]:
    """Rows grouped by unit, in the table's order (deadline, then unit code)."""
    grouped: dict[str, list[TableRow]] = {}
    for row in rows:
        grouped.setdefault(row.unit, []).append(row)
    return tuple(
        UnitPart(unit=code, unit_name=found[0].unit_name, rows=tuple(found))
        for code, found in grouped.items()
    )

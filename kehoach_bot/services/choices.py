"""What a person may pick under a command, one transaction each: plans, periods, units,
obligations, people — always only those the person may act on (a coordinator's own plans and
units, everything for an admin)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from kehoach_bot.db.models import (
    Membership,
    Obligation,
    Occurrence,
    Person,
    Plan,
    Succession,
    Unit,
)
from kehoach_bot.domain.period_words import period_key
from kehoach_bot.domain.roles import ROLE_TEXT, Role
from kehoach_bot.domain.schedule_text import plain_text
from kehoach_bot.domain.status import State
from kehoach_bot.plans.unit_directories import UNIT_KINDS
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import requests, tracking, units
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound
from kehoach_bot.services.people import Identity, identify
from kehoach_bot.texts import bot_vi, errors_vi
from kehoach_bot.texts import pickers_vi as t

LABEL_LENGTH = 60  # a button's text: longer ones are cut on a phone anyway
SHOWN_PERIODS = 12  # periods named in the answer to a period the plan does not have


@dataclass(frozen=True, slots=True)
class Choice:
    """One button of a picker: the value the command receives and the text the person reads."""

    value: str
    label: str
    search: str = ""  # more words a typed search finds it by (a unit's full name)


@dataclass(frozen=True, slots=True)
class UnitEntry:
    """One line of /donvi."""

    code: str
    name: str
    kind: str
    locality: str
    is_group: bool
    active: bool
    officers: int
    coordinators: int


def _short(text: str, limit: int = LABEL_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _identity(runtime: Runtime, session: Session, user_id: int, *, admin: bool) -> Identity:
    identity = identify(session, user_id, runtime.settings.telegram.admins)
    allowed = identity.is_admin or (not admin and Role.COORDINATOR in identity.roles)
    if not allowed:
        raise Forbidden(bot_vi.NOT_ALLOWED)
    return identity


def _plan(session: Session, plan_code: str) -> Plan:
    plan = session.exec(select(Plan).where(Plan.code == plan_code)).first()
    if plan is None:
        raise NotFound(errors_vi.PLAN_NOT_FOUND.format(code=plan_code[:64]))
    return plan


def plan_label(code: str, number: str, title: str) -> str:
    """A plan as a button shows it: its code and number, else the start of its title."""
    number = number.strip()
    return _short(f"{code} · {number}" if number and number[0].isdigit() else f"{code} · {title}")


def coordinated_plans(runtime: Runtime, *, user_id: int) -> list[Choice]:
    """The plans a coordinator follows (every plan for an admin)."""
    with runtime.transaction() as session:
        identity = _identity(runtime, session, user_id, admin=False)
        codes = {code for code, _ in tracking.coordinated_plans(session, identity)}
        plans = session.exec(select(Plan).where(col(Plan.code).in_(codes))).all()
        return [Choice(p.code, plan_label(p.code, p.number, p.title)) for p in _by_code(plans)]


def admin_plans(runtime: Runtime, *, user_id: int) -> list[Choice]:
    """Every plan, for an admin."""
    with runtime.transaction() as session:
        _identity(runtime, session, user_id, admin=True)
        plans = session.exec(select(Plan)).all()
        return [Choice(p.code, plan_label(p.code, p.number, p.title)) for p in _by_code(plans)]


def _by_code(plans: Any) -> list[Plan]:
    return sorted(plans, key=lambda p: p.code)


def periods_of(session: Session, identity: Identity, plan_code: str, today: date) -> list[Choice]:
    """The periods of a plan that have reports the person coordinates: those due by next week,
    the latest first (the one being chased leads), then the coming ones, the nearest first."""
    plan = _plan(session, plan_code)
    rows = session.exec(
        select(
            col(Occurrence.period_key),
            col(Occurrence.period_label),
            func.min(col(Occurrence.due_date)),
        )
        .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
        .where(
            col(Obligation.plan_id) == plan.id,
            col(Occurrence.state).in_([State.OPEN.value, State.DONE.value]),
            tracking.coordinated(identity, session),
        )
        .group_by(col(Occurrence.period_key), col(Occurrence.period_label))
    ).all()
    first: dict[str, tuple[date, str]] = {}
    for key, label, due in rows:
        if key not in first or due < first[key][0]:
            first[key] = (due, label)
    soon = today + tracking.CURRENT_PERIOD_LOOKAHEAD
    fallen = sorted(((d, k) for k, (d, _) in first.items() if d <= soon), reverse=True)
    coming = sorted((d, k) for k, (d, _) in first.items() if d > soon)
    return [Choice(key, _short(first[key][1])) for _, key in [*fallen, *coming]]


def plan_periods(runtime: Runtime, *, user_id: int, plan_code: str) -> list[Choice]:
    """/tinhhinh: the periods of a plan to choose from."""
    with runtime.transaction() as session:
        identity = _identity(runtime, session, user_id, admin=False)
        return periods_of(session, identity, plan_code, runtime.today())


def match_period(periods: list[Choice], key: str | None, text: str) -> Choice | None:
    """The period a typed text names: by its key, else by its label read without accents."""
    plain = plain_text(text)
    for period in periods:
        if period.value == key or plain_text(period.label) == plain:
            return period
    return None


def period_named(
    session: Session, identity: Identity, plan_code: str, text: str, today: date
) -> str:
    """The stored key of the period a person typed; InvalidInput listing the plan's periods."""
    periods = periods_of(session, identity, plan_code, today)
    found = match_period(periods, period_key(text), text)
    if found is not None:
        return found.value
    if not periods:
        raise InvalidInput(t.NO_PERIODS.format(plan=plan_code))
    shown = [p.label for p in periods[:SHOWN_PERIODS]]
    if len(periods) > SHOWN_PERIODS:
        shown.append(t.PERIODS_MORE.format(count=len(periods)))
    raise InvalidInput(
        t.NO_SUCH_PERIOD.format(
            period=text[:40], plan=plan_code, periods=t.PERIOD_SEPARATOR.join(shown)
        )
    )


def task_units(runtime: Runtime, *, user_id: int) -> list[Choice]:
    """/dotxuat: the units a person may send an ad hoc request to — those responsible in the
    plans the coordinator follows, as `requests.units_in_scope` (every active unit for an admin)."""
    with runtime.transaction() as session:
        identity = _identity(runtime, session, user_id, admin=False)
        query = select(Unit).where(col(Unit.active).is_(True), col(Unit.is_group).is_(False))
        if not identity.is_admin:  # the very scope /dotxuat checks on the server
            query = query.where(col(Unit.id).in_(requests.units_in_scope(session, identity)))
        units = session.exec(query.order_by(col(Unit.locality), col(Unit.code))).all()
        return [_unit_choice(u) for u in units]


def _unit_choice(unit: Unit) -> Choice:
    return Choice(unit.code, _short(f"{unit.short_name or unit.name} ({unit.code})"), unit.name)


def admin_units(runtime: Runtime, *, user_id: int, which: str) -> list[Choice]:
    """Units for an admin's command: "people" (active, not a group: /moi), "active"
    (/sapnhap, /chiatach), "ended" (those a succession ended: /hoantac) or "all" (/bietdanh)."""
    with runtime.transaction() as session:
        _identity(runtime, session, user_id, admin=True)
        query = select(Unit)
        if which in ("people", "active"):
            query = query.where(col(Unit.active).is_(True))
        if which == "people":
            query = query.where(col(Unit.is_group).is_(False))
        if which == "ended":
            ended = select(col(Succession.predecessor_id)).distinct()
            query = query.where(col(Unit.active).is_(False), col(Unit.id).in_(ended))
        units = session.exec(query.order_by(col(Unit.locality), col(Unit.code))).all()
        return [_unit_choice(u) for u in units]


def unit_kinds(runtime: Runtime, *, user_id: int, code: str) -> list[Choice]:
    """/themdonvi MÃ: the kinds a new unit may have, once the code is known to be free."""
    with runtime.transaction() as session:
        _identity(runtime, session, user_id, admin=True)
        units.free_code(session, code)
        return [Choice(k, label) for k, label in UNIT_KINDS.items() if k != "nhom"]


def localities(runtime: Runtime, *, user_id: int, code: str, kind: str) -> list[Choice]:
    """/themdonvi MÃ LOẠI: the localities units already have, the most used first."""
    with runtime.transaction() as session:
        _identity(runtime, session, user_id, admin=True)
        units.free_code(session, code)
        units.check_kind(kind)
        counted = session.exec(
            select(Unit.locality, func.count())
            .where(col(Unit.locality) != "", col(Unit.active).is_(True))
            .group_by(col(Unit.locality))
            .order_by(func.count().desc(), col(Unit.locality))
        ).all()
        return [
            Choice(place, _short(t.LOCALITY_LABEL.format(locality=place, count=count)))
            for place, count in counted
        ]


def plan_obligations(runtime: Runtime, *, user_id: int, plan_code: str) -> list[Choice]:
    """/sua: a plan's obligations, by their titles."""
    with runtime.transaction() as session:
        _identity(runtime, session, user_id, admin=True)
        plan = _plan(session, plan_code)
        found = session.exec(
            select(Obligation).where(Obligation.plan_id == plan.id).order_by(col(Obligation.id))
        ).all()
        return [Choice(o.code, _short(o.title)) for o in found]


def members(runtime: Runtime, *, user_id: int) -> list[Choice]:
    """/thuhoi: the people holding a role, each named by name, unit and role."""
    with runtime.transaction() as session:
        _identity(runtime, session, user_id, admin=True)
        rows = session.exec(
            select(
                col(Person.telegram_user_id),
                col(Person.full_name),
                func.coalesce(func.nullif(col(Unit.short_name), ""), col(Unit.name)),
                col(Membership.role),
            )
            .join(Membership, col(Membership.person_id) == col(Person.id))
            .join(Unit, col(Unit.id) == col(Membership.unit_id))
            .where(col(Membership.revoked_at).is_(None), col(Person.active).is_(True))
            .order_by(col(Person.full_name), col(Unit.code))
        ).all()
        held: dict[int, tuple[str, list[str]]] = {}
        for telegram_id, name, unit, role in rows:
            places = held.setdefault(telegram_id, (name or t.NO_NAME, []))[1]
            places.append(t.MEMBER_PLACE.format(unit=unit, role=ROLE_TEXT[Role(role)]))
        return [
            Choice(str(telegram_id), _short(t.MEMBER_LABEL.format(name=name, places=", ".join(p))))
            for telegram_id, (name, p) in held.items()
        ]


def directory(runtime: Runtime, *, user_id: int, search: str) -> list[UnitEntry]:
    """/donvi: units with their kind and how many officers and coordinators they have, found by
    a typed text (code, name or short name, without accents); a coordinator sees the units of
    the plans it follows and its own."""
    with runtime.transaction() as session:
        identity = _identity(runtime, session, user_id, admin=False)
        query = select(Unit)
        if not identity.is_admin:
            mine = identity.units_with(Role.COORDINATOR, Role.OFFICER)
            query = query.where(col(Unit.id).in_(requests.units_in_scope(session, identity) | mine))
        units = session.exec(query.order_by(col(Unit.locality), col(Unit.code))).all()
        words = plain_text(search).split()
        if words:
            units = [u for u in units if _has_words(words, f"{u.code} {u.name} {u.short_name}")]
        counts = _member_counts(session, {u.id for u in units if u.id is not None})
        return [
            UnitEntry(
                u.code,
                u.name,
                u.kind,
                u.locality,
                u.is_group,
                u.active,
                counts.get((u.id or 0, Role.OFFICER), 0),
                counts.get((u.id or 0, Role.COORDINATOR), 0),
            )
            for u in units
        ]


def _has_words(words: list[str], text: str) -> bool:
    plain = plain_text(text)
    return all(word in plain for word in words)


def _member_counts(session: Session, unit_ids: set[int]) -> dict[tuple[int, Role], int]:
    if not unit_ids:
        return {}
    rows = session.exec(
        select(col(Membership.unit_id), col(Membership.role), func.count())
        .join(Person, col(Person.id) == col(Membership.person_id))
        .where(
            col(Membership.unit_id).in_(unit_ids),
            col(Membership.revoked_at).is_(None),
            col(Person.active).is_(True),
        )
        .group_by(col(Membership.unit_id), col(Membership.role))
    ).all()
    return {(unit_id, Role(role)): int(n) for unit_id, role, n in rows}

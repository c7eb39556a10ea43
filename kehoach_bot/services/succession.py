"""Record that a unit was merged into, split into, or replaced by others, and route its work.

Open and future occurrences of the old unit go to its successors; done ones, and every reply,
stay with the old unit as history. The person who recorded it is written to the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from kehoach_bot.db.models import GroupMember, Obligation, Plan, Succession, Unit
from kehoach_bot.domain.deadlines import DeadlinePolicy
from kehoach_bot.services import audit
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.services.occurrences import SyncReport, sync_occurrences
from kehoach_bot.services.units import get_unit
from kehoach_bot.texts import errors_vi as t

ALL_SUCCESSORS = "all"


@dataclass(frozen=True, slots=True)
class SuccessionResult:
    """What recording a succession changed."""

    old: str
    successors: list[str]
    sync: SyncReport


def merge(
    session: Session,
    *,
    old: str,
    into: str,
    effective_on: date,
    actor: str,
    now: datetime,
    policy: DeadlinePolicy,
    until: date,
) -> SuccessionResult:
    """Unit `old` was merged into `into` (sáp nhập): everything it owes goes to `into`."""
    return split(
        session,
        old=old,
        into=[into],
        routes={},
        default=ALL_SUCCESSORS,
        effective_on=effective_on,
        actor=actor,
        now=now,
        policy=policy,
        until=until,
        kind="merge",
    )


def split(
    session: Session,
    *,
    old: str,
    into: list[str],
    routes: dict[str, str],
    default: str,
    effective_on: date,
    actor: str,
    now: datetime,
    policy: DeadlinePolicy,
    until: date,
    kind: str = "split",
) -> SuccessionResult:
    """Unit `old` was split (chia tách) into several successors.

    `routes` maps "PLAN:OBLIGATION" to the successor that takes that obligation; every other
    obligation goes to `default`: one successor's code, or "all" (each successor owes it, as when
    a district's duties pass to every commune).
    """
    old_unit = get_unit(session, old)
    if not old_unit.active:
        raise InvalidInput(t.UNIT_ALREADY_SUCCEEDED.format(code=old))
    if not into:
        raise InvalidInput(t.SUCCESSOR_NEEDED)
    successors = [_successor(session, code, old_unit) for code in dict.fromkeys(into)]
    by_code = {u.code: u for u in successors}
    if default != ALL_SUCCESSORS and default not in by_code:
        raise InvalidInput(
            t.BAD_DEFAULT_SUCCESSOR.format(default=default, successors=", ".join(by_code))
        )
    routed = [
        (_obligation(session, ref), by_code.get(code), ref, code) for ref, code in routes.items()
    ]
    for _, unit, ref, code in routed:
        if unit is None:
            raise InvalidInput(t.ROUTE_OUTSIDE_INTO.format(ref=ref, code=code))
    _check_no_cycle(session, old_unit, successors)
    _check_existed(session, effective_on, [old_unit, *successors])
    assert old_unit.id is not None
    for obligation, unit, _, _ in routed:
        assert unit is not None and unit.id is not None
        session.add(_link(old_unit.id, unit.id, obligation.id, kind, effective_on, actor, now))
    defaults = successors if default == ALL_SUCCESSORS else [by_code[default]]
    for unit in defaults:
        assert unit.id is not None
        session.add(_link(old_unit.id, unit.id, None, kind, effective_on, actor, now))
    before = {"active": True, "ended_on": None}
    old_unit.active, old_unit.ended_on = False, effective_on
    session.add(old_unit)
    audit.record(
        session,
        actor=actor,
        action=f"unit_{kind}",
        entity="unit",
        entity_id=old_unit.code,
        before=before,
        after={
            "active": False,
            "ended_on": effective_on.isoformat(),
            "successors": list(by_code),
            "routes": routes,
            "default": default,
        },
        now=now,
    )
    session.flush()
    report = sync_occurrences(session, policy=policy, until=until, now=now)
    return SuccessionResult(old_unit.code, list(by_code), report)


def _check_existed(session: Session, effective_on: date, units: list[Unit]) -> None:
    """A unit that itself took over from others on a date did not exist before it: it cannot
    end, or take over, earlier."""
    for unit in units:
        began = session.execute(
            select(func.min(col(Succession.effective_on))).where(
                col(Succession.successor_id) == unit.id
            )
        ).scalar()
        if began is not None and effective_on < began:
            raise InvalidInput(
                t.BEFORE_UNIT_EXISTED.format(
                    code=unit.code,
                    began=began.strftime("%d/%m/%Y"),
                    on=effective_on.strftime("%d/%m/%Y"),
                )
            )


def _successor(session: Session, code: str, old: Unit) -> Unit:
    unit = get_unit(session, code)
    if unit.id == old.id:
        raise InvalidInput(t.SUCCESSOR_IS_ITSELF.format(code=code))
    if not unit.active:
        raise InvalidInput(t.SUCCESSOR_INACTIVE.format(code=code))
    return unit


def _obligation(session: Session, ref: str) -> Obligation:
    plan_code, sep, code = ref.partition(":")
    if not sep:
        raise InvalidInput(t.BAD_ROUTE_FORM.format(ref=ref))
    obligation = session.exec(
        select(Obligation)
        .join(Plan, col(Plan.id) == col(Obligation.plan_id))
        .where(Plan.code == plan_code, Obligation.code == code)
    ).first()
    if obligation is None:
        raise NotFound(t.OBLIGATION_NOT_IN_PLAN.format(code=code, plan=plan_code))
    return obligation


def _check_no_cycle(session: Session, old: Unit, successors: list[Unit]) -> None:
    members = {
        link.member_id
        for link in session.exec(select(GroupMember).where(GroupMember.group_id == old.id)).all()
    }
    for unit in successors:
        if unit.id in members:
            raise InvalidInput(t.MEMBER_SUCCEEDS_GROUP.format(member=unit.code, group=old.code))


def _link(
    old_id: int,
    new_id: int,
    obligation_id: int | None,
    kind: str,
    effective_on: date,
    actor: str,
    now: datetime,
) -> Succession:
    return Succession(
        predecessor_id=old_id,
        successor_id=new_id,
        obligation_id=obligation_id,
        kind=kind,
        effective_on=effective_on,
        recorded_by=actor,
        recorded_at=now,
    )


@dataclass(frozen=True, slots=True)
class UndoResult:
    """What undoing a succession put back."""

    old: str
    successors: list[str]
    ended_on: date | None
    sync: SyncReport


def undo(
    session: Session,
    *,
    code: str,
    actor: str,
    now: datetime,
    policy: DeadlinePolicy,
    until: date,
) -> UndoResult:
    """Undo a merger, split or end recorded by mistake: the unit is active again and owes its
    periods as before; the successors' periods taken over from it are given back."""
    unit = get_unit(session, code)
    if unit.active and unit.ended_on is None:
        raise InvalidInput(t.NOTHING_TO_UNDO.format(code=code))
    assert unit.id is not None
    links = session.exec(
        select(Succession).where(Succession.predecessor_id == unit.id).order_by(col(Succession.id))
    ).all()
    codes = {u.id: u.code for u in session.exec(select(Unit)).all()}
    successors = list(dict.fromkeys(codes[link.successor_id] for link in links))
    ended_on = unit.ended_on
    before = {
        "active": unit.active,
        "ended_on": ended_on.isoformat() if ended_on else None,
        "successions": [
            {
                "successor": codes[link.successor_id],
                "obligation_id": link.obligation_id,
                "kind": link.kind,
                "effective_on": link.effective_on.isoformat(),
                "recorded_by": link.recorded_by,
            }
            for link in links
        ],
    }
    for link in links:
        session.delete(link)
    unit.active, unit.ended_on = True, None
    session.add(unit)
    audit.record(
        session,
        actor=actor,
        action="unit_succession_undone",
        entity="unit",
        entity_id=unit.code,
        before=before,
        after={"active": True, "ended_on": None, "successions": []},
        now=now,
    )
    session.flush()
    report = sync_occurrences(session, policy=policy, until=until, now=now)
    return UndoResult(unit.code, successors, ended_on, report)

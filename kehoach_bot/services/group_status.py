"""Where named groups stand: unfilled groups ("chưa có danh sách đơn vị"), the /nhom summaries,
which groups a change touched, and the occurrences brought in line after it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, or_, select

from kehoach_bot.db.models import GroupMember, Obligation, ObligationUnit, Plan, Succession, Unit
from kehoach_bot.domain.deadlines import DeadlinePolicy
from kehoach_bot.domain.schedules import schedule_from_dict
from kehoach_bot.domain.stored import ObligationRole
from kehoach_bot.domain.succession import Route, successors_for
from kehoach_bot.services.group_directory import UnitRef
from kehoach_bot.services.occurrences import SyncReport, sync_occurrences

MAX_DEPTH = 8


@dataclass(frozen=True, slots=True)
class UnfilledGroup:
    """A dated obligation owed by a group that has no members yet: its shared row stands in."""

    plan: str
    obligation: str
    group: str
    group_name: str


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """A group as /nhom lists it."""

    id: int
    code: str
    name: str
    locality: str
    members: tuple[UnitRef, ...]
    named_by: tuple[str, ...]  # "plan/obligation" of the active obligations naming it
    unfilled: bool


def sync_for_groups(
    session: Session,
    group_ids: Iterable[int],
    *,
    policy: DeadlinePolicy,
    until: date,
    now: datetime,
) -> SyncReport:
    """Bring in line the occurrences of the active obligations that reach these groups (named
    directly, through a group that contains them, or through a unit they succeeded)."""
    reach = set(group_ids)
    for _ in range(MAX_DEPTH):
        containing = session.exec(
            select(GroupMember.group_id).where(col(GroupMember.member_id).in_(reach))
        ).all()
        preceding = session.exec(
            select(Succession.predecessor_id).where(col(Succession.successor_id).in_(reach))
        ).all()
        grown = reach | set(containing) | set(preceding)
        if grown == reach:
            break
        reach = grown
    obligation_ids = session.exec(
        select(ObligationUnit.obligation_id)
        .join(Obligation, col(Obligation.id) == col(ObligationUnit.obligation_id))
        .where(
            col(ObligationUnit.unit_id).in_(reach),
            ObligationUnit.role == ObligationRole.RESPONSIBLE.value,
            col(Obligation.active).is_(True),
        )
        .distinct()
    ).all()
    if not obligation_ids:
        return SyncReport()
    return sync_occurrences(
        session, policy=policy, until=until, now=now, obligation_ids=sorted(obligation_ids)
    )


def memberships(session: Session) -> set[tuple[int, int]]:
    """Every (group, member) pair, to see afterwards which groups gained or lost members."""
    return {(g.group_id, g.member_id) for g in session.exec(select(GroupMember)).all()}


def changed_groups(session: Session, before: set[tuple[int, int]]) -> set[int]:
    """Groups whose members differ from `before` (taken with `memberships`)."""
    return {group for group, _ in memberships(session) ^ before}


# --- Flags ------------------------------------------------------------------------------------


def unfilled_groups(
    session: Session, plan_codes: Iterable[str] | None = None
) -> list[UnfilledGroup]:
    """Active dated obligations owed by a group without members (followed through successions
    and nested groups): the group's shared row stands in until an admin fills it."""
    query = (
        select(Obligation, Plan.code, ObligationUnit.unit_id)
        .join(Plan, col(Plan.id) == col(Obligation.plan_id))
        .join(ObligationUnit, col(ObligationUnit.obligation_id) == col(Obligation.id))
        .where(
            ObligationUnit.role == ObligationRole.RESPONSIBLE.value,
            col(Obligation.active).is_(True),
        )
    )
    if plan_codes is not None:
        query = query.where(col(Plan.code).in_(list(plan_codes)))
    rows = session.exec(query).all()
    if not rows:
        return []
    # Light rows: only groups and units that ended can lead to a group standing alone, so a
    # province with thousands of communes is not walked member by member (digests ask daily).
    everyone = {
        u.id: u
        for u in session.exec(
            select(Unit).where(or_(col(Unit.is_group).is_(True), col(Unit.active).is_(False)))
        ).all()
    }
    # Only members that are groups or ended can lead further; plain members just fill.
    members: dict[int, list[int]] = {}
    for group_id, member_id in session.execute(
        select(col(GroupMember.group_id), col(GroupMember.member_id))
    ).all():
        leads = members.setdefault(group_id, [])
        if member_id in everyone:
            leads.append(member_id)
    routes: dict[int, list[Route]] = {}
    for succ in session.exec(select(Succession).order_by(col(Succession.id))).all():
        routes.setdefault(succ.predecessor_id, []).append(
            Route(succ.successor_id, succ.obligation_id)
        )
    inactive = {i for i, u in everyone.items() if i is not None and not u.active}
    found: dict[tuple[str, str, str], UnfilledGroup] = {}
    for obligation, plan_code, unit_id in rows:
        if not schedule_from_dict(obligation.schedule).is_dated:
            continue
        assert obligation.id is not None
        standing: set[int] = set()
        _standing_groups(unit_id, obligation.id, everyone, members, routes, inactive, standing, 0)
        for group_id in standing:
            group = everyone[group_id]
            key = (plan_code, obligation.code, group.code)
            found[key] = UnfilledGroup(plan_code, obligation.code, group.code, group.name)
    return [found[key] for key in sorted(found)]


def _standing_groups(
    unit_id: int,
    obligation_id: int,
    everyone: dict[int | None, Unit],
    members: dict[int, list[int]],
    routes: dict[int, list[Route]],
    inactive: set[int],
    standing: set[int],
    depth: int,
) -> None:
    if depth > MAX_DEPTH:
        return
    for target in successors_for(unit_id, obligation_id, routes, inactive):
        unit = everyone.get(target)
        if unit is None or not unit.is_group:
            continue
        if target not in members:  # no member at all: the shared row stands for the group
            standing.add(target)
            continue
        for member in members[target]:
            _standing_groups(
                member, obligation_id, everyone, members, routes, inactive, standing, depth + 1
            )


# --- Summaries --------------------------------------------------------------------------------


def list_groups(session: Session) -> list[GroupSummary]:
    """Every active group with its members, the obligations naming it, and its flag."""
    groups = session.exec(
        select(Unit)
        .where(col(Unit.is_group).is_(True), col(Unit.active).is_(True))
        .order_by(col(Unit.locality), col(Unit.code))
    ).all()
    unfilled = {u.group for u in unfilled_groups(session)}
    return [summary(session, group, unfilled) for group in groups]


def summary(session: Session, group: Unit, unfilled: set[str] | None = None) -> GroupSummary:
    """One group as /nhom shows it; `unfilled` (codes of unfilled groups) is looked up if None."""
    assert group.id is not None
    if unfilled is None:
        unfilled = {u.group for u in unfilled_groups(session)}
    member_rows = session.exec(
        select(Unit)
        .join(GroupMember, col(GroupMember.member_id) == col(Unit.id))
        .where(GroupMember.group_id == group.id)
        .order_by(col(Unit.code))
    ).all()
    named = session.exec(
        select(Plan.code, Obligation.code)
        .join(Obligation, col(Obligation.plan_id) == col(Plan.id))
        .join(ObligationUnit, col(ObligationUnit.obligation_id) == col(Obligation.id))
        .where(
            ObligationUnit.unit_id == group.id,
            ObligationUnit.role == ObligationRole.RESPONSIBLE.value,
            col(Obligation.active).is_(True),
        )
        .order_by(col(Plan.code), col(Obligation.code))
    ).all()
    return GroupSummary(
        id=group.id,
        code=group.code,
        name=group.name,
        locality=group.locality,
        members=tuple(
            UnitRef(u.code, u.name, u.locality if u.locality != group.locality else "")
            for u in member_rows
        ),
        named_by=tuple(f"{plan}/{code}" for plan, code in named),
        unfilled=group.code in unfilled,
    )

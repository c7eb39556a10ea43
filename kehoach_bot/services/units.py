"""Units and named groups: directory import, look-ups by code or alias, listings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from kehoach_bot.db.models import AuditLog, GroupMember, Succession, Unit, UnitAlias
from kehoach_bot.domain.deadlines import DeadlinePolicy
from kehoach_bot.domain.vietnamese import normalize_name
from kehoach_bot.plans.unit_directories import UNIT_KINDS, UnitSpec
from kehoach_bot.services import audit
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.services.occurrences import sync_occurrences
from kehoach_bot.texts import domain_vi, errors_vi

DIRECTORY_ACTOR = domain_vi.DIRECTORY_ACTOR


def get_unit(session: Session, code: str) -> Unit:
    """The unit with this code, or NotFound with a Vietnamese message."""
    unit = session.exec(select(Unit).where(Unit.code == code.strip())).first()
    if unit is None:
        raise NotFound(errors_vi.UNIT_NOT_FOUND_SEE_LIST.format(code=code))
    return unit


def find_by_name(session: Session, name: str, locality: str | None = None) -> list[Unit]:
    """Units whose name or alias matches `name` (normalised), optionally in one locality."""
    key = normalize_name(name)
    query = select(Unit).join(UnitAlias, col(UnitAlias.unit_id) == col(Unit.id))
    query = query.where(UnitAlias.normalized == key)
    if locality:
        query = query.where(UnitAlias.locality == locality)
    return list(session.exec(query).unique().all())


def import_units(session: Session, specs: Iterable[UnitSpec], *, now: datetime) -> int:
    """Insert units, aliases, group members and recorded endings that are missing.

    Existing rows are never changed or removed: an admin's edits (names, added group members)
    survive every reload of the shipped directories. Returns how many units were added.
    """
    specs = list(specs)
    by_code = {u.code: u for u in session.exec(select(Unit)).all()}
    added = 0
    for spec in specs:
        if spec.code not in by_code:
            unit = Unit(
                code=spec.code,
                name=spec.name,
                short_name=spec.short,
                kind=spec.kind,
                locality=spec.locality,
                is_group=spec.is_group,
                created_at=now,
            )
            session.add(unit)
            by_code[spec.code] = unit
            added += 1
    session.flush()
    for spec in specs:
        unit = by_code[spec.code]
        assert unit.id is not None
        if spec.parent and unit.parent_id is None and spec.parent in by_code:
            unit.parent_id = by_code[spec.parent].id
        _add_aliases(session, unit, (spec.name, spec.short, *spec.aliases))
        _add_members(session, unit.id, [by_code[m].id for m in spec.members if m in by_code])
        if spec.ended_on and not _has_succession(session, unit.id) and not _undone(session, unit):
            unit.active = False
            unit.ended_on = spec.ended_on
            for successor in spec.successors:
                successor_id = by_code[successor].id
                assert successor_id is not None
                session.add(
                    Succession(
                        predecessor_id=unit.id,
                        successor_id=successor_id,
                        kind="replace",
                        effective_on=spec.ended_on,
                        recorded_by=DIRECTORY_ACTOR,
                        recorded_at=now,
                    )
                )
    session.flush()
    return added


def _add_aliases(session: Session, unit: Unit, names: Iterable[str]) -> None:
    assert unit.id is not None
    taken = {
        a.normalized
        for a in session.exec(select(UnitAlias).where(UnitAlias.locality == unit.locality)).all()
    }
    for name in names:
        key = normalize_name(name) if name else ""
        if key and key not in taken:
            session.add(
                UnitAlias(unit_id=unit.id, locality=unit.locality, alias=name, normalized=key)
            )
            taken.add(key)


def _add_members(session: Session, group_id: int, member_ids: Iterable[int | None]) -> None:
    present = set(
        session.exec(select(GroupMember.member_id).where(GroupMember.group_id == group_id)).all()
    )
    for member_id in member_ids:
        if member_id is not None and member_id not in present:
            session.add(GroupMember(group_id=group_id, member_id=member_id))


def _undone(session: Session, unit: Unit) -> bool:
    """An admin undid this unit's ending: a reload of the directory must not record it again."""
    query = select(AuditLog.id).where(
        AuditLog.action == "unit_succession_undone", AuditLog.entity_id == unit.code
    )
    return session.exec(query).first() is not None


def _has_succession(session: Session, unit_id: int) -> bool:
    query = select(Succession.id).where(Succession.predecessor_id == unit_id)
    return session.exec(query).first() is not None


@dataclass(frozen=True, slots=True)
class UnitView:
    """A unit as listings show it."""

    code: str
    name: str
    short_name: str
    kind: str
    locality: str
    is_group: bool
    active: bool
    aliases: list[str]
    members: list[str]
    successors: list[str]
    ended_on: date | None = None


def list_units(session: Session) -> list[UnitView]:
    """Every unit with its aliases, group members and successors, ordered by locality and code."""
    units = session.exec(select(Unit).order_by(col(Unit.locality), col(Unit.code))).all()
    code_of = {u.id: u.code for u in units}
    aliases: dict[int, list[str]] = {}
    for alias in session.exec(select(UnitAlias).order_by(col(UnitAlias.id))).all():
        aliases.setdefault(alias.unit_id, []).append(alias.alias)
    members: dict[int, list[str]] = {}
    for link in session.exec(select(GroupMember)).all():
        members.setdefault(link.group_id, []).append(code_of[link.member_id])
    successors: dict[int, list[str]] = {}
    for succ in session.exec(select(Succession).order_by(col(Succession.id))).all():
        names = successors.setdefault(succ.predecessor_id, [])
        if code_of[succ.successor_id] not in names:
            names.append(code_of[succ.successor_id])
    return [
        UnitView(
            code=u.code,
            name=u.name,
            short_name=u.short_name,
            kind=u.kind,
            locality=u.locality,
            is_group=u.is_group,
            active=u.active,
            aliases=[a for a in aliases.get(u.id or 0, []) if a not in (u.name, u.short_name)],
            members=sorted(members.get(u.id or 0, [])),
            successors=successors.get(u.id or 0, []),
            ended_on=u.ended_on,
        )
        for u in units
    ]


def free_code(session: Session, code: str) -> str:
    """`code` stripped, when it is well-formed and no unit has it yet; InvalidInput otherwise."""
    code = code.strip()
    if not code or len(code) > 64 or not all(ch.isalnum() or ch in "-_" for ch in code):
        raise InvalidInput(errors_vi.BAD_UNIT_CODE)
    if session.exec(select(Unit.id).where(Unit.code == code)).first() is not None:
        raise InvalidInput(errors_vi.UNIT_CODE_TAKEN.format(code=code))
    return code


def check_kind(kind: str) -> None:
    """InvalidInput unless `kind` is a kind a new unit may have (groups are made by /nhom)."""
    if kind not in UNIT_KINDS or kind == "nhom":
        raise InvalidInput(
            errors_vi.BAD_UNIT_KIND.format(kind=kind[:40], kinds=", ".join(UNIT_KINDS))
        )


def add_unit(
    session: Session,
    *,
    code: str,
    name: str,
    kind: str,
    locality: str,
    short: str = "",
    parent: str | None = None,
    groups: Iterable[str] = (),
    aliases: Iterable[str] = (),
    actor: str,
    now: datetime,
    policy: DeadlinePolicy,
    until: date,
) -> Unit:
    """Create a unit (e.g. a new commune after the 2025 reorganisation) and put it in groups."""
    code, name = free_code(session, code), name.strip()
    if not name or len(name) > 300:
        raise InvalidInput(errors_vi.BAD_UNIT_NAME)
    check_kind(kind)
    parent_unit = get_unit(session, parent) if parent else None
    group_units = [get_unit(session, g) for g in groups]
    for group in group_units:
        if not group.is_group:
            raise InvalidInput(errors_vi.NOT_A_GROUP.format(code=group.code))
    unit = Unit(
        code=code,
        name=name,
        short_name=short.strip(),
        kind=kind,
        locality=locality.strip(),
        parent_id=parent_unit.id if parent_unit else None,
        created_at=now,
    )
    session.add(unit)
    session.flush()
    assert unit.id is not None
    _add_aliases(session, unit, (name, short, *aliases))
    for group in group_units:
        assert group.id is not None
        _add_members(session, group.id, [unit.id])
    audit.record(
        session,
        actor=actor,
        action="unit_add",
        entity="unit",
        entity_id=code,
        after={"name": name, "kind": kind, "groups": [g.code for g in group_units]},
        now=now,
    )
    session.flush()
    if group_units:
        # A group that gains a member hands its placeholder occurrences to its members.
        sync_occurrences(session, policy=policy, until=until, now=now)
    return unit


def add_alias(session: Session, *, code: str, alias: str, actor: str, now: datetime) -> Unit:
    """Record another name of a unit, unique within its locality."""
    unit = get_unit(session, code)
    alias = " ".join(alias.split())
    if not alias or len(alias) > 300:
        raise InvalidInput(errors_vi.BAD_ALIAS)
    key = normalize_name(alias)
    taken = session.exec(
        select(UnitAlias).where(UnitAlias.locality == unit.locality, UnitAlias.normalized == key)
    ).first()
    if taken is not None:
        owner = session.get(Unit, taken.unit_id)
        raise InvalidInput(
            errors_vi.ALIAS_TAKEN.format(alias=alias, owner=owner.code if owner else "?")
        )
    assert unit.id is not None
    session.add(UnitAlias(unit_id=unit.id, locality=unit.locality, alias=alias, normalized=key))
    audit.record(
        session,
        actor=actor,
        action="unit_alias",
        entity="unit",
        entity_id=unit.code,
        after={"alias": alias},
        now=now,
    )
    session.flush()
    return unit

"""Named groups and their members ("UBND các xã, thị trấn" is 22 communes).

An admin adds or removes members by code, or pastes a list of names (or imports a CSV file) that
is matched to the directory ignoring accents and using aliases. Every change is previewed first;
saving recomputes the preview and refuses when it no longer is the one shown (its token). Each
change is audited and followed by the occurrences of the obligations that name the group: members
take over from the group's shared row. A dated obligation whose group has no members yet is
flagged ("chưa có danh sách đơn vị") wherever admins and coordinators look.
"""

from __future__ import annotations

import csv
import enum
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, delete, or_, select

from kehoach_bot.db.models import (
    GroupMember,
    Obligation,
    ObligationUnit,
    Plan,
    Succession,
    Unit,
    UnitAlias,
)
from kehoach_bot.domain.deadlines import DeadlinePolicy
from kehoach_bot.domain.member_lists import (
    Line,
    guess_kind,
    plain_key,
    proposed_code,
    read_lines,
)
from kehoach_bot.domain.schedules import schedule_from_dict
from kehoach_bot.domain.stored import ObligationRole
from kehoach_bot.domain.succession import Route, successors_for
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import audit, people, units
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.services.occurrences import SyncReport, sync_occurrences
from kehoach_bot.texts import errors_vi
from kehoach_bot.texts import groups_vi as t

T = TypeVar("T")
MAX_LINES = 500
MAX_NAME = 300
MAX_DEPTH = 8
_CODES = re.compile(r"[,;\s]+")
_LOOKS_LIKE_CODE = re.compile(r"^[A-Z0-9]+(?:[-_][A-Z0-9]+)+$")
_HEADERS = {"ma", "ten", "ma don vi", "ten don vi", "don vi", "code", "name", "unit"}


class MemberAction(enum.StrEnum):
    """What a change does to a group's members."""

    ADD = "add"
    REMOVE = "remove"
    PASTE = "paste"  # a list of names (or codes), one per line: the listed units join


class LineOutcome(enum.StrEnum):
    """What one line of a pasted list comes to."""

    MATCHED = "matched"  # a unit of the directory: it joins
    MEMBER = "member"  # already a member: left as it is
    NEW = "new"  # in no directory: offered as a new unit named exactly as the line
    AMBIGUOUS = "ambiguous"  # several units answer to the name: listed, not chosen
    SELF = "self"  # the group itself
    GROUP = "group"  # another group: members are units
    UNKNOWN_CODE = "unknown_code"  # written like a unit code, but no unit has it
    BLANK = "blank"
    DUPLICATE = "duplicate"  # the same name or unit as an earlier line


BLOCKING = frozenset(
    {
        LineOutcome.AMBIGUOUS,
        LineOutcome.SELF,
        LineOutcome.GROUP,
        LineOutcome.UNKNOWN_CODE,
        LineOutcome.BLANK,
        LineOutcome.DUPLICATE,
    }
)


@dataclass(frozen=True, slots=True)
class UnitRef:
    """A unit as previews show it; `locality` only when it differs from the group's."""

    code: str
    name: str
    locality: str = ""


@dataclass(frozen=True, slots=True)
class NewUnit:
    """A unit to create from a pasted name: the name exactly as pasted, a kind its words state."""

    code: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class ListLine:
    """One line of a pasted list and what it comes to."""

    number: int
    text: str
    outcome: LineOutcome
    unit: UnitRef | None = None
    new: NewUnit | None = None
    candidates: tuple[UnitRef, ...] = ()
    first: int | None = None  # DUPLICATE: the earlier line


@dataclass(frozen=True, slots=True)
class MembersPreview:
    """What a change of members would do; `token` names exactly this change."""

    group: UnitRef
    action: MemberAction
    before: tuple[str, ...]
    add: tuple[UnitRef, ...]
    create: tuple[NewUnit, ...]
    remove: tuple[UnitRef, ...]
    lines: tuple[ListLine, ...] = ()
    token: str = ""
    sync: SyncReport | None = None

    @property
    def problems(self) -> tuple[ListLine, ...]:
        """Lines that must be corrected before anything can be saved."""
        return tuple(line for line in self.lines if line.outcome in BLOCKING)

    @property
    def changes(self) -> bool:
        """True when saving would change the members."""
        return bool(self.add or self.create or self.remove)

    @property
    def ready(self) -> bool:
        """True when the preview may be saved as it stands."""
        return self.changes and not self.problems


@dataclass(frozen=True, slots=True)
class MemberChange:
    """A previewed change as the admin typed it, with the token of the preview shown."""

    group: str
    action: MemberAction
    text: str
    token: str


@dataclass(frozen=True, slots=True)
class MembersSaved:
    """A saved change: the members before and after, new units, the occurrences it moved."""

    group: UnitRef
    before: tuple[str, ...]
    after: tuple[str, ...]
    created: tuple[str, ...]
    sync: SyncReport


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


# --- Reading the directory --------------------------------------------------------------------


@dataclass(slots=True)
class _Directory:
    """Units by id, by code and by matching key, read once per preview."""

    units: dict[int, Unit] = field(default_factory=dict)
    by_code: dict[str, int] = field(default_factory=dict)
    by_key: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> _Directory:
        found = cls()
        for unit in session.exec(select(Unit)).all():
            assert unit.id is not None
            found.units[unit.id] = unit
            found.by_code[unit.code.upper()] = unit.id
            for name in (unit.name, unit.short_name):
                found._key(name, unit.id)
        for alias in session.exec(select(UnitAlias)).all():
            found._key(alias.alias, alias.unit_id)
        return found

    def _key(self, name: str, unit_id: int) -> None:
        key = plain_key(name) if name else ""
        if key:
            self.by_key.setdefault(key, set()).add(unit_id)

    def find(self, text: str, locality: str) -> list[int]:
        """Units answering to a code or a name, those of `locality` preferred."""
        if text.upper() in self.by_code:
            return [self.by_code[text.upper()]]
        ids = self.by_key.get(plain_key(text), set())
        local = {i for i in ids if self.units[i].locality == locality}
        return sorted(local or ids, key=lambda i: self.units[i].code)

    def ref(self, unit_id: int, locality: str) -> UnitRef:
        """A unit as previews show it, its locality named when not the group's."""
        unit = self.units[unit_id]
        other = unit.locality if unit.locality != locality else ""
        return UnitRef(unit.code, unit.name, other)


def _unit(session: Session, code: str) -> Unit:
    """The unit with this code, in any letter case (admins type "dn-cujut" too)."""
    query = select(Unit).where(func.upper(Unit.code) == code.strip().upper())
    unit = session.exec(query).first()
    if unit is None:
        raise NotFound(errors_vi.UNIT_NOT_FOUND_SEE_LIST.format(code=code))
    return unit


def get_group(session: Session, code: str) -> Unit:
    """The group with this code; NotFound, or InvalidInput when the unit is not a group."""
    unit = _unit(session, code)
    if not unit.is_group:
        raise InvalidInput(t.NOT_A_GROUP.format(code=unit.code))
    return unit


def _group_by_id(session: Session, group_id: int) -> Unit:
    unit = session.get(Unit, group_id)
    if unit is None:
        raise NotFound(t.GROUP_NOT_FOUND)
    if not unit.is_group:
        raise InvalidInput(t.NOT_A_GROUP.format(code=unit.code))
    return unit


def _member_ids(session: Session, group_id: int) -> list[int]:
    query = select(GroupMember.member_id).where(GroupMember.group_id == group_id)
    return list(session.exec(query).all())


def _codes(session: Session, ids: Iterable[int]) -> tuple[str, ...]:
    ids = list(ids)
    if not ids:
        return ()
    return tuple(sorted(session.exec(select(Unit.code).where(col(Unit.id).in_(ids))).all()))


# --- Previews ---------------------------------------------------------------------------------


def preview_codes(
    session: Session, group_code: str, action: MemberAction, text: str
) -> MembersPreview:
    """Add or remove the units whose codes are listed; any bad code refuses the whole list."""
    group = get_group(session, group_code)
    assert group.id is not None
    codes = [c for c in _CODES.split(text.strip()) if c]
    if not codes:
        raise InvalidInput(t.NO_CODES)
    seen: set[str] = set()
    for code in codes:
        if code.upper() in seen:
            raise InvalidInput(t.CODE_TWICE.format(code=code))
        seen.add(code.upper())
    members = set(_member_ids(session, group.id))
    chosen: list[UnitRef] = []
    for code in codes:
        unit = _unit(session, code)
        if unit.id == group.id:
            raise InvalidInput(t.MEMBER_IS_THE_GROUP.format(group=group.code))
        if action is MemberAction.ADD:
            if unit.is_group:
                raise InvalidInput(t.MEMBER_IS_A_GROUP.format(code=unit.code))
            if unit.id in members:
                raise InvalidInput(t.ALREADY_MEMBER.format(code=unit.code, group=group.code))
        elif unit.id not in members:
            raise InvalidInput(t.NOT_A_MEMBER.format(code=unit.code, group=group.code))
        other = unit.locality if unit.locality != group.locality else ""
        chosen.append(UnitRef(unit.code, unit.name, other))
    adding = action is MemberAction.ADD
    return _with_token(
        MembersPreview(
            group=UnitRef(group.code, group.name),
            action=action,
            before=_codes(session, members),
            add=tuple(chosen) if adding else (),
            create=(),
            remove=() if adding else tuple(chosen),
        )
    )


def preview_list(session: Session, group_code: str, text: str) -> MembersPreview:
    """Match a pasted list (one name or code per line) against the directory; nothing is written.

    Blank, repeated, ambiguous lines and lines naming a group are reported and block saving;
    names found nowhere are offered as new units named exactly as written.
    """
    group = get_group(session, group_code)
    assert group.id is not None
    if not text.strip():
        raise InvalidInput(t.ALL_BLANK if text.splitlines() else t.EMPTY_LIST)
    lines = read_lines(text)
    if len(lines) > MAX_LINES:
        raise InvalidInput(t.TOO_MANY_LINES.format(count=len(lines), limit=MAX_LINES))
    for line in lines:
        if len(line.text) > MAX_NAME:
            raise InvalidInput(t.LINE_TOO_LONG.format(number=line.number, limit=MAX_NAME))
    directory = _Directory.load(session)
    members = set(_member_ids(session, group.id))
    taken = set(directory.by_code)
    prefix = group.code.split("-")[0] if "-" in group.code else ""
    matched: list[ListLine] = []
    first_by_key: dict[str, int] = {}
    first_by_unit: dict[str, int] = {}
    for line in lines:
        outcome = _match(line, group, directory, members, prefix, taken)
        if outcome.outcome is not LineOutcome.BLANK:
            # The same name twice, or two names of one unit ("DN-CUJUT" and "huyện Cư Jút").
            key, unit = plain_key(line.text), outcome.unit.code if outcome.unit else ""
            earlier = first_by_key.get(key) or first_by_unit.get(unit)
            if earlier is not None:
                outcome = ListLine(line.number, line.text, LineOutcome.DUPLICATE, first=earlier)
            else:
                first_by_key[key] = line.number
                if unit:
                    first_by_unit[unit] = line.number
                if outcome.new is not None:
                    taken.add(outcome.new.code.upper())
        matched.append(outcome)
    return _with_token(
        MembersPreview(
            group=UnitRef(group.code, group.name),
            action=MemberAction.PASTE,
            before=_codes(session, members),
            add=tuple(
                line.unit
                for line in matched
                if line.outcome is LineOutcome.MATCHED and line.unit is not None
            ),
            create=tuple(line.new for line in matched if line.new is not None),
            remove=(),
            lines=tuple(matched),
        )
    )


def _match(
    line: Line,
    group: Unit,
    directory: _Directory,
    members: set[int],
    prefix: str,
    taken: set[str],
) -> ListLine:
    if not plain_key(line.text):  # nothing but spaces or punctuation
        return ListLine(line.number, line.text, LineOutcome.BLANK)
    found = directory.find(line.text, group.locality)
    if len(found) > 1:
        candidates = tuple(directory.ref(i, group.locality) for i in found)
        return ListLine(line.number, line.text, LineOutcome.AMBIGUOUS, candidates=candidates)
    if not found and _LOOKS_LIKE_CODE.match(line.text):
        return ListLine(line.number, line.text, LineOutcome.UNKNOWN_CODE)
    if not found:
        new = NewUnit(proposed_code(prefix, line.text, taken), line.text, guess_kind(line.text))
        return ListLine(line.number, line.text, LineOutcome.NEW, new=new)
    unit_id = found[0]
    unit = directory.units[unit_id]
    if unit_id == group.id:
        outcome = LineOutcome.SELF
    elif unit.is_group:
        outcome = LineOutcome.GROUP
    elif unit_id in members:
        outcome = LineOutcome.MEMBER
    else:
        outcome = LineOutcome.MATCHED
    return ListLine(line.number, line.text, outcome, unit=directory.ref(unit_id, group.locality))


def csv_names(text: str) -> str:
    """The names or codes of a CSV file (one per row, header optional, UTF-8 with or without BOM)
    as a pasted list; InvalidInput when a row has more than one column."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    names: list[str] = []
    for number, row in enumerate(rows, start=1):
        cells = [cell for cell in row if cell.strip()]
        if len(cells) > 1:
            raise InvalidInput(t.CSV_MANY_COLUMNS.format(number=number))
        names.append(cells[0] if cells else "")
    if names and plain_key(names[0]) in _HEADERS:
        names = names[1:]
    return "\n".join(names)


def _with_token(preview: MembersPreview) -> MembersPreview:
    content = json.dumps(
        [
            preview.group.code,
            preview.action.value,
            preview.before,
            [u.code for u in preview.add],
            [[n.code, n.name, n.kind] for n in preview.create],
            [u.code for u in preview.remove],
        ],
        ensure_ascii=False,
    )
    return replace(preview, token=hashlib.sha256(content.encode()).hexdigest()[:16])


def preview(session: Session, group_code: str, action: MemberAction, text: str) -> MembersPreview:
    """The preview of a change as typed: codes to add or remove, or a pasted list."""
    if action is MemberAction.PASTE:
        return preview_list(session, group_code, text)
    return preview_codes(session, group_code, action, text)


# --- Saving -----------------------------------------------------------------------------------


def apply(
    session: Session,
    planned: MembersPreview,
    *,
    actor: str,
    now: datetime,
    policy: DeadlinePolicy,
    until: date,
) -> MembersSaved:
    """Write a previewed change: new units, members in or out, audited, occurrences in line."""
    if planned.problems:
        raise InvalidInput(t.LIST_HAS_PROBLEMS.format(count=len(planned.problems)))
    if not planned.changes:
        raise InvalidInput(t.NOTHING_TO_CHANGE.format(group=planned.group.code))
    group = get_group(session, planned.group.code)
    assert group.id is not None
    created: list[str] = []
    for new in planned.create:
        unit = units.add_unit(
            session,
            code=new.code,
            name=new.name,
            kind=new.kind,
            locality=group.locality,
            actor=actor,
            now=now,
            policy=policy,
            until=until,
        )
        created.append(unit.code)
    joining = [units.get_unit(session, u.code).id for u in planned.add]
    joining += [units.get_unit(session, code).id for code in created]
    for member_id in joining:
        assert member_id is not None
        session.add(GroupMember(group_id=group.id, member_id=member_id))
    leaving = [units.get_unit(session, u.code).id for u in planned.remove]
    if leaving:
        session.exec(
            delete(GroupMember).where(
                col(GroupMember.group_id) == group.id, col(GroupMember.member_id).in_(leaving)
            )
        )
    session.flush()
    after = _codes(session, _member_ids(session, group.id))
    audit.record(
        session,
        actor=actor,
        action=f"group_{planned.action.value}",
        entity="unit",
        entity_id=group.code,
        before={"members": list(planned.before)},
        after={"members": list(after)},
        now=now,
    )
    report = sync_for_groups(session, [group.id], policy=policy, until=until, now=now)
    return MembersSaved(
        UnitRef(group.code, group.name), planned.before, after, tuple(created), report
    )


def dry_run(
    session: Session,
    group_code: str,
    action: MemberAction,
    text: str,
    *,
    actor: str,
    now: datetime,
    policy: DeadlinePolicy,
    until: date,
) -> MembersPreview:
    """The preview, with what saving would do to the occurrences when it can be saved; the
    caller rolls the session back."""
    found = preview(session, group_code, action, text)
    if not found.ready:
        return found
    done = apply(session, found, actor=actor, now=now, policy=policy, until=until)
    return replace(found, sync=done.sync)


def save(
    session: Session,
    change: MemberChange,
    *,
    actor: str,
    now: datetime,
    policy: DeadlinePolicy,
    until: date,
) -> MembersSaved:
    """Save a change as typed, provided its preview is still the one shown (same token); an
    empty token (the command line's `group-add`, which shows no preview) saves it as it is now."""
    found = preview(session, change.group, change.action, change.text)
    if change.token and found.token != change.token:
        raise InvalidInput(t.PREVIEW_STALE)
    return apply(session, found, actor=actor, now=now, policy=policy, until=until)


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


def list_groups(session: Session) -> list[GroupSummary]:
    """Every active group with its members, the obligations naming it, and its flag."""
    groups = session.exec(
        select(Unit)
        .where(col(Unit.is_group).is_(True), col(Unit.active).is_(True))
        .order_by(col(Unit.locality), col(Unit.code))
    ).all()
    unfilled = {u.group for u in unfilled_groups(session)}
    return [_summary(session, group, unfilled) for group in groups]


def _summary(session: Session, group: Unit, unfilled: set[str] | None = None) -> GroupSummary:
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


# --- The admin's actions in the bot, one transaction each ---------------------------------------


def _as_admin(runtime: Runtime, user_id: int, work: Callable[[Session, str], T]) -> T:
    with runtime.transaction() as session:
        return work(session, people.require_admin(runtime, session, user_id))


def groups(runtime: Runtime, *, user_id: int) -> list[GroupSummary]:
    """/nhom: the groups, their members and flags."""
    return _as_admin(runtime, user_id, lambda s, _: list_groups(s))


def group(runtime: Runtime, *, user_id: int, group_id: int) -> GroupSummary:
    """A group's card (the buttons under /nhom)."""
    return _as_admin(runtime, user_id, lambda s, _: _summary(s, _group_by_id(s, group_id)))


def find_group(runtime: Runtime, *, user_id: int, code: str) -> GroupSummary:
    """/nhom CODE: a group's card by code."""
    return _as_admin(runtime, user_id, lambda s, _: _summary(s, get_group(s, code)))


def preview_change(
    runtime: Runtime, *, user_id: int, group_code: str, action: MemberAction, text: str
) -> MembersPreview:
    """What a change of members would do, occurrences included; nothing is kept."""
    now = runtime.now()
    with runtime.rolled_back() as session:
        actor = people.require_admin(runtime, session, user_id)
        return dry_run(
            session,
            group_code,
            action,
            text,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        )


def save_change(runtime: Runtime, *, user_id: int, change: MemberChange) -> MembersSaved:
    """Save a previewed change, provided it still is the one the preview showed."""
    now = runtime.now()
    return _as_admin(
        runtime,
        user_id,
        lambda s, actor: save(
            s,
            change,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        ),
    )

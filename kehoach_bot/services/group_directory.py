"""The unit directory as group changes read it: units by code, name and alias; a group's members."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, col, select

from kehoach_bot.db.models import GroupMember, Unit, UnitAlias
from kehoach_bot.domain.member_lists import plain_key
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.texts import errors_vi
from kehoach_bot.texts import groups_vi as t


@dataclass(frozen=True, slots=True)
class UnitRef:
    """A unit as previews show it; `locality` only when it differs from the group's."""

    code: str
    name: str
    locality: str = ""


@dataclass(slots=True)
class Directory:
    """Units by id, by code and by matching key, read once per preview."""

    units: dict[int, Unit] = field(default_factory=dict)
    by_code: dict[str, int] = field(default_factory=dict)
    by_key: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> Directory:
        """Every unit and alias of the database, indexed."""
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


def find_unit(session: Session, code: str) -> Unit:
    """The unit with this code, in any letter case (admins type "dn-cujut" too)."""
    query = select(Unit).where(func.upper(Unit.code) == code.strip().upper())
    unit = session.exec(query).first()
    if unit is None:
        raise NotFound(errors_vi.UNIT_NOT_FOUND_SEE_LIST.format(code=code))
    return unit


def get_group(session: Session, code: str) -> Unit:
    """The group with this code; NotFound, or InvalidInput when the unit is not a group."""
    unit = find_unit(session, code)
    if not unit.is_group:
        raise InvalidInput(t.NOT_A_GROUP.format(code=unit.code))
    return unit


def member_ids(session: Session, group_id: int) -> list[int]:
    """The ids of a group's members."""
    query = select(GroupMember.member_id).where(GroupMember.group_id == group_id)
    return list(session.exec(query).all())


def unit_codes(session: Session, ids: Iterable[int]) -> tuple[str, ...]:
    """The codes of these units, sorted."""
    ids = list(ids)
    if not ids:
        return ()
    return tuple(sorted(session.exec(select(Unit.code).where(col(Unit.id).in_(ids))).all()))

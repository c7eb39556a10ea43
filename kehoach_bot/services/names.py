"""People and things named as users know them: a person by name and unit, never by an id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from kehoach_bot.db.models import Membership, Person, Unit


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name and the unit they belong to ("" when none is known)."""

    name: str
    unit: str = ""


def _named(session: Session, people: list[Person]) -> dict[int, PersonName]:
    ids = [p.id for p in people if p.id is not None]
    if not ids:
        return {}
    rows = session.exec(
        select(Membership.person_id, Unit.name)
        .join(Unit, col(Unit.id) == col(Membership.unit_id))
        .where(col(Membership.person_id).in_(ids), col(Membership.revoked_at).is_(None))
        .order_by(col(Membership.created_at), col(Unit.code))
    ).all()
    units: dict[int, str] = {}
    for person_id, unit_name in rows:
        units.setdefault(person_id, unit_name)
    return {p.id: PersonName(p.full_name, units.get(p.id, "")) for p in people if p.id is not None}


def by_person_id(session: Session, person_ids: Iterable[int]) -> dict[int, PersonName]:
    """People by their id in the bot, with their first live unit."""
    wanted = sorted(set(person_ids))
    if not wanted:
        return {}
    people = list(session.exec(select(Person).where(col(Person.id).in_(wanted))).all())
    return _named(session, people)


def by_telegram_id(session: Session, telegram_ids: Iterable[int]) -> dict[int, PersonName]:
    """People by their Telegram user id, with their first live unit."""
    wanted = sorted(set(telegram_ids))
    if not wanted:
        return {}
    people = list(
        session.exec(select(Person).where(col(Person.telegram_user_id).in_(wanted))).all()
    )
    named = _named(session, people)
    return {p.telegram_user_id: named[p.id] for p in people if p.id is not None}


def unit_names(session: Session, codes: Iterable[str]) -> dict[str, str]:
    """Unit names by code; codes that name nothing are left out."""
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    rows = session.exec(select(Unit.code, Unit.name).where(col(Unit.code).in_(wanted))).all()
    return dict(rows)

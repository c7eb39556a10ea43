"""People: one-time invites, binding a Telegram user to a unit and role, identity, revocation."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import bindparam, delete, update
from sqlmodel import Session, col, select

from kehoach_bot.db.models import (
    BoardLink,
    BoardSession,
    Invite,
    Membership,
    Occurrence,
    Person,
    Unit,
)
from kehoach_bot.domain.roles import Role
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import audit
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound
from kehoach_bot.services.units import get_unit
from kehoach_bot.texts import bot_vi
from kehoach_bot.texts import errors_vi as t

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
MAX_INVITE_HOURS = 24 * 30
MAX_TELEGRAM_ID = 2**63 - 1  # the BigInteger column's limit


def hash_code(code: str) -> str:
    """The stored form of an invite code."""
    return hashlib.sha256(code.encode("ascii")).hexdigest()


@dataclass(frozen=True, slots=True)
class IssuedInvite:
    """A fresh invite: the code is shown once and never stored in clear."""

    code: str
    unit: str
    unit_name: str
    role: Role
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class UnitRole:
    """One membership of a person."""

    unit_id: int
    unit: str
    unit_name: str
    role: Role


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a Telegram user is to the bot."""

    telegram_user_id: int
    person_id: int | None
    full_name: str
    is_admin: bool
    memberships: list[UnitRole] = field(default_factory=list)

    @property
    def known(self) -> bool:
        """True when the person was onboarded or is a configured admin."""
        return self.is_admin or bool(self.memberships)

    def units_with(self, *roles: Role) -> set[int]:
        """Ids of the units where the person holds one of `roles`."""
        return {m.unit_id for m in self.memberships if m.role in roles}

    @property
    def roles(self) -> set[Role]:
        """Every role the person holds, admin included."""
        held = {m.role for m in self.memberships}
        return held | {Role.ADMIN} if self.is_admin else held


def issue_invite(
    session: Session, *, unit_code: str, role: Role, hours: int, actor: str, now: datetime
) -> IssuedInvite:
    """Create a single-use invite for `unit_code` and `role`, valid for `hours`."""
    if not 1 <= hours <= MAX_INVITE_HOURS:
        raise InvalidInput(t.BAD_INVITE_HOURS.format(max_hours=MAX_INVITE_HOURS))
    unit = get_unit(session, unit_code)
    if not unit.active:
        raise InvalidInput(t.INVITE_UNIT_INACTIVE.format(code=unit.code))
    if unit.is_group:
        raise InvalidInput(t.INVITE_TO_GROUP.format(code=unit.code))
    code = secrets.token_urlsafe(24)  # 32 characters of A–Z a–z 0–9 _ -
    expires_at = now + timedelta(hours=hours)
    assert unit.id is not None
    session.add(
        Invite(
            code_hash=hash_code(code),
            unit_id=unit.id,
            role=role.value,
            created_by=actor,
            created_at=now,
            expires_at=expires_at,
        )
    )
    audit.record(
        session,
        actor=actor,
        action="invite_issue",
        entity="unit",
        entity_id=unit.code,
        after={"role": role.value, "expires_at": expires_at.isoformat()},
        now=now,
    )
    session.flush()
    return IssuedInvite(code, unit.code, unit.name, role, expires_at)


def accept_invite(
    session: Session,
    *,
    code: str,
    telegram_user_id: int,
    chat_id: int,
    full_name: str,
    now: datetime,
) -> UnitRole:
    """Bind the Telegram user to the invite's unit and role; the invite is then spent."""
    if not CODE_PATTERN.match(code):
        raise InvalidInput(t.INVITE_CODE_INVALID)
    invite = session.exec(select(Invite).where(Invite.code_hash == hash_code(code))).first()
    if invite is None:
        raise InvalidInput(t.INVITE_CODE_INVALID)
    if invite.used_at is not None:
        raise InvalidInput(t.INVITE_USED)
    if invite.expires_at <= now:
        raise InvalidInput(t.INVITE_EXPIRED)
    person = _person(session, telegram_user_id, chat_id, full_name, now)
    assert person.id is not None
    unit = session.get(Unit, invite.unit_id)
    assert unit is not None and unit.id is not None
    existing = session.get(Membership, (person.id, unit.id, invite.role))
    if existing is None:
        session.add(
            Membership(person_id=person.id, unit_id=unit.id, role=invite.role, created_at=now)
        )
    else:
        existing.revoked_at = None
    invite.used_at, invite.used_by_id = now, person.id
    # A new member should hear of what is already due, not wait for the next stage.
    session.execute(
        update(Occurrence)
        .where(col(Occurrence.unit_id) == unit.id, col(Occurrence.state) == "open")
        .values(next_remind_on=None)
    )
    audit.record(
        session,
        actor=f"tg:{telegram_user_id}",
        action="invite_accept",
        entity="unit",
        entity_id=unit.code,
        after={"role": invite.role, "person": person.id},
        now=now,
    )
    session.flush()
    return UnitRole(unit.id, unit.code, unit.name, Role(invite.role))


def _person(
    session: Session, telegram_user_id: int, chat_id: int, full_name: str, now: datetime
) -> Person:
    person = session.exec(select(Person).where(Person.telegram_user_id == telegram_user_id)).first()
    if person is None:
        person = Person(telegram_user_id=telegram_user_id, created_at=now)
    person.chat_id, person.full_name, person.active = chat_id, full_name[:200], True
    session.add(person)
    session.flush()
    return person


@cache
def _identity_query() -> Any:
    # Plain columns, built once: this runs for every message and every button press.
    return (
        select(  # type: ignore[call-overload]
            col(Person.id),
            col(Person.full_name),
            col(Person.active),
            col(Membership.role),
            col(Membership.revoked_at),
            col(Unit.id),
            col(Unit.code),
            col(Unit.name),
        )
        .outerjoin(Membership, col(Membership.person_id) == col(Person.id))
        .outerjoin(Unit, col(Unit.id) == col(Membership.unit_id))
        .where(col(Person.telegram_user_id) == bindparam("user_id"))
        .order_by(col(Unit.code))
    )


def identify(session: Session, telegram_user_id: int, admin_ids: tuple[int, ...]) -> Identity:
    """The person behind a Telegram user id, with their live memberships."""
    is_admin = telegram_user_id in admin_ids
    rows = session.connection().execute(_identity_query(), {"user_id": telegram_user_id}).all()
    if not rows or not rows[0][2]:
        return Identity(telegram_user_id, None, "", is_admin)
    person_id, full_name = rows[0][0], rows[0][1]
    memberships = [
        UnitRole(unit_id, code, name, Role(role))
        for _, _, _, role, revoked_at, unit_id, code, name in rows
        if role is not None and revoked_at is None
    ]
    is_admin = is_admin or any(m.role is Role.ADMIN for m in memberships)
    return Identity(telegram_user_id, person_id, full_name, is_admin, memberships)


def require_admin(runtime: Runtime, session: Session, user_id: int) -> str:
    """The actor name of an admin; Forbidden for anyone else."""
    if not identify(session, user_id, runtime.settings.telegram.admins).is_admin:
        raise Forbidden(bot_vi.NOT_ALLOWED)
    return f"tg:{user_id}"


def revoke(session: Session, *, telegram_user_id: int, actor: str, now: datetime) -> int:
    """End every membership and board session of a person; returns how many memberships."""
    if not 0 < telegram_user_id <= MAX_TELEGRAM_ID:  # no such user, and too large for SQL
        raise NotFound(t.PERSON_NOT_FOUND.format(telegram_user_id=telegram_user_id))
    person = session.exec(select(Person).where(Person.telegram_user_id == telegram_user_id)).first()
    if person is None:
        raise NotFound(t.PERSON_NOT_FOUND.format(telegram_user_id=telegram_user_id))
    live = session.exec(
        select(Membership).where(
            Membership.person_id == person.id, col(Membership.revoked_at).is_(None)
        )
    ).all()
    for membership in live:
        membership.revoked_at = now
    person.active = False
    # The board's sessions and unspent links end here, so a person invited again later starts
    # from a fresh sign-in rather than an old browser's cookie.
    session.execute(
        delete(BoardSession).where(col(BoardSession.telegram_user_id) == telegram_user_id)
    )
    session.execute(
        update(BoardLink)
        .where(
            col(BoardLink.telegram_user_id) == telegram_user_id, col(BoardLink.used_at).is_(None)
        )
        .values(expires_at=now)
    )
    audit.record(
        session,
        actor=actor,
        action="person_revoke",
        entity="person",
        entity_id=telegram_user_id,
        before={"memberships": len(live)},
        after={"memberships": 0},
        now=now,
    )
    session.flush()
    return len(live)


def chats_of(session: Session, unit_ids: set[int | None], roles: tuple[Role, ...]) -> list[int]:
    """Chat ids of active people holding one of `roles` in any of the units."""
    ids = {u for u in unit_ids if u is not None}
    if not ids:
        return []
    rows = session.exec(
        select(Person.chat_id)
        .join(Membership, col(Membership.person_id) == col(Person.id))
        .where(
            col(Membership.unit_id).in_(ids),
            col(Membership.role).in_([r.value for r in roles]),
            col(Membership.revoked_at).is_(None),
            col(Person.active).is_(True),
            col(Person.chat_id).is_not(None),
        )
        .distinct()
    ).all()
    return sorted(c for c in rows if c is not None)

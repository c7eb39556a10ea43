"""Joining with a one-time invite: bind the person, and find the first thing their unit owes."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach_bot.domain.roles import Role
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import people, tracking
from kehoach_bot.services.tracking import OccurrenceView


@dataclass(frozen=True, slots=True)
class Joined:
    """The new membership, every role the person now holds, and the unit's nearest report."""

    role: Role
    unit_name: str
    roles: set[Role]
    upcoming: OccurrenceView | None


def join(runtime: Runtime, *, code: str, user_id: int, chat_id: int, full_name: str) -> Joined:
    """/start CODE: spend the invite and bind the person to its unit and role."""
    with runtime.transaction() as session:
        bound = people.accept_invite(
            session,
            code=code,
            telegram_user_id=user_id,
            chat_id=chat_id,
            full_name=full_name,
            now=runtime.now(),
        )
        identity = people.identify(session, user_id, runtime.settings.telegram.admins)
        upcoming = next(
            (
                v
                for v in tracking.owed(session, identity, runtime.today())
                if v.unit_id == bound.unit_id
            ),
            None,
        )
        return Joined(bound.role, bound.unit_name, identity.roles, upcoming)

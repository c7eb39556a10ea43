"""Roles of people in units, and what each may do."""

from __future__ import annotations

import enum

from kehoach_bot.domain.schedule_text import plain_text
from kehoach_bot.texts import domain_vi as t


class Role(enum.StrEnum):
    """A person's role in a unit."""

    OFFICER = "officer"  # cán bộ: answers for the unit's reports
    COORDINATOR = "coordinator"  # đầu mối: follows the reports sent to or through the unit
    ADMIN = "admin"  # quản trị: edits plans, units, people


ROLE_TEXT: dict[Role, str] = {
    Role.OFFICER: t.ROLE_OFFICER,
    Role.COORDINATOR: t.ROLE_COORDINATOR,
    Role.ADMIN: t.ROLE_ADMIN,
}

# Keys are written as `_role_key` leaves them: no accents, no spaces, lower case. The stored
# English values stay accepted so that scripts written before roles were Vietnamese keep working.
_ROLE_WORDS: dict[str, Role] = {
    "canbo": Role.OFFICER,
    "daumoi": Role.COORDINATOR,
    "donvidaumoi": Role.COORDINATOR,
    "quantri": Role.ADMIN,
    "quantrivien": Role.ADMIN,
    **{role.value: role for role in Role},
}


def _role_key(text: str) -> str:
    return "".join(ch for ch in plain_text(text) if ch not in " -_")


def parse_role(text: str) -> Role | None:
    """The role a person typed ("cán bộ", "dau moi", "Quản trị", "admin"…), or None."""
    return _ROLE_WORDS.get(_role_key(text))

"""Roles of people in units, and what each may do."""

from __future__ import annotations

import enum

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

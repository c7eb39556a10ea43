"""Roles of people in units, and what each may do."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """A person's role in a unit."""

    OFFICER = "officer"  # cán bộ: answers for the unit's reports
    COORDINATOR = "coordinator"  # đầu mối: follows the reports sent to or through the unit
    ADMIN = "admin"  # quản trị: edits plans, units, people


ROLE_TEXT: dict[Role, str] = {
    Role.OFFICER: "cán bộ",
    Role.COORDINATOR: "đầu mối",
    Role.ADMIN: "quản trị viên",
}

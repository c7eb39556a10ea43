"""An admin's lists: plans and the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from kehoach_bot.services.audit import AuditEntry
from kehoach_bot.services.plans import PlanView
from kehoach_bot.telegram.render.pages import local_time, paginate
from kehoach_bot.texts import bot_vi as t


def plans(found: Sequence[PlanView]) -> list[str]:
    """The plans list, paged."""
    lines = [
        t.PLANS_LINE.format(code=p.code, title=p.title[:120], obligations=p.obligations)
        for p in found
    ]
    return paginate(lines, t.PLANS_TITLE.format(count=len(found)))


def audit_log(entries: Sequence[AuditEntry], tz: ZoneInfo) -> list[str]:
    """Recent audit entries, paged."""
    lines = [
        t.AUDIT_LINE.format(
            at=local_time(e.at, tz),
            actor=e.actor,
            action=e.action,
            entity=e.entity,
            entity_id=e.entity_id,
        )
        for e in entries
    ]
    return paginate(lines, t.AUDIT_TITLE)

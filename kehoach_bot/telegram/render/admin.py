"""An admin's lists: plans and the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from kehoach_bot.domain.vietnamese import format_date, shorten
from kehoach_bot.services.audit_story import StoryEntry
from kehoach_bot.services.decisions import EndedOffice
from kehoach_bot.services.group_status import UnfilledGroup
from kehoach_bot.services.plan_tracking import TrackedFrom
from kehoach_bot.services.plans import PlanView
from kehoach_bot.services.succession import UndoResult
from kehoach_bot.telegram.render import audit
from kehoach_bot.telegram.render.groups import unfilled_lines
from kehoach_bot.telegram.render.pages import paginate
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import groups_vi


def plans(found: Sequence[PlanView], unfilled: Sequence[UnfilledGroup] = ()) -> list[str]:
    """The plans list, then the obligations whose group has no members yet; paged."""
    lines = [
        t.PLANS_LINE.format(code=p.code, title=shorten(p.title, 120), obligations=p.obligations)
        for p in found
    ]
    if unfilled:
        lines.append(groups_vi.UNFILLED_TITLE.format(count=len(unfilled)))
        lines += unfilled_lines(unfilled)
    flagged = [e for p in found for e in p.needs_decision]
    if flagged:
        lines.append(t.NEEDS_DECISION_TITLE.format(count=len(flagged)))
        lines += [ended_office_line(e) for e in flagged]
    return paginate(lines, t.PLANS_TITLE.format(count=len(found)))


def ended_office_line(office: EndedOffice) -> str:
    """One "cần quyết định" line: which plan names which unit that no longer exists."""
    ended = format_date(office.ended_on) if office.ended_on else t.UNDO_NO_DATE
    return t.NEEDS_DECISION_LINE.format(
        plan=office.plan,
        role=t.OFFICE_ROLE[office.role],
        obligation=f" ({office.obligation})" if office.obligation else "",
        unit=office.unit_name,
        ended=ended,
    )


def audit_log(entries: Sequence[StoryEntry], tz: ZoneInfo) -> list[str]:
    """Recent audit entries as Vietnamese sentences, paged."""
    return audit.audit_log(entries, tz)


def tracked_from(change: TrackedFrom) -> str:
    """The answer to /theodoitu."""
    before = format_date(change.before) if change.before else t.TRACKED_FROM_NEVER
    return t.TRACKED_FROM_DONE.format(
        plan=change.plan, after=format_date(change.after), before=before
    )


def undo(result: UndoResult, *, saved: bool) -> str:
    """The preview of /hoantac, or its answer once saved."""
    return (t.UNDO_SAVED if saved else t.UNDO_PREVIEW).format(
        code=result.old,
        successors=", ".join(result.successors) or t.UNDO_NO_SUCCESSOR,
        ended=format_date(result.ended_on) if result.ended_on else t.UNDO_NO_DATE,
        returned=result.sync.transferred + result.sync.created,
        removed=result.sync.removed,
    )

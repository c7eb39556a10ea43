"""Pure rendering of command results as Vietnamese text tables or JSON."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any
from zoneinfo import ZoneInfo

from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.plans.unit_directories import UNIT_KINDS
from kehoach_bot.services.calendar import CalendarEntry
from kehoach_bot.services.decisions import EndedOffice
from kehoach_bot.services.group_status import UnfilledGroup
from kehoach_bot.services.health import DeliveryHealth
from kehoach_bot.services.plan_tracking import TrackedFrom
from kehoach_bot.services.plans import LoadResult, PlanView
from kehoach_bot.services.succession import UndoResult
from kehoach_bot.services.units import UnitView
from kehoach_bot.texts import groups_vi, vi

MAX_CELL = 60


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 1 for ch in unicodedata.normalize("NFC", text))


def _cut(text: str, limit: int = MAX_CELL) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table with columns padded to their widest cell."""
    cells = [[_cut(c) for c in row] for row in rows]
    widths = [max([_width(h), *(_width(r[i]) for r in cells)]) for i, h in enumerate(headers)]

    def line(row: Sequence[str]) -> str:
        return "  ".join(
            c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)
        ).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in cells]
    return "\n".join(out)


def to_json(items: Sequence[dict[str, Any]]) -> str:
    """Pretty JSON that keeps Vietnamese letters readable."""
    return json.dumps(list(items), ensure_ascii=False, indent=2)


def calendar_text(entries: Sequence[CalendarEntry]) -> str:
    """The calendar as a readable Vietnamese table."""
    if not entries:
        return vi.CALENDAR_EMPTY
    rows = []
    for e in entries:
        status = vi.STATUS_SHORT[e.status]
        if e.due_soon:
            status += f" ({vi.DUE_SOON})"
        if e.extended_to:
            status += f", {vi.EXTENDED.format(date=format_date(e.extended_to))}"
        rows.append(
            (
                f"{e.unit} {e.unit_name}",
                e.title,
                e.period,
                vi.CALENDAR_DUE.format(wording=e.wording, date=format_date(e.due)),
                format_date(e.last_day),
                status,
            )
        )
    counts = Counter(vi.STATUS_SHORT[e.status] for e in entries)
    summary = ", ".join(f"{n} {label}" for label, n in counts.most_common())
    total = vi.CALENDAR_TOTAL.format(count=len(entries), summary=summary)
    return table(vi.CALENDAR_HEADERS, rows) + "\n\n" + total


def calendar_json(entries: Sequence[CalendarEntry]) -> str:
    """The calendar as a JSON array."""
    return to_json([e.to_json() for e in entries])


def units_text(units: Sequence[UnitView]) -> str:
    """The units directory as a table."""
    rows = []
    for u in units:
        notes = list(u.aliases)
        if u.is_group:
            notes.append(
                vi.MEMBERS.format(codes=", ".join(u.members)) if u.members else vi.NO_MEMBERS
            )
        if u.ended_on:
            notes.append(vi.ENDED_ON.format(date=format_date(u.ended_on)))
        if u.successors:
            notes.append(vi.SUCCESSORS.format(codes=", ".join(u.successors)))
        rows.append(
            (
                u.code,
                u.name,
                UNIT_KINDS.get(u.kind, u.kind),
                vi.YES if u.active else vi.NO,
                "; ".join(notes),
            )
        )
    return table(vi.UNITS_HEADERS, rows)


def units_json(units: Sequence[UnitView]) -> str:
    """The units directory as JSON; `ended_on` as YYYY-MM-DD or null."""
    return to_json(
        [{**asdict(u), "ended_on": u.ended_on.isoformat() if u.ended_on else None} for u in units]
    )


def load_results(results: Sequence[LoadResult]) -> str:
    """One line per loaded plan file."""
    return "\n".join(
        vi.LOAD_LINE.format(
            code=r.code,
            source=r.source,
            status=vi.LOAD_STATUS[r.status],
            version=r.version,
            obligations=r.obligations,
            tasks=r.tasks,
            created=r.sync.created,
            updated=r.sync.updated,
            transferred=r.sync.transferred,
            removed=r.sync.removed,
        )
        for r in results
    )


def plans_text(plans: Sequence[PlanView]) -> str:
    """The plans as a table, then the plans that need an admin's decision."""
    rows = [(p.code, p.number or "—", p.title, str(p.obligations), str(p.tasks)) for p in plans]
    flagged = [e for p in plans for e in p.needs_decision]
    if not flagged:
        return table(vi.PLANS_HEADERS, rows)
    lines = [vi.NEEDS_DECISION_TITLE.format(count=len(flagged))]
    lines += [f"• {ended_office_text(e)}" for e in flagged]
    return table(vi.PLANS_HEADERS, rows) + "\n\n" + "\n".join(lines)


def ended_office_text(office: EndedOffice) -> str:
    """One "cần quyết định" line: which plan names which unit that no longer exists."""
    ended = format_date(office.ended_on) if office.ended_on else vi.ENDED_UNKNOWN
    return vi.NEEDS_DECISION_LINE.format(
        plan=office.plan,
        role=vi.OFFICE_ROLE[office.role],
        obligation=f" ({office.obligation})" if office.obligation else "",
        unit=office.unit_name,
        code=office.unit,
        ended=ended,
    )


def plans_json(plans: Sequence[PlanView], unfilled: Sequence[UnfilledGroup] = ()) -> str:
    """The plans as JSON; `unfilled_groups` lists the obligations whose group has no members."""
    items = []
    for p in plans:
        item = asdict(p)
        item["needs_decision"] = [
            {**asdict(e), "ended_on": e.ended_on.isoformat() if e.ended_on else None}
            for e in p.needs_decision
        ]
        item["unfilled_groups"] = [
            {"obligation": u.obligation, "group": u.group, "group_name": u.group_name}
            for u in unfilled
            if u.plan == p.code
        ]
        items.append(item)
    return to_json(items)


def unfilled_text(unfilled: Sequence[UnfilledGroup]) -> str:
    """The "chưa có danh sách đơn vị" flag under the plans table ("" when every group is filled)."""
    if not unfilled:
        return ""
    lines = [groups_vi.UNFILLED_CLI_TITLE.format(count=len(unfilled))]
    lines += [
        "  "
        + groups_vi.UNFILLED_LINE.format(
            plan=u.plan, obligation=u.obligation, group=u.group, group_name=u.group_name
        )
        for u in unfilled
    ]
    return "\n".join(lines)


def _tick_info(info: dict[str, Any]) -> str:
    """What the last check did, in words: "bản tổng hợp: 0, kỳ báo cáo đã xét: 12, …"."""
    items = []
    for key, value in info.items():
        label = vi.TICK_INFO.get(key, key)
        if isinstance(value, dict):
            items.append(vi.TICK_INFO_GROUP.format(label=label, items=_tick_info(value)))
        else:
            items.append(vi.TICK_INFO_ITEM.format(label=label, value=value))
    return ", ".join(items) or vi.TICK_INFO_NONE


def status_text(found: DeliveryHealth, tz: ZoneInfo) -> str:
    """`bot.py status`: outbox counts, the last tick, the next reminder days."""
    counts = ", ".join(
        f"{vi.OUTBOX_STATUS.get(name, name)}: {found.counts.get(name, 0)}"
        for name in vi.OUTBOX_STATUS
    )
    if found.last_tick:
        local = found.last_tick.astimezone(tz)
        tick = vi.LAST_TICK.format(
            at=f"{local:%H:%M:%S} {format_date(local.date())}",
            info=_tick_info(found.last_tick_info or {}),
        )
    else:
        tick = vi.NO_TICK
    upcoming = "; ".join(f"{format_date(day)}: {n}" for day, n in found.upcoming) or "—"
    return "\n".join(
        [
            vi.OUTBOX_LINE.format(counts=counts),
            tick,
            vi.UPCOMING.format(days=upcoming),
            vi.NOT_YET_PLANNED.format(count=found.not_yet_planned),
        ]
    )


def tracked_from_text(change: TrackedFrom) -> str:
    """The answer to `plan tracked-from`."""
    before = format_date(change.before) if change.before else vi.TRACKED_FROM_NEVER
    return vi.TRACKED_FROM_SET.format(
        plan=change.plan, before=before, after=format_date(change.after)
    )


def undo_text(result: UndoResult) -> str:
    """The answer to `unit undo`."""
    return vi.UNDO_DONE.format(
        code=result.old,
        successors=", ".join(result.successors) or vi.NO_SUCCESSOR,
        returned=result.sync.transferred + result.sync.created,
        removed=result.sync.removed,
    )

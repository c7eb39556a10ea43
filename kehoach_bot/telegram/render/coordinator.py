"""A coordinator's views: the status table, overdue units, extensions, digests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from kehoach_bot.domain.status import Status
from kehoach_bot.domain.stored import ExtensionStatus
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.services.digests import PlanDigest
from kehoach_bot.services.replies import ExtensionView
from kehoach_bot.services.tracking import OccurrenceView, StatusTable
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.telegram.render import chase
from kehoach_bot.telegram.render.admin import ended_office_line
from kehoach_bot.telegram.render.pages import paginate
from kehoach_bot.telegram.render.review import held_suffix
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import groups_vi


def days_late(view: OccurrenceView, today: date) -> int:
    """Days since the last on-time day."""
    return (today - view.deadline).days


def status_table(
    table: StatusTable, today: date, files: dict[int, str]
) -> tuple[list[str], InlineKeyboardMarkup | None]:
    """The coordinator's table: four counts, then who has not submitted; buttons to open files."""
    if table.total == 0:
        return [t.STATUS_NOTHING.format(plan=table.plan)], None
    counts = {status.value: n for status, n in table.counts.items()}
    header = (
        t.STATUS_TITLE.format(plan=table.plan, period=table.period)
        + "\n"
        + t.STATUS_COUNTS.format(**counts)
    )
    lines = []
    if table.missing:
        lines.append(t.STATUS_MISSING.format(count=table.missing_total))
        for v in table.missing:
            late = days_late(v, today)
            lines.append(
                t.STATUS_MISSING_LINE.format(
                    unit=v.unit_name,
                    last_day=format_date(v.deadline),
                    late=t.STATUS_LATE.format(days=late) if v.status is Status.OPEN_OVERDUE else "",
                )
                + held_suffix(v)
            )
    if table.missing_total > len(table.missing):
        lines.append(t.STATUS_MORE.format(count=table.missing_total - len(table.missing)))
    buttons = [
        [
            InlineKeyboardButton(
                t.BUTTON_FILE.format(unit=unit), callback_data=encode(Action.FILE, reply_id)
            )
        ]
        for reply_id, unit in list(files.items())[:10]
    ]
    return paginate(lines, header), InlineKeyboardMarkup(buttons) if buttons else None


def overdue(views: Sequence[OccurrenceView], today: date) -> list[str]:
    """Every overdue occurrence with days late, paged."""
    if not views:
        return [t.OVERDUE_EMPTY]
    lines = [
        t.OVERDUE_LINE.format(
            unit=v.unit_name,
            title=v.title,
            period=v.period,
            days=days_late(v, today),
            last_day=format_date(v.deadline),
        )
        + held_suffix(v)
        for v in views
    ]
    return paginate(lines, t.OVERDUE_TITLE.format(count=len(views)))


def extension_request(
    extension: ExtensionView, view: OccurrenceView
) -> tuple[str, InlineKeyboardMarkup]:
    """What the coordinator sees for an extension request, with approve/refuse buttons."""
    text = t.EXTENSION_TO_COORDINATOR.format(
        unit=view.unit_name,
        title=view.title,
        period=view.period,
        last_day=format_date(view.deadline),
        proposed=format_date(extension.proposed_date),
        reason=extension.reason or "—",
    )
    ext_id = extension.id or 0
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.BUTTON_APPROVE, callback_data=encode(Action.APPROVE, ext_id)
                ),
                InlineKeyboardButton(t.BUTTON_REFUSE, callback_data=encode(Action.REFUSE, ext_id)),
            ]
        ]
    )
    return text, keyboard


def extension_decision(extension: ExtensionView, view: OccurrenceView) -> str:
    """What the officer is told about the coordinator's decision."""
    if extension.status is ExtensionStatus.APPROVED:
        return t.EXTENSION_APPROVED.format(
            title=view.title, period=view.period, date=format_date(view.deadline)
        )
    return t.EXTENSION_REFUSED.format(
        title=view.title, period=view.period, date=format_date(view.deadline)
    )


def digest(item: PlanDigest, today: date) -> list[str]:
    """One plan's digest: due soon, overdue with days late, undeliverable reminders; paged."""
    lines: list[str] = []
    if item.due_soon:
        lines.append(t.DIGEST_DUE_SOON.format(count=max(item.due_soon_total, len(item.due_soon))))
        lines += [
            t.DIGEST_DUE_SOON_LINE.format(
                unit=v.unit_name, title=v.title, period=v.period, last_day=format_date(v.deadline)
            )
            + held_suffix(v)
            for v in item.due_soon
        ]
        if item.due_soon_total > len(item.due_soon):
            lines.append(t.DIGEST_MORE.format(count=item.due_soon_total - len(item.due_soon)))
    if item.overdue:
        lines.append(t.DIGEST_OVERDUE.format(count=max(item.overdue_total, len(item.overdue))))
        lines += [
            t.DIGEST_OVERDUE_LINE.format(
                unit=v.unit_name, title=v.title, period=v.period, days=days_late(v, today)
            )
            + held_suffix(v)
            for v in item.overdue
        ]
        if item.overdue_total > len(item.overdue):
            lines.append(t.DIGEST_MORE.format(count=item.overdue_total - len(item.overdue)))
    if item.undeliverable:
        lines.append(t.DIGEST_UNDELIVERABLE.format(count=len(item.undeliverable)))
        lines += [
            t.DIGEST_UNDELIVERABLE_LINE.format(unit=v.unit_name, title=v.title, error=error[:120])
            for v, error in item.undeliverable
        ]
    lines += unfilled(item)
    lines += needs_decision(item)
    lines += chase.digest_lines(item, today)  # quá hạn kéo dài, chưa có cán bộ nhận nhắc
    return paginate(
        lines, t.DIGEST_TITLE.format(date=format_date(today), plan=item.plan_title[:150])
    )


def weekly(item: PlanDigest, today: date) -> str:
    """The weekly summary: the four category counts of one plan."""
    counts = {
        status.value: item.counts.get(status, 0)
        for status in (
            Status.DONE_ON_TIME,
            Status.DONE_LATE,
            Status.OPEN_ON_TIME,
            Status.OPEN_OVERDUE,
        )
    }
    week = today.isocalendar()
    return "\n".join(
        [
            t.WEEKLY_TITLE.format(week=f"{week.week}/{week.year}", plan=item.plan_title[:150]),
            t.STATUS_COUNTS.format(**counts),
            *unfilled(item),
            *needs_decision(item),
        ]
    )


def needs_decision(item: PlanDigest) -> list[str]:
    """Units the plan names that ended with no successor ("cần quyết định")."""
    if not item.needs_decision:
        return []
    title = t.NEEDS_DECISION_TITLE.format(count=len(item.needs_decision))
    return [title, *(ended_office_line(e) for e in item.needs_decision)]


def unfilled(item: PlanDigest) -> list[str]:
    """The plan's obligations whose group has no members yet ("chưa có danh sách đơn vị")."""
    if not item.unfilled:
        return []
    return [groups_vi.DIGEST_UNFILLED] + [
        groups_vi.DIGEST_UNFILLED_LINE.format(
            group_name=u.group_name, group=u.group, obligation=u.obligation
        )
        for u in item.unfilled
    ]

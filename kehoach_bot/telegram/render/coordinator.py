"""A coordinator's views: the status table, overdue units, extensions, digests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from kehoach_bot.domain.status import State, Status
from kehoach_bot.domain.stored import ExtensionStatus
from kehoach_bot.domain.vietnamese import format_date, shorten
from kehoach_bot.services.digests import PlanDigest
from kehoach_bot.services.extension_decisions import Decision
from kehoach_bot.services.file_facts import OpenedFile
from kehoach_bot.services.replies import ExtensionView
from kehoach_bot.services.tracking import OccurrenceView, StatusTable
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.telegram.render import chase
from kehoach_bot.telegram.render.admin import ended_office_line
from kehoach_bot.telegram.render.audit import moment, person
from kehoach_bot.telegram.render.cards import short_plan_name
from kehoach_bot.telegram.render.pages import paginate
from kehoach_bot.telegram.render.review import held_suffix
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import groups_vi, messages_vi

TITLE_LIMIT = 80  # a report's title in a heading or a button: the plan's titles run to 270
BUTTON_LIMIT = 60
PLAN_LIMIT = 150  # a plan's title in a digest's heading
ERROR_LIMIT = 120  # Telegram's reason an officer could not be reached
CAPTION_LIMIT = 1024  # Telegram's limit for a document's caption


def days_late(view: OccurrenceView, today: date) -> int:
    """Days since the last on-time day."""
    return (today - view.deadline).days


def _status_line(view: OccurrenceView, today: date) -> str:
    if view.state is State.DONE:
        submitted = view.submitted_on
        return messages_vi.STATUS_DONE_LINE.format(
            unit=view.unit_name,
            submitted=format_date(submitted) if submitted else messages_vi.NOTHING,
        )
    late = days_late(view, today)
    return messages_vi.STATUS_UNIT_LINE.format(
        unit=view.unit_name,
        last_day=format_date(view.deadline),
        late=t.STATUS_LATE.format(days=late) if view.status is Status.OPEN_OVERDUE else "",
    ) + held_suffix(view)


def report_lines(views: Sequence[OccurrenceView], today: date) -> list[str]:
    """Units grouped by report and period, a heading each, then by category within it."""
    groups: dict[tuple[str, str], list[OccurrenceView]] = {}
    for view in views:
        groups.setdefault((view.title, view.period), []).append(view)
    lines: list[str] = []
    for (title, period), members in groups.items():
        lines.append(
            messages_vi.STATUS_REPORT.format(title=shorten(title, TITLE_LIMIT), period=period)
        )
        for category, label in messages_vi.STATUS_CATEGORIES.items():
            shown = [v for v in members if v.status.value == category]
            if shown:
                lines.append(messages_vi.STATUS_CATEGORY.format(label=label, count=len(shown)))
                lines += [_status_line(v, today) for v in shown]
        others = [v for v in members if v.status.value not in messages_vi.STATUS_CATEGORIES]
        if others:
            label = messages_vi.STATUS_OTHER
            lines.append(messages_vi.STATUS_CATEGORY.format(label=label, count=len(others)))
            lines += [_status_line(v, today) for v in others]
    return lines


def status_table(
    table: StatusTable, today: date, files: dict[int, str]
) -> tuple[list[str], InlineKeyboardMarkup | None]:
    """The coordinator's table: four counts, then each report and period with its units by
    category; buttons to open the submitted files."""
    if table.total == 0:
        return [t.STATUS_NOTHING.format(plan=table.plan)], None
    counts = {status.value: n for status, n in table.counts.items()}
    plan = short_plan_name(table.plan_number, table.plan_title) if table.plan_title else table.plan
    header = (
        messages_vi.STATUS_TITLE.format(plan=plan, period=table.period or "")
        + "\n"
        + t.STATUS_COUNTS.format(**counts)
    )
    lines = report_lines([*table.missing, *table.done], today)
    if table.missing_total > len(table.missing):
        lines.append(t.STATUS_MORE.format(count=table.missing_total - len(table.missing)))
    done_total = table.counts.get(Status.DONE_ON_TIME, 0) + table.counts.get(Status.DONE_LATE, 0)
    if done_total > len(table.done):
        lines.append(messages_vi.STATUS_MORE_DONE.format(count=done_total - len(table.done)))
    by_unit = {v.unit: v for v in table.done}
    buttons = [
        [
            InlineKeyboardButton(
                _file_button(by_unit.get(unit), unit), callback_data=encode(Action.FILE, reply_id)
            )
        ]
        for reply_id, unit in list(files.items())[:10]
    ]
    return paginate(lines, header), InlineKeyboardMarkup(buttons) if buttons else None


def _file_button(view: OccurrenceView | None, unit: str) -> str:
    if view is None:
        return t.BUTTON_FILE.format(unit=unit)
    # A button shows about 40 characters on a phone: the unit first, the report after.
    return shorten(
        messages_vi.BUTTON_FILE.format(unit=view.unit_name, title=view.title), BUTTON_LIMIT
    )


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


def extension_decision(extension: ExtensionView, view: OccurrenceView, reason: str = "") -> str:
    """What the officer is told about the coordinator's decision, a refusal's reason included."""
    if extension.status is ExtensionStatus.APPROVED:
        return t.EXTENSION_APPROVED.format(
            title=view.title, period=view.period, date=format_date(view.deadline)
        )
    if reason:
        return messages_vi.EXTENSION_REFUSED_WITH_REASON.format(
            title=view.title, period=view.period, date=format_date(view.deadline), reason=reason
        )
    return t.EXTENSION_REFUSED.format(
        title=view.title, period=view.period, date=format_date(view.deadline)
    )


def _decider(decision: Decision, fallback: str) -> str:
    if decision.decided_by is not None:
        return person(decision.decided_by)
    return fallback or messages_vi.DECIDER_UNKNOWN


def decision_line(decision: Decision, fallback: str = "") -> str:
    """ "✅ Đã duyệt đến dd/mm/yyyy — Lan (Sở Y tế)" or "❌ Đã từ chối — lý do"."""
    if decision.approved:
        return messages_vi.CARD_APPROVED.format(
            date=format_date(decision.view.deadline), by=_decider(decision, fallback)
        )
    if decision.reason:
        return messages_vi.CARD_REFUSED.format(reason=decision.reason)
    return messages_vi.CARD_REFUSED_BY.format(by=_decider(decision, fallback))


def decided_card(decision: Decision, fallback: str = "") -> str:
    """The extension request's card once decided: the request, then the decision; no buttons."""
    text, _ = extension_request(decision.extension, decision.view)
    return f"{text}\n\n{decision_line(decision, fallback)}"


def already_decided(decision: Decision, tz: ZoneInfo, fallback: str = "") -> str:
    """The answer to a tap on a request decided before (short: it shows as an alert)."""
    by = _decider(decision, fallback)
    at = moment(decision.decided_at, tz) if decision.decided_at else ""
    if not at:
        return messages_vi.ALREADY_DECIDED
    if decision.approved:
        return messages_vi.ALREADY_APPROVED.format(
            date=format_date(decision.view.deadline), by=by, at=at
        )
    return messages_vi.ALREADY_REFUSED.format(by=by, at=at)


def ask_refusal_reason(decision: Decision) -> tuple[str, InlineKeyboardMarkup]:
    """The question a refusal waits on, with the button to refuse without a reason."""
    view = decision.view
    text = messages_vi.ASK_REFUSAL_REASON.format(
        unit=view.unit_name, title=shorten(view.title, TITLE_LIMIT), period=view.period
    )
    button = InlineKeyboardButton(
        messages_vi.BUTTON_REFUSE_NO_REASON,
        callback_data=encode(Action.REFUSE_NO_REASON, decision.extension.id),
    )
    return text, InlineKeyboardMarkup([[button]])


def decision_done(decision: Decision) -> str:
    """The confirmation under the coordinator's decision."""
    view = decision.view
    title = shorten(view.title, TITLE_LIMIT)
    if decision.approved:
        return messages_vi.APPROVED_DONE.format(
            unit=view.unit_name,
            title=title,
            period=view.period,
            date=format_date(view.deadline),
        )
    return messages_vi.REFUSED_DONE.format(unit=view.unit_name, title=title, period=view.period)


def file_caption(opened: OpenedFile, tz: ZoneInfo) -> str:
    """The caption of a file opened from a table: unit, report, period, when and by whom."""
    by = person(opened.submitted_by) if opened.submitted_by else messages_vi.PERSON_NO_NAME
    caption = messages_vi.FILE_CAPTION.format(
        unit=opened.unit,
        title=shorten(opened.title, TITLE_LIMIT),
        period=opened.period,
        at=moment(opened.submitted_at, tz),
        by=by,
    )
    # Every part is bounded well under Telegram's 1024; the guard keeps it so, with a sign.
    return caption if len(caption) <= CAPTION_LIMIT else caption[: CAPTION_LIMIT - 1] + "…"


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
            t.DIGEST_UNDELIVERABLE_LINE.format(
                unit=v.unit_name, title=v.title, error=shorten(error, ERROR_LIMIT)
            )
            for v, error in item.undeliverable
        ]
    lines += unfilled(item)
    lines += needs_decision(item)
    lines += chase.digest_lines(item, today)  # quá hạn kéo dài, chưa có cán bộ nhận nhắc
    return paginate(
        lines,
        t.DIGEST_TITLE.format(date=format_date(today), plan=shorten(item.plan_title, PLAN_LIMIT)),
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
            t.WEEKLY_TITLE.format(
                week=f"{week.week}/{week.year}", plan=shorten(item.plan_title, PLAN_LIMIT)
            ),
            t.STATUS_COUNTS.format(**counts),
            *unfilled(item),
            *needs_decision(item),
        ]
    )


def weekly_chart_caption(item: PlanDigest, today: date) -> str:
    """The caption of the plan's chart sent with the weekly summary."""
    week = today.isocalendar()
    return t.WEEKLY_CHART_CAPTION.format(
        week=f"{week.week}/{week.year}", plan=shorten(item.plan_title, PLAN_LIMIT)
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

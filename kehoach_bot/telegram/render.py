"""Pure rendering: service results → message texts and inline keyboards. No I/O here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from kehoach_bot.db.models import AuditLog, Extension
from kehoach_bot.domain.roles import ROLE_TEXT, Role
from kehoach_bot.domain.status import Status
from kehoach_bot.domain.vietnamese import format_date, weekday_name
from kehoach_bot.services.digests import PlanDigest
from kehoach_bot.services.people import Identity, IssuedInvite
from kehoach_bot.services.plans import PlanView
from kehoach_bot.services.replies import Attachment, ReplyOutcome
from kehoach_bot.services.tracking import OccurrenceView, StatusTable
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts.vi import STATUS_SHORT

# Telegram allows 4096 characters; stay well below so that a page never gets cut.
PAGE_LIMIT = 3500


def paginate(lines: Sequence[str], header: str = "", limit: int = PAGE_LIMIT) -> list[str]:
    """Split lines into messages under `limit` characters; the header opens the first page."""
    pages: list[str] = []
    current = header
    for line in lines:
        line = line if len(line) <= limit else line[: limit - 1] + "…"
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pages.append(current)
            current = line
        else:
            current = candidate
    if current or not pages:
        pages.append(current)
    return pages


def occurrence_keyboard(occurrence_id: int) -> InlineKeyboardMarkup:
    """The four answers an officer can give about one occurrence."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.BUTTON_SUBMITTED, callback_data=encode(Action.SUBMIT, occurrence_id)
                ),
                InlineKeyboardButton(
                    t.BUTTON_IN_PROGRESS, callback_data=encode(Action.PROGRESS, occurrence_id)
                ),
            ],
            [
                InlineKeyboardButton(
                    t.BUTTON_STUCK, callback_data=encode(Action.STUCK, occurrence_id)
                ),
                InlineKeyboardButton(
                    t.BUTTON_EXTENSION, callback_data=encode(Action.EXTEND, occurrence_id)
                ),
            ],
        ]
    )


def _recipient(view: OccurrenceView) -> str:
    recipient = view.recipient_name or "đơn vị đầu mối"
    return t.VIA.format(recipient=recipient, via=view.via_name) if view.via_name else recipient


def reminder(view: OccurrenceView, *, ad_hoc: bool = False) -> tuple[str, InlineKeyboardMarkup]:
    """A reminder: plan, report, period, the plan's own wording, the last on-time day, buttons."""
    deadline = view.deadline
    note = t.EXTENDED_NOTE if view.extended_to else ""
    if not view.extended_to and view.wording != "truoc_ngay" and view.last_day > view.due:
        note = t.SHIFT_NOTE
    text = t.REMINDER.format(
        header=t.AD_HOC_HEADER if ad_hoc else t.REMINDER_HEADER,
        plan=view.plan_title,
        title=view.title,
        unit=view.unit_name,
        period=view.period,
        wording=view.wording_text,
        due=format_date(view.due),
        weekday=weekday_name(deadline),
        last_day=format_date(deadline),
        shift_note=note,
        recipient=_recipient(view),
    )
    if view.quote and not ad_hoc:
        text += "\n" + t.QUOTE.format(quote=view.quote[:600])
    return text, occurrence_keyboard(view.id)


def owed_list(views: Sequence[OccurrenceView]) -> list[str]:
    """The officer's list, most urgent first, paged."""
    if not views:
        return [t.OWED_EMPTY]
    lines = [
        t.OWED_LINE.format(
            n=i,
            title=v.title,
            unit=v.unit_name,
            period=v.period,
            last_day=format_date(v.deadline),
            status=STATUS_SHORT[v.status.value],
        )
        for i, v in enumerate(views, start=1)
    ]
    return paginate(lines, t.OWED_TITLE.format(count=len(views)))


def welcome(name: str, role: Role, unit_name: str, upcoming: OccurrenceView | None) -> str:
    """The greeting after /start with a valid invite."""
    following = (
        t.WELCOME_NEXT.format(
            title=upcoming.title, period=upcoming.period, last_day=format_date(upcoming.deadline)
        )
        if upcoming
        else t.WELCOME_NOTHING
    )
    return t.WELCOME.format(
        name=name or "bạn", role=ROLE_TEXT[role], unit=unit_name, next=following
    )


def help_text(identity: Identity) -> str:
    """What this person can do, by role."""
    if not identity.known:
        return t.HELP_UNKNOWN
    lines = [t.HELP_TITLE, t.HELP_ALWAYS]
    for role in (Role.OFFICER, Role.COORDINATOR, Role.ADMIN):
        if role in identity.roles:
            lines += list(t.HELP[role])
    return "\n".join(lines)


def whoami(identity: Identity, display_name: str) -> str:
    """Who the person is: name, Telegram id, units and roles."""
    if not identity.known:
        return t.NOT_KNOWN
    lines = [
        t.WHOAMI_LINE.format(role=ROLE_TEXT[m.role], unit=m.unit, unit_name=m.unit_name)
        for m in identity.memberships
    ]
    if identity.is_admin and not any(m.role is Role.ADMIN for m in identity.memberships):
        lines.append(t.WHOAMI_ADMIN)
    return t.WHOAMI.format(
        name=identity.full_name or display_name,
        id=identity.telegram_user_id,
        lines="\n".join(lines),
    )


def human_size(size: int) -> str:
    """1.2 MB / 340 KB."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, size // 1000)} KB"


def submitted(outcome: ReplyOutcome, attachment: Attachment | None) -> str:
    """The officer's confirmation, saying whether it counted as on time."""
    v = outcome.view
    template = t.CONFIRM_ON_TIME if outcome.on_time else t.CONFIRM_LATE
    text = template.format(
        title=v.title, unit=v.unit_name, period=v.period, last_day=format_date(v.deadline)
    )
    if attachment:
        text += "\n" + t.CONFIRM_FILE.format(
            name=attachment.file_name, size=human_size(attachment.size)
        )
    return text


def file_prompt(view: OccurrenceView, max_mb: int) -> tuple[str, InlineKeyboardMarkup]:
    """Ask for the report file, with a way to submit without one."""
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.BUTTON_NO_FILE, callback_data=encode(Action.NO_FILE, view.id)
                ),
                InlineKeyboardButton(t.BUTTON_CANCEL, callback_data=encode(Action.CANCEL)),
            ]
        ]
    )
    return (
        t.ASK_FILE.format(
            max_mb=max_mb, title=view.title, period=view.period, no_file=t.BUTTON_NO_FILE
        ),
        keyboard,
    )


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
        lines.append(t.STATUS_MISSING.format(count=len(table.missing)))
        for v in table.missing:
            late = days_late(v, today)
            lines.append(
                t.STATUS_MISSING_LINE.format(
                    unit=v.unit_name,
                    last_day=format_date(v.deadline),
                    late=t.STATUS_LATE.format(days=late) if v.status is Status.OPEN_OVERDUE else "",
                )
            )
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
        for v in views
    ]
    return paginate(lines, t.OVERDUE_TITLE.format(count=len(views)))


def extension_request(
    extension: Extension, view: OccurrenceView
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


def extension_decision(extension: Extension, view: OccurrenceView) -> str:
    """What the officer is told about the coordinator's decision."""
    if extension.status == "approved":
        return t.EXTENSION_APPROVED.format(
            title=view.title, period=view.period, date=format_date(view.deadline)
        )
    return t.EXTENSION_REFUSED.format(
        title=view.title, period=view.period, date=format_date(view.deadline)
    )


def invite(issued: IssuedInvite, bot_username: str, tz: ZoneInfo) -> str:
    """The deep link an admin forwards to the new member."""
    expires = issued.expires_at.astimezone(tz)
    return t.INVITE_DONE.format(
        role=ROLE_TEXT[issued.role],
        unit=issued.unit,
        unit_name=issued.unit_name,
        expires=f"{expires:%H:%M} {format_date(expires.date())}",
        link=f"https://t.me/{bot_username}?start={issued.code}",
    )


def plans(found: Sequence[PlanView]) -> list[str]:
    """The plans list, paged."""
    lines = [
        t.PLANS_LINE.format(code=p.code, title=p.title[:120], obligations=p.obligations)
        for p in found
    ]
    return paginate(lines, t.PLANS_TITLE.format(count=len(found)))


def audit_log(entries: Sequence[AuditLog], tz: ZoneInfo) -> list[str]:
    """Recent audit entries, paged."""
    lines = [
        t.AUDIT_LINE.format(
            at=_local(e.at, tz),
            actor=e.actor,
            action=e.action,
            entity=e.entity,
            entity_id=e.entity_id,
        )
        for e in entries
    ]
    return paginate(lines, t.AUDIT_TITLE)


def _local(moment: datetime, tz: ZoneInfo) -> str:
    local = moment.astimezone(tz)
    return f"{format_date(local.date())} {local:%H:%M}"


def digest(item: PlanDigest, today: date) -> list[str]:
    """One plan's digest: due soon, overdue with days late, undeliverable reminders; paged."""
    lines: list[str] = []
    if item.due_soon:
        lines.append(t.DIGEST_DUE_SOON.format(count=len(item.due_soon)))
        lines += [
            t.DIGEST_DUE_SOON_LINE.format(
                unit=v.unit_name, title=v.title, period=v.period, last_day=format_date(v.deadline)
            )
            for v in item.due_soon
        ]
    if item.overdue:
        lines.append(t.DIGEST_OVERDUE.format(count=len(item.overdue)))
        lines += [
            t.DIGEST_OVERDUE_LINE.format(
                unit=v.unit_name, title=v.title, period=v.period, days=days_late(v, today)
            )
            for v in item.overdue
        ]
    if item.undeliverable:
        lines.append(t.DIGEST_UNDELIVERABLE.format(count=len(item.undeliverable)))
        lines += [
            t.DIGEST_UNDELIVERABLE_LINE.format(unit=v.unit_name, title=v.title, error=error[:120])
            for v, error in item.undeliverable
        ]
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
    return (
        t.WEEKLY_TITLE.format(week=f"{week.week}/{week.year}", plan=item.plan_title[:150])
        + "\n"
        + t.STATUS_COUNTS.format(**counts)
    )

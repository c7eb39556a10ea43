"""An officer's cards: one card per report that changes with each answer, the one-message list
of what is owed, the history of submissions, confirmations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from kehoach_bot.domain.status import State, Status
from kehoach_bot.domain.stored import ReplyKind
from kehoach_bot.domain.vietnamese import format_date, shorten, weekday_name
from kehoach_bot.services.card_facts import CardInfo, Submission
from kehoach_bot.services.replies import Attachment, ReplyOutcome
from kehoach_bot.services.tracking import OccurrenceView
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.telegram.render import requests as requests_render
from kehoach_bot.telegram.render import review as review_render
from kehoach_bot.telegram.render.pages import human_size
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import cards_vi as c
from kehoach_bot.texts import review_vi

OWED_PER_PAGE = 8
PLAN_NAME_LIMIT = 70
LIST_TITLE_LIMIT = 90
_NUMBERED = re.compile(r"^\d+.*/")


def short_plan_name(number: str, title: str) -> str:
    """A plan's short name: its number when it has one ("KH số 743/KH-UBND"), else its title
    shortened with "…"."""
    if _NUMBERED.match(number):
        return c.PLAN_NUMBER.format(number=number)
    return shorten(title, PLAN_NAME_LIMIT)


def plan_name(view: OccurrenceView) -> str:
    """The short name of the plan a card is about."""
    return short_plan_name(view.plan_number, view.plan_title)


def stamp(at: datetime) -> str:
    """dd/mm/yyyy HH:MM."""
    return f"{format_date(at.date())} {at:%H:%M}"


def days_late(view: OccurrenceView, today: date) -> int:
    """Days past the last on-time day (0 when not overdue)."""
    return max((today - view.deadline).days, 0) if view.status is Status.OPEN_OVERDUE else 0


def _heading(view: OccurrenceView, today: date, header: str | None, ad_hoc: bool) -> str:
    if view.status is Status.OPEN_OVERDUE:
        late = c.OVERDUE_HEADER.format(days=days_late(view, today))
        return f"{header}\n{late}" if header else late
    if header:
        return header
    if view.state is State.OPEN and view.deadline == today:
        return c.DUE_TODAY_HEADER
    return t.AD_HOC_HEADER if ad_hoc else t.REMINDER_HEADER


def _recipient(view: OccurrenceView) -> str:
    recipient = view.recipient_name or "đơn vị đầu mối"
    return t.VIA.format(recipient=recipient, via=view.via_name) if view.via_name else recipient


def _body(view: OccurrenceView, heading: str, ad_hoc: bool) -> str:
    deadline = view.deadline
    note = t.EXTENDED_NOTE if view.extended_to else ""
    if not view.extended_to and view.wording != "truoc_ngay" and view.last_day > view.due:
        note = t.SHIFT_NOTE
    text = t.REMINDER.format(
        header=heading,
        plan=plan_name(view),
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
    asked_by = requests_render.requested_by(view)
    if asked_by is not None:  # a request's own text is its title: no plan to quote
        text += "\n" + asked_by
    elif view.quote and not ad_hoc:
        text += "\n" + t.QUOTE.format(quote=shorten(view.quote, 600))
    if view.needs_review:
        text += "\n" + review_vi.HELD
    if view.status is Status.NOT_TRACKED:
        text += "\n" + c.STATE_NOT_TRACKED
    return text


def state_lines(info: CardInfo) -> list[str]:
    """What has been answered, newest state first."""
    lines: list[str] = []
    view, done = info.view, info.submitted
    if done is not None:
        late = view.status is Status.DONE_LATE
        template = c.STATE_SUBMITTED_LATE if late else c.STATE_SUBMITTED
        lines.append(template.format(at=stamp(done.at), by=done.by))
        latest = info.latest
        if info.replacements and latest is not None:
            lines.append(
                c.STATE_REPLACED.format(count=info.replacements, at=stamp(latest.at), by=latest.by)
            )
    elif info.extension_to is not None:
        lines.append(c.STATE_EXTENSION.format(date=format_date(info.extension_to)))
    elif info.latest is not None and info.latest.kind is ReplyKind.IN_PROGRESS:
        lines.append(c.STATE_IN_PROGRESS.format(at=stamp(info.latest.at), by=info.latest.by))
    elif info.latest is not None and info.latest.kind is ReplyKind.STUCK:
        lines.append(c.STATE_STUCK.format(at=stamp(info.latest.at), by=info.latest.by))
    if info.undo_until is not None:
        lines.append(c.UNDO_HINT.format(until=f"{info.undo_until:%H:%M}"))
    return lines


def _button(label: str, action: Action, *ids: int) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=encode(action, *ids))


def occurrence_keyboard(occurrence_id: int) -> InlineKeyboardMarkup:
    """The four answers an officer can give about an open report."""
    return InlineKeyboardMarkup(
        [
            [
                _button(t.BUTTON_SUBMITTED, Action.SUBMIT, occurrence_id),
                _button(t.BUTTON_IN_PROGRESS, Action.PROGRESS, occurrence_id),
            ],
            [
                _button(t.BUTTON_STUCK, Action.STUCK, occurrence_id),
                _button(t.BUTTON_EXTENSION, Action.EXTEND, occurrence_id),
            ],
        ]
    )


def card_keyboard(info: CardInfo) -> InlineKeyboardMarkup:
    """The buttons that still make sense after what has been answered."""
    view = info.view
    rows: list[list[InlineKeyboardButton]] = []
    if view.state is State.DONE:
        rows.append(
            [
                _button(c.BUTTON_REPLACE, Action.REPLACE, view.id),
                _button(c.BUTTON_HISTORY, Action.HISTORY, view.id),
            ]
        )
    elif view.state is State.OPEN:
        first = [_button(t.BUTTON_SUBMITTED, Action.SUBMIT, view.id)]
        latest = info.latest
        if latest is None or latest.kind is not ReplyKind.IN_PROGRESS:
            first.append(_button(t.BUTTON_IN_PROGRESS, Action.PROGRESS, view.id))
        second = [_button(t.BUTTON_STUCK, Action.STUCK, view.id)]
        if info.extension_to is None:
            second.append(_button(t.BUTTON_EXTENSION, Action.EXTEND, view.id))
        rows += [first, second]
    if info.undo is not None:
        rows.append([_button(c.BUTTON_UNDO, Action.UNDO, info.undo.reply_id)])
    return InlineKeyboardMarkup(rows)


def reminder(
    view: OccurrenceView,
    today: date,
    *,
    ad_hoc: bool = False,
    header: str | None = None,
) -> tuple[str, InlineKeyboardMarkup]:
    """A reminder or request sent by the bot: the card of an open report with its four answers."""
    return _body(view, _heading(view, today, header, ad_hoc), ad_hoc), occurrence_keyboard(view.id)


def card(
    info: CardInfo, today: date, *, asking: str | None = None
) -> tuple[str, InlineKeyboardMarkup]:
    """The card after an answer: the report, what was answered, the buttons still useful.

    `asking` replaces the state and the buttons while the bot waits for a file or a note."""
    view = info.view
    ad_hoc = view.requested_by is not None
    if view.state is State.DONE and info.submitted is not None:
        heading = state_lines(info)[0]
        lines = state_lines(info)[1:]
    else:
        heading = _heading(view, today, None, ad_hoc)
        lines = state_lines(info)
    text = _body(view, heading, ad_hoc)
    if asking is not None:
        return f"{text}\n\n{asking}", InlineKeyboardMarkup(
            [[_button(t.BUTTON_CANCEL, Action.CANCEL_ANSWER, view.id)]]
        )
    if lines:
        text += "\n\n" + "\n".join(lines)
    return text, card_keyboard(info)


def file_prompt(view: OccurrenceView, max_mb: int) -> tuple[str, InlineKeyboardMarkup]:
    """The card's question while waiting for the report file, with a way to submit without one."""
    keyboard = InlineKeyboardMarkup(
        [
            [
                _button(t.BUTTON_NO_FILE, Action.NO_FILE, view.id),
                _button(t.BUTTON_CANCEL, Action.CANCEL_ANSWER, view.id),
            ]
        ]
    )
    return c.ASK_FILE.format(max_mb=max_mb, no_file=t.BUTTON_NO_FILE), keyboard


def owed_page(
    views: Sequence[OccurrenceView], today: date, page: int, *, title: str = c.OWED_TITLE
) -> tuple[str, InlineKeyboardMarkup | None]:
    """/viec in one message: a compact numbered list, a button per number, pages of eight."""
    if not views:
        return c.OWED_EMPTY, None
    pages = (len(views) + OWED_PER_PAGE - 1) // OWED_PER_PAGE
    page = min(max(page, 0), pages - 1)
    start = page * OWED_PER_PAGE
    shown = views[start : start + OWED_PER_PAGE]
    lines = [title.format(count=len(views))]
    for n, view in enumerate(shown, start=start + 1):
        late = days_late(view, today)
        mark = c.MARK_OVERDUE if late else c.MARK_DUE_SOON if view.due_soon else c.MARK_OPEN
        lines.append(
            c.OWED_LINE.format(
                n=n,
                mark=mark,
                title=shorten(view.title, LIST_TITLE_LIMIT),
                unit=view.unit_name,
                period=view.period,
                last_day=format_date(view.deadline),
                late=(c.OWED_LATE.format(days=late) if late else "")
                + review_render.held_suffix(view),
            )
        )
    if pages > 1:
        lines.append(c.OWED_PAGE.format(page=page + 1, pages=pages))
    numbers = [
        _button(str(n), Action.OPEN, view.id) for n, view in enumerate(shown, start=start + 1)
    ]
    rows = [numbers[i : i + 4] for i in range(0, len(numbers), 4)]
    turn = []
    if page > 0:
        turn.append(_button(c.BUTTON_PREVIOUS, Action.OWED_PAGE, page - 1))
    if page < pages - 1:
        turn.append(_button(c.BUTTON_NEXT, Action.OWED_PAGE, page + 1))
    if turn:
        rows.append(turn)
    return "\n".join(lines), InlineKeyboardMarkup(rows)


def which_report(
    views: Sequence[OccurrenceView], today: date, file_name: str
) -> tuple[str, InlineKeyboardMarkup | None]:
    """A file arrived with nothing asked: which report is it for? (buttons submit it)."""
    if not views:
        return c.OWED_EMPTY, None
    text, _ = owed_page(views, today, 0)
    shown = views[:OWED_PER_PAGE]
    numbers = [_button(str(n), Action.FILE_FOR, view.id) for n, view in enumerate(shown, start=1)]
    rows = [numbers[i : i + 4] for i in range(0, len(numbers), 4)]
    rows.append([_button(t.BUTTON_CANCEL, Action.CANCEL)])
    header = c.WHICH_REPORT.format(name=file_name)
    return header + "\n\n" + text.split("\n", 1)[1], InlineKeyboardMarkup(rows)


def history(found: Sequence[Submission], one: bool) -> str:
    """/danop or «Lịch sử nộp»: the latest submissions, newest first."""
    if not found:
        return c.HISTORY_EMPTY
    first = found[0].view
    title = (
        c.HISTORY_TITLE_ONE.format(title=shorten(first.title, 120), period=first.period)
        if one
        else c.HISTORY_TITLE.format(count=len(found))
    )
    lines = [title]
    for item in found:
        answered = item.answered
        file = (
            c.HISTORY_FILE.format(name=answered.file_name, size=human_size(answered.file_size or 0))
            if answered.file_name
            else c.HISTORY_NO_FILE
        )
        lines.append(
            c.HISTORY_LINE.format(
                at=stamp(answered.at),
                by=answered.by,
                title=shorten(item.view.title, 80),
                period=item.view.period,
                replacement=c.HISTORY_REPLACEMENT if item.replacement else "",
                file=file,
            )
        )
    return "\n".join(lines)


def submitted(outcome: ReplyOutcome, attachment: Attachment | None) -> str:
    """The officer's confirmation, saying whether it counted as on time."""
    v = outcome.view
    if outcome.already and outcome.card is not None and outcome.card.submitted is not None:
        done = outcome.card.submitted
        return c.ALREADY_SUBMITTED.format(at=stamp(done.at), by=done.by)
    if not outcome.first_submission and not outcome.already:
        text = c.CONFIRM_REPLACED.format(title=v.title, period=v.period)
    else:
        template = t.CONFIRM_ON_TIME if outcome.on_time else t.CONFIRM_LATE
        text = template.format(
            title=v.title, unit=v.unit_name, period=v.period, last_day=format_date(v.deadline)
        )
    if attachment:
        text += "\n" + t.CONFIRM_FILE.format(
            name=attachment.file_name, size=human_size(attachment.size)
        )
    return text

"""An officer's cards: the reminder with its buttons, the list of what is owed, confirmations."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from kehoach_bot.domain.vietnamese import format_date, weekday_name
from kehoach_bot.services.replies import Attachment, ReplyOutcome
from kehoach_bot.services.tracking import OccurrenceView
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.telegram.render import requests as requests_render
from kehoach_bot.telegram.render import review as review_render
from kehoach_bot.telegram.render.pages import human_size, paginate
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import review_vi
from kehoach_bot.texts.vi import STATUS_SHORT


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


def reminder(
    view: OccurrenceView, *, ad_hoc: bool = False, header: str | None = None
) -> tuple[str, InlineKeyboardMarkup]:
    """A reminder: plan, report, period, the plan's own wording, the last on-time day, buttons."""
    deadline = view.deadline
    note = t.EXTENDED_NOTE if view.extended_to else ""
    if not view.extended_to and view.wording != "truoc_ngay" and view.last_day > view.due:
        note = t.SHIFT_NOTE
    text = t.REMINDER.format(
        header=header or (t.AD_HOC_HEADER if ad_hoc else t.REMINDER_HEADER),
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
    asked_by = requests_render.requested_by(view)
    if asked_by is not None:  # a request's own text is its title: no plan to quote
        text += "\n" + asked_by
    elif view.quote and not ad_hoc:
        text += "\n" + t.QUOTE.format(quote=view.quote[:600])
    if view.needs_review:
        text += "\n" + review_vi.HELD
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
            status=STATUS_SHORT[v.status.value] + review_render.held_suffix(v),
        )
        for i, v in enumerate(views, start=1)
    ]
    return paginate(lines, t.OWED_TITLE.format(count=len(views)))


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

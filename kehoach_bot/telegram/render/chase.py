"""After the automatic chase: the digest's "quá hạn kéo dài" and "chưa có cán bộ nhận nhắc"
lines, the «nhắc lại» buttons and the answer to a «nhắc lại»."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from kehoach_bot.services.chase import RemindedAgain
from kehoach_bot.services.digests import PlanDigest, UnitLine
from kehoach_bot.services.tracking import OccurrenceView
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.texts import chase_vi as t

SHOWN_BUTTONS = 10  # «nhắc lại» buttons under one status table


def digest_lines(item: PlanDigest, today: date) -> list[str]:
    """The digest's lines about periods no longer chased and units no reminder reaches."""
    lines: list[str] = []
    if item.long_overdue:
        lines.append(
            t.DIGEST_LONG_OVERDUE.format(count=max(item.long_overdue_total, len(item.long_overdue)))
        )
        lines += [
            t.DIGEST_LONG_OVERDUE_LINE.format(
                unit=v.unit_name,
                title=v.title,
                period=v.period,
                days=(today - v.deadline).days,
                id=v.id,
            )
            for v in item.long_overdue
        ]
        if item.long_overdue_total > len(item.long_overdue):
            more = item.long_overdue_total - len(item.long_overdue)
            lines.append(t.DIGEST_LONG_OVERDUE_MORE.format(count=more))
    if item.without_officer:
        total = max(item.without_officer_total, len(item.without_officer))
        lines.append(t.DIGEST_NO_OFFICER.format(count=total))
        lines += [_unit_line(unit, item.for_admin) for unit in item.without_officer]
        if total > len(item.without_officer):
            lines.append(t.DIGEST_NO_OFFICER_MORE.format(count=total - len(item.without_officer)))
        if not item.for_admin:
            lines.append(t.DIGEST_NO_OFFICER_ASK_ADMIN)
    return lines


def _unit_line(unit: UnitLine, for_admin: bool) -> str:
    line = t.DIGEST_NO_OFFICER_INVITE_LINE if for_admin else t.DIGEST_NO_OFFICER_LINE
    return line.format(unit=unit.name, code=unit.code)


def remind_buttons(views: Sequence[OccurrenceView]) -> list[list[InlineKeyboardButton]]:
    """A «nhắc lại» button per occurrence (the first few)."""
    return [
        [
            InlineKeyboardButton(
                t.BUTTON_REMIND_AGAIN.format(unit=v.unit_name[:40]),
                callback_data=encode(Action.REMIND_AGAIN, v.id),
            )
        ]
        for v in views[:SHOWN_BUTTONS]
    ]


def with_remind_buttons(
    keyboard: InlineKeyboardMarkup | None, views: Sequence[OccurrenceView]
) -> InlineKeyboardMarkup | None:
    """A keyboard with «nhắc lại» buttons added under its own."""
    rows = [list(row) for row in keyboard.inline_keyboard] if keyboard else []
    rows += remind_buttons(views)
    return InlineKeyboardMarkup(rows) if rows else None


def reminded(result: RemindedAgain) -> str:
    """The coordinator's answer: how many officers were reminded, or that it was done today."""
    view = result.view
    if result.already:
        return t.REMIND_AGAIN_ALREADY.format(
            unit=view.unit_name, title=view.title, period=view.period
        )
    return t.REMIND_AGAIN_DONE.format(
        count=result.queued, unit=view.unit_name, title=view.title, period=view.period
    )

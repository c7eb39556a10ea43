"""The review of flagged obligations (/duyet): each decision to take with its one-tap buttons, the
decision once taken, and the mark a held obligation carries wherever its periods show."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from kehoach_bot.domain.schedules import Schedule, ScheduleType
from kehoach_bot.domain.vietnamese import format_date, shorten
from kehoach_bot.services.review import Flagged, ReviewGroup, ReviewList, ReviewOutcome
from kehoach_bot.services.tracking import OccurrenceView
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.telegram.render.pages import PAGE_LIMIT, paginate
from kehoach_bot.texts import review_vi as t

QUOTE_LIMIT = 600


def held_suffix(view: OccurrenceView) -> str:
    """The mark after a line about a held obligation's period (empty for any other)."""
    return t.HELD_SUFFIX if view.needs_review else ""


def when(schedule: Schedule) -> str:
    """The date of a schedule as a button reads it: "25/11", "20/07/2024"."""
    if schedule.type is ScheduleType.YEARLY and schedule.month and schedule.day:
        return f"{schedule.day:02d}/{schedule.month:02d}"
    if schedule.type is ScheduleType.ONE_OFF and schedule.date:
        return format_date(schedule.date)
    if schedule.type is ScheduleType.HALF_YEARLY and schedule.day:
        return "–".join(f"{schedule.day:02d}/{m:02d}" for m in schedule.months)
    return ""


def _whens(items: Sequence[Flagged]) -> list[str]:
    """A distinct date label per item; the obligation's code where dates coincide or lack."""
    found = [when(i.schedule) for i in items]
    if len(set(found)) < len(found) or not all(found):
        return [i.code for i in items]
    return found


def decisions(found: ReviewList) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """One message per decision to take, with its buttons; then the undated ones, paged."""
    messages: list[tuple[str, InlineKeyboardMarkup | None]] = [
        (_group_text(group), _group_keyboard(group)) for group in found.groups
    ]
    if found.undated:
        lines = [
            t.UNDATED_LINE.format(plan=i.plan, code=i.code, title=i.title, note=i.note or t.NO_NOTE)
            for i in found.undated
        ]
        pages = paginate(lines, t.UNDATED_TITLE.format(count=len(found.undated)))
        messages += [(page, None) for page in pages]
    return messages


def _group_text(group: ReviewGroup) -> str:
    items = group.items
    header = (
        t.GROUP_TITLE.format(
            plan=group.plan,
            whens=t.WHENS_SEPARATOR.join(_whens(items)),
            plan_title=shorten(group.plan_title, 200),
            responsible=", ".join(group.responsible),
        )
        if len(items) > 1
        else t.SINGLE_TITLE.format(
            plan=group.plan,
            plan_title=shorten(group.plan_title, 200),
            responsible=", ".join(group.responsible),
        )
    )
    blocks = [
        t.ITEM.format(
            marker=t.ITEM_MARKERS[n % len(t.ITEM_MARKERS)],
            title=item.title,
            code=item.code,
            schedule=item.schedule_text,
            recipient=_recipient(item),
            quote=item.quote[:QUOTE_LIMIT],
            note=item.note or t.NO_NOTE,
        )
        for n, item in enumerate(items)
    ]
    ask = t.GROUP_ASK if len(items) > 1 else t.SINGLE_ASK
    text = "\n\n".join([header, *blocks, ask])
    # The buttons go under one message: a flow too long for it is cut, its buttons still decide.
    return text if len(text) <= PAGE_LIMIT else text[: PAGE_LIMIT - 1] + "…"


def _recipient(item: Flagged) -> str:
    recipient = item.recipient or t.NO_RECIPIENT
    return t.VIA.format(recipient=recipient, via=item.via) if item.via else recipient


def _group_keyboard(group: ReviewGroup) -> InlineKeyboardMarkup:
    items = group.items
    first = items[0].id
    if len(items) == 1:
        row = [
            InlineKeyboardButton(t.BUTTON_KEEP, callback_data=encode(Action.REVIEW_ALL, first)),
            InlineKeyboardButton(t.BUTTON_DROP, callback_data=encode(Action.REVIEW_DROP, first)),
        ]
        return InlineKeyboardMarkup([row])
    keep_all = t.BUTTON_KEEP_BOTH if len(items) == 2 else t.BUTTON_KEEP_ALL.format(count=len(items))
    only = [
        InlineKeyboardButton(
            t.BUTTON_ONLY.format(when=label), callback_data=encode(Action.REVIEW_ONLY, item.id)
        )
        for item, label in zip(items, _whens(items), strict=True)
    ]
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(keep_all, callback_data=encode(Action.REVIEW_ALL, first))], only]
    )


def outcome(done: ReviewOutcome) -> str:
    """The decision as the message under the buttons shows it once taken."""
    decided = [*done.kept, *done.dropped]
    labels = {i.id: label for i, label in zip(decided, _whens(decided), strict=True)}
    lines = [t.DECIDED.format(plan=done.plan)]
    if done.kept:
        lines.append(t.DECIDED_KEPT.format(items=_items(done.kept, labels)))
    if done.dropped:
        lines.append(t.DECIDED_DROPPED.format(items=_items(done.dropped, labels)))
        lines.append(t.DECIDED_REMOVED.format(removed=done.sync.removed))
    return "\n".join(lines)


def _items(items: Sequence[Flagged], labels: dict[int, str]) -> str:
    return t.ITEMS_SEPARATOR.join(
        t.DECIDED_ITEM.format(title=i.title, when=labels[i.id]) for i in items
    )

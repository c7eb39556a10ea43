"""What the dispatcher sends: each outbox row, rendered fresh from what it is about."""

from __future__ import annotations

from datetime import date

from telegram import InlineKeyboardMarkup

from kehoach_bot.domain.status import Status
from kehoach_bot.domain.stored import MessageKind
from kehoach_bot.services.chase import is_remind_again
from kehoach_bot.services.delivery import Ready
from kehoach_bot.telegram.render import cards, coordinator
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import cards_vi as c
from kehoach_bot.texts import chase_vi


def render_outbound(ready: Ready, today: date) -> tuple[str, InlineKeyboardMarkup | None]:
    """The text and buttons of one outbox row that is still due."""
    kind, view = ready.row.kind, ready.view
    if kind is MessageKind.DIGEST or view is None:
        return ready.row.text, None
    if kind is MessageKind.REMINDER and is_remind_again(ready.row.stage):
        return cards.reminder(view, today, header=chase_vi.REMIND_AGAIN_HEADER)
    if kind is MessageKind.REMINDER:
        return cards.reminder(view, today)
    if kind is MessageKind.REQUEST:
        return cards.reminder(view, today, ad_hoc=True)
    if kind is MessageKind.SUBMITTED:
        timing = t.TIMING_ON_TIME if view.status is Status.DONE_ON_TIME else t.TIMING_LATE
        text = t.SUBMITTED_TO_COORDINATOR.format(
            unit=view.unit_name, title=view.title, period=view.period, timing=timing
        )
        return text, None
    if kind is MessageKind.REPLACED:
        text = c.REPLACED_TO_COORDINATOR.format(
            unit=view.unit_name, title=view.title, period=view.period
        )
        return text, None
    if kind is MessageKind.WITHDRAWN:
        what = c.REPLY_KIND.get(ready.row.text, ready.row.text)
        text = c.WITHDRAWN_TO_COORDINATOR.format(
            unit=view.unit_name, kind=what, title=view.title, period=view.period
        )
        return text, None
    if kind is MessageKind.STUCK:
        text = t.STUCK_TO_COORDINATOR.format(
            unit=view.unit_name,
            title=view.title,
            period=view.period,
            text=ready.note,  # at most replies.MAX_TEXT: it fits one message
        )
        return text, None
    assert ready.extension is not None
    if kind is MessageKind.EXTENSION_REQUEST:
        return coordinator.extension_request(ready.extension, view)
    return coordinator.extension_decision(ready.extension, view, reason=ready.row.text), None

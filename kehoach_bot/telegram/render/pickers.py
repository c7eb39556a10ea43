"""A picker as a message: the question, one button per option (8 a page, ◀ ▶), «Xong» when
several may be ticked, «Hủy»; and the line that replaces it once everything is chosen."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.telegram.picking import PAGE_SIZE, Picking
from kehoach_bot.texts import pickers_vi as t


def picker_text(picking: Picking) -> str:
    """The question, with the page when there are several and the hint that typing searches."""
    lines = [picking.prompt]
    if picking.pages > 1:
        lines.append(t.PAGE_LINE.format(page=picking.page + 1, pages=picking.pages))
    if len(picking.options) > PAGE_SIZE:
        lines.append(t.SEARCH_HINT)
    return "\n".join(lines)


def picker_keyboard(picking: Picking) -> InlineKeyboardMarkup:
    """The options of the current page, then ◀ page ▶, then «Xong» (several) and «Hủy»."""
    token, page = picking.token, picking.page
    first = page * PAGE_SIZE
    rows: list[list[InlineKeyboardButton]] = []
    for index, option in enumerate(picking.options[first : first + PAGE_SIZE], start=first):
        label = option.label
        if picking.multi:
            template = t.PICKED if index in picking.chosen else t.NOT_PICKED
            label = template.format(label=label)
        rows.append([InlineKeyboardButton(label, callback_data=encode(Action.PICK, token, index))])
    if picking.pages > 1:
        rows.append(_navigation(picking))
    last = [InlineKeyboardButton(t.BUTTON_CANCEL, callback_data=encode(Action.PICK_CANCEL, token))]
    if picking.multi:
        done = t.BUTTON_DONE.format(count=len(picking.chosen))
        last.insert(0, InlineKeyboardButton(done, callback_data=encode(Action.PICK_DONE, token)))
    rows.append(last)
    return InlineKeyboardMarkup(rows)


def _navigation(picking: Picking) -> list[InlineKeyboardButton]:
    token, page, pages = picking.token, picking.page, picking.pages
    # The page number is a button too (Telegram has no plain label): it turns to the first page.
    return [
        InlineKeyboardButton(
            t.BUTTON_PREVIOUS, callback_data=encode(Action.PAGE, token, (page - 1) % pages)
        ),
        InlineKeyboardButton(
            t.BUTTON_PAGE.format(page=page + 1, pages=pages),
            callback_data=encode(Action.PAGE, token, 0),
        ),
        InlineKeyboardButton(
            t.BUTTON_NEXT, callback_data=encode(Action.PAGE, token, (page + 1) % pages)
        ),
    ]


def chosen_text(labels: tuple[str, ...]) -> str:
    """What the picker message says once everything is chosen."""
    return t.CHOSEN.format(values=t.CHOSEN_SEPARATOR.join(labels))

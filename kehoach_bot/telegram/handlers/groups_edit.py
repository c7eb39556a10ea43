"""An admin fills a named group's members: /nhom lists the groups, a button opens one, «➕ Thêm»,
«➖ Bớt» or «📋 Dán danh sách» asks for codes or names, the next message is previewed, and «Lưu»
saves exactly what the preview showed."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from kehoach_bot.services import groups
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.group_changes import MemberChange
from kehoach_bot.telegram.answer import reply_pages
from kehoach_bot.telegram.callbacks import Action, Callback, encode
from kehoach_bot.telegram.context import BotContext, GroupInput
from kehoach_bot.telegram.handlers.admin import user_id
from kehoach_bot.telegram.handlers.previews import hold
from kehoach_bot.telegram.render import groups as render
from kehoach_bot.texts import bot_vi
from kehoach_bot.texts import groups_vi as t


async def list_groups(update: Update, context: BotContext) -> None:
    """/nhom [GROUP]: the groups with their flags, or one group's card."""
    args = context.args or []
    if len(args) > 1:
        await reply_pages(update, [t.USAGE])
        return
    runtime = context.runtime
    if args:
        found = await runtime.answer(
            groups.find_group, runtime, user_id=user_id(update), code=args[0]
        )
        await reply_pages(update, *render.group_card(found))
        return
    listed = await runtime.answer(groups.groups, runtime, user_id=user_id(update))
    await reply_pages(update, *render.group_list(listed))


async def open_group(update: Update, context: BotContext, parsed: Callback) -> None:
    """A group's button: its card (the server checks the person and the group)."""
    query = update.callback_query
    assert query is not None
    runtime = context.runtime
    found = await runtime.answer(
        groups.group, runtime, user_id=user_id(update), group_id=parsed.target
    )
    await query.answer()
    await reply_pages(update, *render.group_card(found))


async def choose_mode(update: Update, context: BotContext, parsed: Callback) -> None:
    """«➕ Thêm», «➖ Bớt», «📋 Dán danh sách»: the next text message is the codes or the list."""
    query = update.callback_query
    assert query is not None
    group_id, index = parsed.ids
    if not 0 <= index < len(render.MODES):
        raise InvalidInput(bot_vi.BAD_CALLBACK)
    runtime = context.runtime
    found = await runtime.answer(groups.group, runtime, user_id=user_id(update), group_id=group_id)
    mode = render.MODES[index]
    context.state.clear()
    context.state.group_input = GroupInput(found.code, mode)
    await query.answer()
    await reply_pages(update, [render.ask(found, mode)])


async def list_text(update: Update, context: BotContext) -> None:
    """The codes or the pasted list: preview it, with «Lưu» only when it can be saved as it is."""
    waiting, message = context.state.group_input, update.effective_message
    assert waiting is not None and message is not None and message.text is not None
    runtime = context.runtime
    found = await runtime.answer(
        groups.preview_change,
        runtime,
        user_id=user_id(update),
        group_code=waiting.group,
        action=waiting.action,
        text=message.text,
    )
    if found.ready:
        context.state.group_input = None
        change = MemberChange(found.group.code, found.action, message.text, found.token)
        keyboard = hold(context, change)
    else:
        # The admin corrects the list and sends it again; «Hủy» ends the flow.
        keyboard = InlineKeyboardMarkup(
            [[InlineKeyboardButton(bot_vi.BUTTON_CANCEL, callback_data=encode(Action.CANCEL))]]
        )
    await reply_pages(update, render.preview(found), keyboard)

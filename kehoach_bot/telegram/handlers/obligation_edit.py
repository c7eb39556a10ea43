"""An admin edits one obligation: /nghiavu lists, /sua shows the fields, a button picks one,
the next text message is its new value, previewed, then saved with «Lưu»."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from kehoach_bot.services import administration, choices
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.obligations import FIELD_TEXT, Field
from kehoach_bot.telegram import pickers
from kehoach_bot.telegram.answer import reply_pages, say
from kehoach_bot.telegram.callbacks import Action, Callback, encode
from kehoach_bot.telegram.context import BotContext, FieldEdit
from kehoach_bot.telegram.handlers.admin import user_id
from kehoach_bot.telegram.handlers.previews import hold
from kehoach_bot.telegram.render.pages import paginate
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import pickers_vi as picker_texts

FIELDS = list(Field)


async def list_obligations(update: Update, context: BotContext) -> None:
    """/nghiavu [PLAN]: the plan's obligations with their codes (the plan picked when not typed)."""
    args = context.args or []
    runtime = context.runtime
    if not args:
        await pickers.ask_plan(
            update, context, command="nghiavu", prompt=picker_texts.CHOOSE_OBLIGATIONS_PLAN
        )
        return
    if len(args) != 1:
        await reply_pages(update, [t.OBLIGATIONS_USAGE])
        return
    found = await runtime.answer(
        administration.plan_obligations, runtime, user_id=user_id(update), plan_code=args[0]
    )
    lines = [
        t.OBLIGATION_LINE.format(
            code=o.code,
            title=o.title,
            schedule=o.schedule,
            wording=o.wording,
            responsible=", ".join(o.responsible),
            recipient=o.recipient or "—",
            via=o.via or "—",
            inactive="" if o.active else t.OBLIGATION_INACTIVE,
        )
        for o in found
    ]
    await reply_pages(
        update, paginate(lines, t.OBLIGATIONS_TITLE.format(plan=args[0], count=len(found)))
    )


async def edit(update: Update, context: BotContext) -> None:
    """/sua PLAN OBLIGATION: show it and offer the fields to change; the plan and the obligation
    are picked from buttons when not typed."""
    args = context.args or []
    runtime = context.runtime
    if not args:
        await pickers.ask_plan(update, context, command="sua", prompt=picker_texts.CHOOSE_EDIT_PLAN)
        return
    if len(args) == 1:
        found = await runtime.answer(
            choices.plan_obligations, runtime, user_id=user_id(update), plan_code=args[0]
        )
        await pickers.ask(
            update,
            context,
            command="sua",
            args=args,
            prompt=picker_texts.CHOOSE_OBLIGATION.format(plan=args[0]),
            options=found,
            empty=picker_texts.NO_OBLIGATIONS.format(plan=args[0]),
        )
        return
    if len(args) != 2:
        await reply_pages(update, [t.EDIT_USAGE])
        return
    o = await runtime.answer(
        administration.find_obligation,
        runtime,
        user_id=user_id(update),
        plan_code=args[0],
        code=args[1],
    )
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    FIELD_TEXT[f].capitalize(), callback_data=encode(Action.FIELD, o.id, i)
                )
            ]
            for i, f in enumerate(FIELDS)
        ]
    )
    text = t.EDIT_CHOOSE.format(
        plan=o.plan,
        code=o.code,
        title=o.title,
        schedule=o.schedule,
        wording=o.wording,
        responsible=", ".join(o.responsible),
        recipient=o.recipient or "—",
        via=o.via or "—",
        lead_days=o.value_of(Field.LEAD_DAYS),
    )
    await say(update, text, keyboard)


async def choose_field(update: Update, context: BotContext, parsed: Callback) -> None:
    """A field button: the next text message is its new value."""
    query = update.callback_query
    assert query is not None
    obligation_id, index = parsed.ids
    if not 0 <= index < len(FIELDS):
        raise InvalidInput(t.BAD_CALLBACK)
    runtime = context.runtime
    summary = await runtime.answer(
        administration.obligation, runtime, user_id=user_id(update), obligation_id=obligation_id
    )
    field = FIELDS[index]
    context.state.editing = FieldEdit(obligation_id, field)
    await query.answer()
    await say(
        update,
        t.EDIT_ASK.format(
            field=FIELD_TEXT[field], current=summary.value_of(field), hint=t.EDIT_HINTS[field.value]
        ),
    )


async def value_text(update: Update, context: BotContext) -> None:
    """The new value of the field being edited: preview it with «Lưu»."""
    editing, message = context.state.editing, update.effective_message
    assert editing is not None and message is not None and message.text is not None
    runtime = context.runtime
    change = await runtime.answer(
        administration.propose_change,
        runtime,
        user_id=user_id(update),
        obligation_id=editing.obligation_id,
        field=editing.field,
        text=message.text,
    )
    context.state.editing = None
    await say(
        update,
        t.EDIT_PREVIEW.format(
            field=FIELD_TEXT[change.field], before=change.before, after=change.after
        ),
        keyboard=hold(context, change),
    )

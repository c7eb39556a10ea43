"""Buttons in place of typed codes: a command missing an argument asks for it with a picker,
and the person's choice (or typed answer) re-runs the same command with that argument added,
so that typed codes and picked values go through one path.

The options live in the person's state; a button carries the picker's token and an index only.
Picking edits the picker message in place; a stale or tampered token changes nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from telegram import Message, Update
from telegram.ext import CommandHandler, filters

from kehoach_bot.domain.schedule_text import plain_text
from kehoach_bot.services import choices
from kehoach_bot.services.choices import Choice
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.telegram.answer import say
from kehoach_bot.telegram.callbacks import Callback
from kehoach_bot.telegram.context import BotContext, UserState
from kehoach_bot.telegram.picking import Picking
from kehoach_bot.telegram.render import pickers as render
from kehoach_bot.texts import pickers_vi as t

Command = Callable[[Update, BotContext], Awaitable[None]]
MAX_TEXT = 2000  # a typed argument (a date, a request's text, a name)


async def ask(
    update: Update,
    context: BotContext,
    *,
    command: str,
    args: Sequence[str],
    prompt: str,
    options: Sequence[Choice],
    empty: str,
    multi: bool = False,
) -> None:
    """Offer `options` for the next argument of /`command` (or say `empty` when there are none)."""
    if not options:
        context.state.picker = None
        await _show(update, empty, None)
        return
    picking = Picking(
        command, tuple(args), prompt, tuple(options), labels=_labels(context), multi=multi
    )
    await _offer(update, context, picking)


async def ask_plan(update: Update, context: BotContext, *, command: str, prompt: str) -> None:
    """Offer the plans an admin may edit as the first argument of /`command`."""
    runtime = context.runtime
    assert update.effective_user is not None
    plans = await runtime.answer(choices.admin_plans, runtime, user_id=update.effective_user.id)
    await ask(
        update, context, command=command, args=(), prompt=prompt, options=plans, empty=t.NO_PLANS
    )


@dataclass(frozen=True, slots=True)
class PlanPeriodPrompts:
    """What a plan-then-period command asks, and says when there is nothing to pick."""

    plan: str
    no_plans: str
    period: str  # formatted with {plan}
    no_periods: str  # formatted with {plan}


async def ask_coordinated_plan(
    update: Update, context: BotContext, command: str, prompt: str, empty: str
) -> bool:
    """Ask for a plan the person coordinates when /`command` has none; False when it has one."""
    if context.args:
        return False
    runtime = context.runtime
    assert update.effective_user is not None
    plans = await runtime.answer(
        choices.coordinated_plans, runtime, user_id=update.effective_user.id
    )
    await ask(update, context, command=command, args=(), prompt=prompt, options=plans, empty=empty)
    return True


async def ask_plan_then_period(
    update: Update,
    context: BotContext,
    command: str,
    prompts: PlanPeriodPrompts,
    *,
    period_required: bool = False,
) -> bool:
    """Ask for a coordinated plan, then (once it was picked, or always when the command needs
    one) its period; False when the command already has what it needs."""
    args = context.args or []
    runtime = context.runtime
    assert update.effective_user is not None
    if await ask_coordinated_plan(update, context, command, prompts.plan, prompts.no_plans):
        return True
    if len(args) == 1 and (period_required or resumed(context)):
        periods = await runtime.answer(
            choices.plan_periods, runtime, user_id=update.effective_user.id, plan_code=args[0]
        )
        await ask(
            update,
            context,
            command=command,
            args=args,
            prompt=prompts.period.format(plan=args[0]),
            options=periods,
            empty=prompts.no_periods.format(plan=args[0]),
        )
        return True
    return False


async def ask_text(
    update: Update, context: BotContext, *, command: str, args: Sequence[str], prompt: str
) -> None:
    """Ask for the next argument of /`command` as a typed message (a date, a text)."""
    await _offer(update, context, Picking(command, tuple(args), prompt, labels=_labels(context)))


def resumed(context: BotContext) -> bool:
    """True while a command runs again because a person picked or typed its next argument."""
    picking = context.state.picker
    return picking is not None and picking.finished


def chosen_label(context: BotContext, value: str) -> str:
    """How the person read a value they picked (the value itself when it was typed)."""
    picking = context.state.picker
    if picking is not None and picking.finished:
        for arg, label in zip(reversed(picking.args), reversed(picking.labels), strict=False):
            if arg == value:
                return label
    return value


async def _offer(update: Update, context: BotContext, picking: Picking) -> None:
    state = context.state
    # A new question replaces whatever else the person's next message would have answered.
    state.waiting = state.editing = state.group_input = None
    state.picker = picking
    if picking.wants_text:
        await _show(update, picking.prompt, None)
    else:
        await _show(update, render.picker_text(picking), render.picker_keyboard(picking))


async def _show(update: Update, text: str, keyboard: Any) -> None:
    query = update.callback_query
    if query is not None and query.message is not None:
        await query.edit_message_text(text, reply_markup=keyboard)
    else:
        await say(update, text, keyboard)


def _labels(context: BotContext) -> tuple[str, ...]:
    picking = context.state.picker
    return picking.labels if picking is not None and picking.finished else ()


def _current(context: BotContext, token: int) -> Picking:
    picking = context.state.picker
    if picking is None or picking.token != token or picking.finished:
        raise InvalidInput(t.STALE)
    return picking


async def pick(update: Update, context: BotContext, parsed: Callback) -> None:
    """An option: tick it (several) or take it as the next argument and run the command."""
    token, index = parsed.ids
    picking = _current(context, token)
    if not 0 <= index < len(picking.options):
        raise InvalidInput(t.STALE)
    if picking.multi:
        ticked = set(picking.chosen) ^ {index}
        chosen = tuple(sorted(ticked))
        await _redraw(update, dataclasses.replace(picking, chosen=chosen), context)
        return
    option = picking.options[index]
    await _resume(update, context, picking, option.value, option.label)


async def page(update: Update, context: BotContext, parsed: Callback) -> None:
    """◀ ▶: another page of the same options."""
    token, number = parsed.ids
    picking = _current(context, token)
    if not 0 <= number < picking.pages:
        raise InvalidInput(t.STALE)
    if number == picking.page:  # Telegram refuses an edit that changes nothing
        query = update.callback_query
        assert query is not None
        await query.answer()
        return
    await _redraw(update, dataclasses.replace(picking, page=number), context)


async def done(update: Update, context: BotContext, parsed: Callback) -> None:
    """«Xong»: the ticked options, joined by commas, are the next argument."""
    picking = _current(context, parsed.target)
    if not picking.multi:
        raise InvalidInput(t.STALE)
    if not picking.chosen:
        raise InvalidInput(t.NOTHING_CHOSEN)
    chosen = [picking.options[i] for i in picking.chosen]
    value = ",".join(o.value for o in chosen)
    await _resume(update, context, picking, value, ", ".join(o.label for o in chosen))


async def cancel(update: Update, context: BotContext, parsed: Callback) -> None:
    """«Hủy»: forget the picker; the message says so."""
    _current(context, parsed.target)
    context.state.picker = None
    query = update.callback_query
    assert query is not None
    await query.edit_message_text(t.CANCELLED)
    await query.answer()


async def _redraw(update: Update, picking: Picking, context: BotContext) -> None:
    context.state.picker = picking
    query = update.callback_query
    assert query is not None
    await query.edit_message_text(
        render.picker_text(picking), reply_markup=render.picker_keyboard(picking)
    )
    await query.answer()


async def text(update: Update, context: BotContext) -> None:
    """A message while a picker is open: the typed argument, or a search among the options."""
    message = update.effective_message
    picking = context.state.picker
    if message is None or message.text is None or picking is None:
        return
    body = message.text.strip()
    if not body:
        raise InvalidInput(t.TEXT_EMPTY)
    if picking.wants_text:
        if len(body) > MAX_TEXT:
            raise InvalidInput(t.TEXT_TOO_LONG.format(length=len(body), limit=MAX_TEXT))
        await _resume(update, context, picking, body, body)
        return
    words = plain_text(body).split()
    matches = [
        i
        for i, option in enumerate(picking.options)
        if i in picking.chosen or _finds(words, option)
    ]
    if len(matches) == len(picking.chosen):
        await say(update, t.NOT_FOUND.format(text=body[:40]))
        return
    found = Picking(
        picking.command,
        picking.args,
        f"{picking.prompt}\n{t.FOUND.format(text=body[:40], count=len(matches))}",
        tuple(picking.options[i] for i in matches),
        labels=picking.labels,
        multi=picking.multi,
        chosen=tuple(n for n, i in enumerate(matches) if i in picking.chosen),
    )
    await _offer(update, context, found)


def _finds(words: list[str], option: Choice) -> bool:
    """Every typed word is in the option's code, label or full name (accents aside)."""
    text = plain_text(f"{option.value} {option.label} {option.search}")
    return all(word in text for word in words)


async def _resume(
    update: Update, context: BotContext, picking: Picking, value: str, label: str
) -> None:
    """Run the command again with one more argument; on a refusal the picker stays open."""
    command = _command(context, picking.command)
    finished = dataclasses.replace(
        picking,
        args=(*picking.args, value),
        labels=(*picking.labels, label),
        options=(),
        chosen=(),
        finished=True,
    )
    context.state.picker = finished
    context.args = list(finished.args)
    try:
        await command(update, context)
    except BaseException:
        if context.state.picker is finished:
            context.state.picker = picking
        raise
    query = update.callback_query
    if context.state.picker is finished:
        context.state.picker = None
        if query is not None and query.message is not None:
            await query.edit_message_text(render.chosen_text(finished.labels))
    if query is not None:
        await query.answer()


def _command(context: BotContext, name: str) -> Command:
    for handlers in context.application.handlers.values():
        for handler in handlers:
            if isinstance(handler, CommandHandler) and name in handler.commands:
                return cast(Command, handler.callback)
    raise InvalidInput(t.STALE)


class PickerOpen(filters.MessageFilter):
    """Messages from a person whose picker waits for a typed argument or a search, and who is
    not answering anything else."""

    def __init__(self, user_data: Mapping[int, UserState]) -> None:
        super().__init__(name="PickerOpen")
        self._user_data = user_data

    def filter(self, message: Message) -> bool:
        """True when the sender has a picker open and nothing else waiting."""
        user = message.from_user
        state = self._user_data.get(user.id) if user is not None else None
        if state is None or state.picker is None or state.picker.finished:
            return False
        others = (state.waiting, state.editing, state.group_input, state.refusing)
        return all(other is None for other in others)

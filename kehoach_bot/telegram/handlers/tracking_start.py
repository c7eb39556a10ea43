"""/theodoitu MÃ_KẾ_HOẠCH NGÀY: an admin sets the day a plan is tracked from."""

from __future__ import annotations

from telegram import Update

from kehoach_bot.domain.vietnamese import BadDate, parse_date
from kehoach_bot.services import administration, choices
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.telegram import pickers
from kehoach_bot.telegram.answer import reply_pages
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.handlers.admin import user_id
from kehoach_bot.telegram.render.admin import tracked_from
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import errors_vi
from kehoach_bot.texts import pickers_vi as picker_texts


async def set_tracked_from(update: Update, context: BotContext) -> None:
    """/theodoitu MÃ_KẾ_HOẠCH dd/mm/yyyy: earlier periods become history, later ones are chased;
    without arguments the plan is picked from buttons and the date asked for."""
    args = context.args or []
    runtime = context.runtime
    if len(args) < 2:
        plans = await runtime.answer(choices.admin_plans, runtime, user_id=user_id(update))
    if not args:
        await pickers.ask(
            update,
            context,
            command="theodoitu",
            args=(),
            prompt=picker_texts.CHOOSE_TRACKED_PLAN,
            options=plans,
            empty=picker_texts.NO_PLANS,
        )
        return
    if len(args) == 1:
        if args[0] not in {p.value for p in plans}:
            raise NotFound(errors_vi.PLAN_NOT_FOUND.format(code=args[0][:64]))
        plan = pickers.chosen_label(context, args[0])
        prompt = picker_texts.ASK_TRACKED_FROM.format(plan=plan)
        await pickers.ask_text(update, context, command="theodoitu", args=args, prompt=prompt)
        return
    if len(args) != 2:
        await reply_pages(update, [t.TRACKED_FROM_USAGE])
        return
    try:
        day = parse_date(args[1])
    except BadDate as exc:
        raise InvalidInput(str(exc)) from exc  # in the guided flow, the date is asked again
    change = await runtime.answer(
        administration.set_tracked_from,
        runtime,
        user_id=user_id(update),
        plan_code=args[0],
        day=day,
    )
    await reply_pages(update, [tracked_from(change)])

"""An admin decides on flagged obligations: /duyet shows each decision waiting with its buttons,
one tap decides (checked again on the server), and the message is edited to show the decision."""

from __future__ import annotations

from telegram import Update

from kehoach_bot.services import administration
from kehoach_bot.services.review import Choice
from kehoach_bot.telegram.answer import say
from kehoach_bot.telegram.callbacks import Action, Callback
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.handlers.admin import user_id
from kehoach_bot.telegram.render import review as render
from kehoach_bot.texts import review_vi as t

CHOICES = {
    Action.REVIEW_ALL: Choice.KEEP_ALL,
    Action.REVIEW_ONLY: Choice.ONLY,
    Action.REVIEW_DROP: Choice.DROP,
}


async def review(update: Update, context: BotContext) -> None:
    """/duyet [PLAN]: each decision waiting, with its one-tap buttons; undated ones to date."""
    args = context.args or []
    if len(args) > 1:
        await say(update, t.USAGE)
        return
    plan_code = args[0] if args else None
    runtime = context.runtime
    found = await runtime.answer(
        administration.review_list, runtime, user_id=user_id(update), plan_code=plan_code
    )
    messages = render.decisions(found)
    if not messages:
        await say(update, t.NOTHING_IN_PLAN.format(plan=plan_code) if plan_code else t.NOTHING)
        return
    for text, keyboard in messages:
        await say(update, text, keyboard)


async def decide(update: Update, context: BotContext, parsed: Callback) -> None:
    """A tap under /duyet: the service checks admin and flag; the message then shows the result."""
    query = update.callback_query
    assert query is not None
    runtime = context.runtime
    done = await runtime.answer(
        administration.decide_review,
        runtime,
        user_id=user_id(update),
        obligation_id=parsed.target,
        choice=CHOICES[parsed.action],
    )
    await query.answer()
    await query.edit_message_text(render.outcome(done))

"""Coordinators decide extension requests: approve at once, or refuse with a reason asked for;
the request's card then shows the decision in place, and a second tap says it was decided."""

from __future__ import annotations

from telegram import Update

from kehoach_bot.services import coordination
from kehoach_bot.services.extension_decisions import Decision
from kehoach_bot.telegram.answer import edit_message, edit_or_say, say
from kehoach_bot.telegram.callbacks import Action, Callback
from kehoach_bot.telegram.context import BotContext, Refusing
from kehoach_bot.telegram.render import coordinator as render


def _decider_fallback(update: Update) -> str:
    """Telegram's name of the person deciding, for an admin the bot knows no name of."""
    user = update.effective_user
    return user.full_name if user is not None else ""


async def decide(update: Update, context: BotContext, parsed: Callback) -> None:
    """«Đồng ý» decides at once; «Không đồng ý» asks for the reason first."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and user is not None
    runtime = context.runtime
    if parsed.action is Action.REFUSE:
        found = await runtime.answer(
            coordination.extension_request, runtime, user_id=user.id, extension_id=parsed.target
        )
        if found.already:
            await _show_decided(update, context, found)
            return
        message = query.message
        if message is not None:
            context.state.refusing = Refusing(parsed.target, message.chat.id, message.message_id)
        await query.answer()
        await say(update, *render.ask_refusal_reason(found))
        return
    decision = await runtime.answer(
        coordination.decide_extension,
        runtime,
        user_id=user.id,
        extension_id=parsed.target,
        approve=True,
    )
    await _show_decided(update, context, decision)


async def refuse_without_reason(update: Update, context: BotContext, parsed: Callback) -> None:
    """«Từ chối không nêu lý do» under the question."""
    await _refuse(update, context, parsed.target, "")


async def reason_text(update: Update, context: BotContext) -> None:
    """The coordinator's one line: the reason of the refusal we asked about."""
    refusing = context.state.refusing
    message = update.effective_message
    if refusing is None or message is None or message.text is None:
        return
    await _refuse(update, context, refusing.extension_id, message.text)


async def _refuse(update: Update, context: BotContext, extension_id: int, reason: str) -> None:
    user = update.effective_user
    assert user is not None
    runtime = context.runtime
    decision = await runtime.answer(
        coordination.decide_extension,
        runtime,
        user_id=user.id,
        extension_id=extension_id,
        approve=False,
        reason=reason,
    )
    refusing = context.state.refusing
    context.state.refusing = None
    if refusing is not None and refusing.extension_id == extension_id:
        await edit_message(
            context.bot,
            refusing.chat_id,
            refusing.message_id,
            render.decided_card(decision, _decider_fallback(update)),
        )
    await _show_decided(update, context, decision, card=False)


async def _show_decided(
    update: Update, context: BotContext, decision: Decision, *, card: bool = True
) -> None:
    """Edit the tapped card to its decision (or answer under it), and say what happened."""
    query = update.callback_query
    fallback = _decider_fallback(update)
    if decision.already:
        text = render.already_decided(decision, context.runtime.settings.tz, fallback)
        if query is not None:
            await query.answer(text, show_alert=True)
            if card:
                await edit_or_say(update, render.decided_card(decision, fallback))
        else:
            await say(update, text)
        return
    context.wake_dispatcher()
    if query is not None:
        await query.answer()
        if card:
            await edit_or_say(update, render.decided_card(decision, fallback))
            return
        # The tap came from the question: it becomes the confirmation.
        await edit_or_say(update, render.decision_done(decision))
        return
    await say(update, render.decision_done(decision))

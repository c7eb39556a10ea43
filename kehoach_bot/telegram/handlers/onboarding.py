"""/start with an invite code, /help per role, /toi."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from kehoach_bot.domain.roles import ROLE_TEXT
from kehoach_bot.services import answers, onboarding
from kehoach_bot.telegram.answer import say
from kehoach_bot.telegram.commands import register_commands_for
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.render import people
from kehoach_bot.texts import bot_vi as t


async def start(update: Update, context: BotContext) -> None:
    """Bind the user with a one-time invite code, or greet a known user."""
    user, message, chat = update.effective_user, update.effective_message, update.effective_chat
    if user is None or message is None or chat is None:
        return
    runtime = context.runtime
    code = context.args[0] if context.args else ""
    if not code:
        identity = await runtime.answer(answers.who, runtime, user.id)
        if identity.known:
            roles = ", ".join(ROLE_TEXT[r] for r in sorted(identity.roles))
            await say(update, t.START_KNOWN.format(name=user.full_name, roles=roles))
        else:
            await say(update, t.START_UNKNOWN)
        return
    if chat.type != ChatType.PRIVATE:
        # Reminders go to the chat the invite was opened in: a group would get them all.
        await say(update, t.INVITE_PRIVATE_ONLY)
        return
    joined = await runtime.answer(
        onboarding.join,
        runtime,
        code=code,
        user_id=user.id,
        chat_id=chat.id,
        full_name=user.full_name,
    )
    await say(
        update, people.welcome(user.full_name, joined.role, joined.unit_name, joined.upcoming)
    )
    await register_commands_for(context.bot, chat.id, joined.roles)


async def help_command(update: Update, context: BotContext) -> None:
    """Explain, per role, what the person can do."""
    if update.effective_user and update.effective_message:
        runtime = context.runtime
        identity = await runtime.answer(answers.who, runtime, update.effective_user.id)
        await say(update, people.help_text(identity))


async def whoami(update: Update, context: BotContext) -> None:
    """Show who the person is in the system."""
    user, message = update.effective_user, update.effective_message
    if user and message:
        runtime = context.runtime
        identity = await runtime.answer(answers.who, runtime, user.id)
        await say(update, people.whoami(identity, user.full_name))

"""/start with an invite code, /help per role, /toi."""

from __future__ import annotations

from telegram import Update

from kehoach_bot.domain.roles import ROLE_TEXT
from kehoach_bot.services import people, tracking
from kehoach_bot.services.errors import ServiceError
from kehoach_bot.telegram import render
from kehoach_bot.telegram.commands import register_commands_for
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.texts import bot_vi as t


async def start(update: Update, context: BotContext) -> None:
    """Bind the user with a one-time invite code, or greet a known user."""
    user, message, chat = update.effective_user, update.effective_message, update.effective_chat
    if user is None or message is None or chat is None:
        return
    services = context.services
    code = context.args[0] if context.args else ""
    if not code:
        identity = services.identify(user.id)
        if identity.known:
            roles = ", ".join(ROLE_TEXT[r] for r in sorted(identity.roles))
            await message.reply_text(t.START_KNOWN.format(name=user.full_name, roles=roles))
        else:
            await message.reply_text(t.START_UNKNOWN)
        return
    try:
        with services.session() as session:
            bound = people.accept_invite(
                session,
                code=code,
                telegram_user_id=user.id,
                chat_id=chat.id,
                full_name=user.full_name,
                now=services.now(),
            )
            identity = people.identify(session, user.id, services.settings.telegram.admins)
            upcoming = next(
                (
                    v
                    for v in tracking.owed(session, identity, services.today())
                    if v.unit_id == bound.unit_id
                ),
                None,
            )
    except ServiceError as exc:
        await message.reply_text(str(exc))
        return
    await message.reply_text(render.welcome(user.full_name, bound.role, bound.unit_name, upcoming))
    await register_commands_for(context.bot, chat.id, identity.roles)


async def help_command(update: Update, context: BotContext) -> None:
    """Explain, per role, what the person can do."""
    if update.effective_user and update.effective_message:
        identity = context.services.identify(update.effective_user.id)
        await update.effective_message.reply_text(render.help_text(identity))


async def whoami(update: Update, context: BotContext) -> None:
    """Show who the person is in the system."""
    user, message = update.effective_user, update.effective_message
    if user and message:
        identity = context.services.identify(user.id)
        await message.reply_text(render.whoami(identity, user.full_name))

"""Command lists shown by Telegram, per role (setMyCommands with scopes), in Vietnamese."""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError

from kehoach_bot.domain.roles import Role
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import groups_vi, pickers_vi, review_vi

log = logging.getLogger(__name__)


def commands_for(roles: set[Role]) -> list[BotCommand]:
    """Everyone's commands plus those of the person's roles."""
    pairs = list(t.COMMANDS[None])
    for role in (Role.COORDINATOR, Role.ADMIN):
        if role in roles or (role is Role.COORDINATOR and Role.ADMIN in roles):
            pairs += t.COMMANDS[role]
    if Role.COORDINATOR in roles or Role.ADMIN in roles:
        pairs.append(pickers_vi.COMMAND_UNITS)
    if Role.ADMIN in roles:
        pairs.append(groups_vi.COMMAND)
        pairs.append(review_vi.COMMAND)
    return [BotCommand(name, description) for name, description in pairs]


async def register_default_commands(bot: Bot) -> None:
    """The command list every user sees."""
    await bot.set_my_commands(commands_for(set()), scope=BotCommandScopeDefault())


async def register_commands_for(bot: Bot, chat_id: int, roles: set[Role]) -> None:
    """The command list of one person's chat, by role; a failure only costs the menu."""
    try:
        await bot.set_my_commands(commands_for(roles), scope=BotCommandScopeChat(chat_id))
    except TelegramError as exc:
        log.warning("setMyCommands for chat %s failed: %s", chat_id, exc)

"""Admins: invites, plans, revocation, the audit log."""

from __future__ import annotations

from telegram import Update

from kehoach_bot.domain.roles import ROLE_TEXT, parse_role
from kehoach_bot.services import administration, choices
from kehoach_bot.services.choices import Choice
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.telegram import pickers
from kehoach_bot.telegram.answer import reply_pages
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.render import admin as render
from kehoach_bot.telegram.render import people
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import errors_vi
from kehoach_bot.texts import pickers_vi as picker_texts

DEFAULT_INVITE_HOURS = 72
MAX_ID_DIGITS = 15  # a Telegram id; longer numbers are refused before reaching the database


def user_id(update: Update) -> int:
    """The sender's Telegram id."""
    assert update.effective_user is not None
    return update.effective_user.id


async def invite(update: Update, context: BotContext) -> None:
    """/moi UNIT ROLE [HOURS]: a one-time deep link; the unit and the role (in Vietnamese) are
    picked from buttons when not typed."""
    args = context.args or []
    runtime = context.runtime
    if len(args) < 2:
        units = await runtime.answer(
            choices.admin_units, runtime, user_id=user_id(update), which="people"
        )
        if not args:
            await pickers.ask(
                update,
                context,
                command="moi",
                args=(),
                prompt=picker_texts.CHOOSE_INVITE_UNIT,
                options=units,
                empty=picker_texts.NO_UNITS,
            )
            return
        if args[0] not in {u.value for u in units}:
            raise NotFound(errors_vi.UNIT_NOT_FOUND.format(code=args[0][:64]))
        unit = pickers.chosen_label(context, args[0])
        await pickers.ask(
            update,
            context,
            command="moi",
            args=args,
            prompt=picker_texts.CHOOSE_ROLE.format(unit=unit),
            options=[Choice(role.value, text.capitalize()) for role, text in ROLE_TEXT.items()],
            empty=picker_texts.NO_UNITS,
        )
        return
    words, hours = args[1:], DEFAULT_INVITE_HOURS
    if len(words) > 1 and words[-1].isdecimal():
        words, hours = words[:-1], int(words[-1])
    role = parse_role(" ".join(words))
    if role is None:
        raise InvalidInput(picker_texts.UNKNOWN_ROLE.format(role=" ".join(words)[:40]))
    issued = await runtime.answer(
        administration.invite,
        runtime,
        user_id=user_id(update),
        unit_code=args[0],
        role=role,
        hours=hours,
    )
    await reply_pages(update, [people.invite(issued, context.bot.username, runtime.settings.tz)])


async def plans(update: Update, context: BotContext) -> None:
    """/kehoach: the plans."""
    runtime = context.runtime
    found, unfilled = await runtime.answer(
        administration.plans_overview, runtime, user_id=user_id(update)
    )
    await reply_pages(update, render.plans(found, unfilled))


async def revoke(update: Update, context: BotContext) -> None:
    """/thuhoi [TELEGRAM_ID]: end every membership of a person, picked by name and unit."""
    args = context.args or []
    runtime = context.runtime
    if not args:
        found = await runtime.answer(choices.members, runtime, user_id=user_id(update))
        await pickers.ask(
            update,
            context,
            command="thuhoi",
            args=(),
            prompt=picker_texts.CHOOSE_PERSON,
            options=found,
            empty=picker_texts.NO_PEOPLE,
        )
        return
    if len(args) != 1 or not args[0].isdecimal() or len(args[0]) > MAX_ID_DIGITS:
        await reply_pages(update, [t.REVOKE_USAGE])
        return
    revoked = await runtime.answer(
        administration.revoke, runtime, user_id=user_id(update), telegram_user_id=int(args[0])
    )
    person = pickers.chosen_label(context, args[0])
    if person == args[0]:  # typed, not picked: name the person, never by the id
        person = revoked.full_name or picker_texts.NO_NAME
    await reply_pages(update, [picker_texts.REVOKED.format(count=revoked.count, person=person)])


async def audit_log(update: Update, context: BotContext) -> None:
    """/nhatky: the latest changes."""
    runtime = context.runtime
    entries = await runtime.answer(administration.audit_log, runtime, user_id=user_id(update))
    await reply_pages(update, render.audit_log(entries, runtime.settings.tz))

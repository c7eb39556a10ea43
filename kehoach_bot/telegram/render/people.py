"""Greetings, help, who-am-I and invite links."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from kehoach_bot.domain.roles import ROLE_TEXT, Role
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.services.people import Identity, IssuedInvite
from kehoach_bot.services.tracking import OccurrenceView
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import groups_vi, pickers_vi, review_vi


def welcome(name: str, role: Role, unit_name: str, upcoming: OccurrenceView | None) -> str:
    """The greeting after /start with a valid invite."""
    following = (
        t.WELCOME_NEXT.format(
            title=upcoming.title, period=upcoming.period, last_day=format_date(upcoming.deadline)
        )
        if upcoming
        else t.WELCOME_NOTHING
    )
    return t.WELCOME.format(
        name=name or "bạn", role=ROLE_TEXT[role], unit=unit_name, next=following
    )


def help_text(identity: Identity) -> str:
    """What this person can do, by role."""
    if not identity.known:
        return t.HELP_UNKNOWN
    lines = [t.HELP_TITLE, t.HELP_ALWAYS]
    for role in (Role.OFFICER, Role.COORDINATOR, Role.ADMIN):
        if role in identity.roles:
            lines += list(t.HELP[role])
    if Role.COORDINATOR in identity.roles or Role.ADMIN in identity.roles:
        lines.append(pickers_vi.HELP)
    if Role.ADMIN in identity.roles:
        lines.append(groups_vi.HELP)
        lines.append(review_vi.HELP_LINE)
    return "\n".join(lines)


def whoami(identity: Identity, display_name: str) -> str:
    """Who the person is: name, Telegram id, units and roles."""
    if not identity.known:
        return t.NOT_KNOWN
    lines = [
        t.WHOAMI_LINE.format(role=ROLE_TEXT[m.role], unit=m.unit, unit_name=m.unit_name)
        for m in identity.memberships
    ]
    if identity.is_admin and not any(m.role is Role.ADMIN for m in identity.memberships):
        lines.append(t.WHOAMI_ADMIN)
    return t.WHOAMI.format(
        name=identity.full_name or display_name,
        id=identity.telegram_user_id,
        lines="\n".join(lines),
    )


def invite(issued: IssuedInvite, bot_username: str, tz: ZoneInfo) -> str:
    """The deep link an admin forwards to the new member."""
    expires = issued.expires_at.astimezone(tz)
    return t.INVITE_DONE.format(
        role=ROLE_TEXT[issued.role],
        unit=issued.unit,
        unit_name=issued.unit_name,
        expires=f"{expires:%H:%M} {format_date(expires.date())}",
        link=f"https://t.me/{bot_username}?start={issued.code}",
    )

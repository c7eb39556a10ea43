"""The answer to /bang: the personal sign-in link to the board."""

from __future__ import annotations

from kehoach_bot.services.board_access import IssuedLink
from kehoach_bot.texts import board_vi as t


def sign_in_link(issued: IssuedLink) -> str:
    """The link, when it expires, and a warning not to pass it on."""
    return t.LINK.format(url=issued.url, expires=issued.expires_text)

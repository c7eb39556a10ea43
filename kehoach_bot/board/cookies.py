"""The session cookie: `v1.<telegram id>.<issued unix time>.<session key>.<HMAC-SHA256>`."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta

from kehoach_bot.services.board_access import SessionRef

COOKIE_NAME = "kehoach_bang"
VERSION = "v1"


def server_secret(bot_token: str) -> bytes:
    """The key that signs cookies, derived from the bot token (a new token ends every session)."""
    return hmac.new(b"kehoach-board-session", bot_token.encode("utf-8"), hashlib.sha256).digest()


def _mac(secret: bytes, payload: str) -> str:
    raw = hmac.new(secret, payload.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def sign(secret: bytes, telegram_user_id: int, issued_at: datetime, key: str) -> str:
    """The cookie value naming a session."""
    payload = f"{VERSION}.{telegram_user_id}.{int(issued_at.timestamp())}.{key}"
    return f"{payload}.{_mac(secret, payload)}"


def verify(secret: bytes, value: str, *, now: datetime, max_age: timedelta) -> SessionRef | None:
    """The session a cookie names, when its signature holds and it is not older than `max_age`."""
    if len(value) > 400:
        return None
    payload, _, mac = value.rpartition(".")
    parts = payload.split(".")
    if len(parts) != 4 or parts[0] != VERSION:
        return None
    try:
        expected = _mac(secret, payload)
    except UnicodeEncodeError:
        return None
    if not hmac.compare_digest(expected, mac):
        return None
    _, user, issued, key = parts
    if not (user.isdigit() and issued.isdigit() and key):
        return None
    issued_at = datetime.fromtimestamp(int(issued), UTC)
    if not issued_at - timedelta(minutes=5) <= now < issued_at + max_age:
        return None
    return SessionRef(int(user), key)

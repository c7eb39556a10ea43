"""Telegram Mini App `initData`, checked as Telegram documents it (core.telegram.org/bots/webapps):
the secret key is HMAC-SHA256("WebAppData", bot token), the data-check string is every field but
`hash`, sorted, as "key=value" lines."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl

FRESHNESS = timedelta(days=1)
MAX_LENGTH = 4096


def verified_user_id(
    init_data: str, bot_token: str, *, now: datetime, freshness: timedelta = FRESHNESS
) -> int | None:
    """The Telegram user id the initData vouches for; None when forged, stale or malformed."""
    if not init_data or len(init_data) > MAX_LENGTH:
        return None
    try:
        fields = dict(parse_qsl(init_data, keep_blank_values=True, strict_parsing=True))
    except ValueError:
        return None
    received = fields.pop("hash", "")
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", bot_token.encode("utf-8"), hashlib.sha256).digest()
    expected = hmac.new(secret, check.encode("utf-8"), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, received):
        return None
    auth_date = fields.get("auth_date", "")
    if not auth_date.isdigit():
        return None
    signed_at = datetime.fromtimestamp(int(auth_date), UTC)
    if not now - freshness <= signed_at <= now + timedelta(minutes=5):
        return None
    try:
        user = json.loads(fields.get("user", ""))
    except ValueError:
        return None
    user_id = user.get("id") if isinstance(user, dict) else None
    return user_id if isinstance(user_id, int) and user_id > 0 else None

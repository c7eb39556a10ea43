"""Telegram's initData check, the signed cookie and the [board] settings, without a database."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest

from kehoach_bot.board.cookies import server_secret, sign, verify
from kehoach_bot.board.init_data import verified_user_id
from kehoach_bot.config import ConfigError, load_settings

TOKEN = "123456:SIGNING-TEST"
NOW = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)


def signed(fields: dict[str, str], token: str = TOKEN) -> str:
    """initData as Telegram signs it: HMAC-SHA256 keyed by HMAC-SHA256("WebAppData", token)."""
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    return urlencode(
        {**fields, "hash": hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()}
    )


FIELDS = {
    "auth_date": str(int(NOW.timestamp()) - 60),
    "query_id": "AAHdF6IQAAAAAN0XohDhrOrc",
    "user": json.dumps({"id": 279058397, "first_name": "Lan", "language_code": "vi"}),
}


def test_init_data_signed_with_the_bot_token_names_its_user() -> None:
    assert verified_user_id(signed(FIELDS), TOKEN, now=NOW) == 279058397


@pytest.mark.parametrize(
    "init_data",
    [
        signed(FIELDS, token="654321:ANOTHER-BOT"),  # another bot's token
        signed(FIELDS).replace("Lan", "Lam"),  # a field changed after signing
        signed({**FIELDS, "auth_date": str(int(NOW.timestamp()) - 2 * 24 * 3600)}),  # stale
        signed({k: v for k, v in FIELDS.items() if k != "user"}),  # no user
        urlencode(FIELDS),  # no hash
        "",
        "a" * 5000,
    ],
    ids=["other-bot", "tampered", "stale", "no-user", "no-hash", "empty", "huge"],
)
def test_bad_init_data_is_refused(init_data: str) -> None:
    assert verified_user_id(init_data, TOKEN, now=NOW) is None


def test_a_cookie_holds_only_while_signed_and_young() -> None:
    secret = server_secret(TOKEN)
    value = sign(secret, 42, NOW, "k3y")
    hours = timedelta(hours=12)
    found = verify(secret, value, now=NOW + timedelta(hours=1), max_age=hours)
    assert found is not None and (found.telegram_user_id, found.key) == (42, "k3y")
    assert verify(secret, value, now=NOW + hours, max_age=hours) is None
    assert verify(server_secret("1:OTHER"), value, now=NOW, max_age=hours) is None
    assert verify(secret, value.replace("v1.42.", "v1.43."), now=NOW, max_age=hours) is None
    assert verify(secret, "v1.42.x.k3y.zz", now=NOW, max_age=hours) is None


def test_board_settings_are_validated_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[board]\nenabled = true\nport = 8090\npublic_url = "https://bang.example.gov.vn/"\n',
        encoding="utf-8",
    )
    board = load_settings(path, environ={}).board
    assert board.enabled and board.port == 8090 and board.secure
    assert board.base_url == "https://bang.example.gov.vn" and board.link_minutes == 10
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    assert load_settings(empty, environ={}).board.base_url == "http://127.0.0.1:8080"
    for bad, words in [
        ("port = 70000", "số cổng"),
        ('public_url = "bang.example.gov.vn"', "https://"),
        ("link_minutes = 0", "board.link_minutes"),
        ('enabled = "có"', "true hoặc false"),
    ]:
        path.write_text(f"[board]\n{bad}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=words):
            load_settings(path, environ={})

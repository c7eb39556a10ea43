"""The two ways to get a sign-in link: /bang in the bot (the real Application, offline) and
`python bot.py board-link` at the console."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import replace
from pathlib import Path

import aiohttp
import pytest
from sqlmodel import select

from kehoach_bot.config import BoardSettings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import BoardLink
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import board_access
from kehoach_bot.telegram.app import build_application
from tests.auxil.cli import run_cli
from tests.auxil.offline_bot import OfflineRequest, text_update
from tests.board.conftest import ADMIN, OFFICER, BoardEnv
from tests.conftest import NOW

LINK = re.compile(r"http://127\.0\.0\.1:0/vao/([A-Za-z0-9_-]{43})")


async def ask(runtime: Runtime, user_id: int) -> list[str]:
    """Send /bang through the real application; the texts it answered."""
    request = OfflineRequest(NOW)
    app = build_application(runtime, request)
    async with app:
        await app.process_update(text_update(app.bot, user_id, "/bang", now=NOW))
    sent = request.sent("sendMessage")
    for call in sent:
        if LINK.search(call.text):  # a preview would be fetched, and would spend the link
            options = call.params["link_preview_options"]
            options = json.loads(options) if isinstance(options, str) else options
            assert options == {"is_disabled": True}
    return [call.text for call in sent]


async def test_bang_answers_a_personal_link_that_signs_in(env: BoardEnv) -> None:
    [text] = await ask(env.runtime, OFFICER)
    match = LINK.search(text)
    assert match and "dùng một lần" in text and "10:10 24/11/2026" in text
    opened = board_access.sign_in_with_link(env.runtime, token=match.group(1))
    assert opened.telegram_user_id == OFFICER


async def test_bang_is_refused_beyond_the_rate_limit_and_when_off(env: BoardEnv) -> None:
    for _ in range(board_access.LINKS_PER_HOUR):
        await ask(env.runtime, OFFICER)
    [refused] = await ask(env.runtime, OFFICER)
    assert "trong một giờ qua" in refused and not LINK.search(refused)
    off = Runtime(replace(env.runtime.settings, board=BoardSettings()), env.engine, env.clock)
    [said] = await ask(off, OFFICER)
    assert "chưa được bật" in said
    [stranger] = await ask(env.runtime, 4242)
    assert "chưa được mời" in stranger
    with session_scope(env.engine) as session:
        assert len(session.exec(select(BoardLink)).all()) == board_access.LINKS_PER_HOUR
    off.answers.shutdown()
    off.background.shutdown()


def test_board_link_prints_a_link_at_the_console(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[telegram]\nadmins = [{ADMIN}]\n[board]\nenabled = true\npublic_url = "https://bang.example.gov.vn"\n',
        encoding="utf-8",
    )
    args = ["--config", str(config), "board-link", "--telegram-id", str(ADMIN)]
    done = run_cli(args, url=db_url, now=NOW, monkeypatch=monkeypatch)
    assert done.code == 0, done.err
    assert re.search(r"https://bang\.example\.gov\.vn/vao/[A-Za-z0-9_-]{43}\n", done.out)
    unknown = run_cli([*args[:-1], "4242"], url=db_url, now=NOW, monkeypatch=monkeypatch)
    assert unknown.code == 1 and "chưa được mời" in unknown.err
    bad = run_cli([*args[:-1], "abc"], url=db_url, now=NOW, monkeypatch=monkeypatch)
    assert bad.code == 2


async def test_the_server_lives_with_the_application_and_logs_no_token(
    env: BoardEnv, caplog: pytest.LogCaptureFixture
) -> None:
    app = build_application(env.runtime, OfflineRequest(NOW))
    async with app:
        assert app.post_init is not None and app.post_shutdown is not None
        await app.post_init(app)
        server = app.bot_data["board_server"]
        address = f"http://127.0.0.1:{server.port}"
        token = LINK.search(
            board_access.issue_link(env.runtime, telegram_user_id=OFFICER, actor="t").url
        )
        assert token is not None
        caplog.set_level(logging.DEBUG)
        jar = aiohttp.CookieJar(unsafe=True)  # the cookie of a bare IP address is kept
        async with (
            aiohttp.ClientSession(cookie_jar=jar) as http,
            http.get(f"{address}/vao/{token.group(1)}") as page,
        ):
            assert page.status == 200 and str(page.url) == f"{address}/"
        await app.post_shutdown(app)
        assert "board_server" not in app.bot_data
        with pytest.raises(aiohttp.ClientConnectionError):
            async with aiohttp.ClientSession() as http, http.get(address):
                pass
    assert "board GET /vao… 303" in caplog.text and token.group(1) not in caplog.text

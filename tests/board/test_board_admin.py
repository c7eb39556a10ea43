"""The admin's flags page (services and HTTP), the Mini App entry (/mini and its script, the
"📊 Bảng theo dõi" button of /bang)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from sqlmodel import select

from kehoach_bot.config import BoardSettings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Unit
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import board_access, board_admin, decisions, group_status, review
from kehoach_bot.services.board_access import SessionRef
from kehoach_bot.services.errors import Forbidden
from kehoach_bot.telegram.app import build_application
from kehoach_bot.texts import board_admin_vi as t
from tests.auxil.offline_bot import OfflineRequest, text_update
from tests.board.conftest import ADMIN, COORDINATOR, OFFICER, BoardEnv
from tests.board.test_board_http import init_data, sign_in
from tests.conftest import NOW

Client = TestClient[web.Request, web.Application]


def ref_of(env: BoardEnv, user_id: int) -> SessionRef:
    """A live session of the person, opened as a sign-in opens it."""
    opened = board_access.sign_in_from_telegram(env.runtime, telegram_user_id=user_id)
    return SessionRef(opened.telegram_user_id, opened.key)


def end_without_successor(env: BoardEnv, unit: str) -> str:
    """Mark a unit ended (no successor recorded); its name."""
    with session_scope(env.engine) as session:
        found = session.exec(select(Unit).where(Unit.code == unit)).one()
        found.ended_on = date(2025, 7, 1)
        found.active = False
        return found.name


def test_the_flags_are_what_the_bot_s_own_checks_find(env: BoardEnv) -> None:
    name = end_without_successor(env, "GL-SYT")
    flags = board_admin.admin_flags(env.runtime, ref=ref_of(env, ADMIN))
    with session_scope(env.engine) as session:
        unfilled = group_status.unfilled_groups(session)
        waiting = review.flagged(session)
        ended = decisions.ended_offices(session)
        flagged_ids = set(
            session.exec(select(Obligation.id).where(Obligation.needs_review == True)).all()  # noqa: E712
        )
    assert flags.unfilled == tuple(unfilled)
    assert {f.id for f in flags.to_review + flags.undated} == flagged_ids
    assert len(flagged_ids) >= 2  # Gia Lai's two dates for one flow
    assert len(flags.to_review) == sum(len(g.items) for g in waiting.groups)
    assert flags.ended == tuple(ended) and ended
    assert name in {o.unit_name for o in flags.ended}  # besides the seeds' district offices
    assert flags.unfilled  # the seeds' groups "UBND các xã…" stand unfilled
    assert not flags.empty


def test_only_an_admin_sees_the_flags(env: BoardEnv) -> None:
    for user in (COORDINATOR, OFFICER):
        with pytest.raises(Forbidden):
            board_admin.admin_flags(env.runtime, ref=ref_of(env, user))


async def test_the_flags_page_over_http(client: Client, env: BoardEnv) -> None:
    assert (await client.get("/quan-tri")).status == 403  # signed out
    await sign_in(client, env, COORDINATOR)
    refused = await client.get("/quan-tri")
    assert refused.status == 403 and t.ADMIN_ONLY in await refused.text()
    home = await (await client.get("/")).text()
    assert 'href="/quan-tri"' not in home and 'href="/ke-hoach/gia-lai-743/tai-ve"' in home
    name = end_without_successor(env, "GL-SYT")
    await sign_in(client, env, ADMIN)
    assert 'href="/quan-tri"' in await (await client.get("/")).text()
    page = await client.get("/quan-tri")
    text = await page.text()
    assert page.status == 200 and page.headers["Cache-Control"] == "no-store"
    assert "/duyet" in text and "/sapnhap" in text and name in text
    with session_scope(env.engine) as session:
        flagged = session.exec(
            select(Obligation.title).where(Obligation.needs_review == True)  # noqa: E712
        ).all()
    for title in flagged:
        assert title in text
    assert "<form" not in text  # read-only: decisions are taken in the bot


async def test_the_mini_app_page_signs_in_with_telegram_s_launch_data(
    client: Client, env: BoardEnv
) -> None:
    page = await client.get("/mini")
    text = await page.text()
    assert page.status == 200 and '<script src="/static/mini.js"></script>' in text
    csp = page.headers["Content-Security-Policy"]
    assert csp.startswith("default-src 'self'") and "unsafe-inline" not in csp
    assert "<script>" not in text  # no inline script: the CSP would refuse it
    script = await client.get("/static/mini.js")
    code = await script.text()
    assert script.status == 200 and "javascript" in script.headers["Content-Type"]
    assert "tgWebAppData" in code and '"/vao/telegram"' in code and '"init_data"' in code
    assert "http" not in code.replace("https://", "")  # nothing loaded from elsewhere
    # What the script posts: the fragment's tgWebAppData value, as Telegram signed it.
    fields = {
        "auth_date": str(int(env.clock().timestamp())),
        "user": json.dumps({"id": ADMIN, "first_name": "Quản trị"}),
    }
    signed = await client.post(
        "/vao/telegram", data={"init_data": init_data(fields)}, allow_redirects=False
    )
    assert signed.status == 303 and signed.headers["Location"] == "/"
    assert (await client.get("/quan-tri")).status == 200


async def _bang(runtime: Runtime) -> list[object]:
    """/bang through the real application: each answer's reply markup (None: no buttons)."""
    request = OfflineRequest(NOW)
    app = build_application(runtime, request)
    async with app:
        await app.process_update(text_update(app.bot, OFFICER, "/bang", now=NOW))
    found: list[object] = []
    for call in request.sent("sendMessage"):
        markup = call.params.get("reply_markup")
        found.append(json.loads(markup) if isinstance(markup, str) else markup)
    return found


async def test_bang_offers_the_mini_app_button_only_over_https(env: BoardEnv) -> None:
    assert await _bang(env.runtime) == [None]  # http: Telegram opens Mini Apps over https only
    https = Runtime(
        replace(
            env.runtime.settings,
            board=BoardSettings(enabled=True, public_url="https://bang.example.gov.vn/"),
        ),
        env.engine,
        env.clock,
    )
    try:
        [markup] = await _bang(https)
    finally:
        https.answers.shutdown()
        https.background.shutdown()
    assert markup == {
        "inline_keyboard": [
            [{"text": t.MINI_BUTTON, "web_app": {"url": "https://bang.example.gov.vn/mini"}}]
        ]
    }

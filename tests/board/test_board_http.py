"""The board over HTTP (aiohttp's test client on the real app): sign-in, refusals, headers."""

from __future__ import annotations

import hashlib
import hmac
import json
from urllib.parse import urlencode

from aiohttp import web
from aiohttp.test_utils import TestClient
from sqlmodel import select

from kehoach_bot.board.cookies import COOKIE_NAME
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import BoardSession
from kehoach_bot.services import board_access, people
from tests.board.conftest import (
    ADMIN,
    COORDINATOR,
    OFFICER,
    OTHER_PLAN,
    PLAN,
    TOKEN,
    BoardEnv,
)

Client = TestClient[web.Request, web.Application]


def link_path(env: BoardEnv, user_id: int) -> str:
    """A fresh one-time link's path, /vao/<token>."""
    url = board_access.issue_link(env.runtime, telegram_user_id=user_id, actor="test").url
    return url.removeprefix("http://127.0.0.1:0")


async def sign_in(client: Client, env: BoardEnv, user_id: int) -> None:
    """Open the link: the client keeps the session cookie."""
    response = await client.get(link_path(env, user_id), allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/"


def init_data(fields: dict[str, str], token: str = TOKEN) -> str:
    """initData signed as Telegram signs it (the secret from "WebAppData" and the bot token)."""
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    signed = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": signed})


async def test_a_one_time_link_signs_in_with_a_safe_cookie(client: Client, env: BoardEnv) -> None:
    response = await client.get(link_path(env, COORDINATOR), allow_redirects=False)
    assert response.status == 303
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"{COOKIE_NAME}=") and "HttpOnly" in cookie and "Path=/" in cookie
    assert "SameSite=Lax" in cookie and "Secure" not in cookie  # http in the test
    home = await client.get("/")
    text = await home.text()
    assert home.status == 200 and f'href="/ke-hoach/{PLAN}"' in text
    grid = await client.get(f"/ke-hoach/{PLAN}")
    assert grid.status == 200 and "Quá hạn chưa nộp" in await grid.text()


async def test_forged_replayed_and_expired_links_are_refused(client: Client, env: BoardEnv) -> None:
    path = link_path(env, OFFICER)
    assert (await client.get(path, allow_redirects=False)).status == 303
    client.session.cookie_jar.clear()
    replayed = await client.get(path, allow_redirects=False)
    assert replayed.status == 403 and "Set-Cookie" not in replayed.headers
    assert "/bang" in await replayed.text()
    forged = await client.get(path[:-2] + "xy", allow_redirects=False)
    assert forged.status == 403
    late = link_path(env, OFFICER)
    env.clock.advance(minutes=11)
    expired = await client.get(late, allow_redirects=False)
    assert expired.status == 403 and late.rsplit("/", 1)[1] not in await expired.text()
    assert (await client.get("/")).status == 403


async def test_mini_app_init_data_is_checked(client: Client, env: BoardEnv) -> None:
    now = int(env.clock().timestamp())
    fields = {"auth_date": str(now), "query_id": "AAH", "user": json.dumps({"id": COORDINATOR})}
    tampered = dict(fields, user=json.dumps({"id": ADMIN}))
    forged = init_data(fields).replace("AAH", "AAX")
    for bad in (forged, init_data(fields, token="1:OTHER"), init_data(tampered)[:-1] + "0"):
        refused = await client.post("/vao/telegram", data={"init_data": bad})
        assert refused.status == 403 and "Telegram" in await refused.text()
    stale = init_data(dict(fields, auth_date=str(now - 2 * 24 * 3600)))
    assert (await client.post("/vao/telegram", data={"init_data": stale})).status == 403
    assert (await client.get("/")).status == 403
    good = await client.post(
        "/vao/telegram", data={"init_data": init_data(fields)}, allow_redirects=False
    )
    assert good.status == 303 and "HttpOnly" in good.headers["Set-Cookie"]
    assert (await client.get("/")).status == 200
    with session_scope(env.engine) as session:
        assert session.exec(select(BoardSession.via)).all() == ["telegram"]


async def test_expired_or_tampered_cookie_and_revoked_person_are_refused(
    client: Client, env: BoardEnv
) -> None:
    await sign_in(client, env, COORDINATOR)
    assert (await client.get("/")).status == 200
    value = client.session.cookie_jar.filter_cookies(client.make_url("/"))[COOKIE_NAME].value
    _, issued, key, mac = value.split(".")[1:]
    other = f"v1.{ADMIN}.{issued}.{key}.{mac}"
    assert (await client.get("/", cookies={COOKIE_NAME: other})).status == 403
    env.clock.advance(hours=12, seconds=1)
    expired = await client.get("/")
    assert expired.status == 403 and "hết hạn" in await expired.text()
    env.clock.advance(hours=-12, seconds=-1)
    assert (await client.get("/")).status == 200
    with session_scope(env.engine) as session:
        people.revoke(session, telegram_user_id=COORDINATOR, actor="test", now=env.clock())
    assert (await client.get("/")).status == 403
    assert (await client.get(f"/ke-hoach/{PLAN}")).status == 403


async def test_another_plan_and_a_bad_filter_are_refused(client: Client, env: BoardEnv) -> None:
    await sign_in(client, env, COORDINATOR)
    other = await client.get(f"/ke-hoach/{OTHER_PLAN}")
    assert other.status == 403 and OTHER_PLAN in await other.text()
    assert (await client.get(f"/ke-hoach/{PLAN}?tinh-trang=boss")).status == 400
    assert (await client.get("/ke-hoach/khong-co")).status == 404
    await sign_in(client, env, ADMIN)
    assert (await client.get(f"/ke-hoach/{OTHER_PLAN}")).status == 200


async def test_every_response_carries_the_security_headers(client: Client, env: BoardEnv) -> None:
    await sign_in(client, env, COORDINATOR)
    responses = [
        await client.get("/"),
        await client.get("/khong-co"),
        await client.get("/static/board.css"),
        await client.get("/static/"),
        await client.get("/static/../services/board.py"),
        await client.post("/"),
        await client.put(f"/ke-hoach/{PLAN}"),
        await client.request("DELETE", "/don-vi"),
    ]
    assert [r.status for r in responses] == [200, 404, 200, 404, 404, 405, 405, 405]
    for response in responses:
        headers = response.headers
        assert headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert (
            "frame-ancestors 'self' https://web.telegram.org" in headers["Content-Security-Policy"]
        )
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
    assert responses[0].headers["Cache-Control"] == "no-store"
    assert "Bảng theo dõi chỉ để xem" in await responses[5].text()
    assert "color" not in (await responses[3].text()).lower()  # no listing of the folder


async def test_html_in_names_is_escaped(client: Client, env: BoardEnv) -> None:
    with session_scope(env.engine) as session:
        from kehoach_bot.db.models import Person

        person = session.exec(select(Person).where(Person.telegram_user_id == OFFICER)).one()
        person.full_name = "<script>alert(1)</script>"
    await sign_in(client, env, OFFICER)
    text = await (await client.get("/don-vi")).text()
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text

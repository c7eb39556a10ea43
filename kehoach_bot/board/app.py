"""The board's aiohttp application: routes, the session cookie, refusals and security headers.

Read-only: every page is a GET (the one POST opens a session from Telegram's signed initData).
Database work runs in the runtime's answers lane, never on the event loop.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

from aiohttp import web

from kehoach_bot.board import admin_routes, cookies, pages
from kehoach_bot.board.init_data import verified_user_id
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import board, board_access, board_grid
from kehoach_bot.services.board_access import OpenedSession, SessionRef, SignedOut
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound, ServiceError
from kehoach_bot.texts import board_vi as t

STATIC = Path(__file__).parent / "static"
RUNTIME = web.AppKey("runtime", Runtime)
SECRET = web.AppKey("secret", bytes)
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; frame-ancestors 'self' https://web.telegram.org; "
        "base-uri 'none'; form-action 'self'; object-src 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
STATUS_OF: dict[type[ServiceError], int] = {
    SignedOut: 403,
    Forbidden: 403,
    NotFound: 404,
    InvalidInput: 400,
}
log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def make_app(runtime: Runtime) -> web.Application:
    """The board's web application over the runtime (its settings hold the bot token)."""
    token = runtime.settings.telegram.token
    if not token:
        raise ValueError("a bot token is required")
    app = web.Application(middlewares=[_refusals], client_max_size=16 * 1024)
    app[RUNTIME] = runtime
    app[SECRET] = cookies.server_secret(token)
    app.on_response_prepare.append(_headers)
    app.router.add_get("/", _home, allow_head=False)
    app.router.add_get("/ke-hoach/{code}", _grid, allow_head=False)
    app.router.add_get(r"/ke-hoach/{code}/o/{occurrence:\d{1,9}}", _cell, allow_head=False)
    app.router.add_get(r"/tep/{reply:\d{1,9}}", _file, allow_head=False)
    app.router.add_get("/don-vi", _unit, allow_head=False)
    app.router.add_post("/vao/telegram", _from_telegram)
    app.router.add_get("/vao/{token}", _from_link, allow_head=False)
    admin_routes.add_routes(app, runtime, _session)  # /quan-tri, /mini, downloads
    app.router.add_static("/static/", STATIC, show_index=False, follow_symlinks=False)
    return app


async def _headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(HEADERS)
    if not request.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"


def _page(body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")


@web.middleware
async def _refusals(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every refusal as a Vietnamese page with its status; nothing of the address is logged."""
    try:
        return await handler(request)
    except ServiceError as exc:
        return _page(pages.refusal(str(exc)), STATUS_OF.get(type(exc), 400))
    except web.HTTPMethodNotAllowed:
        return _page(pages.refusal(t.METHOD_NOT_ALLOWED), 405)
    except (web.HTTPNotFound, web.HTTPForbidden):  # the static folder refuses its listing
        return _page(pages.refusal(t.NOT_FOUND_PAGE), 404)
    except web.HTTPException:
        raise
    except Exception:
        log.exception("board: unexpected error")
        return _page(pages.refusal(t.SERVER_ERROR), 500)


def _session(request: web.Request) -> SessionRef:
    runtime = request.app[RUNTIME]
    value = request.cookies.get(cookies.COOKIE_NAME, "")
    ref = cookies.verify(
        request.app[SECRET],
        value,
        now=runtime.now(),
        max_age=timedelta(hours=runtime.settings.board.session_hours),
    )
    if ref is None:
        raise SignedOut(t.SIGNED_OUT)
    return ref


async def _home(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    found = await runtime.answer(board.home, runtime, ref=_session(request))
    return _page(pages.home_page(found))


async def _grid(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    ref = _session(request)
    wanted = request.query.get("tinh-trang")
    mark = None if not wanted else pages.SLUGS.get(wanted, wanted)
    narrow = board_grid.GridFilter(
        request.query.get("tim", ""), request.query.get("ky", ""), request.query.get("loai", "")
    )
    grid = await runtime.answer(
        board_grid.plan_grid,
        runtime,
        ref=ref,
        plan_code=request.match_info["code"],
        mark=mark,
        narrow=narrow,
        page=board_grid.parse_page(request.query.get("trang", "")),
    )
    return _page(pages.grid_page(grid))


async def _unit(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    found = await runtime.answer(board.unit_page, runtime, ref=_session(request))
    return _page(pages.unit_page(found))


async def _from_link(request: web.Request) -> web.StreamResponse:
    runtime = request.app[RUNTIME]
    opened = await runtime.answer(
        board_access.sign_in_with_link, runtime, token=request.match_info["token"]
    )
    return _signed_in(request, opened)


async def _from_telegram(request: web.Request) -> web.StreamResponse:
    runtime = request.app[RUNTIME]
    form = await request.post()
    init_data = form.get("init_data")
    token = runtime.settings.telegram.token or ""
    user_id = (
        verified_user_id(init_data, token, now=runtime.now())
        if isinstance(init_data, str)
        else None
    )
    if user_id is None:
        raise SignedOut(t.INIT_DATA_REFUSED)
    opened = await runtime.answer(
        board_access.sign_in_from_telegram, runtime, telegram_user_id=user_id
    )
    return _signed_in(request, opened)


def _signed_in(request: web.Request, opened: OpenedSession) -> web.StreamResponse:
    settings = request.app[RUNTIME].settings.board
    response = web.Response(status=303, headers={"Location": "/"})
    response.set_cookie(
        cookies.COOKIE_NAME,
        cookies.sign(request.app[SECRET], opened.telegram_user_id, opened.issued_at, opened.key),
        max_age=settings.session_hours * 3600,
        path="/",
        httponly=True,
        samesite="Lax",
        secure=settings.secure,
    )
    return response


async def _cell(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    found = await runtime.answer(
        board.cell_detail,
        runtime,
        ref=_session(request),
        plan_code=request.match_info["code"],
        occurrence_id=int(request.match_info["occurrence"]),
    )
    return _page(pages.cell_page(found))


async def _file(request: web.Request) -> web.StreamResponse:
    """A submitted file as an attachment under its original name; the path comes from the
    database, never from the request."""
    runtime = request.app[RUNTIME]
    found = await runtime.answer(
        board.report_file, runtime, ref=_session(request), reply_id=int(request.match_info["reply"])
    )
    return web.FileResponse(
        found.path,
        headers={
            "Content-Type": "application/octet-stream",
            "Content-Disposition": attachment_header(found.file_name),
        },
    )


def attachment_header(name: str) -> str:
    """`attachment` with an ASCII fallback name and the real one as RFC 5987 `filename*`."""
    fallback = "".join(
        c if c.isascii() and c.isprintable() and c not in '"\\;' else "_" for c in name
    )
    return (
        f"attachment; filename=\"{fallback or 'bao-cao'}\"; filename*=UTF-8''{quote(name, safe='')}"
    )

"""The admin's flags page (`/quan-tri`) and the Mini App's entry page (`/mini`)."""

from __future__ import annotations

from aiohttp import web

from kehoach_bot.board import admin_pages, outputs
from kehoach_bot.board.outputs import SessionOf
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import board_admin


def _html(body: str) -> web.Response:
    return web.Response(text=body, content_type="text/html", charset="utf-8")


class AdminRoutes:
    """The pages over one runtime; `session_of` verifies the request's cookie."""

    def __init__(self, runtime: Runtime, session_of: SessionOf) -> None:
        self.runtime = runtime
        self.session_of = session_of

    async def flags(self, request: web.Request) -> web.Response:
        """`/quan-tri`: what waits for an admin's decision (403 for anyone else)."""
        found = await self.runtime.answer(
            board_admin.admin_flags, self.runtime, ref=self.session_of(request)
        )
        return _html(admin_pages.flags_page(found))

    async def mini(self, request: web.Request) -> web.Response:
        """`/mini`: the page Telegram opens; its script signs in with the launch data."""
        return _html(admin_pages.mini_page())


def add_routes(app: web.Application, runtime: Runtime, session_of: SessionOf) -> None:
    """Register `/quan-tri`, `/mini` and the downloads of `board/outputs.py`."""
    routes = AdminRoutes(runtime, session_of)
    app.router.add_get("/quan-tri", routes.flags, allow_head=False)
    app.router.add_get("/mini", routes.mini, allow_head=False)
    outputs.add_routes(app, runtime, session_of)

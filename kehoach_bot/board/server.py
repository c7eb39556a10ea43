"""The board's server on the bot's own event loop: started and stopped with the application."""

from __future__ import annotations

import logging

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.web_request import BaseRequest
from aiohttp.web_response import StreamResponse

from kehoach_bot.board.app import make_app
from kehoach_bot.runtime import Runtime

log = logging.getLogger(__name__)


class QuietAccessLogger(AbstractAccessLogger):
    """One line per request without the address past its first segment: a sign-in link's
    token must never reach the logs."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        """Method, the first path segment, status and time."""
        first = request.path.split("/")[1] if request.path.count("/") else ""
        self.logger.info(
            "board %s /%s… %s %.0f ms", request.method, first, response.status, time * 1000
        )


class BoardServer:
    """The aiohttp runner and site of the board."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    async def start(self, *, port: int | None = None) -> None:
        """Listen on the configured host and port (`port=0` in tests: any free port)."""
        board = self.runtime.settings.board
        runner = web.AppRunner(
            make_app(self.runtime), access_log_class=QuietAccessLogger, handle_signals=False
        )
        await runner.setup()
        site = web.TCPSite(runner, board.host, board.port if port is None else port)
        await site.start()
        self._runner = runner
        server = site._server
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else board.port
        log.info("board listening on %s:%s", board.host, self.port)

    async def stop(self) -> None:
        """Close the listening socket and the open connections."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

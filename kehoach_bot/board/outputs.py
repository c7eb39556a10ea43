"""A plan's outputs downloaded from the board: the same services and writers as the bot's /xuat,
/bieudo, /duthao and /tepnop, with the database work in the answers lane and the writing off the
event loop; every file is an attachment under a name safe in any browser."""

from __future__ import annotations

import asyncio
import os
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from aiohttp import web

from kehoach_bot.board import admin_pages
from kehoach_bot.exports.bundle_zip import ZipSummary, write_zip
from kehoach_bot.exports.chart import to_png
from kehoach_bot.exports.synthesis_docx import to_docx
from kehoach_bot.exports.xlsx import to_xlsx
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import board_admin
from kehoach_bot.services.board_access import SessionRef
from kehoach_bot.services.bundle import PlanFiles
from kehoach_bot.texts import board_admin_vi as t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PNG = "image/png"
ZIP = "application/zip"
SessionOf = Callable[[web.Request], SessionRef]


def disposition(name: str) -> str:
    """`attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987)."""
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    fallback = "".join(c for c in plain if c.isascii() and (c.isalnum() or c in "-_.")) or "tep"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def _file(content: bytes, content_type: str, name: str) -> web.Response:
    return web.Response(
        body=content,
        content_type=content_type,
        headers={"Content-Disposition": disposition(name)},
    )


class Outputs:
    """The download routes over one runtime; `session_of` verifies the request's cookie."""

    def __init__(self, runtime: Runtime, session_of: SessionOf) -> None:
        self.runtime = runtime
        self.session_of = session_of

    async def page(self, request: web.Request) -> web.Response:
        """`/ke-hoach/<code>/tai-ve`: the plan's downloads, period by period."""
        found = await self.runtime.answer(
            board_admin.downloads,
            self.runtime,
            ref=self.session_of(request),
            plan_code=request.match_info["code"],
        )
        return web.Response(
            text=admin_pages.downloads_page(found), content_type="text/html", charset="utf-8"
        )

    async def table(self, request: web.Request) -> web.Response:
        """`/ke-hoach/<code>/xuat.xlsx`: the whole plan's table, as /xuat sends it."""
        table = await self.runtime.answer(
            board_admin.plan_table,
            self.runtime,
            ref=self.session_of(request),
            plan_code=request.match_info["code"],
        )
        content = await asyncio.to_thread(to_xlsx, table)  # building a workbook is CPU work
        return _file(content, XLSX, t.TABLE_NAME.format(plan=table.plan))

    async def chart(self, request: web.Request) -> web.Response:
        """`/ke-hoach/<code>/bieu-do.png`: the plan's chart, as /bieudo draws it."""
        table = await self.runtime.answer(
            board_admin.plan_table,
            self.runtime,
            ref=self.session_of(request),
            plan_code=request.match_info["code"],
        )
        picture = await asyncio.to_thread(to_png, table)  # drawing is CPU work
        return _file(picture, PNG, t.CHART_NAME.format(plan=table.plan))

    async def synthesis(self, request: web.Request) -> web.Response:
        """`/ke-hoach/<code>/tong-hop/<period>.docx`: the period's draft, as /duthao makes it."""
        made = await self.runtime.answer(
            board_admin.period_synthesis,
            self.runtime,
            ref=self.session_of(request),
            plan_code=request.match_info["code"],
            period_key=request.match_info["period"],
        )
        content = await asyncio.to_thread(to_docx, made)
        name = t.SYNTHESIS_NAME.format(plan=made.table.plan, period=made.period_key)
        return _file(content, DOCX, name)

    async def files(self, request: web.Request) -> web.StreamResponse:
        """`/ke-hoach/<code>/tep/<period>.zip`: the period's files, zipped to a temporary file
        and sent from it (a zip can be far larger than memory should hold)."""
        found = await self.runtime.answer(
            board_admin.period_files,
            self.runtime,
            ref=self.session_of(request),
            plan_code=request.match_info["code"],
            period_key=request.match_info["period"],
        )
        handle, name = tempfile.mkstemp(prefix="kehoach-board-", suffix=".zip")
        os.close(handle)
        path = Path(name)
        try:
            await asyncio.to_thread(_zipped, found, path)  # copying files is slow work
            response = web.FileResponse(
                path,
                headers={
                    "Content-Type": ZIP,
                    "Content-Disposition": disposition(
                        t.FILES_NAME.format(plan=found.plan, period=found.period_key)
                    ),
                },
            )
            await response.prepare(request)  # sent whole before the file is removed
            await response.write_eof()
            return response
        finally:
            path.unlink(missing_ok=True)


def _zipped(found: PlanFiles, path: Path) -> ZipSummary:
    with path.open("wb") as out:
        return write_zip(found, out)


def add_routes(app: web.Application, runtime: Runtime, session_of: SessionOf) -> None:
    """Register the downloads page and the four downloads of a plan."""
    outputs = Outputs(runtime, session_of)
    app.router.add_get("/ke-hoach/{code}/tai-ve", outputs.page, allow_head=False)
    app.router.add_get("/ke-hoach/{code}/xuat.xlsx", outputs.table, allow_head=False)
    app.router.add_get("/ke-hoach/{code}/bieu-do.png", outputs.chart, allow_head=False)
    app.router.add_get(
        "/ke-hoach/{code}/tong-hop/{period}.docx", outputs.synthesis, allow_head=False
    )
    app.router.add_get("/ke-hoach/{code}/tep/{period}.zip", outputs.files, allow_head=False)

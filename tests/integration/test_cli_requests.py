"""`bot.py request`: the answer names the units nobody there can be reminded in; the calendar's
title is the request's own text; who asked is stored as people read it."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine
from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import AdHocRequest
from kehoach_bot.domain.roles import Role
from kehoach_bot.services.people import accept_invite, issue_invite
from tests.auxil.cli import CliResult
from tests.conftest import NOW

Cli = Callable[..., CliResult]
TITLE = "Báo cáo nhanh số đối tượng bảo trợ xã hội"


def officer(engine: Engine, unit: str, user_id: int) -> None:
    with session_scope(engine) as session:
        invite = issue_invite(
            session, unit_code=unit, role=Role.OFFICER, hours=1, actor="t", now=NOW
        )
        accept_invite(
            session,
            code=invite.code,
            telegram_user_id=user_id,
            chat_id=user_id,
            full_name="Cán bộ",
            now=NOW,
        )


def request(cli: Cli, *units: str) -> CliResult:
    args = ["request", "--title", TITLE, "--due", "2026-11-30", "--from", "GL-SYT"]
    for unit in units:
        args += ["--unit", unit]
    return cli(*args, "--by", "Nguyễn Văn An")


def test_the_answer_names_the_units_without_an_officer(cli: Cli, engine: Engine) -> None:
    officer(engine, "GL-SNV", 5101)
    result = request(cli, "GL-SNV", "GL-SXD", "GL-SGDDT")
    assert result.code == 0, result.err
    first, warning = result.out.strip().splitlines()
    assert "cho 3 đơn vị (GL-SNV, GL-SXD, GL-SGDDT)" in first
    assert warning.startswith("⚠️ Chưa có cán bộ nhận nhắc (2 đơn vị")
    assert "(GL-SXD)" in warning and "(GL-SGDDT)" in warning and "GL-SNV" not in warning
    with session_scope(engine) as session:
        stored = session.exec(select(AdHocRequest)).one()
    assert stored.requested_by == "Nguyễn Văn An, Sở Y tế tỉnh Gia Lai"


def test_no_warning_when_every_unit_has_an_officer(cli: Cli, engine: Engine) -> None:
    officer(engine, "GL-SNV", 5101)
    result = request(cli, "GL-SNV")
    assert result.code == 0, result.err
    assert "Chưa có cán bộ" not in result.out


def test_the_calendar_title_is_the_request_text(cli: Cli) -> None:
    assert request(cli, "GL-SNV").code == 0
    entries = cli("calendar", "--unit", "GL-SNV", "--json").json()
    mine = [e for e in entries if e["due"] == "2026-11-30"]
    assert [e["title"] for e in mine] == [TITLE]
    text = cli("calendar", "--unit", "GL-SNV").out
    assert TITLE in text and "Báo cáo đột xuất theo yêu cầu" not in text

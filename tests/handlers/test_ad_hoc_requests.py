"""/dotxuat: the requester learns at once which units nobody there can be reminded in; the
request's own text is the title in the officer's list and the coordinator's tables."""

from __future__ import annotations

from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import AdHocRequest
from kehoach_bot.domain.roles import Role
from kehoach_bot.texts import requests_vi
from tests.handlers.conftest import ADMIN, OfflineBot

OFFICER, COORDINATOR = 4201, 4204
TITLE = "Báo cáo nhanh số người có công được thăm hỏi"


async def test_units_without_an_officer_are_named_to_the_requester_at_once(
    bot: OfflineBot,
) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Trần Thị Thu Hà")
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    calls = await bot.send_text(COORDINATOR, f"/dotxuat GL-SNV,GL-SXD 27/11/2026 {TITLE}")
    assert [c.method for c in calls] == ["sendMessage"]
    answer = calls[0].text
    assert "đến 2 đơn vị (GL-SNV, GL-SXD)" in answer and "tới 1 người" in answer
    warning = answer.splitlines()[-1]
    assert warning.startswith("⚠️ Chưa có cán bộ nhận nhắc (1 đơn vị")
    assert "Sở Xây dựng tỉnh Gia Lai (GL-SXD)" in warning and "GL-SNV" not in warning
    with session_scope(bot.engine) as session:
        request = session.exec(select(AdHocRequest)).one()
        assert request.requested_by == "Trần Thị Thu Hà, Sở Y tế tỉnh Gia Lai"


async def test_no_warning_when_every_unit_has_an_officer(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR)
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    calls = await bot.send_text(COORDINATOR, f"/dotxuat GL-SNV 27/11/2026 {TITLE}")
    assert "Chưa có cán bộ" not in calls[0].text


async def test_an_admin_without_a_unit_is_named_without_an_internal_id(bot: OfflineBot) -> None:
    await bot.send_text(ADMIN, f"/dotxuat GL-SXD 27/11/2026 {TITLE}", name="Quản trị")
    with session_scope(bot.engine) as session:
        request = session.exec(select(AdHocRequest)).one()
    assert request.requested_by == requests_vi.REQUESTER_UNKNOWN
    assert str(ADMIN) not in request.requested_by


async def test_the_request_text_is_the_title_in_lists_and_tables(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR)
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    await bot.send_text(COORDINATOR, f"/dotxuat GL-SNV 27/11/2026 {TITLE}")
    owed = await bot.send_text(OFFICER, "/viec")
    assert any(line.endswith(f" {TITLE}") for line in owed[0].text.splitlines())
    bot.clock.advance(days=6)  # Monday 30/11: three days late
    overdue = await bot.send_text(COORDINATOR, "/quahan")
    lines = [line for c in overdue for line in c.text.splitlines() if TITLE in line]
    assert lines and lines[0].startswith(f"• Sở Nội vụ tỉnh Gia Lai — {TITLE},")
    assert "Báo cáo đột xuất theo yêu cầu" not in "\n".join(c.text for c in overdue)

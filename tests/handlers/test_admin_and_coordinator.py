"""An admin's invite link, refused to others; a coordinator's ad hoc request, queued not sent."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Invite, Occurrence, Outbox, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import DeliveryStatus, MessageKind
from kehoach_bot.services.people import hash_code
from kehoach_bot.texts import bot_vi as t
from tests.auxil.offline_bot import BOT_USERNAME
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import ADMIN, OfflineBot

OFFICER, SECOND_OFFICER, ELSEWHERE, COORDINATOR, STRANGER = 4001, 4002, 4003, 4004, 4005


async def test_admin_gets_a_one_time_start_link(bot: OfflineBot) -> None:
    assert ADMIN in bot.settings.telegram.admins
    calls = await bot.send_text(ADMIN, "/moi GL-SNV officer", name="Quản trị")
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].chat_id == ADMIN
    link = re.search(rf"https://t\.me/{BOT_USERNAME}\?start=([A-Za-z0-9_-]+)", calls[0].text)
    assert link, calls[0].text
    assert "GL-SNV" in calls[0].text
    assert "hết hạn 10:00 27/11/2026" in calls[0].text  # 72 hours after 10:00 on 24/11
    with session_scope(bot.engine) as session:
        invite = session.exec(select(Invite)).one()
        unit = session.exec(select(Unit).where(Unit.code == "GL-SNV")).one()
        assert invite.code_hash == hash_code(link.group(1))
        assert (invite.unit_id, invite.role, invite.used_at) == (unit.id, "officer", None)
        assert invite.created_by == f"tg:{ADMIN}"


@pytest.mark.parametrize("member", [True, False], ids=["officer", "stranger"])
async def test_moi_from_a_non_admin_is_refused_and_issues_nothing(
    bot: OfflineBot, member: bool
) -> None:
    user = OFFICER if member else STRANGER
    if member:
        bot.join(user, "GL-SNV", Role.OFFICER)
    before = snapshot(bot.engine)
    calls = await bot.send_text(user, "/moi GL-SNV officer")
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].chat_id == user
    assert "không có quyền" in calls[0].text
    assert "?start=" not in calls[0].text
    assert snapshot(bot.engine) == before


async def test_dotxuat_queues_a_request_card_for_each_officer_of_the_unit(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối")
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    bot.join(SECOND_OFFICER, "GL-SNV", Role.OFFICER)
    bot.join(ELSEWHERE, "GL-SXD", Role.OFFICER)
    calls = await bot.send_text(
        COORDINATOR, "/dotxuat GL-SNV 26/11/2026 Báo cáo nhanh số người có công", name="Đầu mối"
    )
    # Sent in place: only the coordinator's confirmation. The cards wait in the outbox.
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].chat_id == COORDINATOR
    with session_scope(bot.engine) as session:
        rows = session.exec(
            select(Outbox)
            .where(Outbox.kind == MessageKind.REQUEST.value)
            .order_by(col(Outbox.chat_id))
        ).all()
        assert [(r.chat_id, r.status) for r in rows] == [
            (OFFICER, DeliveryStatus.PENDING.value),
            (SECOND_OFFICER, DeliveryStatus.PENDING.value),
        ]
        assert len({r.occurrence_id for r in rows}) == 1
        occurrence = session.get(Occurrence, rows[0].occurrence_id)
        unit = session.exec(select(Unit).where(Unit.code == "GL-SNV")).one()
        assert occurrence is not None and occurrence.unit_id == unit.id
        assert occurrence.due_date == date(2026, 11, 26) and occurrence.request_id is not None
    assert calls[0].text == t.AD_HOC_DONE.format(
        count=1, units="GL-SNV", last_day="26/11/2026", sent=2
    )

"""«Nhắc lại» through the real Application: from a digest's /nhaclai_<id> link and from the
button under the status table; once a day, for its coordinators only, never on tampered data."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import AuditLog, Occurrence, Outbox, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import DeliveryStatus, MessageKind
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import ADMIN, OfflineBot

OFFICER, SECOND_OFFICER, COORDINATOR, OTHER_COORDINATOR, STRANGER = 7001, 7002, 7003, 7004, 7005
# Sở Nội vụ's 2026 report to Sở Y tế, last on-time day 24/11/2026: its chase ended on 28/12.
LAST_DAY = date(2026, 11, 24)


def occurrence_of(bot: OfflineBot, unit: str) -> int:
    with session_scope(bot.engine) as session:
        found = session.exec(
            select(Occurrence.id)
            .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
            .where(Unit.code == unit, Occurrence.last_day == LAST_DAY)
        ).one()
    assert found is not None
    return found


def reminders_again(bot: OfflineBot) -> list[tuple[int, str, str]]:
    with session_scope(bot.engine) as session:
        rows = session.exec(
            select(Outbox.chat_id, Outbox.stage, Outbox.status)
            .where(Outbox.kind == MessageKind.REMINDER.value)
            .order_by(col(Outbox.chat_id))
        ).all()
    return [(chat, stage, status) for chat, stage, status in rows]


@pytest.fixture
def late(bot: OfflineBot) -> OfflineBot:
    """Wednesday 30/12/2026: Sở Nội vụ (two officers) is "quá hạn kéo dài"; Sở Y tế coordinates."""
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    bot.join(SECOND_OFFICER, "GL-SNV", Role.OFFICER)
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối")
    bot.join(OTHER_COORDINATOR, "LG-VPTU", Role.COORDINATOR, name="Đầu mối khác")
    bot.clock.advance(days=36)
    return bot


async def test_the_digest_link_reminds_the_officers_again(late: OfflineBot) -> None:
    occurrence_id = occurrence_of(late, "GL-SNV")
    calls = await late.send_text(COORDINATOR, f"/nhaclai_{occurrence_id}", name="Đầu mối")
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].chat_id == COORDINATOR
    assert calls[0].text.startswith("Đã nhắc lại 2 cán bộ của Sở Nội vụ tỉnh Gia Lai")
    # Queued, not sent in place: the dispatcher sends the cards through the outbox.
    assert reminders_again(late) == [
        (OFFICER, "nhac-lai-2026-12-30", DeliveryStatus.PENDING.value),
        (SECOND_OFFICER, "nhac-lai-2026-12-30", DeliveryStatus.PENDING.value),
    ]
    with session_scope(late.engine) as session:
        audit = session.exec(select(AuditLog).where(AuditLog.action == "remind_again")).one()
    assert (audit.actor, audit.entity_id) == (f"tg:{COORDINATOR}", str(occurrence_id))


async def test_a_double_tap_sends_once_and_says_so(late: OfflineBot) -> None:
    occurrence_id = occurrence_of(late, "GL-SNV")
    first = await late.press(COORDINATOR, f"k1:ra:{occurrence_id}")
    second = await late.press(COORDINATOR, f"k1:ra:{occurrence_id}")
    assert [c.method for c in first] == ["sendMessage", "answerCallbackQuery"]
    assert first[0].text.startswith("Đã nhắc lại 2 cán bộ")
    assert [c.method for c in second] == ["sendMessage", "answerCallbackQuery"]
    assert second[0].text.startswith("Sở Nội vụ tỉnh Gia Lai đã được nhắc lại hôm nay")
    assert len(reminders_again(late)) == 2
    # The link in the digest is the same action: still once today.
    again = await late.send_text(COORDINATOR, f"/nhaclai_{occurrence_id}")
    assert "đã được nhắc lại hôm nay" in again[0].text
    assert len(reminders_again(late)) == 2
    # Tomorrow is another day.
    late.clock.advance(days=1)
    tomorrow = await late.press(COORDINATOR, f"k1:ra:{occurrence_id}")
    assert tomorrow[0].text.startswith("Đã nhắc lại 2 cán bộ")
    assert {stage for _, stage, _ in reminders_again(late)} == {
        "nhac-lai-2026-12-30",
        "nhac-lai-2026-12-31",
    }


@pytest.mark.parametrize(
    "user", [OFFICER, OTHER_COORDINATOR, STRANGER], ids=["officer", "other-plan", "stranger"]
)
async def test_only_its_coordinators_may_remind_again(late: OfflineBot, user: int) -> None:
    occurrence_id = occurrence_of(late, "GL-SNV")
    before = snapshot(late.engine)
    pressed = await late.press(user, f"k1:ra:{occurrence_id}")
    assert [c.method for c in pressed] == ["answerCallbackQuery"]
    assert pressed[0].params.get("show_alert") is True
    assert "Chỉ đầu mối của báo cáo này" in pressed[0].text
    typed = await late.send_text(user, f"/nhaclai_{occurrence_id}")
    assert [c.method for c in typed] == ["sendMessage"]
    assert "Chỉ đầu mối của báo cáo này" in typed[0].text
    assert snapshot(late.engine) == before


async def test_an_admin_may_remind_again(late: OfflineBot) -> None:
    occurrence_id = occurrence_of(late, "GL-SNV")
    calls = await late.press(ADMIN, f"k1:ra:{occurrence_id}")
    assert calls[0].text.startswith("Đã nhắc lại 2 cán bộ")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("k1:ra:999999", "Không tìm thấy kỳ báo cáo này"),
        ("k1:ra:abc", "không hợp lệ"),
        ("k1:ra:1:2", "không hợp lệ"),
        ("k1:ra", "không hợp lệ"),
    ],
)
async def test_tampered_data_changes_nothing(late: OfflineBot, data: str, message: str) -> None:
    before = snapshot(late.engine)
    calls = await late.press(COORDINATOR, data)
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert calls[0].params.get("show_alert") is True
    assert message in calls[0].text
    assert snapshot(late.engine) == before


async def test_a_tampered_link_changes_nothing(late: OfflineBot) -> None:
    before = snapshot(late.engine)
    calls = await late.send_text(COORDINATOR, "/nhaclai_999999")
    assert "Không tìm thấy kỳ báo cáo này" in calls[0].text
    calls = await late.send_text(COORDINATOR, "/nhaclai_12abc")
    assert [c.method for c in calls] == ["sendMessage"]  # an unknown command, answered as such
    assert "Nhắc lại" not in calls[0].text
    assert snapshot(late.engine) == before


async def test_a_unit_without_officer_or_not_yet_late_is_refused_clearly(
    late: OfflineBot,
) -> None:
    before = snapshot(late.engine)
    no_officer = occurrence_of(late, "GL-SXD")
    calls = await late.send_text(COORDINATOR, f"/nhaclai_{no_officer}")
    assert "Sở Xây dựng tỉnh Gia Lai chưa có cán bộ nhận nhắc" in calls[0].text
    assert "/moi GL-SXD cán bộ" in calls[0].text
    with session_scope(late.engine) as session:
        # Sở Nội vụ's next report (2027) is not late: the automatic chase still runs.
        upcoming = session.exec(
            select(Occurrence.id)
            .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
            .where(Unit.code == "GL-SNV", Occurrence.last_day > date(2026, 12, 31))
            .order_by(col(Occurrence.last_day))
        ).first()
    assert upcoming is not None
    calls = await late.press(COORDINATOR, f"k1:ra:{upcoming}")
    assert "chưa quá hạn" in calls[0].text
    assert snapshot(late.engine) == before


async def test_the_status_table_offers_remind_again_for_long_overdue_units(
    late: OfflineBot,
) -> None:
    calls = await late.send_text(COORDINATOR, "/tinhhinh gia-lai-743 2026")
    buttons = dict(zip(calls[-1].button_texts(), calls[-1].callback_data(), strict=True))
    snv = occurrence_of(late, "GL-SNV")
    assert buttons["🔔 Nhắc lại Sở Nội vụ tỉnh Gia Lai"] == f"k1:ra:{snv}"

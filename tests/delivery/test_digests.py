"""Coordinators' digests: news only, once a day, undeliverable reminders, the Monday summary."""

from __future__ import annotations

import io
import json
from datetime import timedelta

from PIL import Image
from sqlmodel import col, select

from jobs.digests import queue_digests
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Outbox
from kehoach_bot.domain.roles import Role
from kehoach_bot.services.exports import plan_table
from kehoach_bot.services.people import accept_invite, issue_invite
from kehoach_bot.services.reminders import queue_due
from kehoach_bot.services.tracking import FOUR_CATEGORIES
from tests.delivery.conftest import Delivery

COORDINATOR, QUIET_COORDINATOR, OFFICER = 4001, 4002, 4003


def join(delivery: Delivery, user_id: int, unit: str, role: Role) -> None:
    with session_scope(delivery.engine) as session:
        invite = issue_invite(
            session, unit_code=unit, role=role, hours=1, actor="t", now=delivery.clock()
        )
        accept_invite(
            session,
            code=invite.code,
            telegram_user_id=user_id,
            chat_id=user_id,
            full_name="Đầu mối",
            now=delivery.clock(),
        )


def digests(delivery: Delivery) -> list[Outbox]:
    with session_scope(delivery.engine) as session:
        return list(
            session.exec(
                select(Outbox).where(Outbox.kind == "digest").order_by(col(Outbox.id))
            ).all()
        )


async def send_all(delivery: Delivery) -> None:
    for _ in range(10):
        await delivery.send(worker="w", batch=100)
        delivery.clock.advance(seconds=2)


async def test_daily_digest_lists_overdue_units_once_and_only_when_there_is_news(
    delivery: Delivery,
) -> None:
    join(delivery, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    join(delivery, QUIET_COORDINATOR, "HN-UBND", Role.COORDINATOR)  # Hà Nam: nothing dated
    assert queue_digests(delivery.runtime, delivery.clock()) >= 1
    assert queue_digests(delivery.runtime, delivery.clock() + timedelta(hours=2)) == 0
    await send_all(delivery)
    texts = delivery.fake.messages_to(COORDINATOR)
    assert texts and "Tổng hợp 25/11/2026" in texts[0]
    assert (
        "Quá hạn" in texts[0] and "Sở Nội vụ tỉnh Gia Lai" in texts[0] and "quá 1 ngày" in texts[0]
    )
    assert delivery.fake.messages_to(QUIET_COORDINATOR) == []


async def test_digest_reports_undeliverable_reminders_and_monday_summary(
    delivery: Delivery,
) -> None:
    join(delivery, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    join(delivery, OFFICER, "GL-SNV", Role.OFFICER)
    queue_due(delivery.runtime, delivery.clock())
    for _ in range(3):
        delivery.fake.fail(
            "sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=OFFICER
        )
    await send_all(delivery)
    delivery.clock.advance(days=5)  # Monday 30/11/2026, 09:00
    queue_digests(delivery.runtime, delivery.clock())
    await send_all(delivery)
    texts = delivery.fake.messages_to(COORDINATOR)
    assert any("Không gửi được lời nhắc" in t and "Sở Nội vụ tỉnh Gia Lai" in t for t in texts)
    weekly = [t for t in texts if "Tổng kết tuần 49/2026" in t]
    assert (
        weekly and "Hoàn thành đúng hạn: 0" in weekly[0] and "Đang thực hiện quá hạn:" in weekly[0]
    )
    # With the summary, the plan's chart as a picture, drawn from the plan's table of the day.
    [photo] = [
        c for c in delivery.fake.sent("sendPhoto") if int(c.params["chat_id"]) == COORDINATOR
    ]
    assert photo.params["caption"].startswith("📈 Biểu đồ tình hình báo cáo tuần 49/2026")
    [(_, picture)] = photo.files.values()
    with Image.open(io.BytesIO(picture)) as image:
        assert image.format == "PNG" and image.width == 1080
        drawn = json.loads(image.info["kehoach:counts"])
    table = plan_table(
        delivery.runtime, plan_code="gia-lai-743", period=None, date_from=None, date_to=None
    )
    expected = {
        p.period_key: {s.value: p.counts[s] for s in FOUR_CATEGORIES} for p in table.periods
    }
    assert {p["period_key"]: {s.value: p[s.value] for s in FOUR_CATEGORIES} for p in drawn} == (
        expected
    )
    # Sent once: another pass on the same Monday queues no second chart.
    queue_digests(delivery.runtime, delivery.clock())
    await send_all(delivery)
    assert len(delivery.fake.sent("sendPhoto")) == 1


async def test_no_digest_before_the_hour_or_at_the_weekend(delivery: Delivery) -> None:
    join(delivery, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    assert queue_digests(delivery.runtime, delivery.clock() - timedelta(hours=2)) == 0  # 07:00
    assert queue_digests(delivery.runtime, delivery.clock() + timedelta(days=3)) == 0  # Saturday
    assert digests(delivery) == []


async def test_the_monday_chart_is_drawn_once_and_sent_again_by_telegrams_file_id(
    delivery: Delivery,
) -> None:
    join(delivery, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    join(delivery, QUIET_COORDINATOR, "GL-SYT", Role.COORDINATOR)
    delivery.clock.advance(days=5)  # Monday 30/11/2026, 09:00
    queue_digests(delivery.runtime, delivery.clock())
    await send_all(delivery)
    photos = delivery.fake.sent("sendPhoto")
    assert sorted(int(c.params["chat_id"]) for c in photos) == [COORDINATOR, QUIET_COORDINATOR]
    first, again = photos
    assert list(first.files) == ["photo"]  # the picture itself, uploaded once
    assert again.files == {} and again.params["photo"].startswith("photo")  # its file id

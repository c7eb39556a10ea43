"""Admins through the real bot: a deadline, a plan upload, a merger, bad input, faults."""

from __future__ import annotations

import asyncio
import logging
from datetime import date

import pytest
from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Occurrence, Outbox, Plan, Reply, Unit
from kehoach_bot.domain.stored import DeliveryStatus, MessageKind
from kehoach_bot.logs import configure_logging
from kehoach_bot.plans.bundled import bundled_plan_files
from kehoach_bot.services.calendar import calendar
from kehoach_bot.telegram.callbacks import Action, encode
from tests.auxil.fake_telegram import Call
from tests.auxil.snapshot import snapshot
from tests.e2e.conftest import ADMIN, TOKEN, BotEnv

OFFICER, COORDINATOR = 1001, 1003
TODAY = date(2026, 11, 24)


def save_button(preview: Call) -> str:
    """The callback data of the «Lưu» button under a preview."""
    return str(preview.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"])


def unit_id(bot: BotEnv, code: str) -> int:
    with session_scope(bot.engine) as session:
        return session.exec(select(Unit).where(Unit.code == code)).one().id or 0


async def test_admin_moves_a_deadline_and_calendar_and_reminder_follow(bot: BotEnv) -> None:
    fake = bot.fake
    await bot.join(OFFICER, "GL-SNV", "officer")
    fake.send_text(ADMIN, "/sua gia-lai-743 gui-so-y-te")
    menu = await fake.wait_text(ADMIN, "Chọn mục cần sửa")
    schedule_button = menu.params["reply_markup"]["inline_keyboard"][0][0]
    assert schedule_button["text"] == "Hạn và lịch"
    fake.press(ADMIN, schedule_button["callback_data"])
    await fake.wait_text(ADMIN, "Gửi giá trị mới")
    fake.send_text(ADMIN, "hằng năm 31/2")
    await fake.wait_text(ADMIN, "31/2 không tồn tại")
    fake.send_text(ADMIN, "trước hằng năm 28/11")
    preview = await fake.wait_text(ADMIN, "Xem lại trước khi lưu")
    assert "Trước: hằng năm, ngày 25/11" in str(preview.params["text"])
    assert "Sau: hằng năm, ngày 28/11 (trước ngày)" in str(preview.params["text"])
    fake.press(ADMIN, preview.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"])
    await fake.wait_text(ADMIN, "Đã lưu hạn và lịch")
    with session_scope(bot.engine) as session:
        rows = calendar(
            session,
            today=TODAY,
            start=date(2026, 11, 1),
            end=date(2026, 11, 30),
            unit_code="GL-SNV",
        )
    assert [(r.due, r.last_day) for r in rows] == [(date(2026, 11, 28), date(2026, 11, 27))]
    fake.send_text(OFFICER, "/viec")
    listing = await fake.wait_text(OFFICER, "hạn 27/11/2026")
    # The list names each report in two lines; the number that opens it starts the first.
    lines = str(listing.params["text"]).splitlines()
    at = next(i for i, x in enumerate(lines) if "hạn 27/11/2026" in x)
    number = lines[at - 1].split(".")[0]
    buttons = [b for row in listing.params["reply_markup"]["inline_keyboard"] for b in row]
    fake.press(OFFICER, next(b["callback_data"] for b in buttons if b["text"] == number))
    reminder = await fake.wait_text(OFFICER, "trước ngày 28/11/2026")
    assert "Thứ Sáu, 27/11/2026" in str(reminder.params["text"])


async def test_admin_uploads_a_plan_file_previews_and_saves(bot: BotEnv) -> None:
    fake = bot.fake
    text = dict(bundled_plan_files())["la-gi-81.toml"].replace("2024-07-20", "2024-07-31")
    fake.send_document(ADMIN, text.encode(), "la-gi-81.toml")
    preview = await fake.wait_text(ADMIN, "Tệp kế hoạch la-gi-81.toml")
    assert "cập nhật" in str(preview.params["text"])
    with session_scope(bot.engine) as session:
        assert session.exec(select(Plan).where(Plan.code == "la-gi-81")).one().version == 1
    fake.press(ADMIN, save_button(preview))
    await fake.wait_text(ADMIN, "phiên bản 2")
    with session_scope(bot.engine) as session:
        rows = calendar(session, today=TODAY, plan_code="la-gi-81")
    assert {r.due for r in rows} == {date(2024, 7, 31)}


async def test_broken_plan_upload_changes_nothing(bot: BotEnv) -> None:
    fake = bot.fake
    before = snapshot(bot.engine)
    broken = dict(bundled_plan_files())["la-gi-81.toml"].replace('"LG-MTTQ", ', '"LG-KHONG-CO", ')
    fake.send_document(ADMIN, broken.encode(), "la-gi-81.toml")
    await fake.wait_text(ADMIN, "không có đơn vị mã 'LG-KHONG-CO'")
    fake.press(ADMIN, encode(Action.CONFIRM, 1))
    answer = await fake.wait_answer()
    assert "Không có thay đổi" in str(answer.params["text"])
    assert snapshot(bot.engine) == before


async def test_undo_then_merge_from_the_bot_are_previewed_then_saved(bot: BotEnv) -> None:
    fake = bot.fake
    # The seed data recorded the merger; an admin undoes it (previewed), then records it again.
    fake.send_text(ADMIN, "/hoantac DN-SLDTBXH")
    preview = await fake.wait_text(ADMIN, "Hoàn tác: DN-SLDTBXH hoạt động trở lại")
    assert "01/03/2025" in str(preview.params["text"])
    with session_scope(bot.engine) as session:
        assert not session.exec(select(Unit).where(Unit.code == "DN-SLDTBXH")).one().active
    fake.press(ADMIN, save_button(preview))
    await fake.wait_text(ADMIN, "Đã hoàn tác: DN-SLDTBXH hoạt động trở lại")
    with session_scope(bot.engine) as session:
        assert session.exec(select(Unit).where(Unit.code == "DN-SLDTBXH")).one().active
    fake.send_text(ADMIN, "/sapnhap DN-SLDTBXH DN-SNV 01/03/2025")
    preview = await fake.wait_text(ADMIN, "DN-SLDTBXH → DN-SNV từ 01/03/2025")
    assert "chuyển sang đơn vị kế thừa" in str(preview.params["text"])
    fake.press(ADMIN, save_button(preview))
    await fake.wait_text(ADMIN, "Đã ghi nhận DN-SLDTBXH → DN-SNV")
    with session_scope(bot.engine) as session:
        assert not session.exec(select(Unit).where(Unit.code == "DN-SLDTBXH")).one().active


async def test_tracked_from_is_set_from_the_bot(bot: BotEnv) -> None:
    bot.fake.send_text(ADMIN, "/theodoitu gia-lai-743 01/01/2025")
    await bot.fake.wait_text(ADMIN, "Kế hoạch gia-lai-743: theo dõi từ 01/01/2025")
    with session_scope(bot.engine) as session:
        plan = session.exec(select(Plan).where(Plan.code == "gia-lai-743")).one()
        assert plan.tracked_from == date(2025, 1, 1)


async def test_save_on_an_older_preview_saves_nothing(bot: BotEnv) -> None:
    fake = bot.fake
    fake.send_text(ADMIN, "/sapnhap DN-SXD DN-SNV 01/03/2025")
    merger = await fake.wait_text(ADMIN, "DN-SXD → DN-SNV từ 01/03/2025")
    fake.send_text(ADMIN, "/sapnhap GL-SNV GL-SYT 01/03/2025")
    await fake.wait_text(ADMIN, "GL-SNV → GL-SYT")
    before = snapshot(bot.engine)
    fake.press(ADMIN, save_button(merger))  # the first preview's «Lưu»: not what was shown last
    answer = await fake.wait_answer()
    assert "đã cũ" in str(answer.params["text"])
    assert snapshot(bot.engine) == before


@pytest.mark.parametrize(
    ("command", "answer"),
    [
        ("/dotxuat GL-SNV 31/02/2027 Báo cáo", "không có ngày 31"),
        ("/dotxuat GL-SNV 01/01/2020 Báo cáo", "đã qua"),
        ("/dotxuat KHONG-CO 30/11/2026 Báo cáo", "Không có đơn vị mã 'KHONG-CO'"),
        ("/dotxuat GL-SNV 30/11/2026 " + "x" * 3900, "tối đa 500"),
        ("/moi KHONG-CO officer", "Không có đơn vị mã 'KHONG-CO'"),
        ("/moi GL-SNV sep", "Không rõ vai trò «sep»"),
        ("/sua gia-lai-743 khong-co", "không có nghĩa vụ"),
        ("/sapnhap DN-SNV DN-SNV", "chính nó"),
        ("/thuhoi abc", "Cách dùng"),
        ("/hoantac DN-SXD", "không có sáp nhập"),
        ("/theodoitu gia-lai-743 31/02/2026", "không có ngày 31"),
        ("/theodoitu khong-co 01/01/2026", "Không có kế hoạch mã 'khong-co'"),
    ],
)
async def test_bad_commands_are_answered_in_vietnamese_and_change_nothing(
    bot: BotEnv, command: str, answer: str
) -> None:
    before = snapshot(bot.engine)
    bot.fake.send_text(ADMIN, command)
    await bot.fake.wait_text(ADMIN, answer)
    assert snapshot(bot.engine) == before


async def test_blocked_coordinator_does_not_stop_the_submission(
    bot: BotEnv, caplog: pytest.LogCaptureFixture
) -> None:
    configure_logging(logging.INFO)
    caplog.set_level(logging.INFO)
    fake = bot.fake
    await bot.join(COORDINATOR, "GL-SYT", "coordinator")
    await bot.join(OFFICER, "GL-SNV", "officer")
    with session_scope(bot.engine) as session:
        occ = session.exec(
            select(Occurrence).where(
                Occurrence.unit_id == unit_id(bot, "GL-SNV"),
                Occurrence.due_date == date(2026, 11, 25),
            )
        ).one()
    # The coordinator blocked the bot: Telegram answers 403 to the notification.
    fake.fail("sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=COORDINATOR)
    fake.press(OFFICER, encode(Action.SUBMIT, occ.id or 0))
    await fake.wait_text(OFFICER, "Gửi tệp báo cáo")
    fake.press(OFFICER, encode(Action.NO_FILE, occ.id or 0))
    await fake.wait_text(OFFICER, "✅ Đã nộp")
    with session_scope(bot.engine) as session:
        assert [r.kind for r in session.exec(select(Reply)).all()] == ["submitted"]
    # The notice went through the outbox: recorded as undeliverable, for the digests to report.
    notice = None
    for _ in range(250):
        with session_scope(bot.engine) as session:
            notice = session.exec(
                select(Outbox).where(
                    Outbox.chat_id == COORDINATOR, Outbox.kind == MessageKind.SUBMITTED.value
                )
            ).first()
        if notice is not None and notice.status == DeliveryStatus.UNDELIVERABLE:
            break
        await asyncio.sleep(0.02)
    assert notice is not None and notice.status == DeliveryStatus.UNDELIVERABLE
    assert "blocked" in notice.last_error
    assert TOKEN not in caplog.text

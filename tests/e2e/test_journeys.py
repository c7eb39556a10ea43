"""Journeys through the real bot: join, answer with a file, coordinate, extend, refuse the wrong."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Occurrence, Reply
from kehoach_bot.telegram.callbacks import Action, encode
from tests.auxil.cli import run_cli
from tests.conftest import NOW
from tests.e2e.conftest import ADMIN, TOKEN, BotEnv

OFFICER, OTHER_OFFICER, COORDINATOR = 1001, 1002, 1003


async def test_invite_start_ad_hoc_submit_with_file_and_coordinator_table(
    bot: BotEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = bot.fake
    await bot.join(COORDINATOR, "GL-SYT", "coordinator", name="Đầu mối")
    await bot.join(OFFICER, "GL-SNV", "officer", name="Chị Lan")
    # The coordinator asks Sở Nội vụ for a report due in two days.
    fake.send_text(
        COORDINATOR, "/dotxuat GL-SNV 26/11/2026 Báo cáo nhanh số người có công", name="Đầu mối"
    )
    await fake.wait_text(COORDINATOR, "Đã gửi yêu cầu đột xuất đến 1 đơn vị")
    reminder = await fake.wait_text(OFFICER, "Yêu cầu báo cáo đột xuất")
    text = str(reminder.params["text"])
    assert "Báo cáo nhanh số người có công" in text and "26/11/2026" in text
    buttons = reminder.params["reply_markup"]["inline_keyboard"]
    submit = buttons[0][0]["callback_data"]
    assert buttons[0][0]["text"] == "✅ Đã nộp"
    # One tap, then the file.
    fake.press(OFFICER, submit)
    await fake.wait_text(OFFICER, "Gửi tệp báo cáo")
    fake.send_document(
        OFFICER, b"%PDF-1.4 bao cao", "Báo cáo Sở Nội vụ.pdf", caption="Gửi kèm số liệu"
    )
    await fake.wait_text(OFFICER, "Nộp đúng hạn")
    await fake.wait_text(COORDINATOR, "Sở Nội vụ tỉnh Gia Lai đã nộp")
    # The coordinator's table counts it as done on time.
    fake.send_text(COORDINATOR, "/tinhhinh dot-xuat")
    table = await fake.wait_text(COORDINATOR, "Hoàn thành đúng hạn: 1")
    assert "Đang thực hiện quá hạn: 0" in str(table.params["text"])
    # The stored reply keeps the file, its size and fingerprint.
    with session_scope(bot.engine) as session:
        reply = session.exec(select(Reply).where(Reply.kind == "submitted")).one()
        assert reply.text == "Gửi kèm số liệu" and reply.file_size == len(b"%PDF-1.4 bao cao")
        assert reply.file_sha256 and (
            bot.settings.data_dir / str(reply.file_path)
        ).read_bytes().startswith(b"%PDF")
    # …and `python bot.py calendar --json` says done_on_time.
    result = run_cli(
        ["calendar", "--from", "2026-11-26", "--to", "2026-11-26", "--json"],
        url=str(bot.settings.database_url),
        now=NOW,
        monkeypatch=monkeypatch,
    )
    assert [(e["unit"], e["status"]) for e in result.json()] == [("GL-SNV", "done_on_time")]
    # The coordinator opens the file from the table.
    file_button = table.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    fake.press(COORDINATOR, file_button)
    sent = await fake.wait_for(lambda c: c.method == "sendDocument")
    assert next(iter(sent.files.values()))[1] == b"%PDF-1.4 bao cao"


async def test_extension_asked_approved_and_the_officer_told(bot: BotEnv) -> None:
    fake = bot.fake
    await bot.join(COORDINATOR, "GL-SYT", "coordinator")
    await bot.join(OFFICER, "GL-SNV", "officer")
    unit_id = _unit_id(bot, "GL-SNV")
    with session_scope(bot.engine) as session:
        target = session.exec(
            select(Occurrence).where(
                Occurrence.unit_id == unit_id, Occurrence.due_date == date(2026, 12, 15)
            )
        ).one()
    fake.press(OFFICER, encode(Action.EXTEND, target.id or 0))
    await fake.wait_text(OFFICER, "Gửi ngày đề nghị gia hạn")
    fake.send_text(OFFICER, "22/12/2026 chờ số liệu của các huyện")
    await fake.wait_text(OFFICER, "Đã gửi đề nghị gia hạn đến 22/12/2026")
    request = await fake.wait_text(COORDINATOR, "xin gia hạn")
    approve = request.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    fake.press(COORDINATOR, approve)
    await fake.wait_text(OFFICER, "Đã đồng ý gia hạn")
    with session_scope(bot.engine) as session:
        assert session.get(Occurrence, target.id).extended_to == date(2026, 12, 22)  # type: ignore[union-attr]


def _unit_id(bot: BotEnv, code: str) -> int:
    from kehoach_bot.db.models import Unit

    with session_scope(bot.engine) as session:
        unit = session.exec(select(Unit).where(Unit.code == code)).one()
        return unit.id or 0


async def test_forged_callback_for_another_units_occurrence_does_nothing(
    bot: BotEnv, caplog: pytest.LogCaptureFixture
) -> None:
    fake = bot.fake
    await bot.join(OFFICER, "GL-SNV", "officer")
    other = _some_open_occurrence(bot, "GL-SXD")
    caplog.set_level(logging.WARNING)
    fake.press(OFFICER, encode(Action.PROGRESS, other))
    answer = await fake.wait_answer()
    assert answer.params.get("show_alert") is True and "không thuộc đơn vị" in str(
        answer.params["text"]
    )
    fake.press(OFFICER, "k1:d:notanumber")
    answer = await fake.wait_answer(after=1)
    assert "không hợp lệ" in str(answer.params["text"])
    with session_scope(bot.engine) as session:
        assert session.exec(select(Reply)).all() == []
    assert "forbidden callback" in caplog.text
    assert TOKEN not in caplog.text


async def test_expired_or_used_invite_binds_nothing(bot: BotEnv) -> None:
    fake = bot.fake
    code = await bot.invite("GL-SNV", "officer", hours=1)
    bot.clock.advance(hours=2)
    fake.send_text(OFFICER, f"/start {code}")
    await fake.wait_text(OFFICER, "đã hết hạn")
    fake.send_text(OFFICER, "/start khong-phai-ma-that-su-dai-hon-16")
    await fake.wait_text(OFFICER, "Mã mời không hợp lệ")
    fake.send_text(OFFICER, "/viec")
    await fake.wait_text(OFFICER, "chưa được mời")
    bot.clock.advance(hours=-2)
    fresh = await bot.invite("GL-SNV", "officer")
    fake.send_text(OFFICER, f"/start {fresh}")
    await fake.wait_text(OFFICER, "Bạn đã tham gia")
    fake.send_text(OTHER_OFFICER, f"/start {fresh}")
    await fake.wait_text(OTHER_OFFICER, "đã được dùng")


async def test_file_too_big_and_officer_outside_the_unit(bot: BotEnv) -> None:
    fake = bot.fake
    await bot.join(OFFICER, "GL-SNV", "officer")
    mine = _some_open_occurrence(bot, "GL-SNV")
    fake.press(OFFICER, encode(Action.SUBMIT, mine))
    prompt = await fake.wait_text(OFFICER, "Gửi tệp báo cáo")
    fake.send_document(OFFICER, b"x", "lon.pdf", reported_size=30_000_000)
    refused = await fake.wait_text(OFFICER, "vượt giới hạn 20 MB", after=prompt)
    fake.send_text(OFFICER, "x" * 8000)
    await fake.wait_text(OFFICER, "dài 8000 ký tự", after=refused)
    fake.send_text(OFFICER, "gửi sau")  # a short text: the bot asks for the file again
    await fake.wait_text(OFFICER, "Gửi tệp báo cáo", after=refused)
    with session_scope(bot.engine) as session:
        assert session.get(Occurrence, mine).state == "open"  # type: ignore[union-attr]
        assert session.exec(select(Reply)).all() == []
    # An officer of Sở Nội vụ cannot answer for Sở Xây dựng, even by typing its id.
    fake.press(OFFICER, encode(Action.SUBMIT, _some_open_occurrence(bot, "GL-SXD")))
    answer = await fake.wait_for(
        lambda c: (
            c.method == "answerCallbackQuery" and "không có quyền" in str(c.params.get("text"))
        )
    )
    assert answer


def _some_open_occurrence(bot: BotEnv, unit: str) -> int:
    unit_id = _unit_id(bot, unit)
    with session_scope(bot.engine) as session:
        occ = session.exec(
            select(Occurrence).where(Occurrence.unit_id == unit_id, Occurrence.state == "open")
        ).first()
        assert occ is not None and occ.id is not None
        return occ.id


async def test_help_and_whoami_follow_the_role(bot: BotEnv) -> None:
    fake = bot.fake
    fake.send_text(OFFICER, "/help")
    await fake.wait_text(OFFICER, "đường dẫn mời")
    await bot.join(OFFICER, "GL-SNV", "officer")
    fake.send_text(OFFICER, "/toi")
    await fake.wait_text(OFFICER, "cán bộ — GL-SNV")
    fake.send_text(OFFICER, "/moi GL-SNV admin")
    await fake.wait_text(OFFICER, "không có quyền")
    fake.send_text(ADMIN, "/help")
    await fake.wait_text(ADMIN, "/moi")


async def test_bad_text_answers_are_refused_without_change(bot: BotEnv) -> None:
    fake = bot.fake
    await bot.join(OFFICER, "GL-SNV", "officer")
    mine = _some_open_occurrence(bot, "GL-SNV")
    fake.press(OFFICER, encode(Action.STUCK, mine))
    await fake.wait_text(OFFICER, "Ghi ngắn gọn vướng mắc")
    fake.send_text(OFFICER, "   ")
    await fake.wait_text(OFFICER, "Tin nhắn trống")
    fake.send_text(OFFICER, "y" * 8000)
    await fake.wait_text(OFFICER, "tối đa 2000")
    fake.press(OFFICER, encode(Action.EXTEND, mine))
    await fake.wait_text(OFFICER, "Gửi ngày đề nghị gia hạn")
    fake.send_text(OFFICER, "31/02/2027 lý do")
    await fake.wait_text(OFFICER, "không có ngày 31")
    fake.send_text(OFFICER, "01/01/2020 lý do")
    await fake.wait_text(OFFICER, "không ở quá khứ")
    fake.send_text(OFFICER, "mai nhé")
    await fake.wait_text(OFFICER, "Không hiểu ngày")
    with session_scope(bot.engine) as session:
        assert session.exec(select(Reply)).all() == []
        assert session.get(Occurrence, mine).extended_to is None  # type: ignore[union-attr]


async def test_in_a_group_commands_point_to_the_private_chat(bot: BotEnv) -> None:
    fake = bot.fake
    group = -100123
    fake.send_text(5555, "/tinhhinh gia-lai-743", chat_id=group, chat_type="supergroup")
    await fake.wait_text(group, "Vui lòng nhắn riêng cho bot: t.me/")
    fake.send_text(5555, "/viec", chat_id=group, chat_type="supergroup")
    await fake.wait_text(group, "Vui lòng nhắn riêng cho bot: t.me/")
    fake.press(5555, encode(Action.PROGRESS, _some_open_occurrence(bot, "GL-SNV")))
    answer = await fake.wait_answer()
    assert "không thuộc đơn vị" in str(answer.params["text"])


async def test_coordinator_asks_for_the_digest_now(bot: BotEnv) -> None:
    fake = bot.fake
    await bot.join(COORDINATOR, "GL-SYT", "coordinator")
    # On its first day nothing is overdue; an admin tracks Gia Lai's plan from 2025.
    fake.send_text(ADMIN, "/theodoitu gia-lai-743 01/01/2025")
    await fake.wait_text(ADMIN, "theo dõi từ 01/01/2025")
    fake.send_text(COORDINATOR, "/tonghop")
    digest = await fake.wait_text(COORDINATOR, "Tổng hợp 24/11/2026")
    assert "Quá hạn" in str(digest.params["text"])
    await bot.join(OFFICER, "GL-SNV", "officer")
    fake.send_text(OFFICER, "/tonghop")
    await fake.wait_text(OFFICER, "không có quyền")

"""Short, clear coordinator and admin messages: an extension decided in place (a refusal with its
reason), /nhatky as sentences, a file opened with its caption, the status table by report."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import AuditLog, Extension, Occurrence, Outbox, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import ExtensionStatus, MessageKind, ReplyKind
from kehoach_bot.services import answers
from kehoach_bot.services.replies import Attachment
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.texts import messages_vi as m
from tests.handlers.conftest import ADMIN, OfflineBot

OFFICER = 8101
COORDINATOR = 8102


def _report(bot: OfflineBot) -> tuple[int, str]:
    """An open report of Sở Nội vụ Gia Lai and the name of its recipient, coordinated by Hùng."""
    bot.join(OFFICER, "GL-SNV", Role.OFFICER, name="Lan")
    mine = bot.open_occurrences("GL-SNV", due_from=bot.runtime.today())[0]
    with session_scope(bot.engine) as session:
        occurrence = session.get(Occurrence, mine)
        assert occurrence is not None and occurrence.recipient_id is not None
        recipient = session.get(Unit, occurrence.recipient_id)
        assert recipient is not None
        code, name = recipient.code, recipient.name
    bot.join(COORDINATOR, code, Role.COORDINATOR, name="Hùng")
    return mine, name


def _asked(bot: OfflineBot, occurrence_id: int) -> int:
    asked = answers.ask_extension(
        bot.runtime,
        user_id=OFFICER,
        occurrence_id=occurrence_id,
        proposed_text="30/12/2026",
        reason="chờ số liệu",
    )
    return asked.extension.id


def _status(bot: OfflineBot, extension_id: int) -> str:
    with session_scope(bot.engine) as session:
        extension = session.get(Extension, extension_id)
        assert extension is not None
        return extension.status


def _decision_rows(bot: OfflineBot, extension_id: int) -> list[tuple[int, str]]:
    with session_scope(bot.engine) as session:
        rows = session.exec(
            select(Outbox.chat_id, Outbox.text)
            .where(
                Outbox.kind == MessageKind.EXTENSION_DECISION.value,
                Outbox.subject_id == extension_id,
            )
            .order_by(col(Outbox.id))
        ).all()
    return [(chat, text) for chat, text in rows]


async def test_approval_edits_the_card_and_a_second_tap_says_it_was_decided(
    bot: OfflineBot,
) -> None:
    mine, office = _report(bot)
    extension_id = _asked(bot, mine)
    calls = await bot.press(COORDINATOR, encode(Action.APPROVE, extension_id))
    edits = [c for c in calls if c.method == "editMessageText"]
    assert len(edits) == 1
    assert f"✅ Đã duyệt đến 30/12/2026 — Hùng ({office})" in edits[0].text
    assert "reply_markup" not in edits[0].params  # nothing left to tap
    assert _status(bot, extension_id) == ExtensionStatus.APPROVED
    assert _decision_rows(bot, extension_id) == [(OFFICER, "")]
    again = await bot.press(COORDINATOR, encode(Action.REFUSE, extension_id))
    alert = next(c for c in again if c.method == "answerCallbackQuery")
    assert alert.params.get("show_alert") is True
    assert alert.text.startswith("Đề nghị này đã được duyệt đến 30/12/2026 — Hùng (")
    assert _status(bot, extension_id) == ExtensionStatus.APPROVED
    twice = await bot.press(COORDINATOR, encode(Action.APPROVE, extension_id))
    alert = next(c for c in twice if c.method == "answerCallbackQuery")
    assert alert.text.startswith("Đề nghị này đã được duyệt đến 30/12/2026 — Hùng (")
    card = next(c for c in twice if c.method == "editMessageText")
    assert card.text.endswith(f"✅ Đã duyệt đến 30/12/2026 — Hùng ({office})")
    assert _decision_rows(bot, extension_id) == [(OFFICER, "")]  # the unit is told once


async def test_a_refusal_asks_its_reason_and_sends_it_to_the_unit(bot: OfflineBot) -> None:
    mine, _ = _report(bot)
    extension_id = _asked(bot, mine)
    asked = await bot.press(COORDINATOR, encode(Action.REFUSE, extension_id))
    question = next(c for c in asked if c.method == "sendMessage")
    assert question.text.startswith("Lý do từ chối? (gửi một dòng")
    assert question.callback_data() == [encode(Action.REFUSE_NO_REASON, extension_id)]
    assert _status(bot, extension_id) == ExtensionStatus.PENDING  # nothing decided yet
    card = next(c for c in asked if c.method == "answerCallbackQuery")
    assert "show_alert" not in card.params
    answered = await bot.send_text(COORDINATOR, "  Chưa đủ   số liệu quý IV  ")
    assert _status(bot, extension_id) == ExtensionStatus.REFUSED
    edited = [c for c in answered if c.method == "editMessageText"]
    assert len(edited) == 1 and edited[0].text.endswith("❌ Đã từ chối — Chưa đủ số liệu quý IV")
    assert edited[0].chat_id == COORDINATOR
    assert any(c.text.startswith("Đã từ chối đề nghị gia hạn") for c in answered)
    assert _decision_rows(bot, extension_id) == [(OFFICER, "Chưa đủ số liệu quý IV")]
    with session_scope(bot.engine) as session:
        refusal = session.exec(select(AuditLog).where(AuditLog.action == "extension_refuse")).one()
        assert refusal.after is not None and refusal.after["reason"] == "Chưa đủ số liệu quý IV"
    # The next text is no longer taken for a reason.
    after = await bot.send_text(COORDINATOR, "xin chào")
    assert not any(c.method == "editMessageText" for c in after)


async def test_refusing_without_a_reason_and_a_too_long_reason_changes_nothing(
    bot: OfflineBot,
) -> None:
    mine, office = _report(bot)
    extension_id = _asked(bot, mine)
    await bot.press(COORDINATOR, encode(Action.REFUSE, extension_id))
    too_long = await bot.send_text(COORDINATOR, "x" * 501)
    assert any("tối đa 500" in c.text for c in too_long)
    assert _status(bot, extension_id) == ExtensionStatus.PENDING
    calls = await bot.press(COORDINATOR, encode(Action.REFUSE_NO_REASON, extension_id))
    assert _status(bot, extension_id) == ExtensionStatus.REFUSED
    texts = [c.text for c in calls if c.method == "editMessageText"]
    assert any(t.endswith(f"❌ Đã từ chối — Hùng ({office})") for t in texts)
    assert _decision_rows(bot, extension_id) == [(OFFICER, "")]


async def test_nhatky_reads_as_sentences_naming_people_and_reports(bot: OfflineBot) -> None:
    mine, office = _report(bot)
    extension_id = _asked(bot, mine)
    await bot.press(COORDINATOR, encode(Action.APPROVE, extension_id))
    calls = await bot.send_text(ADMIN, "/nhatky")
    text = "\n".join(c.text for c in calls if c.method == "sendMessage")
    assert text.startswith(m.AUDIT_TITLE)
    assert f"Hùng ({office}) đã duyệt gia hạn «" in text
    assert "— Sở Nội vụ" in text and "đến 30/12/2026" in text
    assert "Lan (Sở Nội vụ" in text and "đã xin gia hạn" in text
    assert "tg:" not in text and "extension_" not in text and "occurrence" not in text


async def test_a_file_opened_from_a_table_has_its_caption(bot: OfflineBot) -> None:
    mine, _ = _report(bot)
    folder = Path(bot.settings.data_dir) / "files"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bao-cao.pdf").write_bytes(b"%PDF")
    submitted = answers.answer(
        bot.runtime,
        user_id=OFFICER,
        occurrence_id=mine,
        kind=ReplyKind.SUBMITTED,
        attachment=Attachment("bao-cao.pdf", "files/bao-cao.pdf", 4, "0" * 64),
    )
    calls = await bot.press(COORDINATOR, encode(Action.FILE, submitted.reply_id))
    document = next(c for c in calls if c.method == "sendDocument")
    caption = str(document.params["caption"])
    assert caption.startswith("📎 Sở Nội vụ")
    assert "Kỳ: " in caption and "Nộp lúc 24/11/2026 10:00 — Lan (Sở Nội vụ" in caption
    assert len(caption) <= 1024


async def test_a_refusal_reason_sent_after_a_restart_is_still_taken(bot: OfflineBot) -> None:
    mine, _ = _report(bot)
    extension_id = _asked(bot, mine)
    await bot.press(COORDINATOR, encode(Action.REFUSE, extension_id))
    await bot.restart()
    answered = await bot.send_text(COORDINATOR, "Đã quá hạn tổng hợp")
    assert _status(bot, extension_id) == ExtensionStatus.REFUSED
    assert any(c.text.endswith("❌ Đã từ chối — Đã quá hạn tổng hợp") for c in answered)

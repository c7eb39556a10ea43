"""The officer's card changes in place: repeated taps store nothing new, a replacement is told
once, an answer can be taken back within the window, the history of submissions, a file sent
before it was asked for."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import AuditLog, Occurrence, Outbox, Reply, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import DeliveryStatus, MessageKind
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.texts import cards_vi as c
from tests.handlers.conftest import OfflineBot

OFFICER = 6101
COORDINATOR = 6102


def _report(bot: OfflineBot) -> int:
    """An open report of Sở Nội vụ Gia Lai whose recipient has a coordinator in the bot."""
    bot.join(OFFICER, "GL-SNV", Role.OFFICER, name="Lan")
    mine = bot.open_occurrences("GL-SNV", due_from=bot.runtime.today())[0]
    with session_scope(bot.engine) as session:
        occurrence = session.get(Occurrence, mine)
        assert occurrence is not None and occurrence.recipient_id is not None
        recipient = session.get(Unit, occurrence.recipient_id)
        assert recipient is not None
        code = recipient.code
    bot.join(COORDINATOR, code, Role.COORDINATOR, name="Hùng")
    return mine


def _notices(bot: OfflineBot, occurrence_id: int) -> list[tuple[str, str]]:
    with session_scope(bot.engine) as session:
        rows = session.exec(
            select(Outbox.kind, Outbox.status)
            .where(Outbox.occurrence_id == occurrence_id, Outbox.chat_id == COORDINATOR)
            .order_by(col(Outbox.id))
        ).all()
    return [(kind, status) for kind, status in rows]


def _replies(bot: OfflineBot, occurrence_id: int) -> list[str]:
    with session_scope(bot.engine) as session:
        rows = session.exec(
            select(Reply.kind).where(Reply.occurrence_id == occurrence_id).order_by(col(Reply.id))
        ).all()
    return list(rows)


async def test_two_taps_on_submitted_store_one_reply_and_tell_the_coordinator_once(
    bot: OfflineBot,
) -> None:
    mine = _report(bot)
    first = await bot.press(OFFICER, encode(Action.NO_FILE, mine))
    assert [x.method for x in first] == ["answerCallbackQuery", "editMessageText"]
    assert first[0].text == c.TOAST_SUBMITTED
    assert first[1].text.startswith("✅ Đã nộp 24/11/2026 10:00 — Lan")
    for _ in range(11):
        again = await bot.press(OFFICER, encode(Action.NO_FILE, mine))
        assert again[0].params.get("show_alert") is True
        assert "đã nộp lúc 24/11/2026 10:00 — Lan" in again[0].text
    assert _replies(bot, mine) == ["submitted"]
    assert _notices(bot, mine) == [(MessageKind.SUBMITTED.value, DeliveryStatus.PENDING.value)]
    # "Đã nộp" on a submitted card: nothing is asked, the card shows the replacement button.
    tapped = await bot.press(OFFICER, encode(Action.SUBMIT, mine))
    assert [x.method for x in tapped] == ["answerCallbackQuery", "editMessageText"]
    assert "Nộp bản thay thế" in tapped[0].text
    assert f"k1:rp:{mine}" in tapped[1].callback_data()
    assert _replies(bot, mine) == ["submitted"]


async def test_a_replacement_is_stored_and_told_once_and_the_first_time_still_counts(
    bot: OfflineBot,
) -> None:
    mine = _report(bot)
    await bot.press(OFFICER, encode(Action.NO_FILE, mine))
    with session_scope(bot.engine) as session:
        first_at = session.get(Occurrence, mine).submitted_at  # type: ignore[union-attr]
    bot.clock.now += timedelta(hours=2)
    asked = await bot.press(OFFICER, encode(Action.REPLACE, mine))
    assert "Gửi tệp thay thế" in asked[1].text
    calls = await bot.send_document(OFFICER, b"%PDF v2", "ban-sua.pdf")
    assert calls[-1].text.startswith("📎 Đã nhận bản thay thế")
    assert "Đã nộp bản thay thế 1 lần" in calls[1].text
    assert _replies(bot, mine) == ["submitted", "submitted"]
    assert _notices(bot, mine) == [
        (MessageKind.SUBMITTED.value, DeliveryStatus.PENDING.value),
        (MessageKind.REPLACED.value, DeliveryStatus.PENDING.value),
    ]
    with session_scope(bot.engine) as session:
        assert session.get(Occurrence, mine).submitted_at == first_at  # type: ignore[union-attr]


async def test_undo_within_the_window_reopens_the_report_and_cancels_the_notice(
    bot: OfflineBot,
) -> None:
    mine = _report(bot)
    done = await bot.press(OFFICER, encode(Action.NO_FILE, mine))
    undo = [d for d in done[1].callback_data() if d.startswith("k1:u:")]
    assert len(undo) == 1, "the card offers to take the answer back"
    bot.clock.now += timedelta(minutes=9)
    calls = await bot.press(OFFICER, undo[0])
    assert calls[0].text == c.TOAST_UNDONE
    assert f"k1:d:{mine}" in calls[1].callback_data()  # the card is open again
    assert calls[2].text.startswith("↩️ Đã hoàn tác câu trả lời «đã nộp»")
    assert _replies(bot, mine) == []
    assert _notices(bot, mine) == [(MessageKind.SUBMITTED.value, DeliveryStatus.CANCELLED.value)]
    with session_scope(bot.engine) as session:
        occurrence = session.get(Occurrence, mine)
        assert occurrence is not None
        assert (occurrence.state, occurrence.submitted_at) == ("open", None)
        actions = session.exec(select(AuditLog.action)).all()
        assert "reply_withdrawn" in actions


async def test_undo_after_the_window_is_refused_and_changes_nothing(bot: OfflineBot) -> None:
    mine = _report(bot)
    done = await bot.press(OFFICER, encode(Action.NO_FILE, mine))
    undo = next(d for d in done[1].callback_data() if d.startswith("k1:u:"))
    bot.clock.now += timedelta(minutes=10, seconds=1)
    calls = await bot.press(OFFICER, undo)
    assert calls[0].params.get("show_alert") is True
    assert "Đã quá 10 phút" in calls[0].text
    assert _replies(bot, mine) == ["submitted"]


async def test_undo_of_an_answer_already_told_tells_the_coordinator_it_was_taken_back(
    bot: OfflineBot,
) -> None:
    mine = _report(bot)
    done = await bot.press(OFFICER, encode(Action.NO_FILE, mine))
    undo = next(d for d in done[1].callback_data() if d.startswith("k1:u:"))
    with session_scope(bot.engine) as session:  # the dispatcher sent the notice meanwhile
        session.execute(update(Outbox).values(status=DeliveryStatus.SENT.value))
    calls = await bot.press(OFFICER, undo)
    assert c.UNDONE_TOLD.strip() in calls[-1].text
    assert _notices(bot, mine) == [
        (MessageKind.SUBMITTED.value, DeliveryStatus.SENT.value),
        (MessageKind.WITHDRAWN.value, DeliveryStatus.PENDING.value),
    ]


async def test_someone_elses_answer_cannot_be_taken_back(bot: OfflineBot) -> None:
    mine = _report(bot)
    done = await bot.press(OFFICER, encode(Action.NO_FILE, mine))
    undo = next(d for d in done[1].callback_data() if d.startswith("k1:u:"))
    bot.join(6103, "GL-SNV", Role.OFFICER, name="Minh")
    calls = await bot.press(6103, undo)
    assert calls[0].params.get("show_alert") is True
    assert calls[0].text == c.UNDO_NOT_YOURS
    assert _replies(bot, mine) == ["submitted"]


async def test_history_lists_the_units_submissions_with_names_and_files(bot: OfflineBot) -> None:
    mine = _report(bot)
    await bot.press(OFFICER, encode(Action.SUBMIT, mine))
    await bot.send_document(OFFICER, b"%PDF-1.4 x", "bao-cao.pdf")
    calls = await bot.send_text(OFFICER, "/danop")
    assert calls[0].text.startswith(c.HISTORY_TITLE.format(count=1))
    assert "24/11/2026 10:00 — Lan" in calls[0].text and "bao-cao.pdf" in calls[0].text
    one = await bot.press(OFFICER, encode(Action.HISTORY, mine))
    assert one[1].text.startswith("📜 Các lần nộp:")
    bot.join(6104, "GL-SXD", Role.OFFICER)
    refused = await bot.press(6104, encode(Action.HISTORY, mine))
    assert refused[0].params.get("show_alert") is True
    assert refused[0].text == c.HISTORY_NOT_YOURS


async def test_a_file_sent_with_nothing_asked_is_submitted_for_the_report_picked(
    bot: OfflineBot,
) -> None:
    mine = _report(bot)
    calls = await bot.send_document(OFFICER, b"%PDF loose", "gui-truoc.pdf")
    assert [x.method for x in calls] == ["sendMessage"]
    assert calls[0].text.startswith(c.WHICH_REPORT.format(name="gui-truoc.pdf"))
    assert f"k1:sf:{mine}" in calls[0].callback_data()
    assert _replies(bot, mine) == []
    picked = await bot.press(OFFICER, encode(Action.FILE_FOR, mine))
    assert "getFile" in [x.method for x in picked]
    assert _replies(bot, mine) == ["submitted"]
    with session_scope(bot.engine) as session:
        reply = session.exec(select(Reply)).one()
        assert reply.file_name == "gui-truoc.pdf"
    stale = await bot.press(OFFICER, encode(Action.FILE_FOR, mine))
    assert stale[0].text == c.FILE_PICK_GONE


async def test_cancel_under_a_question_shows_the_card_again(bot: OfflineBot) -> None:
    mine = _report(bot)
    await bot.press(OFFICER, encode(Action.STUCK, mine))
    calls = await bot.press(OFFICER, encode(Action.CANCEL_ANSWER, mine))
    assert calls[0].text == c.TOAST_CANCELLED
    assert c.ASK_STUCK not in calls[1].text
    assert calls[1].callback_data()[:2] == [f"k1:d:{mine}", f"k1:p:{mine}"]
    texted = await bot.send_text(OFFICER, "vướng số liệu")
    assert texted[0].text.startswith(c.TEXT_WHAT_FOR)
    assert _replies(bot, mine) == []

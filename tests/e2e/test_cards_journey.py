"""Over real HTTP: the officer's card is edited with each answer, and two «Đã nộp» give the
coordinator one notice."""

from __future__ import annotations

import asyncio

from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Reply
from kehoach_bot.telegram.callbacks import Action, encode
from tests.auxil.fake_telegram import Call
from tests.e2e.conftest import BotEnv

OFFICER, COORDINATOR = 1201, 1202
CARD = 777  # the message id of the card the officer taps under


def _edits_of_card(call: Call) -> bool:
    return call.method == "editMessageText" and int(call.params["message_id"]) == CARD


async def test_the_card_is_edited_with_each_answer_and_the_coordinator_hears_once(
    bot: BotEnv,
) -> None:
    fake = bot.fake
    await bot.join(COORDINATOR, "GL-SYT", "coordinator", name="Đầu mối")
    await bot.join(OFFICER, "GL-SNV", "officer", name="Lan")
    fake.send_text(COORDINATOR, "/dotxuat GL-SNV 26/11/2026 Báo cáo nhanh số hộ nghèo")
    card = await fake.wait_text(OFFICER, "Yêu cầu báo cáo đột xuất")
    submit = card.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    occurrence = int(submit.rsplit(":", 1)[1])
    fake.press(OFFICER, submit, message_id=CARD, name="Lan")
    asked = await fake.wait_for(
        lambda c: _edits_of_card(c) and "Gửi tệp báo cáo" in c.params["text"]
    )
    fake.send_document(OFFICER, b"%PDF-1.4 so ho ngheo", "ho-ngheo.pdf")
    done = await fake.wait_for(
        lambda c: _edits_of_card(c) and str(c.params.get("text")).startswith("✅ Đã nộp")
    )
    assert done.at > asked.at
    assert "— Lan" in str(done.params["text"]).splitlines()[0]
    await fake.wait_text(COORDINATOR, "Sở Nội vụ tỉnh Gia Lai đã nộp")
    # The same tap twice more (a slow network, an impatient thumb): nothing new is stored.
    for _ in range(2):
        fake.press(OFFICER, encode(Action.NO_FILE, occurrence), message_id=CARD, name="Lan")
        answer = await fake.wait_for(
            lambda c: (
                c.method == "answerCallbackQuery" and "đã nộp lúc" in str(c.params.get("text"))
            )
        )
        fake.calls.remove(answer)
    await asyncio.sleep(1.5)  # time for the dispatcher to send anything it had queued
    told = [m for m in fake.messages_to(COORDINATOR) if "đã nộp" in m]
    assert len(told) == 1
    with session_scope(bot.engine) as session:
        assert [r.kind for r in session.exec(select(Reply)).all()] == ["submitted"]

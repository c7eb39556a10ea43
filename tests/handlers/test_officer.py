"""Officers: /viec with its buttons, ⏳ Đang làm, a report with its file, forged buttons."""

from __future__ import annotations

import hashlib

import pytest
from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Occurrence, Person, Reply
from kehoach_bot.domain.roles import Role
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.telegram.render import cards
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import cards_vi as c
from kehoach_bot.texts import errors_vi
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import OfflineBot

OFFICER = 3001


def person_id(bot: OfflineBot, telegram_user_id: int) -> int | None:
    with session_scope(bot.engine) as session:
        return session.exec(
            select(Person.id).where(Person.telegram_user_id == telegram_user_id)
        ).one()


async def test_viec_is_one_message_with_a_button_per_report_that_opens_its_card(
    bot: OfflineBot,
) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    owed = bot.open_occurrences("GL-SNV")
    assert owed, "the seed plans give Sở Nội vụ open reports"
    calls = await bot.send_text(OFFICER, "/viec")
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].chat_id == OFFICER
    assert calls[0].text.startswith(c.OWED_TITLE.format(count=len(owed)))
    shown = owed[: cards.OWED_PER_PAGE]
    numbers = [f"k1:o:{occurrence_id}" for occurrence_id in shown]
    assert calls[0].callback_data()[: len(shown)] == numbers
    assert calls[0].button_texts()[: len(shown)] == [str(n) for n in range(1, len(shown) + 1)]
    opened = await bot.press(OFFICER, numbers[0])
    assert [c.method for c in opened] == ["answerCallbackQuery", "sendMessage"]
    card = opened[1]
    assert card.button_texts() == [
        t.BUTTON_SUBMITTED,
        t.BUTTON_IN_PROGRESS,
        t.BUTTON_STUCK,
        t.BUTTON_EXTENSION,
    ]
    assert card.callback_data() == [f"k1:{a}:{owed[0]}" for a in ("d", "p", "s", "e")]


async def test_in_progress_button_records_a_reply_of_that_kind_and_edits_the_card(
    bot: OfflineBot,
) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER, name="Lan")
    mine = bot.open_occurrences("GL-SNV")[0]
    calls = await bot.press(OFFICER, encode(Action.PROGRESS, mine))
    assert [c.method for c in calls] == ["answerCallbackQuery", "editMessageText"]
    assert calls[0].text == c.TOAST_PROGRESS
    assert not calls[0].params.get("show_alert")
    assert "⏳ Đang làm (cập nhật 24/11/2026 10:00 — Lan)" in calls[1].text
    assert f"k1:p:{mine}" not in calls[1].callback_data()  # "đang làm" is no longer offered
    assert f"k1:d:{mine}" in calls[1].callback_data()
    with session_scope(bot.engine) as session:
        replies = session.exec(select(Reply)).all()
        assert [(r.occurrence_id, r.kind, r.person_id) for r in replies] == [
            (mine, "in_progress", person_id(bot, OFFICER))
        ]
        assert session.get(Occurrence, mine).state == "open"  # type: ignore[union-attr]
    again = await bot.press(OFFICER, encode(Action.PROGRESS, mine))
    assert again[0].text == c.TOAST_PROGRESS_AGAIN
    with session_scope(bot.engine) as session:
        assert len(session.exec(select(Reply)).all()) == 1


async def test_in_progress_for_another_units_report_is_refused_and_records_nothing(
    bot: OfflineBot,
) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    theirs = bot.open_occurrences("GL-SXD")[0]
    before = snapshot(bot.engine)
    calls = await bot.press(OFFICER, encode(Action.PROGRESS, theirs))
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert calls[0].params.get("show_alert") is True
    assert calls[0].text == errors_vi.NOT_YOUR_UNIT
    assert snapshot(bot.engine) == before


@pytest.mark.parametrize(
    "data",
    [
        pytest.param("k1:zz:1", id="unknown-action"),
        pytest.param("k1:d:abc", id="not-a-number"),
        pytest.param("65-bytes", id="65-bytes"),
    ],
)
async def test_a_tampered_button_is_answered_with_an_alert_and_changes_nothing(
    bot: OfflineBot, data: str
) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    if data == "65-bytes":
        # The officer's own report, its id zero-padded past Telegram's 64 bytes.
        data = "k1:p:" + str(bot.open_occurrences("GL-SNV")[0]).rjust(60, "0")
        assert len(data.encode()) == 65
    before = snapshot(bot.engine)
    calls = await bot.press(OFFICER, data)
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert calls[0].params.get("show_alert") is True
    assert calls[0].text == t.BAD_CALLBACK
    assert snapshot(bot.engine) == before


async def test_submit_button_then_the_file_stores_it_and_the_card_shows_it(
    bot: OfflineBot,
) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER, name="Lan")
    mine = bot.open_occurrences("GL-SNV", due_from=bot.runtime.today())[0]
    asked = await bot.press(OFFICER, encode(Action.SUBMIT, mine))
    assert [c.method for c in asked] == ["answerCallbackQuery", "editMessageText"]
    card_id = int(asked[1].params["message_id"])
    assert c.ASK_FILE.split("(")[0] in asked[1].text
    assert asked[1].callback_data() == [f"k1:n:{mine}", f"k1:ca:{mine}"]
    content = b"%PDF-1.4 bao cao so noi vu"
    calls = await bot.send_document(
        OFFICER, content, "Báo cáo Sở Nội vụ.pdf", caption="Kèm số liệu"
    )
    assert [c.method for c in calls] == ["getFile", "editMessageText", "sendMessage"]
    edited = calls[1]
    assert int(edited.params["message_id"]) == card_id
    assert edited.text.startswith("✅ Đã nộp 24/11/2026 10:00 — Lan")
    assert edited.callback_data()[:2] == [f"k1:rp:{mine}", f"k1:h:{mine}"]
    assert calls[2].text.startswith("✅ Đã ghi nhận") and "Nộp đúng hạn" in calls[2].text
    with session_scope(bot.engine) as session:
        reply = session.exec(select(Reply)).one()
        assert (reply.occurrence_id, reply.kind, reply.text) == (mine, "submitted", "Kèm số liệu")
        assert reply.file_size == len(content)
        assert reply.file_sha256 == hashlib.sha256(content).hexdigest()
        assert (bot.settings.data_dir / str(reply.file_path)).read_bytes() == content
        assert session.get(Occurrence, mine).state != "open"  # type: ignore[union-attr]

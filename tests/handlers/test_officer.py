"""Officers: /viec with its buttons, ⏳ Đang làm, a report with its file, forged buttons."""

from __future__ import annotations

import hashlib

import pytest
from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Occurrence, Person, Reply
from kehoach_bot.domain.roles import Role
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import errors_vi
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import OfflineBot

OFFICER = 3001


def person_id(bot: OfflineBot, telegram_user_id: int) -> int | None:
    with session_scope(bot.engine) as session:
        return session.exec(
            select(Person.id).where(Person.telegram_user_id == telegram_user_id)
        ).one()


async def test_viec_lists_the_units_reports_then_cards_with_four_buttons(bot: OfflineBot) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    owed = bot.open_occurrences("GL-SNV")
    assert owed, "the seed plans give Sở Nội vụ open reports"
    calls = await bot.send_text(OFFICER, "/viec")
    assert {c.method for c in calls} == {"sendMessage"}
    assert {c.chat_id for c in calls} == {OFFICER}
    assert calls[0].text.startswith(t.OWED_TITLE.format(count=len(owed)))
    cards = [c for c in calls if c.callback_data()]
    assert len(cards) == min(5, len(owed))
    for card, occurrence_id in zip(cards, owed, strict=False):
        assert card.text.startswith(t.REMINDER_HEADER)
        assert card.button_texts() == [
            t.BUTTON_SUBMITTED,
            t.BUTTON_IN_PROGRESS,
            t.BUTTON_STUCK,
            t.BUTTON_EXTENSION,
        ]
        assert card.callback_data() == [
            f"k1:d:{occurrence_id}",
            f"k1:p:{occurrence_id}",
            f"k1:s:{occurrence_id}",
            f"k1:e:{occurrence_id}",
        ]


async def test_in_progress_button_records_a_reply_of_that_kind(bot: OfflineBot) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    mine = bot.open_occurrences("GL-SNV")[0]
    calls = await bot.press(OFFICER, encode(Action.PROGRESS, mine))
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert calls[0].text.startswith("Đã ghi nhận: đang thực hiện")
    assert not calls[0].params.get("show_alert")
    with session_scope(bot.engine) as session:
        replies = session.exec(select(Reply)).all()
        assert [(r.occurrence_id, r.kind, r.person_id) for r in replies] == [
            (mine, "in_progress", person_id(bot, OFFICER))
        ]
        assert session.get(Occurrence, mine).state == "open"  # type: ignore[union-attr]


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


async def test_submit_button_then_the_file_stores_it_with_its_fingerprint(
    bot: OfflineBot,
) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    mine = bot.open_occurrences("GL-SNV", due_from=bot.runtime.today())[0]
    asked = await bot.press(OFFICER, encode(Action.SUBMIT, mine))
    assert [c.method for c in asked] == ["answerCallbackQuery", "sendMessage"]
    assert asked[1].text.startswith("Gửi tệp báo cáo")
    assert asked[1].callback_data() == [f"k1:n:{mine}", "k1:c"]
    content = b"%PDF-1.4 bao cao so noi vu"
    calls = await bot.send_document(
        OFFICER, content, "Báo cáo Sở Nội vụ.pdf", caption="Kèm số liệu"
    )
    assert [c.method for c in calls] == ["getFile", "sendMessage"]
    assert calls[1].text.startswith("✅ Đã ghi nhận") and "Nộp đúng hạn" in calls[1].text
    with session_scope(bot.engine) as session:
        reply = session.exec(select(Reply)).one()
        assert (reply.occurrence_id, reply.kind, reply.text) == (mine, "submitted", "Kèm số liệu")
        assert reply.file_size == len(content)
        assert reply.file_sha256 == hashlib.sha256(content).hexdigest()
        assert (bot.settings.data_dir / str(reply.file_path)).read_bytes() == content
        assert session.get(Occurrence, mine).state != "open"  # type: ignore[union-attr]

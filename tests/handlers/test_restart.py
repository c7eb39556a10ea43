"""A restart between the bot's question and the person's answer loses nothing; a «Lưu» acts on
its own preview alone, before and after a restart; a state that no longer reads starts afresh."""

from __future__ import annotations

import hashlib
import logging
from datetime import date
from typing import Any

import pytest
from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import ConversationState, Obligation, Plan, Reply, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.plans.bundled import bundled_plan_files
from kehoach_bot.services.calendar import calendar
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.texts import bot_vi as t
from tests.auxil.offline_bot import Call
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import ADMIN, OfflineBot

OFFICER = 3101


def stored_states(bot: OfflineBot) -> dict[int, str]:
    """The conversation states in the database, by Telegram user id."""
    with session_scope(bot.engine) as session:
        rows = session.exec(select(ConversationState)).all()
        return {row.telegram_user_id: row.state for row in rows}


def save_button(calls: list[Call]) -> str:
    """The «Lưu» button's data under the preview among `calls`."""
    for call in calls:
        for data in call.callback_data():
            if data.startswith("k1:ok:"):
                return data
    raise AssertionError(f"no «Lưu» button in {[c.text for c in calls]}")


def obligation_id(bot: OfflineBot, plan: str, code: str) -> int:
    with session_scope(bot.engine) as session:
        found = session.exec(
            select(Obligation.id)
            .join(Plan, Plan.id == Obligation.plan_id)  # type: ignore[arg-type]
            .where(Plan.code == plan, Obligation.code == code)
        ).one()
        assert found is not None
        return found


def unit_active(bot: OfflineBot, code: str) -> bool:
    with session_scope(bot.engine) as session:
        return session.exec(select(Unit).where(Unit.code == code)).one().active


async def test_a_file_asked_for_before_a_restart_is_recorded_after_it(bot: OfflineBot) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    mine = bot.open_occurrences("GL-SNV", due_from=bot.runtime.today())[0]
    asked = await bot.press(OFFICER, encode(Action.SUBMIT, mine))
    assert any("Gửi tệp" in c.text for c in asked), [c.text for c in asked]
    assert OFFICER in stored_states(bot)  # in the database as soon as the question is out
    await bot.restart()
    content = b"%PDF-1.4 bao cao sau khi khoi dong lai"
    calls = await bot.send_document(OFFICER, content, "Báo cáo.pdf")
    assert any(c.text.startswith("✅ Đã ghi nhận") for c in calls), [c.text for c in calls]
    with session_scope(bot.engine) as session:
        reply = session.exec(select(Reply)).one()
        assert (reply.occurrence_id, reply.kind) == (mine, "submitted")
        assert reply.file_sha256 == hashlib.sha256(content).hexdigest()
    assert OFFICER not in stored_states(bot)  # nothing awaited any more: the row is gone


async def test_the_state_is_in_the_database_before_the_question_is_sent(
    bot: OfflineBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    mine = bot.open_occurrences("GL-SNV", due_from=bot.runtime.today())[0]
    seen: list[bool] = []  # at each message sent or edited: was the officer's state stored?
    request = bot.telegram.do_request

    async def watching(url: str, method: str, request_data: Any = None, **kwargs: Any) -> Any:
        if url.endswith(("/sendMessage", "/editMessageText")):
            seen.append(OFFICER in stored_states(bot))
        return await request(url, method, request_data, **kwargs)

    monkeypatch.setattr(bot.telegram, "do_request", watching)
    await bot.press(OFFICER, encode(Action.SUBMIT, mine))
    assert seen and all(seen)


async def test_an_obligation_edit_survives_two_restarts_and_is_saved(bot: OfflineBot) -> None:
    obligation = obligation_id(bot, "gia-lai-743", "gui-so-y-te")
    await bot.send_text(ADMIN, "/sua gia-lai-743 gui-so-y-te", name="Quản trị")
    asked = await bot.press(ADMIN, encode(Action.FIELD, obligation, 0))  # «Hạn và lịch»
    assert any("Gửi giá trị mới" in c.text for c in asked), [c.text for c in asked]
    await bot.restart()
    preview = await bot.send_text(ADMIN, "trước hằng năm 28/11", name="Quản trị")
    assert any("Xem lại trước khi lưu" in c.text for c in preview), [c.text for c in preview]
    await bot.restart()
    saved = await bot.press(ADMIN, save_button(preview))
    assert any("Đã lưu hạn và lịch" in c.text for c in saved), [c.text for c in saved]
    with session_scope(bot.engine) as session:
        rows = calendar(
            session,
            today=bot.runtime.today(),
            start=date(2026, 11, 1),
            end=date(2026, 11, 30),
            unit_code="GL-SNV",
        )
    assert [r.due for r in rows] == [date(2026, 11, 28)]
    assert ADMIN not in stored_states(bot)


async def test_a_plan_file_previewed_before_a_restart_is_saved_after_it(bot: OfflineBot) -> None:
    text = dict(bundled_plan_files())["la-gi-81.toml"].replace("2024-07-20", "2024-07-31")
    preview = await bot.send_document(ADMIN, text.encode(), "la-gi-81.toml")
    assert any("Tệp kế hoạch la-gi-81.toml" in c.text for c in preview)
    await bot.restart()
    saved = await bot.press(ADMIN, save_button(preview))
    assert any("phiên bản 2" in c.text for c in saved), [c.text for c in saved]
    with session_scope(bot.engine) as session:
        assert session.exec(select(Plan).where(Plan.code == "la-gi-81")).one().version == 2


async def test_save_on_an_older_preview_is_stale_before_and_after_a_restart(
    bot: OfflineBot,
) -> None:
    first = await bot.send_text(ADMIN, "/sapnhap DN-SXD DN-SNV 01/03/2025", name="Quản trị")
    second = await bot.send_text(ADMIN, "/sapnhap GL-SNV GL-SYT 01/03/2025", name="Quản trị")
    assert save_button(first) != save_button(second)
    before = snapshot(bot.engine)
    stale = await bot.press(ADMIN, save_button(first))
    assert [(c.method, c.text) for c in stale] == [("answerCallbackQuery", t.PREVIEW_EXPIRED)]
    await bot.restart()
    stale = await bot.press(ADMIN, save_button(first))
    assert [(c.method, c.text) for c in stale] == [("answerCallbackQuery", t.PREVIEW_EXPIRED)]
    assert snapshot(bot.engine) == before
    assert unit_active(bot, "DN-SXD") and unit_active(bot, "GL-SNV")
    saved = await bot.press(ADMIN, save_button(second))  # the latest preview still saves
    assert any("Đã ghi nhận GL-SNV → GL-SYT" in c.text for c in saved), [c.text for c in saved]
    assert unit_active(bot, "DN-SXD") and not unit_active(bot, "GL-SNV")


async def test_a_preview_made_after_a_restart_is_not_saved_by_a_button_from_before(
    bot: OfflineBot,
) -> None:
    first = await bot.send_text(ADMIN, "/sapnhap DN-SXD DN-SNV 01/03/2025", name="Quản trị")
    await bot.restart()
    second = await bot.send_text(ADMIN, "/sapnhap GL-SNV GL-SYT 01/03/2025", name="Quản trị")
    assert save_button(first) != save_button(second)
    before = snapshot(bot.engine)
    stale = await bot.press(ADMIN, save_button(first))
    assert [(c.method, c.text) for c in stale] == [("answerCallbackQuery", t.PREVIEW_EXPIRED)]
    assert snapshot(bot.engine) == before


@pytest.mark.parametrize(
    "stored",
    [
        pytest.param("not json at all {", id="garbage"),
        pytest.param(
            '{"@": "dataclass", "class": "kehoach_bot.telegram.context:RenamedState",'
            ' "fields": {}}',
            id="renamed-class",
        ),
        pytest.param(
            '{"@": "dataclass", "class": "subprocess:Popen", "fields": {"args": "true"}}',
            id="not-ours",
        ),
        pytest.param(
            '{"@": "dataclass", "class": "kehoach_bot.telegram.context:UserState",'
            ' "fields": {"pending": 7}}',
            id="wrong-shape",
        ),
    ],
)
async def test_a_state_that_no_longer_reads_is_dropped_and_the_person_starts_afresh(
    bot: OfflineBot, caplog: pytest.LogCaptureFixture, stored: str
) -> None:
    first = await bot.send_text(ADMIN, "/sapnhap DN-SXD DN-SNV 01/03/2025", name="Quản trị")
    with session_scope(bot.engine) as session:
        row = session.get(ConversationState, ADMIN)
        assert row is not None
        row.state = stored
        session.add(row)
    before = snapshot(bot.engine)
    with caplog.at_level(logging.WARNING):
        await bot.restart()
    assert any("dropping the stored state" in r.getMessage() for r in caplog.records)
    assert ADMIN not in stored_states(bot)
    caplog.clear()
    calls = await bot.press(ADMIN, save_button(first))
    assert [(c.method, c.text) for c in calls] == [("answerCallbackQuery", t.NOTHING_TO_CONFIRM)]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert unit_active(bot, "DN-SXD")
    assert snapshot(bot.engine) == before

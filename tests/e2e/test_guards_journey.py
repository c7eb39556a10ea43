"""Over real HTTP: a burst of taps is answered once, a coordinator cannot task a unit outside its
plans, an invite opened in a group is refused and still works in private, a stale «Lưu» saves
nothing."""

from __future__ import annotations

import asyncio

import pytest
from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import AdHocRequest, Occurrence, Plan, Reply, Unit
from kehoach_bot.plans.bundled import bundled_plan_files
from kehoach_bot.telegram.callbacks import Action, encode
from tests.e2e.conftest import ADMIN, BotEnv

OFFICER, COORDINATOR, NEWCOMER = 1401, 1402, 1403


def _open_report(bot: BotEnv) -> int:
    with session_scope(bot.engine) as session:
        unit_id = session.exec(select(Unit.id).where(Unit.code == "GL-SNV")).one()
        found = session.exec(
            select(Occurrence.id).where(Occurrence.unit_id == unit_id, Occurrence.state == "open")
        ).first()
    assert found is not None
    return found


@pytest.mark.burst_limit
async def test_a_burst_of_50_taps_is_answered_once(bot: BotEnv) -> None:
    fake = bot.fake
    await bot.join(OFFICER, "GL-SNV", "cán bộ", name="Lan")
    data = encode(Action.PROGRESS, _open_report(bot))
    before = len(fake.sent("answerCallbackQuery"))
    for _ in range(50):
        fake.press(OFFICER, data, name="Lan")
    await fake.wait_for(lambda c: c.method == "answerCallbackQuery")
    await asyncio.sleep(1.5)  # every update of the burst has been read and dropped by now
    assert len(fake.sent("answerCallbackQuery")) - before == 1
    with session_scope(bot.engine) as session:
        assert [r.kind for r in session.exec(select(Reply)).all()] == ["in_progress"]


async def test_a_coordinator_cannot_task_a_unit_outside_its_plans(bot: BotEnv) -> None:
    fake = bot.fake
    await bot.join(COORDINATOR, "GL-SYT", "đầu mối", name="Hùng")
    fake.send_text(COORDINATOR, "/dotxuat BO-YTE 01/12/2026 Báo cáo nhanh", name="Hùng")
    await fake.wait_text(COORDINATOR, "Ngoài phạm vi: Bộ Y tế (BO-YTE)")
    with session_scope(bot.engine) as session:
        assert session.exec(select(AdHocRequest)).all() == []


async def test_an_invite_opened_in_a_group_is_refused_and_still_works_in_private(
    bot: BotEnv,
) -> None:
    fake = bot.fake
    code = await bot.invite("GL-SNV", "cán bộ")
    fake.send_text(NEWCOMER, f"/start {code}", chat_id=-100777, chat_type="supergroup")
    await fake.wait_text(-100777, "cuộc trò chuyện riêng")
    fake.send_text(NEWCOMER, f"/start {code}", name="Minh")
    await fake.wait_text(NEWCOMER, "Bạn đã tham gia")


async def test_a_stale_save_button_saves_nothing(bot: BotEnv) -> None:
    fake = bot.fake
    text = dict(bundled_plan_files())["la-gi-81.toml"]
    fake.send_document(ADMIN, text.replace("2024-07-20", "2024-07-31").encode(), "la-gi-81.toml")
    first = await fake.wait_text(ADMIN, "Tệp kế hoạch la-gi-81.toml")
    fake.send_document(ADMIN, text.replace("2024-07-20", "2024-07-25").encode(), "la-gi-81.toml")
    await fake.wait_text(ADMIN, "Tệp kế hoạch la-gi-81.toml", after=first)
    stale = first.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    fake.press(ADMIN, stale, name="Quản trị")
    answer = await fake.wait_for(
        lambda c: c.method == "answerCallbackQuery" and "đã cũ" in str(c.params.get("text"))
    )
    assert answer.params.get("show_alert") is True
    with session_scope(bot.engine) as session:
        assert session.exec(select(Plan).where(Plan.code == "la-gi-81")).one().version == 1

"""/xuat: a coordinator gets its plan's table as an Excel file by buttons; nobody else does."""

from __future__ import annotations

import io

import openpyxl
from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Occurrence, Plan
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import State
from kehoach_bot.texts import exports_vi as t
from tests.auxil.offline_bot import Call
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import OfflineBot

COORDINATOR, OFFICER = 7301, 7302


def _button(call: Call, label: str) -> str:
    return dict(zip(call.button_texts(), call.callback_data(), strict=True))[label]


def _occurrences(bot: OfflineBot, plan: str, period_key: str) -> int:
    with session_scope(bot.engine) as session:
        return len(
            session.exec(
                select(Occurrence.id)
                .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
                .join(Plan, col(Plan.id) == col(Obligation.plan_id))
                .where(
                    Plan.code == plan,
                    Occurrence.period_key == period_key,
                    col(Occurrence.state).in_([State.OPEN.value, State.DONE.value]),
                )
            ).all()
        )


async def test_a_coordinator_picks_plan_and_period_and_gets_the_workbook(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Hùng")
    asked = await bot.send_text(COORDINATOR, "/xuat")
    assert asked[0].text.startswith(t.CHOOSE_PLAN)
    assert asked[0].button_texts()[:-1] == ["gia-lai-743 · 743/KH-UBND"]  # its plan only
    periods = await bot.press(COORDINATOR, _button(asked[0], "gia-lai-743 · 743/KH-UBND"))
    listing = next(c for c in periods if c.method == "editMessageText")
    calls = await bot.press(COORDINATOR, _button(listing, "năm 2026"))
    [sent] = [c for c in calls if c.method == "sendDocument"]
    assert sent.params["caption"].startswith("📊 Bảng theo dõi gia-lai-743 — năm 2026:")
    workbook = openpyxl.load_workbook(io.BytesIO(next(iter(sent.files.values()))))
    sheet = workbook[t.SHEET_TABLE]
    assert sheet.max_row - 1 == _occurrences(bot, "gia-lai-743", "2026")
    assert {row[3] for row in sheet.iter_rows(min_row=2, values_only=True)} == {"năm 2026"}


async def test_a_plan_not_coordinated_is_refused_and_nothing_is_sent(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR)
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    before = snapshot(bot.engine)
    calls = await bot.send_text(COORDINATOR, "/xuat la-gi-81")
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].text == t.NOT_YOUR_PLAN.format(plan="la-gi-81")
    officer = await bot.send_text(OFFICER, "/xuat gia-lai-743")
    assert [c.method for c in officer] == ["sendMessage"]
    unknown = await bot.send_text(COORDINATOR, "/xuat gia-lai-743 năm 1999")
    assert "không có kỳ" in unknown[0].text
    assert snapshot(bot.engine) == before

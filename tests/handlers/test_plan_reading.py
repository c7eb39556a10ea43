"""/kehoachmoi: an admin sends a plan's own text (a file, or pasted in pieces); the bot answers
with a short summary and the draft plan file, and «Lưu» loads it through the usual path."""

from __future__ import annotations

from datetime import date

from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Plan
from kehoach_bot.domain.roles import Role
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.texts import bot_vi
from kehoach_bot.texts import extract_bot_vi as t
from tests.auxil.offline_bot import Call
from tests.auxil.plan_texts import PLAN_BODY as BODY
from tests.auxil.plan_texts import PLAN_HEAD as HEAD
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import ADMIN, OfflineBot

OFFICER = 7501


def _button(call: Call, label: str) -> str:
    return dict(zip(call.button_texts(), call.callback_data(), strict=True))[label]


def _plan(bot: OfflineBot, code: str) -> tuple[Plan, list[Obligation]] | None:
    with session_scope(bot.engine) as session:
        plan = session.exec(select(Plan).where(Plan.code == code)).first()
        if plan is None:
            return None
        duties = session.exec(select(Obligation).where(Obligation.plan_id == plan.id)).all()
        session.expunge_all()
        return plan, list(duties)


async def test_a_plan_file_is_read_summarised_and_loaded_with_one_tap(bot: OfflineBot) -> None:
    asked = await bot.send_text(ADMIN, "/kehoachmoi")
    assert asked[0].text == t.ASK
    calls = await bot.send_document(ADMIN, (HEAD + BODY).encode("utf-8"), "ke-hoach-901.txt")
    [draft] = [c for c in calls if c.method == "sendDocument"]
    toml = next(iter(draft.files.values())).decode("utf-8")
    assert (
        'code = "gia-lai-901"' in toml
        and 'schedule = { type = "yearly", month = 12, day = 15 }' in toml
    )
    summary = [c for c in calls if c.method == "sendMessage"][-1]
    assert summary.text.startswith("📄 Bản nháp kế hoạch gia-lai-901: 1 nghĩa vụ báo cáo")
    assert (
        "Hằng năm, trước ngày 15/12 — Sở Nội vụ tỉnh Gia Lai → Ủy ban nhân dân tỉnh" in summary.text
    )
    assert "(qua Sở Y tế)" in summary.text and summary.text.endswith(t.READY)
    assert _plan(bot, "gia-lai-901") is None  # nothing is loaded before «Lưu»
    await bot.press(ADMIN, _button(summary, bot_vi.BUTTON_SAVE))
    loaded = _plan(bot, "gia-lai-901")
    assert loaded is not None
    plan, [duty] = loaded
    assert (plan.number, plan.issued_on, plan.tracked_from) == (
        "901/KH-UBND",
        date(2026, 11, 10),
        bot.runtime.today(),  # a new plan is followed from the day it is loaded
    )
    assert duty.schedule == {"type": "yearly", "month": 12, "day": 15}
    assert duty.wording == "truoc_ngay" and "trước ngày 15/12" in duty.quote


async def test_text_pasted_in_pieces_is_read_when_the_admin_taps_read(bot: OfflineBot) -> None:
    await bot.send_text(ADMIN, "/kehoachmoi")
    first = await bot.send_text(ADMIN, HEAD)
    assert first[0].text.startswith("Đã nhận ") and "(1 tin)" in first[0].text
    await bot.send_text(ADMIN, BODY)
    calls = await bot.press(ADMIN, encode(Action.READ_PLAN))
    assert any(c.method == "sendDocument" for c in calls)
    summary = [c for c in calls if c.method == "sendMessage"][-1]
    assert "1 nghĩa vụ báo cáo" in summary.text and "trước ngày 15/12" in summary.text
    again = await bot.press(ADMIN, encode(Action.READ_PLAN))  # the text was used up
    assert again[0].text == t.NOT_READING


async def test_bad_files_and_people_get_a_clear_word_and_nothing_changes(bot: OfflineBot) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    before = snapshot(bot.engine)
    refused = await bot.send_text(OFFICER, "/kehoachmoi")
    assert [c.method for c in refused] == ["sendMessage"] and "quyền" in refused[0].text
    await bot.send_text(ADMIN, "/kehoachmoi")
    empty = await bot.press(ADMIN, encode(Action.READ_PLAN))
    assert empty[0].text == t.NOTHING_PASTED
    binary = await bot.send_document(ADMIN, b"\x00\x01\x02PK\x03\x04" * 50, "ke-hoach.pdf")
    assert [c.method for c in binary] == ["getFile", "sendMessage"]  # read, then refused
    assert "PDF" in binary[1].text  # what is wrong, in Vietnamese
    blank = await bot.send_document(ADMIN, b"   \n  ", "trong.txt")
    assert [c.method for c in blank] == ["getFile", "sendMessage"]
    assert snapshot(bot.engine) == before
    with session_scope(bot.engine) as session:
        assert len(session.exec(select(col(Plan.code))).all()) == 5

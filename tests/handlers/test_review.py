"""/duyet: the admin sees Gia Lai's two dates side by side and decides with one tap; the message
shows the decision; the tap is checked again on the server; coordinators and officers see held
periods as awaiting the admin's decision."""

from __future__ import annotations

from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Plan
from kehoach_bot.domain.roles import Role
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.texts import review_vi
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import ADMIN, OfflineBot

COORDINATOR, OFFICER = 4104, 4101
EARLY, LATE = "gui-so-y-te", "bao-cao-ubnd-tinh"


def obligation_id(bot: OfflineBot, code: str) -> int:
    with session_scope(bot.engine) as session:
        found = session.exec(
            select(Obligation.id)
            .join(Plan)
            .where(Plan.code == "gia-lai-743", Obligation.code == code)
        ).one()
    assert found is not None
    return found


def flags(bot: OfflineBot) -> dict[str, tuple[bool, bool]]:
    with session_scope(bot.engine) as session:
        rows = session.exec(select(Obligation).join(Plan).where(Plan.code == "gia-lai-743")).all()
        return {o.code: (o.needs_review, o.active) for o in rows}


async def test_duyet_shows_both_dates_side_by_side_with_one_tap_buttons(bot: OfflineBot) -> None:
    calls = await bot.send_text(ADMIN, "/duyet gia-lai-743", name="Quản trị")
    assert [c.method for c in calls] == ["sendMessage", "sendMessage"]
    pair, undated = calls
    assert pair.text.startswith("⚖️ gia-lai-743: 25/11 hay 15/12")
    assert "hằng năm, ngày 25/11 (trước ngày)" in pair.text
    assert "hằng năm, ngày 15/12 (trước ngày)" in pair.text
    assert "gửi Sở Y tế trước ngày 25/11 hàng năm" in pair.text  # the plan's own words
    assert "(trước ngày 15 tháng 12)" in pair.text
    assert "Ủy ban nhân dân tỉnh Gia Lai (qua Sở Y tế tỉnh Gia Lai)" in pair.text
    assert pair.button_texts() == ["Giữ cả hai", "Chỉ 25/11", "Chỉ 15/12"]
    early, late = obligation_id(bot, EARLY), obligation_id(bot, LATE)
    assert pair.callback_data() == [
        encode(Action.REVIEW_ALL, early),
        encode(Action.REVIEW_ONLY, early),
        encode(Action.REVIEW_ONLY, late),
    ]
    assert "/sua gia-lai-743 so-ket-tong-ket" in undated.text
    assert undated.callback_data() == []


async def test_one_tap_decides_and_the_message_shows_the_decision(bot: OfflineBot) -> None:
    early, late = obligation_id(bot, EARLY), obligation_id(bot, LATE)
    calls = await bot.press(ADMIN, encode(Action.REVIEW_ONLY, early))
    assert [c.method for c in calls] == ["answerCallbackQuery", "editMessageText"]
    edited = calls[1].text
    assert edited.startswith("✅ Đã quyết định — gia-lai-743")
    assert "Giữ, nhắc việc theo: Tổng hợp, đánh giá tình hình thực hiện gửi Sở Y tế" in edited
    assert "(25/11)" in edited and "Bỏ, thôi nhắc: Báo cáo kết quả" in edited
    assert "(15/12)" in edited
    assert calls[1].callback_data() == []  # the buttons are gone
    assert flags(bot)[EARLY] == (False, True) and flags(bot)[LATE] == (False, False)
    # The same tap again, or the other date: nothing changes, and the admin is told why.
    before = snapshot(bot.engine)
    for data in (encode(Action.REVIEW_ONLY, early), encode(Action.REVIEW_ONLY, late)):
        again = await bot.press(ADMIN, data)
        assert [c.method for c in again] == ["answerCallbackQuery"]
        assert "không còn chờ quyết định" in again[0].text
        assert again[0].params.get("show_alert") in (True, "true", "True")
    assert snapshot(bot.engine) == before
    nothing = await bot.send_text(ADMIN, "/duyet gia-lai-743")
    assert "/sua gia-lai-743 so-ket-tong-ket" in nothing[0].text and len(nothing) == 1


async def test_keep_both(bot: OfflineBot) -> None:
    calls = await bot.press(ADMIN, encode(Action.REVIEW_ALL, obligation_id(bot, LATE)))
    assert "Giữ, nhắc việc theo:" in calls[-1].text and "Bỏ" not in calls[-1].text
    assert flags(bot)[EARLY] == (False, True) and flags(bot)[LATE] == (False, True)


async def test_only_an_admin_may_decide_and_callback_data_is_not_trusted(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối")
    before = snapshot(bot.engine)
    listing = await bot.send_text(COORDINATOR, "/duyet")
    assert "không có quyền" in listing[0].text
    for action in (Action.REVIEW_ALL, Action.REVIEW_ONLY, Action.REVIEW_DROP):
        calls = await bot.press(COORDINATOR, encode(action, obligation_id(bot, EARLY)))
        assert [c.method for c in calls] == ["answerCallbackQuery"]
        assert "không có quyền" in calls[0].text
    # An admin's forged tap on an obligation that was never flagged.
    never_flagged = obligation_id(bot, "bao-cao-bo-y-te")
    forged = await bot.press(ADMIN, encode(Action.REVIEW_DROP, never_flagged))
    assert "không còn chờ quyết định" in forged[0].text
    assert snapshot(bot.engine) == before
    usage = await bot.send_text(ADMIN, "/duyet a b")
    assert usage[0].text == review_vi.USAGE


async def test_coordinators_and_officers_see_held_periods_as_awaiting_review(
    bot: OfflineBot,
) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối")
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    table = await bot.send_text(COORDINATOR, "/tinhhinh gia-lai-743")
    held = [line for c in table for line in c.text.splitlines() if review_vi.HELD in line]
    assert held and all(line.startswith("• ") for line in held)
    owed = await bot.send_text(OFFICER, "/viec")
    assert review_vi.HELD in owed[0].text
    await bot.press(ADMIN, encode(Action.REVIEW_ALL, obligation_id(bot, EARLY)))
    table = await bot.send_text(COORDINATOR, "/tinhhinh gia-lai-743")
    assert all(review_vi.HELD not in c.text for c in table)
    owed = await bot.send_text(OFFICER, "/viec")
    assert review_vi.HELD not in owed[0].text

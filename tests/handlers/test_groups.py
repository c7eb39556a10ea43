"""/nhom: an admin fills a group's members in the bot; everyone else, and tampered buttons, are
refused without any change."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import AuditLog, GroupMember, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.services import group_changes, units
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.group_changes import MemberChange
from kehoach_bot.services.group_previews import MemberAction
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.texts import bot_vi, groups_vi
from tests.auxil.offline_bot import Call
from tests.auxil.snapshot import snapshot
from tests.conftest import NOW
from tests.handlers.conftest import ADMIN, OfflineBot

OFFICER, STRANGER = 4101, 4102
PASTE, ADD = 2, 0


def unit_id(bot: OfflineBot, code: str) -> int:
    with session_scope(bot.engine) as session:
        found = session.exec(select(Unit.id).where(Unit.code == code)).one()
    assert found is not None
    return found


def members(bot: OfflineBot, group: str) -> list[str]:
    with session_scope(bot.engine) as session:
        return sorted(
            session.exec(
                select(Unit.code)
                .join(GroupMember, col(GroupMember.member_id) == col(Unit.id))
                .where(GroupMember.group_id == unit_id(bot, group))
            ).all()
        )


def last_message(calls: list[Call]) -> Call:
    sent = [c for c in calls if c.method == "sendMessage"]
    assert sent, [c.method for c in calls]
    return sent[-1]


async def test_admin_pastes_a_list_previews_it_and_saves(bot: OfflineBot) -> None:
    listed = await bot.send_text(ADMIN, "/nhom")
    text = "\n".join(c.text for c in listed)
    assert "BS-UBNDXA" in text and groups_vi.FLAG.strip() in text
    group = unit_id(bot, "BS-UBNDXA")
    assert encode(Action.GROUP, group) in last_message(listed).callback_data()

    card = last_message(await bot.press(ADMIN, encode(Action.GROUP, group)))
    assert "Chưa có danh sách đơn vị" in card.text
    assert card.button_texts() == [
        groups_vi.BUTTON_ADD,
        groups_vi.BUTTON_REMOVE,
        groups_vi.BUTTON_PASTE,
    ]
    asked = await bot.press(ADMIN, card.callback_data()[PASTE])
    assert last_message(asked).text == groups_vi.ASK_PASTE.format(group="BS-UBNDXA")

    before = snapshot(bot.engine)
    preview = last_message(await bot.send_text(ADMIN, "Xã Bình Hòa\nThị trấn Châu Ổ"))
    assert "tạo đơn vị mới BS-BINHHOA" in preview.text
    assert "Sau khi lưu: 2 thành viên" in preview.text
    assert snapshot(bot.engine) == before  # the preview wrote nothing
    assert preview.button_texts() == [bot_vi.BUTTON_SAVE, bot_vi.BUTTON_CANCEL]

    saved = last_message(await bot.press(ADMIN, preview.callback_data()[0]))
    assert saved.text.startswith("Đã lưu nhóm BS-UBNDXA: 2 thành viên")
    assert members(bot, "BS-UBNDXA") == ["BS-BINHHOA", "BS-CHAUO"]
    with session_scope(bot.engine) as session:
        entry = session.exec(select(AuditLog).where(AuditLog.action == "group_paste")).one()
        assert entry.actor == f"tg:{ADMIN}"
        assert entry.after == {"members": ["BS-BINHHOA", "BS-CHAUO"]}
    # The same «Lưu» again saves nothing twice.
    again = await bot.press(ADMIN, preview.callback_data()[0])
    assert again[-1].params.get("show_alert") is True
    assert members(bot, "BS-UBNDXA") == ["BS-BINHHOA", "BS-CHAUO"]


async def test_a_list_with_problems_offers_no_save_until_corrected(bot: OfflineBot) -> None:
    group = unit_id(bot, "BS-UBNDXA")
    await bot.press(ADMIN, encode(Action.GROUP_MODE, group, PASTE))
    before = snapshot(bot.engine)
    shown = last_message(await bot.send_text(ADMIN, "Xã Bình Hòa\n\nxa binh hoa"))
    assert "dòng trống" in shown.text and "trùng với dòng 1" in shown.text
    assert shown.button_texts() == [bot_vi.BUTTON_CANCEL]
    assert snapshot(bot.engine) == before
    # The next message is still read as the list: corrected, it can be saved.
    fixed = last_message(await bot.send_text(ADMIN, "Xã Bình Hòa"))
    assert fixed.button_texts() == [bot_vi.BUTTON_SAVE, bot_vi.BUTTON_CANCEL]
    await bot.press(ADMIN, fixed.callback_data()[0])
    assert members(bot, "BS-UBNDXA") == ["BS-BINHHOA"]


async def test_adding_a_member_already_present_says_so_and_changes_nothing(
    bot: OfflineBot,
) -> None:
    await bot.press(ADMIN, encode(Action.GROUP_MODE, unit_id(bot, "DN-UBNDHUYEN"), ADD))
    before = snapshot(bot.engine)
    answer = last_message(await bot.send_text(ADMIN, "DN-CUJUT"))
    assert answer.text == groups_vi.ALREADY_MEMBER.format(code="DN-CUJUT", group="DN-UBNDHUYEN")
    assert snapshot(bot.engine) == before


async def test_a_preview_overtaken_by_another_change_is_not_saved(bot: OfflineBot) -> None:
    group = unit_id(bot, "BS-UBNDXA")
    await bot.press(ADMIN, encode(Action.GROUP_MODE, group, PASTE))
    preview = last_message(await bot.send_text(ADMIN, "Xã Bình Hòa"))
    with session_scope(bot.engine) as session:  # meanwhile, from the command line
        units.add_unit(
            session,
            code="BS-BINHHOA",
            name="Xã Bình Hòa",
            kind="ubnd_xa",
            locality=units.get_unit(session, "BS-UBNDXA").locality,
            actor="cli",
            now=NOW,
            policy=bot.settings.deadlines,
            until=horizon(bot.settings, NOW),
        )
    before = snapshot(bot.engine)
    refused = await bot.press(ADMIN, preview.callback_data()[0])
    assert [c.method for c in refused] == ["answerCallbackQuery"]
    assert refused[0].params.get("show_alert") is True
    assert refused[0].text == groups_vi.PREVIEW_STALE
    assert snapshot(bot.engine) == before
    assert members(bot, "BS-UBNDXA") == []


@pytest.mark.parametrize("member", [True, False], ids=["officer", "stranger"])
async def test_nhom_and_its_buttons_are_refused_to_non_admins(
    bot: OfflineBot, member: bool
) -> None:
    user = OFFICER if member else STRANGER
    if member:
        bot.join(user, "GL-SNV", Role.OFFICER)
    before = snapshot(bot.engine)
    said = await bot.send_text(user, "/nhom")
    assert [c.method for c in said] == ["sendMessage"] and "không có quyền" in said[0].text
    group = unit_id(bot, "BS-UBNDXA")
    for data in (encode(Action.GROUP, group), encode(Action.GROUP_MODE, group, PASTE)):
        pressed = await bot.press(user, data)
        assert [c.method for c in pressed] == ["answerCallbackQuery"]
        assert pressed[0].params.get("show_alert") is True
        assert "không có quyền" in pressed[0].text
    # A list typed afterwards is not taken for anything.
    typed = await bot.send_text(user, "Xã Bình Hòa")
    assert "Xem trước" not in typed[0].text
    assert snapshot(bot.engine) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param("group:DN-SYT", groups_vi.NOT_A_GROUP.format(code="DN-SYT"), id="not-a-group"),
        pytest.param("group:999999", groups_vi.GROUP_NOT_FOUND, id="no-such-group"),
        pytest.param("mode:7", bot_vi.BAD_CALLBACK, id="no-such-mode"),
        pytest.param("k1:gm:1", bot_vi.BAD_CALLBACK, id="missing-mode"),
        pytest.param("k1:ok:424242", bot_vi.NOTHING_TO_CONFIRM, id="no-preview"),
    ],
)
async def test_tampered_group_buttons_are_refused_and_change_nothing(
    bot: OfflineBot, data: str, message: str
) -> None:
    if data.startswith("group:"):
        target = data.removeprefix("group:")
        data = encode(Action.GROUP, unit_id(bot, target) if target.startswith("DN") else 999999)
    elif data.startswith("mode:"):
        data = encode(Action.GROUP_MODE, unit_id(bot, "BS-UBNDXA"), 7)
    before = snapshot(bot.engine)
    calls = await bot.press(ADMIN, data)
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert calls[0].params.get("show_alert") is True
    assert calls[0].text == message[:200]
    assert snapshot(bot.engine) == before


async def test_kehoach_flags_obligations_whose_group_has_no_members(bot: OfflineBot) -> None:
    calls = await bot.send_text(ADMIN, "/kehoach")
    text = "\n".join(c.text for c in calls)
    assert "Chưa có danh sách đơn vị" in text
    assert "binh-son-35/bao-cao-hang-nam: BS-UBNDXA" in text
    assert "DN-UBNDHUYEN" not in text
    with session_scope(bot.engine) as session:
        group_changes.save(
            session,
            MemberChange("BS-UBNDXA", MemberAction.PASTE, "Xã Bình Hòa", ""),
            actor="test",
            now=NOW,
            policy=bot.settings.deadlines,
            until=horizon(bot.settings, NOW),
        )
    after = "\n".join(c.text for c in await bot.send_text(ADMIN, "/kehoach"))
    assert "BS-UBNDXA" not in after


async def test_nhom_with_a_code_opens_that_group(bot: OfflineBot) -> None:
    card = last_message(await bot.send_text(ADMIN, "/nhom DN-UBNDHUYEN"))
    assert card.text.startswith("Nhóm DN-UBNDHUYEN: UBND các huyện, thành phố tỉnh Đắk Nông")
    assert (
        "Thành viên (8):" in card.text
        and "DN-DAKRLAP — Ủy ban nhân dân huyện Đắk R'lấp" in card.text
    )
    assert "dak-nong-33/huyen-6-thang" in card.text and "Chưa có danh sách" not in card.text
    refused = await bot.send_text(ADMIN, "/nhom DN-SYT")
    assert refused[-1].text == groups_vi.NOT_A_GROUP.format(code="DN-SYT")

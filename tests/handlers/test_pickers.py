"""Buttons in place of typed codes: a command without its arguments offers only what the person
may act on, pressing through ends in the same answer as the typed form, and a stale or tampered
picker token is refused in Vietnamese and changes nothing."""

from __future__ import annotations

import re

from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Invite, Membership, Occurrence, Person, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.texts import pickers_vi as t
from tests.auxil.offline_bot import Call
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import ADMIN, OfflineBot

COORDINATOR, OTHER_COORDINATOR, OFFICER, STRANGER = 4101, 4102, 4103, 4104
PICK = re.compile(r"^k1:pk:(\d+):(\d+)$")


def _options(call: Call) -> dict[str, str]:
    """Label → callback data of a picker's option buttons (navigation and «Hủy» left out)."""
    pairs = zip(call.button_texts(), call.callback_data(), strict=True)
    return {label: data for label, data in pairs if PICK.match(data)}


def _token(call: Call) -> int:
    match = PICK.match(next(iter(_options(call).values())))
    assert match is not None
    return int(match.group(1))


def _stored_state(bot: OfflineBot) -> dict[str, str]:
    """Every table but the one that keeps people's state (a refused tap leaves the data alone)."""
    return {name: rows for name, rows in snapshot(bot.engine).items() if "state" not in name}


# --- /tinhhinh ---------------------------------------------------------------------------------


async def test_tinhhinh_offers_only_the_coordinators_own_plans(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    bot.join(OTHER_COORDINATOR, "LG-VPTU", Role.COORDINATOR, name="Đầu mối La Gi")
    calls = await bot.send_text(COORDINATOR, "/tinhhinh")
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].text.startswith(t.CHOOSE_PLAN)
    assert list(_options(calls[0])) == ["gia-lai-743 · 743/KH-UBND"]
    calls = await bot.send_text(OTHER_COORDINATOR, "/tinhhinh")
    labels = list(_options(calls[0]))
    assert len(labels) == 1 and labels[0].startswith("la-gi-81 · ")
    assert "GL-" not in calls[0].text and "gia-lai" not in " ".join(labels)


async def test_tinhhinh_plan_then_period_gives_the_typed_table(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    typed = await bot.send_text(COORDINATOR, "/tinhhinh gia-lai-743 năm 2026")
    assert "năm 2026" in typed[0].text

    plans = await bot.send_text(COORDINATOR, "/tinhhinh")
    calls = await bot.press(COORDINATOR, _options(plans[0])["gia-lai-743 · 743/KH-UBND"])
    # The picker message turns into the period picker, in place.
    assert [c.method for c in calls] == ["editMessageText", "answerCallbackQuery"]
    assert calls[0].text.startswith(t.CHOOSE_PERIOD.format(plan="gia-lai-743"))
    periods = _options(calls[0])
    assert next(iter(periods)) == "năm 2026"  # the period being chased leads
    assert "năm 2025" in periods
    calls = await bot.press(COORDINATOR, periods["năm 2026"])
    assert [c.method for c in calls][-2:] == ["editMessageText", "answerCallbackQuery"]
    answer = [c for c in calls if c.method == "sendMessage"]
    assert [c.text for c in answer] == [c.text for c in typed if c.method == "sendMessage"]
    assert calls[-2].text == t.CHOSEN.format(values="gia-lai-743 · 743/KH-UBND · năm 2026")
    assert calls[-2].callback_data() == []  # the picker's buttons are gone


async def test_tinhhinh_reads_periods_as_people_write_them(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    by_key = await bot.send_text(COORDINATOR, "/tinhhinh gia-lai-743 2025")
    by_words = await bot.send_text(COORDINATOR, "/tinhhinh gia-lai-743 Năm 2025")
    assert by_words[0].text == by_key[0].text
    assert "năm 2025" in by_words[0].text
    assert "chưa có kỳ" not in by_words[0].text


async def test_tinhhinh_names_the_periods_a_plan_has_when_asked_for_another(
    bot: OfflineBot,
) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    calls = await bot.send_text(COORDINATOR, "/tinhhinh gia-lai-743 6 tháng đầu năm 2025")
    assert [c.method for c in calls] == ["sendMessage"]
    text = calls[0].text
    assert text.startswith("Không có kỳ «6 tháng đầu năm 2025» trong kế hoạch gia-lai-743")
    assert "các kỳ có: năm 2026, năm 2025" in text
    assert "chưa có kỳ báo cáo nào đến hạn" not in text


async def test_a_stale_or_tampered_picker_token_is_refused_and_changes_nothing(
    bot: OfflineBot,
) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    first = await bot.send_text(COORDINATOR, "/tinhhinh")
    old = _options(first[0])["gia-lai-743 · 743/KH-UBND"]
    second = await bot.send_text(COORDINATOR, "/tinhhinh")
    fresh = _options(second[0])["gia-lai-743 · 743/KH-UBND"]
    assert old != fresh
    before = _stored_state(bot)
    token = _token(second[0])
    for data in (old, f"k1:pk:{token + 1}:0", f"k1:pk:{token}:7", f"k1:pg:{token}:9"):
        calls = await bot.press(COORDINATOR, data)
        assert [c.method for c in calls] == ["answerCallbackQuery"], data
        assert calls[0].params["text"] == t.STALE
    assert _stored_state(bot) == before
    # The fresh picker still works after the refusals.
    calls = await bot.press(COORDINATOR, fresh)
    assert calls[0].method == "editMessageText"


async def test_another_persons_token_is_stale_for_the_presser(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    bot.join(OTHER_COORDINATOR, "LG-VPTU", Role.COORDINATOR, name="Đầu mối La Gi")
    mine = await bot.send_text(COORDINATOR, "/tinhhinh")
    await bot.send_text(OTHER_COORDINATOR, "/tinhhinh")
    calls = await bot.press(OTHER_COORDINATOR, _options(mine[0])["gia-lai-743 · 743/KH-UBND"])
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert calls[0].params["text"] == t.STALE


async def test_cancel_forgets_the_picker(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    plans = await bot.send_text(COORDINATOR, "/tinhhinh")
    token = _token(plans[0])
    calls = await bot.press(COORDINATOR, f"k1:pc:{token}")
    assert [c.text for c in calls if c.method == "editMessageText"] == [t.CANCELLED]
    calls = await bot.press(COORDINATOR, f"k1:pk:{token}:0")
    assert calls[0].params["text"] == t.STALE


async def _all_pages(bot: OfflineBot, user: int, first: Call) -> dict[str, str]:
    """Every option of a picker, pressing ▶ through its pages (each page edits the message)."""
    options = dict(_options(first))
    pages = [d for d in first.callback_data() if d.startswith("k1:pg:")]
    current = first
    seen = 1
    while pages:
        following = pages[-1]  # ▶
        if following.endswith(":0"):
            break
        calls = await bot.press(user, following)
        current = calls[0]
        assert current.method == "editMessageText"
        options.update(_options(current))
        pages = [d for d in current.callback_data() if d.startswith("k1:pg:")]
        seen += 1
        assert seen < 50
    return options


# --- /dotxuat ----------------------------------------------------------------------------------


async def test_dotxuat_offers_only_units_of_the_coordinators_plans(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    calls = await bot.send_text(COORDINATOR, "/dotxuat")
    assert calls[0].text.startswith(t.CHOOSE_AD_HOC_UNITS)
    options = await _all_pages(bot, COORDINATOR, calls[0])
    codes = {re.sub(r".*\((.+)\)$", r"\1", label) for label in options}
    assert "▫ Sở Nội vụ (GL-SNV)" in options
    assert codes and all(code.startswith("GL-") for code in codes), codes
    assert "GL-UBND" not in codes  # the recipient owes nothing under this plan


async def test_dotxuat_ticked_units_then_date_then_text_equals_the_typed_form(
    bot: OfflineBot,
) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    calls = await bot.send_text(COORDINATOR, "/dotxuat")
    options = _options(calls[0])
    snv = options["▫ Sở Nội vụ (GL-SNV)"]
    token = _token(calls[0])
    done = f"k1:px:{token}"
    calls = await bot.press(COORDINATOR, done)  # nothing ticked yet
    assert calls[0].params["text"] == t.NOTHING_CHOSEN
    calls = await bot.press(COORDINATOR, snv)
    assert "☑ Sở Nội vụ (GL-SNV)" in calls[0].button_texts()
    assert t.BUTTON_DONE.format(count=1) in calls[0].button_texts()
    calls = await bot.press(COORDINATOR, done)
    assert calls[0].method == "editMessageText"
    assert calls[0].text == t.ASK_AD_HOC_DATE.format(units="Sở Nội vụ (GL-SNV)")
    calls = await bot.send_text(COORDINATOR, "31/02/2027")  # no such day: asked again
    assert "không có ngày 31" in calls[0].text
    calls = await bot.send_text(COORDINATOR, "30/11/2026")
    assert calls[0].text == t.ASK_AD_HOC_TEXT.format(date="30/11/2026")
    picked = await bot.send_text(COORDINATOR, "Báo cáo nhanh số người có công")
    typed = await bot.send_text(
        COORDINATOR, "/dotxuat GL-SNV 30/11/2026 Báo cáo nhanh số người có công"
    )
    assert [c.text for c in picked] == [c.text for c in typed]
    assert "GL-SNV" in picked[0].text
    with session_scope(bot.engine) as session:
        requests = session.exec(
            select(Occurrence.id)
            .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
            .where(Unit.code == "GL-SNV", col(Occurrence.request_id).is_not(None))
        ).all()
    assert len(requests) == 2
    # The flow is over: the next text is not taken as another request.
    calls = await bot.send_text(COORDINATOR, "30/11/2026")
    assert t.ASK_AD_HOC_TEXT.format(date="30/11/2026") not in [c.text for c in calls]


async def test_a_typed_search_narrows_a_picker(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    await bot.send_text(COORDINATOR, "/dotxuat")
    calls = await bot.send_text(COORDINATOR, "noi vu")
    assert calls[0].method == "sendMessage"
    assert list(_options(calls[0])) == ["▫ Sở Nội vụ (GL-SNV)"]
    calls = await bot.send_text(COORDINATOR, "không có đơn vị này")
    assert calls[0].text == t.NOT_FOUND.format(text="không có đơn vị này")


# --- admins --------------------------------------------------------------------------------------


async def test_moi_unit_then_role_in_vietnamese_gives_the_link(bot: OfflineBot) -> None:
    calls = await bot.send_text(ADMIN, "/moi", name="Quản trị")
    assert calls[0].text.startswith(t.CHOOSE_INVITE_UNIT)
    await bot.send_text(ADMIN, "gl-snv")  # a search
    found = bot.telegram.sent()[-1]
    calls = await bot.press(ADMIN, _options(found)["Sở Nội vụ (GL-SNV)"])
    assert calls[0].text.startswith(t.CHOOSE_ROLE.format(unit="Sở Nội vụ (GL-SNV)"))
    roles = _options(calls[0])
    assert list(roles) == ["Cán bộ", "Đầu mối", "Quản trị viên"]
    calls = await bot.press(ADMIN, roles["Cán bộ"])
    link = [c for c in calls if c.method == "sendMessage"]
    assert len(link) == 1 and "?start=" in link[0].text and "GL-SNV" in link[0].text
    typed = await bot.send_text(ADMIN, "/moi GL-SNV cán bộ")
    assert "?start=" in typed[0].text
    with session_scope(bot.engine) as session:
        invites = session.exec(select(Invite.role)).all()
    assert invites == ["officer", "officer"]


async def test_moi_is_refused_to_a_coordinator_before_any_button(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR)
    for command in ("/moi", "/moi GL-SNV", "/thuhoi", "/sua", "/sapnhap", "/theodoitu"):
        calls = await bot.send_text(COORDINATOR, command)
        assert [c.method for c in calls] == ["sendMessage"], command
        assert "không có quyền" in calls[0].text, command
        assert calls[0].callback_data() == [], command


async def test_thuhoi_names_people_by_name_and_unit(bot: OfflineBot) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER, name="Nguyễn Thị Lan")
    calls = await bot.send_text(ADMIN, "/thuhoi")
    options = _options(calls[0])
    assert "Nguyễn Thị Lan — Sở Nội vụ (cán bộ)" in options
    assert not any(str(OFFICER) in label for label in options)
    calls = await bot.press(ADMIN, options["Nguyễn Thị Lan — Sở Nội vụ (cán bộ)"])
    answer = [c.text for c in calls if c.method == "sendMessage"]
    assert answer == [t.REVOKED.format(count=1, person="Nguyễn Thị Lan — Sở Nội vụ (cán bộ)")]
    with session_scope(bot.engine) as session:
        live = session.exec(
            select(Membership)
            .join(Person, col(Person.id) == col(Membership.person_id))
            .where(Person.telegram_user_id == OFFICER, col(Membership.revoked_at).is_(None))
        ).all()
    assert live == []


async def test_theodoitu_plan_then_date(bot: OfflineBot) -> None:
    calls = await bot.send_text(ADMIN, "/theodoitu")
    plans = _options(calls[0])
    assert "gia-lai-743 · 743/KH-UBND" in plans and len(plans) == 5
    calls = await bot.press(ADMIN, plans["gia-lai-743 · 743/KH-UBND"])
    assert calls[0].text.startswith("Kế hoạch gia-lai-743 · 743/KH-UBND: theo dõi từ ngày nào?")
    calls = await bot.send_text(ADMIN, "01/13/2026")  # not a date: asked again
    assert calls[0].text.startswith("Ngày") or "13" in calls[0].text
    picked = await bot.send_text(ADMIN, "01/01/2026")
    assert [c.method for c in picked] == ["sendMessage"]
    assert "theo dõi từ 01/01/2026 (trước đây: 24/11/2026)" in picked[0].text
    typed = await bot.send_text(ADMIN, "/theodoitu gia-lai-743 01/02/2026")
    assert "theo dõi từ 01/02/2026 (trước đây: 01/01/2026)" in typed[0].text


async def test_sua_plan_then_obligation_shows_its_fields(bot: OfflineBot) -> None:
    calls = await bot.send_text(ADMIN, "/sua")
    calls = await bot.press(ADMIN, _options(calls[0])["gia-lai-743 · 743/KH-UBND"])
    assert calls[0].text.startswith(t.CHOOSE_OBLIGATION.format(plan="gia-lai-743"))
    obligations = _options(calls[0])
    # A long title is cut on its button (60 characters), never on the server.
    [title] = [label for label in obligations if label.startswith("Tổng hợp, đánh giá")]
    assert len(title) == 60 and title.endswith("…")
    calls = await bot.press(ADMIN, obligations[title])
    picked = [c for c in calls if c.method == "sendMessage"]
    typed = await bot.send_text(ADMIN, "/sua gia-lai-743 gui-so-y-te")
    assert [c.text for c in picked] == [c.text for c in typed]
    assert [c.callback_data() for c in picked] == [c.callback_data() for c in typed]


async def test_sapnhap_old_then_new_gives_the_typed_preview(bot: OfflineBot) -> None:
    calls = await bot.send_text(ADMIN, "/sapnhap")
    await bot.send_text(ADMIN, "GL-SXD")
    calls = await bot.press(ADMIN, _options(bot.telegram.sent()[-1])["Sở Xây dựng (GL-SXD)"])
    assert calls[0].text.startswith(t.CHOOSE_MERGE_INTO.format(old="Sở Xây dựng (GL-SXD)"))
    await bot.send_text(ADMIN, "GL-SNV")
    calls = await bot.press(ADMIN, _options(bot.telegram.sent()[-1])["Sở Nội vụ (GL-SNV)"])
    asked = [c.text for c in calls if c.method in ("sendMessage", "editMessageText")]
    assert any("từ ngày nào?" in text for text in asked)  # the decision's date is never guessed
    bad = await bot.send_text(ADMIN, "31/02/2025")
    assert "không có ngày 31" in bad[0].text
    calls = await bot.send_text(ADMIN, "01/03/2025")
    picked = [c.text for c in calls if c.method == "sendMessage"]
    typed = await bot.send_text(ADMIN, "/sapnhap GL-SXD GL-SNV 01/03/2025")
    assert picked == [c.text for c in typed] and "GL-SXD → GL-SNV từ 01/03/2025" in picked[0]


async def test_chiatach_old_then_ticked_successors_then_the_date_gives_the_typed_preview(
    bot: OfflineBot,
) -> None:
    await bot.send_text(ADMIN, "/chiatach")
    await bot.send_text(ADMIN, "GL-SXD")
    await bot.press(ADMIN, _options(bot.telegram.sent()[-1])["Sở Xây dựng (GL-SXD)"])
    await bot.send_text(ADMIN, "GL-S")
    listing = bot.telegram.sent()[-1]
    options = _options(listing)
    await bot.press(ADMIN, options["▫ Sở Nội vụ (GL-SNV)"])
    await bot.press(ADMIN, options["▫ Sở Y tế (GL-SYT)"])
    asked = await bot.press(ADMIN, f"k1:px:{_token(listing)}")
    assert any("từ ngày nào?" in c.text for c in asked)
    calls = await bot.send_text(ADMIN, "01/03/2025")
    picked = [c.text for c in calls if c.method == "sendMessage"]
    typed = await bot.send_text(ADMIN, "/chiatach GL-SXD GL-SNV,GL-SYT 01/03/2025")
    assert picked == [c.text for c in typed] and "từ 01/03/2025" in picked[0]


# --- /donvi --------------------------------------------------------------------------------------


async def test_donvi_lists_and_searches_units_with_their_people(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    calls = await bot.send_text(COORDINATOR, "/donvi sở nội vụ")
    assert calls[0].text.startswith(t.UNITS_FOUND_TITLE.format(text="sở nội vụ", count=1))
    assert "GL-SNV — Sở Nội vụ tỉnh Gia Lai\n   Sở; cán bộ: 1, đầu mối: 0" in calls[0].text
    everything = await bot.send_text(COORDINATOR, "/donvi")
    text = "\n".join(c.text for c in everything)
    assert "GL-SYT" in text and "GL-SNV" in text
    assert "LG-" not in text and "DN-" not in text  # units of plans it does not follow
    calls = await bot.send_text(STRANGER, "/donvi")
    assert "không có quyền" in calls[0].text
    admin = await bot.send_text(ADMIN, "/donvi sở y tế")
    assert "DN-SYT" in admin[0].text and "GL-SYT" in admin[0].text


async def test_a_guided_dotxuat_survives_restarts_between_its_steps(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    calls = await bot.send_text(COORDINATOR, "/dotxuat")
    token = _token(calls[0])
    await bot.press(COORDINATOR, _options(calls[0])["▫ Sở Nội vụ (GL-SNV)"])
    await bot.restart()
    calls = await bot.press(COORDINATOR, f"k1:px:{token}")
    assert calls[0].text == t.ASK_AD_HOC_DATE.format(units="Sở Nội vụ (GL-SNV)")
    await bot.restart()
    await bot.send_text(COORDINATOR, "30/11/2026")
    await bot.restart()
    calls = await bot.send_text(COORDINATOR, "Báo cáo nhanh")
    assert "GL-SNV" in calls[0].text and "30/11/2026" in calls[0].text


async def test_pages_turn_in_place_and_come_back(bot: OfflineBot) -> None:
    calls = await bot.send_text(ADMIN, "/moi")
    first = calls[0]
    assert "Trang 1/" in first.text and len(_options(first)) == 8
    navigation = [d for d in first.callback_data() if d.startswith("k1:pg:")]
    previous, middle, following = navigation
    calls = await bot.press(ADMIN, following)
    assert [c.method for c in calls] == ["editMessageText", "answerCallbackQuery"]
    second = calls[0]
    assert "Trang 2/" in second.text
    assert not set(_options(first)) & set(_options(second))
    calls = await bot.press(ADMIN, middle)  # back to the first page
    assert _options(calls[0]) == _options(first)
    calls = await bot.press(ADMIN, middle)  # already there: nothing to edit
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    calls = await bot.press(ADMIN, previous)  # ◀ on the first page wraps to the last
    pages = int(re.search(r"Trang \d+/(\d+)", first.text).group(1))  # type: ignore[union-attr]
    assert f"Trang {pages}/{pages}" in calls[0].text


async def test_a_half_year_typed_without_accents_finds_its_period(bot: OfflineBot) -> None:
    by_key = await bot.send_text(ADMIN, "/tinhhinh dak-nong-33 2025-H1")
    assert "6 tháng đầu năm 2025" in by_key[0].text
    for written in ("6 thang dau 2025", "sáu tháng đầu năm 2025"):
        by_words = await bot.send_text(ADMIN, f"/tinhhinh dak-nong-33 {written}")
        assert [c.text for c in by_words] == [c.text for c in by_key], written

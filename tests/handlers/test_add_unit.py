"""/themdonvi step by step on a phone: the code typed, the kind and the locality from buttons, the
name typed; the same unit as the typed command, and a taken code, a wrong kind or a non-admin
refused in Vietnamese with nothing stored."""

from __future__ import annotations

import re

from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.texts import bot_vi
from kehoach_bot.texts import errors_vi as e
from kehoach_bot.texts import pickers_vi as t
from tests.auxil.offline_bot import Call
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import ADMIN, OfflineBot

PICK = re.compile(r"^k1:pk:(\d+):(\d+)$")
COORDINATOR = 4201


def options(call: Call) -> dict[str, str]:
    """Label → callback data of a picker's option buttons."""
    pairs = zip(call.button_texts(), call.callback_data(), strict=True)
    return {label: data for label, data in pairs if PICK.match(data)}


def unit(bot: OfflineBot, code: str) -> Unit | None:
    with session_scope(bot.engine) as session:
        return session.exec(select(Unit).where(Unit.code == code)).first()


def stored(bot: OfflineBot) -> dict[str, str]:
    """Every table but people's state."""
    return {name: rows for name, rows in snapshot(bot.engine).items() if "state" not in name}


async def test_a_unit_added_step_by_step_is_the_typed_one(bot: OfflineBot) -> None:
    calls = await bot.send_text(ADMIN, "/themdonvi")
    assert calls[0].text == t.ASK_NEW_UNIT_CODE
    calls = await bot.send_text(ADMIN, "GL-SCT")
    assert calls[0].text.startswith(t.CHOOSE_UNIT_KIND.format(code="GL-SCT"))
    kinds = options(calls[0])
    assert "Sở" in kinds and "Nhóm đơn vị" not in kinds  # groups are made by /nhom
    calls = await bot.press(ADMIN, kinds["Sở"])
    assert calls[0].text.startswith(t.CHOOSE_LOCALITY.format(code="GL-SCT", kind="so"))
    places = options(calls[0])
    gia_lai = next(label for label in places if label.startswith("gia-lai · "))
    calls = await bot.press(ADMIN, places[gia_lai])
    sent = [c for c in calls if c.method in ("sendMessage", "editMessageText")]
    assert sent[0].text == t.ASK_UNIT_NAME.format(code="GL-SCT")
    calls = await bot.send_text(ADMIN, "Sở Công Thương tỉnh Gia Lai")
    assert calls[0].text == bot_vi.UNIT_ADDED.format(
        code="GL-SCT", name="Sở Công Thương tỉnh Gia Lai"
    )
    typed = await bot.send_text(ADMIN, "/themdonvi GL-STC so gia-lai Sở Tài chính tỉnh Gia Lai")
    added = bot_vi.UNIT_ADDED.format(code="GL-STC", name="Sở Tài chính tỉnh Gia Lai")
    assert typed[0].text == added
    stepped, written = unit(bot, "GL-SCT"), unit(bot, "GL-STC")
    assert stepped is not None and written is not None
    assert (stepped.kind, stepped.locality) == (written.kind, written.locality) == ("so", "gia-lai")
    assert stepped.name == "Sở Công Thương tỉnh Gia Lai"


async def test_a_taken_code_is_refused_and_another_can_be_typed(bot: OfflineBot) -> None:
    await bot.send_text(ADMIN, "/themdonvi")
    before = stored(bot)
    calls = await bot.send_text(ADMIN, "GL-SYT")
    assert calls[0].text == e.UNIT_CODE_TAKEN.format(code="GL-SYT")
    calls = await bot.send_text(ADMIN, "mã có dấu cách")
    assert calls[0].text == e.BAD_UNIT_CODE
    assert stored(bot) == before
    calls = await bot.send_text(ADMIN, "GL-SCT")  # the question stays open
    assert calls[0].text.startswith(t.CHOOSE_UNIT_KIND.format(code="GL-SCT"))


async def test_a_wrong_kind_and_a_non_admin_change_nothing(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Đầu mối Y tế")
    before = stored(bot)
    calls = await bot.send_text(ADMIN, "/themdonvi GL-SCT boss")
    assert calls[0].text.startswith(e.BAD_UNIT_KIND.split("{")[0])
    for command in ("/themdonvi", "/themdonvi GL-SCT", "/themdonvi GL-SCT so gia-lai Sở X"):
        calls = await bot.send_text(COORDINATOR, command)
        assert calls[0].text == bot_vi.NOT_ALLOWED
    assert stored(bot) == before
    assert unit(bot, "GL-SCT") is None

"""Pickers through the real bot over HTTP: a coordinator and an admin reach their answers by
pressing buttons only, each step editing the picker message in place."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.auxil.fake_telegram import Call
from tests.e2e.conftest import ADMIN, BotEnv

COORDINATOR = 1203


def button(call: Call, label: str) -> str:
    """The callback data of the button labelled `label` under a message."""
    rows: list[list[dict[str, Any]]] = call.params["reply_markup"]["inline_keyboard"]
    for row in rows:
        for item in row:
            if item["text"] == label:
                return str(item["callback_data"])
    raise AssertionError(f"no button {label!r} in {[i['text'] for r in rows for i in r]}")


async def test_a_coordinator_reads_the_table_by_buttons_alone(bot: BotEnv) -> None:
    fake = bot.fake
    await bot.join(COORDINATOR, "GL-SYT", "coordinator", name="Đầu mối")
    fake.send_text(COORDINATOR, "/tinhhinh", name="Đầu mối")
    plans = await fake.wait_text(COORDINATOR, "Chọn kế hoạch")
    fake.press(COORDINATOR, button(plans, "gia-lai-743 · 743/KH-UBND"), name="Đầu mối")
    periods = await fake.wait_text(COORDINATOR, "chọn kỳ báo cáo")
    assert periods.method == "editMessageText"
    fake.press(COORDINATOR, button(periods, "năm 2026"), name="Đầu mối")
    table = await fake.wait_text(COORDINATOR, "năm 2026", after=periods)
    assert table.method == "sendMessage" and "Tình hình" in str(table.params["text"])
    chosen = await fake.wait_text(COORDINATOR, "Đã chọn: gia-lai-743")
    assert chosen.method == "editMessageText"


async def test_an_admin_invites_by_buttons_alone(bot: BotEnv) -> None:
    fake = bot.fake
    fake.send_text(ADMIN, "/moi", name="Quản trị")
    units = await fake.wait_text(ADMIN, "Mời người vào đơn vị nào?")
    fake.send_text(ADMIN, "y te gia lai", name="Quản trị")  # typing narrows the list
    try:
        found = await fake.wait_text(ADMIN, "Kết quả tìm «y te gia lai»", after=units)
    except AssertionError:
        raise AssertionError(fake.messages_to(ADMIN)) from None
    fake.press(ADMIN, button(found, "Sở Y tế (GL-SYT)"), name="Quản trị")
    roles = await fake.wait_text(ADMIN, "Mời vào Sở Y tế (GL-SYT) với vai trò nào?")
    fake.press(ADMIN, button(roles, "Đầu mối"), name="Quản trị")
    link = await fake.wait_text(ADMIN, "?start=")
    assert "GL-SYT" in str(link.params["text"])


ADMIN_COMMANDS = [
    "/moi",
    "/thuhoi",
    "/theodoitu",
    "/nghiavu",
    "/sua",
    "/bietdanh",
    "/sapnhap",
    "/chiatach",
    "/hoantac",
    "/tinhhinh",
    "/dotxuat",
]


async def _first_answer(bot: BotEnv, chat: int, after: int) -> Call:
    """The first message to `chat` among the calls made after the first `after` ones."""
    fake = bot.fake
    for _ in range(500):
        for call in fake.calls[after:]:
            if call.method == "sendMessage" and int(call.params["chat_id"]) == chat:
                return call
        await asyncio.sleep(0.02)
    raise AssertionError(f"no answer to {chat}")


def _picks(call: Call) -> list[str]:
    markup: dict[str, Any] = call.params.get("reply_markup") or {}
    rows: list[list[dict[str, Any]]] = markup.get("inline_keyboard", [])
    return [str(b["callback_data"]) for row in rows for b in row if "callback_data" in b]


async def test_every_command_missing_its_argument_offers_buttons(bot: BotEnv) -> None:
    fake = bot.fake
    await bot.join(COORDINATOR, "GL-SYT", "đầu mối", name="Đầu mối")  # /thuhoi has someone
    asked = [(ADMIN, command) for command in ADMIN_COMMANDS]
    asked += [(COORDINATOR, "/tinhhinh"), (COORDINATOR, "/dotxuat")]
    for who, command in asked:
        start = len(fake.calls)
        fake.send_text(who, command)
        answer = await _first_answer(bot, who, start)
        picks = _picks(answer)
        assert picks and all(d.startswith("k1:p") for d in picks), (command, answer.params)
        assert any(d.startswith("k1:pk:") for d in picks), command

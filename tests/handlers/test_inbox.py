"""What the bot says to a message it was not waiting for."""

from __future__ import annotations

import pytest

from kehoach_bot.domain.roles import Role
from kehoach_bot.texts import bot_vi as t
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import OfflineBot

OFFICER = 5001


@pytest.mark.parametrize("text", ["xin chào", "   "], ids=["words", "blank"])
async def test_a_text_while_nothing_is_awaited_points_to_viec(bot: OfflineBot, text: str) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    before = snapshot(bot.engine)
    calls = await bot.send_text(OFFICER, text)
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].chat_id == OFFICER
    assert calls[0].text == t.NOTHING_PENDING
    assert snapshot(bot.engine) == before


async def test_an_unknown_command_is_answered_in_vietnamese(bot: OfflineBot) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    calls = await bot.send_text(OFFICER, "/khongco")
    assert [c.method for c in calls] == ["sendMessage"]
    assert "/help" in calls[0].text and "/khongco" in calls[0].text

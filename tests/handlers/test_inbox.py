"""What the bot says to a message it was not waiting for."""

from __future__ import annotations

import pytest

from kehoach_bot.domain.roles import Role
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import cards_vi
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import OfflineBot

OFFICER = 5001


@pytest.mark.parametrize("text", ["xin chào", "   "], ids=["words", "blank"])
async def test_a_text_while_nothing_is_awaited_offers_the_reports_to_open(
    bot: OfflineBot, text: str
) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    before = snapshot(bot.engine)
    calls = await bot.send_text(OFFICER, text)
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].chat_id == OFFICER
    assert calls[0].text.startswith(cards_vi.TEXT_WHAT_FOR)
    assert calls[0].callback_data() and all(d.startswith("k1:o:") for d in calls[0].callback_data())
    assert snapshot(bot.engine) == before


async def test_a_text_from_someone_with_nothing_to_do_is_answered_plainly(bot: OfflineBot) -> None:
    calls = await bot.send_text(OFFICER, "xin chào")
    assert [c.text for c in calls] == [t.NOT_KNOWN]


async def test_an_unknown_command_is_answered_in_vietnamese(bot: OfflineBot) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    calls = await bot.send_text(OFFICER, "/khongco")
    assert [c.method for c in calls] == ["sendMessage"]
    assert "/help" in calls[0].text and "/khongco" in calls[0].text

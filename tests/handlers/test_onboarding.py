"""/start: the invitation for a stranger, joining with an invite, and no invite in a group."""

from __future__ import annotations

from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Invite, Membership, Person, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.services.people import hash_code
from kehoach_bot.texts import bot_vi as t
from tests.handlers.conftest import OfflineBot

STRANGER, OFFICER = 2001, 2002
GROUP = -100777


async def test_start_without_code_invites_an_unknown_user_to_ask_for_a_link(
    bot: OfflineBot,
) -> None:
    calls = await bot.send_text(STRANGER, "/start")
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].chat_id == STRANGER
    assert calls[0].text == t.START_UNKNOWN
    assert "đường dẫn mời" in calls[0].text
    with session_scope(bot.engine) as session:
        assert session.exec(select(Person)).all() == []


async def test_start_with_a_valid_invite_binds_the_user_and_names_the_unit(
    bot: OfflineBot,
) -> None:
    code = bot.invite("GL-SNV", Role.OFFICER)
    calls = await bot.send_text(OFFICER, f"/start {code}", name="Chị Lan")
    welcome = [c for c in calls if c.method == "sendMessage"]
    assert len(welcome) == 1 and welcome[0].chat_id == OFFICER
    with session_scope(bot.engine) as session:
        unit = session.exec(select(Unit).where(Unit.code == "GL-SNV")).one()
        assert welcome[0].text.startswith("Chào Chị Lan! Bạn đã tham gia với vai trò")
        assert unit.name in welcome[0].text
        person = session.exec(select(Person).where(Person.telegram_user_id == OFFICER)).one()
        assert (person.chat_id, person.full_name, person.active) == (OFFICER, "Chị Lan", True)
        membership = session.exec(select(Membership).where(Membership.person_id == person.id)).one()
        assert (membership.unit_id, membership.role, membership.revoked_at) == (
            unit.id,
            "officer",
            None,
        )
        invite = session.exec(select(Invite).where(Invite.code_hash == hash_code(code))).one()
        assert invite.used_by_id == person.id and invite.used_at is not None
    # The officer's own command menu is set for their chat.
    menus = [c for c in calls if c.method == "setMyCommands"]
    assert len(menus) == 1
    assert menus[0].params["scope"] == {"type": "chat", "chat_id": OFFICER}


async def test_an_invite_opened_in_a_group_is_refused_and_binds_nothing(bot: OfflineBot) -> None:
    code = bot.invite("GL-SNV", Role.OFFICER)
    calls = await bot.send_text(OFFICER, f"/start {code}", chat_id=GROUP, chat_type="supergroup")
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].chat_id == GROUP
    assert calls[0].text == t.INVITE_PRIVATE_ONLY
    assert "cuộc trò chuyện riêng" in calls[0].text
    with session_scope(bot.engine) as session:
        assert session.exec(select(Person)).all() == []
        assert session.exec(select(Membership)).all() == []
        invite = session.exec(select(Invite).where(Invite.code_hash == hash_code(code))).one()
        assert invite.used_at is None and invite.used_by_id is None


async def test_the_first_greeting_names_a_tracked_period_never_history(bot: OfflineBot) -> None:
    # Installed on 24/11/2026: Gia Lai's 2025 periods are history; its nearest tracked one is
    # the 2026 report to Sở Y tế (last on-time day 24/11/2026).
    code = bot.invite("GL-SNV", Role.OFFICER)
    calls = await bot.send_text(OFFICER, f"/start {code}", name="Chị Lan")
    text = next(c.text for c in calls if c.method == "sendMessage")
    assert "năm 2026, hạn cuối 24/11/2026" in text
    assert "2025" not in text
    # Đắk Nông's plan ended in 2025: everything it asked is history, nothing is named.
    code = bot.invite("DN-SYT", Role.OFFICER)
    calls = await bot.send_text(STRANGER, f"/start {code}", name="Anh Nam")
    text = next(c.text for c in calls if c.method == "sendMessage")
    assert t.WELCOME_NOTHING in text and "202" not in text

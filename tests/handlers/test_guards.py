"""The guards, through the real Application: groups get a pointer to the private chat and nothing
else, a burst of taps is answered once, refusals are audited, bad arguments get a clear answer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func
from sqlmodel import SQLModel, select
from telegram import Update

from kehoach_bot.config import ConfigError, Settings, load_settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import (
    AdHocRequest,
    AuditLog,
    Invite,
    Membership,
    Occurrence,
    Outbox,
    Person,
    Reply,
)
from kehoach_bot.domain.roles import Role
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import audit
from kehoach_bot.telegram.app import build_application
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.telegram.guards import BurstLimiter, Verdict
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import guards_vi as g
from tests.auxil.offline_bot import (
    BOT_USER,
    BOT_USERNAME,
    OfflineRequest,
    callback_update,
    chat,
    user,
)
from tests.conftest import NOW
from tests.e2e.conftest import Clock
from tests.handlers.conftest import ADMIN, TOKEN, OfflineBot

OFFICER, COORDINATOR, OTHER = 4801, 4802, 4803
GROUP = -1001234
POINTER = g.PRIVATE_CHAT_ONLY.format(username=BOT_USERNAME)


@pytest.fixture
async def guarded(engine: Engine, settings: Settings) -> AsyncIterator[OfflineBot]:
    """The application with the burst limit on, at its defaults (6 per 3 seconds)."""
    request = OfflineRequest(NOW)
    telegram = replace(settings.telegram, token=TOKEN, admins=(ADMIN,))
    assert (telegram.per_person_burst, telegram.per_person_window_seconds) == (6, 3)
    clock = Clock(NOW)
    runtime = Runtime(replace(settings, telegram=telegram), engine, clock)
    app = build_application(runtime, request)
    try:
        async with app:
            yield OfflineBot(app, request, runtime, clock)
    finally:
        runtime.answers.shutdown(wait=True)
        runtime.background.shutdown(wait=True)


def rows(engine: Engine, *tables: type[SQLModel]) -> dict[str, int]:
    with session_scope(engine) as session:
        return {t.__name__: session.exec(select(func.count()).select_from(t)).one() for t in tables}


def refusals(engine: Engine) -> list[AuditLog]:
    with session_scope(engine) as session:
        return list(session.exec(select(AuditLog).where(AuditLog.action == audit.REFUSED)).all())


def group_press(bot: OfflineBot, user_id: int, data: str) -> Update:
    """A button pressed under one of the bot's messages in a group."""
    query: dict[str, Any] = {
        "id": "group-press",
        "from": user(user_id),
        "chat_instance": "ci",
        "data": data,
        "message": {
            "message_id": 77,
            "date": int(NOW.timestamp()),
            "chat": chat(GROUP, "supergroup"),
            "from": BOT_USER,
            "text": "…",
        },
    }
    return Update.de_json({"update_id": 990001, "callback_query": query}, bot.app.bot)


# --- groups ---------------------------------------------------------------------------------


async def test_a_command_in_a_group_gets_a_pointer_and_never_a_units_cards(
    bot: OfflineBot,
) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    for command in ("/viec", "/viec@" + BOT_USERNAME, "/tinhhinh gia-lai-743", "/start"):
        calls = await bot.send_text(OFFICER, command, chat_id=GROUP, chat_type="supergroup")
        assert [(c.method, c.chat_id, c.text) for c in calls] == [
            ("sendMessage", GROUP, POINTER)
        ], command


async def test_in_a_group_other_bots_commands_and_plain_text_get_nothing(
    bot: OfflineBot,
) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    assert await bot.send_text(OFFICER, "/viec@other_bot", chat_id=GROUP, chat_type="group") == []
    assert await bot.send_text(OFFICER, "Nộp rồi", chat_id=GROUP, chat_type="group") == []


async def test_a_button_pressed_in_a_group_is_refused_and_records_nothing(
    bot: OfflineBot,
) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    mine = bot.open_occurrences("GL-SNV")[0]
    calls = await bot.process(group_press(bot, OFFICER, encode(Action.PROGRESS, mine)))
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert calls[0].text == POINTER and calls[0].params["show_alert"] is True
    assert rows(bot.engine, Reply) == {"Reply": 0}


async def test_an_invite_refused_in_a_group_still_works_in_private(bot: OfflineBot) -> None:
    code = bot.invite("GL-SNV", Role.OFFICER)
    refused = await bot.send_text(OFFICER, f"/start {code}", chat_id=GROUP, chat_type="supergroup")
    assert [c.text for c in refused] == [t.INVITE_PRIVATE_ONLY]
    joined = await bot.send_text(OFFICER, f"/start {code}", name="Chị Lan")
    assert "Bạn đã tham gia" in joined[0].text and joined[0].chat_id == OFFICER
    with session_scope(bot.engine) as session:
        person = session.exec(select(Person).where(Person.telegram_user_id == OFFICER)).one()
        assert person.chat_id == OFFICER  # reminders go to the private chat
        assert len(session.exec(select(Membership)).all()) == 1
        assert session.exec(select(Invite)).one().used_by_id == person.id


# --- bursts ---------------------------------------------------------------------------------


async def test_a_burst_of_50_presses_of_one_button_is_answered_once(
    guarded: OfflineBot,
) -> None:
    guarded.join(OFFICER, "GL-SNV", Role.OFFICER)
    mine = guarded.open_occurrences("GL-SNV")[0]
    data = encode(Action.PROGRESS, mine)
    calls = [c for _ in range(50) for c in await guarded.press(OFFICER, data)]
    assert [c.method for c in calls].count("answerCallbackQuery") == 1
    assert g.TOO_FAST not in [c.text for c in calls]
    with session_scope(guarded.engine) as session:
        assert len(session.exec(select(Reply).where(Reply.occurrence_id == mine)).all()) == 1
    # Once the window has passed the same button works again.
    guarded.clock.advance(seconds=4)
    again = await guarded.press(OFFICER, data)
    assert [c.method for c in again].count("answerCallbackQuery") == 1


async def test_a_burst_of_messages_is_cut_with_one_too_fast_answer(guarded: OfflineBot) -> None:
    guarded.join(OFFICER, "GL-SNV", Role.OFFICER)
    answers = [await guarded.send_text(OFFICER, f"/toi {n}") for n in range(20)]
    assert all(len(a) == 1 for a in answers[:6])  # six answered
    assert [c.text for c in answers[6]] == [g.TOO_FAST]
    assert all(a == [] for a in answers[7:])
    # Another person is not held back by the first one's burst.
    guarded.join(OTHER, "GL-SXD", Role.OFFICER)
    assert len(await guarded.send_text(OTHER, "/toi")) == 1


def test_the_burst_limit_is_configured_in_the_telegram_section(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[telegram]\nper_person_burst = 3\nper_person_window_seconds = 0\n")
    telegram = load_settings(path, {}).telegram
    assert (telegram.per_person_burst, telegram.per_person_window_seconds) == (3, 0)
    path.write_text("[telegram]\nper_person_window_seconds = -1\n")
    with pytest.raises(ConfigError, match="không âm"):
        load_settings(path, {})


def test_the_limiter_counts_per_person_and_forgets_after_the_window() -> None:
    limiter = BurstLimiter(burst=2, window=3)
    assert limiter.admit(1, "a", 0.0) is Verdict.ADMIT
    assert limiter.admit(1, "a", 1.0) is Verdict.REPEAT
    assert limiter.admit(1, "a", 3.5) is Verdict.REPEAT  # a repeat restarts its window
    assert limiter.admit(1, "b", 3.6) is Verdict.ADMIT
    assert limiter.admit(1, "c", 3.7) is Verdict.ADMIT
    assert limiter.admit(1, "d", 3.8) is Verdict.TOO_FAST
    assert limiter.admit(1, "e", 3.9) is Verdict.DROP
    assert limiter.admit(2, "d", 3.9) is Verdict.ADMIT
    assert limiter.admit(1, "d", 7.0) is Verdict.ADMIT


# --- refusals are audited -------------------------------------------------------------------


async def test_a_forged_button_is_refused_and_written_to_the_audit_log(bot: OfflineBot) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    theirs = bot.open_occurrences("GL-SXD")[0]
    data = encode(Action.PROGRESS, theirs)
    calls = await bot.press(OFFICER, data)
    assert calls[-1].method == "answerCallbackQuery" and calls[-1].params["show_alert"]
    [entry] = refusals(bot.engine)
    assert (entry.actor, entry.entity) == (f"tg:{OFFICER}", "callback")
    assert entry.after is not None and entry.after["claim"] == data
    assert rows(bot.engine, Reply) == {"Reply": 0}


async def test_a_command_refused_is_written_to_the_audit_log(bot: OfflineBot) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    calls = await bot.send_text(OFFICER, "/tinhhinh gia-lai-743")
    assert [c.text for c in calls] == [t.NOT_ALLOWED]
    [entry] = refusals(bot.engine)
    assert entry.entity == "command" and entry.after is not None
    assert entry.after["claim"] == "/tinhhinh gia-lai-743"


async def test_an_out_of_scope_ad_hoc_request_is_refused_audited_and_stores_nothing(
    bot: OfflineBot,
) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR)
    before = rows(bot.engine, AdHocRequest, Occurrence, Outbox)
    calls = await bot.send_text(COORDINATOR, "/dotxuat BO-YTE 01/12/2026 Báo cáo nhanh")
    assert len(calls) == 1 and "Ngoài phạm vi: Bộ Y tế (BO-YTE)" in calls[0].text
    assert rows(bot.engine, AdHocRequest, Occurrence, Outbox) == before
    [entry] = refusals(bot.engine)
    assert entry.actor == f"tg:{COORDINATOR}" and entry.after is not None
    assert entry.after["claim"].startswith("/dotxuat BO-YTE")


# --- bad arguments --------------------------------------------------------------------------

BAD_COMMANDS = [
    (ADMIN, "/thuhoi 99999999999999999999999"),
    (ADMIN, "/thuhoi"),
    (ADMIN, "/moi"),
    (ADMIN, "/moi !!! ??? ###"),
    (ADMIN, "/moi GL-SNV officer 99999999999999999999999"),
    (ADMIN, "/moi KHONG-CO officer"),
    (COORDINATOR, "/dotxuat"),
    (COORDINATOR, "/dotxuat GL-SNV 01/12/2026 " + "x" * 10_000),
    (COORDINATOR, "/dotxuat GL-SNV 99/99/99999999999 Báo cáo"),
    (COORDINATOR, "/dotxuat ,,, 01/12/2026 Báo cáo"),
    (COORDINATOR, "/tinhhinh " + "x" * 5000),
    (COORDINATOR, "/nhaclai_999999999999"),
    (ADMIN, "/theodoitu gia-lai-743 99/99/9999"),
    (ADMIN, "/sua 999999999999"),
    (ADMIN, "/sapnhap"),
    (ADMIN, "/hoantac 99999999999999999999999"),
    (ADMIN, "/theodoitu 99999999999999999999999 01/01/2025"),
    (ADMIN, "/nghiavu 99999999999999999999999"),
    (ADMIN, "/sua 99999999999999999999999 han 01/01/2027"),
    (ADMIN, "/themdonvi"),
    (ADMIN, "/themdonvi \u202e" + "x" * 5000),
    (ADMIN, "/bietdanh KHONG-CO " + "y" * 5000),
    (ADMIN, "/chiatach 99999999999999999999999"),
    (ADMIN, "/nhom 99999999999999999999999"),
    (ADMIN, "/duyet 99999999999999999999999"),
    (ADMIN, "/kehoach 99999999999999999999999"),
    (ADMIN, "/nhatky 99999999999999999999999"),
    (COORDINATOR, "/quahan 99999999999999999999999"),
    (COORDINATOR, "/giahan 99999999999999999999999"),
    (COORDINATOR, "/tinhhinh gia-lai-743 99999999999999999999999"),
]


@pytest.mark.parametrize(("who", "command"), BAD_COMMANDS, ids=[c[:40] for _, c in BAD_COMMANDS])
async def test_a_bad_argument_gets_a_clear_answer_and_changes_nothing(
    bot: OfflineBot, who: int, command: str
) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR)
    tables = (AdHocRequest, Occurrence, Outbox, Membership, Invite)
    before = rows(bot.engine, *tables)
    calls = await bot.send_text(who, command)
    texts = [c.text for c in calls if c.method == "sendMessage"]
    assert texts and t.UNEXPECTED not in texts, texts
    assert rows(bot.engine, *tables) == before


BAD_BUTTONS = [
    encode(Action.PROGRESS, 999_999_999_999),
    encode(Action.SUBMIT, 999_999_999_999),
    encode(Action.APPROVE, 999_999_999_999),
    encode(Action.FILE, 999_999_999_999),
    encode(Action.REMIND_AGAIN, 999_999_999_999),
    encode(Action.UNDO, 999_999_999_999),
    encode(Action.HISTORY, 999_999_999_999),
    encode(Action.CONFIRM, 999_999_999_999),
    encode(Action.FIELD, 999_999_999_999, 999_999_999_999),
    encode(Action.PICK, 999_999_999_999, 999_999_999_999),
    "k1:zz:1",
    "garbage",
]


@pytest.mark.parametrize("data", BAD_BUTTONS)
async def test_a_button_naming_nothing_gets_a_clear_answer(bot: OfflineBot, data: str) -> None:
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    calls = await bot.process(callback_update(bot.app.bot, ADMIN, data, now=bot.clock()))
    answers = [c.text for c in calls if c.method == "answerCallbackQuery"]
    assert t.UNEXPECTED not in [c.text for c in calls], [c.text for c in calls]
    assert answers, [c.method for c in calls]

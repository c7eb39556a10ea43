"""The real polling bot is stopped between its question and the answer, and started again: the
answer still lands where the question was about."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
from sqlalchemy import Engine
from sqlmodel import col, select

from jobs.schedule import schedule_jobs
from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import ConversationState, Occurrence, Reply, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import people
from kehoach_bot.telegram.app import BotApplication, build_application
from kehoach_bot.telegram.callbacks import Action, encode
from tests.auxil.fake_telegram import FakeTelegram
from tests.conftest import NOW
from tests.e2e.conftest import ADMIN, TOKEN, Clock

OFFICER = 1101
Process = tuple[FakeTelegram, Runtime]


async def started(runtime: Runtime) -> BotApplication:
    """A bot process: the application built, started and polling the fake Bot API."""
    app = build_application(runtime)
    schedule_jobs(app, with_tick=False)
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0.0, timeout=1)
    return app


async def stopped(app: BotApplication) -> None:
    """The process ends: polling stops, the application shuts down."""
    assert app.updater is not None
    if app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    await app.shutdown()


@pytest.fixture
async def runtime(
    engine: Engine, settings: Settings
) -> AsyncIterator[tuple[FakeTelegram, Runtime]]:
    """The fake Bot API and a runtime pointed at it (the application is the test's to start)."""
    fake = FakeTelegram(TOKEN)
    fake.start()
    telegram = replace(
        settings.telegram,
        token=TOKEN,
        base_url=fake.base_url,
        base_file_url=fake.base_file_url,
        admins=(ADMIN,),
    )
    made = Runtime(settings=replace(settings, telegram=telegram), engine=engine, clock=Clock(NOW))
    try:
        yield fake, made
    finally:
        made.close()
        fake.stop()


def join(runtime: Runtime, user_id: int, unit: str) -> None:
    with runtime.transaction() as session:
        issued = people.issue_invite(
            session, unit_code=unit, role=Role.OFFICER, hours=72, actor="test", now=NOW
        )
        people.accept_invite(
            session,
            code=issued.code,
            telegram_user_id=user_id,
            chat_id=user_id,
            full_name="Chị Lan",
            now=NOW,
        )


def an_open_occurrence(engine: Engine, unit: str) -> int:
    with session_scope(engine) as session:
        found = session.exec(
            select(Occurrence.id)
            .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
            .where(Unit.code == unit, Occurrence.state == "open", Occurrence.last_day >= NOW.date())
            .order_by(col(Occurrence.last_day))
        ).first()
    assert found is not None
    return found


async def test_a_file_sent_after_a_restart_answers_the_question_asked_before_it(
    runtime: Process, engine: Engine
) -> None:
    fake, made = runtime
    join(made, OFFICER, "GL-SNV")
    occurrence = an_open_occurrence(engine, "GL-SNV")
    app = await started(made)
    try:
        fake.press(OFFICER, encode(Action.SUBMIT, occurrence))
        await fake.wait_text(OFFICER, "Gửi tệp")
        with session_scope(engine) as session:  # written before the question went out
            assert session.get(ConversationState, OFFICER) is not None
    finally:
        await stopped(app)
    app = await started(made)  # a new process: nothing in memory from the first one
    try:
        content = b"%PDF-1.4 nop sau khi khoi dong lai"
        fake.send_document(OFFICER, content, "Báo cáo.pdf")
        await fake.wait_text(OFFICER, "Đã ghi nhận")
    finally:
        await stopped(app)
    with session_scope(engine) as session:
        reply = session.exec(select(Reply).where(Reply.occurrence_id == occurrence)).one()
        assert reply.file_sha256 == hashlib.sha256(content).hexdigest()
        assert session.get(ConversationState, OFFICER) is None

"""The real Application, driven update by update through `process_update`, with no network.

`build_application` is given the offline request in place of its HTTP client; every other step
(token check, context types, rate limiter, handlers, error handler) is the real one.
Nothing is polled and no job runs: the dispatcher's wake-up is not installed, so whatever the bot
queues stays in the outbox for the test to read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import date

import pytest
from sqlalchemy import Engine
from sqlmodel import col, or_, select
from telegram import Update

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Occurrence, Plan, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import people
from kehoach_bot.telegram.app import BotApplication, build_application
from tests.auxil.offline_bot import (
    BOT_USERNAME,
    Call,
    OfflineRequest,
    callback_update,
    document_update,
    text_update,
)
from tests.conftest import NOW
from tests.e2e.conftest import Clock

TOKEN = "123456:OFFLINE-TOKEN-never-sent"
ADMIN = 900


@dataclass
class OfflineBot:
    """The application, its offline Bot API, and the runtime behind it."""

    app: BotApplication
    telegram: OfflineRequest
    runtime: Runtime
    clock: Clock

    @property
    def settings(self) -> Settings:
        """The settings the application was built with (the admin included)."""
        return self.runtime.settings

    @property
    def engine(self) -> Engine:
        """The test's fresh seeded database."""
        return self.runtime.engine

    async def restart(self) -> None:
        """The process is killed and started again: a new application over the same database.

        The old application is dropped without `shutdown()` (which would save the states once
        more), as a crash would: only what was already in the database survives."""
        self.app = build_application(self.runtime, self.telegram)
        await self.app.initialize()

    async def process(self, update: Update) -> list[Call]:
        """Run one update through the handlers; the Bot API calls it caused, in order."""
        start = len(self.telegram.calls)
        await self.app.process_update(update)
        return self.telegram.since(start)

    async def send_text(
        self,
        user_id: int,
        text: str,
        *,
        name: str = "Cán bộ",
        chat_id: int | None = None,
        chat_type: str = "private",
    ) -> list[Call]:
        """A user writes to the bot (a command when the text starts with '/')."""
        update = text_update(
            self.app.bot,
            user_id,
            text,
            now=self.clock(),
            name=name,
            chat_id=chat_id,
            chat_type=chat_type,
        )
        return await self.process(update)

    async def press(self, user_id: int, data: str) -> list[Call]:
        """A user presses an inline button carrying `data`."""
        return await self.process(callback_update(self.app.bot, user_id, data, now=self.clock()))

    async def send_document(
        self, user_id: int, content: bytes, file_name: str, *, caption: str = ""
    ) -> list[Call]:
        """A user sends a document whose bytes the offline Bot API will serve."""
        update = document_update(
            self.app.bot,
            self.telegram,
            user_id,
            content,
            file_name,
            now=self.clock(),
            caption=caption,
        )
        return await self.process(update)

    def invite(self, unit: str, role: Role, hours: int = 72) -> str:
        """A fresh invite code, issued by the service as the admin would."""
        with session_scope(self.engine) as session:
            issued = people.issue_invite(
                session, unit_code=unit, role=role, hours=hours, actor="test", now=self.clock()
            )
        return issued.code

    def open_occurrences(self, unit: str, *, due_from: date | None = None) -> list[int]:
        """Ids of the unit's open occurrences that are tracked (last day on or after the plan's
        "theo dõi từ", and `due_from` if given), the most urgent first, as /viec orders them."""
        with session_scope(self.engine) as session:
            unit_id = session.exec(select(Unit.id).where(Unit.code == unit)).one()
            query = (
                select(Occurrence.id)
                .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
                .join(Plan, col(Plan.id) == col(Obligation.plan_id))
                .where(
                    Occurrence.unit_id == unit_id,
                    Occurrence.state == "open",
                    or_(
                        col(Plan.tracked_from).is_(None),
                        col(Occurrence.last_day) >= col(Plan.tracked_from),
                        col(Occurrence.extended_to) >= col(Plan.tracked_from),
                    ),
                )
            )
            if due_from is not None:
                query = query.where(Occurrence.last_day >= due_from)
            rows = session.exec(query.order_by(col(Occurrence.last_day), col(Occurrence.id))).all()
        return [r for r in rows if r is not None]

    def join(self, user_id: int, unit: str, role: Role, name: str = "Cán bộ") -> None:
        """Bind a person to a unit through the services (no update, no Bot API call)."""
        code = self.invite(unit, role)
        with session_scope(self.engine) as session:
            people.accept_invite(
                session,
                code=code,
                telegram_user_id=user_id,
                chat_id=user_id,
                full_name=name,
                now=self.clock(),
            )


@pytest.fixture
async def bot(engine: Engine, settings: Settings) -> AsyncIterator[OfflineBot]:
    """The real application on a fresh seeded database, its Bot API answered in memory."""
    request = OfflineRequest(NOW)
    # Every update of a test comes at the same frozen instant: the burst limit is off here and
    # on in tests/handlers/test_guards.py.
    telegram = replace(settings.telegram, token=TOKEN, admins=(ADMIN,), per_person_window_seconds=0)
    clock = Clock(NOW)
    runtime = Runtime(replace(settings, telegram=telegram), engine, clock)
    offline = OfflineBot(build_application(runtime, request), request, runtime, clock)
    try:
        await offline.app.initialize()
        assert offline.app.bot.username == BOT_USERNAME  # getMe was answered offline
        yield offline
    finally:
        await offline.app.shutdown()  # the application of the last restart, if any
        runtime.answers.shutdown(wait=True)
        runtime.background.shutdown(wait=True)

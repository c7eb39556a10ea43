"""The real PTB Application over real HTTP against the fake Bot API server, on a real database."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine

from jobs.schedule import schedule_jobs
from kehoach_bot.config import Settings
from kehoach_bot.runtime import Runtime
from kehoach_bot.telegram.app import BotApplication, build_application
from tests.auxil.fake_telegram import FakeTelegram
from tests.conftest import NOW

TOKEN = "123456:TEST-TOKEN-never-logged"
ADMIN = 900


class Clock:
    """A clock the tests move by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        """Move time forward."""
        self.now += timedelta(**kwargs)


@dataclass
class BotEnv:
    """Everything a journey needs."""

    fake: FakeTelegram
    app: BotApplication
    clock: Clock
    settings: Settings
    engine: Engine

    async def invite(self, unit: str, role: str, hours: int = 72) -> str:
        """Have the configured admin issue an invite in the bot; return the code."""
        self.fake.send_text(ADMIN, f"/moi {unit} {role} {hours}", name="Quản trị")
        call = await self.fake.wait_text(ADMIN, "?start=")
        match = re.search(r"\?start=([A-Za-z0-9_-]+)", str(call.params["text"]))
        assert match, call.params["text"]
        self.fake.calls.remove(call)
        return match.group(1)

    async def join(self, user_id: int, unit: str, role: str, name: str = "Cán bộ") -> None:
        """Invite and /start a new member."""
        code = await self.invite(unit, role)
        self.fake.send_text(user_id, f"/start {code}", name=name)
        await self.fake.wait_text(user_id, "Bạn đã tham gia")


@pytest.fixture
async def bot(
    engine: Engine, settings: Settings, request: pytest.FixtureRequest
) -> AsyncIterator[BotEnv]:
    """A running bot (long polling) on a fresh seeded database.

    Journeys act at a frozen instant, so the per-person burst limit is off unless the test is
    marked `burst_limit` (then it runs at its defaults)."""
    limited = request.node.get_closest_marker("burst_limit") is not None
    fake = FakeTelegram(TOKEN)
    fake.start()
    telegram = replace(
        settings.telegram,
        token=TOKEN,
        base_url=fake.base_url,
        base_file_url=fake.base_file_url,
        admins=(ADMIN,),
        per_person_window_seconds=settings.telegram.per_person_window_seconds if limited else 0,
    )
    configured = replace(settings, telegram=telegram)
    clock = Clock(NOW)
    runtime = Runtime(settings=configured, engine=engine, clock=clock)
    app = build_application(runtime)
    # The dispatcher runs as in production (notices go through the outbox); the tick is left
    # out so that journeys see only what people's actions cause.
    schedule_jobs(app, with_tick=False)
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield BotEnv(fake, app, clock, configured, engine)
        finally:
            await app.updater.stop()
            await app.stop()
            runtime.close()
    fake.stop()

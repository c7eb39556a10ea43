"""A bare Bot against the fake Bot API server, a runtime with a movable clock, and members."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import date, datetime

import pytest
from sqlalchemy import Engine
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from jobs.dispatch import Dispatcher, DispatchReport
from jobs.tick import TickReport, run_tick
from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.domain.roles import Role
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import review
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.people import accept_invite, issue_invite
from kehoach_bot.services.plan_tracking import set_tracked_from
from kehoach_bot.telegram.limits import LaneRateLimiter
from tests.auxil.fake_telegram import FakeTelegram
from tests.e2e.conftest import TOKEN, Clock

# Wednesday 25/11/2026, 09:00 in Hà Nội: within sending hours on a working day.
MORNING = datetime.fromisoformat("2026-11-25T02:00:00+00:00")


@dataclass
class Delivery:
    """The pieces a delivery test drives."""

    fake: FakeTelegram
    bot: ExtBot[str]
    runtime: Runtime
    clock: Clock
    engine: Engine

    async def send(self, *, worker: str = "w", batch: int | None = None) -> DispatchReport:
        """Send everything due now, as the bot's dispatcher does, and return what happened."""
        return await Dispatcher(self.bot, self.runtime, worker=worker, batch=batch).drain()

    async def tick(self) -> tuple[TickReport, DispatchReport]:
        """One tick of the bot, then the dispatcher sends what it queued."""
        planned = await run_tick(self.runtime)
        return planned, await self.send()

    def join(self, user_id: int, unit: str) -> None:
        """Bind a Telegram user as an officer of `unit` (as /start with an invite would)."""
        with session_scope(self.engine) as session:
            invite = issue_invite(
                session, unit_code=unit, role=Role.OFFICER, hours=1, actor="t", now=self.clock()
            )
            accept_invite(
                session,
                code=invite.code,
                telegram_user_id=user_id,
                chat_id=user_id,
                full_name=f"Cán bộ {user_id}",
                now=self.clock(),
            )


def keep_both_gia_lai_dates(engine: Engine, settings: Settings) -> None:
    """Gia Lai's plan as an admin left it: tracked since 1/1/2025 and, through /duyet, both of
    the dates it gives for one flow kept (without that decision they are held)."""
    with session_scope(engine) as session:
        set_tracked_from(
            session, plan_code="gia-lai-743", day=date(2025, 1, 1), actor="t", now=MORNING
        )
        (group,) = review.flagged(session, "gia-lai-743").groups
        review.decide(
            session,
            group.items[0].id,
            review.Choice.KEEP_ALL,
            actor="t",
            now=MORNING,
            policy=settings.deadlines,
            until=horizon(settings, MORNING),
        )


@pytest.fixture
async def delivery(engine: Engine, settings: Settings) -> AsyncIterator[Delivery]:
    """A started Bot talking to the fake server over HTTP."""
    fake = FakeTelegram(TOKEN)
    fake.start()
    clock = Clock(MORNING)
    configured = replace(
        settings,
        telegram=replace(settings.telegram, token=TOKEN, base_url=fake.base_url),
    )
    # A short read timeout, so that a slow answer from the fake server is a timeout.
    bot: ExtBot[str] = ExtBot(
        TOKEN,
        base_url=fake.base_url,
        request=HTTPXRequest(read_timeout=0.5),
        rate_limiter=LaneRateLimiter(30, 20),
    )
    runtime = Runtime(configured, engine, clock)
    keep_both_gia_lai_dates(engine, settings)
    async with bot:
        yield Delivery(fake, bot, runtime, clock, engine)
    runtime.close()
    fake.stop()

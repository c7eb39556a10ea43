"""The running application's dependencies: settings, the database, the clock, two thread lanes.

Built once by `bot.py` (or a test) and handed to services, jobs and the Telegram layer. Database
work never runs on the event loop: users' actions run in the `answers` lane and the tick, the
dispatcher's bookkeeping and the digests in the `background` lane, so that an answer never waits
for a free thread behind bulk work. Synchronous SQLAlchemy in threads rather than its asyncio
engine: the async SQLite driver is itself a thread per connection, every service stays a plain
function that tests and the command line call directly, and one code path serves both databases.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import ParamSpec, TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope

P = ParamSpec("P")
T = TypeVar("T")

ANSWER_THREADS = 4
BACKGROUND_THREADS = 2


def system_clock() -> datetime:
    """The real time, UTC and aware."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class Runtime:
    """Settings, engine and clock, plus the thread lanes that keep the event loop free."""

    settings: Settings
    engine: Engine
    clock: Callable[[], datetime] = system_clock
    answers: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(ANSWER_THREADS, thread_name_prefix="answer")
    )
    background: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(BACKGROUND_THREADS, thread_name_prefix="bg")
    )

    def now(self) -> datetime:
        """The current time (UTC, aware)."""
        return self.clock()

    def today(self) -> date:
        """Today in the agencies' timezone."""
        return self.clock().astimezone(self.settings.tz).date()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error."""
        with session_scope(self.engine) as session:
            yield session

    @contextmanager
    def rolled_back(self) -> Iterator[Session]:
        """A transaction that is always rolled back: what would happen, unwritten."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            finally:
                session.rollback()

    async def answer(self, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a user's action off the event loop, in the answers lane."""
        return await self._off_loop(self.answers, work, *args, **kwargs)

    async def in_background(self, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run bulk work (tick, dispatch bookkeeping, digests) off the event loop."""
        return await self._off_loop(self.background, work, *args, **kwargs)

    @staticmethod
    async def _off_loop(
        pool: ThreadPoolExecutor, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        loop = asyncio.get_running_loop()
        call = functools.partial(contextvars.copy_context().run, work, *args, **kwargs)
        return await loop.run_in_executor(pool, call)

    def close(self) -> None:
        """Stop the thread lanes (waiting for running work) and release the engine."""
        self.answers.shutdown(wait=True)
        self.background.shutdown(wait=True)
        self.engine.dispose()

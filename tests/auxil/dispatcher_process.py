"""A dispatcher in a process of its own, to be killed with SIGKILL by the crash test.

Usage: python -m tests.auxil.dispatcher_process DATABASE_URL BOT_API_BASE_URL OFFSET_SECONDS
It runs the bot's tick (plan and send) in a loop with the real clock moved by OFFSET_SECONDS.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime, timedelta

from telegram.ext import ExtBot

from jobs.tick import run_tick
from kehoach_bot.config import ReminderSettings, Settings, TelegramSettings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.telegram.app import make_rate_limiter
from kehoach_bot.telegram.context import BotServices

TOKEN = "1:CRASH"


async def main(url: str, base_url: str, offset: float) -> None:
    """Tick until killed."""
    settings = Settings(
        database_url=url,
        telegram=TelegramSettings(token=TOKEN, base_url=base_url),
        reminders=ReminderSettings(batch=100, tick_seconds=2),
    )
    shift = timedelta(seconds=offset)
    services = BotServices(settings, make_engine(url), lambda: datetime.now(UTC) + shift)
    bot = ExtBot(TOKEN, base_url=base_url, rate_limiter=make_rate_limiter(20, 20))
    async with bot:
        print("ready", flush=True)
        while True:
            await run_tick(bot, services)
            await asyncio.sleep(0.1)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], float(sys.argv[3])))

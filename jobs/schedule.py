"""Wiring of the recurring work into the application: the tick on PTB's JobQueue and the
dispatcher as a task that lives as long as the application runs."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from jobs.dispatch import Dispatcher
from jobs.tick import run_tick
from kehoach_bot.runtime import Runtime
from kehoach_bot.telegram.context import WAKE_KEY, BotContext, runtime_of

DISPATCHER_KEY = "dispatcher"


def schedule_jobs(
    application: Application[Any, BotContext, Any, Any, Any, Any], *, with_tick: bool = True
) -> Dispatcher:
    """Add the tick and the dispatcher; both start when the application starts."""
    runtime: Runtime = runtime_of(application)
    dispatcher = Dispatcher(application.bot, runtime)
    application.bot_data[DISPATCHER_KEY] = dispatcher
    application.bot_data[WAKE_KEY] = dispatcher.wake
    assert application.job_queue is not None
    if with_tick:
        application.job_queue.run_repeating(
            tick, interval=runtime.settings.reminders.tick_seconds, first=1, name="tick"
        )
    application.job_queue.run_once(_start_dispatcher, when=0, name="dispatcher")
    return dispatcher


async def tick(context: BotContext) -> None:
    """The JobQueue callback of the tick."""
    dispatcher = context.bot_data[DISPATCHER_KEY]
    await run_tick(context.runtime, dispatcher)


async def _start_dispatcher(context: BotContext) -> None:
    application = context.application
    dispatcher: Dispatcher = context.bot_data[DISPATCHER_KEY]
    application.create_task(dispatcher.run(lambda: application.running), name="dispatcher")

"""First use: apply migrations and load the seed plans into an empty database."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import select

from kehoach_bot.config import Settings
from kehoach_bot.db import migrate
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Plan
from kehoach_bot.plans.bundled import bundled_plan_files
from kehoach_bot.services.plans import LoadResult, load_plans
from kehoach_bot.texts import domain_vi as t

SEED_ACTOR = t.SEED_ACTOR


def horizon(settings: Settings, now: datetime) -> date:
    """The last due date that occurrences are generated up to."""
    return now.astimezone(settings.tz).date() + timedelta(days=settings.reminders.horizon_days)


def prepare_database(engine: Engine, settings: Settings, now: datetime) -> list[LoadResult]:
    """Migrate to the latest schema; on an empty database, load the bundled seed plans."""
    migrate.upgrade(engine)
    with session_scope(engine) as session:
        if session.exec(select(Plan.id)).first() is not None:
            return []
        return load_plans(
            session,
            bundled_plan_files(),
            actor=SEED_ACTOR,
            now=now,
            today=now.astimezone(settings.tz).date(),
            policy=settings.deadlines,
            until=horizon(settings, now),
        )

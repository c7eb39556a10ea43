"""Alembic environment wired to SQLModel.metadata and to our settings' database URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from kehoach_bot.config import load_settings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.db.models import metadata

config = context.config


def _engine() -> Engine:
    engine = config.attributes.get("engine")
    if isinstance(engine, Engine):
        return engine
    url = config.get_main_option("sqlalchemy.url") or load_settings().resolved_database_url
    return make_engine(url)


def run_migrations_online() -> None:
    """Run migrations on a live connection."""
    engine = _engine()
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            compare_type=True,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


def run_migrations_offline() -> None:
    """Emit SQL without a database."""
    url = config.get_main_option("sqlalchemy.url") or load_settings().resolved_database_url
    context.configure(url=url, target_metadata=metadata, literal_binds=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

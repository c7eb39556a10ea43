"""Migrations: every revision upgrades, downgrades and upgrades again; models match migrations."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from kehoach_bot.db import migrate
from kehoach_bot.db.models import metadata
from tests.auxil.databases import DatabaseFactory


def revisions(factory: DatabaseFactory, url: str) -> list[str]:
    engine = factory.engine(url)
    script = ScriptDirectory.from_config(migrate.alembic_config(engine))
    engine.dispose()
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_stairway(factory: DatabaseFactory, empty_url: str) -> None:
    engine = factory.engine(empty_url)
    try:
        previous = "base"
        steps = revisions(factory, empty_url)
        assert steps
        for revision in steps:
            migrate.upgrade(engine, revision)
            migrate.downgrade(engine, previous)
            migrate.upgrade(engine, revision)
            previous = revision
        assert inspect(engine).has_table("occurrence")
    finally:
        engine.dispose()


def test_downgrade_to_base_removes_every_table(factory: DatabaseFactory, empty_url: str) -> None:
    engine = factory.engine(empty_url)
    try:
        migrate.upgrade(engine)
        migrate.downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()


def test_models_and_migrations_agree(factory: DatabaseFactory, empty_url: str) -> None:
    engine = factory.engine(empty_url)
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            differences = compare_metadata(context, metadata)
        assert differences == []
    finally:
        engine.dispose()


@pytest.mark.parametrize("times", [2])
def test_upgrade_is_idempotent(factory: DatabaseFactory, empty_url: str, times: int) -> None:
    engine = factory.engine(empty_url)
    try:
        for _ in range(times):
            migrate.upgrade(engine)
        assert not migrate.is_fresh(engine)
    finally:
        engine.dispose()


def test_every_foreign_key_is_indexed() -> None:
    """Deleting or joining through an unindexed foreign key scans the whole referring table."""
    from kehoach_bot.db.models import metadata

    missing = []
    for table in metadata.sorted_tables:
        leading = {next(iter(index.columns)).name for index in table.indexes}
        leading |= {
            next(iter(constraint.columns)).name  # type: ignore[attr-defined]
            for constraint in table.constraints
            if list(getattr(constraint, "columns", []))
            and constraint.__class__.__name__ in ("PrimaryKeyConstraint", "UniqueConstraint")
        }
        leading |= {column.name for column in table.columns if column.unique}
        missing += [
            f"{table.name}.{fk.parent.name}"
            for fk in table.foreign_keys
            if fk.parent.name not in leading
        ]
    assert missing == []

"""Migrations: every revision upgrades, downgrades and upgrades again; models match migrations."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

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


def test_data_written_before_dated_successions_is_carried_over(
    factory: DatabaseFactory, empty_url: str
) -> None:
    """Each period keeps its obligation's recipient and via, a loaded plan is tracked from the
    local day of its first version, and a request's "tg:<id>" becomes who asked."""
    engine = factory.engine(empty_url)
    try:
        migrate.upgrade(engine, "71d98ffb9e2e")
        at = "2026-03-01 20:00:00+00:00"  # 2/3/2026 03:00 in Hà Nội
        with engine.begin() as conn:
            for i, (code, name) in enumerate(
                [("GL-UBND", "UBND tỉnh Gia Lai"), ("GL-SYT", "Sở Y tế tỉnh Gia Lai")], 1
            ):
                conn.execute(
                    text(
                        "INSERT INTO unit (id, code, name, short_name, kind, locality, is_group,"
                        " active, created_at) VALUES (:i, :c, :n, '', 'so', 'gia-lai', false,"
                        " true, :at)"
                    ),
                    {"i": i, "c": code, "n": name, "at": at},
                )
            conn.execute(
                text(
                    "INSERT INTO plan (id, code, number, title, locality, source_file,"
                    " content_hash, version, loaded_at) VALUES (1, 'p', '', 'Kế hoạch', 'gia-lai',"
                    " '', '', 2, '2026-06-01 01:00:00+00:00')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO planrevision (plan_id, version, content_hash, content, loaded_by,"
                    " loaded_at) VALUES (1, 1, '', '', 't', :at)"
                ),
                {"at": at},
            )
            conn.execute(
                text(
                    "INSERT INTO obligation (id, plan_id, code, title, report_kind, schedule,"
                    " wording, recipient_id, via_id, quote, needs_review, review_note, active)"
                    " VALUES (1, 1, 'o', 'Báo cáo', 'dot_xuat', '{\"type\": \"ad_hoc\"}',"
                    " 'cham_nhat', 1, 2, '', false, '', true)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO occurrence (obligation_id, unit_id, period_key, period_label,"
                    " due_date, wording, last_day, remind_by, state, created_at, updated_at)"
                    " VALUES (1, 2, 'k', 'kỳ', '2026-12-01', 'cham_nhat', '2026-12-01',"
                    " '2026-11-30', 'open', :at, :at)"
                ),
                {"at": at},
            )
            conn.execute(
                text(
                    "INSERT INTO person (telegram_user_id, full_name, active, created_at)"
                    " VALUES (4242, 'Trần Thị Hoa', true, :at)"
                ),
                {"at": at},
            )
            conn.execute(
                text(
                    "INSERT INTO adhocrequest (obligation_id, title, due_date, wording,"
                    " requested_by, requested_at) VALUES (1, 'Báo cáo nhanh', '2026-12-01',"
                    " 'cham_nhat', 'tg:4242', :at)"
                ),
                {"at": at},
            )
        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT recipient_id, via_id FROM occurrence")).one() == (1, 2)
            tracked = conn.execute(text("SELECT tracked_from FROM plan")).scalar()
            assert str(tracked) == "2026-03-02"
            asked = conn.execute(text("SELECT requested_by FROM adhocrequest")).scalar()
            assert asked == "Trần Thị Hoa, UBND tỉnh Gia Lai"
    finally:
        engine.dispose()

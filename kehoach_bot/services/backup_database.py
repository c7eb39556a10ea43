"""The database as a backup sees it: its backend, its schema revision and row counts (the census).

Also BackupFailed, which every step of a backup or a restore raises when it fails.
"""

from __future__ import annotations

from collections.abc import Mapping

from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, func, inspect, select, table, text

from kehoach_bot.db.migrate import MIGRATIONS_DIR
from kehoach_bot.services.backup_manifest import DATABASE_FILES
from kehoach_bot.services.errors import InvalidInput, ServiceError
from kehoach_bot.texts import vi


class BackupFailed(ServiceError):
    """A step of a backup or a restore failed (a tool's error, a disk error, a broken copy)."""


def database_backend(engine: Engine) -> str:
    """The engine's backend ("sqlite" or "postgresql"); InvalidInput for any other."""
    name = engine.url.get_backend_name()
    if name not in DATABASE_FILES:
        raise InvalidInput(vi.BACKUP_UNSUPPORTED.format(backend=name))
    return name


def census(conn: Connection) -> tuple[str, dict[str, int]]:
    """The schema revision (alembic_version) and the row count of every table."""
    names = sorted(inspect(conn).get_table_names())
    revisions = (
        conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        if "alembic_version" in names
        else []
    )
    if not revisions:
        raise InvalidInput(vi.BACKUP_NOT_MIGRATED)
    counts = {
        name: int(conn.execute(select(func.count()).select_from(table(name))).scalar_one())
        for name in names
    }
    return ",".join(sorted(str(r) for r in revisions)), counts


def count_diff(found: Mapping[str, int], expected: Mapping[str, int]) -> str:
    """The tables whose row counts differ, found against expected, as one line."""
    return "; ".join(
        vi.RESTORE_COUNT_DIFF.format(table=name, found=found.get(name), expected=expected.get(name))
        for name in sorted(set(found) | set(expected))
        if found.get(name) != expected.get(name)
    )


def check_known_revision(revision: str) -> None:
    """Only a schema that this code's migrations know can be upgraded after the restore."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    for head in revision.split(","):
        try:
            known = bool(head) and getattr(script.get_revision(head), "revision", None) == head
        except (CommandError, RevisionError):
            known = False
        if not known:
            raise InvalidInput(vi.RESTORE_UNKNOWN_REVISION.format(revision=revision))

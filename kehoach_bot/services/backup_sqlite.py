"""SQLite in a backup: copied with the online backup API, checked for integrity, counted, restored.

The copy is one step of the backup API: one read snapshot, and WAL writers are not held up. A
restore refuses while any other connection has the file open, since it would keep the old file.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine
from sqlalchemy.pool import NullPool

from kehoach_bot.services.backup_database import BackupFailed, census, count_diff
from kehoach_bot.services.backup_files import copy_file, fsync_dir
from kehoach_bot.services.backup_manifest import Manifest
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.texts import vi


def sqlite_path(engine: Engine, *, must_exist: bool) -> Path:
    """The SQLite file of the engine; InvalidInput for an in-memory database."""
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise InvalidInput(vi.BACKUP_IN_MEMORY)
    path = Path(database)
    if must_exist and not path.is_file():
        raise NotFound(vi.BACKUP_NO_DATABASE.format(path=path))
    return path


def copy_sqlite(source: Path, copy: Path) -> tuple[str, dict[str, int]]:
    """Copy the live database into one self-contained file; its revision and row counts."""
    with (
        closing(sqlite3.connect(source, timeout=30)) as live,
        closing(sqlite3.connect(copy)) as out,
    ):
        live.backup(out)  # pages=-1: one step, one read snapshot of the live database
        out.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
    _check_integrity(copy)
    return _census_file(copy)


def restore_sqlite(source: Path, manifest: Manifest, target: Path) -> None:
    """Stage the backup's database next to `target`, check it, then move it in place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".restore")
    os.close(handle)
    staged = Path(name)
    try:
        copied = copy_file(source / manifest.database.path, staged)
        if copied != (manifest.database.size, manifest.database.sha256):
            problem = vi.RESTORE_FILE_CHANGED.format(file=manifest.database.path)
            raise InvalidInput(vi.RESTORE_CORRUPT.format(path=source, problems=problem))
        _check_integrity(staged)
        _, counts = _census_file(staged)
        if counts != manifest.row_counts:
            details = count_diff(counts, manifest.row_counts)
            raise InvalidInput(vi.RESTORE_STAGED_MISMATCH.format(details=details))
        if target.exists():
            shutil.copymode(target, staged)
        _ensure_unused(target)
        os.replace(staged, target)
        fsync_dir(target.parent)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


def _ensure_unused(target: Path) -> None:
    """Refuse while another connection has the SQLite file open (it would keep the old file)."""
    if target.exists():
        try:
            with closing(sqlite3.connect(target, timeout=2)) as conn:
                conn.execute("BEGIN IMMEDIATE")  # waits, then fails, while a writer is at work
                conn.rollback()
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.DatabaseError as exc:
            if exc.sqlite_errorcode in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise InvalidInput(vi.RESTORE_IN_USE.format(path=target)) from exc
            message = vi.RESTORE_TARGET_UNREADABLE.format(path=target, reason=exc)
            raise InvalidInput(message) from exc
    # The last connection to close removes the WAL and shared-memory files: if they are still
    # there, another process has the database open.
    if any(Path(f"{target}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal")):
        raise InvalidInput(vi.RESTORE_IN_USE.format(path=target))


def _census_file(path: Path) -> tuple[str, dict[str, int]]:
    engine = create_engine(URL.create("sqlite", database=str(path)), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return census(conn)
    finally:
        engine.dispose()


def _check_integrity(path: Path) -> None:
    try:
        with closing(sqlite3.connect(path)) as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise BackupFailed(vi.SQLITE_NOT_INTACT.format(path=path, detail=exc)) from exc
    if rows != [("ok",)]:
        detail = "; ".join(str(r[0]) for r in rows[:5])
        raise BackupFailed(vi.SQLITE_NOT_INTACT.format(path=path, detail=detail))

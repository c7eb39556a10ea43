"""Backup and restore of the database and the report files (data/files), with a manifest.

Backup may run while the bot runs. SQLite is copied with the online backup API in one step: one read
snapshot, and WAL writers are not held up. PostgreSQL is dumped by pg_dump from a snapshot exported
by the same transaction that counts the rows. The report files are copied after the database: a
reply row is written only once its file is saved, so every file the copy names is in the backup.

Restore needs the bot stopped. It checks the manifest and every file's SHA-256 before touching
anything, stages the database and the files next to their targets, then swaps them in and checks
that the row counts match the manifest.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path, PurePosixPath

from kehoach_bot.runtime import Runtime
from kehoach_bot.services.backup_database import (
    BackupFailed,
    census,
    check_known_revision,
    count_diff,
    database_backend,
)
from kehoach_bot.services.backup_files import (
    FILES,
    StoredFile,
    copy_file,
    fingerprint,
    fsync_dir,
    refuse_inside,
)
from kehoach_bot.services.backup_manifest import (
    DATABASE_FILES,
    Manifest,
    read_manifest,
    verify,
    write_manifest,
)
from kehoach_bot.services.backup_postgres import dump_postgres, restore_postgres
from kehoach_bot.services.backup_sqlite import copy_sqlite, restore_sqlite, sqlite_path
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.texts import vi


@dataclass(frozen=True, slots=True)
class BackupResult:
    """A finished backup: its folder and its manifest."""

    path: Path
    manifest: Manifest


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """A finished restore: the backup it came from and where the report files now are."""

    path: Path
    manifest: Manifest
    files_dir: Path


# --- backup ----------------------------------------------------------------------------------


def backup(runtime: Runtime, target: Path) -> BackupResult:
    """`backup DIR`: a consistent backup of the database and the report files in a new folder."""
    engine, now = runtime.engine, runtime.now()
    backend = database_backend(engine)
    files_dir = runtime.settings.data_dir / FILES
    refuse_inside(target, files_dir)
    _refuse_occupied(target)
    staging: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        )
        copy = staging / DATABASE_FILES[backend]
        if backend == "sqlite":
            revision, counts = copy_sqlite(sqlite_path(engine, must_exist=True), copy)
        else:
            revision, counts = dump_postgres(engine, copy)
        files = _copy_files(files_dir, staging)
        manifest = Manifest(
            created_at=now.astimezone(UTC),
            backend=backend,
            revision=revision,
            row_counts=counts,
            database=fingerprint(copy, staging),
            files=files,
        )
        write_manifest(staging, manifest)
        _publish(staging, target)
    except (OSError, sqlite3.Error) as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise BackupFailed(vi.BACKUP_WRITE_FAILED.format(path=target, reason=exc)) from exc
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    return BackupResult(path=target, manifest=manifest)


def _refuse_occupied(target: Path) -> None:
    if target.is_dir() and any(target.iterdir()):
        raise InvalidInput(vi.BACKUP_TARGET_NOT_EMPTY.format(path=target))
    if target.exists() and not target.is_dir():
        raise InvalidInput(vi.BACKUP_TARGET_IS_FILE.format(path=target))


def _publish(staging: Path, target: Path) -> None:
    """Move the finished backup to its name: a folder there is either complete or absent."""
    fsync_dir(staging)
    if target.is_dir():
        target.rmdir()  # empty (checked); fails rather than lose anything written there since
    os.replace(staging, target)
    fsync_dir(target.parent)


def _copy_files(files_dir: Path, staging: Path) -> tuple[StoredFile, ...]:
    if not files_dir.is_dir():
        return ()
    copied: list[StoredFile] = []
    for source in sorted(files_dir.rglob("*")):
        if source.is_symlink() or not source.is_file():
            continue
        relative = PurePosixPath(FILES, *source.relative_to(files_dir).parts)
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        size, sha256 = copy_file(source, target)
        copied.append(StoredFile(path=str(relative), size=size, sha256=sha256))
    return tuple(copied)


# --- restore ---------------------------------------------------------------------------------


def restore(runtime: Runtime, source: Path) -> RestoreResult:
    """`restore DIR`: check a backup byte for byte, then replace the database and files with it."""
    engine = runtime.engine
    manifest = read_manifest(source)
    backend = database_backend(engine)
    if manifest.backend != backend:
        found, target = vi.BACKENDS[manifest.backend], vi.BACKENDS[backend]
        raise InvalidInput(vi.RESTORE_WRONG_BACKEND.format(found=found, target=target))
    check_known_revision(manifest.revision)
    verify(source, manifest)
    files_dir = runtime.settings.data_dir / FILES
    refuse_inside(source, files_dir)
    engine.dispose()  # our own pooled connections must not count as "in use"
    try:
        staged = _stage_files(source, manifest.files, files_dir)
        try:
            if backend == "sqlite":
                restore_sqlite(source, manifest, sqlite_path(engine, must_exist=False))
            else:
                restore_postgres(source / manifest.database.path, manifest, engine)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(vi.RESTORE_WRITE_FAILED.format(reason=exc)) from exc
    try:
        _swap_in(staged, files_dir)
    except OSError as exc:
        raise BackupFailed(
            vi.RESTORE_SWAP_FAILED.format(files_dir=files_dir, reason=exc, staged=staged)
        ) from exc
    engine.dispose()
    with engine.connect() as conn:
        _, counts = census(conn)
    if counts != manifest.row_counts:
        details = count_diff(counts, manifest.row_counts)
        raise BackupFailed(vi.RESTORE_COUNTS_MISMATCH.format(details=details))
    return RestoreResult(path=source, manifest=manifest, files_dir=files_dir)


def _stage_files(source: Path, files: Sequence[StoredFile], files_dir: Path) -> Path:
    """Copy the backup's report files into a new folder next to the files folder."""
    files_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=files_dir.parent, prefix=f".{FILES}.", suffix=".restore"))
    try:
        if files_dir.is_dir():
            shutil.copymode(files_dir, staging)
        for stored in files:
            target = staging.joinpath(*PurePosixPath(stored.path).parts[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            if copy_file(source / stored.path, target) != (stored.size, stored.sha256):
                problem = vi.RESTORE_FILE_CHANGED.format(file=stored.path)
                raise InvalidInput(vi.RESTORE_CORRUPT.format(path=source, problems=problem))
        fsync_dir(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _swap_in(staged: Path, files_dir: Path) -> None:
    """Put the staged folder in place of the report files folder."""
    old = files_dir.with_name(f".{FILES}.{uuid.uuid4().hex}.old")
    had_old = files_dir.exists()
    if had_old:
        os.replace(files_dir, old)
    try:
        os.replace(staged, files_dir)
    except OSError:
        if had_old:
            os.replace(old, files_dir)
        raise
    fsync_dir(files_dir.parent)
    if had_old:
        shutil.rmtree(old, ignore_errors=True)

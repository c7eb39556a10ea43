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

import glob
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util.exc import CommandError
from sqlalchemy import URL, Connection, Engine, create_engine, func, inspect, select, table, text
from sqlalchemy.pool import NullPool

from kehoach_bot.db.migrate import MIGRATIONS_DIR
from kehoach_bot.runtime import Runtime
from kehoach_bot.services.errors import InvalidInput, NotFound, ServiceError
from kehoach_bot.texts import vi

FORMAT = "kehoach-bot-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FILES = "files"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
PG_LOCK_TIMEOUT = "30s"  # pg_restore gives up (and rolls back) rather than wait behind a writer
_CHUNK = 1 << 20


class BackupFailed(ServiceError):
    """A step of a backup or a restore failed (a tool's error, a disk error, a broken copy)."""


@dataclass(frozen=True, slots=True)
class StoredFile:
    """One file of a backup: its path inside the backup folder, its size and SHA-256."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a backup holds, as written in its manifest.json."""

    created_at: datetime
    backend: str
    revision: str
    row_counts: Mapping[str, int]
    database: StoredFile
    files: tuple[StoredFile, ...]
    format_version: int = FORMAT_VERSION

    @property
    def rows(self) -> int:
        """Rows in all tables."""
        return sum(self.row_counts.values())

    @property
    def files_size(self) -> int:
        """Bytes of all report files."""
        return sum(f.size for f in self.files)


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
    backend = _backend(engine)
    files_dir = runtime.settings.data_dir / FILES
    _refuse_inside(target, files_dir)
    _refuse_occupied(target)
    staging: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        )
        copy = staging / DATABASE_FILES[backend]
        if backend == "sqlite":
            revision, counts = _copy_sqlite(_sqlite_path(engine, must_exist=True), copy)
        else:
            revision, counts = _dump_postgres(engine, copy)
        files = _copy_files(files_dir, staging)
        manifest = Manifest(
            created_at=now.astimezone(UTC),
            backend=backend,
            revision=revision,
            row_counts=counts,
            database=_fingerprint(copy, staging),
            files=files,
        )
        _write_manifest(staging, manifest)
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
    _fsync_dir(staging)
    if target.is_dir():
        target.rmdir()  # empty (checked); fails rather than lose anything written there since
    os.replace(staging, target)
    _fsync_dir(target.parent)


def _copy_sqlite(source: Path, copy: Path) -> tuple[str, dict[str, int]]:
    with (
        closing(sqlite3.connect(source, timeout=30)) as live,
        closing(sqlite3.connect(copy)) as out,
    ):
        live.backup(out)  # pages=-1: one step, one read snapshot of the live database
        out.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
    _check_integrity(copy)
    return _census_file(copy)


def _dump_postgres(engine: Engine, dump: Path) -> tuple[str, dict[str, int]]:
    pg_dump = find_pg_tool("pg_dump")
    if pg_dump is None:
        raise BackupFailed(vi.PG_DUMP_MISSING)
    with engine.connect() as conn:
        conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            # pg_dump reads the very snapshot in which the rows are counted.
            snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            revision, counts = _census(conn)
            _run_pg_tool(
                [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={dump}"],
                engine,
            )
    return revision, counts


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
        size, sha256 = _copy_file(source, target)
        copied.append(StoredFile(path=str(relative), size=size, sha256=sha256))
    return tuple(copied)


def _write_manifest(staging: Path, manifest: Manifest) -> None:
    data = {
        "format": FORMAT,
        "format_version": manifest.format_version,
        "created_at": manifest.created_at.isoformat(),
        "backend": manifest.backend,
        "alembic_revision": manifest.revision,
        "row_counts": dict(manifest.row_counts),
        "database": _file_json(manifest.database),
        "files": [_file_json(f) for f in manifest.files],
    }
    path = staging / MANIFEST
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _fsync(path)


def _file_json(stored: StoredFile) -> dict[str, Any]:
    return {"path": stored.path, "size": stored.size, "sha256": stored.sha256}


# --- restore ---------------------------------------------------------------------------------


def restore(runtime: Runtime, source: Path) -> RestoreResult:
    """`restore DIR`: check a backup byte for byte, then replace the database and files with it."""
    engine = runtime.engine
    manifest = read_manifest(source)
    backend = _backend(engine)
    if manifest.backend != backend:
        found, target = vi.BACKENDS[manifest.backend], vi.BACKENDS[backend]
        raise InvalidInput(vi.RESTORE_WRONG_BACKEND.format(found=found, target=target))
    _check_known_revision(manifest.revision)
    verify(source, manifest)
    files_dir = runtime.settings.data_dir / FILES
    _refuse_inside(source, files_dir)
    engine.dispose()  # our own pooled connections must not count as "in use"
    try:
        staged = _stage_files(source, manifest.files, files_dir)
        try:
            if backend == "sqlite":
                _restore_sqlite(source, manifest, _sqlite_path(engine, must_exist=False))
            else:
                _restore_postgres(source / manifest.database.path, manifest, engine)
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
        _, counts = _census(conn)
    if counts != manifest.row_counts:
        details = _count_diff(counts, manifest.row_counts)
        raise BackupFailed(vi.RESTORE_COUNTS_MISMATCH.format(details=details))
    return RestoreResult(path=source, manifest=manifest, files_dir=files_dir)


def read_manifest(source: Path) -> Manifest:
    """The manifest of a backup folder, checked field by field."""
    if not source.is_dir():
        raise NotFound(vi.RESTORE_NO_DIR.format(path=source))
    path = source / MANIFEST
    if not path.is_file():
        raise NotFound(vi.RESTORE_NO_MANIFEST.format(path=source))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise _bad_manifest(source, vi.MANIFEST_NOT_JSON) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _bad_manifest(source, vi.MANIFEST_NOT_OURS)
    version = _field(source, data, "format_version", int)
    if version < 1:
        raise _bad_manifest(source, vi.MANIFEST_BAD_FIELD.format(field="format_version"))
    if version > FORMAT_VERSION:
        raise InvalidInput(
            vi.RESTORE_NEWER_FORMAT.format(path=source, found=version, supported=FORMAT_VERSION)
        )
    backend = _field(source, data, "backend", str)
    if backend not in DATABASE_FILES:
        raise _bad_manifest(source, vi.MANIFEST_BAD_FIELD.format(field="backend"))
    try:
        created_at = datetime.fromisoformat(_field(source, data, "created_at", str))
    except ValueError:
        created_at = None
    if created_at is None or created_at.tzinfo is None:
        raise _bad_manifest(source, vi.MANIFEST_BAD_FIELD.format(field="created_at"))
    counts = _field(source, data, "row_counts", dict)
    if not all(isinstance(k, str) and _is_count(v) for k, v in counts.items()):
        raise _bad_manifest(source, vi.MANIFEST_BAD_FIELD.format(field="row_counts"))
    database = _stored(source, data.get("database"), "database")
    if database.path != DATABASE_FILES[backend]:
        raise _bad_manifest(source, vi.MANIFEST_BAD_PATH.format(file=database.path))
    listed = _field(source, data, "files", list)
    files = tuple(_stored(source, item, "files") for item in listed)
    for stored in files:
        if not _is_report_path(stored.path):
            raise _bad_manifest(source, vi.MANIFEST_BAD_PATH.format(file=stored.path))
    return Manifest(
        created_at=created_at,
        backend=backend,
        revision=_field(source, data, "alembic_revision", str),
        row_counts=counts,
        database=database,
        files=files,
        format_version=version,
    )


def verify(source: Path, manifest: Manifest) -> None:
    """Every file the manifest lists is there with its size and SHA-256, and nothing else is."""
    problems: list[str] = []
    for stored in (manifest.database, *manifest.files):
        path = source / stored.path
        if not path.is_file():
            problems.append(vi.RESTORE_FILE_MISSING.format(file=stored.path))
        elif _fingerprint(path, source) != stored:
            problems.append(vi.RESTORE_FILE_CHANGED.format(file=stored.path))
    listed = {f.path for f in manifest.files}
    if (source / FILES).is_dir():
        for path in sorted((source / FILES).rglob("*")):
            relative = path.relative_to(source).as_posix()
            if not path.is_dir() and relative not in listed:
                problems.append(vi.RESTORE_FILE_UNLISTED.format(file=relative))
    if problems:
        raise InvalidInput(vi.RESTORE_CORRUPT.format(path=source, problems="; ".join(problems)))


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
            if _copy_file(source / stored.path, target) != (stored.size, stored.sha256):
                problem = vi.RESTORE_FILE_CHANGED.format(file=stored.path)
                raise InvalidInput(vi.RESTORE_CORRUPT.format(path=source, problems=problem))
        _fsync_dir(staging)
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
    _fsync_dir(files_dir.parent)
    if had_old:
        shutil.rmtree(old, ignore_errors=True)


def _restore_sqlite(source: Path, manifest: Manifest, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".restore")
    os.close(handle)
    staged = Path(name)
    try:
        copied = _copy_file(source / manifest.database.path, staged)
        if copied != (manifest.database.size, manifest.database.sha256):
            problem = vi.RESTORE_FILE_CHANGED.format(file=manifest.database.path)
            raise InvalidInput(vi.RESTORE_CORRUPT.format(path=source, problems=problem))
        _check_integrity(staged)
        _, counts = _census_file(staged)
        if counts != manifest.row_counts:
            details = _count_diff(counts, manifest.row_counts)
            raise InvalidInput(vi.RESTORE_STAGED_MISMATCH.format(details=details))
        if target.exists():
            shutil.copymode(target, staged)
        _ensure_unused(target)
        os.replace(staged, target)
        _fsync_dir(target.parent)
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


def _restore_postgres(dump: Path, manifest: Manifest, engine: Engine) -> None:
    pg_restore = find_pg_tool("pg_restore")
    if pg_restore is None:
        raise BackupFailed(vi.PG_RESTORE_MISSING)
    with engine.connect() as conn:
        others = conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            )
        ).scalar_one()
        # pg_restore --clean drops only what the dump holds: a newer schema's tables would stay.
        extra = sorted(set(inspect(conn).get_table_names()) - set(manifest.row_counts))
    engine.dispose()
    url = engine.url.render_as_string(hide_password=True)
    if others:
        raise InvalidInput(vi.RESTORE_PG_IN_USE.format(path=url, count=others))
    if extra:
        raise InvalidInput(vi.RESTORE_PG_EXTRA_TABLES.format(path=url, tables=", ".join(extra)))
    _run_pg_tool(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            str(dump),
        ],
        engine,
    )


def _check_known_revision(revision: str) -> None:
    """Only a schema that this code's migrations know can be upgraded after the restore."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    for head in revision.split(","):
        try:
            known = bool(head) and getattr(script.get_revision(head), "revision", None) == head
        except (CommandError, RevisionError):
            known = False
        if not known:
            raise InvalidInput(vi.RESTORE_UNKNOWN_REVISION.format(revision=revision))


def _count_diff(found: Mapping[str, int], expected: Mapping[str, int]) -> str:
    return "; ".join(
        vi.RESTORE_COUNT_DIFF.format(table=name, found=found.get(name), expected=expected.get(name))
        for name in sorted(set(found) | set(expected))
        if found.get(name) != expected.get(name)
    )


# --- manifest fields -------------------------------------------------------------------------


def _bad_manifest(source: Path, reason: str) -> InvalidInput:
    return InvalidInput(vi.RESTORE_BAD_MANIFEST.format(path=source, reason=reason))


def _field(source: Path, data: Mapping[str, Any], name: str, kind: type[Any]) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or isinstance(value, bool) or value == "":
        raise _bad_manifest(source, vi.MANIFEST_BAD_FIELD.format(field=name))
    return value


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _stored(source: Path, item: Any, field: str) -> StoredFile:
    if (
        not isinstance(item, dict)
        or not isinstance(item.get("path"), str)
        or not _is_count(item.get("size"))
        or not isinstance(item.get("sha256"), str)
        or len(item["sha256"]) != 64
    ):
        raise _bad_manifest(source, vi.MANIFEST_BAD_FIELD.format(field=field))
    return StoredFile(path=item["path"], size=item["size"], sha256=item["sha256"].lower())


def _is_report_path(path: str) -> bool:
    """files/… with no way out of the folder: a manifest is never trusted to name a target."""
    parts = PurePosixPath(path).parts
    return (
        "\\" not in path
        and len(parts) >= 2
        and parts[0] == FILES
        and all(p not in ("", ".", "..") for p in parts)
    )


# --- databases -------------------------------------------------------------------------------


def _backend(engine: Engine) -> str:
    backend = engine.url.get_backend_name()
    if backend not in DATABASE_FILES:
        raise InvalidInput(vi.BACKUP_UNSUPPORTED.format(backend=backend))
    return backend


def _sqlite_path(engine: Engine, *, must_exist: bool) -> Path:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise InvalidInput(vi.BACKUP_IN_MEMORY)
    path = Path(database)
    if must_exist and not path.is_file():
        raise NotFound(vi.BACKUP_NO_DATABASE.format(path=path))
    return path


def _census(conn: Connection) -> tuple[str, dict[str, int]]:
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


def _census_file(path: Path) -> tuple[str, dict[str, int]]:
    engine = create_engine(URL.create("sqlite", database=str(path)), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return _census(conn)
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


def find_pg_tool(name: str) -> str | None:
    """pg_dump or pg_restore: on PATH, else the newest under /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = [c for c in glob.glob(f"{PG_BIN_GLOB}/{name}") if os.access(c, os.X_OK)]
    return max(candidates, key=_pg_version, default=None)


def _pg_version(tool: str) -> tuple[int, ...]:
    version = Path(tool).parent.parent.name
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def _run_pg_tool(command: list[str], engine: Engine) -> None:
    """Run pg_dump/pg_restore on the engine's database; the password goes by environment."""
    url = engine.url
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    env["PGOPTIONS"] = f"{env.get('PGOPTIONS', '')} -c lock_timeout={PG_LOCK_TIMEOUT}".strip()
    dsn = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    done = subprocess.run(
        [*command, "--no-password", f"--dbname={dsn}"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tool = Path(command[0]).name
        detail = done.stderr.strip() or done.stdout.strip()
        raise BackupFailed(vi.PG_TOOL_FAILED.format(tool=tool, code=done.returncode, detail=detail))


# --- files -----------------------------------------------------------------------------------


def _copy_file(source: Path, target: Path) -> tuple[int, str]:
    """Copy a file, returning the size and SHA-256 of the bytes written."""
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as reader, target.open("wb") as writer:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    return size, digest.hexdigest()


def _fingerprint(path: Path, root: Path) -> StoredFile:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as reader:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return StoredFile(path=path.relative_to(root).as_posix(), size=size, sha256=digest.hexdigest())


def _refuse_inside(folder: Path, files_dir: Path) -> None:
    if folder.resolve().is_relative_to(files_dir.resolve()):
        raise InvalidInput(vi.BACKUP_INSIDE_FILES.format(path=folder, files=files_dir))


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    with _opened_dir(path) as handle:
        os.fsync(handle)


@contextmanager
def _opened_dir(path: Path) -> Iterator[int]:
    handle = os.open(path, os.O_RDONLY)
    try:
        yield handle
    finally:
        os.close(handle)

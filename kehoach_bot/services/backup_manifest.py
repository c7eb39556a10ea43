"""The manifest of a backup (manifest.json): written, read back field by field, checked.

A manifest is never trusted: every field is checked before restore uses it, and every file it lists
must match its size and SHA-256.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from kehoach_bot.services.backup_files import FILES, StoredFile, fingerprint, fsync
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.texts import vi

FORMAT = "kehoach-bot-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


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


def write_manifest(staging: Path, manifest: Manifest) -> None:
    """Write manifest.json into a backup folder and flush it to disk."""
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
    fsync(path)


def _file_json(stored: StoredFile) -> dict[str, Any]:
    return {"path": stored.path, "size": stored.size, "sha256": stored.sha256}


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
        elif fingerprint(path, source) != stored:
            problems.append(vi.RESTORE_FILE_CHANGED.format(file=stored.path))
    listed = {f.path for f in manifest.files}
    if (source / FILES).is_dir():
        for path in sorted((source / FILES).rglob("*")):
            relative = path.relative_to(source).as_posix()
            if not path.is_dir() and relative not in listed:
                problems.append(vi.RESTORE_FILE_UNLISTED.format(file=relative))
    if problems:
        raise InvalidInput(vi.RESTORE_CORRUPT.format(path=source, problems="; ".join(problems)))


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

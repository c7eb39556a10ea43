"""The files of a backup: copied with their SHA-256, fingerprinted, flushed to disk."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.texts import vi

FILES = "files"
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class StoredFile:
    """One file of a backup: its path inside the backup folder, its size and SHA-256."""

    path: str
    size: int
    sha256: str


def copy_file(source: Path, target: Path) -> tuple[int, str]:
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


def fingerprint(path: Path, root: Path) -> StoredFile:
    """A file as a manifest lists it: its path under `root`, its size and SHA-256."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as reader:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return StoredFile(path=path.relative_to(root).as_posix(), size=size, sha256=digest.hexdigest())


def refuse_inside(folder: Path, files_dir: Path) -> None:
    """InvalidInput when `folder` lies inside the report files folder."""
    if folder.resolve().is_relative_to(files_dir.resolve()):
        raise InvalidInput(vi.BACKUP_INSIDE_FILES.format(path=folder, files=files_dir))


def fsync(path: Path) -> None:
    """Flush a file's bytes to disk."""
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (names created, moved or removed) to disk."""
    with _opened_dir(path) as handle:
        os.fsync(handle)


@contextmanager
def _opened_dir(path: Path) -> Iterator[int]:
    handle = os.open(path, os.O_RDONLY)
    try:
        yield handle
    finally:
        os.close(handle)

"""Saving a report file sent to the bot under the data folder, with its size and SHA-256."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime
from pathlib import Path

from telegram import Bot, Document, File, PhotoSize

from kehoach_bot.services.replies import Attachment

_UNSAFE = re.compile(r"[^\w.\- ]+")


def safe_name(name: str | None, fallback: str) -> str:
    """A file name without folders or odd characters, at most 120 characters."""
    name = unicodedata.normalize("NFC", Path(name or "").name).strip()
    name = _UNSAFE.sub("_", name).strip(". ") or fallback
    return name[-120:]


def describe(item: Document | PhotoSize) -> tuple[str, int | None]:
    """The name to keep and the size Telegram reports (None when unknown)."""
    if isinstance(item, Document):
        return safe_name(item.file_name, "bao-cao"), item.file_size
    return f"anh-{item.file_unique_id}.jpg", item.file_size


async def save(
    item: Document | PhotoSize, data_dir: Path, occurrence_id: int, now: datetime
) -> Attachment:
    """Download the file into data/files/<occurrence>/ and fingerprint it."""
    name, _ = describe(item)
    return await _download(
        await item.get_file(), item.file_unique_id, name, data_dir, occurrence_id, now
    )


async def save_by_id(
    bot: Bot,
    file_id: str,
    file_unique_id: str,
    name: str,
    data_dir: Path,
    occurrence_id: int,
    now: datetime,
) -> Attachment:
    """Download a file Telegram still holds under `file_id` (one sent before it was asked for)."""
    return await _download(
        await bot.get_file(file_id), file_unique_id, name, data_dir, occurrence_id, now
    )


async def _download(
    telegram_file: File,
    file_unique_id: str,
    name: str,
    data_dir: Path,
    occurrence_id: int,
    now: datetime,
) -> Attachment:
    folder = data_dir / "files" / str(occurrence_id)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{now:%Y%m%dT%H%M%S}-{file_unique_id}-{name}"
    await telegram_file.download_to_drive(target)
    content = target.read_bytes()
    return Attachment(
        file_name=name,
        path=str(target.relative_to(data_dir)),
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )


def discard(data_dir: Path, attachment: Attachment) -> None:
    """Remove a saved file whose submission was refused."""
    remove(data_dir, attachment.path)


def remove(data_dir: Path, relative: str) -> None:
    """Remove a stored report file (its submission was taken back); only under the data folder."""
    target = (data_dir / relative).resolve()
    if target.is_relative_to(data_dir.resolve()):
        target.unlink(missing_ok=True)

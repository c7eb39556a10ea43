"""Saving a report file sent to the bot under the data folder, with its size and SHA-256."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime
from pathlib import Path

from telegram import Document, PhotoSize

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
    folder = data_dir / "files" / str(occurrence_id)
    folder.mkdir(parents=True, exist_ok=True)
    telegram_file = await item.get_file()
    target = folder / f"{now:%Y%m%dT%H%M%S}-{item.file_unique_id}-{name}"
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
    (data_dir / attachment.path).unlink(missing_ok=True)

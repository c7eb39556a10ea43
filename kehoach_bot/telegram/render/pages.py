"""Paging long answers, sizes and local times: shared by every renderer."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from kehoach_bot.domain.vietnamese import format_date

# Telegram allows 4096 characters; stay well below so that a page never gets cut.
PAGE_LIMIT = 3500
CONTINUED = "…"


def paginate(lines: Sequence[str], header: str = "", limit: int = PAGE_LIMIT) -> list[str]:
    """Split lines into messages under `limit` characters; the header opens the first page."""
    pages: list[str] = []
    current = header
    for line in _pieces(lines, limit):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pages.append(current)
            current = line
        else:
            current = candidate
    if current or not pages:
        pages.append(current)
    return pages


def _pieces(lines: Sequence[str], limit: int) -> Iterator[str]:
    """Each line, a line longer than a page split across pages: "…" ends each piece but the last,
    so nothing is dropped and the reader sees it goes on."""
    for line in lines:
        while len(line) > limit:
            yield line[: limit - 1] + CONTINUED
            line = line[limit - 1 :]
        yield line


def human_size(size: int) -> str:
    """1.2 MB / 340 KB."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, size // 1000)} KB"


def local_time(moment: datetime, tz: ZoneInfo) -> str:
    """A moment as dd/mm/yyyy HH:MM in the agencies' timezone."""
    local = moment.astimezone(tz)
    return f"{format_date(local.date())} {local:%H:%M}"

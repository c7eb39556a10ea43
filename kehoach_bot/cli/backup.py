"""`backup DIR` and `restore DIR`: call the backup service, print a short Vietnamese summary."""

from __future__ import annotations

import argparse
from pathlib import Path

from kehoach_bot.cli.context import Context
from kehoach_bot.services import backup as backup_service
from kehoach_bot.texts import vi


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    """Back up the database and the report files into a new folder (the bot may keep running)."""
    result = backup_service.backup(ctx.runtime, Path(args.directory))
    manifest = result.manifest
    ctx.print(
        vi.BACKUP_DONE.format(
            path=result.path,
            backend=vi.BACKENDS[manifest.backend],
            revision=manifest.revision,
            size=format_size(manifest.database.size),
            rows=format_count(manifest.rows),
            tables=len(manifest.row_counts),
            files=len(manifest.files),
            files_size=format_size(manifest.files_size),
        )
    )
    return 0


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    """Check a backup and put it back in place of the database and the report files."""
    result = backup_service.restore(ctx.runtime, Path(args.directory))
    manifest = result.manifest
    created = manifest.created_at.astimezone(ctx.settings.tz)
    ctx.print(
        vi.RESTORE_DONE.format(
            path=result.path,
            created_at=f"{created:%H:%M %d/%m/%Y}",
            backend=vi.BACKENDS[manifest.backend],
            revision=manifest.revision,
            size=format_size(manifest.database.size),
            rows=format_count(manifest.rows),
            tables=len(manifest.row_counts),
            files=len(manifest.files),
            files_dir=result.files_dir,
        )
    )
    return 0


def format_count(value: int) -> str:
    """12345 → "12.345", the Vietnamese way."""
    return f"{value:,}".replace(",", ".")


def format_size(size: int) -> str:
    """Bytes in a readable unit with a decimal comma: 1536 → "1,5 KB"."""
    amount, power = float(size), 0
    while amount >= 1024 and power < len(vi.SIZE_UNITS) - 1:
        amount /= 1024
        power += 1
    if power == 0:
        return f"{size} {vi.SIZE_UNITS[0]}"
    return f"{amount:.1f} {vi.SIZE_UNITS[power]}".replace(".", ",")

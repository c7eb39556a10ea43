"""The submitted files of a period in one zip, streamed, with an index workbook `muc-luc.xlsx`."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from openpyxl import Workbook

from kehoach_bot.exports import sheets
from kehoach_bot.services.bundle import BundledFile, PlanFiles
from kehoach_bot.texts import bundle_vi as t
from kehoach_bot.texts.vi import STATUS_SHORT

TELEGRAM_UPLOAD_LIMIT = 50 * 1024 * 1024  # what a bot may send as a document
CHUNK = 1024 * 1024
# Compressing these again only costs time: they are compressed already.
STORED_TYPES = frozenset(
    {"pdf", "docx", "xlsx", "pptx", "odt", "ods", "zip", "rar", "7z", "gz", "jpg", "jpeg", "png"}
)
DATETIME_COLUMNS = (5,)  # zero-based: submitted at
WIDTHS = (36, 10, 24, 30, 12, 16, 18, 18, 28, 10, 34, 22)
WITHOUT_WIDTHS = (11, 30, 40, 14, 22)


@dataclass(frozen=True, slots=True)
class ZipSummary:
    """What went into the zip: files copied, bytes written, stored files not found on disk."""

    files: int
    size: int
    missing: tuple[str, ...]  # zip names of the files left out


def fits_telegram(size: int) -> bool:
    """Whether a file of `size` bytes can be sent by the bot."""
    return size <= TELEGRAM_UPLOAD_LIMIT


def write_zip(files: PlanFiles, out: BinaryIO) -> ZipSummary:
    """Write the zip to `out`, each file copied in chunks, then the index; never all in memory."""
    start = out.tell()
    missing: list[str] = []
    digests: dict[str, str] = {}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for item in files.files:
            digest = _copy(archive, item)
            if digest is None:
                missing.append(item.zip_name)
            else:
                digests[item.zip_name] = digest
        archive.writestr(t.INDEX_NAME, _index(files, digests))
    return ZipSummary(files=len(digests), size=out.tell() - start, missing=tuple(missing))


def _copy(archive: zipfile.ZipFile, item: BundledFile) -> str | None:
    """Copy one stored file into the zip; its SHA-256, or None when it is not on disk."""
    if item.path is None:
        return None
    try:
        source = item.path.open("rb")
    except OSError:
        return None
    with source:
        info = zipfile.ZipInfo(item.zip_name, _zip_time(item.submitted_at))
        ext = item.zip_name.rpartition(".")[2].lower()
        info.compress_type = zipfile.ZIP_STORED if ext in STORED_TYPES else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        digest = hashlib.sha256()
        with archive.open(info, "w", force_zip64=True) as target:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                target.write(chunk)
    return digest.hexdigest()


def _zip_time(when: datetime) -> tuple[int, int, int, int, int, int]:
    """A zip entry's local time; zip cannot hold dates before 1980."""
    if when.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


def _index(files: PlanFiles, digests: dict[str, str]) -> bytes:
    """The index workbook: one row per file, and the reports that came without one."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheets.add_cell_styles(book)
    sheet.title = t.SHEET_FILES
    sheets.header(sheet, t.HEADERS, WIDTHS)
    for item in files.files:
        sheet.append(_row(item, digests.get(item.zip_name)))
    without = book.create_sheet(t.SHEET_WITHOUT)
    sheets.header(without, t.WITHOUT_HEADERS, WITHOUT_WIDTHS)
    for report in files.without_file:
        without.append(
            [
                report.unit,
                report.unit_name,
                report.report,
                report.period,
                STATUS_SHORT[report.status.value],
            ]
        )
    for made, widths in ((sheet, WIDTHS), (without, WITHOUT_WIDTHS)):
        sheets.style_cells(made, widths, DATETIME_COLUMNS)
        made.auto_filter.ref = made.dimensions
        sheets.printable(made)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _row(item: BundledFile, digest: str | None) -> list[object]:
    notes = [t.MISSING] if digest is None else []
    if item.replaced:
        notes.append(t.REPLACED)
    return [
        None if digest is None else item.zip_name,
        item.unit,
        item.unit_name,
        item.report,
        item.period,
        item.submitted_at.replace(tzinfo=None),  # Excel has no timezones: local time
        item.submitted_by,
        STATUS_SHORT[item.status.value],
        item.file_name,
        item.size,
        digest or item.sha256,
        "; ".join(notes) or None,
    ]

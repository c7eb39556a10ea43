"""A plan's table as CSV: UTF-8 with a BOM so Excel reads the accents, dates as dd/mm/yyyy."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.exports.columns import Cell, cells
from kehoach_bot.services.exports import PlanTable
from kehoach_bot.texts import exports_vi as t


def to_csv(table: PlanTable) -> bytes:
    """The file's bytes: a header line, then one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(t.HEADERS)
    for row in table.rows:
        writer.writerow([_text(value) for value in cells(row)])
    return buffer.getvalue().encode("utf-8-sig")


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%H:%M} {format_date(value.date())}"
    if isinstance(value, date):
        return format_date(value)
    return str(value)

"""The columns of the exported table, shared by the Excel and the CSV writers."""

from __future__ import annotations

from datetime import date, datetime

from kehoach_bot.services.exports import TableRow
from kehoach_bot.texts import exports_vi as t
from kehoach_bot.texts.vi import STATUS_SHORT

Cell = str | int | date | datetime | None

# Widths in characters, one per header of `exports_vi.HEADERS`.
WIDTHS = (12, 26, 34, 12, 21, 19, 11, 16, 7, 11, 32, 26)
DATETIME_COLUMNS = (7,)  # zero-based: submitted at; the other dates are days


def cells(row: TableRow) -> list[Cell]:
    """One row's values in column order; dates stay dates (local, without a timezone)."""
    submitted = row.submitted_at.replace(tzinfo=None) if row.submitted_at else None
    return [
        row.unit,
        row.unit_name,
        row.report,
        row.period,
        STATUS_SHORT[row.status.value],
        row.deadline_text,
        row.last_day,
        submitted,
        row.days_late,
        row.extended_to,
        t.JOINED.join(row.notes) or None,
        t.JOINED.join(row.files) or None,
    ]

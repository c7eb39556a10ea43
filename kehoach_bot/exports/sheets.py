"""How the exported workbooks look: headers, cell styles, row heights and A4 printing, shared by
the table (`xlsx.py`) and the zip's index (`bundle_zip.py`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kehoach_bot.texts import exports_vi as t

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "hh:mm dd/mm/yyyy"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAPPED = Alignment(wrap_text=True, vertical="top")
LINE_HEIGHT = 15.0  # points: one line of the default 11-point font
CHARS_PER_WIDTH = 1.1  # a column of width w holds about 1.1·w letters of running text


def add_cell_styles(book: Workbook) -> None:
    """Register the named styles `style_cells` gives: text, day, day and time."""
    book.add_named_style(NamedStyle(t.STYLE_TEXT, alignment=WRAPPED))
    book.add_named_style(NamedStyle(t.STYLE_DATE, alignment=WRAPPED, number_format=DATE_FORMAT))
    book.add_named_style(
        NamedStyle(t.STYLE_DATETIME, alignment=WRAPPED, number_format=DATETIME_FORMAT)
    )


def header(sheet: Worksheet, titles: Sequence[str], widths: Sequence[int], row: int = 1) -> None:
    """Bold, shaded, wrapped column titles on `row`, and the columns' widths."""
    for index, title in enumerate(titles, start=1):
        cell = sheet.cell(row=row, column=index, value=title)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[row].height = LINE_HEIGHT * _lines(titles, widths)


def style_cells(sheet: Worksheet, widths: Sequence[int], datetime_columns: Sequence[int]) -> None:
    """Wrap every cell below the header, dates as dates, and make each row tall enough for its
    wrapped text: neither Excel nor LibreOffice grows a row by itself when a file is opened."""
    for number, row in enumerate(sheet.iter_rows(min_row=2), start=2):
        # A named style per kind of cell: styling 100,000 cells one attribute at a time is slow.
        for cell in row:
            if not isinstance(cell.value, date):
                cell.style = t.STYLE_TEXT
            elif cell.column - 1 in datetime_columns:
                cell.style = t.STYLE_DATETIME
            else:
                cell.style = t.STYLE_DATE
        lines = _lines([cell.value for cell in row], widths)
        if lines > 1:
            sheet.row_dimensions[number].height = LINE_HEIGHT * lines


def printable(sheet: Worksheet, *, title_row: int = 1) -> None:
    """A4 landscape, as wide as the page, the header row on every page, filters on the header."""
    sheet.freeze_panes = f"A{title_row + 1}"
    sheet.print_title_rows = f"{title_row}:{title_row}"
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _lines(values: Sequence[object], widths: Sequence[int]) -> int:
    """How many lines the tallest of a row's cells takes once wrapped."""
    tallest = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, str) and len(value) > width:
            per_line = max(1, int(width * CHARS_PER_WIDTH))
            lines = sum(max(1, math.ceil(len(part) / per_line)) for part in value.split("\n"))
            tallest = max(tallest, lines)
    return tallest

"""A plan's table as an Excel workbook: the table sheet and a summary sheet, printable on A4."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.exports.columns import DATETIME_COLUMNS, WIDTHS, cells
from kehoach_bot.services.exports import CATEGORIES, PlanTable
from kehoach_bot.texts import exports_vi as t
from kehoach_bot.texts.vi import STATUS_SHORT

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "hh:mm dd/mm/yyyy"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAPPED = Alignment(wrap_text=True, vertical="top")


def to_xlsx(table: PlanTable) -> bytes:
    """The workbook's bytes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    for style in _cell_styles():
        book.add_named_style(style)
    _table_sheet(sheet, table)
    _summary_sheet(book.create_sheet(t.SHEET_SUMMARY), table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table_sheet(sheet: Worksheet, table: PlanTable) -> None:
    sheet.title = t.SHEET_TABLE
    _header(sheet, list(t.HEADERS))
    for row in table.rows:
        sheet.append(cells(row))
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    # One named style per kind of cell: styling 100,000 cells one attribute at a time costs seconds.
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if not isinstance(cell.value, date):
                cell.style = t.STYLE_TEXT
            elif cell.column - 1 in DATETIME_COLUMNS:
                cell.style = t.STYLE_DATETIME
            else:
                cell.style = t.STYLE_DATE
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    header = sheet.HeaderFooter.oddHeader
    assert header is not None  # openpyxl makes every header part with the sheet
    header.center.text = t.PAGE_HEADER.format(plan=table.plan_title, date=format_date(table.today))
    _printable(sheet)


def _summary_sheet(sheet: Worksheet, table: PlanTable) -> None:
    sheet.append([t.SUMMARY_TITLE.format(plan=table.plan_title)])
    sheet["A1"].font = Font(bold=True, size=13)
    if table.plan_number:
        sheet.append([t.SUMMARY_PLAN_NUMBER.format(number=table.plan_number)])
    sheet.append([t.SUMMARY_AS_OF.format(date=format_date(table.today))])
    sheet.append([])
    first = sheet.max_row + 1
    _header(
        sheet,
        [t.SUMMARY_PERIOD, *(STATUS_SHORT[s.value] for s in CATEGORIES), t.SUMMARY_TOTAL],
        row=first,
    )
    for period in table.periods:
        sheet.append([period.period, *(period.counts[s] for s in CATEGORIES), period.total])
    sheet.append(
        [t.SUMMARY_TOTAL, *(table.counts[s] for s in CATEGORIES), sum(table.counts.values())]
    )
    for cell in sheet[sheet.max_row]:
        cell.font = HEADER_FONT
    sheet.column_dimensions["A"].width = 30
    for index in range(2, len(CATEGORIES) + 3):
        sheet.column_dimensions[get_column_letter(index)].width = 16
    sheet.freeze_panes = f"A{first + 1}"
    _printable(sheet)


def _cell_styles() -> list[NamedStyle]:
    return [
        NamedStyle(t.STYLE_TEXT, alignment=WRAPPED),
        NamedStyle(t.STYLE_DATE, alignment=WRAPPED, number_format=DATE_FORMAT),
        NamedStyle(t.STYLE_DATETIME, alignment=WRAPPED, number_format=DATETIME_FORMAT),
    ]


def _header(sheet: Worksheet, titles: list[str], row: int = 1) -> None:
    for index, title in enumerate(titles, start=1):
        cell = sheet.cell(row=row, column=index, value=title)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _printable(sheet: Worksheet) -> None:
    """A4 landscape, as wide as the page, as many pages down as it takes."""
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)

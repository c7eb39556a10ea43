"""A plan's table as an Excel workbook: the table sheet and a summary sheet, printable on A4."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.exports import sheets
from kehoach_bot.exports.columns import DATETIME_COLUMNS, WIDTHS, cells
from kehoach_bot.services.exports import CATEGORIES, PlanTable
from kehoach_bot.texts import exports_vi as t
from kehoach_bot.texts.vi import STATUS_SHORT

SUMMARY_WIDTHS = (30, *(16 for _ in CATEGORIES), 16)


def to_xlsx(table: PlanTable) -> bytes:
    """The workbook's bytes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheets.add_cell_styles(book)
    _table_sheet(sheet, table)
    _summary_sheet(book.create_sheet(t.SHEET_SUMMARY), table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table_sheet(sheet: Worksheet, table: PlanTable) -> None:
    sheet.title = t.SHEET_TABLE
    sheets.header(sheet, t.HEADERS, WIDTHS)
    for row in table.rows:
        sheet.append(cells(row))
    sheets.style_cells(sheet, WIDTHS, DATETIME_COLUMNS)
    sheet.auto_filter.ref = sheet.dimensions
    page_header = sheet.HeaderFooter.oddHeader
    assert page_header is not None  # openpyxl makes every header part with the sheet
    page_header.center.text = t.PAGE_HEADER.format(
        plan=table.plan_title, date=format_date(table.today)
    )
    sheets.printable(sheet)


def _summary_sheet(sheet: Worksheet, table: PlanTable) -> None:
    sheet.append([t.SUMMARY_TITLE.format(plan=table.plan_title)])
    sheet["A1"].font = Font(bold=True, size=13)
    if table.plan_number:
        sheet.append([t.SUMMARY_PLAN_NUMBER.format(number=table.plan_number)])
    sheet.append([t.SUMMARY_AS_OF.format(date=format_date(table.today))])
    sheet.append([])
    first = sheet.max_row + 1
    titles = [t.SUMMARY_PERIOD, *(STATUS_SHORT[s.value] for s in CATEGORIES), t.SUMMARY_TOTAL]
    sheets.header(sheet, titles, SUMMARY_WIDTHS, row=first)
    for period in table.periods:
        sheet.append([period.period, *(period.counts[s] for s in CATEGORIES), period.total])
    sheet.append(
        [t.SUMMARY_TOTAL, *(table.counts[s] for s in CATEGORIES), sum(table.counts.values())]
    )
    for cell in sheet[sheet.max_row]:
        cell.font = sheets.HEADER_FONT
    sheets.printable(sheet, title_row=first)

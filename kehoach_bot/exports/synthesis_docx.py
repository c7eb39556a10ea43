"""The draft synthesis report as a Word file: Synthesis → .docx bytes (python-docx).

Layout of an administrative document under Nghị định 30/2020/NĐ-CP: A4 portrait, Times New Roman,
a borderless two-column header (office and number | quốc hiệu, tiêu ngữ, place and date), the
title, "Kính gửi", four numbered parts, then "Nơi nhận" beside the signature block. Real
paragraphs in the Normal style, so the coordinator edits it like any other draft.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Length, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from kehoach_bot.domain.status import Status
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.services.exports import TableRow
from kehoach_bot.services.synthesis import Synthesis
from kehoach_bot.texts import synthesis_vi as t
from kehoach_bot.texts.vi import STATUS_SHORT

FONT = "Times New Roman"
BODY = Pt(14)
SMALL = Pt(13)  # header and "Nơi nhận", as offices set them
COUNTED = (Status.DONE_ON_TIME, Status.DONE_LATE, Status.OPEN_ON_TIME, Status.OPEN_OVERDUE)
USABLE_WIDTH = Cm(21 - 3 - 2)
HEADER_LEFT = Cm(5.5)  # the right column holds the quốc hiệu on one line at 13 pt
CLOSING_LEFT = Cm(8)


def to_docx(synthesis: Synthesis) -> bytes:
    """The draft synthesis report of one plan and period, as the bytes of a .docx file."""
    document = Document()
    _page(document)
    _normal_style(document)
    document.core_properties.title = t.DOC_TITLE.format(
        plan=synthesis.table.plan, period=synthesis.period
    )
    document.core_properties.language = "vi-VN"
    _header(document, synthesis)
    _title(document, synthesis)
    _counts(document, synthesis)
    _results(document, synthesis)
    _missing(document, synthesis)
    _heading(document, t.PART_IV)
    _body(document, t.PROPOSALS)
    _closing(document, synthesis)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(document: DocumentObject) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)


def _normal_style(document: DocumentObject) -> None:
    """Times New Roman 14 for every script: Word picks the East-Asian slot for Vietnamese
    when the text's language says so, hence w:eastAsia as well as the name."""
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = BODY
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN")
    language.set(qn("w:eastAsia"), "vi-VN")
    rpr.append(language)
    paragraph = style.paragraph_format
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(6)
    paragraph.line_spacing = 1.15
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _header(document: DocumentObject, synthesis: Synthesis) -> None:
    table = _layout_table(document, (HEADER_LEFT, Emu(USABLE_WIDTH - HEADER_LEFT)))
    left, right = table.rows[0].cells
    office = synthesis.office
    if office is not None and office.superior:
        _line(left, office.superior.upper(), size=SMALL, first=True)
        _line(left, office.short_name.upper(), size=SMALL, bold=True, underline=True)
    else:
        name = office.name.upper() if office else t.OFFICE_PLACEHOLDER
        _line(left, name, size=SMALL, bold=True, underline=True, first=True)
    _line(left, t.NUMBER.format(symbol=t.SYMBOL_PLACEHOLDER), size=SMALL)
    _line(right, t.NATION, size=SMALL, bold=True, first=True)
    _line(right, t.MOTTO, size=BODY, bold=True, underline=True)
    _line(right, t.PLACE_DATE, size=BODY, italic=True)


def _title(document: DocumentObject, synthesis: Synthesis) -> None:
    _centred(document, t.TITLE, bold=True).paragraph_format.space_before = Pt(12)
    plan = _plan_ref(synthesis)
    if len(synthesis.reports) == 1:
        subject = t.SUBJECT_ONE.format(
            report=synthesis.reports[0], period=synthesis.period, plan=plan
        )
    else:
        subject = t.SUBJECT_MANY.format(plan=plan, period=synthesis.period)
    _centred(document, subject, bold=True)
    recipients = synthesis.recipients or (t.RECIPIENT_PLACEHOLDER,)
    if len(recipients) == 1:
        to = _centred(document, t.TO_ONE.format(recipient=recipients[0]))
        to.paragraph_format.space_before = Pt(6)
        return
    _centred(document, t.TO_MANY).paragraph_format.space_before = Pt(6)
    for index, recipient in enumerate(recipients):
        line = t.TO_LAST if index == len(recipients) - 1 else t.TO_LINE
        _centred(document, line.format(recipient=recipient))


def _plan_ref(synthesis: Synthesis) -> str:
    if not synthesis.plan_number:
        return t.PLAN_UNNUMBERED.format(title=synthesis.plan_title)
    if synthesis.plan_issued_on is None:
        ref = t.PLAN_REF.format(number=synthesis.plan_number)
    else:
        ref = t.PLAN_REF_DATED.format(
            number=synthesis.plan_number, date=format_date(synthesis.plan_issued_on)
        )
    if synthesis.plan_issuer:
        return t.PLAN_REF_ISSUER.format(ref=ref, issuer=synthesis.plan_issuer)
    return ref


def _counts(document: DocumentObject, synthesis: Synthesis) -> None:
    _heading(document, t.PART_I)
    table = synthesis.table
    _body(
        document,
        t.INTRO.format(
            plan=_plan_ref(synthesis),
            date=format_date(table.today),
            units=synthesis.units,
            period=synthesis.period,
            rows=len(table.rows),
        ),
    )
    if len(synthesis.reports) > 1:
        _body(document, t.REPORTS_COVERED.format(reports="; ".join(synthesis.reports)))
    shown = list(COUNTED)
    if table.counts.get(Status.NOT_TRACKED, 0):
        shown.append(Status.NOT_TRACKED)
    for index, status in enumerate(shown):
        line = t.COUNT_LAST if index == len(shown) - 1 else t.COUNT_LINE
        _body(
            document,
            line.format(category=_capital(STATUS_SHORT[status.value]), count=table.counts[status]),
        )


def _results(document: DocumentObject, synthesis: Synthesis) -> None:
    _heading(document, t.PART_II)
    if not synthesis.reported:
        _body(document, t.NONE_REPORTED)
    for index, part in enumerate(synthesis.reported, start=1):
        _body(document, t.UNIT_HEADING.format(index=index, unit=part.unit_name), bold=True)
        for row in part.rows:
            _body(document, _submitted(row))
            for note in row.notes:
                _body(document, t.NOTE.format(note=note))
            if not row.notes:
                _body(document, t.NO_NOTE, italic=True)
            if row.files:
                _body(document, t.FILES.format(files=t.FILES_JOINED.join(row.files)))


def _submitted(row: TableRow) -> str:
    when = row.submitted_at
    time = when.strftime("%H:%M") if when else "…"
    day = format_date(when.date()) if when else "…"
    if row.status is Status.DONE_LATE:
        return t.SUBMITTED_LATE.format(report=row.report, time=time, date=day, days=row.days_late)
    return t.SUBMITTED_ON_TIME.format(report=row.report, time=time, date=day)


def _missing(document: DocumentObject, synthesis: Synthesis) -> None:
    _heading(document, t.PART_III)
    if not synthesis.missing:
        _body(document, t.NONE_MISSING)
    for index, part in enumerate(synthesis.missing, start=1):
        _body(document, t.MISSING_UNIT.format(index=index, unit=part.unit_name), bold=True)
        for row in part.rows:
            day = format_date(row.last_day)
            if row.status is Status.OPEN_OVERDUE:
                line = t.MISSING_OVERDUE.format(report=row.report, date=day, days=row.days_late)
            elif row.status is Status.NOT_TRACKED:
                line = t.MISSING_NOT_TRACKED.format(report=row.report, date=day)
            else:
                line = t.MISSING_ON_TIME.format(report=row.report, date=day)
            _body(document, line)


def _closing(document: DocumentObject, synthesis: Synthesis) -> None:
    document.add_paragraph()  # a blank line between the text and "Nơi nhận"
    table = _layout_table(document, (CLOSING_LEFT, Emu(USABLE_WIDTH - CLOSING_LEFT)))
    left, right = table.rows[0].cells
    _line(left, t.RECEIVERS, size=SMALL, bold=True, italic=True, first=True, centred=False)
    for recipient in synthesis.recipients or (t.RECIPIENT_PLACEHOLDER,):
        _line(left, t.RECEIVER.format(recipient=recipient), size=SMALL, centred=False)
    _line(left, t.ARCHIVE, size=SMALL, centred=False)
    _line(right, t.SIGNER_TITLE, size=BODY, bold=True, first=True)
    _line(right, t.SIGNER_NOTE, size=BODY, italic=True)
    for _ in range(3):
        _line(right, "", size=BODY)
    _line(right, t.SIGNER, size=BODY, bold=True)


# --- building blocks ------------------------------------------------------------------------


def _layout_table(document: DocumentObject, widths: tuple[Length, Length]) -> Table:
    """A one-row, two-column table with no borders: the usual way to set two blocks side by side."""
    table: Table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "nil")
        borders.append(line)
    properties = table._tbl.tblPr
    # The schema fixes the order of a table's properties; Word refuses a file that breaks it.
    later = [
        properties.find(qn(f"w:{tag}")) for tag in ("shd", "tblLayout", "tblCellMar", "tblLook")
    ]
    following = next((element for element in later if element is not None), None)
    if following is None:
        properties.append(borders)
    else:
        following.addprevious(borders)
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths, strict=True):
        column.width = width  # the grid, which LibreOffice reads
        cell.width = width  # the cell, which Word reads
    return table


def _line(
    cell: _Cell,
    text: str,
    *,
    size: Pt,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    first: bool = False,
    centred: bool = True,
) -> Paragraph:
    paragraph: Paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    run = paragraph.add_run(text)
    run.font.size = size
    run.bold, run.italic, run.underline = bold, italic, underline
    return paragraph


def _centred(document: DocumentObject, text: str, *, bold: bool = False) -> Paragraph:
    paragraph: Paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.add_run(text).bold = bold
    return paragraph


def _heading(document: DocumentObject, text: str) -> Paragraph:
    paragraph: Paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run(text).bold = True
    return paragraph


def _body(
    document: DocumentObject, text: str, *, bold: bool = False, italic: bool = False
) -> Paragraph:
    paragraph: Paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Cm(1)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    return paragraph


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

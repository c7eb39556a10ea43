"""A plan's file is read into text by its content, and a bad file is refused in Vietnamese."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
import matplotlib
import pytest
from docx.oxml.ns import qn
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from kehoach_bot.plans.extract.documents import (
    MAX_BYTES,
    SYSTEM_OCR,
    DocumentError,
    DocumentText,
    read_document,
)
from tests.unit.test_legacy_encodings import to_tcvn3, to_vni

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
PARAGRAPHS = [
    "KẾ HOẠCH",
    "Thực hiện Chương trình số 99-CTr/TU của Tỉnh ủy.",
    "Các sở, ngành gửi báo cáo về Sở Y tế trước ngày 25/11 hằng năm.",
]


class FakeOcr:
    """An OCR runner that answers without running anything."""

    def __init__(self, missing: str | None = None) -> None:
        self._missing = missing
        self.asked: list[int] = []

    def missing(self) -> str | None:
        return self._missing

    def read_pages(self, pdf: bytes, pages: Sequence[int]) -> list[str]:
        self.asked.extend(pages)
        return [f"Trang quét {page + 1}: Sở Y tế tổng hợp báo cáo" for page in pages]


# --- .txt -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        ("\n".join(PARAGRAPHS).encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + "\n".join(PARAGRAPHS).encode("utf-8"), "utf-8"),
        ("\n".join(PARAGRAPHS).encode("utf-16"), "utf-16"),
        ("\r\n".join(PARAGRAPHS).encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_unicode_txt(encoded: bytes, encoding: str) -> None:
    read = read_document("ke-hoach.txt", encoded, ocr=None)
    assert read == DocumentText("\n".join(PARAGRAPHS), "txt", encoding=encoding)


def test_cp1258_txt_with_combining_marks_is_nfc() -> None:
    cp1258 = _to_cp1258("\n".join(PARAGRAPHS))
    read = read_document("ke-hoach.txt", cp1258, ocr=None)
    assert read.encoding == "cp1258"
    assert read.text == "\n".join(PARAGRAPHS)
    assert unicodedata.is_normalized("NFC", read.text)


HAT_BREVE_HORN = "\u0302\u0306\u031b"


def _to_cp1258(text: str) -> bytes:
    """Windows-1258: â ê ô ă ơ ư đ whole, a tone mark as its own byte after the letter."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            kept = "".join(m for m in parts[1:] if m in HAT_BREVE_HORN)
            out += unicodedata.normalize("NFC", parts[0] + kept).encode("cp1258")
            out += "".join(m for m in parts[1:] if m not in HAT_BREVE_HORN).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(("typed", "reading"), [(to_tcvn3, "tcvn3"), (to_vni, "vni")])
def test_legacy_font_txt(typed: Callable[[str], str], reading: str) -> None:
    text = "\n".join(PARAGRAPHS[1:])
    encoded = typed(text).encode("cp1252")
    read = read_document("ke-hoach.txt", encoded, ocr=None)
    assert read.encoding == reading
    assert read.text == text
    assert read.notes and reading.upper() in read.notes[0]


def test_binary_named_txt_is_refused() -> None:
    blob = bytes(range(256)) * 40
    with pytest.raises(DocumentError) as error:
        read_document("ke-hoach.txt", blob, ocr=None)
    assert "nhị phân" in error.value.message


@pytest.mark.parametrize("content", [b"", b"   \n\t \r\n  "])
def test_empty_and_blank_files_are_refused(content: bytes) -> None:
    with pytest.raises(DocumentError) as error:
        read_document("ke-hoach.txt", content, ocr=None)
    assert "Tệp" in error.value.message


def test_a_too_big_file_is_refused_with_the_limit() -> None:
    with pytest.raises(DocumentError) as error:
        read_document("ke-hoach.txt", b"a" * (MAX_BYTES + 1), ocr=None)
    assert "20 MB" in error.value.message


# --- .docx ----------------------------------------------------------------------------------


def _docx() -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Đầu trang không được đọc"
    for text in PARAGRAPHS[:2]:
        document.add_paragraph(text)
    table = document.add_table(rows=3, cols=3)
    for column, title in enumerate(["Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"]):
        table.cell(0, column).text = title
    table.cell(1, 0).text = "Tuyên truyền"
    table.cell(1, 1).text = "Sở Y tế"
    table.cell(2, 0).text = "Kiểm tra"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Hằng năm"
    nested = table.cell(2, 1).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "Sở Nội vụ"
    nested.cell(0, 1).text = "UBND các xã"
    legacy = document.add_paragraph("Hạn: ")
    run = legacy.add_run(to_tcvn3("trước ngày 25/11 hằng năm"))
    run.font.name = ".VnTime"
    vni = document.add_paragraph()
    vni.add_run(to_vni("Sở Y tế tổng hợp")).font.name = "VNI-Times"
    document.add_paragraph("A | B")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_in_order() -> None:
    read = read_document("ke-hoach.docx", _docx(), ocr=None)
    assert read.kind == "docx"
    assert read.text.split("\n") == [
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        "| Nhiệm vụ | Cơ quan chủ trì | Thời gian |",
        "| Tuyên truyền | Sở Y tế | Hằng năm |",
        "| Kiểm tra | Sở Nội vụ UBND các xã |  |",
        "Hạn: trước ngày 25/11 hằng năm",
        "Sở Y tế tổng hợp",
        "A ¦ B",
    ]
    assert "Đầu trang" not in read.text
    assert read.notes and ".VnTime" in read.notes[0] and "VNI-Times" in read.notes[0]


def test_docx_legacy_font_from_a_style() -> None:
    document = docx.Document()
    document.styles["Normal"].font.name = ".VnTimeH"
    document.add_paragraph(to_tcvn3("kế hoạch"))
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_document("a.docx", buffer.getvalue(), ocr=None).text == "KẾ HOẠCH"


def test_docx_deleted_text_and_line_breaks() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Dòng một")
    paragraph.add_run().add_break()
    paragraph.add_run("Dòng hai")
    deleted = paragraph._p.makeelement(qn("w:del"), {})
    deleted.append(paragraph.add_run("đã xóa")._r)
    paragraph._p.append(deleted)
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_document("a.docx", buffer.getvalue(), ocr=None).text == "Dòng một\nDòng hai"


def test_docx_that_is_not_a_zip_is_refused() -> None:
    with pytest.raises(DocumentError) as error:
        read_document("ke-hoach.docx", "\n".join(PARAGRAPHS).encode(), ocr=None)
    assert ".docx" in error.value.message and "văn bản thuần" in error.value.message


def test_zip_that_is_not_word_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(DocumentError) as error:
        read_document("bang.docx", buffer.getvalue(), ocr=None)
    assert "Excel" in error.value.message


def test_zip_bomb_is_refused_before_unpacking() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/bomb.bin", b"\x00" * (101 * 1024 * 1024))
    assert len(buffer.getvalue()) < MAX_BYTES
    with pytest.raises(DocumentError) as error:
        read_document("bom.docx", buffer.getvalue(), ocr=None)
    assert "100 MB" in error.value.message


def test_old_word_doc_is_refused() -> None:
    with pytest.raises(DocumentError) as error:
        read_document("ke-hoach.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ocr=None)
    assert ".doc" in error.value.message


# --- .pdf -----------------------------------------------------------------------------------


def _text_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=12)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _scanned_pdf(lines: Sequence[str]) -> bytes:
    image = Image.new("L", (2480, 1200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 60)
    for row, line in enumerate(lines):
        draw.text((150, 150 + row * 110), line, fill=0, font=font)
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=300.0)
    return buffer.getvalue()


def test_text_pdf_keeps_page_order_and_drops_page_numbers() -> None:
    content = _text_pdf([[*PARAGRAPHS[:2], "1"], ["2", PARAGRAPHS[2], "Số 743/KH-", "UBND"]])
    read = read_document("ke-hoach.pdf", content, ocr=None)
    assert read.kind == "pdf" and read.pages == 2 and not read.ocr
    assert read.text.split("\n") == [*PARAGRAPHS, "Số 743/KH-UBND"]


def test_a_sentence_the_page_wrapped_comes_back_as_one_line_but_items_stay_apart() -> None:
    duty = (
        "Các Sở: Y tế, Xây dựng, Tài chính định kỳ 06 tháng (trước ngày 30/6) và hằng năm "
        "(trước ngày 31/12) báo cáo kết quả thực hiện Kế hoạch về Ủy ban nhân dân tỉnh (qua "
        "Sở Lao động - Thương binh và Xã hội) để tổng hợp, báo cáo Bộ Lao động - Thương binh "
        "và Xã hội."
    )
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    for paragraph in ("IV. TỔ CHỨC THỰC HIỆN", duty, "- Sở Y tế:", "a) theo dõi, đôn đốc."):
        pdf.multi_cell(0, 8, paragraph, new_x="LMARGIN", new_y="NEXT")
    read = read_document("ke-hoach.pdf", bytes(pdf.output()), ocr=None)
    assert read.text.split("\n") == [
        "IV. TỔ CHỨC THỰC HIỆN",
        duty,
        "- Sở Y tế:",
        "a) theo dõi, đôn đốc.",
    ]


def test_pdf_named_file_that_is_not_a_pdf_is_refused() -> None:
    with pytest.raises(DocumentError) as error:
        read_document("ke-hoach.pdf", _docx(), ocr=None)
    assert "PDF" in error.value.message and "tệp nén" in error.value.message


def test_broken_pdf_is_refused() -> None:
    with pytest.raises(DocumentError) as error:
        read_document("ke-hoach.pdf", b"%PDF-1.7\n garbage without objects", ocr=None)
    assert "PDF" in error.value.message


def test_scanned_pdf_without_ocr_says_what_to_install() -> None:
    content = _scanned_pdf(["KẾ HOẠCH"])
    for runner in (None, FakeOcr(missing="chưa cài tesseract")):
        with pytest.raises(DocumentError) as error:
            read_document("quet.pdf", content, ocr=runner)
        assert "tesseract-ocr-vie" in error.value.message


def test_scanned_pages_go_to_the_ocr_runner() -> None:
    text_page = list(PARAGRAPHS)
    content = _text_pdf([text_page])
    scanned = _scanned_pdf(["KẾ HOẠCH"])
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in (content, scanned):
        for page in PdfReader(io.BytesIO(part)).pages:
            writer.add_page(page)
    both = io.BytesIO()
    writer.write(both)
    runner = FakeOcr()
    read = read_document("mot-phan-quet.pdf", both.getvalue(), ocr=runner)
    assert runner.asked == [1]
    assert read.ocr and read.pages == 2
    assert read.text.split("\n") == [*PARAGRAPHS, "Trang quét 2: Sở Y tế tổng hợp báo cáo"]
    assert "2" in read.notes[0]


@pytest.mark.skipif(SYSTEM_OCR.missing() is not None, reason="tesseract với tiếng Việt chưa cài")
def test_scanned_pdf_is_read_by_tesseract() -> None:
    content = _scanned_pdf(
        ["KẾ HOẠCH", "Các sở gửi báo cáo về Sở Y tế", "trước ngày 25/11 hằng năm."]
    )
    read = read_document("quet.pdf", content)
    assert read.ocr and read.pages == 1 and read.notes
    assert "báo cáo" in read.text and "Sở Y tế" in read.text and "25/11" in read.text

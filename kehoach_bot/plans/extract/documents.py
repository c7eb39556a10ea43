"""A plan's file (.txt, .docx, .pdf, scanned .pdf) read into plain Unicode text.

The kind of a file is decided by its content (magic bytes); a name that promises another kind, an
empty or binary file, a file over `MAX_BYTES`, or a scan no OCR can read is refused with a
`DocumentError` whose `message` says, in Vietnamese, what is wrong and what to send instead.

The text convention (`DocumentText.text`, NFC):
- one paragraph per line ("\\n" between them); a soft line break inside a paragraph also starts a
  new line; paragraphs never begin with "|" (a "|" inside a paragraph or cell is written "¦");
- one table row per line, written "| cell | cell | cell |": the line starts with "| " and ends
  with " |", cells are separated by " | ". A cell merged across columns appears once; a cell
  merged down rows is written once, in its first row, and empty ("") below. A cell's paragraphs
  and the text of tables nested in it are joined by spaces. A row with a single non-empty cell
  (a banner across the table) and a table of a single cell (a frame) are written as paragraphs;
- a text PDF keeps its visual lines, page after page, without page numbers standing alone.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any, Literal, Protocol

import docx
from pypdf import PdfReader

from kehoach_bot.plans.extract.legacy_encodings import (
    best_reading,
    decode_tcvn3,
    decode_vni,
    syllable_score,
)
from kehoach_bot.plans.extract.sentences import CLOSING_MARKS
from kehoach_bot.texts import extract_documents_vi as t

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # what a .docx may hold once unzipped (zip bombs)
MAX_ZIP_ENTRIES = 5000
MAX_OCR_PAGES = 60
OCR_PAGE_TIMEOUT_S = 120.0
OCR_TOTAL_TIMEOUT_S = 900.0
OCR_RESOLUTION_DPI = 300
_IMAGE_PAGE_CHARS = 25  # a PDF page with fewer letters and digits than this is an image

Kind = Literal["txt", "docx", "pdf"]
_Element = Any  # an lxml element of python-docx's tree (lxml ships without type hints)


class DocumentError(ValueError):
    """A file that cannot be read as a plan; `message` says why in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class DocumentText:
    """A plan's text as read from its file, with how it was read."""

    text: str
    kind: Kind
    encoding: str | None = None  # .txt: the encoding detected ("utf-8", "cp1258", "tcvn3", …)
    ocr: bool = False  # some or all of the text came from OCR
    pages: int | None = None  # .pdf: its page count
    notes: tuple[str, ...] = ()  # Vietnamese notes for the admin


class OcrRunner(Protocol):
    """Reads the text of pages of a PDF that hold only images."""

    def missing(self) -> str | None:
        """What is missing for OCR to run (Vietnamese), or None when it can run."""

    def read_pages(self, pdf: bytes, pages: Sequence[int]) -> list[str]:
        """The text of each page (0-based numbers), in the order asked."""


@lru_cache(maxsize=1)
def _system_ocr_missing() -> str | None:
    """What the machine lacks for Tesseract OCR in Vietnamese; None when nothing."""
    if shutil.which("tesseract") is None:
        return t.OCR_MISSING_TESSERACT
    try:
        listed = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return t.OCR_MISSING_TESSERACT
    languages = (listed.stdout + listed.stderr).decode("utf-8", "replace").split()
    if "vie" not in languages:
        return t.OCR_MISSING_VIE
    if shutil.which("pdftoppm") is None:
        return t.OCR_MISSING_PDFTOPPM
    return None


class TesseractOcr:
    """OCR by Debian's tools: `pdftoppm` renders a page, `tesseract -l vie` reads it.

    pdftoppm (poppler-utils) rather than pypdfium2: it is a Debian package installed with
    tesseract itself, and as a separate process it can be killed when its time runs out.
    """

    def __init__(
        self,
        *,
        max_pages: int = MAX_OCR_PAGES,
        page_timeout_s: float = OCR_PAGE_TIMEOUT_S,
        total_timeout_s: float = OCR_TOTAL_TIMEOUT_S,
        resolution_dpi: int = OCR_RESOLUTION_DPI,
    ) -> None:
        self.max_pages = max_pages
        self.page_timeout_s = page_timeout_s
        self.total_timeout_s = total_timeout_s
        self.resolution_dpi = resolution_dpi

    def missing(self) -> str | None:
        """What the machine lacks for OCR, or None."""
        return _system_ocr_missing()

    def read_pages(self, pdf: bytes, pages: Sequence[int]) -> list[str]:
        """Render and read each page; DocumentError past the page cap or the time limit."""
        if len(pages) > self.max_pages:
            raise DocumentError(t.OCR_TOO_MANY_PAGES.format(pages=len(pages), limit=self.max_pages))
        deadline = time.monotonic() + self.total_timeout_s
        texts: list[str] = []
        with tempfile.TemporaryDirectory(prefix="kehoach-ocr-") as folder:
            source = Path(folder) / "plan.pdf"
            source.write_bytes(pdf)
            image = Path(folder) / "page"
            for page in pages:
                number = str(page + 1)
                self._run(
                    [
                        *("pdftoppm", "-r", str(self.resolution_dpi), "-gray", "-png"),
                        *("-singlefile", "-f", number, "-l", number, str(source), str(image)),
                    ],
                    deadline,
                )
                output = self._run(
                    ["tesseract", str(image) + ".png", "stdout", "-l", "vie"], deadline
                )
                texts.append(output.decode("utf-8", "replace"))
        return texts

    def _run(self, command: list[str], deadline: float) -> bytes:
        remaining = min(self.page_timeout_s, deadline - time.monotonic())
        if remaining <= 0:
            raise DocumentError(t.OCR_TIMEOUT.format(seconds=int(self.total_timeout_s)))
        try:
            done = subprocess.run(command, capture_output=True, timeout=remaining, check=False)
        except subprocess.TimeoutExpired as error:
            raise DocumentError(
                t.OCR_TIMEOUT.format(seconds=int(min(self.page_timeout_s, self.total_timeout_s)))
            ) from error
        except OSError as error:
            raise DocumentError(t.OCR_FAILED) from error
        if done.returncode != 0:
            raise DocumentError(t.OCR_FAILED)
        return done.stdout


SYSTEM_OCR = TesseractOcr()


def read_document(name: str, content: bytes, *, ocr: OcrRunner | None = SYSTEM_OCR) -> DocumentText:
    """The text of a plan's file; DocumentError (Vietnamese `message`) when it cannot be read."""
    if not content:
        raise DocumentError(t.EMPTY)
    if len(content) > MAX_BYTES:
        size = f"{len(content) / 1024 / 1024:.1f}".replace(".", ",")
        raise DocumentError(t.TOO_BIG.format(size=size, limit=MAX_BYTES // 1024 // 1024))
    sniffed = _sniff(content)
    suffix = PurePath(name).suffix.lower()
    if suffix == ".docx" and sniffed != "zip":
        raise DocumentError(t.NOT_DOCX.format(actual=t.ACTUAL_KIND[sniffed]))
    if suffix == ".pdf" and sniffed != "pdf":
        raise DocumentError(t.NOT_PDF.format(actual=t.ACTUAL_KIND[sniffed]))
    if sniffed == "pdf":
        return _read_pdf(content, ocr)
    if sniffed == "zip":
        return _read_docx(content)
    refusals = {"ole": t.OLD_WORD, "rtf": t.RTF, "image": t.IMAGE}
    if sniffed in refusals:
        raise DocumentError(refusals[sniffed])
    return _read_txt(content)


def _sniff(content: bytes) -> str:
    """What the bytes are: pdf, zip, ole (old Office), rtf, image, or text."""
    if b"%PDF-" in content[:1024]:
        return "pdf"
    if content.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if content.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if content.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    images = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
    if content.startswith(images):
        return "image"
    return "text"


# --- plain text -----------------------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _read_txt(content: bytes) -> DocumentText:
    text, encoding = _decode(content)
    if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise DocumentError(t.BINARY)
    reading = best_reading(text)
    notes: tuple[str, ...] = ()
    if reading.converted_lines:
        legacy = reading.reading
        encoding = legacy if encoding == "latin-1" else f"{encoding}+{legacy}"
        notes = (t.NOTE_LEGACY_TXT.format(encoding=legacy.upper()),)
    clean = _clean_lines(reading.text.split("\n"), keep_blank=True)
    if not clean.strip():
        raise DocumentError(t.NO_TEXT)
    return DocumentText(clean, "txt", encoding=encoding, notes=notes)


def _decode(content: bytes) -> tuple[str, str]:
    """Bytes to text, and the encoding they were in; latin-1 stands for a legacy 8-bit font."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", "replace"), "utf-8"
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16", "replace"), "utf-16"
    if b"\x00" in content:
        head = content[:4096]
        odd, even = head[1::2].count(0), head[0::2].count(0)
        if odd > len(head) // 4 and even == 0:
            return content.decode("utf-16-le", "replace"), "utf-16-le"
        if even > len(head) // 4 and odd == 0:
            return content.decode("utf-16-be", "replace"), "utf-16-be"
        raise DocumentError(t.BINARY)
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    windows = unicodedata.normalize("NFC", content.decode("cp1258", "replace"))
    legacy = content.decode("latin-1")
    if syllable_score(best_reading(legacy).text) > syllable_score(windows):
        return legacy, "latin-1"
    return windows, "cp1258"


def _clean_lines(lines: Sequence[str], *, keep_blank: bool) -> str:
    """Lines without surrounding spaces, runs of spaces collapsed, blank lines at most one."""
    out: list[str] = []
    for line in lines:
        line = line.replace("\ufeff", "")
        # A table row keeps its " | " between cells, empty ones included.
        line = line.strip() if line.startswith("| ") else " ".join(line.split())
        if line or (keep_blank and out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return unicodedata.normalize("NFC", "\n".join(out))


# --- .docx ----------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_WRAPPERS = {_w(x) for x in ("hyperlink", "smartTag", "ins", "fldSimple", "customXml", "moveTo")}
_WRAPPERS |= {_w("sdt"), _w("sdtContent")}
_SKIPPED = {_w("del"), _w("moveFrom"), f"{{{_MC}}}Fallback"}


@dataclass(slots=True)
class _Fonts:
    """Which legacy encoding each style's font holds, resolved through `basedOn`."""

    styles: dict[str, tuple[str | None, str | None]]  # id → (font, based on)
    default_paragraph: str | None
    default_font: str | None

    def of_style(self, style: str | None, depth: int = 0) -> str | None:
        """The font a style sets, itself or through the styles it is based on."""
        if style is None or style not in self.styles or depth > 20:
            return None
        font, based_on = self.styles[style]
        return font if font is not None else self.of_style(based_on, depth + 1)


def _rfonts(rpr: _Element | None) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(_w("rFonts"))
    if fonts is None:
        return None
    name: str | None = fonts.get(_w("ascii")) or fonts.get(_w("hAnsi"))
    return name


def _read_fonts(styles: _Element | None) -> _Fonts:
    table: dict[str, tuple[str | None, str | None]] = {}
    default_paragraph = default_font = None
    if styles is None:
        return _Fonts(table, None, None)
    for style in styles.iter(_w("style")):
        style_id = style.get(_w("styleId"))
        if style_id is None:
            continue
        based = style.find(_w("basedOn"))
        table[style_id] = (
            _rfonts(style.find(_w("rPr"))),
            None if based is None else based.get(_w("val")),
        )
        if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in {"1", "true"}:
            default_paragraph = style_id
    defaults = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    default_font = _rfonts(defaults)
    return _Fonts(table, default_paragraph, default_font)


def _legacy_of(font: str | None) -> str | None:
    """ "tcvn3", "tcvn3-upper" (.VnTimeH and kin), "vni", or None for a Unicode font."""
    if not font:
        return None
    name = font.strip().lstrip(".")
    lower = name.lower()
    if lower.startswith("vni-") or lower.startswith("vni "):
        return "vni"
    if lower.startswith("vn") and not lower.startswith("vni"):
        return "tcvn3-upper" if name.endswith("H") else "tcvn3"
    return None


def _decode_legacy(kind: str | None, text: str) -> str:
    if kind == "vni":
        return decode_vni(text)
    if kind == "tcvn3":
        return decode_tcvn3(text)
    if kind == "tcvn3-upper":
        return decode_tcvn3(text).upper()
    return text


class _DocxReader:
    """Walks a document's body in order: paragraphs, tables, text boxes."""

    def __init__(self, fonts: _Fonts) -> None:
        self.fonts = fonts
        self.legacy_fonts: set[str] = set()

    def blocks(self, parent: _Element, *, in_cell: bool = False) -> Iterator[str]:
        """The lines of a body, a cell or a text box, in reading order."""
        for child in parent:
            if child.tag == _w("p"):
                text, boxes = self.paragraph(child)
                yield from text.split("\n")
                for box in boxes:
                    yield from self.blocks(box, in_cell=in_cell)
            elif child.tag == _w("tbl") and in_cell:
                for cells in self.rows(child):
                    yield " ".join(self.cell(cell) for cell in cells)
            elif child.tag == _w("tbl"):
                yield from self.table(child)
            elif child.tag in _WRAPPERS:
                yield from self.blocks(child, in_cell=in_cell)

    def rows(self, tbl: _Element) -> list[list[_Element]]:
        """The cells of each row of this table (not of the tables nested in it)."""
        rows = [r for r in tbl.iter(_w("tr")) if _nearest_table(r) is tbl]
        return [[c for c in row if c.tag == _w("tc")] for row in rows]

    def paragraph(self, p: _Element) -> tuple[str, list[_Element]]:
        """A paragraph's text (legacy-font runs converted) and the text boxes it anchors."""
        ppr = p.find(_w("pPr"))
        pstyle = None if ppr is None else ppr.find(_w("pStyle"))
        style = self.fonts.default_paragraph if pstyle is None else pstyle.get(_w("val"))
        style_font = self.fonts.of_style(style) or self.fonts.default_font
        pieces: list[tuple[str | None, str]] = []
        boxes: list[_Element] = []
        self._runs(p, style_font, pieces, boxes)
        merged: list[tuple[str | None, str]] = []
        for kind, text in pieces:
            if merged and merged[-1][0] == kind:
                merged[-1] = (kind, merged[-1][1] + text)
            else:
                merged.append((kind, text))
        text = "".join(_decode_legacy(kind, piece) for kind, piece in merged)
        return text.replace("|", "¦"), boxes

    def _runs(
        self,
        parent: _Element,
        style_font: str | None,
        pieces: list[tuple[str | None, str]],
        boxes: list[_Element],
    ) -> None:
        for child in parent:
            tag = child.tag
            if tag == _w("r"):
                self._run(child, style_font, pieces, boxes)
            elif tag in _WRAPPERS:
                self._runs(child, style_font, pieces, boxes)

    def _run(
        self,
        run: _Element,
        style_font: str | None,
        pieces: list[tuple[str | None, str]],
        boxes: list[_Element],
    ) -> None:
        rpr = run.find(_w("rPr"))
        font = _rfonts(rpr)
        if font is None and rpr is not None and (rstyle := rpr.find(_w("rStyle"))) is not None:
            font = self.fonts.of_style(rstyle.get(_w("val")))
        kind = _legacy_of(font or style_font)
        text: list[str] = []
        for child in run:
            tag = child.tag
            if tag == _w("t"):
                text.append(child.text or "")
            elif tag in {_w("tab"), _w("ptab")}:
                text.append(" ")
            elif tag in {_w("br"), _w("cr")}:
                text.append("\n")
            elif tag == _w("noBreakHyphen"):
                text.append("-")
            elif tag not in _SKIPPED:
                boxes.extend(_text_boxes(child))
        if text:
            if kind is not None:
                self.legacy_fonts.add((font or style_font or "").strip())
            pieces.append((kind, "".join(text)))

    def table(self, tbl: _Element) -> Iterator[str]:
        """A table's rows as "| a | b |" lines; a one-cell table as its own lines."""
        cells_of = self.rows(tbl)
        if len(cells_of) == 1 and len(cells_of[0]) == 1:
            yield from self.blocks(cells_of[0][0])
            return
        for cells in cells_of:
            values = [self.cell(cell) for cell in cells]
            filled = [v for v in values if v]
            if len(filled) == 1:
                yield filled[0]
            elif filled:
                yield "| " + " | ".join(values) + " |"

    def cell(self, tc: _Element) -> str:
        """A cell's text on one line; "" for a cell continuing a vertical merge."""
        merge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
        if merge is not None and merge.get(_w("val")) != "restart":
            return ""
        lines = (" ".join(line.replace("|", "¦").split()) for line in self.blocks(tc, in_cell=True))
        return " ".join(line for line in lines if line)


def _nearest_table(element: _Element) -> _Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != _w("tbl"):
        parent = parent.getparent()
    return parent


def _text_boxes(element: _Element) -> list[_Element]:
    """Text boxes drawn in a run, each once (the Fallback copy of a Choice is skipped)."""
    found: list[_Element] = []
    stack = [element]
    while stack:
        node = stack.pop()
        if node.tag == _w("txbxContent"):
            found.append(node)
            continue
        if node.tag in _SKIPPED:
            continue
        stack.extend(reversed(list(node)))
    return found


def _read_docx(content: bytes) -> DocumentText:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DocumentError(t.BROKEN_DOCX) from error
    limit = MAX_UNPACKED_BYTES // 1024 // 1024
    if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise DocumentError(t.TOO_UNPACKED.format(limit=limit))
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise DocumentError(t.OTHER_ZIP)
    try:
        document = docx.Document(io.BytesIO(content))
        styles = document.styles.element
        body = document.element.body
    except Exception as error:  # python-docx raises many kinds on a broken package
        raise DocumentError(t.BROKEN_DOCX) from error
    reader = _DocxReader(_read_fonts(styles))
    text = _clean_lines(list(reader.blocks(body)), keep_blank=False)
    if not text.strip():
        raise DocumentError(t.NO_TEXT)
    notes: tuple[str, ...] = ()
    if reader.legacy_fonts:
        notes = (t.NOTE_LEGACY_DOCX.format(fonts=", ".join(sorted(reader.legacy_fonts))),)
    return DocumentText(text, "docx", notes=notes)


# --- .pdf -----------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:trang\s*)?(\d{1,4})[-–—\s]*$", re.IGNORECASE)
_CODE_TAIL = re.compile(r"[\w/.]*[\d/][\w/.]*-$")  # "743/KH-", "20-7-": a number broken at "-"
_WORD_TAIL = re.compile(r"(?<![\w-])[a-z]{2,}-$")  # an ASCII word broken by a hyphen


def _read_pdf(content: bytes, ocr: OcrRunner | None) -> DocumentText:
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(t.ENCRYPTED_PDF)
        page_texts = [_page_text(page) for page in reader.pages]
    except DocumentError:
        raise
    except Exception as error:  # pypdf raises many kinds on a broken file
        raise DocumentError(t.BROKEN_PDF) from error
    if not page_texts:
        raise DocumentError(t.NO_TEXT)
    images = [i for i, text in enumerate(page_texts) if _letters(text) < _IMAGE_PAGE_CHARS]
    notes: list[str] = []
    used_ocr = False
    if images:
        missing = t.OCR_OFF if ocr is None else ocr.missing()
        numbers = ", ".join(str(i + 1) for i in images)
        if missing is None and ocr is not None:
            for index, text in zip(images, ocr.read_pages(content, images), strict=True):
                page_texts[index] = text
            used_ocr = True
            whole = len(images) == len(page_texts)
            notes.append(t.NOTE_OCR if whole else t.NOTE_OCR_PAGES.format(pages=numbers))
        elif len(images) == len(page_texts):
            raise DocumentError(t.NO_OCR.format(missing=missing))
        else:
            notes.append(t.NOTE_IMAGE_PAGES.format(pages=numbers, missing=missing))
    lines: list[str] = []
    for number, text in enumerate(page_texts, start=1):
        lines.extend(_without_page_number(text.split("\n"), number))
    joined = _join_wrapped(_join_broken(lines))
    reading = best_reading(_clean_lines(joined, keep_blank=False))
    if reading.converted_lines:
        notes.append(t.NOTE_LEGACY_TXT.format(encoding=reading.reading.upper()))
    if not reading.text.strip():
        raise DocumentError(t.NO_TEXT)
    return DocumentText(
        reading.text.replace("|", "¦"),
        "pdf",
        ocr=used_ocr,
        pages=len(page_texts),
        notes=tuple(notes),
    )


def _page_text(page: object) -> str:
    text = page.extract_text()  # type: ignore[attr-defined]
    return unicodedata.normalize("NFC", text or "")


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


def _without_page_number(lines: list[str], number: int) -> list[str]:
    """A page's lines without a bare page number on its first or last line."""
    kept = [line for line in lines if line.strip()]
    for index in (0, -1):
        if kept and (match := _PAGE_NUMBER.match(kept[index])) and int(match.group(1)) == number:
            kept.pop(index)
    return kept


_STARTS_ITEM = re.compile(r"^(?:[-+•*–]|\d+(?:\.\d+)*[.)]|[IVXLC]+[.)]|[a-zđ][.)])\s")
_FULL_LINE = 0.8  # a line this share of the page's usual width was wrapped by the page's edge


def _join_wrapped(lines: list[str]) -> list[str]:
    """One paragraph per line, as the other formats give: a PDF keeps the page's visual lines,
    so a line that runs to the page's edge, or whose next line goes on in lower case, without
    ending its sentence, is joined with the next one (never a new list item or heading)."""
    lengths = sorted(len(line) for line in lines if line)
    usual = lengths[int(len(lengths) * 0.9)] if lengths else 0
    out: list[str] = []
    for line in lines:
        if out and line and out[-1] and not _STARTS_ITEM.match(line):
            previous = out[-1]
            open_sentence = not previous.rstrip().endswith(CLOSING_MARKS)
            wrapped = len(previous) >= _FULL_LINE * usual or line[0].islower()
            if open_sentence and wrapped:
                out[-1] = f"{previous.rstrip()} {line.lstrip()}"
                continue
        out.append(line)
    return out


def _join_broken(lines: list[str]) -> list[str]:
    """Join lines broken at a hyphen where that is safe: inside a number, or an ASCII word."""
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if out and line and line[0].isalnum():
            previous = out[-1]
            if _CODE_TAIL.search(previous) and (line[0].isdigit() or line[0].isupper()):
                out[-1] = previous + line
                continue
            if _WORD_TAIL.search(previous) and line[0].islower() and line.split()[0].isascii():
                out[-1] = previous[:-1] + line
                continue
        out.append(line)
    return out

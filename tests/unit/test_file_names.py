"""Names of submitted files in the zip: Vietnamese kept, safe on every file system, never twice."""

from __future__ import annotations

import unicodedata

import pytest

from kehoach_bot.domain.file_names import (
    MAX_NAME_BYTES,
    bundle_name,
    extension_of,
    numbered,
    safe_part,
)


def test_vietnamese_letters_are_kept_in_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Báo cáo kết quả")
    name = bundle_name("GL-SNV", decomposed, "quý II 2026", "bc.PDF")
    assert name == "GL-SNV_Báo cáo kết quả_quý II 2026.pdf"
    assert unicodedata.is_normalized("NFC", name)


@pytest.mark.parametrize(
    ("written", "safe"),
    [
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("tháng 11/2026", "tháng 11-2026"),
        ("dòng\nmới\ttab\x00\x7f", "dòng mới tab"),
        ("  ..Báo cáo.. ", "Báo cáo"),
        ("...", ""),
    ],
)
def test_unsafe_characters_are_replaced(written: str, safe: str) -> None:
    assert safe_part(written, 100) == safe


@pytest.mark.parametrize("reserved", ["CON", "nul", "Com1", "LPT9", "aux"])
def test_windows_reserved_names_are_avoided(reserved: str) -> None:
    name = bundle_name(reserved, "", "", "x.txt")
    assert name == f"{reserved}_.txt"
    assert bundle_name(reserved, "báo cáo", "", "x.txt") == f"{reserved}_báo cáo.txt"


def test_long_names_are_shortened_between_letters() -> None:
    report = "Báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số " * 10
    name = bundle_name("UBND-XA-" + "Ệ" * 40, report, "quý IV/2026 " * 10, "Tệp.docx")
    assert len(name.encode()) + len("_99") <= MAX_NAME_BYTES
    assert name.endswith(".docx")
    assert name.startswith("UBND-XA-Ệ")
    stem = name.removesuffix(".docx")
    assert not stem.endswith((" ", "."))
    assert "_Báo cáo kết quả" in name
    # A letter is never cut in half, nor parted from its tone mark.
    decomposed = unicodedata.normalize("NFD", "ế" * 100)
    cut = safe_part(decomposed, 31)
    assert len(cut.encode()) <= 31
    assert cut == "ế" * 10  # NFC first: three bytes each


def test_the_extension_comes_from_the_submitted_name_in_lower_case() -> None:
    assert extension_of("Báo Cáo.Final.XLSX") == "xlsx"
    assert bundle_name("A", "b", "c", "scan.JPG") == "A_b_c.jpg"


@pytest.mark.parametrize(
    "submitted", ["bao-cao", "", ".bashrc", "a.tên có dấu", "a.", "x.abcdefghijk"]
)
def test_without_a_usable_extension_none_is_added(submitted: str) -> None:
    assert extension_of(submitted) == ""
    assert bundle_name("A", "b", "c", submitted) == "A_b_c"


def test_empty_parts_are_left_out_and_never_leave_an_empty_name() -> None:
    assert bundle_name("A", "", "năm 2026", "x.pdf") == "A_năm 2026.pdf"
    assert bundle_name("", "???", "...", "x.pdf") == "---.pdf"
    assert bundle_name("", "", "", "x.pdf") == "tep.pdf"


def test_duplicates_are_numbered_in_any_letter_case() -> None:
    taken: set[str] = set()
    assert numbered("A_b_c.pdf", taken) == "A_b_c.pdf"
    assert numbered("A_b_c.pdf", taken) == "A_b_c_2.pdf"
    assert numbered("a_B_c.PDF", taken) == "a_B_c_3.PDF"
    assert numbered("A_b_c", taken) == "A_b_c"
    assert numbered("A_b_c", taken) == "A_b_c_2"

"""Person-typed text is stored without control characters or bidirectional overrides, in NFC."""

from __future__ import annotations

import unicodedata

import pytest

from kehoach_bot.domain.text_clean import clean_text, clean_value


def test_a_right_to_left_override_cannot_reverse_a_file_name() -> None:
    # "bao-cao‮fdp.exe" shows as "bao-caoexe.pdf" in a right-to-left aware client.
    assert clean_text("bao-cao\u202efdp.exe") == "bao-caofdp.exe"


@pytest.mark.parametrize(
    "char",
    [*"\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"],
)
def test_every_bidi_mark_override_and_isolate_and_the_bom_go(char: str) -> None:
    assert clean_text(f"Sở{char} Y tế") == "Sở Y tế"


def test_c0_and_c1_controls_go_but_tab_and_newline_stay() -> None:
    controls = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")
    c1 = "".join(chr(c) for c in range(0x7F, 0xA0))
    assert clean_text(f"a{controls}b{c1}c") == "abc"
    assert clean_text("dòng 1\n\tdòng 2") == "dòng 1\n\tdòng 2"


def test_carriage_returns_become_newlines() -> None:
    assert clean_text("một\r\nhai\rba") == "một\nhai\nba"


def test_decomposed_vietnamese_is_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")
    assert decomposed != "Nguyễn Thị Hồng Nhung"
    assert clean_text(decomposed) == "Nguyễn Thị Hồng Nhung"


def test_ordinary_text_is_unchanged() -> None:
    text = "Báo cáo 6 tháng đầu năm 2025 — Sở Y tế (GL-SYT): 100% 👍"
    assert clean_text(text) == text


def test_strings_inside_structures_are_cleaned_and_other_values_kept() -> None:
    value = {"lý do\u202e": ["a\x00b", ("c\u2066",)], "số": 3, "không": None}
    assert clean_value(value) == {"lý do": ["ab", ("c",)], "số": 3, "không": None}

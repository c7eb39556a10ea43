"""TCVN3 and VNI text is read back as Unicode, and Unicode text is left alone."""

from __future__ import annotations

import pytest

from kehoach_bot.plans.extract.legacy_encodings import (
    TCVN3_TO_UNICODE,
    VNI_TO_UNICODE,
    best_reading,
    decode_tcvn3,
    decode_vni,
    is_syllable,
)

SENTENCES = [
    "Kế hoạch thực hiện Chương trình số 99-CTr/TU của Tỉnh ủy về công tác bảo vệ, chăm sóc trẻ em.",
    "Các sở, ngành gửi báo cáo về Sở Y tế trước ngày 25/11 hằng năm để tổng hợp.",
    "Định kỳ 06 tháng (trước ngày 30/6) và hằng năm (trước ngày 31/12), báo cáo kết quả thực hiện.",
    "Ủy ban nhân dân các huyện, thị xã, thành phố chủ trì, phối hợp với Mặt trận Tổ quốc.",
    "Đồng chí Phó Chủ tịch chỉ đạo; Ươm mầm, Ứng dụng, Ổn định, Ỷ lại, Ấp ủ, Ăn ở, Ơn nghĩa.",
]


def _invert(table: dict[str, str]) -> dict[str, str]:
    inverse: dict[str, str] = {}
    for legacy, letter in table.items():
        if legacy != letter:
            inverse.setdefault(letter, legacy)
    return inverse


TO_TCVN3 = _invert(TCVN3_TO_UNICODE)
TO_VNI = _invert(VNI_TO_UNICODE)


def to_tcvn3(text: str) -> str:
    """Unicode typed as it would be in .VnTime (capitals with tones: .VnTimeH, so lower case)."""
    out = []
    for char in text:
        if char in TO_TCVN3:
            out.append(TO_TCVN3[char])
        elif char.lower() in TO_TCVN3 and not char.isascii():
            out.append(TO_TCVN3[char.lower()])
        else:
            out.append(char)
    return "".join(out)


def to_vni(text: str) -> str:
    """Unicode typed as it would be in VNI-Times."""
    return "".join(TO_VNI.get(char, char) for char in text)


def _plain_capitals(text: str) -> str:
    """What TCVN3 can hold: capitals with a tone mark become lower case."""
    return "".join(
        c.lower() if not c.isascii() and c.isupper() and c not in "ĂÂÊÔƠƯĐ" else c for c in text
    )


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tcvn3_sentence_reads_back(sentence: str) -> None:
    typed = to_tcvn3(sentence)
    assert typed != sentence and typed.isascii() is False
    assert all(ord(c) < 256 for c in typed)
    assert decode_tcvn3(typed) == _plain_capitals(sentence)
    read = best_reading(typed)
    assert read.reading == "tcvn3"
    assert read.text == _plain_capitals(sentence)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_vni_sentence_reads_back(sentence: str) -> None:
    typed = to_vni(sentence)
    assert all(ord(c) < 256 for c in typed)
    assert decode_vni(typed) == sentence
    read = best_reading(typed)
    assert read.reading == "vni"
    assert read.text == sentence


@pytest.mark.parametrize("sentence", SENTENCES)
def test_unicode_is_left_alone(sentence: str) -> None:
    read = best_reading(sentence)
    assert read.text == sentence
    assert read.converted_lines == 0


def test_short_latin1_only_unicode_words_stay() -> None:
    # "Tháng" would be "Thỏng" in TCVN3: a tie keeps the text as it is.
    for text in ("Tháng 3", "Các", "Giám đốc", "Hà Nội", "Về việc"):
        assert best_reading(text).text == text


def test_mixed_document_converts_only_legacy_lines() -> None:
    lines = [
        SENTENCES[0],  # Unicode
        to_tcvn3(SENTENCES[1]),  # pasted from a .VnTime document
        to_vni(SENTENCES[2]),  # pasted from a VNI document
        "Tháng 3",  # ambiguous alone: kept
    ]
    read = best_reading("\n".join(lines))
    assert read.text.split("\n") == [SENTENCES[0], SENTENCES[1], SENTENCES[2], "Tháng 3"]
    assert read.converted_lines == 2


def test_syllables() -> None:
    for good in ("hoạch", "nghiêng", "quyết", "giữ", "khuya", "Trường", "ĐỊNH", "kế"):
        assert is_syllable(good), good
    for bad in ("kõ", "ho¹ch", "tác̀", "cảc", "kà", "ngha", "xyz", "Keá"):
        assert not is_syllable(bad), bad

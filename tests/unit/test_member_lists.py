"""Pasted lists of unit names: keys that ignore accents, the kind a name states, new codes."""

from __future__ import annotations

import pytest

from kehoach_bot.domain.member_lists import (
    Line,
    guess_kind,
    plain_key,
    proposed_code,
    read_lines,
)


@pytest.mark.parametrize(
    ("typed", "directory"),
    [
        ("UBND huyện Cu Jut", "Ủy ban nhân dân huyện Cư Jút"),
        ("huyện Đắk R'lấp", "Ủy ban nhân dân huyện Đắk R’lấp"),
        ("UBND huyen Dak Rlap", "UBND huyện Đắk R'lấp"),
        ("UBND TP. Gia Nghĩa", "Ủy ban nhân dân thành phố Gia Nghĩa"),
        ("  Uỷ ban nhân dân  xã Bình Hòa. ", "UBND xã Bình Hòa"),
        ("Sở Lao động-Thương binh & Xã hội", "sở lao động - thương binh và xã hội"),
    ],
)
def test_the_same_unit_written_differently_has_one_key(typed: str, directory: str) -> None:
    assert plain_key(typed) == plain_key(directory)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("huyện Đắk Mil", "huyện Đắk Song"),
        ("xã Bình Hòa", "phường Bình Hòa"),
        ("Huyện ủy Cư Jút", "UBND huyện Cư Jút"),
    ],
)
def test_different_units_keep_different_keys(one: str, other: str) -> None:
    assert plain_key(one) != plain_key(other)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Xã Bình Hòa", "ubnd_xa"),
        ("UBND phường Nghĩa Trung", "ubnd_xa"),
        ("Ủy ban nhân dân thị trấn Châu Ổ", "ubnd_xa"),
        ("Thị xã Đức Phổ", "ubnd_huyen"),
        ("UBND thành phố Gia Nghĩa", "ubnd_huyen"),
        ("huyện Krông Nô", "ubnd_huyen"),
        ("Sở Y tế", "so"),
        ("Phòng Nội vụ", "phong"),
        ("Trạm Y tế cơ sở", "don_vi"),  # "sở" only counts as the first word
        ("Xa Binh Hoa", "don_vi"),  # without accents the words are not guessed
    ],
)
def test_the_kind_comes_only_from_the_first_words(name: str, kind: str) -> None:
    assert guess_kind(name) == kind


def test_new_codes_use_the_group_prefix_and_never_collide() -> None:
    assert proposed_code("BS", "Xã Bình Hòa", set()) == "BS-BINHHOA"
    assert proposed_code("BS", "Thị trấn Châu Ổ", set()) == "BS-CHAUO"
    assert proposed_code("BS", "Phường Bình Hòa", {"BS-BINHHOA"}) == "BS-BINHHOA-2"
    assert proposed_code("BS", "Xã Bình Hòa", {"bs-binhhoa", "BS-BINHHOA-2"}) == "BS-BINHHOA-3"
    assert proposed_code("", "Xã", set()) == "DONVI"
    assert len(proposed_code("GL", "Xã " + "Rất Dài " * 20, set())) <= 64


def test_lines_keep_their_numbers_and_lose_bullets_and_trailing_blanks() -> None:
    text = "1. Xã Bình Hòa\n\n- Thị trấn  Châu Ổ \n•  Xã Bình Trị\n\n  \n"
    assert read_lines(text) == [
        Line(1, "Xã Bình Hòa"),
        Line(2, ""),
        Line(3, "Thị trấn Châu Ổ"),
        Line(4, "Xã Bình Trị"),
    ]

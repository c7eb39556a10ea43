"""Unit names matched to a directory: accents, case, dashes and abbreviations set aside, aliases
included, and never silently — a weak match and a missing name each carry a warning."""

from __future__ import annotations

import pytest

from kehoach_bot.plans.bundled import bundled_directory
from kehoach_bot.plans.extract.matching import (
    MatchStrength,
    UnitName,
    match_unit,
    name_key,
)
from kehoach_bot.plans.unit_directories import parse_units_directory


def _directory(*localities: str) -> list[UnitName]:
    units: list[UnitName] = []
    for locality in localities:
        found = bundled_directory(locality)
        assert found is not None
        _, specs = parse_units_directory(found[1], found[0])
        units += [UnitName(s.code, s.name, s.aliases, s.locality) for s in specs]
    return units


GIA_LAI = _directory("gia-lai", "trung-uong")
DAK_NONG = _directory("dak-nong", "trung-uong")
QUANG_NGAI = _directory("quang-ngai")


@pytest.mark.parametrize(
    ("name", "directory", "code"),
    [
        ("Sở Y tế", GIA_LAI, "GL-SYT"),
        ("sở y tế", GIA_LAI, "GL-SYT"),
        ("So Y te", GIA_LAI, "GL-SYT"),  # typed without accents at all
        ("UBND tỉnh", GIA_LAI, "GL-UBND"),
        ("Ủy ban nhân dân tỉnh", GIA_LAI, "GL-UBND"),
        ("Uỷ ban nhân dân tỉnh", GIA_LAI, "GL-UBND"),  # the old tone placement
        ("Bộ Y tế", GIA_LAI, "BO-YTE"),
        ("Sở VH-TT&DL", GIA_LAI, "GL-SVHTTDL"),
        ("Sở Văn hóa, Thể thao và Du lịch", GIA_LAI, "GL-SVHTTDL"),
        ("Sở LĐTBXH", DAK_NONG, "DN-SLDTBXH"),
        ("Sở Lao động - TB&XH", DAK_NONG, "DN-SLDTBXH"),
        ("Sở Lao động- Thương binh và Xã hội", QUANG_NGAI, "QN-SLDTBXH"),
        ("Sở TT&TT", DAK_NONG, "DN-STTTT"),
        ("Sở Giáo dục Đào tạo", DAK_NONG, "DN-SGDDT"),
        ("UBND các huyện, thành phố", DAK_NONG, "DN-UBNDHUYEN"),
    ],
)
def test_strong_matches(name: str, directory: list[UnitName], code: str) -> None:
    match = match_unit(name, directory, locality=None)
    assert (match.code, match.strength, match.warning) == (code, MatchStrength.STRONG, None)


def test_misplaced_accent_is_a_weak_match_with_a_warning() -> None:
    match = match_unit("Sở Xây Dưng", GIA_LAI, locality="gia-lai")
    assert (match.code, match.strength) == ("GL-SXD", MatchStrength.WEAK)
    assert match.warning and "GL-SXD" in match.warning and "Sở Xây Dưng" in match.warning


def test_near_name_is_weak() -> None:
    match = match_unit("Sở Xây dựngg", GIA_LAI, locality="gia-lai")
    assert (match.code, match.strength) == ("GL-SXD", MatchStrength.WEAK)
    assert 85 <= match.score < 100


def test_missing_unit_is_named_in_the_warning() -> None:
    match = match_unit("Sở Tư pháp", GIA_LAI, locality="gia-lai")
    assert (match.code, match.strength) == (None, MatchStrength.NONE)
    assert match.warning and "Sở Tư pháp" in match.warning


def test_a_body_is_not_its_standing_committee() -> None:
    la_gi = _directory("binh-thuan")
    assert match_unit("Thị ủy", la_gi, locality=None).code == "LG-THIUY"
    assert match_unit("Ban Thường vụ Thị ủy", la_gi, locality=None).code == "LG-BTV"


def test_locality_breaks_a_tie_and_without_it_the_tie_is_weak() -> None:
    both = [
        UnitName("GL-SYT", "Sở Y tế tỉnh Gia Lai", ("Sở Y tế",), "gia-lai"),
        UnitName("DN-SYT", "Sở Y tế tỉnh Đắk Nông", ("Sở Y tế",), "dak-nong"),
    ]
    assert match_unit("Sở Y tế", both, locality="dak-nong").code == "DN-SYT"
    assert match_unit("Sở Y tế", both, locality="gia-lai").code == "GL-SYT"
    tie = match_unit("Sở Y tế", both, locality=None)
    assert tie.strength is MatchStrength.WEAK
    assert tie.warning and "GL-SYT" in tie.warning and "DN-SYT" in tie.warning


def test_empty_directory_and_empty_name() -> None:
    assert match_unit("Sở Y tế", [], locality=None).strength is MatchStrength.NONE
    assert match_unit(" – ", GIA_LAI, locality=None).strength is MatchStrength.NONE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("UBND huyện", "Ủy ban nhân dân huyện"),
        ("Phòng LĐ-TB&XH", "Phòng Lao động - Thương binh và Xã hội"),
        ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
    ],
)
def test_abbreviations_expand(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)
    assert name_key(a, accents=True) == name_key(b, accents=True)

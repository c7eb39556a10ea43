"""Units in plan sentences: lists with shared prefixes, groups, who reports, to whom, through whom;
checked against every obligation of the curated seed plans."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from kehoach_bot.plans.bundled import bundled_directory, bundled_plan_files
from kehoach_bot.plans.extract.matching import MatchStrength, UnitName, match_unit
from kehoach_bot.plans.extract.unit_lists import (
    find_channel,
    find_recipient,
    find_recipients,
    find_responsible,
    find_via,
    split_units,
    units_in,
)
from kehoach_bot.plans.unit_directories import parse_units_directory


def _directory(localities: list[str]) -> list[UnitName]:
    units: list[UnitName] = []
    for locality in localities:
        found = bundled_directory(locality)
        assert found is not None
        _, specs = parse_units_directory(found[1], found[0])
        short = [(s, (s.short,) if s.short else ()) for s in specs]
        units += [UnitName(s.code, s.name, s.aliases + extra, s.locality) for s, extra in short]
    return units


def _curated() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    out = []
    for name, text in bundled_plan_files():
        plan = tomllib.loads(text)
        for obligation in plan["obligations"]:
            out.append((f"{name}:{obligation['code']}", plan, obligation))
    return out


CURATED = _curated()
# What the curated files took from the text AROUND the quote, not from the quote itself.
FROM_CONTEXT = {
    # "tổ chức sơ kết, tổng kết … theo quy định": the sentence names neither recipient nor office.
    ("binh-luc-92.toml:so-ket-cap-xa", "recipient"),
    ("binh-luc-92.toml:so-ket-cap-xa", "via"),
}
# "báo cáo kết quả cho Thị ủy, Ban Thường vụ Thị ủy": two recipients; the curator chose the second.
NOT_FIRST = {("la-gi-81.toml:so-ket-tong-ket", "recipient")}


def _codes(names: list[str], plan: dict[str, Any]) -> list[str | None]:
    directory = _directory(plan["directories"])
    matches = [match_unit(n, directory, locality=plan["locality"]) for n in names]
    return [m.code for m in matches if m.strength is not MatchStrength.NONE]


@pytest.mark.parametrize(("key", "plan", "obligation"), CURATED, ids=[k for k, _, _ in CURATED])
def test_curated_quote_yields_curated_recipient_and_via(
    key: str, plan: dict[str, Any], obligation: dict[str, Any]
) -> None:
    quote = obligation["quote"]
    recipients = _codes(find_recipients(quote), plan)
    if (key, "recipient") in FROM_CONTEXT:
        assert recipients == []
    elif (key, "recipient") in NOT_FIRST:
        assert obligation["recipient"] in recipients[1:]
    else:
        assert recipients[:1] == [obligation["recipient"]]
    via = find_via(quote)
    if (key, "via") in FROM_CONTEXT:
        assert via is None
    else:
        assert _codes([via] if via else [], plan) == (
            [obligation["via"]] if "via" in obligation else []
        )


# Responsible units the quote itself names and the directory holds; any other quote opens with
# its verb (the section's unit is its subject) or names only a vague group ("các đơn vị").
RESPONSIBLE = {
    "binh-luc-92.toml:phan-anh-vuong-mac": ["BL-UBNDXA"],
    "binh-son-35.toml:bao-cao-hang-nam": ["BS-PHONGBAN", "BS-UBNDXA"],
    "binh-son-35.toml:du-toan-kinh-phi": ["BS-PHONGBAN", "BS-UBNDXA"],
    "binh-son-35.toml:phan-anh-vuong-mac": ["BS-PHONGBAN", "BS-UBNDXA"],
    "binh-son-35.toml:bao-cao-len-so": ["BS-PLDTBXH"],
    "binh-luc-92.toml:so-ket-cap-xa": ["BL-UBNDXA"],
    "dak-nong-33.toml:so-nganh-6-thang": [
        "DN-SLDTBXH",
        "DN-SGDDT",
        "DN-STTTT",
        "DN-SYT",
        "DN-SXD",
        "DN-SNNPTNT",
        "DN-BHXH",
    ],
    "dak-nong-33.toml:huyen-6-thang": ["DN-UBNDHUYEN"],
    "la-gi-81.toml:so-ket-tong-ket": ["LG-UBND"],
    "la-gi-81.toml:theo-doi-don-doc": ["LG-VPTU"],
    "la-gi-81.toml:ke-hoach-thuc-hien": ["LG-CAPUY", "LG-THAMMUU", "LG-MTTQ", "LG-DOANTHE"],
    "binh-luc-92.toml:so-ket-tong-ket": [],
    "gia-lai-743.toml:so-ket-tong-ket": [],
    "dak-nong-33.toml:so-ket-tong-ket": [],
}


@pytest.mark.parametrize(("key", "plan", "obligation"), CURATED, ids=[k for k, _, _ in CURATED])
def test_curated_quote_responsible(
    key: str, plan: dict[str, Any], obligation: dict[str, Any]
) -> None:
    codes = _codes(find_responsible(obligation["quote"]), plan)
    assert codes == RESPONSIBLE.get(key, [])
    assert set(codes) <= set(obligation["responsible"])


# --- lists -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Các Sở: Y tế, Xây dựng, Tài chính", ["Sở Y tế", "Sở Xây dựng", "Sở Tài chính"]),
        ("Sở Y tế, Xây dựng, Tài chính", ["Sở Y tế", "Sở Xây dựng", "Sở Tài chính"]),
        (
            "Các Sở, ngành, đơn vị: Lao động - Thương binh và Xã hội, Giáo dục Đào tạo, "
            "Thông tin và Truyền thông, Y tế, Bảo hiểm Xã hội tỉnh",
            [
                "Sở Lao động - Thương binh và Xã hội",
                "Sở Giáo dục Đào tạo",
                "Sở Thông tin và Truyền thông",
                "Sở Y tế",
                "Bảo hiểm Xã hội tỉnh",
            ],
        ),
        (
            "Các sở, ban, ngành; UBND các huyện, thành phố",
            ["Các sở, ban, ngành", "UBND các huyện, thành phố"],
        ),
        (
            "Sở Nông nghiệp và Môi trường, Sở Xây dựng và các địa phương",
            ["Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "các địa phương"],
        ),
        ("Ủy ban nhân dân các xã, thị trấn", ["Ủy ban nhân dân các xã, thị trấn"]),
        ("Thủ trưởng các cơ quan, đơn vị", ["các cơ quan, đơn vị"]),
    ],
)
def test_split_units(text: str, names: list[str]) -> None:
    assert split_units(text) == names


def test_groups_and_vague_groups() -> None:
    group, towns = units_in("Sở, ban, ngành; UBND các huyện, thành phố")
    assert group.is_group and group.warning is None
    assert towns.is_group and towns.warning is None
    (vague,) = units_in("các cơ quan, đơn vị liên quan")
    assert vague.is_group
    assert vague.warning and "không nêu tên đơn vị" in vague.warning
    (unit,) = units_in("Sở Y tế")
    assert not unit.is_group and unit.warning is None


# --- recipient, via, channels ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "recipient"),
    [
        ("các đơn vị gửi Sở Y tế trước ngày 25/11 hàng năm", "Sở Y tế"),
        ("kịp thời báo cáo UBND tỉnh để xem xét", "UBND tỉnh"),
        (
            "báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Y tế) để tổng hợp",
            "Ủy ban nhân dân tỉnh",
        ),
        ("báo cáo kết quả thực hiện cho Thị ủy", "Thị ủy"),
        ("tham mưu Ủy ban nhân dân tỉnh báo cáo gửi Bộ Y tế trước ngày 05/12 hàng năm", "Bộ Y tế"),
        ("- UBND tỉnh (báo cáo)", None),
        ("tăng cường tuyên truyền cho người dân", None),
        # "Tổ chức" inside a body's name does not end it; "bổ sung" is no "Bộ".
        (
            "các đơn vị hoàn chỉnh báo cáo và phụ lục gửi về Cơ quan Tổ chức – Nội vụ trước "
            "ngày 30/6/2022 để tổng hợp",
            "Cơ quan Tổ chức – Nội vụ",
        ),
        ("tổng hợp báo cáo về Ban Tổ chức Tỉnh ủy theo qui định", "Ban Tổ chức Tỉnh ủy"),
        ("yêu cầu thành viên Đoàn thanh tra báo cáo bổ sung", None),
    ],
)
def test_find_recipient(sentence: str, recipient: str | None) -> None:
    assert find_recipient(sentence) == recipient


@pytest.mark.parametrize(
    ("sentence", "via"),
    [
        (
            "gửi Ban Thường vụ Thị ủy (qua Văn phòng Thị ủy) trước ngày 20/7/2024",
            "Văn phòng Thị ủy",
        ),
        ("báo cáo UBND tỉnh thông qua Sở LĐTBXH trước ngày 15/12", "Sở LĐTBXH"),
        (
            "về UBND huyện (thông qua Phòng Lao động- Thương binh và Xã hội) để theo dõi",
            "Phòng Lao động- Thương binh và Xã hội",
        ),
        # The unit that proposes through another office is not the reporting flow's office.
        (
            "gửi Phòng Lao động - Thương binh và Xã hội huyện tổng hợp, "
            "đề xuất qua Phòng Tài chính – Kế hoạch",
            None,
        ),
        ("báo cáo kết quả qua Hệ thống thông tin báo cáo của tỉnh", None),
        ("gửi về Sở Y tế qua hộp thư điện tử", None),
        ("gửi UBND tỉnh trên Hệ thống quản lý văn bản", None),
    ],
)
def test_find_via(sentence: str, via: str | None) -> None:
    assert find_via(sentence) == via


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        (
            "báo cáo kết quả qua Hệ thống thông tin báo cáo của tỉnh",
            "qua Hệ thống thông tin báo cáo của tỉnh",
        ),
        ("gửi về Sở Y tế qua hộp thư điện tử", "qua hộp thư điện tử"),
        ("gửi UBND tỉnh trên Hệ thống quản lý văn bản", "trên Hệ thống quản lý văn bản"),
        ("gửi Ban Thường vụ Thị ủy (qua Văn phòng Thị ủy)", None),
    ],
)
def test_channels_are_noted_not_offices(sentence: str, channel: str | None) -> None:
    assert find_channel(sentence) == channel
    if channel:
        assert find_recipient(sentence) is None or "Hệ thống" not in (
            find_recipient(sentence) or ""
        )


@pytest.mark.parametrize(
    ("sentence", "responsible"),
    [
        ("Giao Sở Y tế chủ trì theo dõi, tổng hợp", ["Sở Y tế"]),
        (
            "Đề nghị các cơ quan, đơn vị liên quan báo cáo kết quả",
            ["các cơ quan, đơn vị liên quan"],
        ),
        (
            "Các sở, ban, ngành, UBND các huyện, thành phố báo cáo kết quả về UBND tỉnh",
            ["Các sở, ban, ngành", "UBND các huyện, thành phố"],
        ),
        ("Tham mưu Tỉnh ủy, Ủy ban nhân dân tỉnh tổ chức sơ kết", []),
    ],
)
def test_find_responsible(sentence: str, responsible: list[str]) -> None:
    assert find_responsible(sentence) == responsible

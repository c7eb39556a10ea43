"""Plan files: every shipped seed parses; broken files are explained field by field."""

from __future__ import annotations

import pytest

from kehoach_bot.plans.bundled import bundled_directory, bundled_plan_files
from kehoach_bot.plans.plan_files import parse_plan
from kehoach_bot.plans.reading import PlanFileError
from kehoach_bot.plans.unit_directories import parse_units_directory
from tests.auxil.plan_texts import MINIMAL


def test_five_seed_plans_are_shipped_and_parse() -> None:
    specs = [parse_plan(text, name) for name, text in bundled_plan_files()]
    assert {s.code for s in specs} == {
        "binh-son-35",
        "binh-luc-92",
        "gia-lai-743",
        "la-gi-81",
        "dak-nong-33",
    }
    for spec in specs:
        assert spec.obligations, spec.code
        assert spec.tasks, spec.code
        for obligation in spec.obligations:
            assert obligation.quote and obligation.responsible


def test_every_directory_a_plan_names_exists_and_parses() -> None:
    for name, text in bundled_plan_files():
        for locality in parse_plan(text, name).directories:
            found = bundled_directory(locality)
            assert found is not None, locality
            assert parse_units_directory(found[1], found[0])[1]


def test_minimal_file_parses() -> None:
    spec = parse_plan(MINIMAL, "thu.toml")
    assert spec.obligations[0].schedule.month == 12


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('title = "Báo cáo"\n', ""), "obligations[1].title: thiếu"),
        (('type = "yearly"', 'type = "weekly"'), "obligations[1].schedule: loại lịch"),
        (("month = 12, day = 15", "month = 2, day = 31"), "31/2 không tồn tại"),
        (('wording = "truoc_ngay"', 'wording = "som_nhat"'), "wording: không hợp lệ"),
        (("valid_from = 2025-01-01\n", ""), "valid_from: thiếu ngày"),
        (('responsible = ["BL-PLDTBXH"]', "responsible = []"), "cần ít nhất một đơn vị"),
        (('code = "thu"', 'code = "có dấu cách"'), "code: chỉ dùng"),
    ],
)
def test_broken_files_name_the_field(change: tuple[str, str], expected: str) -> None:
    with pytest.raises(PlanFileError) as info:
        parse_plan(MINIMAL.replace(*change), "thu.toml")
    assert any(expected in problem for problem in info.value.problems), info.value.problems


def test_not_toml_at_all() -> None:
    with pytest.raises(PlanFileError, match="cú pháp TOML"):
        parse_plan("code = = 1", "x.toml")


def test_directories_that_are_not_names_are_reported_under_their_own_field() -> None:
    text = dict(bundled_plan_files())["la-gi-81.toml"]
    broken = text.replace('directories = ["binh-thuan"]', "directories = 3", 1)
    assert broken != text
    with pytest.raises(PlanFileError) as caught:
        parse_plan(broken, "la-gi-81.toml")
    assert any(p.startswith("directories:") for p in caught.value.problems)

"""The extractor's findings as JSON and as a draft plan file the loader reads, with every doubt
kept as a comment and a review note."""

from __future__ import annotations

import dataclasses
import tomllib
from datetime import date

import pytest

from kehoach_bot.domain.deadlines import Wording
from kehoach_bot.domain.schedules import Schedule, ScheduleType
from kehoach_bot.plans.extract.draft import (
    DraftObligation,
    DraftPlan,
    DraftTask,
    DutyKind,
    UnitRef,
    to_json,
    to_toml,
)
from kehoach_bot.plans.plan_files import parse_plan
from kehoach_bot.plans.reading import PlanFileError
from kehoach_bot.texts.extract_draft_vi import NO_VALID_FROM

QUOTE = (
    "Định kỳ 06 tháng (trước ngày 30/6), hàng năm (trước ngày 31/12) báo cáo kết quả việc triển "
    "khai thực hiện Kế hoạch về Ủy ban nhân dân tỉnh (qua Sở Lao động - Thương binh và Xã hội)."
)
SO_YTE = UnitRef("Sở Y tế", "DN-SYT")
UBND = UnitRef("Ủy ban nhân dân tỉnh", "DN-UBND")
SLDTBXH = UnitRef("Sở Lao động - Thương binh và Xã hội", "DN-SLDTBXH")


def _duty(kind: DutyKind, due: str | tuple[str, ...] | None, **kwargs: object) -> DraftObligation:
    fields: dict[str, object] = {
        "quote": QUOTE,
        "kind": kind,
        "due": due,
        "wording": "trước ngày",
        "responsible": (SO_YTE,),
        "recipient": UBND,
        "via": SLDTBXH,
    } | kwargs
    return DraftObligation(**fields)  # type: ignore[arg-type]


def _plan(*obligations: DraftObligation, tasks: tuple[DraftTask, ...] = ()) -> DraftPlan:
    return DraftPlan(
        number="33/KH-UBND",
        issued_on=date(2021, 11, 24),
        issuer=UBND,
        title="Kế hoạch tiếp tục thực hiện Nghị quyết",
        obligations=obligations,
        tasks=tasks,
        source="ke-hoach.docx",
    )


def _load(plan: DraftPlan) -> str:
    return to_toml(plan, code="dak-nong-moi", locality="dak-nong", directories=("dak-nong",))


def test_a_drafted_file_loads_with_the_schedules_wordings_and_units_found() -> None:
    plan = _plan(
        _duty(DutyKind.SEMIANNUAL, ("06-30",)),
        _duty(DutyKind.ANNUAL, "12-31"),
        _duty(DutyKind.ONE_OFF, "2024-07-20", wording="chậm nhất"),
        _duty(DutyKind.QUARTERLY, "ngày 20 tháng cuối quý", wording="trước ngày"),
        _duty(DutyKind.MONTHLY, "trước ngày 10 của tháng sau", wording="trước ngày"),
        _duty(DutyKind.AD_HOC, None, wording=None),
        tasks=(DraftTask("III.1", "Nhiệm vụ", "Tuyên truyền", "Hằng năm", (SO_YTE,), (UBND,)),),
    )
    spec = parse_plan(_load(plan), "nhap.toml")
    schedules = [o.schedule for o in spec.obligations]
    assert schedules == [
        Schedule(ScheduleType.HALF_YEARLY, months=(6,), day=30),
        Schedule(ScheduleType.YEARLY, month=12, day=31),
        Schedule(ScheduleType.ONE_OFF, date=date(2024, 7, 20)),
        Schedule(ScheduleType.QUARTERLY, day=20),
        Schedule(ScheduleType.MONTHLY, day=10, offset_months=1),
        Schedule(ScheduleType.AD_HOC),
    ]
    assert [o.wording for o in spec.obligations][:3] == [
        Wording.BEFORE,
        Wording.BEFORE,
        Wording.NO_LATER_THAN,
    ]
    first = spec.obligations[0]
    assert (first.responsible, first.recipient, first.via) == (
        ("DN-SYT",),
        "DN-UBND",
        "DN-SLDTBXH",
    )
    assert first.quote == QUOTE and first.review_note == ""
    assert [o.report_kind for o in spec.obligations] == [
        "dinh_ky",
        "dinh_ky",
        "mot_lan",
        "dinh_ky",
        "dinh_ky",
        "dot_xuat",
    ]
    assert len({o.code for o in spec.obligations}) == 6  # unique codes
    assert spec.tasks[0].lead == ("DN-SYT",) and spec.tasks[0].coordinating == ("DN-UBND",)
    assert (spec.number, spec.issuer, spec.issued) == ("33/KH-UBND", "DN-UBND", date(2021, 11, 24))


def test_doubts_become_comments_and_a_review_note_that_holds_the_duty() -> None:
    weak = UnitRef("Sở Xây Dưng", "DN-SXD", weak=True)
    unknown = UnitRef("Ban Quản lý dự án", None)
    plan = _plan(
        _duty(DutyKind.ANNUAL, "12-31", responsible=(SO_YTE, weak, unknown)),
        _duty(DutyKind.PERIODIC_UNDATED, None, wording=None),
    )
    text = _load(plan)
    assert "# ⚠ Chưa khớp được «Ban Quản lý dự án» với danh bạ đơn vị" in text
    assert "# ⚠ «Sở Xây Dưng» khớp chưa chắc với DN-SXD" in text
    spec = parse_plan(text, "nhap.toml")
    dated, undated = spec.obligations
    assert dated.responsible == ("DN-SYT", "DN-SXD")  # the unknown name is left for the admin
    assert "Ban Quản lý dự án" in dated.review_note and "Sở Xây Dưng" in dated.review_note
    assert undated.schedule == Schedule(ScheduleType.UNDATED)
    assert undated.wording is Wording.AS_REGULATED and undated.review_note


def test_a_duty_whose_units_all_failed_to_match_does_not_load_until_fixed() -> None:
    plan = _plan(_duty(DutyKind.ANNUAL, "12-31", responsible=(UnitRef("Phòng X", None),)))
    with pytest.raises(PlanFileError) as refused:
        parse_plan(_load(plan), "nhap.toml")
    assert "responsible" in str(refused.value)


@pytest.mark.parametrize(
    ("kind", "due"),
    [
        (DutyKind.ANNUAL, "02-30"),  # a day that does not exist
        (DutyKind.ONE_OFF, "2024-13-01"),
        (DutyKind.QUARTERLY, "cuối quý"),  # no day number
        (DutyKind.ANNUAL, None),
    ],
)
def test_a_due_that_cannot_be_read_is_undated_and_flagged(kind: DutyKind, due: str | None) -> None:
    spec = parse_plan(_load(_plan(_duty(kind, due))), "nhap.toml")
    assert spec.obligations[0].schedule == Schedule(ScheduleType.UNDATED)
    assert spec.obligations[0].review_note


def test_a_frequency_without_a_date_is_an_undated_schedule_that_names_it() -> None:
    spec = parse_plan(_load(_plan(_duty(DutyKind.SEMIANNUAL, None, wording=None))), "nhap.toml")
    (obligation,) = spec.obligations
    assert obligation.schedule == Schedule(ScheduleType.UNDATED)
    assert obligation.report_kind == "dinh_ky"
    assert "ghi kỳ báo cáo (6 tháng) nhưng không ghi ngày" in obligation.review_note


def test_the_json_has_the_issue_s_shape() -> None:
    data = to_json(_plan(_duty(DutyKind.SEMIANNUAL, ("06-30", "12-31"))))
    assert data["plan"] == {
        "number": "33/KH-UBND",
        "issued_on": "2021-11-24",
        "issuer": "Ủy ban nhân dân tỉnh",
        "issuer_code": "DN-UBND",
        "title": "Kế hoạch tiếp tục thực hiện Nghị quyết",
    }
    duties = data["obligations"]
    assert isinstance(duties, list) and len(duties) == 1
    duty: dict[str, object] = duties[0]
    assert {k: duty[k] for k in ("kind", "due", "wording", "recipient", "via")} == {
        "kind": "semiannual",
        "due": ["06-30", "12-31"],
        "wording": "trước ngày",
        "recipient": "Ủy ban nhân dân tỉnh",
        "via": "Sở Lao động - Thương binh và Xã hội",
    }
    assert duty["responsible"] == ["Sở Y tế"]
    assert duty["responsible_units"] == [{"name": "Sở Y tế", "code": "DN-SYT", "weak_match": False}]


def test_strings_are_escaped_so_any_quote_survives() -> None:
    tricky = 'Báo cáo "khẩn" \\ gửi\tngay\nhôm nay'
    text = _load(_plan(_duty(DutyKind.ANNUAL, "12-31", quote=tricky)))
    assert tomllib.loads(text)["obligations"][0]["quote"] == tricky


def test_a_plan_without_a_date_takes_the_day_it_is_loaded_and_says_so() -> None:
    undated = dataclasses.replace(_plan(_duty(DutyKind.AD_HOC, None)), issued_on=None)
    assert "valid_from = \n" in _load(undated)  # nothing to stand in: the admin writes it
    loaded_on = date(2026, 5, 4)
    text = to_toml(
        undated, code="moi", locality="dak-nong", directories=("dak-nong",), valid_from=loaded_on
    )
    assert parse_plan(text, "nhap.toml").valid_from == loaded_on
    assert NO_VALID_FROM in text  # still a comment: the admin checks it
    dated = to_toml(
        _plan(_duty(DutyKind.AD_HOC, None)),
        code="moi",
        locality="dak-nong",
        directories=("dak-nong",),
        valid_from=loaded_on,
    )
    assert parse_plan(dated, "nhap.toml").valid_from == date(2021, 11, 24)

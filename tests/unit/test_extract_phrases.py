"""The time words of plan sentences: deadlines in every written form, the traps that look like
deadlines, periods, recurrences and the due rule — on the curated seed plans and real sentences."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from kehoach_bot.domain.deadlines import Wording
from kehoach_bot.plans.bundled import bundled_plan_files
from kehoach_bot.plans.extract.draft import DutyKind
from kehoach_bot.plans.extract.periods import find_periods
from kehoach_bot.plans.extract.phrases import (
    DeadlineMention,
    find_deadlines,
    fold_same_length,
    is_distribution_line,
)
from kehoach_bot.plans.extract.recurrences import Due, due_rule, find_recurrences


def _curated() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for name, text in bundled_plan_files():
        for obligation in tomllib.loads(text)["obligations"]:
            out.append((f"{name}:{obligation['code']}", obligation))
    return out


def _expected(obligation: dict[str, Any]) -> tuple[DutyKind, object]:
    schedule = obligation["schedule"]
    kind = schedule["type"]
    if kind == "yearly":
        return DutyKind.ANNUAL, f"{schedule['month']:02d}-{schedule['day']:02d}"
    if kind == "half_yearly":
        day = schedule["day"]
        return DutyKind.SEMIANNUAL, tuple(f"{m:02d}-{day:02d}" for m in schedule["months"])
    if kind == "one_off":
        return DutyKind.ONE_OFF, schedule["date"].isoformat()
    if kind == "ad_hoc":
        return DutyKind.AD_HOC, None
    assert kind == "undated", kind
    return DutyKind.PERIODIC_UNDATED, None


def _dues(sentence: str) -> list[Due]:
    deadlines = find_deadlines(sentence)
    return [due_rule(r, deadlines) for r in find_recurrences(sentence)]


CURATED = _curated()


def test_every_seed_plan_has_obligations() -> None:
    assert len({key.split(":")[0] for key, _ in CURATED}) == 5
    assert len(CURATED) >= 20


@pytest.mark.parametrize(("key", "obligation"), CURATED, ids=[k for k, _ in CURATED])
def test_curated_quote_yields_curated_kind_due_and_wording(
    key: str, obligation: dict[str, Any]
) -> None:
    kind, due = _expected(obligation)
    dues = {d.kind: d for d in _dues(obligation["quote"])}
    if kind is DutyKind.PERIODIC_UNDATED and kind not in dues:
        # A stated frequency without a date keeps its frequency, due null.
        undated = [d for d in dues.values() if d.value is None]
        dues = {kind: undated[0]} if undated else {}
    assert kind in dues, f"{key}: {sorted(dues)}"
    assert dues[kind].value == due
    assert dues[kind].wording == Wording(obligation["wording"])


# --- every written form ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "day", "month", "year", "wording", "words"),
    [
        (
            "gửi Ban Thường vụ Thị ủy (qua Văn phòng Thị ủy) trước ngày 20/7/2024.",
            20,
            7,
            2024,
            Wording.BEFORE,
            "trước ngày",
        ),
        ("báo cáo trước ngày 20-7-2024", 20, 7, 2024, Wording.BEFORE, "trước ngày"),
        ("báo cáo chậm nhất ngày 20.7.2024", 20, 7, 2024, Wording.NO_LATER_THAN, "chậm nhất"),
        (
            "định kỳ hằng năm (trước ngày 15 tháng 12) và đột xuất",
            15,
            12,
            None,
            Wording.BEFORE,
            "trước ngày",
        ),
        ("gửi báo cáo đến ngày 15 tháng 12 năm 2024", 15, 12, 2024, Wording.BY, "đến ngày"),
        ("Định kỳ 06 tháng (trước 30/6), hàng năm", 30, 6, None, Wording.BEFORE, "trước ngày"),
        (
            "gửi Sở Y tế trước ngày 25/11 hàng năm để báo cáo",
            25,
            11,
            None,
            Wording.BEFORE,
            "trước ngày",
        ),
        ("hạn chót ngày 05/12/2026", 5, 12, 2026, Wording.BY, "hạn"),
        ("hoàn thành trong ngày 31/3/2025", 31, 3, 2025, Wording.BY, "trong ngày"),
    ],
)
def test_written_forms(
    sentence: str, day: int, month: int, year: int | None, wording: Wording, words: str
) -> None:
    (mention,) = find_deadlines(sentence)
    assert (mention.day, mention.month, mention.year) == (day, month, year)
    assert (mention.wording, mention.wording_text) == (wording, words)
    assert mention.usable
    assert mention.text == sentence[mention.start : mention.end]


def test_day_rules_and_months() -> None:
    quarter, monthly, in_month = find_deadlines(
        "chậm nhất ngày 20 tháng cuối quý; trước ngày 25 hằng tháng; trong tháng 11/2025"
    )
    assert (quarter.day, quarter.month, quarter.rule) == (20, None, "tháng cuối quý")
    assert quarter.text == "chậm nhất ngày 20 tháng cuối quý"
    assert (monthly.day, monthly.rule, monthly.wording) == (25, "hằng tháng", Wording.BEFORE)
    assert (in_month.day, in_month.month, in_month.year) == (None, 11, 2025)
    assert in_month.wording_text == "trong tháng"


def test_second_date_of_a_list_takes_the_wording() -> None:
    first, second = find_deadlines("báo cáo 6 tháng, năm trước 30/6 và 31/12")
    assert (first.day, first.month, second.day, second.month) == (30, 6, 31, 12)
    assert second.wording is Wording.BEFORE


def test_years_only_from_the_same_sentence() -> None:
    (alone,) = find_deadlines("báo cáo trước ngày 20/10")
    assert alone.year is None
    (named,) = find_deadlines("Trong năm 2024, báo cáo trước ngày 20/10")
    assert named.year == 2024
    (given,) = find_deadlines("báo cáo trước ngày 20/10", default_year=2025)
    assert given.year == 2025


def test_a_year_in_two_digits_is_of_this_century() -> None:
    (slashes,) = find_deadlines("gửi báo cáo về Sở Nội vụ trước ngày 15/12/25")
    assert (slashes.day, slashes.month, slashes.year) == (15, 12, 2025)
    (dots,) = find_deadlines("báo cáo chậm nhất ngày 05.01.26")
    assert (dots.day, dots.month, dots.year, dots.usable) == (5, 1, 2026, True)


# --- the traps -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 20/7/2024 của UBND tỉnh",
        "Thực hiện Chương trình số 99-CTr/TU, ngày 16 tháng 01 năm 2025 của Tỉnh ủy thực hiện "
        "Nghị quyết số 42-NQ/TW, ngày 24 tháng 11 năm 2023 của Ban Chấp hành Trung ương Đảng",
        "Thực hiện Quyết định số 1983/QĐ-TTg ngày 24/11/2021 của Thủ tướng Chính phủ",
        "Triển khai Luật Việc làm ngày 16 tháng 11 năm 2013 phù hợp với điều kiện thực tế",
        "Quyết định ngày 5/3/2024 của Chủ tịch UBND tỉnh",
        "số liệu từ 15/12 năm trước",
        "Gia Lai, ngày 28 tháng 3 năm 2025",
        "số liệu báo cáo tính từ ngày 15/12 năm trước đến ngày 14/6 năm báo cáo",
    ],
)
def test_dates_that_are_not_deadlines(sentence: str) -> None:
    mentions = find_deadlines(sentence)
    assert mentions
    assert all(m.not_a_deadline and not m.usable for m in mentions)
    assert all(m.warning for m in mentions)


def test_a_quoted_document_date_beside_a_real_deadline() -> None:
    quoted, real = find_deadlines(
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 20/7/2024, các đơn vị báo cáo trước ngày 30/7/2024"
    )
    assert quoted.not_a_deadline and (quoted.day, quoted.month) == (20, 7)
    assert real.usable and (real.day, real.month, real.year) == (30, 7, 2024)
    (recurrence,) = find_recurrences(
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 20/7/2024, các đơn vị báo cáo trước ngày 30/7/2024"
    )
    assert due_rule(recurrence, [quoted, real]).value == "2024-07-30"


@pytest.mark.parametrize(
    "sentence",
    [
        "Nơi nhận:",
        "- UBND tỉnh (báo cáo)",
        "- Sở Lao động- TB&XH (b/cáo);",
        "- Thường trực Tỉnh ủy (để b/c);",
    ],
)
def test_distribution_lists_are_not_duties(sentence: str) -> None:
    assert is_distribution_line(sentence)
    assert find_recurrences(sentence) == []


def test_distribution_line_dates_are_not_deadlines() -> None:
    (mention,) = find_deadlines("- Sở Y tế (để b/c trước ngày 20/7);")
    assert mention.not_a_deadline


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("trong thời hạn 10 ngày kể từ ngày nhận được văn bản, báo cáo UBND tỉnh", 10),
        ("sau 15 ngày kể từ khi kết thúc đợt kiểm tra, gửi báo cáo", 15),
        ("gửi báo cáo 05 ngày làm việc sau khi kết thúc hội nghị", 5),
    ],
)
def test_relative_deadlines_are_flagged_not_guessed(sentence: str, days: int) -> None:
    mentions = find_deadlines(sentence)
    relative = [m for m in mentions if m.relative]
    assert [m.relative_days for m in relative] == [days]
    assert not any(m.usable for m in mentions)
    (recurrence,) = find_recurrences(sentence)
    due = due_rule(recurrence, mentions)
    assert due.value is None
    assert any("tính từ một sự kiện" in w for w in due.warnings)


@pytest.mark.parametrize(
    "sentence", ["báo cáo trước ngày 31/6/2025", "gửi trước ngày 30/2", "chậm nhất ngày 32/12"]
)
def test_impossible_dates_are_warnings(sentence: str) -> None:
    mentions = [m for m in find_deadlines(sentence) if m.impossible]
    if not mentions:  # "32/12" is not even read as a date
        assert sentence.endswith("32/12")
        return
    (mention,) = mentions
    assert not mention.usable
    assert mention.warning and "không có thật" in mention.warning


def test_29_february_without_a_year_may_exist() -> None:
    (mention,) = find_deadlines("báo cáo trước ngày 29/2")
    assert not mention.impossible


@pytest.mark.parametrize(
    ("sentence", "reference"),
    [
        (
            "tổng hợp báo cáo cho Sở Lao động- Thương binh và Xã hội đúng thời gian quy định.",
            "đúng thời gian quy định",
        ),
        (
            "báo cáo UBND tỉnh theo thời hạn tại Công văn số 123/UBND-KGVX",
            "thời hạn tại Công văn số 123/UBND-KGVX",
        ),
        ("tổ chức sơ kết, tổng kết đánh giá kết quả thực hiện theo quy định.", "theo quy định"),
    ],
)
def test_deadlines_given_by_reference(sentence: str, reference: str) -> None:
    (mention,) = [m for m in find_deadlines(sentence) if m.by_reference]
    assert mention.text == reference
    assert mention.wording is Wording.AS_REGULATED
    (recurrence,) = find_recurrences(sentence)
    due = due_rule(recurrence, find_deadlines(sentence))
    assert (due.kind, due.value, due.wording) == (
        DutyKind.PERIODIC_UNDATED,
        None,
        Wording.AS_REGULATED,
    )
    assert due.warnings


@pytest.mark.parametrize(
    "text",
    [
        "tỷ lệ 1/3 dân số",
        "tại mục 1.2 của Kế hoạch",
        "giai đoạn 2021-2025",
        "Nghị định 09/2019/NĐ-CP",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert find_deadlines(text) == []


# --- periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "year", "number", "key"),
    [
        ("báo cáo kết quả quý II/2025", "quarter", 2025, 2, "2025-Q2"),
        ("triển khai trong quý 1/2019", "quarter", 2019, 1, "2019-Q1"),
        ("báo cáo 6 tháng đầu năm", "half", None, 1, None),
        ("sơ kết 6 tháng cuối năm 2024", "half", 2024, 2, "2024-H2"),
        ("kế hoạch năm 2026", "year", 2026, None, "2026"),
        ("hoàn thành trong tháng 11/2025", "month", 2025, 11, "2025-11"),
        ("báo cáo 9 tháng", "nine_months", None, None, None),
    ],
)
def test_periods(
    sentence: str, kind: str, year: int | None, number: int | None, key: str | None
) -> None:
    (period,) = find_periods(sentence)
    assert (period.kind, period.year, period.number, period.key) == (kind, year, number, key)
    assert period.text == sentence[period.start : period.end]


def test_a_date_month_is_not_a_period() -> None:
    assert find_periods("trước ngày 15 tháng 12 năm 2024") == [
        p for p in find_periods("trước ngày 15 tháng 12 năm 2024") if p.kind == "year"
    ]
    assert all(p.kind != "month" for p in find_periods("trước ngày 15 tháng 12 năm 2024"))


# --- recurrences and the due rule ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("Định kỳ 06 tháng báo cáo", [DutyKind.SEMIANNUAL]),
        ("6 tháng một lần gửi báo cáo", [DutyKind.SEMIANNUAL]),
        ("hằng năm báo cáo", [DutyKind.ANNUAL]),
        ("hàng năm báo cáo", [DutyKind.ANNUAL]),
        ("báo cáo hằng quý", [DutyKind.QUARTERLY]),
        ("báo cáo hằng tháng", [DutyKind.MONTHLY]),
        ("định kỳ báo cáo kết quả", [DutyKind.PERIODIC_UNDATED]),
        ("báo cáo đột xuất", [DutyKind.AD_HOC]),
        ("báo cáo khi có yêu cầu", [DutyKind.AD_HOC]),
        ("tổ chức sơ kết, tổng kết việc thực hiện", [DutyKind.PERIODIC_UNDATED]),
        (
            "báo cáo hằng quý, 6 tháng, năm",
            [DutyKind.QUARTERLY, DutyKind.SEMIANNUAL, DutyKind.ANNUAL],
        ),
        (
            "báo cáo hằng quý, 6 tháng, năm hoặc đột xuất khi có yêu cầu",
            [DutyKind.QUARTERLY, DutyKind.SEMIANNUAL, DutyKind.ANNUAL, DutyKind.AD_HOC],
        ),
        ("gửi Ban Thường vụ Thị ủy trước ngày 20/7/2024.", [DutyKind.ONE_OFF]),
        ("trong 6 tháng kể từ ngày ký, đơn vị hoàn thành", []),
    ],
)
def test_recurrences(sentence: str, kinds: list[DutyKind]) -> None:
    assert [r.kind for r in find_recurrences(sentence)] == kinds


def test_semiannual_dates_belong_to_their_frequency() -> None:
    dues = _dues("Báo cáo 6 tháng: trước ngày 15/6; năm: trước ngày 15/12.")
    assert [(d.kind, d.value) for d in dues] == [
        (DutyKind.SEMIANNUAL, ("06-15",)),
        (DutyKind.ANNUAL, "12-15"),
    ]


def test_semiannual_with_both_dates() -> None:
    (due,) = _dues("Định kỳ 6 tháng một lần, báo cáo trước 30/6 và 31/12.")
    assert (due.kind, due.value, due.wording) == (
        DutyKind.SEMIANNUAL,
        ("06-30", "12-31"),
        Wording.BEFORE,
    )


def test_quarterly_and_monthly_rules_keep_the_day_number() -> None:
    (quarterly,) = _dues("Báo cáo hằng quý chậm nhất ngày 20 tháng cuối quý.")
    assert (quarterly.kind, quarterly.value) == (
        DutyKind.QUARTERLY,
        "chậm nhất ngày 20 tháng cuối quý",
    )
    (monthly,) = _dues("Các đơn vị gửi báo cáo trước ngày 25 hằng tháng.")
    assert (monthly.kind, monthly.value, monthly.wording) == (
        DutyKind.MONTHLY,
        "trước ngày 25 hằng tháng",
        Wording.BEFORE,
    )


def test_one_off_in_a_month_is_its_last_day() -> None:
    (due,) = _dues("Các đơn vị gửi báo cáo trong tháng 11/2025.")
    assert (due.kind, due.value, due.wording_text) == (
        DutyKind.ONE_OFF,
        "2025-11-30",
        "trong tháng",
    )


def test_undated_periodic_duty_warns() -> None:
    (due,) = _dues("định kỳ sơ kết, tổng kết việc thực hiện và báo cáo kết quả cho Thị ủy")
    assert (due.kind, due.value) == (DutyKind.PERIODIC_UNDATED, None)
    assert "không ghi ngày" in due.warnings[0]


def test_annual_without_a_date_keeps_its_frequency() -> None:
    (due,) = _dues("Hằng năm, các cơ quan, đơn vị lập dự toán kinh phí gửi Phòng Tài chính")
    assert (due.kind, due.value, due.wording) == (DutyKind.ANNUAL, None, Wording.AS_REGULATED)
    assert "không ghi ngày" in due.warnings[0]


def test_stated_frequencies_without_dates_each_keep_theirs() -> None:
    """015 Đắk Lắk: "định kỳ 6 tháng và hàng năm báo cáo UBND tỉnh theo quy định"."""
    dues = _dues(
        "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Liên minh Hợp tác xã tỉnh có trách nhiệm "
        "hướng dẫn, đôn đốc, kiểm tra, giám sát các cơ quan, đơn vị, đảm bảo thực hiện đúng "
        "tiến độ các mục tiêu, nhiệm vụ, giải pháp của Kế hoạch, định kỳ 6 tháng và hàng năm "
        "báo cáo UBND tỉnh theo quy định"
    )
    assert [(d.kind, d.value) for d in dues] == [
        (DutyKind.SEMIANNUAL, None),
        (DutyKind.ANNUAL, None),
    ]


def test_conflicting_dates_of_one_flow_stay_separate() -> None:
    """Gia Lai: 25/11 (to Sở Y tế) and 15/12 (to UBND tỉnh via Sở Y tế) for the same report."""
    first = _dues(
        "định kỳ tổng hợp, đánh giá tình hình thực hiện, gửi Sở Y tế trước ngày 25/11 hàng năm"
    )
    second = _dues(
        "định kỳ hằng năm (trước ngày 15 tháng 12) và đột xuất, báo cáo kết quả về Ủy ban nhân dân"
    )
    assert [d.value for d in first] == ["11-25"]
    assert [d.value for d in second] == ["12-15", None]
    assert first[0].mentions[0] is not second[0].mentions[0]


def test_several_dates_for_one_annual_duty_warn() -> None:
    (due,) = _dues("hằng năm báo cáo trước ngày 25/11 hoặc trước ngày 15/12")
    assert due.value == "11-25"
    assert any("nhiều ngày" in w for w in due.warnings)


def test_one_off_without_a_year_warns() -> None:
    (recurrence,) = find_recurrences("gửi báo cáo trước ngày 20/7/2024")
    mentions = [DeadlineMention("trước ngày 20/7", 10, 25, day=20, month=7, wording=Wording.BEFORE)]
    due = due_rule(recurrence, mentions)
    assert due.value is None
    assert any("không ghi năm" in w for w in due.warnings)


def test_fold_keeps_every_index() -> None:
    text = "Ủy ban nhân dân tỉnh, Đắk Nông: trước ngày 15 tháng 12"
    assert fold_same_length(text) == "uy ban nhan dan tinh, dak nong: truoc ngay 15 thang 12"


# --- patterns of the development set (real sentences) -----------------------------------------


def test_numbers_spelled_out_again_in_words_are_read_through() -> None:
    """Thông tư 02/2023/TT-BTTTT: "ngày 06 (sáu) tháng 06 (sáu)", "ngày 15 (mười lăm)"."""
    (half,) = _dues(
        "Chậm nhất ngày 06 (sáu) tháng 06 (sáu) đối với báo cáo định kỳ 06 (sáu) tháng;"
    )
    assert (half.kind, half.value, half.wording_text) == (
        DutyKind.SEMIANNUAL,
        ("06-06",),
        "chậm nhất",
    )
    (month,) = _dues(
        "Chậm nhất ngày 15 (mười lăm) của tháng báo cáo đối với báo cáo định kỳ hằng tháng;"
    )
    assert month.kind is DutyKind.MONTHLY
    assert month.value is not None and "15" in month.value


def test_working_days_counted_after_a_comma_are_relative() -> None:
    (due,) = _dues(
        "1. Chậm nhất là 05 ngày làm việc, kể từ ngày kết thúc việc tiến hành thanh tra tại nơi "
        "được thanh tra, thành viên Đoàn thanh tra có trách nhiệm báo cáo bằng văn bản với "
        "Trưởng đoàn thanh tra về kết quả thực hiện nhiệm vụ được giao."
    )
    assert (due.kind, due.value) == (DutyKind.ONE_OFF, None)
    assert any("tính từ một sự kiện" in w for w in due.warnings)


def test_a_dated_review_report_is_one_off() -> None:
    (due,) = _dues(
        "Báo cáo tổng kết gửi về Ủy ban bầu cử tỉnh (qua Sở Nội vụ) trước ngày 8/6/2021./."
    )
    assert (due.kind, due.value, due.wording) == (DutyKind.ONE_OFF, "2021-06-08", Wording.BEFORE)


def test_an_urgent_report_without_a_date_is_one_off_and_flagged() -> None:
    (due,) = _dues(
        "UBND tỉnh cũng chỉ đạo Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan khẩn "
        "trương tổng kết kết quả thực hiện các chỉ tiêu, nhiệm vụ cải cách hành chính của tỉnh "
        "năm 2017; gửi UBND tỉnh tổng hợp báo cáo Bộ Nội vụ thẩm định theo qui định."
    )
    assert (due.kind, due.value) == (DutyKind.ONE_OFF, None)
    assert "không ghi hạn" in due.warnings[0]


def test_ubnd_tinh_before_a_date_is_no_data_period() -> None:
    """ "tỉnh" folds like "tính" (as in "tính từ ngày"): only the latter opens a data period."""
    (due,) = _dues("- Sở Tài nguyên và Môi trường tổng hợp báo cáo UBND tỉnh trước ngày 15/8/2015;")
    assert (due.kind, due.value) == (DutyKind.ONE_OFF, "2015-08-15")
    (period,) = find_deadlines("Số liệu tính từ ngày 01/01 đến ngày 30/06 của năm báo cáo")[:1]
    assert period.not_a_deadline


def test_the_whole_year_report() -> None:
    (due,) = _dues("Báo cáo cả năm gửi trước ngày 10/01 của năm liền kề năm báo cáo.")
    assert (due.kind, due.value, due.wording) == (DutyKind.ANNUAL, "01-10", Wording.BEFORE)


def test_dates_written_in_front_of_their_frequency() -> None:
    """ "trước ngày 25/06 đối với báo cáo 06 tháng; trước ngày 28/11 đối với báo cáo năm"."""
    dues = _dues(
        "Báo cáo gửi về Cục TGPL theo 02 hình thức: bằng văn bản có chữ ký, đóng dấu của đơn vi "
        "hoặc văn bản điện tử dạng ảnh (định dạng pdf) và thư điện tử: ctgpl@moj.gov.vn trước "
        "ngày 25/06 đối với báo cáo 06 tháng; trước ngày 28/11 đối với báo cáo năm."
    )
    assert [(d.kind, d.value) for d in dues] == [
        (DutyKind.SEMIANNUAL, ("06-25",)),
        (DutyKind.ANNUAL, "11-28"),
    ]


def test_a_report_when_a_problem_exceeds_one_s_authority_is_ad_hoc() -> None:
    (due,) = _dues(
        "Theo đó, Chủ tịch UBND tỉnh đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Thủ trưởng "
        "các sở, ban, ngành, đoàn thể tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố triển khai "
        "thực hiện và báo cáo Chủ tịch UBND tỉnh (qua Sở Nội vụ) nếu có vấn đề phát sinh vượt "
        "thẩm quyền."
    )
    assert (due.kind, due.value) == (DutyKind.AD_HOC, None)


def test_the_time_of_an_event_is_no_deadline() -> None:
    (mention,) = find_deadlines(
        "Sáng ngày 15/9/2021, Ủy ban nhân dân huyện tổ chức lấy ý kiến góp ý báo cáo tóm tắt "
        "quy hoạch sử dụng đất thời kỳ 2021-2030."
    )
    assert mention.not_a_deadline and not mention.usable


def test_a_report_if_a_change_is_needed_is_ad_hoc() -> None:
    (due,) = _dues(
        "Trong quá trình tổ chức thực hiện, nếu thấy cần sửa đổi, bổ sung những nội dung cụ thể "
        "thuộc Kế hoạch hành động, các bộ, ngành, địa phương, đơn vị chủ động đề xuất gửi Bộ Y tế "
        "để tổng hợp và báo cáo Thủ tướng Chính phủ xem xét, quyết định./."
    )
    assert (due.kind, due.value) == (DutyKind.AD_HOC, None)

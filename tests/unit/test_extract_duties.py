"""The reporting duties read from whole passages: what is a duty, what only speaks of reports,
and which units a duty takes from the sentences around it. Real sentences of public documents."""

from __future__ import annotations

from kehoach_bot.plans.extract.draft import DutyKind
from kehoach_bot.plans.extract.duties import Duty, find_duties
from kehoach_bot.plans.extract.structure import parse_structure


def _duties(*paragraphs: str) -> list[Duty]:
    return find_duties(parse_structure("\n".join(paragraphs)))


def test_data_cut_off_periods_are_definitions_not_duties() -> None:
    """Thông tư 58/2020/TT-BQP, as summarised: when the data of each report stops."""
    assert not _duties(
        "Theo đó, thời gian chốt số liệu báo cáo định kỳ thuộc phạm quản lý nhà nước của Bộ Quốc "
        "phòng được quy định như sau:",
        "Báo cáo định kỳ hàng tháng: Tính từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ "
        "báo cáo;",
        "Báo cáo định kỳ năm: Tính từ ngày 15/12 năm trước kỳ báo cáo đến ngày 14/12 của kỳ báo "
        "cáo;",
        "Số liệu báo cáo 6 tháng đầu năm tính từ ngày 01/01 đến ngày 30/06 của năm báo cáo",
    )


def test_a_definition_that_also_sets_a_date_is_a_duty() -> None:
    (duty,) = _duties(
        "Báo cáo năm (số liệu tính từ ngày 15/12 năm trước đến ngày 14/12) gửi Sở Y tế trước ngày "
        "20/12 hằng năm."
    )
    assert (duty.kind, duty.due) == (DutyKind.ANNUAL, "12-20")


def test_counted_or_excluded_reports_leave_only_the_ad_hoc_one() -> None:
    (duty,) = _duties(
        "Đề nghị các Trung tâm hàng năm chỉ thực hiện 02 kỳ báo cáo (báo cáo 06 tháng và báo cáo "
        "01 năm), không thực hiện Báo cáo hàng tháng và hàng quý, trừ trường hợp đột xuất theo yêu "
        "cầu của cơ quan có thẩm quyền."
    )
    assert (duty.kind, duty.due) == (DutyKind.AD_HOC, None)
    assert not _duties("Một năm 2 kỳ báo cáo (Báo cáo 6 tháng đầu năm và báo cáo cả năm)")


def test_a_purpose_clause_and_the_work_of_a_review_are_no_duties() -> None:
    assert not _duties(
        "Để đánh giá chính xác tình hình thực hiện nhiệm vụ công tác cải cách hành chính quý III "
        "năm 2015, đề ra nhiệm vụ, giải pháp trọng tâm công tác cải cách hành chính quý IV năm "
        "2015, kịp thời báo cáo Bộ Nội vụ, Tỉnh ủy, Hội đồng nhân dân và Uỷ ban nhân dân tỉnh.",
        "Về thời gian tổng kết: Cấp xã hoàn thành trước ngày 10/6/2021; cấp huyện hoàn thành "
        "trước ngày 14/6/2021.",
    )


def test_a_lead_in_gives_its_units_and_recipient_to_the_dated_items_after_it() -> None:
    """Thông tư 02/2023/TT-BTTTT: the sentence ending in ":" is no duty of its own."""
    duties = _duties(
        "(2) Các cơ quan, đơn vị thuộc Bộ nhận bảo cáo định kỳ của các cơ quan, tổ chức, cá nhân "
        "có trách nhiệm rà soát, phân tích, tổng hợp và gửi báo cáo về Bộ Thông tin và Truyền "
        "thông (Văn phòng Bộ):",
        "Chậm nhất ngày 16 (mười sáu) của tháng báo cáo đối với báo cáo định kỳ hằng tháng;",
        "Chậm nhất ngày 27 (hai mươi bảy) tháng 11 (mười một) đối với báo cáo định kỳ hằng năm.",
    )
    assert [(d.kind, d.due) for d in duties] == [
        (DutyKind.MONTHLY, "Chậm nhất ngày 16 (mười sáu) của tháng báo cáo"),
        (DutyKind.ANNUAL, "11-27"),
    ]
    assert {d.recipient for d in duties} == {"Bộ Thông tin và Truyền thông"}
    assert all(any("thuộc Bộ" in name for name in d.responsible) for d in duties)


def test_an_undated_request_spelled_out_by_a_dated_one_is_one_duty() -> None:
    duties = _duties(
        "Sở Nội vụ đề nghị các sở, ban, ngành, UBND các huyện, thành phố báo cáo tình hình thực "
        "hiện công tác CCHC quý III năm 2015 theo đề cương tại Công văn số 466/SNV-CCHC ngày "
        "14/5/2015 về việc báo cáo công tác cải cách hành chính.",
        "Đề nghị các sở, ban, ngành, UBND các huyện, thành phố gửi báo cáo về Sở Nội vụ trước "
        "ngày 10/9/2015 để tổng hợp báo cáo Bộ Nội vụ (e-mail: cchcsonla@gmail.com)./.",
    )
    assert [(d.kind, d.due, d.recipient) for d in duties] == [
        (DutyKind.ONE_OFF, "2015-09-10", "Sở Nội vụ")
    ]


def test_outside_a_plan_a_recipient_is_not_lent_to_other_units() -> None:
    duties = _duties(
        "- Cấp xã hoàn thành và báo cáo kết quả trước ngày 01/6/2015;",
        "- Sở Tài nguyên và Môi trường tổng hợp báo cáo UBND tỉnh trước ngày 15/8/2015;",
    )
    assert [(d.due, d.recipient) for d in duties] == [
        ("2015-06-01", None),
        ("2015-08-15", "UBND tỉnh"),
    ]


def test_words_glued_by_the_copy_are_read_apart() -> None:
    (duty,) = _duties(
        "2. Bộ Kếhoạch và Đầu tư khẩn trương hoàn chỉnh dự thảo Chương trình hành động, báo "
        "cáoThủ tướng Chính phủ trước ngày 30 tháng 5 năm 2011."
    )
    assert (duty.kind, duty.due) == (DutyKind.ONE_OFF, "2011-05-30")

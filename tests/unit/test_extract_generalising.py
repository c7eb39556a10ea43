"""The kinds of sentence the reader met only on documents it was not tuned on: dates of other
work, nouns that look like reports, frequencies of another clause, weekly and undated duties,
matters put up for decision. Each test is a short sentence of its own in the style of its kind."""

from __future__ import annotations

from kehoach_bot.domain.deadlines import Wording
from kehoach_bot.plans.extract.draft import DutyKind
from kehoach_bot.plans.extract.duties import Duty, find_duties
from kehoach_bot.plans.extract.phrases import find_deadlines, fold_numbers_blanked
from kehoach_bot.plans.extract.plan_reader import extract_plan
from kehoach_bot.plans.extract.recurrences import due_rule, find_recurrences
from kehoach_bot.plans.extract.report_sentences import announces_reports, duty_clauses, is_duty
from kehoach_bot.plans.extract.sentences import split_sentences
from kehoach_bot.plans.extract.structure import parse_structure
from kehoach_bot.plans.extract.unit_lists import (
    find_recipients,
    find_responsible,
    find_via,
    split_units,
)


def _duties(*paragraphs: str) -> list[Duty]:
    return find_duties(parse_structure("\n".join(paragraphs)))


def _kinds(*paragraphs: str) -> list[tuple[DutyKind, object]]:
    return [(d.kind, d.due) for d in _duties(*paragraphs)]


# --- the document issued with a decision -------------------------------------------------------


def test_an_attached_document_of_any_kind_is_read_after_the_signature() -> None:
    text = "\n".join(
        [
            "QUYẾT ĐỊNH",
            "Điều 1. Ban hành kèm theo Quyết định này Quy trình kiểm tra.",
            "Nơi nhận:",
            "- Như Điều 1;",
            "- Lưu: VT.",
            "GIÁM ĐỐC",
            "Trần Văn Bình",
            "QUY TRÌNH KIỂM TRA",
            "(Ban hành kèm theo Quyết định số 12/QĐ-STC ngày 02/3/2025 của Giám đốc Sở Tài chính)",
            "1. Phòng Thanh tra báo cáo kết quả kiểm tra định kỳ hằng quý về Sở Tài chính.",
        ]
    )
    (duty,) = find_duties(parse_structure(text))
    assert duty.kind is DutyKind.QUARTERLY
    assert duty.recipient == "Sở Tài chính"


# --- dates that are not the report's -----------------------------------------------------------


def test_dinh_ky_is_not_the_signing_of_another_document() -> None:
    (mention,) = find_deadlines("Định kỳ vào ngày 10 của tháng cuối quý, báo cáo Sở Công Thương.")
    assert not mention.not_a_deadline
    assert mention.day == 10


def test_a_date_of_the_month_is_not_a_six_month_frequency() -> None:
    kinds = [r.kind for r in find_recurrences("Báo cáo Sở Nội vụ trước ngày 06 tháng 9 năm 2025.")]
    assert kinds == [DutyKind.ONE_OFF]


def test_the_date_the_work_must_be_done_by_is_not_the_reports() -> None:
    (mention,) = find_deadlines(
        "Sở Xây dựng hoàn thành việc rà soát xong trước ngày 15 tháng 4 năm 2025, báo cáo kết quả "
        "về Ủy ban nhân dân tỉnh."
    )
    assert mention.not_a_deadline
    (written,) = find_deadlines("Các sở gửi báo cáo hoàn thành trong ngày 31/3/2025.")
    assert not written.not_a_deadline


def test_within_a_quarter_is_due_at_its_end() -> None:
    sentence = "Các huyện xây dựng kế hoạch, báo cáo Ủy ban nhân dân tỉnh trong quý III năm 2025."
    (duty,) = _duties(sentence)
    assert (duty.kind, duty.due, duty.wording) == (DutyKind.ONE_OFF, "2025-09-30", "trong quý")


def test_a_bare_day_in_a_monthly_duty_is_its_day_of_the_month() -> None:
    (duty,) = _duties(
        "Các xã định kỳ hằng tháng báo cáo tiến độ, gửi Phòng Nội vụ trước ngày 20 để tổng hợp."
    )
    assert duty.kind is DutyKind.MONTHLY
    assert duty.due == "trước ngày 20"


# --- undated duties: once or recurring -----------------------------------------------------------


def test_a_report_with_no_word_of_time_is_asked_for_once() -> None:
    (duty,) = _duties("Sở Y tế tổng hợp ý kiến và báo cáo Ủy ban nhân dân tỉnh.")
    assert (duty.kind, duty.due) == (DutyKind.ONE_OFF, None)


def test_words_of_recurrence_keep_an_undated_report_periodic() -> None:
    for sentence in (
        "Văn phòng theo dõi, đôn đốc việc thực hiện; báo cáo kết quả cho Ban Thường vụ.",
        "Sở Nội vụ chủ trì, phối hợp với các sở tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
        "Các phòng báo cáo kết quả về Ủy ban nhân dân huyện theo quy định.",
        "Tổ công tác báo cáo Ban Chỉ đạo tình hình thực hiện vào thứ Năm hằng tuần.",
    ):
        kinds = [d.kind for d in _duties(sentence)]
        assert kinds == [DutyKind.PERIODIC_UNDATED], sentence


# --- the reporting regime, applied or only named -------------------------------------------------


def test_keeping_the_reporting_regime_is_a_duty_per_frequency() -> None:
    kinds = _kinds(
        "Tổ chức kiểm định thực hiện chế độ báo cáo định kỳ hằng quý và hằng năm cho Cục Đo lường."
    )
    assert kinds == [(DutyKind.QUARTERLY, None), (DutyKind.ANNUAL, None)]
    assert not _duties("Ban hành Quy định chế độ báo cáo định kỳ của các cơ quan trên địa bàn.")


def test_besides_the_regular_reports_only_the_ad_hoc_one_is_asked_for() -> None:
    kinds = _kinds(
        "Ngoài chế độ báo cáo định kỳ nêu trên, Trung tâm báo cáo đột xuất cho Sở Tư pháp khi có "
        "yêu cầu."
    )
    assert kinds == [(DutyKind.AD_HOC, None)]


# --- "báo cáo" as a noun, papers, budget steps --------------------------------------------------


def test_a_report_named_as_a_document_is_no_duty() -> None:
    assert not is_duty(
        "Chịu trách nhiệm về nội dung báo cáo và số liệu tại Tờ trình số 15/TTr-SNN ngày "
        "03/4/2025.",
        review_only=True,
    )
    assert not is_duty(
        "Báo cáo tài chính 06 tháng của công ty phải được kiểm toán.", review_only=True
    )


def test_papers_sent_in_a_procedure_are_no_report() -> None:
    assert not _duties(
        "Hợp tác xã gửi Phòng Kinh tế 01 bản sao giấy chứng nhận về việc thay đổi vốn điều lệ."
    )
    assert _duties("Hợp tác xã gửi báo cáo kết quả hoạt động về Phòng Kinh tế hằng năm.")


def test_a_budget_step_with_no_time_is_no_report() -> None:
    assert not _duties(
        "Sở Tài chính thẩm định dự toán kinh phí của các huyện, báo cáo Ủy ban nhân dân tỉnh."
    )


# --- matters put up for decision, reports stated elsewhere ---------------------------------------


def test_a_matter_put_up_for_decision_is_no_report() -> None:
    assert not _duties("Cục Thuế báo cáo Tổng cục Thuế xem xét phân công đơn vị kiểm tra.")


def test_a_report_on_what_is_beyond_ones_authority_is_ad_hoc() -> None:
    # As the curated plans read it (gia-lai-743): reported when it happens.
    kinds = _kinds(
        "Trường hợp vượt quá thẩm quyền, Sở Công Thương báo cáo Ủy ban nhân dân tỉnh xem xét, "
        "quyết định."
    )
    assert [kind for kind, _ in kinds] == [DutyKind.AD_HOC]


def test_difficulties_raised_with_a_ministry_are_ad_hoc() -> None:
    kinds = _kinds(
        "Trong quá trình thực hiện nếu có vướng mắc, đề nghị các cơ quan, đơn vị phản ánh về "
        "Bộ Tư pháp để được hướng dẫn."
    )
    assert [kind for kind, _ in kinds] == [DutyKind.AD_HOC]


def test_beyond_authority_with_difficulties_met_stays_ad_hoc() -> None:
    kinds = _kinds(
        "Nếu có vướng mắc, các đơn vị kịp thời phản ánh; nếu vượt thẩm quyền báo cáo về Ủy ban "
        "nhân dân huyện xem xét."
    )
    assert kinds and all(kind is DutyKind.AD_HOC for kind, _ in kinds)


def test_a_report_set_out_in_another_article_of_the_same_text_is_not_read_twice() -> None:
    assert not _duties(
        "Sở giao dịch tiếp nhận thông tin để tổng hợp và báo cáo về tình hình niêm yết theo quy "
        "định tại Điều 20 Thông tư này."
    )


# --- clauses with their own time --------------------------------------------------------------


def test_each_clause_keeps_its_own_frequency_and_delay() -> None:
    sentence = (
        "Đối với cảnh báo: báo cáo kết quả kiểm tra chậm nhất 10 ngày kể từ ngày nhận được văn "
        "bản; báo cáo kết quả xử lý định kỳ hằng quý."
    )
    assert len(duty_clauses(sentence, review_only=True)) == 2
    assert sorted(k.value for k, _ in _kinds(sentence)) == ["one_off", "quarterly"]


def test_the_clause_that_reports_gives_the_recipient() -> None:
    (duty,) = _duties(
        "Rà soát các nhiệm vụ theo các kế hoạch 05 năm về đầu tư công; định kỳ hằng tháng báo cáo "
        "tiến độ, gửi Sở Kế hoạch và Đầu tư trước ngày 25 để tổng hợp."
    )
    assert duty.recipient == "Sở Kế hoạch và Đầu tư"
    assert duty.kind is DutyKind.MONTHLY


# --- ad hoc words ----------------------------------------------------------------------------


def test_requirements_about_content_are_not_ad_hoc_but_a_request_is() -> None:
    sentence = "Định kỳ báo cáo Ủy ban nhân dân tỉnh theo yêu cầu về nội dung của Sở Nội vụ."
    assert DutyKind.AD_HOC not in [r.kind for r in find_recurrences(sentence)]
    sentence = "Cung cấp báo cáo khi được cơ quan thuế yêu cầu bằng văn bản."
    (recurrence,) = find_recurrences(sentence)
    assert due_rule(recurrence, find_deadlines(sentence)).kind is DutyKind.AD_HOC


# --- recipients ------------------------------------------------------------------------------


def test_central_recipients_and_copies() -> None:
    assert find_recipients("Bộ Tư pháp tổng hợp và báo cáo Thủ tướng Chính phủ.") == [
        "Thủ tướng Chính phủ"
    ]
    assert find_recipients("Xây dựng tài liệu và báo cáo kết quả lên Chính phủ.") == ["Chính phủ"]
    assert find_recipients("Báo cáo, kiến nghị Tổng cục Hải quan xem xét việc thu hồi mã số.") == [
        "Tổng cục Hải quan"
    ]
    assert find_recipients(
        "Báo cáo Chính phủ trước ngày 30/11, đồng thời gửi Bộ Tài chính để theo dõi."
    ) == ["Chính phủ"]


def test_frequencies_listed_together_share_the_dates_after_them() -> None:
    kinds = _kinds(
        "Các huyện định kỳ 6 tháng, hằng năm (trước ngày 10/6 và 10/12) báo cáo Sở Tư pháp."
    )
    assert kinds == [(DutyKind.SEMIANNUAL, ("06-10", "12-10")), (DutyKind.ANNUAL, "12-10")]


def test_a_recipient_stops_before_what_is_reported() -> None:
    assert find_recipients("Các tỉnh báo cáo Thủ tướng Chính phủ kết quả thực hiện.") == [
        "Thủ tướng Chính phủ"
    ]


def test_the_date_of_a_news_event_is_not_a_deadline() -> None:
    (opening,) = [
        m
        for m in find_deadlines(
            "Ngày 14/4/2025, Sở Tư pháp đã ban hành Công văn số 310/STP-VP đề nghị các huyện báo "
            "cáo kết quả."
        )
        if m.month == 4
    ]
    assert opening.not_a_deadline
    (past,) = find_deadlines("Ủy ban nhân dân huyện ngày 02/6/2025 đã có báo cáo gửi Sở Nội vụ.")
    assert past.not_a_deadline
    (monthly,) = find_deadlines("Ngày 20 hằng tháng, các xã báo cáo Phòng Nội vụ.")
    assert not monthly.not_a_deadline


def test_a_report_attached_to_a_submission_is_a_document() -> None:
    assert not is_duty(
        "Báo cáo đánh giá tác động được gửi kèm theo hồ sơ trình Ủy ban nhân dân tỉnh.",
        review_only=True,
    )
    assert find_recipients("Gửi kèm theo Tờ trình số 21/TTr-SXD báo cáo Sở Xây dựng.") == [
        "Sở Xây dựng"
    ]


def test_two_reports_joined_by_va_keep_their_own_dates() -> None:
    duties = _duties(
        "Các phường báo cáo sơ kết quý I trước ngày 25/3/2026 và báo cáo tổng kết năm trước ngày "
        "25/11/2026 gửi Ủy ban nhân dân quận."
    )
    assert [(d.kind, d.due) for d in duties] == [
        (DutyKind.ONE_OFF, "2026-03-25"),
        (DutyKind.ONE_OFF, "2026-11-25"),
    ]
    assert {d.recipient for d in duties} == {"Ủy ban nhân dân quận"}
    (one,) = _duties("Phòng Y tế tổng hợp và báo cáo Ủy ban nhân dân quận trước ngày 05/12/2026.")
    assert one.quote.startswith("Phòng Y tế tổng hợp")


# --- news items and short letters (085–109) -----------------------------------------------------


def test_a_report_named_in_a_documents_subject_line_is_not_asked_for() -> None:
    assert not _duties(
        "Ủy ban nhân dân huyện đã nhận Công văn số 310/SNV-VP về việc báo cáo kết quả thực hiện "
        "trước ngày 20/12/2025 của Sở Nội vụ."
    )


def test_what_a_report_must_hold_and_a_report_received_are_no_duty() -> None:
    assert not _duties("Báo cáo cần tập trung vào kết quả hằng quý của các đơn vị.")
    assert not _duties(
        "Sở Tài chính nhận được Báo cáo số 15/BC-HĐND ngày 02/4/2024 về những điểm khác nhau "
        "giữa Báo cáo và dự thảo Nghị quyết."
    )


def test_comments_on_a_draft_are_no_report() -> None:
    assert not _duties("Đề nghị các sở gửi ý kiến tham gia về Sở Tư pháp trước ngày 15/8/2025.")
    kinds = _kinds("Đề nghị các sở gửi báo cáo về Sở Tư pháp trước ngày 15/8/2025.")
    assert [kind for kind, _ in kinds] == [DutyKind.ONE_OFF]


def test_a_holiday_named_by_its_date_is_no_deadline() -> None:
    (mention,) = [d for d in find_deadlines("báo cáo tình hình trong dịp nghỉ Lễ 01/5/2025")]
    assert mention.not_a_deadline
    (kept,) = find_deadlines("báo cáo tình hình trước ngày 01/5/2025")
    assert not kept.not_a_deadline


def test_two_reports_with_their_own_dates_in_one_sentence_are_two_duties() -> None:
    kinds = _kinds(
        "Trước ngày 20-10, Ủy ban nhân dân các xã phải báo cáo sơ bộ kết quả rà soát và trước "
        "ngày 10-11 phải báo cáo chính thức kết quả về Phòng Nội vụ."
    )
    assert [kind for kind, _ in kinds] == [DutyKind.ONE_OFF, DutyKind.ONE_OFF]


def test_as_asked_in_another_document_is_no_ad_hoc_duty() -> None:
    kinds = _kinds(
        "Giao Sở Tài chính chủ trì tổng hợp báo cáo kết quả theo yêu cầu tại Văn bản số "
        "12/BTC-NSNN của Bộ Tài chính, gửi Ủy ban nhân dân tỉnh trước ngày 10/8/2025."
    )
    assert [kind for kind, _ in kinds] == [DutyKind.ONE_OFF]
    asked = _kinds("Sở Tài chính báo cáo Ủy ban nhân dân tỉnh theo yêu cầu.")
    assert [kind for kind, _ in asked] == [DutyKind.AD_HOC]


def test_a_report_asked_only_where_a_condition_holds_is_ad_hoc() -> None:
    kinds = _kinds(
        "Xã mà kết quả rà soát có số hộ nghèo tăng nhiều thì khẩn trương báo cáo giải trình "
        "với Ủy ban nhân dân huyện."
    )
    assert [kind for kind, _ in kinds] == [DutyKind.AD_HOC]


def test_this_years_round_of_a_periodic_work_is_no_frequency() -> None:
    kinds = _kinds(
        "Các xã báo cáo kết quả điều tra lao động định kỳ năm 2025 gửi Phòng Nội vụ trước ngày "
        "20/11/2025."
    )
    assert [kind for kind, _ in kinds] == [DutyKind.ONE_OFF]


# --- lists, letters and reviews met in the batch 110–127 ---------------------------------------


def test_a_review_conference_is_no_report_where_the_text_organises_nothing() -> None:
    # A news item on a plan to hold a mid-year review: the review is work, not a report.
    assert (
        _duties(
            "Bộ Tư pháp vừa ban hành kế hoạch sơ kết công tác tư pháp 6 tháng đầu năm.",
            "Hội nghị sơ kết công tác tư pháp 6 tháng đầu năm được tổ chức trực tuyến.",
        )
        == []
    )


def test_the_address_of_a_letter_named_is_no_request_but_its_subject_may_hold_one() -> None:
    assert (
        _duties(
            "Ngày 10/6, Bộ TN&MT đã có Công văn số 3129/BTNMT-TNN gửi UBND các tỉnh về việc lập "
            "danh mục hồ, ao không được san lấp."
        )
        == []
    )
    (duty,) = _duties(
        "Bộ vừa có văn bản số 2609/KHĐT-TH gửi các bộ, ngành về việc gửi báo cáo kế hoạch đầu tư "
        "công trung hạn, để báo cáo Thủ tướng Chính phủ trước ngày 20/5/2021."
    )
    assert duty.due == "2021-05-20"


def test_each_frequency_takes_the_day_rule_of_its_own_period() -> None:
    found = _kinds(
        "Các Bộ gửi báo cáo định kỳ về Văn phòng Chính phủ trước ngày 25 hàng tháng (báo cáo "
        "tháng), trước ngày 25 tháng cuối quý (báo cáo quý)."
    )
    assert (DutyKind.MONTHLY, "trước ngày 25 hàng tháng") in found
    assert (DutyKind.QUARTERLY, "trước ngày 25 tháng cuối quý") in found


def test_reports_whose_guidance_is_still_to_come_are_no_duty_yet() -> None:
    assert (
        _duties("Đối với báo cáo 6 tháng, báo cáo năm, Văn phòng Chính phủ sẽ có hướng dẫn riêng.")
        == []
    )


def test_the_quarter_of_a_report_is_no_recipient() -> None:
    assert find_recipients("Báo cáo quý I: trước ngày 15/3/2025;") == []
    assert find_recipients("Báo cáo Quỹ Bảo trợ trẻ em tỉnh trước ngày 15/3/2025.") == [
        "Quỹ Bảo trợ trẻ em tỉnh"
    ]


def test_a_numbered_lead_in_gives_its_units_and_address_to_the_items_below() -> None:
    duties = _duties(
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Các phòng chuyên môn thuộc UBND huyện thực hiện chế độ báo cáo về UBND huyện (qua "
        "Phòng Nội vụ) như sau:",
        "- Báo cáo 6 tháng: trước ngày 15/6/2025;",
        "- Báo cáo năm: trước ngày 15/11/2025.",
    )
    # the days carry their year: this year's two submissions
    assert [(d.kind, d.due) for d in duties] == [
        (DutyKind.ONE_OFF, "2025-06-15"),
        (DutyKind.ONE_OFF, "2025-11-15"),
    ]
    assert {(d.recipient, d.via) for d in duties} == {("UBND huyện", "Phòng Nội vụ")}
    assert all(d.responsible == ("Các phòng chuyên môn thuộc UBND huyện",) for d in duties)


def test_items_under_the_times_of_reports_are_duties_but_data_periods_are_not() -> None:
    found = _kinds(
        "Thông tư đã ấn định thời hạn gửi báo cáo thống kê như sau:",
        "• Đối với tuyến xã: 05 ngày làm việc kể từ thời điểm kết thúc kỳ thống kê;",
        "• Đối với tuyến trung ương: trước ngày 31/3 hằng năm.",
    )
    assert found == [(DutyKind.PERIODIC_UNDATED, None), (DutyKind.ANNUAL, "03-31")]
    assert (
        _duties(
            "Thời gian chốt số liệu báo cáo được quy định như sau:",
            "• Báo cáo năm: tính từ ngày 15/12 năm trước đến ngày 14/12 của kỳ báo cáo.",
        )
        == []
    )


def test_bao_written_for_bao_cao_in_a_news_item_is_a_report() -> None:
    (duty,) = _duties(
        "Bộ yêu cầu các địa phương phải báo tình hình tiền lương năm 2015 trước ngày 30/12/2015."
    )
    assert (duty.kind, duty.due) == (DutyKind.ONE_OFF, "2015-12-30")
    assert (
        _duties("Người dân thông báo tình hình mưa lũ cho chính quyền trước ngày 30/12/2015.") == []
    )


def test_a_list_of_reporting_periods_defines_them_and_asks_for_nothing() -> None:
    assert (
        _duties(
            "Trong đó, các kỳ báo cáo được tính theo ngày dương lịch, bao gồm: Kỳ báo cáo "
            "tháng; kỳ báo cáo 6 tháng, báo cáo năm và báo cáo thống kê đột xuất."
        )
        == []
    )


def test_a_deadline_gone_by_told_as_news_asks_for_nothing() -> None:
    assert (
        _duties(
            "Đã qua ngày gửi báo cáo kế hoạch đầu tư công trung hạn, nhưng nhiều bộ chưa gửi "
            "báo cáo về Bộ Kế hoạch và Đầu tư."
        )
        == []
    )


def test_a_report_asked_of_named_bodies_is_a_duty_without_a_recipient() -> None:
    (duty,) = _duties(
        "Thủ tướng vừa yêu cầu các bộ, ngành, địa phương báo cáo kết quả 6 tháng triển khai thực "
        "hiện Nghị quyết 19/NQ-CP về cải thiện môi trường kinh doanh."
    )
    assert (duty.kind, duty.due) == (DutyKind.ONE_OFF, None)
    assert _duties("Nghị quyết yêu cầu nâng cao chất lượng báo cáo kết quả thực hiện.") == []


def test_a_page_that_repeats_its_summary_states_each_duty_once() -> None:
    summary = "Các tỉnh gửi báo cáo về Bộ Nội vụ trước ngày 30/8/2025."
    assert _kinds(summary, "Thẻ:", summary) == [(DutyKind.ONE_OFF, "2025-08-30")]


def test_difficulties_a_report_must_state_make_no_ad_hoc_duty() -> None:
    found = _kinds(
        "Sở Y tế rà soát, báo cáo kết quả thực hiện, trong đó nêu những khó khăn, vướng mắc; gửi "
        "báo cáo về Bộ Y tế trước ngày 15/12/2023."
    )
    assert found == [(DutyKind.ONE_OFF, "2023-12-15")]
    conditional = _kinds("Nếu có khó khăn, vướng mắc, các đơn vị báo cáo về Sở Y tế.")
    assert conditional == [(DutyKind.AD_HOC, None)]


# --- sector notices and news, batch 140–169 ----------------------------------------------------


def test_a_day_of_the_following_year_or_month_recurs() -> None:
    assert _kinds(
        "Sở Lao động – Thương binh và Xã hội gửi báo cáo chậm nhất là ngày 15/01 năm kế tiếp của "
        "năm báo cáo."
    ) == [(DutyKind.ANNUAL, "01-15")]
    assert _kinds("Trạm Thú y báo cáo Chi cục Thú y trước ngày 10 của tháng tiếp theo.") == [
        (DutyKind.MONTHLY, "trước ngày 10 của tháng tiếp theo")
    ]


def test_the_time_limit_is_the_deadline_and_the_reference_day_is_not() -> None:
    (duty,) = _duties(
        "Kỳ báo cáo cuối năm học, thời điểm báo cáo là 31/5, thời hạn gửi báo cáo là 30/6 hàng năm."
    )
    assert (duty.kind, duty.due, duty.wording) == (DutyKind.ANNUAL, "06-30", "hạn")


def test_what_happened_before_and_a_pages_closing_lines_ask_for_nothing() -> None:
    assert (
        _duties(
            "Trước đó, UBND tỉnh đã yêu cầu các sở báo cáo UBND tỉnh trước ngày 20/10/2017.",
            "Trên đây là phần tư vấn về quy trình báo cáo định kỳ hằng tháng.",
            "Nhận được công văn này, đề nghị các đơn vị triển khai, báo cáo định kỳ theo quy định.",
            "Quy trình báo cáo định kỳ về tình hình dịch bệnh trên thủy sản?",
        )
        == []
    )


def test_what_one_answers_for_is_no_report_asked() -> None:
    assert (
        _duties(
            "Chủ tịch UBND các huyện chịu trách nhiệm trước Chủ tịch UBND tỉnh về số liệu báo cáo "
            "thiệt hại của đơn vị và việc chậm báo cáo."
        )
        == []
    )


def test_reports_counted_are_documents_not_a_request() -> None:
    assert (
        _duties("Dự kiến, tại kỳ họp thứ 8, UBND tỉnh sẽ trình HĐND tỉnh 19 báo cáo, nghị quyết.")
        == []
    )


def test_a_date_without_its_year_is_once_even_with_a_rule_named() -> None:
    assert _kinds(
        "Trung tâm Kiểm soát bệnh tật gửi số liệu về Sở Y tế trước ngày 30/9 để báo cáo UBND tỉnh "
        "theo quy định."
    ) == [(DutyKind.ONE_OFF, None)]


def test_a_span_of_days_an_issue_date_and_a_letters_subject_are_no_deadline() -> None:
    (span,) = find_deadlines("thiệt hại do đợt mưa, lũ từ ngày 10 - 12/10/2017.")
    assert span.not_a_deadline
    (mention,) = find_deadlines("phản ánh của Báo Thanh tra số ra ngày 01/11/2023 đăng bài")
    assert mention.not_a_deadline
    assert (
        _duties(
            "Bộ vừa có Công văn số 6137/BTNMT-TCMT ngày 20/11/2019 gửi UBND cấp tỉnh về xây "
            "dựng báo cáo công tác bảo vệ môi trường năm 2019."
        )
        == []
    )


def test_what_the_report_must_bear_is_no_request() -> None:
    assert _duties("Báo cáo gửi về Bộ phải có xác nhận của Ủy ban nhân dân tỉnh.") == []


def test_what_an_earlier_document_assigned_is_quoted_not_asked() -> None:
    found = _kinds(
        "Hồi 16 giờ ngày 13/10/2017, Chủ tịch UBND thành phố đã ban hành Công điện số 07/CĐ-UBND. "
        "Trong đó, giao Sở Nông nghiệp báo cáo UBND thành phố trước ngày 20/10/2017. UBND thành "
        "phố chỉ đạo Sở Nông nghiệp báo cáo UBND thành phố trước ngày 5/11/2017."
    )
    assert found == [(DutyKind.ONE_OFF, "2017-11-05")]


def test_recipients_end_where_the_name_ends_and_a_letters_addressees_are_none() -> None:
    assert find_recipients("Các huyện phải báo cáo sơ bộ kết quả rà soát trước ngày 25-10.") == []
    assert find_recipients("Các sở báo cáo UBND tỉnh bằng văn bản trước ngày 20/7.") == [
        "UBND tỉnh"
    ]
    assert find_recipients("Công văn gửi các Sở thì ngày 15/1 là hạn cuối.") == ["các Sở"]
    assert find_recipients("Các đơn vị gửi Ban Thường vụ Thị ủy trước ngày 20/7/2024.") == [
        "Ban Thường vụ Thị ủy"
    ]
    assert find_recipients(
        "Giao Chủ tịch UBND huyện kiểm tra và báo cáo kết quả với Chủ tịch UBND tỉnh trước ngày "
        "15-9-2018."
    ) == ["UBND tỉnh"]  # as "báo cáo Chủ tịch UBND tỉnh": the office, its head's title aside
    assert find_recipients(
        "Bộ vừa có văn bản số 2609/KHĐT-TH gửi các bộ, ngành về việc gửi báo cáo kế hoạch, để "
        "báo cáo Thủ tướng Chính phủ trước ngày 20/5."
    ) == ["Thủ tướng Chính phủ"]


def test_the_yearly_return_of_listed_dates_is_no_second_frequency() -> None:
    assert _kinds(
        "Báo cáo định kỳ 6 tháng: thời hạn gửi báo cáo chậm nhất vào ngày 20/6 và ngày 20/12 hàng "
        "năm."
    ) == [(DutyKind.SEMIANNUAL, ("06-20", "12-20"))]


def test_items_under_a_lead_in_that_is_a_duty_take_its_address() -> None:
    duties = _duties(
        "Thông tư quy định thời hạn gửi báo cáo về Sở Y tế (qua Phòng Nghiệp vụ) như sau:",
        "• Đối với tuyến xã: 05 ngày làm việc kể từ thời điểm kết thúc kỳ thống kê;",
        "• Đối với tuyến huyện: trước ngày 31/3 hằng năm.",
    )
    assert [(d.kind, d.due) for d in duties] == [
        (DutyKind.PERIODIC_UNDATED, None),
        (DutyKind.ANNUAL, "03-31"),
    ]
    assert {(d.recipient, d.via) for d in duties} == {("Sở Y tế", "Phòng Nghiệp vụ")}


def test_the_subject_follows_an_opening_time_word_and_ends_before_a_manner_word() -> None:
    (monthly,) = _duties("Hằng tháng, các xã báo cáo tiến độ về UBND huyện trước ngày 20.")
    assert monthly.responsible == ("các xã",)
    (given,) = _duties(
        "Sở Công Thương được giao tham mưu UBND tỉnh báo cáo Bộ Công Thương kết quả thực hiện"
        " trước ngày 15/12/2023."
    )
    assert given.responsible == ("Sở Công Thương",)
    (earnest,) = _duties(
        "Chủ tịch UBND tỉnh yêu cầu thủ trưởng các sở, ngành, Chủ tịch UBND cấp huyện nghiêm túc"
        " thực hiện, báo cáo kết quả về UBND tỉnh trước ngày 15/01/2024."
    )
    assert earnest.responsible == ("các sở, ngành", "UBND cấp huyện")


def test_an_office_of_several_bodies_is_one_name() -> None:
    (duty,) = _duties(
        "UBND thành phố đề nghị các cơ quan, đơn vị báo cáo kết quả về UBND thành phố (qua Văn"
        " phòng HĐND và UBND thành phố) trước ngày 05 hằng tháng."
    )
    assert duty.via == "Văn phòng HĐND và UBND thành phố"
    assert split_units("Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh, Sở Y tế và UBND các huyện") == [
        "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
        "Sở Y tế",
        "UBND các huyện",
    ]
    assert split_units("Văn phòng HĐND, Sở Y tế") == ["Văn phòng HĐND", "Sở Y tế"]
    assert split_units("Văn phòng HĐND tỉnh, UBND các huyện") == [
        "Văn phòng HĐND tỉnh",
        "UBND các huyện",
    ]


def test_a_date_without_its_year_keeps_its_wording() -> None:
    (duty,) = _duties(
        "UBND tỉnh giao Sở Y tế chủ trì rà soát, tổng hợp, báo cáo UBND tỉnh trước ngày 20/3."
    )
    assert (duty.kind, duty.due, duty.wording) == (DutyKind.ONE_OFF, None, "trước ngày")


def test_a_report_already_made_is_news_not_a_request() -> None:
    assert not _duties("UBND tỉnh đã báo cáo Thủ tướng Chính phủ tại Báo cáo số 123/BC-UBND.")
    assert not _duties(
        "Sở Nội vụ đã tổng hợp báo cáo của 15/15 đơn vị và báo cáo UBND tỉnh ngày 10/12/2024."
    )
    assert not _duties("Đến nay, đã có 8/10 huyện gửi báo cáo về Sở Tài chính.")
    (asked,) = _duties(
        "Ngày 25/11/2024, Sở Giáo dục và Đào tạo đã có Công văn số 2345/SGDĐT-VP đề nghị các"
        " trường báo cáo số liệu trước ngày 30/11/2024."
    )
    assert (asked.kind, asked.due, asked.recipient) == (DutyKind.ONE_OFF, "2024-11-30", None)
    (clause,) = _duties(
        "Căn cứ kết quả đã đạt, các đơn vị báo cáo về Sở Nội vụ trước ngày 15/12/2025."
    )
    assert clause.due == "2025-12-15"


def test_each_period_listed_after_dinh_ky_is_a_frequency() -> None:
    kinds = {
        r.kind
        for r in find_recurrences(
            "Các phường thực hiện báo cáo định kỳ (tháng, quý, 6 tháng, 9 tháng, năm) gửi về"
            " Văn phòng Trung tâm chậm nhất là ngày 07 hàng tháng."
        )
    }
    assert kinds == {
        DutyKind.MONTHLY,
        DutyKind.QUARTERLY,
        DutyKind.SEMIANNUAL,
        DutyKind.PERIODIC_UNDATED,
        DutyKind.ANNUAL,
    }
    duties = _duties(
        "Các đơn vị gửi báo cáo định kỳ (tháng, quý) về Văn phòng trước ngày 25 hàng tháng (báo"
        " cáo tháng), trước ngày 25 tháng cuối quý (báo cáo quý)."
    )
    assert [(d.kind, d.due) for d in duties] == [
        (DutyKind.MONTHLY, "trước ngày 25 hàng tháng"),
        (DutyKind.QUARTERLY, "trước ngày 25 tháng cuối quý"),
    ]
    assert [r.kind for r in find_recurrences("Báo cáo tháng 12 gửi về Sở Nội vụ.")] == [
        DutyKind.PERIODIC_UNDATED
    ]


def test_a_deadline_may_give_the_hour_before_the_day() -> None:
    (hour,) = _duties("Các đơn vị gửi báo cáo về Sở Y tế trước 16 giờ 30 ngày 30/9/2025.")
    assert (hour.due, hour.wording) == ("2025-09-30", "trước ngày")
    (late,) = _duties("UBND các xã gửi báo cáo về UBND huyện chậm nhất 17h ngày 20/11/2025.")
    assert (late.due, late.wording) == ("2025-11-20", "chậm nhất")
    (by,) = _duties("UBND các xã gửi báo cáo về UBND huyện đến 17 giờ ngày 20/11/2025.")
    assert (by.due, by.wording) == ("2025-11-20", "đến ngày")
    (last,) = _duties(
        "Báo cáo nhanh gửi Quận hội (hạn chót gửi báo cáo là 15 giờ 00 ngày 20/5/2016)."
    )
    assert (last.due, last.wording) == ("2016-05-20", "hạn")


def test_unplanned_work_is_no_unplanned_report_but_a_report_when_things_happen_is() -> None:
    (duty,) = _duties(
        "Tổng cục đề nghị các cục thuế thanh tra các doanh nghiệp trong kế hoạch và kế hoạch bổ"
        " sung đột xuất và báo cáo kết quả thanh tra."
    )
    assert duty.kind is DutyKind.ONE_OFF
    (when,) = _duties(
        "Tổ chức trực ban, báo cáo về Văn phòng thường trực Ban Chỉ đạo khi có tình huống xảy ra."
    )
    assert when.kind is DutyKind.AD_HOC


def test_a_request_to_named_bodies_is_a_duty_unless_its_items_carry_it() -> None:
    (duty,) = _duties(
        "Tổng cục Hải quan yêu cầu cục hải quan các tỉnh, thành phố kiểm tra, rà soát và báo cáo"
        " chi tiết nội dung vụ việc, kết quả xử lý."
    )
    assert duty.kind is DutyKind.ONE_OFF
    assert not _duties(
        "Văn phòng Chính phủ đề nghị các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Ủy ban"
        " nhân dân các tỉnh, thành phố trực thuộc Trung ương tổ chức trực, báo cáo tình hình như"
        " sau:"
    )
    assert not _duties(
        "Thủ tướng yêu cầu Thủ trưởng các bộ, ngành phải báo cáo các nội dung chủ yếu về tình hình"
        " thị trường."
    )


def test_reports_named_cited_or_missing_are_not_asked_for() -> None:
    assert not _duties(
        "Đối chiếu với báo cáo kiểm soát hải quan định kỳ do Cục Điều tra tổng hợp cho thấy"
        " nhiều đơn vị vi phạm."
    )
    assert not _duties("Cục Hải quan Lạng Sơn không báo cáo định kỳ 6 vụ, Quảng Ninh 14 vụ.")
    assert not _duties(
        "Công văn gửi Ban VHTT 13 phường – Về thực hiện chế độ thông tin, báo cáo định kỳ"
    )
    assert not _duties(
        "Thực hiện Công văn số 891/UBND ngày 29 tháng 5 năm 2014 của Ủy ban nhân dân Quận 9 về"
        " thực hiện nghiêm chế độ thông tin, báo cáo định kỳ."
    )
    assert not _duties(
        "Nhằm nâng cao chất lượng công tác thông tin, báo cáo và để kịp thời tổng hợp báo cáo gửi"
        " Ủy ban nhân dân Quận 9."
    )
    (asked,) = _duties(
        "Thực hiện Công văn số 12/UBND ngày 02/3/2025 của UBND tỉnh, UBND huyện đề nghị các xã"
        " báo cáo định kỳ hằng quý về Phòng Nội vụ."
    )
    assert asked.kind is DutyKind.QUARTERLY


def test_a_weekly_report_is_a_duty() -> None:
    (duty,) = _duties("Báo cáo tiến độ tổ chức đại hội hằng tuần")
    assert duty.kind is DutyKind.PERIODIC_UNDATED
    (daily,) = _duties("Báo cáo nhanh tình hình thiệt hại hằng ngày")
    assert daily.kind is DutyKind.PERIODIC_UNDATED


def test_a_document_cited_before_a_send_is_no_letter_sent() -> None:
    (duty,) = _duties(
        "Bộ Kế hoạch và Đầu tư đề nghị 36 bộ, cơ quan trung ương chưa gửi báo cáo khẩn trương"
        " hoàn thiện các nội dung theo yêu cầu tại văn bản số 419/TTg-KTTH, gửi Bộ Kế hoạch và"
        " Đầu tư theo quy định."
    )
    assert duty.recipient == "Bộ Kế hoạch và Đầu tư"


def test_each_part_of_a_sentence_names_its_own_units() -> None:
    communes, districts = _duties(
        "UBND cấp xã báo cáo UBND cấp huyện trước ngày 10 tháng 12 năm 2025; UBND cấp huyện báo"
        " cáo UBND tỉnh (qua Sở Tài nguyên và Môi trường) trước ngày 20 tháng 12 năm 2025."
    )
    assert (communes.responsible, communes.recipient) == (("UBND cấp xã",), "UBND cấp huyện")
    assert (districts.responsible, districts.via) == (
        ("UBND cấp huyện",),
        "Sở Tài nguyên và Môi trường",
    )


def test_names_with_a_comma_or_a_steering_word_stay_whole() -> None:
    (duty,) = _duties(
        "Các đơn vị gửi báo cáo về Ban Chỉ đạo tỉnh (qua Sở Văn hóa, Thể thao và Du lịch) trước"
        " ngày 10/12/2025."
    )
    assert (duty.recipient, duty.via) == ("Ban Chỉ đạo tỉnh", "Sở Văn hóa, Thể thao và Du lịch")
    assert split_units("Phòng Kinh tế, Hạ tầng và Đô thị, Phòng Nội vụ") == [
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "Phòng Nội vụ",
    ]
    assert split_units("Các Sở: Văn hóa, Y tế") == ["Sở Văn hóa", "Sở Y tế"]


def test_a_shared_head_joins_its_last_two_departments_with_va() -> None:
    assert split_units("Các Sở: Y tế, Xây dựng và Tài chính") == [
        "Sở Y tế",
        "Sở Xây dựng",
        "Sở Tài chính",
    ]
    assert split_units("Phòng Tài chính - Kế hoạch, Nội vụ và Tư pháp") == [
        "Phòng Tài chính - Kế hoạch",
        "Phòng Nội vụ",
        "Phòng Tư pháp",
    ]
    assert split_units("các Bộ: Công an, Quốc phòng") == ["Bộ Công an", "Bộ Quốc phòng"]
    # names of one department that hold "và" stay whole
    assert split_units("Sở Nông nghiệp và Phát triển nông thôn, Tài nguyên và Môi trường") == [
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Tài nguyên và Môi trường",
    ]
    assert split_units("Sở Y tế, Công an tỉnh") == ["Sở Y tế", "Công an tỉnh"]
    quarterly = [
        d
        for d in _duties(
            "Báo cáo tháng gửi trước ngày 20 hằng tháng; báo cáo quý gửi trước ngày 20 của tháng"
            " cuối quý."
        )
        if d.kind is DutyKind.QUARTERLY
    ]
    assert [d.recipient for d in quarterly] == [None]


def test_a_sentence_may_set_two_days_each_its_own_deadline() -> None:
    half, year = _duties(
        "Các xã tổng hợp, báo cáo kết quả 6 tháng đầu năm trước ngày 10/6/2025 và cả năm trước"
        " ngày 10/12/2025 về Phòng Nội vụ."
    )
    assert [(d.kind, d.due) for d in (half, year)] == [
        (DutyKind.ONE_OFF, "2025-06-10"),
        (DutyKind.ONE_OFF, "2025-12-10"),
    ]
    assert year.recipient == "Phòng Nội vụ"
    (work_then_report,) = _duties(
        "Các chi bộ tổ chức hội nghị, hoàn thành trước ngày 30/10/2025 và báo cáo kết quả về Ban"
        " Tuyên giáo Huyện ủy trước ngày 05/11/2025."
    )
    assert work_then_report.due == "2025-11-05"


def test_a_six_month_or_year_report_due_on_a_dated_day_is_one_submission() -> None:
    assert _kinds("Báo cáo sơ kết 6 tháng gửi về Sở Nội vụ trước ngày 10/6/2025.") == [
        (DutyKind.ONE_OFF, "2025-06-10")
    ]
    assert _kinds("Báo cáo năm gửi Sở Tư pháp trước ngày 15/12/2025.") == [
        (DutyKind.ONE_OFF, "2025-12-15")
    ]
    # a word that makes it come back keeps the frequency
    assert _kinds("Báo cáo định kỳ 6 tháng gửi Sở Nội vụ trước ngày 15/6/2025.") == [
        (DutyKind.SEMIANNUAL, ("06-15",))
    ]


def test_two_days_of_a_year_six_months_apart_are_a_six_month_duty() -> None:
    assert _kinds(
        "Định kỳ trước ngày 15 tháng 6 và trước ngày 15 tháng 12 hằng năm, các đơn vị báo cáo kết"
        " quả thực hiện về Sở Tư pháp."
    ) == [(DutyKind.SEMIANNUAL, ("06-15", "12-15"))]
    # two days of a year otherwise apart stay one yearly duty with a warning
    assert (
        _kinds("Hằng năm, trước ngày 15/10 và ngày 15/12, các đơn vị báo cáo về Sở Tư pháp.")[0][0]
        is DutyKind.ANNUAL
    )


def test_a_day_after_mung_or_in_words_is_read_and_given_in_digits() -> None:
    assert _kinds("Các xã báo cáo về UBND huyện trước ngày mùng 5 hằng tháng.") == [
        (DutyKind.MONTHLY, "trước ngày mùng 5 hằng tháng")
    ]
    assert _kinds("Các xã báo cáo về UBND huyện trước ngày mồng hai hằng tháng.") == [
        (DutyKind.MONTHLY, "trước ngày 2 hằng tháng")
    ]
    assert _kinds("Các đơn vị báo cáo Sở Nội vụ trước ngày hai mươi lăm hằng tháng.") == [
        (DutyKind.MONTHLY, "trước ngày 25 hằng tháng")
    ]
    assert _kinds("Các đơn vị báo cáo Sở Nội vụ trước ngày 15 tháng Mười Hai năm 2025.") == [
        (DutyKind.ONE_OFF, "2025-12-15")
    ]
    # "năm" after "ngày" without "mùng" is no day
    (mention,) = find_deadlines("Báo cáo Sở Nội vụ trước ngày 15/12/2025.")
    assert mention.day == 15
    assert fold_numbers_blanked("Các chốt báo cáo mỗi ngày hai lần.").endswith("moi ngay hai lan.")


def test_a_duty_restated_by_a_title_or_a_summary_is_one_duty() -> None:
    from kehoach_bot.plans.extract.restatements import one_per_duty

    news = one_per_duty(
        _duties(
            "Rà soát cán bộ xã, báo cáo Bộ Nội vụ trước ngày 10/3",
            "Bộ Nội vụ đề nghị các tỉnh rà soát cán bộ xã. Yêu cầu báo cáo trước 10/3.",
            "Bộ Nội vụ đề nghị UBND các tỉnh gửi báo cáo về Bộ (qua Vụ Chính quyền địa phương)"
            " trước ngày 10/3 để tổng hợp.",
        )
    )
    assert [(d.responsible, d.via) for d in news] == [
        (("UBND các tỉnh",), "Vụ Chính quyền địa phương")
    ]
    read = extract_plan(
        "Yêu cầu báo cáo trước 10/3.\nCác tỉnh gửi báo cáo về Bộ trước ngày 10/3.", []
    )
    assert [o.quote for o in read.obligations] == ["Các tỉnh gửi báo cáo về Bộ trước ngày 10/3."]
    # the same day in another part of the plan, or for other units, is a duty of its own
    parts = one_per_duty(
        _duties(
            "1. Báo cáo kết quả về UBND huyện trước ngày 10/12/2025.",
            "2. Gửi báo cáo tổng hợp về UBND huyện trước ngày 10/12/2025.",
        )
    )
    assert len(parts) == 2
    schools = one_per_duty(
        _duties(
            "Các trường mầm non báo cáo Phòng Giáo dục và Đào tạo trước ngày 10/12/2025. Các trường"
            " tiểu học báo cáo Phòng Giáo dục và Đào tạo trước ngày 10/12/2025."
        )
    )
    assert len(schools) == 2
    two_offices = one_per_duty(
        _duties(
            "Các trường báo cáo Phòng Giáo dục và Đào tạo trước ngày 10/12/2025. Trạm Y tế báo cáo"
            " Trung tâm Y tế huyện trước ngày 10/12/2025."
        )
    )
    assert len(two_offices) == 2


def test_a_report_asked_only_if_it_comes_to_that_is_ad_hoc() -> None:
    assert _kinds("Nếu không đủ nguồn lực, địa phương cần đề xuất hỗ trợ gửi về Bộ trước 5/8.") == [
        (DutyKind.AD_HOC, None)
    ]
    # a matter put up for decision is no report
    assert not _duties(
        "Trường hợp kiểm tra doanh nghiệp ngoài địa bàn, Cục Hải quan báo cáo Tổng cục Hải quan"
        " xem xét phân công đơn vị thực hiện."
    )


def test_comments_on_a_draft_sent_back_are_no_report() -> None:
    assert not _duties(
        "Sở Nội vụ đề nghị các cơ quan, đơn vị nghiên cứu, cho ý kiến bằng văn bản và gửi về Sở"
        " chậm nhất trong ngày 04/8/2023."
    )
    assert _kinds("Các đơn vị gửi báo cáo kết quả về Sở chậm nhất ngày 04/8/2023.") == [
        (DutyKind.ONE_OFF, "2023-08-04")
    ]


def test_prompt_and_regular_reports_and_a_plans_own_year() -> None:
    assert _kinds(
        "Báo cáo kịp thời diễn biến thiên tai, tình hình thiệt hại về Ban Chỉ đạo tỉnh."
    ) == [(DutyKind.AD_HOC, None)]
    assert sorted(
        k.value
        for k, _ in _kinds(
            "Các hạt kiểm lâm đảm bảo chế độ báo cáo thường kỳ, đột xuất diễn biến cháy rừng về"
            " Chi cục Kiểm lâm."
        )
    ) == ["ad_hoc", "periodic_undated"]
    # "kế hoạch hàng năm" is the plan's year
    assert [
        k
        for k, _ in _kinds(
            "Ban Chỉ đạo xây dựng kế hoạch hàng năm về an toàn thực phẩm, báo cáo Chủ tịch UBND"
            " tỉnh kết quả thực hiện."
        )
    ] == [DutyKind.ONE_OFF]


def test_frequencies_whose_days_the_next_sentence_gives_are_one_duty_each() -> None:
    found = _duties(
        "2. Định kỳ 06 tháng và hằng năm, doanh nghiệp báo cáo tình hình hoạt động, gửi Sở Nội vụ."
        " Báo cáo 06 tháng gửi trước ngày 20 tháng 6 và báo cáo năm gửi trước ngày 20 tháng 12."
    )
    assert [(d.kind, d.due, d.recipient) for d in found] == [
        (DutyKind.SEMIANNUAL, ("06-20",), "Sở Nội vụ"),
        (DutyKind.ANNUAL, "12-20", "Sở Nội vụ"),
    ]
    # a dated duty of another frequency does not spell them out
    kept = _kinds(
        "Định kỳ hằng năm, các xã báo cáo kết quả về UBND huyện. Báo cáo quý gửi trước ngày 15"
        " của tháng cuối quý."
    )
    assert (DutyKind.ANNUAL, None) in kept


def test_another_way_to_send_the_same_report_is_no_duty() -> None:
    assert not _duties(
        "Trường hợp người sử dụng lao động không thể báo cáo thông qua Cổng Dịch vụ công Quốc gia"
        " thì gửi báo cáo bằng bản giấy theo Mẫu số 01."
    )


def test_a_report_on_finding_something_is_ad_hoc() -> None:
    assert _kinds(
        "Khi phát hiện mốc bị hư hỏng hoặc bị mất, UBND cấp xã lập biên bản và báo cáo UBND cấp"
        " huyện."
    ) == [(DutyKind.AD_HOC, None)]


def test_the_works_own_day_is_not_the_reports() -> None:
    assert _kinds(
        "UBND huyện yêu cầu các xã hoàn thành việc rà soát trước ngày 30/11/2025 và báo cáo kết"
        " quả về Phòng Nông nghiệp trước ngày 05/12/2025."
    ) == [(DutyKind.ONE_OFF, "2025-12-05")]
    # a report that is the work keeps its day
    assert _kinds(
        "Các xã hoàn thành báo cáo kết quả rà soát trước ngày 05/12/2025 gửi UBND huyện."
    ) == [(DutyKind.ONE_OFF, "2025-12-05")]


def test_the_gathering_offices_own_day_is_its_own_duty() -> None:
    found = _duties(
        "Các đơn vị gửi báo cáo về Sở Nội vụ trước ngày 12/12/2025 để tổng hợp báo cáo UBND tỉnh"
        " trước ngày 20/12/2025."
    )
    assert [(d.due, d.responsible, d.recipient) for d in found] == [
        ("2025-12-12", ("Các đơn vị",), "Sở Nội vụ"),
        ("2025-12-20", ("Sở Nội vụ",), "UBND tỉnh"),
    ]


def test_the_last_day_of_a_window_to_send_in_is_a_deadline() -> None:
    assert _kinds("Thời gian nộp báo cáo: từ ngày 01/12/2025 đến hết ngày 10/12/2025.") == [
        (DutyKind.ONE_OFF, "2025-12-10")
    ]
    (_, end) = find_deadlines("Báo cáo số liệu từ ngày 01/12/2024 đến ngày 30/11/2025.")
    assert end.not_a_deadline


# --- the parts of a plan -----------------------------------------------------------------------


def _plan_with(organising_heading: str) -> list[tuple[DutyKind, object]]:
    return _kinds(
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Bảo đảm báo cáo kịp thời, chính xác.",
        "II. NỘI DUNG",
        "Rà soát phương án ứng phó thiên tai; xây dựng báo cáo đánh giá thiệt hại.",
        f"III. {organising_heading}",
        "UBND các xã báo cáo kết quả về UBND huyện (qua Phòng Nông nghiệp).",
        "IV. CHẾ ĐỘ BÁO CÁO",
        "Định kỳ 6 tháng, năm, các cơ quan, đơn vị báo cáo kết quả thực hiện về UBND huyện.",
    )


def test_a_reporting_regime_part_of_its_own_assigns_reports_too() -> None:
    expected = [
        (DutyKind.ONE_OFF, None),
        (DutyKind.SEMIANNUAL, None),
        (DutyKind.ANNUAL, None),
    ]
    assert _plan_with("TỔ CHỨC THỰC HIỆN") == expected
    assert _plan_with("TRÁCH NHIỆM THỰC HIỆN") == expected
    assert _plan_with("PHÂN CÔNG NHIỆM VỤ") == expected


def test_a_units_item_that_opens_on_its_report_is_its_duty() -> None:
    item = "- Tổng hợp, báo cáo kết quả thực hiện việc hỗ trợ nhà ở của các xã trên địa bàn."
    plan = ("I. MỤC ĐÍCH, YÊU CẦU", item, "II. TỔ CHỨC THỰC HIỆN", "1. UBND các huyện:", item)
    (duty,) = _duties(*plan)
    assert (duty.ref, duty.kind, duty.responsible) == (
        "II.1",
        DutyKind.ONE_OFF,
        ("UBND các huyện",),
    )
    # Only the report itself: an item that gathers figures for work asks none.
    assert _duties(*plan[:-1], "- Tổng hợp, rà soát kết quả thực hiện việc hỗ trợ nhà ở.") == []
    # and only where the plan organises its work: alone, it tells what was done
    assert _duties(item) == []
    # a report as the subject of a statement asks for none
    for told in (
        "- Báo cáo kết quả được UBND tỉnh đánh giá cao trong năm 2024.",
        "- Báo cáo kết quả thực hiện phải bảo đảm đầy đủ, chính xác, kịp thời.",
    ):
        assert _duties(*plan[:-1], told) == [], told


def test_a_reports_listed_contents_name_no_recipient() -> None:
    contents = "(gồm số hộ đã được hỗ trợ, số tiền hỗ trợ đã cấp cho các hộ gia đình, các khó khăn)"
    assert find_recipients(f"Tổng hợp, báo cáo kết quả hỗ trợ nhà ở trên địa bàn {contents}.") == []
    assert find_recipients(f"Các xã báo cáo kết quả {contents} cho UBND huyện.") == ["UBND huyện"]
    # a bracket that sends, or never closes, holds no list of figures
    assert find_recipients(
        "Các đơn vị báo cáo kết quả (gồm cả gửi về Sở Tài chính) trước ngày 15/12/2025."
    ) == ["Sở Tài chính"]
    assert find_recipients(
        "Các xã báo cáo kết quả (gồm số liệu và thuyết minh cho UBND huyện."
    ) == ["UBND huyện"]


def test_an_item_that_starts_like_an_organising_heading_is_a_sentence() -> None:
    kinds = _kinds(
        "1. Trách nhiệm thực hiện các quyết định kiểm tra, thanh tra thuế thuộc về đại lý "
        "hải quan.",
        "2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các tổ chức phản ánh "
        "về Tổng cục Hải quan để được hướng dẫn.",
    )
    assert kinds == [(DutyKind.AD_HOC, None)]


def test_the_unit_advised_is_named_without_the_work_advised() -> None:
    sentence = "Chủ trì tham mưu UBND huyện triển khai Kế hoạch; tổng hợp báo cáo UBND huyện."
    assert find_recipients(sentence) == ["UBND huyện"]
    assert find_recipients("Phòng Tài chính tham mưu UBND huyện bố trí kinh phí.") == ["UBND huyện"]
    assert find_recipients("tham mưu UBND tỉnh hướng dẫn các huyện.") == ["UBND tỉnh"]
    assert find_recipients("báo cáo kết quả về Ban Hướng dẫn.") == ["Ban Hướng dẫn"]


# --- news items: what they tell happened --------------------------------------------------------


def test_a_news_items_opening_date_after_its_source_is_when_it_happened() -> None:
    (told,) = find_deadlines("(BĐT) - Ngày 5/7/2021, Thanh tra Chính phủ có văn bản gửi các bộ.")
    assert told.not_a_deadline
    (plain,) = find_deadlines("Ngày 5/7/2021, Thanh tra Chính phủ có văn bản gửi các bộ.")
    assert plain.not_a_deadline


def test_a_reporting_period_written_with_a_dash_is_no_deadline() -> None:
    start, end = find_deadlines("báo cáo năm 2020 (thời kỳ báo cáo từ ngày 1/8/2019 – 31/7/2020).")
    assert start.not_a_deadline and end.not_a_deadline
    _, due = find_deadlines("báo cáo từ ngày 1/8/2019, chậm nhất ngày 10/8/2020.")
    assert not due.not_a_deadline


def test_a_letter_told_as_sent_asks_for_no_report_of_its_own() -> None:
    told = (
        "Ngày 4/5, Bộ Giáo dục và Đào tạo có công điện gửi giám đốc các sở về phòng, chống "
        "đuối nước."
    )
    assert not is_duty(told, review_only=False)
    asked = "Các trường có văn bản gửi kết quả về Phòng Giáo dục trước ngày 10/5/2022."
    assert is_duty(asked, review_only=False)


def test_a_meetings_agenda_is_no_duty() -> None:
    agenda = (
        "Đại hội sẽ tổng kết việc thực hiện Nghị quyết nhiệm kỳ 2013 - 2018; tham gia báo cáo "
        "bổ sung, sửa đổi Điều lệ Câu lạc bộ."
    )
    assert not is_duty(agenda, review_only=False)


def test_a_letters_addressee_is_not_where_the_report_goes() -> None:
    told = (
        "Ngày 16/3, Cục Quản lý Khám chữa bệnh đã có công văn khẩn gửi đến Sở Y tế TPHCM đề nghị "
        "làm rõ thông tin và báo cáo về Bộ Y tế trước ngày 24/3."
    )
    assert find_recipients(told) == ["Bộ Y tế"]
    asked = "Đề nghị các đơn vị có văn bản gửi Sở Nội vụ trước ngày 10/3/2025."
    assert find_recipients(asked) == ["Sở Nội vụ"]


def test_a_recipients_name_ends_before_what_it_is_asked_or_what_it_is() -> None:
    assert find_recipients("gửi Sở Y tế đề nghị làm rõ thông tin") == ["Sở Y tế"]
    sentence = "báo cáo về Sở Thông tin và Truyền thông là đơn vị thường trực để tổng hợp."
    assert find_recipients(sentence) == ["Sở Thông tin và Truyền thông"]


def test_a_bare_year_ends_a_list_of_frequencies_before_what_it_asks() -> None:
    assert _kinds("Các đơn vị báo cáo kết quả hằng quý, 6 tháng, năm về UBND huyện.") == [
        (DutyKind.QUARTERLY, None),
        (DutyKind.SEMIANNUAL, None),
        (DutyKind.ANNUAL, None),
    ]
    year_of = find_recurrences("báo cáo kết quả 6 tháng, năm 2025 về Sở.")
    assert DutyKind.ANNUAL not in [r.kind for r in year_of]


def test_a_quarters_rule_at_the_end_of_a_list_is_the_quarters() -> None:
    kinds = _kinds(
        "Định kỳ hằng quý, 6 tháng, năm báo cáo kết quả về UBND huyện (qua Phòng Nội vụ) "
        "trước ngày 12 của tháng cuối quý."
    )
    assert kinds == [
        (DutyKind.QUARTERLY, "trước ngày 12 của tháng cuối quý"),
        (DutyKind.SEMIANNUAL, None),
        (DutyKind.ANNUAL, None),
    ]


def test_an_undated_duty_keeps_only_the_words_the_plan_wrote() -> None:
    (ad_hoc,) = _duties("Các đơn vị báo cáo đột xuất về Sở Nội vụ khi có yêu cầu.")
    assert ad_hoc.wording is None
    (regulated,) = _duties("Các đơn vị báo cáo định kỳ về Sở Nội vụ theo quy định.")
    assert regulated.wording == "theo quy định"


# --- frequencies named by their report -----------------------------------------------------------


def test_the_months_report_is_monthly_but_not_a_named_month_or_a_campaigns() -> None:
    assert _kinds("Báo cáo tháng gửi về Sở Nội vụ trước ngày 22.") == [
        (DutyKind.MONTHLY, "trước ngày 22")
    ]
    named = find_recurrences("Báo cáo tháng 11 gửi về Sở Nội vụ trước ngày 22/11/2025.")
    assert [r.kind for r in named] == [DutyKind.ONE_OFF]
    campaign = find_recurrences("Báo cáo tháng hành động gửi về Sở Y tế trước ngày 22/5/2025.")
    assert DutyKind.MONTHLY not in [r.kind for r in campaign]


def test_the_year_end_review_report_is_the_years() -> None:
    kinds = _kinds(
        "Các sở báo cáo sơ kết 6 tháng trước ngày 15 tháng 6 hằng năm, báo cáo tổng kết năm "
        "trước ngày 15 tháng 11 hằng năm về UBND tỉnh."
    )
    assert kinds == [(DutyKind.SEMIANNUAL, ("06-15",)), (DutyKind.ANNUAL, "11-15")]
    assert _kinds("Các đơn vị gửi báo cáo năm trước ngày 15/12 về Sở Tài chính.") == [
        (DutyKind.ANNUAL, "12-15")
    ]
    last_year = find_recurrences("Các đơn vị gửi báo cáo năm trước về Sở Nội vụ.")
    assert DutyKind.ANNUAL not in [r.kind for r in last_year]


def test_a_regime_spelled_out_after_a_colon_asks_for_each_report() -> None:
    kinds = _kinds(
        "Chế độ báo cáo: hằng tháng trước ngày 20; hằng quý trước ngày 20 của tháng cuối quý; "
        "năm trước ngày 10/12."
    )
    assert kinds == [
        (DutyKind.MONTHLY, "trước ngày 20"),
        (DutyKind.QUARTERLY, "trước ngày 20 của tháng cuối quý"),
        (DutyKind.ANNUAL, "12-10"),
    ]
    named = "Thông tư này quy định chế độ báo cáo định kỳ hằng năm của Bộ Tài chính."
    assert not is_duty(named, review_only=False)


def test_a_recipients_name_ends_before_the_day() -> None:
    sentence = "Các đơn vị báo cáo về Sở Kế hoạch và Đầu tư vào ngày 15 hằng tháng."
    assert find_recipients(sentence) == ["Sở Kế hoạch và Đầu tư"]


def test_a_title_without_the_year_restates_the_dated_duty_of_its_body() -> None:
    text = "\n".join(
        [
            "Quảng Trị: Yêu cầu báo cáo kết quả rà soát nhà tạm trước ngày 15/8",
            "Theo đó, UBND các huyện rà soát lại danh sách hộ nghèo, báo cáo kết quả về Sở Lao động"
            " - Thương binh và Xã hội trước ngày 15/8/2024 để tổng hợp.",
        ]
    )
    (duty,) = extract_plan(text, []).obligations
    assert (duty.due, [r.written for r in duty.responsible]) == ("2024-08-15", ["UBND các huyện"])
    # two years' days of one part stay two duties
    both = extract_plan(
        "Các xã báo cáo sơ kết trước ngày 15/8/2024 và báo cáo tổng kết trước ngày 15/8/2025.", []
    )
    assert [o.due for o in both.obligations] == ["2024-08-15", "2025-08-15"]
    # and a title without its year cannot say which of the two it restates: it stays
    titled = extract_plan(
        "Yêu cầu báo cáo trước ngày 15/8\nCác xã báo cáo sơ kết trước ngày 15/8/2024 và báo cáo "
        "tổng kết trước ngày 15/8/2025.",
        [],
    )
    assert [o.due for o in titled.obligations] == [None, "2024-08-15", "2025-08-15"]


def test_a_subject_is_read_before_the_work_it_does_first() -> None:
    sentence = "UBND các huyện rà soát danh sách, báo cáo về Sở Xây dựng trước ngày 15/8/2024."
    assert _subject_of(sentence) == ("UBND các huyện",)
    sentence = "Các xã chuẩn bị hồ sơ, báo cáo kết quả về UBND huyện trước ngày 15/8/2024."
    assert _subject_of(sentence) == ("Các xã",)


def _subject_of(sentence: str) -> tuple[str, ...]:
    (duty,) = _duties(sentence)
    return duty.responsible


def test_a_recipients_name_ends_before_the_progress_reported() -> None:
    sentence = "Sở Xây dựng định kỳ hằng tháng báo cáo UBND tỉnh tiến độ thực hiện."
    assert find_recipients(sentence) == ["UBND tỉnh"]


def test_a_linked_items_date_is_when_it_was_posted() -> None:
    (posted,) = find_deadlines("Hà Tĩnh báo cáo tiến độ xóa nhà tạm (12/7/2024)")
    assert posted.not_a_deadline
    (due,) = find_deadlines("Các xã báo cáo tiến độ (trước ngày 12/7/2024)")
    assert not due.not_a_deadline


def test_a_report_when_something_occurs_is_ad_hoc() -> None:
    kinds = _kinds("Khi có ổ dịch mới, UBND xã báo cáo ngay về Trung tâm Y tế huyện để xử lý.")
    assert kinds == [(DutyKind.AD_HOC, None)]
    kinds = _kinds("Khi kết thúc chiến dịch, UBND xã báo cáo kết quả về Trung tâm Y tế huyện.")
    assert kinds == [(DutyKind.ONE_OFF, None)]


def test_a_recipients_name_ends_before_its_weekday_or_week() -> None:
    assert find_recipients("báo cáo về UBND huyện vào thứ Sáu hằng tuần.") == ["UBND huyện"]
    assert find_recipients("báo cáo UBND huyện hằng tuần.") == ["UBND huyện"]


# --- news phrasing, batch 266–281 --------------------------------------------------------------


def test_a_report_named_in_a_sentence_is_not_asked_for() -> None:
    assert _duties("Năm 2023, tỉnh được Bộ đánh giá cao trong báo cáo tổng kết.") == []
    assert _duties("Sở Tư pháp tại báo cáo số 12/BC-STP cho biết đã hoàn thành.") == []


def test_a_year_before_the_report_is_not_a_count_of_reports() -> None:
    sentence = (
        "Phó Chủ tịch UBND huyện giao cho Phòng Văn hóa và Thông tin tiếp tục rà soát danh sách "
        "khen thưởng năm 2020 báo cáo UBND huyện để xét khen thưởng."
    )
    (duty,) = _duties(sentence)
    assert (duty.kind, duty.responsible) == (DutyKind.ONE_OFF, ("Phòng Văn hóa và Thông tin",))
    assert _duties("Dự kiến, UBND tỉnh sẽ trình HĐND tỉnh 19 báo cáo, nghị quyết.") == []


def test_work_given_to_an_office_is_not_sent_to_it() -> None:
    sentence = (
        "Phó Chủ tịch UBND huyện giao cho Phòng Văn hóa và Thông tin tiếp tục rà soát danh sách, "
        "báo cáo UBND huyện."
    )
    assert find_recipients(sentence) == ["UBND huyện"]
    assert _subject_of(sentence) == ("Phòng Văn hóa và Thông tin",)


def test_a_name_ends_before_a_time_a_mood_or_the_work_asked() -> None:
    assert find_recipients(
        "Các trường báo cáo về Sở khi kết thúc năm học; nếu chậm, Sở sẽ nhắc."
    ) == ["Sở"]
    assert _subject_of(
        "Dự kiến, Sở Tài chính sẽ tổng hợp, báo cáo UBND tỉnh trong tháng 12/2024."
    ) == ("Sở Tài chính",)
    assert find_recipients("Đề nghị gửi Sở Y tế khẩn trương báo cáo.") == ["Sở Y tế"]


def test_the_units_asked_after_a_letter_report_not_its_sender() -> None:
    sentence = (
        "Ngày 25/10/2024, UBND tỉnh ban hành Công văn số 1234/UBND-KT yêu cầu các sở, ngành, "
        "địa phương rà soát, báo cáo kết quả thực hiện trước ngày 5/11/2024."
    )
    assert _subject_of(sentence) == ("các sở, ngành, địa phương",)
    assert _subject_of("UBND tỉnh yêu cầu Sở Y tế kiểm tra, báo cáo trước ngày 5/11/2024.") == (
        "Sở Y tế",
    )


def test_the_office_advised_receives_the_work_it_advises_on() -> None:
    # as the curated gia-lai-743: "Tham mưu UBND tỉnh báo cáo Ban cán sự đảng …" goes to UBND tỉnh
    sentence = (
        "Giao Sở Kế hoạch và Đầu tư tham mưu UBND tỉnh báo cáo Bộ Kế hoạch và Đầu tư kết quả "
        "giải ngân."
    )
    assert find_recipients(sentence) == ["UBND tỉnh"]


def test_names_written_with_a_comma_stay_whole() -> None:
    assert split_units("Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh") == [
        "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh"
    ]
    assert find_recipients(
        "Các huyện báo cáo về Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh trước ngày 5/5."
    ) == ["Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh"]
    assert split_units("Phòng Công chức, viên chức") == ["Phòng Công chức, viên chức"]
    assert split_units("Các chi, đảng bộ trực thuộc") == ["Các chi, đảng bộ trực thuộc"]
    assert split_units("Sở Y tế, Sở Tài chính") == ["Sở Y tế", "Sở Tài chính"]


def test_difficulties_listed_among_a_reports_contents_are_not_ad_hoc() -> None:
    assert _kinds(
        "Sở báo cáo UBND tỉnh về tiến độ, kết quả thực hiện từng nhiệm vụ, những khó khăn, "
        "vướng mắc và giải pháp trong thời gian tới."
    ) == [(DutyKind.ONE_OFF, None)]
    assert _kinds(
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo về Sở Tài chính."
    ) == [(DutyKind.AD_HOC, None)]


def test_every_quarter_named_with_its_day_is_quarterly() -> None:
    assert _kinds(
        "Các đơn vị gửi báo cáo quý I trước ngày 15/3, quý II trước ngày 15/6, quý III trước ngày "
        "15/9 và quý IV trước ngày 15/12."
    ) == [(DutyKind.QUARTERLY, "trước ngày 15 tháng cuối quý")]
    assert _kinds("Báo cáo quý I chậm nhất ngày 5/4, quý II chậm nhất ngày 5/7.") == [
        (DutyKind.QUARTERLY, "chậm nhất ngày 5 tháng đầu quý sau")
    ]
    assert _kinds("Báo cáo kết quả quý I và quý II năm 2024 gửi trước ngày 30/6/2024.") == [
        (DutyKind.ONE_OFF, "2024-06-30")
    ]


def test_information_sent_to_an_office_by_a_day_is_a_report() -> None:
    sentence = (
        "Đề nghị các đơn vị cung cấp thông tin về Sở Tư pháp trước ngày 20/9/2024 để tổng hợp."
    )
    (duty,) = _duties(sentence)
    assert (duty.kind, duty.due, duty.recipient) == (DutyKind.ONE_OFF, "2024-09-20", "Sở Tư pháp")
    assert duty.responsible == ("các đơn vị",)
    assert _duties("Doanh nghiệp cung cấp thông tin cho khách hàng trước ngày 20/9/2024.") == []


def test_a_letter_due_by_a_day_is_the_report_asked_for() -> None:
    (duty,) = _duties("UBND các huyện có văn bản gửi Sở Xây dựng trước ngày 30/11/2024.")
    assert (duty.kind, duty.due, duty.recipient) == (DutyKind.ONE_OFF, "2024-11-30", "Sở Xây dựng")
    assert duty.responsible == ("UBND các huyện",)
    assert _duties("Ngày 5/3/2024, Sở Y tế đã có văn bản gửi Bộ Y tế về việc này.") == []


def test_the_day_of_the_month_is_a_monthly_day() -> None:
    assert _kinds(
        "Các địa phương thực hiện chế độ báo cáo định kỳ hằng tháng, năm về Sở Tài chính. "
        "Báo cáo tháng gửi trước ngày 15 của tháng; báo cáo năm trước ngày 15/12."
    ) == [
        (DutyKind.MONTHLY, "trước ngày 15 của tháng"),
        (DutyKind.ANNUAL, "12-15"),
    ]
    (mention,) = find_deadlines("Báo cáo gửi trước ngày 15 của tháng sau.")
    assert (mention.day, mention.rule) == (15, "tháng sau")
    assert all(m.rule is None for m in find_deadlines("Báo cáo trước ngày 15 của tháng 12."))


def test_a_report_of_the_quarter_is_not_sent_to_a_fund() -> None:
    assert find_recipients("Báo cáo quý: gửi trước ngày 25 của tháng cuối quý.") == []
    assert find_recipients("Báo cáo Quỹ Bảo trì đường bộ trước ngày 25.") == [
        "Quỹ Bảo trì đường bộ"
    ]


def test_a_report_heard_or_drafted_is_not_asked_for() -> None:
    assert (
        _duties(
            "Sau khi nghe báo cáo, Chủ tịch UBND tỉnh đề nghị các sở, ngành khẩn trương hoàn thành "
            "các nhiệm vụ được giao."
        )
        == []
    )
    drafted = "Hội nghị thảo luận dự thảo báo cáo tổng kết công tác năm 2024 của UBND huyện."
    assert _duties(drafted) == []
    assert _duties("Các đơn vị cần nâng cao chất lượng báo cáo về Sở.") == []
    (duty,) = _duties("Các xã hoàn thiện dự thảo báo cáo, gửi về UBND huyện trước ngày 20/5/2025.")
    assert (duty.due, duty.recipient) == ("2025-05-20", "UBND huyện")


def test_six_months_and_the_whole_year_are_two_reports() -> None:
    assert _kinds(
        "Định kỳ trước ngày 20 tháng 6 và trước ngày 20 tháng 12 hằng năm, các doanh nghiệp báo "
        "cáo tình hình hoạt động trong 6 tháng và cả năm, gửi Ủy ban nhân dân cấp huyện."
    ) == [(DutyKind.SEMIANNUAL, ("06-20", "12-20")), (DutyKind.ANNUAL, "12-20")]
    assert _kinds(
        "Các đơn vị báo cáo định kỳ 6 tháng (trước ngày 15/6) và 1 năm (trước ngày 15/12) về Sở."
    ) == [(DutyKind.SEMIANNUAL, ("06-15",)), (DutyKind.ANNUAL, "12-15")]
    assert find_recurrences("Dự án hoàn thành trong 6 tháng và cả năm 2024.") == []
    kinds = [r.kind for r in find_recurrences("Sau 6 tháng và 1 năm thực hiện, báo cáo Sở.")]
    assert kinds == [DutyKind.PERIODIC_UNDATED]


def test_an_items_mark_is_neither_its_subject_nor_a_sentence_of_the_one_before() -> None:
    duties = _duties(
        "Chế độ báo cáo về kinh tế trang trại, cụ thể:",
        "+ Hằng năm, Ủy ban nhân dân xã tổng hợp, báo cáo gửi Ủy ban nhân dân huyện.",
        "+ Ủy ban nhân dân huyện tổng hợp, báo cáo Sở Nông nghiệp trước ngày 16 tháng 12 hằng năm.",
    )
    assert [(d.kind, d.due, d.responsible, d.recipient) for d in duties] == [
        (DutyKind.ANNUAL, None, ("Ủy ban nhân dân xã",), "Ủy ban nhân dân huyện"),
        (DutyKind.ANNUAL, "12-16", ("Ủy ban nhân dân huyện",), "Sở Nông nghiệp"),
    ]


def test_a_request_dated_further_on_is_one_duty() -> None:
    text = "\n".join(
        [
            "Bộ Xây dựng vừa có văn bản đề nghị UBND các tỉnh, thành phố báo cáo cụ thể về thực "
            "trạng nhà ở xã hội.",
            "Báo cáo gửi về Bộ trước 10/3 để tổng hợp.",
        ]
    )
    (duty,) = extract_plan(text, [], source="t").obligations
    assert (duty.kind, duty.due) == (DutyKind.ONE_OFF, None)
    assert duty.quote == "Báo cáo gửi về Bộ trước 10/3 để tổng hợp."
    other = "\n".join(
        [
            "Các xã báo cáo kết quả về UBND huyện trước ngày 15/8/2025.",
            "Phòng Nội vụ tổng hợp, báo cáo UBND tỉnh.",
        ]
    )
    assert len(extract_plan(other, [], source="t").obligations) == 2


def test_an_item_after_a_full_stop_is_a_sentence_of_its_own() -> None:
    assert split_sentences("cụ thể: + UBND xã báo cáo UBND huyện. + UBND huyện báo cáo Sở.") == [
        "cụ thể: + UBND xã báo cáo UBND huyện.",
        "+ UBND huyện báo cáo Sở.",
    ]
    assert split_sentences("Số liệu tính đến 20.7.2024 - sau đó không đổi.") == [
        "Số liệu tính đến 20.7.2024 - sau đó không đổi."
    ]


def test_what_a_meeting_set_out_asks_for_no_report() -> None:
    assert (
        _duties(
            "Đó là mục tiêu đề ra tại hội nghị sơ kết công tác dân tộc 6 tháng đầu năm; triển khai "
            "nhiệm vụ 6 tháng cuối năm và báo cáo tình hình tổ chức Đại hội các dân tộc thiểu số."
        )
        == []
    )
    (duty,) = _duties(
        "Tại hội nghị, Chủ tịch UBND tỉnh yêu cầu các sở báo cáo kết quả về UBND tỉnh trước ngày "
        "20/8/2025."
    )
    assert (duty.kind, duty.due) == (DutyKind.ONE_OFF, "2025-08-20")


def test_the_half_year_of_a_meeting_or_of_tasks_is_no_frequency() -> None:
    meeting = find_recurrences("Hội nghị sơ kết công tác 6 tháng đầu năm.")
    assert DutyKind.SEMIANNUAL not in [r.kind for r in meeting]
    assert [
        r.kind for r in find_recurrences("triển khai phương hướng nhiệm vụ 6 tháng cuối năm")
    ] == []
    assert [r.kind for r in find_recurrences("Báo cáo 6 tháng đầu năm gửi Sở.")] == [
        DutyKind.SEMIANNUAL
    ]


def test_cases_reported_as_they_arise_are_ad_hoc() -> None:
    for sentence in (
        "UBND các xã theo dõi đàn heo, báo cáo thường xuyên, kịp thời về UBND huyện.",
        "Các xã theo dõi đàn heo, báo cáo các trường hợp heo mắc bệnh phát sinh về UBND huyện.",
    ):
        (duty,) = _duties(sentence)
        assert duty.kind is DutyKind.AD_HOC, sentence


def test_a_report_made_as_soon_as_something_is_found_is_ad_hoc() -> None:
    kinds = _kinds(
        "Các đoàn lập biên bản và báo cáo ngay khi có phát hiện sai phạm; báo cáo tổng hợp kết quả "
        "thanh tra gửi trước ngày 10/1/2020 về Bộ Giáo dục và Đào tạo."
    )
    assert kinds == [(DutyKind.AD_HOC, None), (DutyKind.ONE_OFF, "2020-01-10")]


def test_the_next_month_is_not_june() -> None:
    (mention,) = find_deadlines("Báo cáo gửi trước ngày 10 tháng sau.")
    assert (mention.day, mention.month, mention.rule) == (10, None, "tháng sau")
    (june,) = find_deadlines("Báo cáo gửi trước ngày 10 tháng Sáu năm 2024.")
    assert (june.day, june.month, june.year) == (10, 6, 2024)
    assert _kinds("Ngày nhận báo cáo: ngày 10 tháng sau tháng báo cáo.") == [
        (DutyKind.MONTHLY, "ngày 10 tháng sau")
    ]


def test_a_form_named_asks_for_no_report() -> None:
    assert _duties("Biểu số 1: Báo cáo hoạt động sản xuất công nghiệp hàng tháng") == []
    assert _duties("Mẫu số 02: Báo cáo kết quả thực hiện 6 tháng, năm.") == []


def test_a_clause_that_only_sends_keeps_the_frequency_named_before_it() -> None:
    (duty,) = _duties(
        "Số liệu báo cáo 6 tháng tính từ ngày 15/12 năm trước đến ngày 14/6; gửi về Sở Tư pháp "
        "trước ngày 20/6."
    )
    assert (duty.kind, duty.due, duty.recipient) == (
        DutyKind.SEMIANNUAL,
        ("06-20",),
        "Sở Tư pháp",
    )
    assert duty.responsible == ()  # "Số liệu" is data, not a Sở


def test_the_quarters_last_months_listed_make_a_quarterly_day() -> None:
    (duty,) = _duties(
        "Yêu cầu các phòng, ban báo cáo quý về UBND huyện trước ngày 18 các tháng 3, 6, 9 và 12."
    )
    assert duty.kind is DutyKind.QUARTERLY
    assert duty.due == "trước ngày 18"
    assert duty.responsible == ("các phòng, ban",)


def test_the_quarters_days_in_other_words_make_a_quarterly_rule() -> None:
    for sentence, due in (
        (
            "Báo cáo quý gửi về Sở Tài chính trước ngày 15 tháng cuối cùng của quý.",
            "trước ngày 15 tháng cuối cùng của quý",
        ),
        (
            "Báo cáo quý gửi trước ngày 05 tháng đầu tiên của quý tiếp theo.",
            "trước ngày 05 tháng đầu tiên của quý tiếp theo",
        ),
        (
            "Báo cáo quý gửi trước ngày 25 tháng 3, tháng 6, tháng 9 và tháng 12 hằng năm.",
            "trước ngày 25 tháng cuối quý",
        ),
        (
            "Các đơn vị gửi báo cáo quý trước ngày 15/3, 15/6, 15/9 và 15/12 về Sở Nội vụ.",
            "trước ngày 15 tháng cuối quý",
        ),
        (
            "Các huyện gửi báo cáo về Sở trước ngày 25 tháng 3, tháng 6, tháng 9 và tháng 12 "
            "hằng năm.",
            "trước ngày 25 tháng cuối quý",
        ),
        (
            "Các đơn vị báo cáo kết quả về Sở Nội vụ trước ngày 15/3, 15/6, 15/9 và 15/12 "
            "hằng năm.",
            "trước ngày 15 tháng cuối quý",
        ),
        (
            "Báo cáo quý I gửi trước ngày 20 tháng 3; quý II trước ngày 20 tháng 6; quý III trước "
            "ngày 20 tháng 9; quý IV trước ngày 20 tháng 12.",
            "trước ngày 20 tháng cuối quý",
        ),
    ):
        assert _kinds(sentence) == [(DutyKind.QUARTERLY, due)], sentence


def test_the_day_to_send_by_wins_over_the_day_of_the_event_reported() -> None:
    (duty,) = _duties(
        "Báo cáo kết quả hưởng ứng Ngày Chủ nhật xanh 22/7/2018 bằng tin bài về BTV Huyện Đoàn "
        "qua Văn phòng Huyện Đoàn chậm nhất 10h00’ ngày 23/7/2018."
    )
    assert (duty.kind, duty.due) == (DutyKind.ONE_OFF, "2018-07-23")
    assert (duty.recipient, duty.via) == ("BTV Huyện Đoàn", "Văn phòng Huyện Đoàn")


def test_a_congress_document_and_what_a_report_must_hold_ask_for_nothing() -> None:
    assert (
        _duties(
            "Huyện ủy đã hoàn thành dự thảo lần 2 Báo cáo chính trị, Báo cáo kiểm điểm của Ban "
            "Chấp hành Đảng bộ huyện trình đại hội Đảng bộ huyện."
        )
        == []
    )
    assert (
        _duties(
            "Việc tổng kết phải được thực hiện nghiêm túc; báo cáo phải bám sát đề cương, làm rõ "
            "những khó khăn, vướng mắc trong thi hành Điều lệ Đảng."
        )
        == []
    )


def test_a_list_of_frequencies_before_drawing_up_a_report_holds_the_year() -> None:
    kinds = _kinds(
        "Các bộ định kỳ hằng quý, 6 tháng, năm xây dựng báo cáo tình hình, kết quả gửi đến Bộ "
        "Công an để tổng hợp."
    )
    assert [k for k, _ in kinds] == [DutyKind.QUARTERLY, DutyKind.SEMIANNUAL, DutyKind.ANNUAL]


def test_a_subcommittee_receives_reports() -> None:
    (duty,) = _duties(
        "Đối với cấp tỉnh, gửi báo cáo về Tiểu ban Điều lệ Đảng (qua Ban Tổ chức Trung ương) "
        "trước ngày 31.7.2019."
    )
    assert (duty.recipient, duty.via) == ("Tiểu ban Điều lệ Đảng", "Ban Tổ chức Trung ương")


def _read(*paragraphs: str) -> list[tuple[DutyKind, object, str | None]]:
    draft = extract_plan("\n".join(paragraphs), [], source="t")
    return [
        (o.kind, o.due, o.recipient.written if o.recipient else None) for o in draft.obligations
    ]


def test_a_reminder_sets_the_new_day_and_the_cited_one_has_passed() -> None:
    found = _read(
        "Ngày 09/02/2021, Bộ Y tế đã có Công văn số 949/BYT-KH-TC gửi Ủy ban nhân dân các tỉnh về "
        "việc đánh giá Bộ Tiêu chí, thời hạn gửi về Bộ Y tế trước ngày 23 tháng 02 năm 2021.",
        "Tuy nhiên, đến nay đã quá hạn nhưng Bộ Y tế chưa nhận được báo cáo.",
        "Do vậy, Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh chỉ đạo Sở Y tế gửi về Bộ Y tế trước "
        "ngày 08 tháng 6 năm 2021.",
    )
    assert found == [(DutyKind.ONE_OFF, "2021-06-08", "Bộ Y tế")]


def test_a_day_before_the_letter_was_signed_is_a_recalled_deadline() -> None:
    letter = (
        "VĂN PHÒNG CHÍNH PHỦ",
        "Số: 8794/VPCP-KGVX | Hà Nội, ngày 21 tháng 10 năm 2013",
        "Kính gửi: Bộ Lao động - Thương binh và Xã hội",
        "Ngày 19 tháng 9 năm 2013, Văn phòng Chính phủ có văn bản số 349/TB-VPCP yêu cầu quý Bộ "
        "khẩn trương ban hành Thông tư liên tịch, báo cáo Phó Thủ tướng trước ngày 30 tháng 9 năm "
        "2013.",
        "Đề nghị quý Bộ báo cáo Phó Thủ tướng trước ngày 30 tháng 10 năm 2013.",
    )
    assert [(k, d) for k, d, _ in _read(*letter)] == [(DutyKind.ONE_OFF, "2013-10-30")]
    # The recalled day in a clause of its own still belongs to the citation that opens the sentence.
    clause = (
        "Tại công văn số 7012/VPCP-KGVX ngày 15 tháng 8 năm 2013 của Văn phòng Chính phủ, Phó Thủ "
        "tướng đã giao Bộ Lao động - Thương binh và Xã hội xây dựng, ban hành Thông tư hướng dẫn; "
        "báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 9 năm 2013."
    )
    assert [d for _, d, _ in _read(*letter[:3], clause, letter[4])] == ["2013-10-30"]
    same_day = "Số liệu nhanh, quý Bộ báo cáo Văn phòng Chính phủ trước 17 giờ ngày 21/10/2013."
    assert [d for _, d, _ in _read(*letter[:3], same_day)] == ["2013-10-21"]
    # Without the letter's own date nothing says the first day has passed.
    assert [d for _, d, _ in _read(*letter[3:])] == ["2013-09-30", "2013-10-30"]
    # A day before the letter that cites no other document is its own, its year mistaken; a news
    # page's date is no document's.
    own = "Đề nghị quý Bộ báo cáo kết quả năm 2013 về Văn phòng Chính phủ trước ngày 10/01."
    assert [d for _, d, _ in _read(*letter[:3], own)] == ["2013-01-10"]
    page = ("Thứ hai, ngày 21 tháng 10 năm 2013", *letter[3:])
    assert [d for _, d, _ in _read(*page)] == ["2013-09-30", "2013-10-30"]


def test_those_who_have_not_sent_are_asked_to_send() -> None:
    (duty,) = _duties(
        "Vì vậy, Cục Trợ giúp pháp lý đề nghị các Trung tâm chưa gửi Báo cáo kịp thời gửi Báo cáo "
        "về Cục Trợ giúp pháp lý trước ngày 18/8/2017."
    )
    assert (duty.kind, duty.due, duty.recipient) == (
        DutyKind.ONE_OFF,
        "2017-08-18",
        "Cục Trợ giúp pháp lý",
    )


def test_a_request_after_its_purpose_is_a_duty() -> None:
    (duty,) = _duties(
        "Để phục vụ kịp thời công tác nắm bắt giá cả thị trường, Cục Quản lý giá đề nghị các Sở "
        "Tài chính thực hiện nghiêm túc chế độ báo cáo gửi về Cục Quản lý giá theo thời gian quy "
        "định tại Thông tư số 55/TT-BTC."
    )
    assert (duty.kind, duty.recipient) == (DutyKind.PERIODIC_UNDATED, "Cục Quản lý giá")
    assert _duties("Để kịp thời báo cáo, các phòng theo dõi sát tình hình.") == []


def test_the_month_reported_on_and_what_goes_into_a_report_are_not_requests() -> None:
    assert (
        _duties(
            "Riêng nội dung về chỉ số giá tiêu dùng, Sở Tài chính đưa nội dung này vào báo cáo "
            "tình hình giá cả thị trường tháng tiếp theo tháng báo cáo."
        )
        == []
    )


def test_a_time_line_dates_the_letters_one_request() -> None:
    found = _read(
        "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
        "Số: 4244/BNN-KL",
        "V/v báo cáo số liệu hiện trạng rừng năm 2009.",
        "Hà Nội, ngày 23 tháng 12 năm 2009",
        "Kính gửi: Sở Nông nghiệp và Phát triển nông thôn các tỉnh",
        "Đề nghị các Sở Nông nghiệp và Phát triển nông thôn chỉ đạo Chi cục Kiểm lâm báo cáo về "
        "Bộ Nông nghiệp và Phát triển nông thôn số liệu về hiện trạng rừng năm 2009.",
        "1. Báo cáo gửi về Bộ phải có xác nhận của Ủy ban nhân dân tỉnh.",
        "2. Thời hạn gửi báo cáo trước ngày 28/02/2010.",
    )
    assert found == [
        (DutyKind.ONE_OFF, "2010-02-28", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ]


def test_a_copy_sent_is_no_board() -> None:
    assert find_recipients(
        "Đề nghị các Sở gửi bản scan số liệu thống kê về Cục Kế hoạch – Tài chính trước ngày "
        "02/7/2019."
    ) == ["Cục Kế hoạch – Tài chính"]


def test_the_results_of_the_half_and_the_whole_year_each_with_a_day() -> None:
    kinds = _kinds(
        "Yêu cầu các đơn vị báo cáo kết quả 6 tháng đầu năm về Ban Thường vụ Huyện ủy (qua Văn "
        "phòng Huyện ủy) trước ngày 05/6 và cả năm trước ngày 05/12."
    )
    assert kinds == [(DutyKind.SEMIANNUAL, ("06-05",)), (DutyKind.ANNUAL, "12-05")]
    assert [
        r.kind
        for r in find_recurrences(
            "Thủ tướng yêu cầu các bộ báo cáo kết quả 6 tháng triển khai thực hiện Nghị quyết 19."
        )
    ] == [DutyKind.PERIODIC_UNDATED]


def test_the_years_review_after_a_semicolon_goes_on_with_its_own_day() -> None:
    kinds = _kinds(
        "Các xã, thị trấn tổ chức sơ kết 6 tháng, báo cáo về UBND huyện trước ngày 10/6; tổng kết "
        "năm trước ngày 10/12."
    )
    assert kinds == [(DutyKind.SEMIANNUAL, ("06-10",)), (DutyKind.ANNUAL, "12-10")]


def test_an_intention_or_a_report_made_told_as_news_asks_nothing() -> None:
    for sentence in (
        "Đoàn giám sát ghi nhận những khó khăn, vướng mắc của địa phương và sẽ tổng hợp, báo cáo "
        "HĐND tỉnh.",
        "Các ý kiến, kiến nghị của cử tri sẽ được tổng hợp, báo cáo đến cơ quan có thẩm quyền.",
        "Những khó khăn, vướng mắc vượt thẩm quyền đã được huyện báo cáo tỉnh xin ý kiến chỉ đạo.",
    ):
        assert _duties(sentence) == [], sentence
    # a day to meet, or a request, still asks
    (dated,) = _duties("Bộ Nội vụ sẽ tổng hợp, báo cáo Chính phủ trước ngày 30/9/2025.")
    assert dated.due == "2025-09-30"
    (asked,) = _duties("UBND tỉnh đã giao Sở Y tế sẽ tổng hợp, báo cáo UBND tỉnh kết quả.")
    assert asked.recipient == "UBND tỉnh"


def test_frequencies_named_first_are_those_their_lines_date() -> None:
    found = _read(
        "Theo Thông tư 07, định kỳ hằng tháng, quý, năm, Cơ quan đại diện báo cáo Bộ Ngoại giao "
        "số dư Quỹ. Thời hạn báo cáo như sau:",
        "• Cơ quan đại diện gửi báo cáo về Bộ Ngoại giao:",
        "• Báo cáo hàng tháng: Trước ngày 10 tháng sau;",
        "• Báo cáo hàng quý: Trước ngày 15 tháng đầu của quý sau;",
        "• Báo cáo hàng năm: Trước ngày 25/01 năm sau.",
    )
    assert [(kind, due) for kind, due, _ in found] == [
        (DutyKind.MONTHLY, "Trước ngày 10 tháng sau"),
        (DutyKind.QUARTERLY, "Trước ngày 15 tháng đầu của quý sau"),
        (DutyKind.ANNUAL, "01-25"),
    ]


def test_a_reminder_asking_again_by_the_same_day_is_one_duty() -> None:
    found = _read(
        "Kính gửi: Sở Văn hóa, Thể thao và Du lịch các tỉnh",
        "Thực hiện Kế hoạch tổng kết; ngày 25 tháng 8 năm 2014, Bộ Văn hóa, Thể thao và Du lịch "
        "đã có công văn số 2877/BVHTTDL-VHCS gửi các Sở yêu cầu xây dựng báo cáo tổng kết, gửi về "
        "Bộ trước ngày 15 tháng 10 năm 2014.",
        "Bộ yêu cầu các Sở:",
        "1. Bám sát yêu cầu về nội dung để xây dựng báo cáo;",
        "2. Khẩn trương gửi báo cáo về Bộ trước ngày 15 tháng 10 năm 2014 để tổng hợp.",
    )
    assert found == [(DutyKind.ONE_OFF, "2014-10-15", "Bộ")]


def test_results_up_to_a_day_are_the_period_reported_on() -> None:
    (period,) = find_deadlines(
        "Bộ đề nghị UBND các tỉnh báo cáo các kết quả thực hiện Chiến lược đến ngày 31/12/2020."
    )
    assert period.not_a_deadline
    (due,) = find_deadlines("Các đơn vị báo cáo kết quả thực hiện về Sở đến ngày 31/12/2020.")
    assert not due.not_a_deadline


def test_the_results_asked_for_and_a_ministrys_name_are_no_units() -> None:
    assert find_recipients("UBND các tỉnh báo cáo các kết quả thực hiện Chiến lược nhà ở.") == []
    (duty,) = _duties(
        "Bộ Xây dựng đề nghị UBND các tỉnh báo cáo kết quả về Bộ Xây dựng trước ngày 30/3/2021."
    )
    assert duty.responsible == ("UBND các tỉnh",)


def test_a_text_typed_without_accents_keeps_its_heads() -> None:
    assert find_recipients("Cac don vi gui bao cao ve So Noi vu truoc ngay 20/5/2024.") == [
        "So Noi vu"
    ]


def test_finishing_the_report_is_no_part_of_the_units_name() -> None:
    found = _read(
        "Ban quản lý đề nghị các doanh nghiệp trong cụm công nghiệp báo cáo tình hình sản xuất.",
        "Doanh nghiệp hoàn tất báo cáo và gửi về Phòng Kinh tế trước ngày 20/9/2024.",
    )
    assert found == [(DutyKind.ONE_OFF, "2024-09-20", "Phòng Kinh tế")]


def test_the_rhythm_of_the_programme_a_step_rests_on_is_not_the_reports() -> None:
    assert not is_duty(
        "1- Căn cứ chương trình kiểm tra hằng năm, Ủy ban kiểm tra ban hành Quyết định và đề cương "
        "báo cáo gửi đến chi bộ được kiểm tra.",
        review_only=False,
    )
    (recurrence,) = find_recurrences(
        "Căn cứ kết quả kiểm tra, hằng năm các chi bộ báo cáo Đảng ủy trước ngày 10/12."
    )
    assert recurrence.kind is DutyKind.ANNUAL


def test_those_told_to_report_are_not_where_the_report_goes() -> None:
    assert (
        find_recipients(
            "Sở Công Thương chủ trì, thông báo cho các cửa hàng xăng dầu báo cáo tình hình kinh "
            "doanh trước ngày 15/11/2023."
        )
        == []
    )
    assert find_recipients("Các xã báo cáo cho Phòng Nông nghiệp trước ngày 15/11/2023.") == [
        "Phòng Nông nghiệp"
    ]


def test_the_papers_sent_before_a_request_do_not_address_its_report() -> None:
    sentence = (
        "Đoàn kiểm tra gửi Kế hoạch kiểm tra đến các chi bộ; yêu cầu các chi bộ chuẩn bị báo cáo "
        "và gửi về Ủy ban kiểm tra trước ngày 05/10/2024."
    )
    assert find_recipients(sentence) == ["Ủy ban kiểm tra"]
    assert (
        find_recipients(
            "Đoàn kiểm tra gửi Kế hoạch kiểm tra đến các chi bộ; yêu cầu các chi bộ "
            "chuẩn bị báo cáo trước ngày 05/10/2024."
        )
        == []
    )


def test_a_party_committee_asked_to_prepare_its_report_has_a_duty() -> None:
    assert is_duty(
        "2- Ủy ban kiểm tra gửi Thông báo đến chi bộ; yêu cầu cấp ủy, chi bộ được kiểm tra chuẩn "
        "bị báo cáo bằng văn bản các nội dung kiểm tra.",
        review_only=False,
    )


def test_a_report_waited_for_is_not_asked_of_the_treasury() -> None:
    assert not is_duty(
        "Quá thời hạn này, nếu chủ đầu tư không chấp hành báo cáo quyết toán, Sở Tài chính yêu "
        "cầu Kho bạc Nhà nước ngừng giải ngân cho tới khi nhận được báo cáo quyết toán.",
        review_only=False,
    )


def test_work_given_with_chiu_trach_nhiem_asks_and_what_one_answers_for_does_not() -> None:
    assert is_duty(
        "Sở Nội vụ chịu trách nhiệm theo dõi, đôn đốc việc thực hiện và tổng hợp báo cáo định kỳ "
        "trình UBND tỉnh.",
        review_only=False,
    )
    assert not is_duty(
        "Thủ trưởng các đơn vị chịu trách nhiệm về tính chính xác của số liệu báo cáo định kỳ.",
        review_only=False,
    )


def test_the_time_asked_for_is_no_request_on_demand() -> None:
    (recurrence,) = find_recurrences(
        "Sở Tư pháp tổng hợp kết quả của toàn tỉnh để báo cáo Bộ Tư pháp bảo đảm thời gian theo "
        "yêu cầu."
    )
    assert recurrence.kind is not DutyKind.AD_HOC
    (on_demand,) = find_recurrences("Các xã báo cáo tiến độ theo yêu cầu của Phòng Nội vụ.")
    assert on_demand.kind is DutyKind.AD_HOC


def test_the_regime_kept_as_strictly_regulated_is_a_duty() -> None:
    assert is_duty(
        "Các huyện bố trí lịch trực và thực hiện chế độ thông tin, báo cáo trong dịp nghỉ Lễ theo "
        "đúng quy định.",
        review_only=False,
    )


def test_a_sanction_for_reports_not_sent_asks_for_none() -> None:
    assert not is_duty(
        "Nếu chủ đầu tư không chấp hành báo cáo quyết toán thì Sở Tài chính tạm dừng giải ngân "
        "theo đúng quy định.",
        review_only=False,
    )


def test_items_after_a_colon_spell_out_an_undated_lead_in() -> None:
    found = _read(
        "2. Việc lập và gửi báo cáo sơ kết học kỳ thực hiện như sau:",
        "- Các trường tiểu học gửi báo cáo về Phòng Giáo dục và Đào tạo.",
    )
    assert found == [(DutyKind.ONE_OFF, None, "Phòng Giáo dục và Đào tạo")]


def test_a_dated_deadline_may_drop_the_word_ngay_when_it_has_its_year() -> None:
    (mention,) = find_deadlines("Hạn cuối gửi báo cáo về Sở Tài chính là 30 tháng 9 năm 2025.")
    assert (mention.day, mention.month, mention.year) == (30, 9, 2025)
    assert find_deadlines("Báo cáo kết quả 6 tháng năm 2025 gửi Sở Tài chính.") == []


def test_a_report_just_sent_is_told() -> None:
    assert not is_duty(
        "Sở Y tế vừa gửi báo cáo tới UBND tỉnh về công tác phòng, chống dịch.", review_only=False
    )
    assert is_duty(
        "Sở Y tế vừa có văn bản đề nghị các bệnh viện báo cáo về Sở trước ngày 10/10/2025.",
        review_only=False,
    )


def test_how_a_report_must_be_drawn_up_is_no_duty() -> None:
    assert not is_duty(
        "Lưu ý: + Báo cáo sơ kết phải được lập theo đúng mẫu của Sở Giáo dục và Đào tạo.",
        review_only=False,
    )


def test_a_report_quoted_announces_no_report_times() -> None:
    assert not announces_reports("Theo báo cáo, thiệt hại tại các huyện như sau:")
    assert announces_reports("Các xã gửi báo cáo về huyện như sau:")


def test_a_report_sent_in_the_time_set_is_the_dated_one() -> None:
    found = _read(
        "Các trường gửi báo cáo sơ kết học kỳ về Phòng Giáo dục và Đào tạo trước ngày 20/01/2025.",
        "Lưu ý: báo cáo gửi về Phòng Giáo dục và Đào tạo theo đúng thời hạn quy định.",
    )
    assert found == [(DutyKind.ONE_OFF, "2025-01-20", "Phòng Giáo dục và Đào tạo")]
    kept = _read(
        "Các trường gửi báo cáo sơ kết học kỳ về Phòng Giáo dục và Đào tạo trước ngày 20/01/2025.",
        "Định kỳ, các trường báo cáo về Phòng Giáo dục và Đào tạo theo đúng thời hạn quy định.",
    )
    assert len(kept) == 2


def test_a_time_after_the_office_is_no_part_of_its_name() -> None:
    assert find_recipients(
        "Các xã gửi báo cáo về Phòng Nội vụ không muộn hơn ngày 10/10/2024."
    ) == ["Phòng Nội vụ"]
    assert find_recipients(
        "Các trường gửi báo cáo về Phòng Y tế từ nay đến hết ngày 30/5/2025."
    ) == ["Phòng Y tế"]
    assert find_recipients("Các trạm gửi báo cáo về Trung tâm Y tế xong trước 15/8/2024.") == [
        "Trung tâm Y tế"
    ]
    (mention,) = find_deadlines("Các xã gửi báo cáo về huyện không muộn hơn ngày 10/10/2024.")
    assert mention.wording is Wording.NO_LATER_THAN


def test_a_report_sent_by_a_day_is_no_work_finished_by_it() -> None:
    (sent,) = find_deadlines("Các đơn vị hoàn thành và gửi báo cáo về Sở xong trước 15/8/2024.")
    assert not sent.not_a_deadline
    (work,) = find_deadlines("Các đơn vị tổ chức kiểm tra xong trước 15/8/2024.")
    assert work.not_a_deadline


def test_a_table_handed_in_to_an_office_is_a_report_but_taxes_are_not() -> None:
    assert is_duty(
        "Chậm nhất ngày 10 tháng 12 hằng năm, tổ hợp tác nộp bảng tự đánh giá đến cơ quan đăng ký "
        "kinh doanh cấp huyện.",
        review_only=False,
    )
    assert not is_duty(
        "Chậm nhất ngày 10 tháng 12 hằng năm, hộ kinh doanh nộp thuế về cơ quan thuế quản lý.",
        review_only=False,
    )


def test_a_report_published_or_compiled_is_not_sent() -> None:
    for sentence in (
        "Báo cáo tình hình kinh tế - xã hội quý được công bố vào ngày 29 của tháng cuối quý.",
        "Nghị định quy định thời gian phổ biến Báo cáo tình hình kinh tế - xã hội hằng tháng.",
        "Số liệu sẽ được dùng để biên soạn báo cáo chính thức hằng năm của ngành.",
    ):
        assert not is_duty(sentence, review_only=False), sentence


def test_a_headline_without_its_year_restates_the_yearly_duty() -> None:
    found = _read(
        "Chậm nhất ngày 10/12, tổ hợp tác nộp bảng tự đánh giá đến cơ quan đăng ký",
        "Theo Thông tư, chậm nhất ngày 10 tháng 12 hằng năm, tổ hợp tác nộp bảng tự đánh giá "
        "đến cơ quan đăng ký kinh doanh cấp huyện.",
    )
    assert [(kind, due) for kind, due, _ in found] == [(DutyKind.ANNUAL, "12-10")]


def test_a_frequency_with_its_own_delay_is_no_lead_in() -> None:
    found = _read(
        "3. Báo cáo năm: công ty phải lập và gửi Bộ Tài chính chậm nhất là 90 ngày kể từ ngày kết "
        "thúc năm tài chính.",
        "Chi nhánh phải báo cáo hằng năm cho Bộ Tài chính trước ngày 01 tháng 3 của năm tiếp theo.",
    )
    assert [(kind, due) for kind, due, _ in found] == [
        (DutyKind.ANNUAL, None),
        (DutyKind.ANNUAL, "03-01"),
    ]


def test_a_periodic_report_the_text_dates_later_is_said_once() -> None:
    found = _read(
        "Sở Giao thông vận tải yêu cầu các hợp tác xã vận tải nghiêm túc thực hiện báo cáo định "
        "kỳ về tình hình hoạt động.",
        "Cụ thể, các hợp tác xã vận tải phải gửi báo cáo trước ngày 15 của tháng kế tiếp về Sở "
        "Giao thông vận tải.",
    )
    assert [kind for kind, _, _ in found] == [DutyKind.MONTHLY]


def test_a_late_report_and_how_it_is_sent_ask_for_none() -> None:
    assert not is_duty("Xử lý nghiêm doanh nghiệp chậm báo cáo định kỳ", review_only=False)
    assert not is_duty(
        "Hình thức gửi báo cáo thực hiện trực tiếp về phòng theo quy định.", review_only=False
    )


def test_forms_sent_to_a_ministry_are_a_report() -> None:
    assert is_duty(
        "- Các Ban gửi biểu mẫu thống kê tới Bộ Công Thương trước ngày 15/01/2021.",
        review_only=False,
    )


def test_one_named_years_report_sent_in_the_time_set_is_once() -> None:
    (duty,) = _duties(
        "Sở đề nghị các doanh nghiệp hoàn thiện báo cáo tình hình sử dụng lao động năm 2023 và gửi "
        "về Sở Nội vụ đúng thời gian theo quy định."
    )
    assert duty.kind is DutyKind.ONE_OFF
    (regular,) = _duties(
        "Sở đề nghị các doanh nghiệp gửi báo cáo tình hình sử dụng lao động về Sở Nội vụ đúng thời "
        "gian theo quy định."
    )
    assert regular.kind is DutyKind.PERIODIC_UNDATED
    (span,) = _duties(
        "Sở Y tế báo cáo UBND tỉnh kết quả thực hiện Đề án đến năm 2025 theo quy định tại Quyết "
        "định số 12/QĐ-TTg."
    )
    assert span.kind is DutyKind.PERIODIC_UNDATED


def test_a_periodic_list_keeps_its_undated_nine_months_beside_its_dated_month() -> None:
    found = _read(
        "Các phường gửi báo cáo định kỳ (tháng, quý, 6 tháng, 9 tháng, năm) về Phòng Văn hóa và "
        "Thông tin chậm nhất là ngày 05 hằng tháng."
    )
    assert (DutyKind.PERIODIC_UNDATED, None, "Phòng Văn hóa và Thông tin") in found
    assert any(kind is DutyKind.MONTHLY for kind, _, _ in found)


def test_both_and_with_vua_tells_no_report_made() -> None:
    assert is_duty(
        "Các xã vừa tổ chức kiểm tra vừa báo cáo kết quả về UBND huyện trước ngày 10/10/2025.",
        review_only=False,
    )


def test_a_report_that_must_be_complete_is_its_form() -> None:
    assert not is_duty(
        "Báo cáo gửi về Phòng phải đầy đủ, chính xác, phản ánh đúng tình hình thực tế.",
        review_only=False,
    )


def test_a_name_written_with_a_comma_is_the_whole_subject() -> None:
    assert find_responsible(
        "Hằng ngày, Ban Chỉ huy phòng, chống thiên tai các huyện báo cáo thiệt hại về Văn phòng "
        "thường trực."
    ) == ["Ban Chỉ huy phòng, chống thiên tai các huyện"]


def test_a_recipient_ends_before_its_rhythm_and_its_topic() -> None:
    assert find_recipients("Sở Y tế tổng hợp, báo cáo UBND tỉnh hằng ngày về tình hình dịch.") == [
        "UBND tỉnh"
    ]
    assert find_recipients("Các xã báo cáo Ban Chỉ đạo huyện về kết quả kiểm tra.") == [
        "Ban Chỉ đạo huyện"
    ]
    assert find_recipients(
        "Các đơn vị gửi báo cáo về Trung tâm Dịch vụ việc làm tỉnh trước ngày 10/10/2025."
    ) == ["Trung tâm Dịch vụ việc làm tỉnh"]


def test_a_prompt_report_every_day_is_periodic_not_ad_hoc() -> None:
    assert _kinds(
        "Hàng ngày, cơ quan thuế tổng hợp và báo cáo kịp thời đến Tổng cục Thuế kết quả thu ngân "
        "sách."
    ) == [(DutyKind.PERIODIC_UNDATED, None)]
    assert _kinds("Các xã báo cáo kịp thời về UBND huyện những vụ việc phát sinh.") == [
        (DutyKind.AD_HOC, None)
    ]


# --- articles of a decision and the forms of reporting regulations ------------------------------


def test_an_article_heads_its_clauses_and_points() -> None:
    plan = parse_structure(
        "\n".join(
            [
                "Điều 5. Báo cáo công tác văn thư",
                "1. Tên báo cáo: Báo cáo công tác văn thư.",
                "Điều 6. Báo cáo cải cách hành chính",
                "a) Tên báo cáo: Báo cáo cải cách hành chính.",
            ]
        )
    )
    refs = [(s.ref, s.heading) for s in plan.sections if s.ref]
    assert refs == [
        ("Điều 5", "Báo cáo công tác văn thư"),
        ("Điều 5.1", "Tên báo cáo: Báo cáo công tác văn thư."),
        ("Điều 6", "Báo cáo cải cách hành chính"),
        ("Điều 6.a", "Tên báo cáo: Báo cáo cải cách hành chính."),
    ]


def test_an_article_on_carrying_out_leaves_the_other_articles_asking() -> None:
    assert _kinds(
        "Điều 2. Các Sở, ngành tổng hợp, báo cáo UBND tỉnh kết quả thực hiện.",
        "Điều 3. Tổ chức thực hiện",
        "Chánh Văn phòng UBND tỉnh, Giám đốc các Sở chịu trách nhiệm thi hành Quyết định này.",
    ) == [(DutyKind.ONE_OFF, None)]


def test_a_time_counted_from_the_cut_off_asks_and_the_cut_off_alone_does_not() -> None:
    assert is_duty(
        "Báo cáo phải được gửi Bộ Tư pháp chậm nhất là 20 ngày kể từ ngày chốt số liệu.",
        review_only=False,
    )
    assert not is_duty(
        "Thời gian chốt số liệu báo cáo được tính từ ngày 15 tháng trước đến ngày 14 tháng báo "
        "cáo.",
        review_only=False,
    )


def test_frequencies_listed_first_take_the_time_counted_after_them() -> None:
    found = _read(
        "Theo đó, kỳ báo cáo và thời điểm gửi báo cáo được thực hiện như sau:",
        "- Báo cáo về xử lý vi phạm hành chính",
        "+ Kỳ báo cáo: Định kỳ 06 tháng và hàng năm.",
        "+ Báo cáo phải được gửi Bộ Tư pháp chậm nhất là 20 ngày kể từ ngày chốt số liệu.",
    )
    assert found == [
        (DutyKind.SEMIANNUAL, None, "Bộ Tư pháp"),
        (DutyKind.ANNUAL, None, "Bộ Tư pháp"),
    ]


def test_a_report_not_made_as_it_should_be_is_a_sanctions_condition() -> None:
    assert not is_duty(
        "Trường hợp doanh nghiệp không thực hiện nghiêm túc việc báo cáo định kỳ hàng năm thì Sở "
        "xem xét không gia hạn giấy phép.",
        review_only=False,
    )


def test_a_reports_form_names_who_reports_and_who_receives() -> None:
    draft = extract_plan(
        "\n".join(
            [
                "Điều 6. Báo cáo kết quả cải cách hành chính",
                "a) Đối tượng thực hiện báo cáo: Các sở, ban, ngành; Ủy ban nhân dân cấp huyện.",
                "b) Cơ quan nhận báo cáo: Ủy ban nhân dân tỉnh (qua Sở Nội vụ).",
                "c) Thời hạn gửi báo cáo: Trước ngày 10 tháng 12 hằng năm.",
                "d) Tần suất thực hiện báo cáo: Định kỳ hằng năm.",
                "Điều 7. Báo cáo thống kê",
                "- Thời hạn gửi báo cáo: Trước ngày 15 tháng cuối quý hằng quý.",
            ]
        ),
        [],
        source="t",
    )
    found = [
        (
            o.kind,
            o.due,
            o.recipient.written if o.recipient else None,
            o.via.written if o.via else None,
            [u.written for u in o.responsible],
        )
        for o in draft.obligations
    ]
    assert found == [
        (
            DutyKind.ANNUAL,
            "12-10",
            "Ủy ban nhân dân tỉnh",
            "Sở Nội vụ",
            ["Các sở, ban, ngành", "Ủy ban nhân dân cấp huyện"],
        ),
        (DutyKind.QUARTERLY, "Trước ngày 15 tháng cuối quý", None, None, []),
    ]


# --- party cells, ministries' letters and news of requests -------------------------------------


def test_what_was_done_to_the_forms_does_not_tell_the_report_made() -> None:
    assert is_duty(
        "Các chi bộ thực hiện theo các biểu mẫu đã hướng dẫn và gửi báo cáo về Đảng ủy trước ngày "
        "15/10/2018.",
        review_only=False,
    )


def test_who_asks_for_a_report_is_not_who_makes_it() -> None:
    assert find_responsible("Thủ tướng yêu cầu báo cáo về công tác phòng, chống tham nhũng.") == []
    assert find_responsible("Các Sở gửi báo cáo về UBND tỉnh trước ngày 10/10/2025.") == ["Các Sở"]
    assert find_responsible("Ban Báo cáo viên Tỉnh ủy báo cáo Thường trực Tỉnh ủy.") == [
        "Ban Báo cáo viên Tỉnh ủy"
    ]
    assert find_responsible("Ban Tôn giáo báo cáo UBND tỉnh trước ngày 10/10/2025.") == [
        "Ban Tôn giáo"
    ]
    assert find_responsible("Ban Chỉ đạo báo cáo UBND tỉnh trước ngày 10/10/2025.") == [
        "Ban Chỉ đạo"
    ]


def test_units_that_need_to_report_are_asked() -> None:
    assert is_duty(
        "Theo đó, cơ quan quản lý du lịch ở địa phương cần rà soát, thống kê và báo cáo tổng số "
        "khách nước ngoài đang lưu trú.",
        review_only=False,
    )
    assert not is_duty(
        "Các bộ căn cứ vào yêu cầu quản lý của ngành và báo cáo tình hình thực hiện.",
        review_only=False,
    )


def test_an_authors_initials_are_no_roman_heading() -> None:
    plan = parse_structure(
        "Tổng cục Du lịch vừa có văn bản gửi các tỉnh.\n"
        "Theo đó, các Sở Du lịch cần báo cáo tổng số khách nước ngoài đang lưu trú.\n"
        "V.V.T"
    )
    assert [s.ref for s in plan.sections] == [""]
    assert len(find_duties(plan)) == 1


def test_to_prevent_is_no_office() -> None:
    assert find_recipients("Các đơn vị báo cáo về phòng, chống dịch bệnh trên địa bàn.") == []
    assert find_recipients("Các trường báo cáo về Phòng Giáo dục và Đào tạo.") == [
        "Phòng Giáo dục và Đào tạo"
    ]


def test_a_letter_sent_about_a_report_names_its_topic() -> None:
    assert not is_duty(
        "Ngày 28/11/2023, Bộ Lao động – Thương binh và Xã hội có Văn bản số 5109/BLĐTBXH- PCTNXH "
        "gửi các Bộ, ngành, đoàn thể; Uỷ ban nhân dân các tỉnh về báo cáo công tác phòng, chống "
        "mại dâm năm 2023.",
        review_only=False,
    )


def test_a_request_dated_by_the_next_line_is_one_duty_of_the_units_asked() -> None:
    draft = extract_plan(
        "\n".join(
            [
                "Theo đó, để có cơ sở báo cáo Ủy ban Quốc gia phòng, chống AIDS, ma túy, mại dâm, "
                "Bộ Lao động - Thương binh và Xã hội đề nghị:",
                "Các Bộ, ngành và Ủy ban nhân dân các tỉnh báo cáo tổng kết công tác phòng, chống "
                "mại dâm năm 2023.",
                "Báo cáo gửi về Bộ Lao động - Thương binh và Xã hội trước ngày 20/12/2023.",
            ]
        ),
        [],
        source="t",
    )
    found = [
        (o.kind, o.due, [u.written for u in o.responsible], o.recipient and o.recipient.written)
        for o in draft.obligations
    ]
    assert found == [
        (
            DutyKind.ONE_OFF,
            "2023-12-20",
            ["Các Bộ, ngành", "Ủy ban nhân dân các tỉnh"],
            "Bộ Lao động - Thương binh và Xã hội",
        )
    ]


def test_a_duty_that_goes_on_recurs() -> None:
    assert _kinds(
        "Đồng thời chỉ đạo Sở Y tế vẫn thực hiện đầy đủ trách nhiệm thống kê, báo cáo gửi về Bộ Y "
        "tế theo các văn bản hướng dẫn."
    ) == [(DutyKind.PERIODIC_UNDATED, None)]
    assert _kinds("Các xã tiếp tục báo cáo UBND huyện tình hình dịch bệnh trên đàn gia súc.") == [
        (DutyKind.PERIODIC_UNDATED, None)
    ]


def test_an_incident_report_after_a_rhythm_keeps_its_own_kind_and_office() -> None:
    assert _read(
        "Định kỳ 6 tháng và hằng năm, các huyện báo cáo UBND tỉnh kết quả thực hiện.",
        "Trường hợp phát sinh dịch bệnh, các huyện báo cáo trong thời hạn 03 ngày kể từ ngày phát "
        "hiện.",
    ) == [
        (DutyKind.SEMIANNUAL, None, "UBND tỉnh"),
        (DutyKind.ANNUAL, None, "UBND tỉnh"),
        # the same units' report without an office goes where their others go (with a warning)
        (DutyKind.AD_HOC, None, "UBND tỉnh"),
    ]
    assert _read(
        "Định kỳ 6 tháng và hằng năm, các huyện báo cáo UBND tỉnh kết quả thực hiện.",
        "Các huyện gửi báo cáo về Sở Y tế trong thời hạn 10 ngày kể từ ngày kết thúc đợt kiểm tra.",
    ) == [
        (DutyKind.SEMIANNUAL, None, "UBND tỉnh"),
        (DutyKind.ANNUAL, None, "UBND tỉnh"),
        (DutyKind.ONE_OFF, None, "Sở Y tế"),
    ]


def test_a_time_line_that_is_no_sentence_times_the_frequencies_above_it() -> None:
    lines = (
        "- Báo cáo về xử lý vi phạm hành chính gửi Bộ Tư pháp",
        "+ Kỳ báo cáo: Định kỳ 06 tháng và hàng năm.",
        "+ Thời hạn: chậm nhất là 20 ngày kể từ ngày chốt số liệu.",
    )
    assert _read(*lines) == [
        (DutyKind.SEMIANNUAL, None, "Bộ Tư pháp"),
        (DutyKind.ANNUAL, None, "Bộ Tư pháp"),
    ]
    draft = extract_plan("\n".join(lines), [], source="t")
    assert [o.quote for o in draft.obligations] == [
        "+ Thời hạn: chậm nhất là 20 ngày kể từ ngày chốt số liệu."
    ] * 2


def test_need_and_must_that_ask_nothing() -> None:
    for sentence in (
        "Theo đó, các đơn vị không cần báo cáo lại nội dung này.",
        "Theo đó, các nội dung cần báo cáo tập trung vào kết quả thực hiện.",
        "Theo đó, số ca mắc mới cần được báo cáo đầy đủ.",
        "Theo đó, hội nghị cần đánh giá và báo cáo tình hình thực hiện.",
        "Theo đó, các đơn vị cần chuẩn bị tốt nội dung để báo cáo tại hội nghị.",
    ):
        assert not is_duty(sentence, review_only=False), sentence


def test_a_report_already_made_stays_told() -> None:
    for sentence in (
        "Như Sở Y tế đã báo cáo UBND tỉnh ngày 10/10/2025, toàn tỉnh có 20 ca mắc.",
        "Như vậy UBND huyện đã gửi báo cáo về Sở trước ngày 10/10/2025.",
        "Thực hiện theo hướng dẫn các xã đã gửi báo cáo về UBND huyện trước ngày 10/10/2025.",
    ):
        assert not is_duty(sentence, review_only=False), sentence


def test_a_consultant_and_a_daily_patrol_set_no_rhythm_of_the_report() -> None:
    assert _kinds("Đơn vị tư vấn thực hiện khảo sát, báo cáo Sở Xây dựng kết quả.") == [
        (DutyKind.ONE_OFF, None)
    ]
    assert _kinds(
        "Lực lượng công an tuần tra hàng ngày, khi phát hiện vụ việc phải báo cáo kịp thời về UBND "
        "huyện."
    ) == [(DutyKind.AD_HOC, None)]


def test_a_committee_named_for_its_content_keeps_its_name() -> None:
    assert find_recipients(
        "Các đơn vị gửi báo cáo về Tiểu ban Nội dung trước ngày 10/10/2025."
    ) == ["Tiểu ban Nội dung"]


def test_each_report_takes_its_own_form() -> None:
    draft = extract_plan(
        "\n".join(
            [
                "II. CHẾ ĐỘ BÁO CÁO",
                "1. Báo cáo của cấp xã",
                "a) Đơn vị gửi báo cáo: UBND cấp xã.",
                "b) Cơ quan nhận báo cáo: UBND cấp huyện.",
                "c) Thời hạn gửi báo cáo: Trước ngày 10 tháng 12 hằng năm.",
                "2. Báo cáo của cấp huyện",
                "a) Đơn vị gửi báo cáo: UBND cấp huyện.",
                "b) Cơ quan nhận báo cáo: UBND tỉnh (qua Sở Nội vụ).",
                "c) Thời hạn gửi báo cáo: Trước ngày 20 tháng 12 hằng năm.",
            ]
        ),
        [],
        source="t",
    )
    found = [
        (
            o.due,
            [u.written for u in o.responsible],
            o.recipient and o.recipient.written,
            o.via and o.via.written,
        )
        for o in draft.obligations
    ]
    assert found == [
        ("12-10", ["UBND cấp xã"], "UBND cấp huyện", None),
        ("12-20", ["UBND cấp huyện"], "UBND tỉnh", "Sở Nội vụ"),
    ]


def test_a_plan_issued_after_the_articles_has_its_own_parts() -> None:
    assert _kinds(
        "QUYẾT ĐỊNH",
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm tra.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "KẾ HOẠCH",
        "1. Nội dung kiểm tra",
        "Kiểm tra việc thực hiện chế độ báo cáo thống kê hằng quý của các xã.",
        "2. Tổ chức thực hiện",
        "Phòng Nội vụ tổng hợp, báo cáo UBND huyện trước ngày 15/12/2025.",
    ) == [(DutyKind.ONE_OFF, "2025-12-15")]


def test_the_transport_department_reports() -> None:
    assert is_duty(
        "Sở Giao thông vận tải báo cáo UBND tỉnh trước ngày 10/10/2025.", review_only=False
    )
    assert not is_duty("Kết quả được Bộ đánh giá cao tại báo cáo tổng kết.", review_only=False)


def test_an_ellipsis_ends_a_sentence_even_without_a_space() -> None:
    text = (
        "Ủy ban đã lập Tiểu ban tổng hợp báo cáo…Ngày 12/3/2021, các ấp hoàn thành giới thiệu "
        "người ứng cử."
    )
    assert split_sentences(text) == [
        "Ủy ban đã lập Tiểu ban tổng hợp báo cáo…",
        "Ngày 12/3/2021, các ấp hoàn thành giới thiệu người ứng cử.",
    ]
    assert _duties(text) == []
    assert split_sentences("Các Sở: Y tế, Xây dựng… báo cáo UBND tỉnh.") == [
        "Các Sở: Y tế, Xây dựng… báo cáo UBND tỉnh."
    ]
    listed = "Các sở: Y tế, Tài chính… UBND các huyện báo cáo kết quả về UBND tỉnh."
    assert split_sentences(listed) == [listed]


def test_a_headline_that_the_body_asks_again_is_one_duty() -> None:
    lines = [
        "Hồi âm",
        "Đề nghị UBND huyện Lắk báo cáo UBND tỉnh, trả lời báo chí",
        "Thứ Sáu, 02/11/2018",
        "Sở Thông tin và Truyền thông có văn bản nêu: Đề nghị UBND huyện Lắk có báo cáo bằng văn "
        "bản gửi UBND tỉnh để phản hồi thông tin cho báo chí.",
    ]
    (duty,) = extract_plan("\n".join(lines), []).obligations
    assert duty.quote.startswith("Sở Thông tin")
    assert [u.written for u in duty.responsible] == ["UBND huyện Lắk"]
    # lines of a list, each a report of its own, and a headline of another report, stay
    items = [
        "Các trường báo cáo danh sách học sinh khuyết tật về Phòng Giáo dục và Đào tạo",
        "Các trường báo cáo kết quả kiểm định chất lượng về Phòng Giáo dục và Đào tạo.",
        "Các trường báo cáo kết quả thi đua về Phòng Giáo dục và Đào tạo.",
    ]
    assert len(extract_plan("\n".join(items), []).obligations) == 3
    other = [lines[1], lines[2], "Sở Y tế báo cáo Bộ Y tế."]
    assert len(extract_plan("\n".join(other), []).obligations) == 2
    # a first line that is a sentence is the text's own request, not a headline
    sentence_first = [lines[1] + ".", lines[2], lines[3]]
    assert len(extract_plan("\n".join(sentence_first), []).obligations) == 2
    both = (
        "Trước ngày 25-10, UBND các huyện phải báo cáo sơ bộ kết quả về Sở và trước ngày 16-11 "
        "phải báo cáo chính thức kết quả về Sở."
    )
    assert len(extract_plan(both, []).obligations) == 2
    assert find_responsible("Trung tâm Nông nghiệp hữu cơ báo cáo Sở Nông nghiệp.") == [
        "Trung tâm Nông nghiệp hữu cơ"
    ]


def test_the_office_that_gathers_the_reports_receives_them() -> None:
    assert find_recipients(
        "Bộ Tư pháp đề nghị Sở Tư pháp các tỉnh báo cáo kết quả thực hiện Đề án (có đề cương gửi "
        "kèm) để Bộ Tư pháp tổng hợp gửi Bộ Lao động – Thương binh và Xã hội."
    ) == ["Bộ Tư pháp"]
    assert find_recipients(
        "Các Sở báo cáo kết quả về Sở Nội vụ để Văn phòng tổng hợp, báo cáo UBND tỉnh."
    ) == ["Sở Nội vụ"]
    assert find_recipients(
        "Sở Tài chính chủ trì, phối hợp với các sở, ngành để Sở Tài chính tổng hợp số liệu, báo "
        "cáo UBND tỉnh trước ngày 10/12/2025."
    ) == ["UBND tỉnh"]
    assert find_recipients(
        "Để Văn phòng UBND tỉnh tổng hợp, báo cáo Chủ tịch UBND tỉnh, đề nghị các sở, ngành gửi "
        "báo cáo về Sở Kế hoạch và Đầu tư trước ngày 10/12/2025."
    ) == ["Sở Kế hoạch và Đầu tư"]


def test_a_closing_call_to_report_in_time_is_the_dated_request() -> None:
    draft = extract_plan(
        "Chủ tịch UBND tỉnh giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành liên "
        "quan xây dựng dự thảo Báo cáo, báo cáo UBND tỉnh trước ngày 05/01/2022.\n"
        "Giám đốc Sở Kế hoạch và Đầu tư và thủ trưởng các sở, ngành liên quan phối hợp triển khai "
        "thực hiện, gửi báo cáo đảm bảo chất lượng và đúng thời gian quy định.",
        [],
    )
    assert [(o.kind, o.due) for o in draft.obligations] == [(DutyKind.ONE_OFF, "2022-01-05")]
    other = extract_plan(
        "Sở Tài chính báo cáo UBND tỉnh kết quả quyết toán ngân sách trước ngày 15/01/2026.\n"
        "Sở Tài chính, Sở Nội vụ và UBND các huyện gửi báo cáo tình hình biên chế về UBND tỉnh "
        "theo đúng thời hạn quy định.",
        [],
    )
    assert len(other.obligations) == 2


def test_data_periods_counted_from_the_start_of_a_day_set_no_report() -> None:
    lines = (
        "Theo Khoản 7 Điều 30 Thông tư 58/2021/TT-BTC quy định về báo cáo định kỳ như sau:",
        "Thời gian chốt số liệu báo cáo đối với báo cáo định kỳ như sau:",
        "a) Kỳ báo cáo năm là 12 tháng, tính từ đầu ngày 01 tháng 01 đến hết ngày 31 tháng 12 năm "
        "dương lịch;",
        "b) Kỳ báo cáo quý là 03 tháng, tính từ đầu ngày 01 tháng đầu quý đến hết ngày cuối cùng "
        "của tháng cuối quý.",
    )
    assert extract_plan("\n".join(lines), []).obligations == ()
    (mention, _) = find_deadlines("tính từ đầu ngày 01 tháng 01 đến hết ngày 31 tháng 12")
    assert mention.not_a_deadline
    assert all(
        m.not_a_deadline
        for m in find_deadlines(
            "Kỳ báo cáo tính từ 00 giờ 00 ngày 01/01/2025 đến hết ngày 31/12/2025."
        )
    )
    (sent,) = find_deadlines("Các huyện báo cáo UBND tỉnh trước ngày 10/12/2025.")
    assert not sent.not_a_deadline


def test_the_opening_of_a_quoted_rule_asks_nothing_itself() -> None:
    assert not is_duty(
        "Theo Khoản 7 Điều 30 Thông tư 58/2021/TT-BTC quy định về báo cáo định kỳ như sau:",
        review_only=False,
    )
    assert is_duty(
        "Theo Thông tư 58/2021/TT-BTC, công ty báo cáo định kỳ hằng quý cho Ủy ban Chứng khoán.",
        review_only=False,
    )
    for opening in (
        "Theo khoản 7, Điều 30 Thông tư 58/2021/TT-BTC quy định về báo cáo định kỳ như sau:",
        "Theo quy định tại Khoản 7 Điều 30 Thông tư 58/2021/TT-BTC quy định như sau:",
        "Khoản 7 Điều 30 Thông tư 58/2021/TT-BTC quy định về báo cáo định kỳ như sau:",
    ):
        assert not is_duty(opening, review_only=False), opening
    assert is_duty(
        "Theo Thông tư 58/2021/TT-BTC quy định, các công ty đại chúng báo cáo định kỳ cho Ủy ban "
        "Chứng khoán Nhà nước như sau:",
        review_only=False,
    )


def test_a_named_periods_report_takes_the_day_of_the_month_after_it() -> None:
    assert _kinds(
        "đ) Báo cáo 6 tháng: các đơn vị báo cáo gửi báo cáo chậm nhất vào ngày 20 của tháng tiếp "
        "theo ngay sau kỳ báo cáo;"
    ) == [(DutyKind.SEMIANNUAL, None)]
    assert _kinds(
        "e) Báo cáo năm: các đơn vị báo cáo gửi báo cáo chậm nhất vào ngày 20 của tháng đầu năm "
        "tiếp theo ngay sau kỳ báo cáo."
    ) == [(DutyKind.ANNUAL, "01-20")]
    assert [
        kind
        for kind, _ in _kinds(
            "Các đơn vị báo cáo hằng tháng và hằng quý trước ngày 10 của tháng tiếp theo."
        )
    ] == [DutyKind.MONTHLY, DutyKind.QUARTERLY]
    assert [
        r.kind
        for r in find_recurrences(
            "Các xã báo cáo tiến độ thu ngân sách trước ngày 05 của tháng sau, báo cáo quý trước "
            "ngày 15 của tháng đầu quý sau."
        )
    ] == [DutyKind.MONTHLY, DutyKind.QUARTERLY]
    assert [
        r.kind
        for r in find_recurrences(
            "Các đơn vị gửi báo cáo quý về Sở Tài chính, báo cáo tiến độ trước ngày 10 của tháng "
            "tiếp theo."
        )
    ] == [DutyKind.QUARTERLY, DutyKind.MONTHLY]
    (school,) = find_deadlines(
        "Các trường gửi báo cáo về Phòng Giáo dục trước ngày 15 của tháng đầu năm học."
    )
    assert school.month is None


def test_a_case_of_the_time_rule_and_what_is_said_above_are_no_incident() -> None:
    assert DutyKind.AD_HOC not in [
        kind
        for kind, _ in _kinds(
            "g) Trường hợp thời hạn gửi báo cáo khác với các quy định nêu trên thì các đơn vị báo "
            "cáo thực hiện theo quy định cụ thể trên mẫu biểu báo cáo."
        )
    ]
    assert DutyKind.AD_HOC not in [
        kind
        for kind, _ in _kinds(
            "Trường hợp thời hạn gửi báo cáo trùng ngày nghỉ, các đơn vị gửi báo cáo về Sở Tài "
            "chính vào ngày làm việc tiếp theo."
        )
    ]
    assert _kinds(
        "Các xã thực hiện các nội dung nêu trên thì báo cáo UBND huyện trước ngày 10/10/2025."
    ) == [(DutyKind.ONE_OFF, "2025-10-10")]
    assert _kinds("Trường hợp có dịch bệnh phát sinh thì các xã báo cáo ngay về UBND huyện.") == [
        (DutyKind.AD_HOC, None)
    ]
    for incident in (
        "Trường hợp kỳ thi xảy ra sự cố bất thường, Chủ tịch Hội đồng thi báo cáo ngay về Sở.",
        "Trường hợp thời gian xảy ra thiên tai kéo dài, UBND các xã báo cáo về UBND huyện.",
    ):
        assert [r.kind for r in find_recurrences(incident)] == [DutyKind.AD_HOC], incident
    assert DutyKind.AD_HOC not in [
        r.kind
        for r in find_recurrences(
            "Trường hợp ngày gửi báo cáo trùng với ngày nghỉ lễ, các đơn vị gửi báo cáo vào ngày "
            "làm việc tiếp theo."
        )
    ]
    assert [
        r.kind
        for r in find_recurrences(
            "Đối với các nhiệm vụ nêu tại Mục II thì các đơn vị báo cáo về Sở trước ngày "
            "15/12/2025."
        )
    ] == [DutyKind.ONE_OFF]


def test_letters_sent_before_and_listed_ask_nothing() -> None:
    assert not is_duty(
        "Thực hiện chế độ báo cáo thống kê theo quy định, Bộ Xây dựng đã có các công văn: số "
        "210/BXD-KHTC về việc thực hiện chế độ báo cáo thống kê; số 1487/BXD-KHTC về việc báo "
        "cáo số liệu năm 2019 gửi Sở Xây dựng các tỉnh.",
        review_only=False,
    )
    assert is_duty(
        "Bộ Xây dựng đã có các công văn: số 210/BXD-KHTC đề nghị Sở Xây dựng các tỉnh báo cáo "
        "số liệu năm 2019 về Bộ.",
        review_only=False,
    )
    assert is_duty(
        "UBND các huyện đã có văn bản số 12/UBND báo cáo Sở Y tế; các xã còn lại báo cáo Sở Y tế "
        "trước ngày 15/7/2020.",
        review_only=False,
    )
    for told_then_asked in (
        "Bộ Xây dựng đã có văn bản số 210/BXD-KHTC, theo đó các Sở Xây dựng báo cáo định kỳ 6 "
        "tháng, hằng năm về Bộ Xây dựng.",
        "UBND tỉnh đã có công văn số 1234/UBND-VX nhưng đến nay một số huyện chưa báo cáo, các "
        "huyện này khẩn trương báo cáo UBND tỉnh.",
    ):
        assert is_duty(told_then_asked, review_only=False), told_then_asked


def test_the_rule_of_a_purpose_is_not_the_time_of_the_report() -> None:
    assert _kinds(
        "UBND tỉnh đề nghị Ủy ban MTTQ Việt Nam tỉnh tổng hợp, báo cáo Thường trực Tỉnh ủy về việc "
        "phân bổ nguồn vận động để hỗ trợ các địa phương thực hiện theo quy định."
    ) == [(DutyKind.ONE_OFF, None)]
    assert _kinds(
        "UBND tỉnh đề nghị các Sở tổng hợp, báo cáo UBND tỉnh kết quả thực hiện theo quy định."
    ) == [(DutyKind.PERIODIC_UNDATED, None)]
    assert _kinds(
        "Các huyện gửi báo cáo và đề nghị hỗ trợ kinh phí về Sở Tài chính theo quy định."
    ) == [(DutyKind.PERIODIC_UNDATED, None)]
    # the purpose's own report keeps the time: "… để tổng hợp, báo cáo Chính phủ theo quy định"
    assert _kinds(
        "Các Sở gửi báo cáo về Bộ Nội vụ để tổng hợp, báo cáo Chính phủ theo quy định."
    ) == [(DutyKind.PERIODIC_UNDATED, None)]


def test_a_report_in_the_making_is_told_and_units_at_work_are_asked() -> None:
    assert not is_duty("Sở Nội vụ đang tổng hợp báo cáo UBND tỉnh.", review_only=False)
    assert is_duty(
        "Các doanh nghiệp đang hoạt động báo cáo về Ban Quản lý trước ngày 10/10/2025.",
        review_only=False,
    )


def test_as_asked_opens_a_request_and_is_no_ad_hoc() -> None:
    assert _kinds(
        "Theo yêu cầu, các chi nhánh phải có văn bản báo cáo gửi về Ngân hàng Nhà nước chậm nhất "
        "ngày 20/9/2012."
    ) == [(DutyKind.ONE_OFF, "2012-09-20")]
    assert _kinds("Các chi nhánh báo cáo Ngân hàng Nhà nước theo yêu cầu.") == [
        (DutyKind.AD_HOC, None)
    ]


def test_every_end_of_month_is_monthly() -> None:
    for sentence in (
        "Mỗi cuối tháng, các địa phương báo cáo tình hình giải ngân gửi Sở Tài chính.",
        "Cuối mỗi tháng, các địa phương báo cáo tình hình giải ngân gửi Sở Tài chính.",
    ):
        assert [r.kind for r in find_recurrences(sentence)] == [DutyKind.MONTHLY], sentence


def test_a_letter_about_a_matter_sent_to_offices_is_its_address() -> None:
    assert (
        find_recipients(
            "Ngày 11-10-2017, UBND tỉnh đã có Công văn số 3615/VPUBND-VX về việc kiểm tra sự "
            "việc Báo nêu, gửi UBND thành phố Đồng Hới và huyện Bố Trạch."
        )
        == []
    )


def test_a_report_made_by_a_numbered_letter_is_told() -> None:
    assert not is_duty(
        "Sở Tài nguyên và Môi trường đã phối hợp với UBND xã tổ chức kiểm tra, xác minh thông tin "
        "và báo cáo UBND tỉnh bằng Văn bản số 989/STNMT-TTr ngày 01/6/2017.",
        review_only=False,
    )
    assert is_duty(
        "Sở Tài nguyên và Môi trường báo cáo UBND tỉnh bằng văn bản trước ngày 10/6/2017.",
        review_only=False,
    )


# --- from the batch 591–638: security, trade, justice, disasters, a Sở's own plans ---------------


def test_a_day_of_the_reporting_year_is_yearly() -> None:
    assert _kinds(
        "Các huyện gửi báo cáo Quý I về Văn phòng Ban An toàn giao thông tỉnh trước ngày 20 "
        "tháng 3 của năm báo cáo."
    ) == [(DutyKind.ANNUAL, "03-20")]
    # the end of a data period is no due day
    assert _kinds(
        "Báo cáo 6 tháng: số liệu tính từ ngày 15/12 năm trước đến ngày 14/6 của năm báo cáo, các "
        "huyện gửi về Sở Tài chính trước ngày 20/6."
    ) == [(DutyKind.SEMIANNUAL, ("06-20",))]


def test_when_it_happens_after_a_reports_heading_is_ad_hoc() -> None:
    assert _kinds(
        "1. Đối với Báo cáo tai nạn giao thông đặc biệt nghiêm trọng: khi xảy ra tai nạn giao "
        "thông đặc biệt nghiêm trọng, Ban An toàn giao thông các huyện phải báo cáo bằng phương "
        "thức nhanh nhất về Văn phòng Ban An toàn giao thông tỉnh."
    ) == [(DutyKind.AD_HOC, None)]
    # "khi có kết quả" after a heading's colon times the report; it does not make it ad hoc
    assert _kinds(
        "Báo cáo sơ kết: khi có kết quả sơ kết, UBND các huyện gửi báo cáo về Sở Nội vụ trước ngày "
        "20/6/2025."
    ) == [(DutyKind.ONE_OFF, "2025-06-20")]


def test_matters_for_the_higher_body_to_decide_are_reported_as_they_come() -> None:
    assert _kinds(
        "Giao Sở Công Thương xây dựng phương án đảm bảo nguồn cung hàng hóa; khẩn trương có văn "
        "bản tham mưu, báo cáo những vấn đề thuộc thẩm quyền của UBND tỉnh, Chủ tịch UBND tỉnh."
    ) == [(DutyKind.AD_HOC, None)]
    assert _kinds(
        "Các sở báo cáo kết quả xử lý các nội dung thuộc thẩm quyền của đơn vị về UBND tỉnh trước "
        "ngày 15/12/2025."
    ) == [(DutyKind.ONE_OFF, "2025-12-15")]
    assert _kinds(
        "Các sở báo cáo kết quả giải quyết các vấn đề thuộc thẩm quyền của UBND tỉnh trước ngày "
        "15/12/2025."
    ) == [(DutyKind.ONE_OFF, "2025-12-15")]
    assert _kinds(
        "Định kỳ hằng quý, các sở báo cáo các vấn đề thuộc thẩm quyền của mình về UBND tỉnh."
    ) == [(DutyKind.QUARTERLY, None)]


def test_as_regulated_after_an_approval_is_the_approvals_rule() -> None:
    assert _kinds(
        "Sở Văn hóa, Thể thao và Du lịch hoàn thiện Đề án, báo cáo Chủ tịch UBND tỉnh phê duyệt "
        "theo quy định."
    ) == [(DutyKind.ONE_OFF, None)]
    for sentence in (
        "Sở Văn hóa, Thể thao và Du lịch báo cáo Chủ tịch UBND tỉnh theo quy định.",
        "Sở Tài chính báo cáo Chủ tịch UBND tỉnh kết quả thực hiện Quyết định này theo quy định.",
        "Các đơn vị báo cáo Sở Xây dựng kết quả xem xét hồ sơ theo quy định.",
        "Sở Tài chính báo cáo UBND tỉnh kết quả thực hiện Quyết định 15/2023/QĐ-UBND theo quy định",
    ):
        assert _kinds(sentence) == [(DutyKind.PERIODIC_UNDATED, None)], sentence


def test_bao_ngay_is_a_report_sent_at_once() -> None:
    (duty,) = _duties("Các doanh nghiệp cần báo ngay cho Sở Công Thương khi có biến động giá.")
    assert (duty.kind, duty.responsible, duty.recipient) == (
        DutyKind.AD_HOC,
        ("Các doanh nghiệp",),
        "Sở Công Thương",
    )
    assert _kinds("Các đơn vị báo ngay cho Sở Công Thương tình hình giá cả.") == [
        (DutyKind.ONE_OFF, None)
    ]
    for sentence in (
        "Các xã thông báo ngay cho các hộ dân về lịch cắt điện.",
        "Đài Khí tượng Thủy văn tỉnh cảnh báo ngay cho người dân khi có mưa lớn.",
    ):
        assert _duties(sentence) == [], sentence
    # "báo cáo ngày 15/3/2025" is a date, not "at once"
    assert _kinds(
        "Sở Y tế tổng hợp, báo cáo ngày 15/3/2025 về UBND tỉnh khi có kết quả kiểm tra."
    ) == [(DutyKind.ONE_OFF, "2025-03-15")]
    # "cảnh báo ngay" (warn) is no verb of a subject: no "Sở Nông nghiệp cảnh"
    assert (
        find_responsible(
            "Sở Nông nghiệp cảnh báo ngay cho các xã và báo cáo UBND tỉnh trước ngày 5/3/2025."
        )
        == []
    )


def test_a_request_told_after_a_letter_sent_is_read() -> None:
    (duty,) = _duties(
        "Sở Công Thương vừa gửi công văn tới các đơn vị đầu mối yêu cầu báo cáo về tình hình chuẩn "
        "bị hàng Tết."
    )
    assert (duty.kind, duty.responsible, duty.recipient) == (
        DutyKind.ONE_OFF,
        ("các đơn vị đầu mối",),
        None,
    )
    (duty,) = _duties(
        "Sở Y tế vừa gửi thông báo tới các bệnh viện yêu cầu báo cáo số ca mắc trước ngày "
        "10/11/2025."
    )
    assert (duty.responsible, duty.recipient) == (("các bệnh viện",), None)


def test_on_finding_it_report_at_once_to_the_office_named() -> None:
    (duty,) = _duties(
        "Theo quy chế, thủ trưởng các đơn vị khi phát hiện biến động bất thường phải chủ động kiểm "
        "tra, báo cáo ngay với UBND quận."
    )
    assert (duty.kind, duty.responsible, duty.recipient) == (
        DutyKind.AD_HOC,
        ("các đơn vị",),
        "UBND quận",
    )
    assert find_responsible(
        "Đài Khí tượng Thủy văn tỉnh báo cáo kết quả về UBND tỉnh trước ngày 15/12/2025."
    ) == ["Đài Khí tượng Thủy văn tỉnh"]


def test_the_office_reported_to_at_once_is_the_recipient() -> None:
    assert find_recipients("Các đơn vị phải báo cáo ngay UBND quận khi phát hiện biến động.") == [
        "UBND quận"
    ]


def test_the_subject_of_a_letter_sent_before_asks_nothing_now() -> None:
    assert not is_duty(
        "Bộ Tư pháp đã có Công văn số 86/BTP-KHTC ngày 19 tháng 3 năm 2010 về việc yêu cầu các Cục "
        "Thi hành án dân sự tỉnh, thành phố gửi báo cáo khảo sát tình hình trụ sở.",
        review_only=False,
    )
    assert is_duty(
        "Bộ Tư pháp đã có Công văn số 86/BTP-KHTC về việc kiểm tra trụ sở, đề nghị các Cục Thi "
        "hành án dân sự gửi báo cáo về Bộ.",
        review_only=False,
    )
    # a subject that names the report itself, its number without "số", was asked then, not now;
    # a letter "vừa" sent to units is the news of the request itself
    assert not is_duty(
        "Ngày 31/3/2025, Thủ tướng Chính phủ đã ký Công điện 26/CĐ-TTg về việc khẩn trương "
        "rà soát, báo cáo các dự án đầu tư có khó khăn, vướng mắc.",
        review_only=False,
    )
    assert is_duty(
        "Bộ Tài chính vừa ban hành Công điện 26/CĐ-BTC về việc khẩn trương rà soát, báo cáo các "
        "dự án đầu tư có khó khăn, vướng mắc.",
        review_only=False,
    )
    # a letter's subject that proposes is still a letter told
    assert not is_duty(
        "Sở Tài chính có Công văn số 120/STC-QLNS về việc đề nghị bổ sung kinh phí gửi UBND tỉnh.",
        review_only=False,
    )


def test_a_report_not_sent_or_not_in_is_told() -> None:
    for sentence in (
        "Tuy nhiên, đến nay Sở Tài chính chưa có báo cáo về UBND tỉnh.",
        "Nếu quá thời hạn trên mà các đơn vị vẫn không gửi đủ báo cáo về Bộ theo yêu cầu, Bộ sẽ "
        "không đưa các đơn vị đó vào kế hoạch đầu tư.",
    ):
        assert not is_duty(sentence, review_only=False), sentence


def test_a_date_after_a_news_agencys_tag_opens_the_item() -> None:
    (mention,) = find_deadlines(
        "(SGGP).- Ngày 4-8, Cục Thi hành án dân sự vừa có công văn khẩn yêu cầu các Cục báo cáo "
        "về công tác thi hành án năm 2009."
    )
    assert mention.not_a_deadline


def test_problems_to_solve_are_work_problems_put_up_are_ad_hoc() -> None:
    assert _kinds(
        "Thành lập Tổ công tác về rà soát, tháo gỡ khó khăn, vướng mắc cho các dự án, báo cáo về "
        "cơ quan Thường trực Ban Chỉ đạo."
    ) == [(DutyKind.ONE_OFF, None)]
    assert _kinds(
        "Ban Chỉ đạo hướng dẫn kiểm tra, báo cáo, đề xuất Chủ tịch UBND tỉnh xem xét giải quyết "
        "các khó khăn, vướng mắc trong quá trình thực hiện."
    ) == [(DutyKind.AD_HOC, None)]
    for sentence in (
        "Các ngành báo cáo, đề xuất Chủ tịch UBND tỉnh xem xét, giải quyết các vướng mắc.",
        "Các sở báo cáo UBND tỉnh để giải quyết những khó khăn, vướng mắc phát sinh.",
    ):
        assert _kinds(sentence) == [(DutyKind.AD_HOC, None)], sentence


def test_kinds_of_report_listed_are_named_not_asked() -> None:
    assert not is_duty(
        "Cụ thể, các loại báo cáo định kỳ thuộc phạm vi quản lý của Bộ gồm: Báo cáo kết quả hoạt "
        "động quản lý Nhà nước tại địa phương; Báo cáo kết quả hoạt động của Khu công nghệ cao.",
        review_only=False,
    )
    assert _kinds(
        "Trách nhiệm của Phòng Tài chính - Kế hoạch gồm: báo cáo UBND huyện kết quả giải ngân "
        "trước ngày 20 hằng tháng."
    ) == [(DutyKind.MONTHLY, "trước ngày 20 hằng tháng")]


def test_the_addressees_of_a_letter_told_are_asked_by_its_request() -> None:
    for sentence, asked in (
        (
            "UBND tỉnh vừa có công văn gửi các sở, ngành đề nghị báo cáo kết quả thực hiện trước "
            "ngày 15/12/2025.",
            ("các sở, ngành",),
        ),
        (
            "Bộ Y tế có công văn gửi Sở Y tế các tỉnh yêu cầu báo cáo số ca mắc trước ngày "
            "10/11/2025.",
            ("Sở Y tế các tỉnh",),
        ),
        (
            "Bộ Y tế đã có Công văn số 12/BYT-KCB ngày 3/11/2025 gửi Sở Y tế các tỉnh yêu cầu báo "
            "cáo số ca mắc trước ngày 10/11/2025.",
            ("Sở Y tế các tỉnh",),
        ),
        (
            "Bộ Y tế đã có Công văn số 12/BYT-KCB, ngày 03 tháng 11 năm 2025, gửi Sở Y tế các tỉnh "
            "yêu cầu báo cáo số ca mắc trước ngày 10/11/2025.",
            ("Sở Y tế các tỉnh",),
        ),
        (
            "Bộ Y tế đã có Công văn số 12/BYT-KCB (ngày 3/11) gửi Sở Y tế các tỉnh yêu cầu báo cáo "
            "số ca mắc trước ngày 10/11/2025.",
            ("Sở Y tế các tỉnh",),
        ),
        # the request names its own units: they report, not the letter's addressees
        (
            "Bộ Y tế có công văn gửi UBND các tỉnh yêu cầu Sở Y tế báo cáo số ca mắc trước ngày "
            "10/11/2025.",
            ("Sở Y tế",),
        ),
        (
            "Bộ Y tế đã có Công văn số 12/BYT-KCB ngày 3/11/2025 gửi UBND các tỉnh yêu cầu Sở Y tế "
            "báo cáo số ca mắc trước ngày 10/11/2025.",
            ("Sở Y tế",),
        ),
    ):
        (duty,) = _duties(sentence)
        assert (duty.kind, duty.responsible) == (DutyKind.ONE_OFF, asked), sentence
    # a letter's number is no unit asked ("số" folds like "Sở")
    assert not any(
        name.startswith("số")
        for name in find_responsible(
            "Ngày 24/5/2017, UBND tỉnh ban hành Công văn số 1536/UBND-TH, yêu cầu báo cáo kết quả "
            "thực hiện ý kiến kiến nghị của cử tri."
        )
    )
    # a letter sent with no request asks nothing
    assert not is_duty(
        "UBND tỉnh vừa có công văn gửi các sở, ngành về việc báo cáo kết quả thực hiện.",
        review_only=False,
    )


def test_a_report_named_in_what_a_package_holds_asks_nothing() -> None:
    assert not is_duty(
        "Đến nay, Hạt Kiểm lâm các huyện Văn Yên, Trấn Yên chưa gửi Báo cáo tổng hợp số liệu về "
        "Chi cục Kiểm lâm theo quy định (bao gồm Báo cáo giải trình và các biểu tổng hợp theo "
        "Hướng dẫn số 248/HD-CCKL).",
        review_only=False,
    )


def test_a_news_items_request_is_the_same_as_its_dated_detail_below() -> None:
    assert _read(
        "Ngày 5/7/2021, Thanh tra Chính phủ có văn bản gửi các bộ ngành, UBND tỉnh, thành phố đề "
        "nghị báo cáo kết quả công tác giải quyết khiếu nại, tố cáo năm 2021.",
        "Theo đó, Thanh tra Chính phủ yêu cầu các bộ ngành, địa phương thực hiện báo cáo kết quả "
        "công tác giải quyết khiếu nại, tố cáo năm 2021, thời hạn gửi báo cáo trước ngày 5/8/2021.",
    ) == [(DutyKind.ONE_OFF, "2021-08-05", None)]
    # a request without a time after a dated one of other units is a duty of its own
    assert _read(
        "Các huyện báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2025.",
        "Đề nghị các trường, các bệnh viện báo cáo kết quả về Sở Nội vụ.",
    ) == [
        (DutyKind.ONE_OFF, "2025-12-15", "Sở Nội vụ"),
        (DutyKind.ONE_OFF, None, "Sở Nội vụ"),
    ]


def test_an_item_that_speaks_of_organising_the_work_is_not_the_organising_part() -> None:
    assert _kinds(
        "Kính gửi: Cục Thuế các tỉnh, thành phố trực thuộc Trung ương.",
        "1. Hoàn thành kế hoạch thanh tra, kiểm tra thuế còn tồn năm 2022 trước ngày 29/4/2023. "
        "Đồng thời, tổ chức thực hiện ngay kế hoạch thanh tra, kiểm tra thuế năm 2023.",
        "- Áp dụng nguyên tắc quản lý rủi ro trong thanh tra, kiểm tra thuế.",
        "2. Tăng cường công tác thanh tra, kiểm tra thuế đối với thương mại điện tử.",
        "Nếu có vướng mắc, đề nghị các Cục Thuế phản ánh về Tổng cục Thuế để kịp thời xử lý.",
    ) == [(DutyKind.AD_HOC, None)]


def test_a_head_before_a_colon_is_shared_only_when_it_is_bare() -> None:
    assert find_responsible(
        "Giám đốc các Sở: Y tế, Xây dựng báo cáo kết quả về UBND tỉnh trước ngày 20/12/2025."
    ) == ["Sở Y tế", "Sở Xây dựng"]
    # a named unit before the colon is the unit; what follows is what it says, not a unit
    assert find_responsible(
        "Bộ KHCN: Thời hạn gửi báo cáo định kỳ hằng năm chậm nhất là ngày 20/12."
    ) == ["Bộ KHCN"]
    assert find_responsible(
        "Giám đốc Sở Nông nghiệp & PTNT: Căn cứ số liệu của UBND các huyện gửi về, tổng hợp số "
        "liệu thiệt hại, báo cáo UBND tỉnh trước 15h ngày 01/02/2016."
    ) == ["Sở Nông nghiệp & PTNT"]
    assert find_responsible(
        "Sở Y tế: các bệnh viện báo cáo kết quả về Sở trước ngày 20/12/2025."
    ) == ["các bệnh viện"]


def test_a_letters_request_is_read_only_after_a_letter_and_a_request_for_a_report() -> None:
    # "Ban Chỉ đạo", "Sở Giáo dục", "nhiệm vụ được giao" hold no request
    for sentence, due in (
        (
            "Các đơn vị gửi Thường trực Ban Chỉ đạo kết quả thực hiện trước ngày 15/12/2025.",
            "2025-12-15",
        ),
        (
            "Các trường gửi Sở Giáo dục và Đào tạo kết quả tự đánh giá trước ngày 15/12/2025.",
            "2025-12-15",
        ),
        (
            "Các chủ đầu tư gửi tình hình giải ngân kế hoạch vốn được giao về Sở Kế hoạch và Đầu "
            "tư trước ngày 05 hằng tháng.",
            "trước ngày 05 hằng tháng",
        ),
        # no letter sent: the proposals are what is sent by the day
        (
            "Các đơn vị gửi đề nghị khen thưởng về Sở Nội vụ trước ngày 15/11/2025.",
            "2025-11-15",
        ),
    ):
        assert [(d.kind, d.due) for d in _duties(sentence)] == [
            (DutyKind.MONTHLY if "hằng tháng" in sentence else DutyKind.ONE_OFF, due)
        ], sentence
    for sentence in (
        "Bộ Giao thông vận tải đã ban hành Văn bản số 123/BGTVT-ATGT gửi Sở Giao thông vận tải "
        "các tỉnh và tổng hợp báo cáo Thủ tướng Chính phủ.",
        # a letter up asks for support, or for a report to be appraised: no report asked of it
        "UBND tỉnh có văn bản gửi Bộ Nông nghiệp và Phát triển nông thôn đề nghị hỗ trợ kinh phí, "
        "báo cáo thiệt hại do bão số 3.",
        "UBND huyện có công văn gửi Sở Tài nguyên và Môi trường đề nghị thẩm định báo cáo đánh giá "
        "tác động môi trường của dự án.",
    ):
        assert not _duties(sentence), sentence
    assert _subject_of(
        "UBND tỉnh vừa có công văn gửi các sở, ngành về việc triển khai Nghị định số "
        "12/2025/NĐ-CP, đề nghị báo cáo kết quả trước ngày 10/11/2025."
    ) == ("các sở, ngành",)
    assert _subject_of(
        "UBND tỉnh vừa có công văn gửi các sở, ngành đề nghị khẩn trương rà soát, báo cáo kết quả "
        "trước ngày 10/11/2025."
    ) == ("các sở, ngành",)
    assert _subject_of(
        "Sở Giáo dục và Đào tạo vừa gửi công văn đến các trường đề nghị báo cáo số học sinh trước "
        "ngày 10/11/2025."
    ) == ("các trường",)
    assert _subject_of(
        "UBND tỉnh có công văn gửi Sở Xây dựng đề nghị kiểm tra, xử lý theo thẩm quyền và giao "
        "UBND huyện Bình Chánh báo cáo kết quả về UBND tỉnh trước ngày 15/12/2025."
    ) == ("UBND huyện Bình Chánh",)


def test_a_report_of_the_work_listed_still_asks() -> None:
    assert _kinds(
        "Trách nhiệm của Phòng Tài chính - Kế hoạch bao gồm báo cáo UBND huyện kết quả giải ngân "
        "trước ngày 20 hằng tháng."
    ) == [(DutyKind.MONTHLY, "trước ngày 20 hằng tháng")]


def test_an_undated_request_on_other_work_is_not_the_dated_one_below() -> None:
    for first, second in (
        (
            "Giao Sở Y tế, Sở Giáo dục và Đào tạo báo cáo kết quả triển khai về UBND tỉnh.",
            "Sở Giáo dục và Đào tạo báo cáo UBND tỉnh kết quả tổ chức kỳ thi trước ngày 30/6/2025.",
        ),
        (
            "Các sở, ngành, UBND các huyện báo cáo kết quả thực hiện về Sở Nội vụ.",
            "UBND các huyện báo cáo kết quả rà soát hộ nghèo về Sở Nội vụ trước ngày 15/12/2025.",
        ),
    ):
        assert len(_read(first, second)) == 2, first


def test_a_long_organising_heading_still_organises() -> None:
    assert _kinds(
        "KẾ HOẠCH",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Nâng cao chất lượng cải cách hành chính.",
        "II. NHIỆM VỤ",
        "1. Các cơ quan thực hiện tốt chế độ thông tin, báo cáo định kỳ về cải cách hành chính.",
        "2. Rà soát thủ tục hành chính, báo cáo kết quả rà soát theo quy định.",
        "III. TỔ CHỨC THỰC HIỆN VÀ TRÁCH NHIỆM CỦA CÁC SỞ, BAN, NGÀNH, ĐỊA PHƯƠNG",
        "1. Sở Nội vụ theo dõi, đôn đốc, tổng hợp, báo cáo UBND tỉnh.",
        "2. Các sở, ban, ngành, UBND các huyện báo cáo kết quả thực hiện về Sở Nội vụ trước ngày "
        "15/12/2025.",
    ) == [(DutyKind.PERIODIC_UNDATED, None), (DutyKind.ONE_OFF, "2025-12-15")]


def test_the_reporting_work_named_asks_nothing() -> None:
    for sentence in (
        "Phân công nhập dữ liệu vào phần mềm và phải có đầu mối theo dõi, đôn đốc, đảm bảo dữ "
        "liệu chính xác, kịp thời để phục vụ công tác báo cáo thường xuyên, định kỳ, đột xuất.",
        "Cục Thuế rà soát lại công. tác báo cáo tình hình tại đơn vị mình để khắc phục tồn tại.",
    ):
        assert not is_duty(sentence, review_only=False), sentence
    # the reporting work done, and a working group, still report
    for sentence in (
        "Các phòng thực hiện nghiêm công tác báo cáo định kỳ 6 tháng về UBND huyện.",
        "Các phòng thực hiện công tác báo cáo định kỳ 6 tháng về UBND huyện.",
        "Các phòng thực hiện tốt công tác báo cáo định kỳ 6 tháng về UBND huyện.",
        "Các phòng thực hiện nghiêm túc công tác báo cáo định kỳ 6 tháng về UBND huyện.",
        "Các đơn vị thực hiện đầy đủ công tác báo cáo định kỳ 6 tháng về Sở Nội vụ trước ngày "
        "15/6/2026.",
        "Các xã thực hiện đúng công tác báo cáo hằng tháng về UBND huyện trước ngày 25 hằng tháng.",
        "Các phòng chấp hành công tác báo cáo định kỳ hằng quý về UBND huyện.",
        "Tổ công tác báo cáo Ban Chỉ đạo tình hình thực hiện hằng tuần.",
        "Đoàn công tác báo cáo Ban Chỉ đạo kết quả kiểm tra hằng tuần.",
    ):
        assert is_duty(sentence, review_only=False), sentence


def test_units_before_a_verb_no_unit_is_named_by_are_the_subject() -> None:
    assert find_responsible(
        "Các Sở thực hiện nghiêm chế độ báo cáo định kỳ 6 tháng về UBND tỉnh."
    ) == ["Các Sở"]
    assert find_responsible(
        "Đề nghị các Sở nghiêm túc thực hiện chế độ báo cáo, gửi về Bộ Xây dựng."
    ) == ["các Sở"]
    # a unit named by a word that is a verb elsewhere stays whole
    assert find_responsible("Sở Xây dựng báo cáo UBND tỉnh kết quả hằng quý.") == ["Sở Xây dựng"]


def test_cases_of_a_kind_put_to_the_higher_office_are_ad_hoc() -> None:
    assert _kinds(
        "Đối với các doanh nghiệp chịu ảnh hưởng của dịch bệnh (nhà hàng, khách sạn,...) thì "
        "chưa thực hiện thanh tra và xem xét phân tích rủi ro báo cáo cơ quan thuế cấp trên để "
        "thực hiện điều chỉnh kế hoạch theo quy định."
    ) == [(DutyKind.AD_HOC, None)]
    # a time given only by reference to a rule is no time of its own (as scanned: "bao cáo")
    assert _kinds(
        "Đối với các doanh nghiệp chịu ảnh hưởng của dịch bệnh thì chưa thực hiện thanh tra, kiểm "
        "tra và xem xét phân tích rủi ro bao cáo cơ quan thuế cấp trên dé thực hiện điều chỉnh kế "
        "hoạch theo quy định."
    ) == [(DutyKind.AD_HOC, None)]
    # units named after "Đối với" are no cases
    assert _kinds(
        "Đối với các Sở, ngành có liên quan thì báo cáo kết quả về UBND tỉnh theo quy định."
    ) == [(DutyKind.PERIODIC_UNDATED, None)]


def test_an_earlier_letters_words_quoted_ask_nothing_now() -> None:
    cited = (
        "Ngày 12/3/2020 Tổng cục Thuế đã ban hành Công văn số 1046/TCT-TTKT, trong đó yêu cầu "
        "các Cục Thuế triển khai thực hiện:"
    )
    words = "“Các Cục Thuế báo cáo kết quả về Tổng cục Thuế hằng quý.”"
    assert _kinds(cited, words) == []
    # the same words as the new text of an amendment ask
    assert _kinds("Sửa đổi khoản 2 Mục III như sau:", words) == [(DutyKind.QUARTERLY, None)]


def test_a_list_sent_by_a_day_is_a_report() -> None:
    assert _kinds(
        "Đề nghị các chi bộ rà soát và gửi danh sách đăng ký mô hình về Ban Thường trực Đảng ủy "
        "trước ngày 25/10/2026."
    ) == [(DutyKind.ONE_OFF, "2026-10-25")]
    # without a day a list is papers handed in, as a file ("hồ sơ") is even with one
    assert _kinds("Các chi bộ gửi danh sách đăng ký mô hình về Ban Thường trực Đảng ủy.") == []
    assert _kinds("Các hộ gia đình nộp hồ sơ về UBND xã trước ngày 25/10/2026.") == []


def test_papers_sent_far_from_their_office_are_still_sent() -> None:
    assert _kinds(
        "+ Gửi danh sách kế hoạch thanh tra thuế năm 2024 theo Phụ lục 02, kế hoạch kiểm tra thuế "
        "tại trụ sở người nộp thuế năm 2024 của Cơ quan Cục Thuế theo Phụ lục 03 về Tổng cục Thuế "
        "(Cục Thanh tra - Kiểm tra thuế) chậm nhất vào ngày 05/12/2023;"
    ) == [(DutyKind.ONE_OFF, "2023-12-05")]


def test_the_day_after_a_plan_of_a_unit_is_the_deadline_not_the_plans_date() -> None:
    (mention,) = find_deadlines(
        "Gửi kế hoạch kiểm tra thuế của Cục Thuế về Tổng cục Thuế chậm nhất vào ngày 05/12/2023."
    )
    assert not mention.not_a_deadline
    (before,) = find_deadlines(
        "Gửi kế hoạch kiểm tra thuế của Cục Thuế về Tổng cục Thuế trước ngày 05/12/2023."
    )
    assert not before.not_a_deadline
    # a document of a unit dated so is another document's date
    (cited,) = find_deadlines("Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh ngày 05/12/2023.")
    assert cited.not_a_deadline


def test_asking_units_for_their_opinion_is_no_report() -> None:
    assert not is_duty(
        "Đơn vị chủ trì lấy ý kiến tham gia của các đơn vị thì lưu ý chỉ gửi lấy ý kiến tham gia "
        "về vướng mắc có liên quan đến chức năng của đơn vị được lấy ý kiến.",
        review_only=False,
    )


def test_requirements_on_a_matter_are_no_purposes_section() -> None:
    case = "+ Trường hợp có vướng mắc, cơ quan Thuế phải báo cáo cấp có thẩm quyền giải quyết."
    dated = "Các phòng báo cáo kết quả về Cục Thuế trước ngày 15/12/2023."
    assert _kinds("2. Yêu cầu về nội dung văn bản hướng dẫn:", case) == [(DutyKind.AD_HOC, None)]
    # in the plan's "Mục đích, yêu cầu" only a dated report is taken
    assert _kinds("I. MỤC ĐÍCH, YÊU CẦU", case, dated) == [(DutyKind.ONE_OFF, "2023-12-15")]


def test_a_case_opening_the_sentence_is_no_unit() -> None:
    assert find_responsible(
        "Trường hợp qua tự kiểm tra phát hiện văn bản có sai sót, Thủ trưởng các đơn vị có trách "
        "nhiệm báo cáo cấp có thẩm quyền phương án xử lý."
    ) == ["các đơn vị"]
    assert (
        find_responsible(
            "Trường hợp cần thiết báo cáo Thủ tướng Chính phủ cho phép sửa đổi, bổ sung một số "
            "đề án trong Phụ lục ban hành kèm theo Chương trình."
        )
        == []
    )
    # a school is a unit
    assert find_responsible("Trường Tiểu học Kim Đồng báo cáo kết quả về Phòng GD&ĐT.") == [
        "Trường Tiểu học Kim Đồng"
    ]


def test_the_copies_listed_under_a_scanned_noi_nhan_ask_nothing() -> None:
    assert (
        _kinds(
            "Yêu cầu BHXH các tỉnh thực hiện theo đúng quy định.",
            "Noi nhận: KT. TỔNG GIÁM ĐỐC",  # as scanned
            "- Như trên;",
            "- Văn phòng Chính phủ (để báo cáo Thủ tướng và Phó Thủ tướng);",
            "- Lưu: VT.",
        )
        == []
    )


def test_a_day_of_a_named_month_with_cua() -> None:
    assert _kinds(
        "Hàng năm, trước ngày mùng 10 của tháng 01, Cục Thuế các tỉnh tổ chức đánh giá và báo cáo "
        "kết quả phối hợp gửi Tổng cục Thuế."
    ) == [(DutyKind.ANNUAL, "01-10")]


def test_an_office_named_after_its_role_and_a_name_with_a_comma() -> None:
    assert (
        find_via(
            "Các Cục Thuế phản ánh về Tổng cục Thuế (thông qua đầu mối Vụ Quản lý thuế Doanh "
            "nghiệp nhỏ và vừa và Hộ kinh doanh, cá nhân) để được hướng dẫn."
        )
        == "Vụ Quản lý thuế Doanh nghiệp nhỏ và vừa và Hộ kinh doanh, cá nhân"
    )


def test_problems_put_to_a_social_insurance_office_are_ad_hoc() -> None:
    sentence = (
        "Trong quá trình thực hiện nếu có vướng mắc phản ánh về BHXH thành phố (qua Phòng Thu) để "
        "hướng dẫn giải quyết."
    )
    assert _read(sentence) == [(DutyKind.AD_HOC, None, "BHXH thành phố")]
    assert find_via(sentence) == "Phòng Thu"
    assert _kinds(
        "Nếu có vướng mắc, các Hạt Kiểm lâm phản ánh về Chi cục Kiểm lâm để hướng dẫn."
    ) == [(DutyKind.AD_HOC, None)]


def test_only_when_needed_before_the_report_is_ad_hoc() -> None:
    assert _read(
        "4. Trong quá trình tổ chức thực hiện, trường hợp cần thiết bổ sung, sửa đổi những nội "
        "dung cụ thể trong Chương trình hành động này, các đơn vị chủ động kiến nghị với Tổng cục "
        "Thuế để tổng hợp, báo cáo Bộ trưởng xem xét, quyết định."
    ) == [(DutyKind.AD_HOC, None, "Tổng cục Thuế")]
    # a proposal after the report leaves the report's own rhythm alone
    assert _kinds(
        "Định kỳ hằng năm, Bộ Khoa học và Công nghệ tổng hợp, báo cáo Thủ tướng Chính phủ, trường "
        "hợp cần thiết kiến nghị Thủ tướng Chính phủ điều chỉnh Đề án."
    ) == [(DutyKind.ANNUAL, None)]


def test_a_draft_put_up_to_be_issued_is_no_report() -> None:
    assert not is_duty(
        "4. Xây dựng, triển khai Đề án Hóa đơn điện tử, trong đó có việc báo cáo Lãnh đạo Bộ Tài "
        "chính để ban hành các Thông tư hướng dẫn Nghị định 119/2018/NĐ-CP.",
        review_only=False,
    )


def test_taxes_paid_to_an_office_are_no_report() -> None:
    assert not is_duty(
        "Doanh nghiệp nộp đủ các loại thuế GTGT, thuế TTĐB cho cơ quan hải quan trước ngày "
        "31/3/2025.",
        review_only=False,
    )
    # a report of a tax settlement handed in is a report
    assert is_duty(
        "Doanh nghiệp nộp báo cáo quyết toán thuế về Chi cục Thuế trước ngày 31/3/2025.",
        review_only=False,
    )


def test_what_happened_before_a_day_sets_no_deadline() -> None:
    (mention,) = find_deadlines(
        "Đối với tờ khai hải quan đã đăng ký trước ngày 01/4/2015 nhưng chưa báo cáo quyết toán "
        "thì thực hiện theo Điều 60."
    )
    assert mention.not_a_deadline
    (asked,) = find_deadlines("Các đơn vị đã được giao báo cáo trước ngày 01/4/2015.")
    assert not asked.not_a_deadline


def test_a_report_asked_of_no_one_is_no_duty() -> None:
    assert not is_duty(
        "Đối với doanh nghiệp chế xuất, cơ quan hải quan không yêu cầu doanh nghiệp nộp báo cáo "
        "quyết toán quý I năm 2015.",
        review_only=False,
    )


def test_a_report_item_done_by_a_day_is_sent_by_it() -> None:
    assert _kinds(
        "- Báo cáo tổng thể về tình hình thực hiện kết luận của Kiểm toán nhà nước gửi Lãnh đạo "
        "Tổng cục (hoàn thành trước 15/10/2024)."
    ) == [(DutyKind.ONE_OFF, "2024-10-15")]
    assert _kinds(
        "- Tiếp tục triển khai các đoàn kiểm tra nội bộ và báo cáo Tổng cục tiến độ thực hiện một "
        "cách kịp thời."
    ) == [(DutyKind.AD_HOC, None)]
    # work done by a day is the work's own deadline
    assert _kinds(
        "- Rà soát hồ sơ hoàn thuế (hoàn thành trước 15/10/2024), báo cáo kết quả về Tổng cục."
    ) == [(DutyKind.ONE_OFF, None)]


def test_the_form_a_report_takes_asks_nothing() -> None:
    assert not is_duty(
        "2. Báo cáo được thể hiện dưới hình thức văn bản và được gửi đến cơ quan nhận báo cáo bằng "
        "một trong các phương thức: trực tiếp hoặc dịch vụ bưu chính hoặc trực tuyến.",
        review_only=False,
    )
    assert is_duty(
        "2. Báo cáo được gửi về Sở Nội vụ trước ngày 15 tháng 12 hằng năm.", review_only=False
    )
    # the forms listed by their numbers
    assert not is_duty(
        "- Báo cáo kết quả sản xuất kinh doanh (Áp dụng cho các doanh nghiệp đã đi vào hoạt động): "
        "Biểu số 02 gửi Ban Quản lý Khu kinh tế hằng tháng.",
        review_only=False,
    )
    assert is_duty(
        "- Báo cáo kết quả sản xuất kinh doanh gửi Ban Quản lý Khu kinh tế hằng tháng (theo "
        "Biểu số 02).",
        review_only=False,
    )


# --- review: what the rules above must not take ------------------------------------------------


def test_a_board_named_by_a_verb_keeps_its_name() -> None:
    assert find_responsible(
        "Ban Phối hợp liên ngành báo cáo kết quả về UBND tỉnh trước ngày 15/12/2026."
    ) == ["Ban Phối hợp liên ngành"]
    assert find_responsible(
        "Ban Thực hiện Quy chế dân chủ ở cơ sở báo cáo UBND huyện hằng quý."
    ) == ["Ban Thực hiện Quy chế dân chủ ở cơ sở"]


def test_a_time_of_its_own_outweighs_an_occasion() -> None:
    assert _kinds(
        "Đối với các trường hợp đã được cấp phép thì UBND các huyện tổng hợp, báo cáo UBND tỉnh "
        "trước ngày 15/12/2026."
    ) == [(DutyKind.ONE_OFF, "2026-12-15")]
    assert _kinds(
        "Đối với các dự án chuyển tiếp thì chủ đầu tư báo cáo tình hình giải ngân hằng tháng về Sở "
        "Tài chính trước ngày 25 hằng tháng."
    ) == [(DutyKind.MONTHLY, "trước ngày 25 hằng tháng")]
    assert _kinds(
        "Đối với các công trình trọng điểm thì chủ đầu tư báo cáo tiến độ hằng tuần về Ban Chỉ đạo."
    ) == [(DutyKind.PERIODIC_UNDATED, None)]
    assert _kinds(
        "Các huyện tổ chức thực hiện, trường hợp cần thiết thì điều chỉnh kế hoạch và báo cáo kết "
        "quả về UBND tỉnh trước ngày 15/12/2026."
    ) == [(DutyKind.ONE_OFF, "2026-12-15")]
    assert _kinds(
        "Các đơn vị tổng hợp, báo cáo kết quả thực hiện một cách kịp thời về UBND tỉnh trước ngày "
        "15/12/2026."
    ) == [(DutyKind.ONE_OFF, "2026-12-15")]


def test_an_amendments_new_text_in_quotes_asks() -> None:
    new_text = (
        "“3. Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông trước "
        "ngày 15/12/2026.”"
    )
    assert _kinds(
        "Ngày 12/3/2026, UBND tỉnh đã ban hành Kế hoạch số 45/KH-UBND về chuyển đổi số; nay UBND "
        "tỉnh điều chỉnh khoản 3 Mục III Kế hoạch như sau:",
        new_text,
    ) == [(DutyKind.ONE_OFF, "2026-12-15")]
    # an earlier letter's content quoted over two paragraphs asks nothing now
    assert (
        _kinds(
            "Ngày 12/3/2020 Tổng cục Thuế đã ban hành Công văn số 1046/TCT-TTKT, trong đó yêu cầu "
            "các Cục Thuế triển khai thực hiện:",
            "“… Các Cục Thuế rà soát kế hoạch thanh tra năm 2020.",
            "Các Cục Thuế báo cáo kết quả về Tổng cục Thuế hằng quý …”",
        )
        == []
    )


def test_a_draft_sent_for_comments_and_then_reported_is_reported() -> None:
    assert _read(
        "Sở Tư pháp chủ trì xây dựng dự thảo Nghị quyết, gửi lấy ý kiến các sở, ngành, địa phương "
        "và báo cáo UBND tỉnh trước ngày 30/10/2026."
    ) == [(DutyKind.ONE_OFF, "2026-10-30", "UBND tỉnh")]


def test_a_long_sending_of_other_things_is_no_report() -> None:
    assert not is_duty(
        "Sở Giáo dục và Đào tạo gửi đề thi, đáp án, hướng dẫn chấm và biên bản giao nhận đề thi đã "
        "được niêm phong đến các Hội đồng thi trước ngày 30/5/2026 để tổ chức kỳ thi tuyển sinh "
        "lớp 10, đồng thời quán triệt về quy chế thi.",
        review_only=False,
    )


def test_people_handing_in_their_lists_follow_a_procedure() -> None:
    for sentence in (
        "Người có nhu cầu mua nhà ở xã hội nộp danh sách thành viên hộ gia đình về UBND phường "
        "trước ngày 30/10/2026.",
        "Các hộ dân có nhu cầu hỗ trợ gửi danh sách về UBND xã trước ngày 15/10/2026.",
        "Thí sinh gửi danh sách tác phẩm dự thi về Ban Tổ chức trước ngày 30/9/2026.",
    ):
        assert not is_duty(sentence, review_only=False), sentence


def test_not_obliged_is_no_request_withheld() -> None:
    assert _kinds(
        "Các đơn vị không bắt buộc kiểm toán gửi báo cáo tài chính về Sở Tài chính trước ngày "
        "31/3/2027."
    ) == [(DutyKind.ONE_OFF, "2027-03-31")]


def test_social_insurance_as_a_topic_is_no_office() -> None:
    assert not is_duty(
        "Sở Lao động - Thương binh và Xã hội nghiên cứu, đề xuất các giải pháp về bảo hiểm xã hội "
        "tự nguyện trước ngày 30/11/2026.",
        review_only=False,
    )


def test_a_plan_to_be_issued_by_a_day_is_a_day_to_meet() -> None:
    (mention,) = find_deadlines(
        "Các huyện xây dựng Kế hoạch thực hiện, đảm bảo được ban hành trước ngày 15/01/2027 và gửi "
        "về Sở Nội vụ để theo dõi."
    )
    assert not mention.not_a_deadline


def test_a_report_item_with_other_work_keeps_the_day_for_the_work() -> None:
    for sentence in (
        "- Báo cáo Lãnh đạo Tổng cục kết quả quý III, đồng thời tổ chức rà soát toàn bộ hồ sơ hoàn "
        "thuế (hoàn thành trước 15/10/2024).",
        "- Báo cáo Ban Thường vụ về việc tổ chức Hội nghị sơ kết, hoàn thành việc tổ chức hội nghị "
        "trước ngày 30/6/2026.",
    ):
        assert _kinds(sentence) == [(DutyKind.ONE_OFF, None)], sentence


def test_a_proposal_to_others_before_the_report_leaves_its_office() -> None:
    assert _read(
        "Sở Công Thương chủ trì làm việc với doanh nghiệp, kiến nghị với các Bộ, ngành Trung ương "
        "tháo gỡ khó khăn và báo cáo UBND tỉnh kết quả trước ngày 20/11/2026."
    ) == [(DutyKind.ONE_OFF, "2026-11-20", "UBND tỉnh")]


def test_a_report_after_each_round_is_periodic_beside_the_dated_review() -> None:
    assert _kinds(
        "Đoàn kiểm tra liên ngành báo cáo kết quả sau mỗi đợt kiểm tra về Ban Chỉ đạo huyện."
    ) == [(DutyKind.PERIODIC_UNDATED, None)]
    assert _kinds(
        "Các xã báo cáo tình hình sau mỗi đợt ra quân và báo cáo tổng kết về UBND huyện trước "
        "ngày 30/12/2026."
    ) == [(DutyKind.PERIODIC_UNDATED, None), (DutyKind.ONE_OFF, "2026-12-30")]
    # the rounds of another work, or of a data period
    assert _kinds(
        "Đoàn kiểm tra lập biên bản sau mỗi lần kiểm tra và báo cáo kết quả kiểm tra về UBND huyện "
        "trước ngày 30/11/2026."
    ) == [(DutyKind.ONE_OFF, "2026-11-30")]
    assert _kinds(
        "Các đơn vị gửi báo cáo tổng kết về Sở Nội vụ trước ngày 10/12/2026, số liệu tính đến cuối "
        "mỗi kỳ thi đua."
    ) == [(DutyKind.ONE_OFF, "2026-12-10")]
    assert _kinds(
        "Phòng Văn hóa và Thông tin tổng hợp, báo cáo UBND huyện kết quả Tháng hành động; thực "
        "hiện vệ sinh sau mỗi buổi sinh hoạt."
    ) == [(DutyKind.ONE_OFF, None)]


def test_what_is_found_to_be_reported_is_ad_hoc() -> None:
    assert _kinds(
        "Tổ giám sát cộng đồng kịp thời phát hiện các vi phạm trong quá trình thi công để báo cáo "
        "UBND xã xử lý."
    ) == [(DutyKind.AD_HOC, None)]
    # the review of what is found, with its day or its frequency
    assert _kinds(
        "Các đoàn kiểm tra rà soát, phát hiện những tồn tại, hạn chế để báo cáo UBND huyện trước "
        "ngày 30/11/2026."
    ) == [(DutyKind.ONE_OFF, "2026-11-30")]
    assert [
        d.kind
        for d in _duties(
            "Các đơn vị tổng hợp kết quả kiểm tra, phát hiện vi phạm để báo cáo Sở Tài nguyên và "
            "Môi trường định kỳ 6 tháng, hằng năm."
        )
    ] == [DutyKind.SEMIANNUAL, DutyKind.ANNUAL]


def test_a_time_counted_from_an_event_asks_outside_the_organising_part() -> None:
    found = _duties(
        "II. NỘI DUNG",
        "1. Hội nghị sơ kết",
        "- Gửi báo cáo kết quả về Ban Thường trực Huyện ủy ngay sau khi kết thúc hội nghị.",
        "- Gửi danh sách đại biểu về Văn phòng sau khi tổ chức hội nghị 02 ngày.",
        "- Tổng hợp, báo cáo kết quả thực hiện Kế hoạch.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Các chi bộ báo cáo kết quả về Đảng ủy trước ngày 15/12/2026.",
    )
    assert [(d.kind, d.due, d.recipient) for d in found] == [
        (DutyKind.ONE_OFF, None, "Ban Thường trực Huyện ủy"),
        (DutyKind.ONE_OFF, "2026-12-15", "Đảng ủy"),
    ]
    (mention,) = find_deadlines("Gửi biên bản về Ban Thường trực sau khi tổ chức hội nghị 01 ngày.")
    assert mention.after_event and mention.text.endswith("01 ngày")


def test_an_event_counts_the_time_only_where_no_day_is_given() -> None:
    for sentence, due in (
        (
            "Sau hội nghị các xã báo cáo kết quả về UBND huyện trước ngày 30/6/2026, đồng thời "
            "gửi danh sách đại biểu.",
            "2026-06-30",
        ),
        (
            "Kết thúc đợt kiểm tra trước ngày 15/11/2026, các Đoàn kiểm tra báo cáo kết quả về Ban "
            "Thường vụ Huyện ủy.",
            "2026-11-15",
        ),
        ("Sau hội nghị, các xã báo cáo kết quả về Sở Nội vụ trước ngày 30/6/2026.", "2026-06-30"),
        (
            "Các xã báo cáo UBND huyện sau khi kết thúc Kỳ họp thứ 7 ngày 10/12/2026 trước ngày "
            "20/12/2026.",
            "2026-12-20",
        ),
    ):
        draft = extract_plan(sentence, [], source="t")
        (obligation,) = draft.obligations
        assert obligation.due == due, sentence
        assert obligation.recipient is not None and "sau" not in obligation.recipient.written
        assert not any("sự kiện" in w for w in obligation.warnings), sentence


def test_a_time_from_an_event_in_the_goals_or_for_other_work_asks_nothing() -> None:
    assert _duties(
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "Sau hội nghị, các đại biểu nắm bắt tâm tư của cử tri để phản ánh, báo cáo với cấp có thẩm "
        "quyền.",
        "II. NỘI DUNG",
        "Các tổ hòa giải giải quyết trong thời hạn 15 ngày kể từ ngày nhận đơn và báo cáo UBND xã.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Các chi bộ báo cáo kết quả về Đảng ủy trước ngày 15/12/2026.",
    ) == [
        _duties(
            "III. TỔ CHỨC THỰC HIỆN", "Các chi bộ báo cáo kết quả về Đảng ủy trước ngày 15/12/2026."
        )[0]
    ]


def test_a_report_on_such_cases_is_ad_hoc_unless_a_regime_or_a_day_is_named() -> None:
    assert _read(
        "Tổ công tác tổng hợp, báo cáo Thường trực Đảng ủy đối với các vụ việc phức tạp, có khả "
        "năng ảnh hưởng đến an ninh trật tự."
    ) == [(DutyKind.AD_HOC, None, "Thường trực Đảng ủy")]
    assert not is_duty(
        "Sở Tài chính báo cáo UBND tỉnh kết quả thẩm định đối với các trường hợp đủ điều kiện để "
        "xem xét, quyết định.",
        review_only=False,
    )
    assert _kinds(
        "Chi cục Thuế định kỳ báo cáo Cục Thuế đối với các trường hợp được gia hạn nộp thuế."
    ) == [(DutyKind.PERIODIC_UNDATED, None)]
    assert _kinds(
        "Các phòng báo cáo Chủ tịch UBND huyện đối với các trường hợp chậm tiến độ trước ngày "
        "20/12/2026."
    ) == [(DutyKind.ONE_OFF, "2026-12-20")]


def test_an_opening_time_without_a_comma_leaves_the_subject() -> None:
    assert find_responsible(
        "Định kỳ hằng năm Bộ Tài chính báo cáo Thủ tướng Chính phủ kết quả thực hiện."
    ) == ["Bộ Tài chính"]
    assert find_responsible("Hằng quý UBND các huyện báo cáo Sở Nội vụ.") == ["UBND các huyện"]
    assert find_responsible("Định kỳ hằng năm báo cáo UBND tỉnh.") == []


def test_a_bracket_left_open_does_not_join_the_sentences_after_it() -> None:
    assert split_sentences(
        "Các trường báo cáo về Phòng trước ngày 20/5/2026 (qua email: pgd@gmail.com. Phòng tổng "
        "hợp báo cáo UBND huyện trước ngày 25/5/2026."
    ) == [
        "Các trường báo cáo về Phòng trước ngày 20/5/2026 (qua email: pgd@gmail.com.",
        "Phòng tổng hợp báo cáo UBND huyện trước ngày 25/5/2026.",
    ]


def test_a_full_stop_inside_brackets_ends_no_sentence() -> None:
    assert split_sentences(
        "Hạn cuối nộp báo cáo thành tích về phòng Tổ chức Cán bộ (CN. Thảo) là ngày 11/11/2026. "
        "Hồ sơ gửi bản giấy (02 bộ. Không nhận bản chụp) về Văn phòng."
    ) == [
        "Hạn cuối nộp báo cáo thành tích về phòng Tổ chức Cán bộ (CN. Thảo) là ngày 11/11/2026.",
        "Hồ sơ gửi bản giấy (02 bộ. Không nhận bản chụp) về Văn phòng.",
    ]


def test_times_a_year_of_the_work_are_no_reports_frequency() -> None:
    assert _kinds(
        "Đoàn kiểm tra liên ngành kiểm tra an toàn thực phẩm 04 lần/năm và báo cáo kết quả về UBND "
        "huyện trước ngày 15/12/2026."
    ) == [(DutyKind.ONE_OFF, "2026-12-15")]
    (duty,) = _duties(
        "Ban Chỉ đạo họp 02 lần/năm; Cơ quan thường trực báo cáo Ban Chỉ đạo trước ngày 10/6/2026."
    )
    assert duty.due == "2026-06-10" and duty.responsible == ("Cơ quan thường trực",)


def test_times_a_year_name_the_frequency() -> None:
    assert [
        r.kind for r in find_recurrences("Các huyện báo cáo Sở Nội vụ định kỳ 04 lần/năm.")
    ] == [DutyKind.QUARTERLY]
    assert [r.kind for r in find_recurrences("Các xã báo cáo UBND huyện 02 lần trong năm.")] == [
        DutyKind.SEMIANNUAL
    ]


def test_a_sentence_opening_on_an_event_counts_its_time_from_it() -> None:
    for sentence in (
        "5. Kết thúc cuộc bầu cử, Ban Thường trực Ủy ban MTTQ xã tổng hợp báo cáo gửi về Ban "
        "Thường trực Ủy ban MTTQ tỉnh theo quy định.",
        "4.2. Sau hội nghị tiếp xúc cử tri: Ban Thường trực lập báo cáo gửi đến Ủy ban bầu cử xã.",
    ):
        (mention, *_) = find_deadlines(sentence)
        assert mention.relative and not mention.text[0].isdigit(), sentence
        assert _kinds("III. TỔ CHỨC THỰC HIỆN", sentence) == [(DutyKind.ONE_OFF, None)], sentence
    assert find_deadlines("Kết thúc năm học, các trường báo cáo kết quả về Phòng.") == []


def test_the_record_of_a_meeting_put_up_to_an_office_is_a_report() -> None:
    assert is_duty(
        "Gửi biên bản hội nghị đến Ban Thường trực Huyện ủy ngay sau khi kết thúc hội nghị.",
        review_only=False,
    )
    assert is_duty(
        "Biên bản họp được gửi đến Văn phòng UBND huyện chậm nhất ngày 10/3/2026.",
        review_only=False,
    )
    for sentence in (
        "Doanh nghiệp gửi nội dung công bố thông tin định kỳ đến Sở Giao dịch Chứng khoán.",
        "Phòng Tài nguyên và Môi trường gửi biên bản làm việc đến UBND xã Tân Hòa để biết và thực "
        "hiện.",
        "Biên bản kiểm tra được gửi đến Ủy ban nhân dân xã và hộ gia đình để thực hiện.",
    ):
        assert not is_duty(sentence, review_only=False), sentence


def test_a_dated_report_beside_an_occasional_one_keeps_its_day() -> None:
    assert _kinds(
        "Các Sở báo cáo kết quả về UBND tỉnh trước ngày 15/12/2026 hoặc đột xuất khi có yêu cầu."
    ) == [(DutyKind.ONE_OFF, "2026-12-15"), (DutyKind.AD_HOC, None)]
    assert _kinds(
        "Các trường báo cáo ngay khi có phát hiện sai phạm, báo cáo tổng hợp kết quả kiểm tra "
        "gửi trước ngày 10/01/2027 về Sở Giáo dục và Đào tạo."
    ) == [(DutyKind.AD_HOC, None), (DutyKind.ONE_OFF, "2027-01-10")]
    assert _kinds("Các trường báo cáo kịp thời về Phòng Giáo dục chậm nhất ngày 20/9/2026.") == [
        (DutyKind.ONE_OFF, "2026-09-20")
    ]
    # the day of the case's own report: occasional only
    assert _kinds(
        "Nếu không đủ nguồn lực, địa phương cần đề xuất hỗ trợ gửi về Bộ trước ngày 05/8/2026."
    ) == [(DutyKind.AD_HOC, None)]


def test_a_daily_cut_off_is_a_round_of_reports_not_a_definition() -> None:
    assert is_duty(
        "Các Tổ kiểm soát dịch bệnh tại các thôn chốt số liệu vào 15h00 hàng ngày, báo cáo về UBND "
        "xã trước 15h30 hàng ngày.",
        review_only=False,
    )
    assert not is_duty(
        "Thời gian chốt số liệu báo cáo tháng được tính từ ngày 15 tháng trước đến ngày 14 tháng "
        "báo cáo.",
        review_only=False,
    )


def test_projects_in_difficulty_are_what_is_reported_not_when() -> None:
    assert _kinds(
        "Thủ tướng yêu cầu các bộ, địa phương khẩn trương rà soát, báo cáo các dự án đầu tư có "
        "khó khăn, vướng mắc về Bộ Tài chính."
    ) == [(DutyKind.ONE_OFF, None)]
    assert _kinds(
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các địa phương báo cáo về Bộ Tài "
        "chính."
    ) == [(DutyKind.AD_HOC, None)]


def test_a_task_lists_item_timed_on_its_own_line_is_read_outside_the_organising_part() -> None:
    plan = (
        "IV. NHIỆM VỤ CỤ THỂ",
        "1. Sở Tài chính",
        "- Tổ chức tập huấn cho các cơ quan, đơn vị.",
        "Thời gian thực hiện: Tháng 11 - 12/2026.",
        "- Báo cáo kết quả kiểm kê cho cơ quan quản lý cấp trên.",
        "Thời hạn hoàn thành: Trước ngày 31/3/2027.",
        "V. TỔ CHỨC THỰC HIỆN",
        "Các sở, ngành triển khai Kế hoạch này.",
    )
    (duty,) = _duties(*plan)
    assert (duty.kind, duty.due, duty.responsible) == (
        DutyKind.ONE_OFF,
        "2027-03-31",
        ("Sở Tài chính",),
    )
    assert duty.quote == (
        "Báo cáo kết quả kiểm kê cho cơ quan quản lý cấp trên. Thời hạn hoàn thành: Trước ngày "
        "31/3/2027."
    )
    # untimed, or timed as a stretch of work, the item stays a task of a part that does not
    # organise the reports
    assert _duties(*plan[:5], *plan[6:]) == []
    assert _duties(*plan[:2], plan[4], plan[3], *plan[6:]) == []


def test_a_bare_time_sentence_after_a_request_dates_its_report() -> None:
    (duty,) = _duties(
        "UBND tỉnh giao Sở Tài nguyên và Môi trường chủ trì kiểm tra, xác minh nội dung phản ánh; "
        "đồng thời báo cáo UBND tỉnh kết quả thực hiện. Thời gian thực hiện hoàn thành trước ngày "
        "20/11/2026."
    )
    assert (duty.kind, duty.due, duty.wording) == (DutyKind.ONE_OFF, "2026-11-20", "trước ngày")
    assert duty.recipient == "UBND tỉnh"
    assert duty.quote.startswith("Thời gian thực hiện")
    assert _kinds(
        "Đề nghị các phòng rà soát, báo cáo về Sở Nội vụ.", "Thời hạn: chậm nhất ngày 20/11/2026."
    ) == [(DutyKind.ONE_OFF, "2026-11-20")]
    # the time of another task, after the request, is not the report's
    assert _kinds(
        "- Sở Xây dựng chủ trì rà soát quy hoạch, báo cáo UBND tỉnh.",
        "- Sở Nội vụ tổ chức tập huấn cho cán bộ cấp xã. Thời gian hoàn thành: trước ngày "
        "15/12/2026.",
    ) == [(DutyKind.ONE_OFF, None)]
    # a stage of the work, a period of it, or a report that recurs: not the report's day
    for time in (
        "Thời gian hoàn thành giai đoạn 01 trước ngày 31/12/2026.",
        "Thời gian thực hiện: từ ngày 01/11/2026 đến ngày 20/11/2026.",
        "Thời gian thực hiện: trước ngày 20/11/2026 tổ chức tập huấn cho cán bộ cấp xã.",
    ):
        assert _kinds("Đề nghị các phòng rà soát, báo cáo về Sở Nội vụ.", time) == [
            (DutyKind.ONE_OFF, None)
        ], time
    assert _kinds(
        "Các phòng báo cáo về Sở Nội vụ theo quy định.",
        "Thời gian hoàn thành trước ngày 20/11/2026.",
    ) == [(DutyKind.PERIODIC_UNDATED, None)]


def test_the_hour_of_a_latest_day_keeps_its_wording() -> None:
    for written in (
        "chậm nhất vào lúc 17h ngày 20/7/2026",
        "chậm nhất lúc 16 giờ ngày 20/7/2026",
        "muộn nhất ngày 20/7/2026",
    ):
        (mention,) = find_deadlines(f"Các phòng báo cáo kết quả về Sở Nội vụ {written}.")
        assert (mention.wording, mention.day, mention.month) == (Wording.NO_LATER_THAN, 20, 7)


def test_units_named_by_what_was_done_to_them_still_owe_the_report() -> None:
    (duty,) = _duties(
        "Căn cứ Thông tư số 03/2014/TT-BKHCN, các tổ chức đã được Bộ cấp Giấy chứng nhận có trách "
        "nhiệm thực hiện chế độ báo cáo tình hình hoạt động hằng năm cho Bộ Khoa học và Công nghệ "
        "trước ngày 15/12 hằng năm."
    )
    assert (duty.kind, duty.due) == (DutyKind.ANNUAL, "12-15")
    # what was done stays told, and so does a report made responsibly
    for told in (
        "Các tổ chức đã báo cáo tình hình hoạt động hằng năm cho Bộ trước ngày 15/12/2025.",
        "Sở Nội vụ đã làm việc có trách nhiệm và báo cáo UBND tỉnh kết quả rà soát trước ngày "
        "15/12/2025.",
        "Đến ngày 15/12/2025, đã có 45/50 đơn vị có nhiệm vụ báo cáo gửi báo cáo về Sở Tài chính.",
        "Năm qua, các xã đã thực hiện nghiêm túc và có trách nhiệm trong công tác phòng chống "
        "thiên tai và báo cáo kịp thời về Ban Chỉ huy huyện.",
        "Các xã đã được khen thưởng vì làm việc có trách nhiệm và báo cáo kịp thời về Ban Chỉ huy "
        "huyện trước ngày 15/12/2025.",
    ):
        assert not is_duty(told, review_only=False), told


def test_twice_a_year_written_after_the_year() -> None:
    (duty,) = _duties(
        "Các tổ chức chủ trì nhiệm vụ báo cáo định kỳ tình hình thực hiện nhiệm vụ mỗi năm 02 lần, "
        "trong đó lần 2 trước ngày 30/11 hằng năm."
    )
    assert (duty.kind, duty.due) == (DutyKind.SEMIANNUAL, ("11-30",))
    assert _kinds("Các phòng báo cáo kết quả về Sở Nội vụ mỗi năm hai lần.") == [
        (DutyKind.SEMIANNUAL, None)
    ]
    assert _kinds("Các phòng báo cáo kết quả về Sở Nội vụ mỗi năm bốn lần.") == [
        (DutyKind.QUARTERLY, None)
    ]
    # the times of other work ("được thực hiện", "các đợt", "thực hiện mỗi năm") leave the report
    # its own year
    for sentence in (
        "Các cơ sở báo cáo kết quả quan trắc môi trường được thực hiện mỗi năm 04 lần về Sở Tài "
        "nguyên và Môi trường trước ngày 31/01 hằng năm.",
        "Các trường báo cáo kết quả các đợt kiểm tra mỗi năm 02 lần về Sở Y tế trước ngày 31/5 "
        "hằng năm.",
        "Các đơn vị báo cáo kết quả diễn tập phương án chữa cháy thực hiện mỗi năm 02 lần về Công "
        "an tỉnh trước ngày 15/11 hằng năm.",
    ):
        assert [k for k, _ in _kinds(sentence)] == [DutyKind.ANNUAL], sentence
    # a count the reader does not read, or the work's, leaves the report recurring
    assert _kinds("Các đơn vị báo cáo kết quả về Sở Nội vụ mỗi năm 03 lần.") == [
        (DutyKind.ANNUAL, None)
    ]
    assert _kinds("Sở Y tế tổ chức kiểm tra mỗi năm 02 lần và báo cáo kết quả về UBND tỉnh.") == [
        (DutyKind.ANNUAL, None)
    ]


def test_an_urgent_request_for_the_periodic_report_takes_the_next_sentence_s_day() -> None:
    assert _kinds(
        "Cục đề nghị thủ trưởng đơn vị chỉ đạo các tổ chức khẩn trương gửi báo cáo định kỳ tình "
        "hình thực hiện nhiệm vụ thời điểm 30/11/2026 theo quy định.",
        "Báo cáo của đơn vị gửi về Cục Khoa học công nghệ và Đào tạo trước ngày 05/12/2026.",
    ) == [(DutyKind.ONE_OFF, "2026-12-05")]
    # another dated report after the urgent one leaves it standing
    assert _kinds(
        "Đề nghị các sở, ngành khẩn trương gửi báo cáo định kỳ về UBND tỉnh theo quy định.",
        "Ngoài ra, các sở, ngành báo cáo tình hình thực hiện Nghị quyết số 18-NQ/TW về Sở Nội vụ "
        "trước ngày 30/9/2026.",
    ) == [(DutyKind.PERIODIC_UNDATED, None), (DutyKind.ONE_OFF, "2026-09-30")]
    # a rhythm asked without urgency stays beside a dated report
    assert _kinds(
        "Đề nghị các đơn vị thực hiện báo cáo định kỳ tình hình thực hiện nhiệm vụ theo quy định.",
        "Báo cáo tổng kết gửi về Cục Khoa học công nghệ và Đào tạo trước ngày 05/12/2026.",
    ) == [(DutyKind.PERIODIC_UNDATED, None), (DutyKind.ONE_OFF, "2026-12-05")]


def test_a_year_cut_short_in_the_copy_leaves_the_date_without_its_year() -> None:
    (mention,) = find_deadlines("Cấp thành phố báo cáo kết quả về Bộ trước ngày 1/9/201.")
    assert (mention.day, mention.month, mention.year) == (1, 9, None)
    assert _kinds("Cấp thành phố báo cáo kết quả về Bộ trước ngày 1/9/201.") == [
        (DutyKind.ONE_OFF, None)
    ]


def test_a_wording_glued_to_its_day_still_reads() -> None:
    for written, wording in (
        ("trướcngày 20/11/2023", Wording.BEFORE),
        ("chậm nhấtngày 20/11/2023", Wording.NO_LATER_THAN),
        ("đếnngày 20/11/2023", Wording.BY),
    ):
        (mention,) = find_deadlines(f"Các phòng báo cáo kết quả về Sở Nội vụ {written}.")
        assert (mention.wording, mention.day, mention.month) == (wording, 20, 11)


def test_reporting_promptly_as_the_gatherers_purpose_adds_no_occasional_report() -> None:
    periodic = (
        "Định kỳ trước ngày 25 hằng tháng, các Vụ, Cục gửi báo cáo tiến độ về Văn phòng để kịp "
        "thời báo cáo Tổng cục."
    )
    assert [r.kind for r in find_recurrences(periodic)] == [DutyKind.MONTHLY]
    watched = "Các xã theo dõi chặt chẽ tình hình để kịp thời báo cáo Ủy ban nhân dân huyện."
    assert [r.kind for r in find_recurrences(watched)] == [DutyKind.AD_HOC]
    also = (
        "Định kỳ hằng quý, các xã gửi báo cáo về UBND huyện, đồng thời theo dõi sát tình hình để "
        "kịp thời báo cáo UBND huyện những vấn đề phát sinh."
    )
    assert {r.kind for r in find_recurrences(also)} == {DutyKind.QUARTERLY, DutyKind.AD_HOC}
    both = "Các xã báo cáo định kỳ hằng quý và kịp thời báo cáo Ủy ban nhân dân huyện."
    assert {r.kind for r in find_recurrences(both)} == {DutyKind.QUARTERLY, DutyKind.AD_HOC}


def test_reports_of_the_month_and_quarter_of_the_work_listed_share_the_day_after_them() -> None:
    listed = _kinds(
        "Các đơn vị gửi báo cáo công tác tháng, quý về Văn phòng Bộ trước ngày 20 hằng tháng."
    )
    assert listed == [
        (DutyKind.QUARTERLY, "trước ngày 20 hằng tháng"),
        (DutyKind.MONTHLY, "trước ngày 20 hằng tháng"),
    ]


def test_an_authors_byline_is_no_roman_heading() -> None:
    sentence = "Trước ngày 10 hằng tháng, Phòng Kế hoạch tổng hợp báo cáo kết quả cho Giám đốc Sở."
    for byline in ("V.Tùng", "X. Hà"):
        (duty,) = _duties(sentence, byline)
        assert duty.kind is DutyKind.MONTHLY
    headed = parse_structure("Kế hoạch năm 2025.\nV.TỔ CHỨC\nVI. Kinh phí\nVII. KHÁC")
    assert [s.ref for s in headed.sections if s.ref] == ["V", "VI", "VII"]


def test_gathering_the_periodic_reports_before_comes_back_as_often() -> None:
    monthly = (
        "Ngày 05 hằng tháng, Chủ tịch Ủy ban nhân dân cấp xã báo cáo Chủ tịch Ủy ban nhân dân cấp "
        "huyện kết quả rà soát."
    )
    relay = (
        "Chủ tịch Ủy ban nhân dân cấp huyện tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân cấp tỉnh."
    )
    assert [k for k, _ in _kinds(f"{monthly} {relay}")] == [
        DutyKind.MONTHLY,
        DutyKind.PERIODIC_UNDATED,
    ]
    once = "Các xã báo cáo Ủy ban nhân dân huyện kết quả rà soát trước ngày 05/3/2025."
    assert [k for k, _ in _kinds(f"{once} {relay}")] == [DutyKind.ONE_OFF, DutyKind.ONE_OFF]
    apart = _kinds(monthly, relay)  # a paragraph of its own asks once
    assert [k for k, _ in apart] == [DutyKind.MONTHLY, DutyKind.ONE_OFF]
    wrap_up = (
        "Kết thúc năm 2025, Ủy ban nhân dân cấp huyện tổng hợp, báo cáo Ủy ban nhân dân cấp tỉnh "
        "kết quả sơ kết 5 năm."
    )
    assert [k for k, _ in _kinds(f"{monthly} {wrap_up}")] == [DutyKind.MONTHLY, DutyKind.ONE_OFF]
    untold = "Chủ tịch Ủy ban nhân dân cấp huyện báo cáo Chủ tịch Ủy ban nhân dân cấp tỉnh."
    assert [k for k, _ in _kinds(f"{monthly} {untold}")] == [DutyKind.MONTHLY, DutyKind.ONE_OFF]


def test_a_forms_days_of_receipt_above_its_parts_are_read() -> None:
    form = _kinds(
        "Biểu số: 13a/BTP/HCTP",
        "Ngày nhận báo cáo (BC):",
        "BC 6 tháng: ngày 08 tháng 5 hàng năm.",
        "BC năm chính thức: ngày 20 tháng 01 năm sau.",
        "I. Khai sinh",
        "1. Chia theo nơi sinh",
    )
    assert form == [(DutyKind.SEMIANNUAL, ("05-08",)), (DutyKind.ANNUAL, "01-20")]


def test_a_forms_receiver_glued_to_its_neighbours_or_on_the_next_line_is_read() -> None:
    header = (
        "Biểu số: 11a/BTP/HCTP",
        "Ngày nhận báo cáo (BC):",
        "BC năm chính thức: ngày 07 tháng 01 năm sau.",
    )
    for fields in (
        (
            "Đơn vị báo cáo:",
            "Ủy ban nhân dân xã….Đơn vị nhận báo cáo:",
            "Ủy ban nhân dân huyện (Phòng Tư pháp)Đơn vị tính: Trường hợp",
        ),
        ("Đơn vị nhận báo cáo:", "Ủy ban nhân dân huyện", "Đơn vị tính: Trường hợp"),
        ("Đơn vị nhận báo cáo: Ủy ban nhân dân huyệnĐơn vị tính: Trường hợp",),
        ("Đơn vị nhận báo cáo:", "Ủy ban nhân dân huyệnĐơn vị báo cáo: Ủy ban nhân dân xã"),
    ):
        (duty,) = _duties(*header, *fields, "I. Khai sinh")
        assert duty.recipient == "Ủy ban nhân dân huyện", fields
    # The line below is the value only when it is a unit's name; the cells of a two-column row
    # are not glued fields.
    for below in (
        ("Đơn vị nhận báo cáo:", "Kỳ báo cáo: Năm 2025"),
        ("Đơn vị nhận báo cáo:", "Biểu này áp dụng cho Ủy ban nhân dân cấp xã."),
        ("Đơn vị báo cáo: | Đơn vị nhận báo cáo:", "Ủy ban nhân dân xã | Ủy ban nhân dân huyện"),
    ):
        (duty,) = _duties(*header, *below, "I. Khai sinh")
        assert duty.recipient is None, below
    # Only a field's own mark, glued or opening its line, names a receiver: prose does not.
    (prose,) = _duties(
        *header, "Các xã gửi đến đơn vị nhận báo cáo: Ủy ban nhân dân huyện.", "I. Khai sinh"
    )
    assert prose.recipient is None


def test_a_forms_note_on_its_figures_asks_nothing_unless_it_sends() -> None:
    note = (
        "Ghi chú: Tổng số ước tính 02 tháng cuối trong kỳ báo cáo (đối với báo cáo 6 tháng và "
        "báo cáo năm lần 1)."
    )
    assert not is_duty(note, review_only=False)
    for asked in (
        "Ghi chú: Các xã gửi báo cáo 6 tháng về Phòng Tư pháp trước ngày 08/5 hằng năm.",
        "Ghi chú: Hạn báo cáo ngày 15/12/2025.",
        "Ghi chú: Các đơn vị báo cáo kết quả về Sở Nội vụ.",
    ):
        assert is_duty(asked, review_only=False), asked


def test_the_first_days_of_a_month_end_on_the_last_of_them() -> None:
    for written in (
        "Trong thời hạn mười ngày đầu tháng một hàng năm",
        "Trong 10 ngày đầu tháng 01 hằng năm",
    ):
        (duty,) = _duties(
            f"{written}, Chủ tịch UBND cấp xã báo cáo với Ban Chỉ huy quân sự huyện danh sách "
            "công dân."
        )
        assert (duty.kind, duty.due, duty.recipient) == (
            DutyKind.ANNUAL,
            "01-10",
            "Ban Chỉ huy quân sự huyện",
        )
    (once,) = _duties("Trong 05 ngày đầu tháng 3/2025, các xã báo cáo Ủy ban nhân dân huyện.")
    assert (once.kind, once.due) == (DutyKind.ONE_OFF, "2025-03-05")
    (following,) = _duties("Báo cáo 6 tháng gửi về Bộ Tài chính trong 15 ngày đầu tháng sau.")
    assert following.due is None  # the next month, not June
    (counted,) = find_deadlines("Trong thời hạn 10 ngày kể từ ngày nhận, các xã báo cáo huyện.")
    assert counted.relative and counted.relative_days == 10


def test_what_must_be_reported_at_once_when_it_happens_is_ad_hoc() -> None:
    sentence = (
        "Lưu ý: Đối với các vụ lộ, mất bí mật nhà nước xảy ra phải báo cáo ngay về UBND tỉnh "
        "(qua Công an tỉnh) để kịp thời giải quyết."
    )
    (duty,) = _duties(sentence)
    assert (duty.kind, duty.recipient, duty.via) == (DutyKind.AD_HOC, "UBND tỉnh", "Công an tỉnh")
    (dated,) = _kinds("Sự việc xảy ra ngày 05/3/2025, các xã báo cáo huyện trước ngày 10/3/2025.")
    assert dated == (DutyKind.ONE_OFF, "2025-03-10")
    for after in (
        "Các xã báo cáo kết quả khắc phục các sự cố đã xảy ra, báo cáo ngay về UBND huyện.",
        "Các xã báo cáo các sự cố xảy ra, báo cáo ngay sau khi kết thúc kiểm tra về UBND huyện.",
    ):
        assert [k for k, _ in _kinds(after)] == [DutyKind.ONE_OFF], after


def test_every_three_months_is_quarterly() -> None:
    for written in ("3 tháng một lần", "ba tháng một lần", "định kỳ 03 tháng"):
        kinds = [r.kind for r in find_recurrences(f"Báo cáo tiến độ {written} về Bộ Xây dựng.")]
        assert kinds == [DutyKind.QUARTERLY], written
    kinds = [r.kind for r in find_recurrences("Báo cáo tiến độ tháng một lần về Bộ Xây dựng.")]
    assert kinds == [DutyKind.MONTHLY]


def test_a_board_whose_name_holds_danh_sach_keeps_it() -> None:
    (duty,) = _duties(
        "Các xã báo cáo Hội đồng xét duyệt danh sách hộ nghèo huyện trước ngày 20/11/2025."
    )
    assert duty.recipient == "Hội đồng xét duyệt danh sách hộ nghèo huyện"


def test_what_a_silence_will_be_taken_to_mean_asks_nothing() -> None:
    assert not is_duty(
        "Sau ngày 15/5/2025, các địa phương không cập nhật sẽ được coi là không còn vướng mắc, khó "
        "khăn cần báo cáo cấp có thẩm quyền.",
        review_only=False,
    )
    assert is_duty(
        "Các địa phương có vướng mắc, khó khăn cần báo cáo cấp có thẩm quyền trước ngày 15/5/2025.",
        review_only=False,
    )


def test_problems_passed_up_in_good_time_are_an_ad_hoc_report() -> None:
    (duty,) = _duties(
        "Tổ công tác hướng dẫn các thôn giải quyết những khó khăn trong quá trình rà soát và phản "
        "ánh kịp thời về Ban Chỉ đạo xã."
    )
    assert (duty.kind, duty.recipient) == (DutyKind.AD_HOC, "Ban Chỉ đạo xã")


def test_a_weekday_may_stand_before_the_day() -> None:
    for sentence, due, wording in (
        ("Các Bộ báo cáo về Bộ Nội vụ trước Thứ Tư ngày 03/12/2025.", "2025-12-03", "trước ngày"),
        (
            "Các Sở báo cáo UBND tỉnh chậm nhất vào thứ Sáu, ngày 05/12/2025.",
            "2025-12-05",
            "chậm nhất",
        ),
    ):
        (duty,) = _duties(sentence)
        assert (duty.due, duty.wording) == (due, wording), sentence
    (mention,) = find_deadlines("Các xã báo cáo UBND huyện đến Thứ Sáu, ngày 05/12/2025.")
    assert (mention.text, mention.not_a_deadline) == ("đến Thứ Sáu, ngày 05/12/2025", False)


def test_a_closing_line_that_goes_on_to_ask_is_a_request() -> None:
    (duty,) = _duties(
        "Trên đây là một số nội dung cần thực hiện ngay, Ban Chỉ đạo đề nghị các Bộ báo cáo kết "
        "quả về Ban Chỉ đạo trước ngày 03/12/2025."
    )
    assert (duty.due, duty.recipient) == ("2025-12-03", "Ban Chỉ đạo")
    assert (
        _duties("Trên đây là hướng dẫn báo cáo kết quả về Ban Chỉ đạo trước ngày 03/12/2025.") == []
    )


def test_the_years_review_listed_with_its_day_in_brackets_is_yearly() -> None:
    found = _duties(
        "Sở Công Thương tổng hợp báo cáo UBND tỉnh định kỳ hàng tháng (trước ngày 18 hàng tháng), "
        "6 tháng (trước ngày 18/5), tổng kết năm (trước ngày 30/11 hàng năm)."
    )
    assert [(d.kind, d.due) for d in found] == [
        (DutyKind.MONTHLY, "trước ngày 18 hàng tháng"),
        (DutyKind.SEMIANNUAL, ("05-18",)),
        (DutyKind.ANNUAL, "11-30"),
    ]


def test_a_report_of_a_named_frequency_is_read_outside_the_organising_part() -> None:
    budget = "Hàng năm, UBND các xã xây dựng dự toán kinh phí gửi Sở Tài chính tổng hợp."
    organising = ("V. TỔ CHỨC THỰC HIỆN", "Các sở, ngành triển khai Kế hoạch này.")
    (duty,) = _duties("IV. KINH PHÍ", f"1. Nguồn ngân sách: {budget}", *organising)
    assert (duty.kind, duty.due, duty.recipient) == (DutyKind.ANNUAL, None, "Sở Tài chính")
    # without a frequency or an office it stays a task of the part; in the goals, an aim
    assert _duties("IV. KINH PHÍ", budget.removeprefix("Hàng năm, "), *organising) == []
    unsent = "Hàng năm, UBND các xã tổng hợp, báo cáo kết quả thực hiện Kế hoạch."
    assert _duties("IV. KINH PHÍ", unsent, *organising) == []
    checked = "Kiểm tra việc thực hiện chế độ báo cáo thống kê hằng quý của các xã."
    assert _duties("IV. NỘI DUNG KIỂM TRA", checked, *organising) == []
    assert _duties("I. MỤC ĐÍCH, YÊU CẦU", budget, *organising) == []


def test_the_work_reported_on_ends_the_office_s_name() -> None:
    assert find_recipients("- Tổng hợp, báo cáo UBND thành phố việc triển khai Chương trình.") == [
        "UBND thành phố"
    ]
    assert find_recipients("Các xã báo cáo Trung tâm Dịch vụ việc làm tỉnh trước ngày 5/12.") == [
        "Trung tâm Dịch vụ việc làm tỉnh"
    ]
    # nor is its street address
    assert find_recipients(
        "Các trường gửi báo cáo về Bộ VHTTDL số 51 đường Ngô Quyền, Hà Nội."
    ) == ["Bộ VHTTDL"]


def test_the_address_of_a_cited_letter_sends_nothing() -> None:
    assert not is_duty(
        "Tiếp tục hướng dẫn các giải pháp hỗ trợ người nộp thuế theo hướng dẫn tại công văn số "
        "4952/CT-CS ngày 05/11/2025 của Cục Thuế gửi Thuế các tỉnh, thành phố về các chính sách.",
        review_only=False,
    )
    assert is_duty(
        "Thuế các tỉnh thực hiện theo công văn số 4952/CT-CS và gửi kết quả về Cục Thuế trước ngày "
        "15/12/2025.",
        review_only=False,
    )


def test_the_writers_own_answer_and_attachment_ask_nothing() -> None:
    letter = (
        "Về kiến nghị này, Bộ Nông nghiệp và Môi trường xin báo cáo Ủy ban Dân nguyện như sau:",
        "- Ngày 10/01/2025, Bộ đã có Văn bản số 375/BNN-TC về việc tạm thời áp dụng khung giá.",
    )
    assert _duties(*letter) == []
    assert not is_duty(
        "(Xin gửi kèm theo Công văn số 375/BNN-TC ngày 10/01/2025)", review_only=False
    )
    # asked of the units, the same words are a request
    assert is_duty(
        "Đề nghị các Sở báo cáo Ủy ban nhân dân tỉnh trước ngày 10/12/2025 như sau:",
        review_only=False,
    )
    assert is_duty(
        "Các đơn vị gửi kèm theo kết quả thực hiện về Sở Nội vụ trước ngày 10/12/2025.",
        review_only=False,
    )


def test_a_plans_yearly_results_with_the_day_in_brackets_or_as_asked() -> None:
    found = _duties(
        "Định kỳ báo cáo UBND tỉnh (qua Sở Tư pháp) kết quả thực hiện Kế hoạch hằng năm (trước "
        "ngày 15 tháng 11) hoặc theo đề nghị để tổng hợp."
    )
    assert [(d.kind, d.due, d.via) for d in found] == [
        (DutyKind.ANNUAL, "11-15", "Sở Tư pháp"),
        (DutyKind.AD_HOC, None, "Sở Tư pháp"),
    ]
    # the plan made every year is no report of its own
    assert _kinds("Các Sở xây dựng kế hoạch hằng năm, gửi Sở Tư pháp trước ngày 15/12/2025.") == [
        (DutyKind.ONE_OFF, "2025-12-15")
    ]


def test_a_content_part_about_reports_assigns_them() -> None:
    plan = (
        "IV. NỘI DUNG HOẠT ĐỘNG",
        "1. Xây dựng báo cáo đánh giá nguy cơ môi trường",
        "- Các xã tổ chức thu gom rác thải và báo cáo hằng ngày.",
        "2. Công tác giám sát, kiểm tra, báo cáo",
        "- Các Trung tâm y tế giám sát tuyến xã và báo cáo hằng ngày.",
        "- Khi xuất hiện ca bệnh bất thường, báo cáo ngay về Sở Y tế.",
        "V. TỔ CHỨC THỰC HIỆN",
        "Các sở, ngành triển khai Kế hoạch này.",
    )
    assert [(d.kind, d.quote[:22]) for d in _duties(*plan)] == [
        (DutyKind.PERIODIC_UNDATED, "Các Trung tâm y tế giá"),
        (DutyKind.AD_HOC, "Khi xuất hiện ca bệnh "),
    ]


def test_a_report_only_in_hard_cases_is_ad_hoc() -> None:
    assert _kinds(
        "Trường hợp phát hiện nội dung chưa đúng thì tổ chức điều chỉnh theo thẩm quyền hoặc báo "
        "cáo cấp có thẩm quyền theo quy định."
    ) == [(DutyKind.AD_HOC, None)]
    assert _kinds(
        "Nếu có vướng mắc, UBND các huyện báo cáo về Cục Thuế tỉnh; trường hợp phức tạp Cục Thuế "
        "tỉnh báo cáo và đề xuất ý kiến cho Ủy ban nhân dân tỉnh xem xét."
    ) == [(DutyKind.AD_HOC, None), (DutyKind.AD_HOC, None)]
    # "trường hợp đặc biệt" before another verb does not make the report occasional
    assert _kinds(
        "Hằng năm, Bộ Tư pháp tổng hợp, báo cáo Thủ tướng Chính phủ, trường hợp đặc biệt kiến "
        "nghị điều chỉnh Đề án."
    ) == [(DutyKind.ANNUAL, None)]


def test_review_a_regime_inspected_or_trained_on_outside_the_organising_part_asks_nothing() -> None:
    organising = ("IV. TỔ CHỨC THỰC HIỆN", "Các đơn vị báo cáo về Sở Nội vụ trước ngày 15/12/2025.")
    for line in (
        "1. Kiểm tra việc thực hiện chế độ báo cáo thống kê hằng tháng, hằng quý của các xã gửi "
        "Chi cục Thống kê.",
        "2. Kiểm tra việc các xã định kỳ hằng năm gửi báo cáo về Sở Tài chính.",
        "3. Tập huấn cho cán bộ thống kê xã về chế độ báo cáo 6 tháng, hằng năm gửi UBND huyện.",
    ):
        assert _kinds("II. NỘI DUNG KIỂM TRA", line, *organising) == [
            (DutyKind.ONE_OFF, "2025-12-15")
        ], line


def test_review_a_new_subject_after_a_cited_letters_subject_asks() -> None:
    for sentence, due in (
        (
            "Sở Nội vụ đã có Công văn số 2345/SNV-CCVC về việc rà soát số lượng công chức cấp xã, "
            "theo đó các xã báo cáo về Sở Nội vụ trước ngày 10/12/2025.",
            "2025-12-10",
        ),
        (
            "Văn phòng Chính phủ đã có Công văn 9876/VPCP-KTTH v/v báo cáo tình hình thực hiện "
            "Nghị quyết 01, các bộ, ngành báo cáo Thủ tướng Chính phủ trước ngày 25/12/2025.",
            "2025-12-25",
        ),
    ):
        assert [d for _, d in _kinds(sentence)] == [due], sentence


def test_review_the_units_own_sending_after_a_cited_letter_is_a_report() -> None:
    for sentence in (
        "Các đơn vị thực hiện theo Công văn số 1520/SNV-CCVC ngày 01/12/2025 của Sở Nội vụ gửi báo "
        "cáo về Sở Nội vụ trước ngày 20/12/2025.",
        "Các trường rà soát theo Kế hoạch số 56/KH-SGDĐT gửi về Sở Giáo dục và Đào tạo trước ngày "
        "20/12/2025.",
    ):
        assert _kinds(sentence) == [(DutyKind.ONE_OFF, "2025-12-20")], sentence


def test_review_names_and_words_the_new_rules_must_leave_alone() -> None:
    assert find_recipients("Các xã báo cáo về Bộ phận giúp việc Ban Chỉ đạo huyện hằng tháng.") == [
        "Bộ phận giúp việc Ban Chỉ đạo huyện"
    ]
    # a request or a new subject after what is deemed asks
    assert _kinds(
        "Đây được coi là nhiệm vụ trọng tâm, đề nghị các đơn vị báo cáo kết quả về Sở Nội vụ trước "
        "ngày 15/12/2025."
    ) == [(DutyKind.ONE_OFF, "2025-12-15")]
    assert _kinds(
        "Chuyển đổi số được coi là nhiệm vụ trọng tâm năm 2025, các sở, ngành báo cáo kết quả về "
        "Sở Khoa học và Công nghệ trước ngày 10/12/2025."
    ) == [(DutyKind.ONE_OFF, "2025-12-10")]
    # "hoặc theo đề nghị" after a day adds the ad hoc report to the dated one
    assert _kinds(
        "Các phòng, ban gửi báo cáo về Văn phòng UBND huyện trước ngày 25/12/2025 hoặc theo đề "
        "nghị của Văn phòng."
    ) == [(DutyKind.ONE_OFF, "2025-12-25"), (DutyKind.AD_HOC, None)]
    # figures that show the situation promptly are no prompt report
    assert _kinds(
        "Định kỳ hằng tháng, các xã gửi báo cáo về Chi cục Thống kê trước ngày 20 hàng tháng, bảo "
        "đảm số liệu phản ánh kịp thời, chính xác tình hình kinh tế - xã hội."
    ) == [(DutyKind.MONTHLY, "trước ngày 20 hàng tháng")]
    # a closing line's "đề nghị của …" is a noun, not a request
    for closing in (
        "Trên đây là kết quả giải quyết đề nghị của cử tri gửi đến kỳ họp, UBND tỉnh báo cáo Hội "
        "đồng nhân dân tỉnh.",
        "Trên đây là báo cáo định kỳ hằng quý của Sở Tư pháp gửi Bộ Tư pháp theo đề nghị tại Công "
        "văn số 12/BTP-VP.",
    ):
        assert _kinds(closing) == [], closing


def test_review_a_request_after_the_citation_is_the_letters_own() -> None:
    letter = (
        "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH",
        "Số: 5678/UBND-NC | Bình Định, ngày 05 tháng 12 năm 2025",
        "Thực hiện Công văn số 1234/BNV-CCVC ngày 20/11/2025 của Bộ Nội vụ, UBND tỉnh đề nghị các "
        "sở, ngành rà soát số liệu biên chế; báo cáo kết quả năm 2025 về Sở Nội vụ trước ngày "
        "10/01.",
    )
    assert [d for _, d, _ in _read(*letter)] == ["2025-01-10"]

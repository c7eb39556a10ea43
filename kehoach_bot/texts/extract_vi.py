"""Vietnamese words of the warnings the plan-language reader gives: dates, periods, units, matches."""

from __future__ import annotations

# Dates and deadlines.
IMPOSSIBLE_DATE = (
    "Ngày «{text}» không có thật (tháng {month} không có ngày {day}): không dùng làm hạn."
)
RELATIVE_DEADLINE = (
    "Hạn «{text}» tính từ một sự kiện, không phải một ngày cố định: quản trị viên đặt ngày."
)
BY_REFERENCE = (
    "Hạn chỉ ghi «{text}», không nêu ngày: quản trị viên tra văn bản được dẫn và đặt ngày."
)
NOT_A_DEADLINE = (
    "«{text}» là ngày của một văn bản khác hoặc một kỳ số liệu, không phải hạn báo cáo."
)
UNDATED = "Báo cáo định kỳ không ghi ngày: quản trị viên đặt lịch."
ONE_OFF_UNDATED = "Báo cáo một lần không ghi hạn: quản trị viên đặt ngày."
FREQUENCY_UNDATED_NOTE = (
    "Văn bản ghi kỳ báo cáo ({kind}) nhưng không ghi ngày: quản trị viên đặt lịch."
)
FREQUENCY_WORDS = {
    "annual": "hằng năm",
    "semiannual": "6 tháng",
    "quarterly": "hằng quý",
    "monthly": "hằng tháng",
}
NO_YEAR = "Hạn «{text}» không ghi năm trong cùng câu: quản trị viên ghi năm."
SEVERAL_DATES = "Một kỳ báo cáo có nhiều ngày ({dates}): giữ ngày đầu, quản trị viên kiểm tra."
NO_DAY_RULE = "Báo cáo {kind} không ghi ngày trong kỳ: quản trị viên đặt lịch."
KIND_WORDS = {"quarterly": "hằng quý", "monthly": "hằng tháng"}

# Units.
VAGUE_GROUP = "«{name}» là một nhóm không nêu tên đơn vị: quản trị viên chọn các đơn vị cụ thể."
CHANNEL_NOT_OFFICE = "«{text}» là kênh gửi báo cáo, không phải cơ quan đầu mối."

# Matching names to the directory.
WEAK_MATCH = "«{name}» khớp chưa chắc với {code} ({unit}, điểm {score}): quản trị viên xác nhận."
NO_MATCH = "Không tìm thấy «{name}» trong danh bạ đơn vị: quản trị viên thêm hoặc chọn đơn vị."
AMBIGUOUS_MATCH = "«{name}» khớp với nhiều đơn vị ({codes}): quản trị viên chọn một."

# Assembling a plan.
CONFLICTING_DATES = (
    "Cùng một luồng báo cáo về {office} có hai hạn khác nhau: {first} (mục {first_ref}) và "
    "{second} (mục {second_ref}): quản trị viên chọn hạn đúng."
)
OTHER_LOCALITY = (
    "«{name}» chỉ khớp với {code} của địa phương khác ({locality}): quản trị viên xác nhận."
)
RECIPIENT_FROM_SECTION = (
    "Câu không nêu nơi nhận: lấy nơi nhận «{recipient}» của mục này, quản trị viên kiểm tra."
)

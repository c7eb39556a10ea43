"""Vietnamese words of the drafted plan file: its comments and the review notes it holds."""

from __future__ import annotations

HEADER = (
    "# Bản nháp tệp kế hoạch, đọc tự động từ {source}. Hãy soát từng nghĩa vụ với văn bản gốc, "
    "sửa các chỗ có dấu ⚠ rồi mới nạp."
)
UNKNOWN_SOURCE = "văn bản gửi lên"
WARNING_MARK = "⚠"
NO_TITLE = "[Chưa đọc được tên kế hoạch: hãy ghi tên]"
NO_VALID_FROM = (
    "⚠ Văn bản không ghi ngày ban hành: valid_from tạm lấy ngày nạp, sửa nếu kế hoạch có hiệu lực "
    "từ ngày khác."
)
UNMATCHED = "⚠ Chưa khớp được «{name}» với danh bạ đơn vị: ghi mã đơn vị vào {field}."
UNMATCHED_NOTE = "Chưa khớp được «{name}» với danh bạ đơn vị."
WEAK = "⚠ «{name}» khớp chưa chắc với {code}: kiểm tra {field}."
WEAK_NOTE = "«{name}» khớp chưa chắc với {code}."
UNDATED_NOTE = "Văn bản không ghi kỳ và ngày: quản trị viên đặt lịch."
DUE_UNREADABLE_NOTE = "Chưa đọc được ngày hạn: quản trị viên đặt lịch."
HALVES_DIFFER = "Hai kỳ 6 tháng có ngày khác nhau: chỉ giữ kỳ đầu, kiểm tra lại."
WORDING_GUESSED = "Văn bản không ghi «trước ngày» hay «chậm nhất»: tạm hiểu là hạn tính cả ngày đó."
TITLE = "Báo cáo {frequency}"
TITLE_TO = "Báo cáo {frequency} gửi {to}"
# Keyed by DutyKind values.
FREQUENCY = {
    "one_off": "một lần",
    "annual": "hằng năm",
    "semiannual": "6 tháng",
    "quarterly": "hằng quý",
    "monthly": "hằng tháng",
    "ad_hoc": "đột xuất",
    "periodic_undated": "định kỳ",
}

# The `extract` command.
FILE_TOO_BIG = "Tệp {name} lớn quá {mb} MB: hãy gửi bản văn bản gọn hơn (không kèm ảnh quét)."
FILE_NOT_FOUND = "Không tìm thấy tệp {path}."
FILE_IS_DIRECTORY = "{path} là một thư mục, không phải tệp văn bản kế hoạch."
FILE_UNREADABLE = "Không đọc được tệp {path}: {reason}."
WRITTEN = (
    "Đã ghi bản nháp tệp kế hoạch {code} vào {path}: {obligations} nghĩa vụ báo cáo, {tasks} "
    "nhiệm vụ. Soát lại rồi nạp bằng: python bot.py load-plans {path}"
)
WARNINGS = "Cần xem lại ({count}):"

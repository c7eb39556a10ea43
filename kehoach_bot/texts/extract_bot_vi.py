"""Vietnamese words of /kehoachmoi: reading a new plan from its own text in the bot."""

from __future__ import annotations

ASK = (
    "📄 Gửi văn bản kế hoạch: tệp Word (.docx), PDF hoặc .txt; hoặc dán nội dung vào đây (dài "
    "thì chia nhiều tin) rồi bấm «📖 Đọc». Bot đọc các nghĩa vụ báo cáo, hạn, đơn vị và soạn bản "
    "nháp tệp kế hoạch để bạn soát trước khi nạp."
)
BUTTON_READ = "📖 Đọc"
BUTTON_CANCEL = "Hủy"
PASTED = "Đã nhận {chars} ký tự ({parts} tin). Dán tiếp, hoặc bấm «📖 Đọc»."
NOTHING_PASTED = "Chưa có nội dung nào: hãy dán văn bản kế hoạch hoặc gửi tệp."
TOO_LONG = (
    "Nội dung dán vào đã quá {limit} ký tự. Hãy gửi văn bản dưới dạng tệp Word, PDF hoặc .txt."
)
PASTED_NAME = "văn bản dán vào"
NOT_READING = "Không có văn bản kế hoạch nào đang chờ đọc. Gõ /kehoachmoi để bắt đầu."
READING = "⏳ Đang đọc {name}…"

SUMMARY_TITLE = "📄 Bản nháp kế hoạch {code}: {obligations} nghĩa vụ báo cáo, {tasks} nhiệm vụ."
SUMMARY_PLAN = "{title}"
SUMMARY_NUMBER = "Số {number}, ngày {date}"
SUMMARY_NUMBER_ONLY = "Số {number}"
OBLIGATION = "{index}. {kind}{due} — {responsible}{to}"
OBLIGATION_DUE = ", {due}"
DUE_JOIN = " và "
OBLIGATION_TO = " → {recipient}"
OBLIGATION_VIA = " (qua {via})"
NO_RESPONSIBLE = "chưa rõ đơn vị"
UNMATCHED_MARK = "⚠"
WARNINGS = "⚠ Cần xem lại ({count}):"
WARNING_LINE = "• {warning}"
NOTES = "Ghi chú: {notes}"
NO_OBLIGATION = "Không tìm thấy nghĩa vụ báo cáo nào trong văn bản này."
READY = (
    "Tệp nháp ở trên nạp được. Bấm «Lưu» để nạp (các nghĩa vụ có dấu ⚠ chờ quản trị viên duyệt "
    "bằng /duyet trước khi được nhắc), hoặc sửa tệp rồi gửi lại."
)
NOT_READY = (
    "Tệp nháp chưa nạp được:\n{problems}\nMở tệp ở trên, sửa các chỗ có dấu ⚠ (ghi mã đơn vị, "
    "ngày…) rồi gửi lại tệp .toml cho bot."
)
CAPTION = "Bản nháp tệp kế hoạch {code} — soát với văn bản gốc trước khi nạp."
# Keyed by DutyKind values.
KIND = {
    "one_off": "Một lần",
    "annual": "Hằng năm",
    "semiannual": "6 tháng",
    "quarterly": "Hằng quý",
    "monthly": "Hằng tháng",
    "ad_hoc": "Đột xuất",
    "periodic_undated": "Định kỳ (chưa có ngày)",
}
SEND_A_FILE = "Hãy gửi văn bản dưới dạng tệp (Word, PDF hoặc .txt), không phải ảnh."
FILE_TOO_BIG = "Tệp nặng {size}, quá giới hạn {max_mb} MB. Hãy gửi bản gọn hơn."

"""Vietnamese words of the exported tables (Excel and CSV) and of the `export` command."""

from __future__ import annotations

# Sheets of the Excel file.
SHEET_TABLE = "Bảng theo dõi"
SHEET_SUMMARY = "Tổng hợp"

# Cell styles of the table (Excel lists them by name).
STYLE_TEXT = "Ô bảng theo dõi"
STYLE_DATE = "Ô ngày"
STYLE_DATETIME = "Ô thời điểm"

# Column headers of the table, in order.
HEADERS = (
    "Mã đơn vị",
    "Tên đơn vị",
    "Báo cáo",
    "Kỳ báo cáo",
    "Tình trạng",
    "Thời hạn theo kế hoạch",
    "Ngày cuối đúng hạn",
    "Thời điểm nộp",
    "Số ngày trễ",
    "Gia hạn đến",
    "Ghi chú của đơn vị",
    "Tệp đã nộp",
)
DEADLINE = "{wording} {date}"  # "trước ngày 25/11/2026"
JOINED = "; "  # between several notes or file names in one cell

# The summary sheet.
SUMMARY_TITLE = "Tổng hợp tình hình báo cáo: {plan}"
SUMMARY_PLAN_NUMBER = "Số ký hiệu: {number}"
SUMMARY_AS_OF = "Số liệu tính đến ngày {date}"
SUMMARY_PERIOD = "Kỳ báo cáo"
SUMMARY_TOTAL = "Tổng cộng"
PAGE_HEADER = "{plan} — tính đến ngày {date}"

# Errors.
NO_ROWS = "Kế hoạch {plan} không có kỳ báo cáo nào trong khoảng đã chọn."
UNKNOWN_PERIOD = "Kế hoạch {plan} không có kỳ {period!r}. Các kỳ của kế hoạch: {periods}."
BAD_RANGE = "Ngày bắt đầu ({start}) sau ngày kết thúc ({end}): khoảng thời gian rỗng."
BAD_FORMAT = "Không xuất được tệp {name!r}: chỉ hỗ trợ tệp .xlsx (Excel) hoặc .csv."
CANNOT_WRITE = "Không ghi được tệp {path}: {reason}. Hãy chọn một thư mục có quyền ghi."
EXPORTED = "Đã xuất {rows} dòng của kế hoạch {plan} vào {path}."

# --- /xuat in the bot ------------------------------------------------------------------------
NOT_YOUR_PLAN = (
    "Bạn không phải đầu mối của kế hoạch {plan} nên không xuất được bảng của kế hoạch này. "
    "Lần thử này đã được ghi nhật ký."
)
NO_PLANS = "Bạn chưa là đầu mối của kế hoạch nào."
CHOOSE_PLAN = "Xuất bảng Excel của kế hoạch nào?"
CHOOSE_PERIOD = "Kế hoạch {plan}: xuất kỳ báo cáo nào?"
NO_PERIODS = "Kế hoạch {plan} chưa có kỳ báo cáo nào do bạn theo dõi."
FILE_NAME = "bang-theo-doi_{plan}_{period}.xlsx"
ALL_PERIODS = "tat-ca-cac-ky"
CAPTION = "📊 Bảng theo dõi {plan} — {period}: {rows} dòng, số liệu tính đến {date}."
CAPTION_ALL = "mọi kỳ"

# --- /bieudo, /tonghop, /tepnop in the bot -----------------------------------------------------
CHART_CHOOSE_PLAN = "Vẽ biểu đồ của kế hoạch nào?"
CHART_CAPTION = "📈 Biểu đồ tình hình báo cáo {plan} — {period}, số liệu tính đến {date}."
SYNTHESIS_CHOOSE_PLAN = "Soạn dự thảo báo cáo tổng hợp cho kế hoạch nào?"
SYNTHESIS_CHOOSE_PERIOD = "Kế hoạch {plan}: tổng hợp kỳ báo cáo nào?"
SYNTHESIS_FILE_NAME = "du-thao-bao-cao-tong-hop_{plan}_{period}.docx"
SYNTHESIS_CAPTION = (
    "📝 Dự thảo báo cáo tổng hợp {plan} — {period}: {reported}/{units} đơn vị đã báo cáo. "
    "Mở tệp để sửa các chỗ trong [ngoặc vuông] trước khi trình ký."
)
FILES_CHOOSE_PLAN = "Lấy các tệp đã nộp của kế hoạch nào?"
FILES_CHOOSE_PERIOD = "Kế hoạch {plan}: lấy tệp của kỳ báo cáo nào?"
FILES_FILE_NAME = "tep-da-nop_{plan}_{period}.zip"
FILES_CAPTION = "🗂 Các tệp đã nộp {plan} — {period}: {files} tệp, kèm mục lục {index}."
FILES_CAPTION_MISSING = " {missing} tệp không còn trên máy chủ (xem mục lục)."
FILES_TOO_BIG = (
    "Tệp nén các báo cáo {plan} — {period} nặng {size} MB, quá giới hạn {limit} MB mà Telegram "
    "cho phép bot gửi. Quản trị viên lấy được tệp này trên máy chủ bằng lệnh:\n"
    'python bot.py files --plan {plan} --period "{period}" --out tep-da-nop.zip'
)

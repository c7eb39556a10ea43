"""Vietnamese words of the draft synthesis report (.docx) and of the `synthesis` command.

The layout follows Nghị định 30/2020/NĐ-CP (thể thức văn bản hành chính). What the database does
not hold stays a bracketed placeholder for the coordinator to fill in.
"""

from __future__ import annotations

# Placeholders: facts the database does not hold.
OFFICE_PLACEHOLDER = "[Tên cơ quan]"
NUMBER = "Số: [Số]/BC-{symbol}"
SYMBOL_PLACEHOLDER = "[ký hiệu]"
PLACE_DATE = "[địa danh], ngày … tháng … năm …"
RECIPIENT_PLACEHOLDER = "[Nơi nhận]"
SIGNER_TITLE = "[CHỨC VỤ NGƯỜI KÝ]"
SIGNER_NOTE = "(Ký, ghi rõ họ tên, đóng dấu)"
SIGNER = "[Người ký]"
PROPOSALS = "[Nêu đề xuất, kiến nghị của cơ quan tổng hợp.]"

# Quốc hiệu và tiêu ngữ.
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

# Title.
TITLE = "BÁO CÁO"
SUBJECT_ONE = "Kết quả thực hiện {report} {period} theo {plan}"
SUBJECT_MANY = "Kết quả thực hiện {plan}, {period}"
PLAN_REF = "Kế hoạch số {number}"
PLAN_REF_DATED = "Kế hoạch số {number} ngày {date}"
PLAN_REF_ISSUER = "{ref} của {issuer}"
PLAN_UNNUMBERED = "Kế hoạch «{title}»"
TO_ONE = "Kính gửi: {recipient}."
TO_MANY = "Kính gửi:"
TO_LINE = "- {recipient};"
TO_LAST = "- {recipient}."

# I. Units' reporting.
PART_I = "I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ"
INTRO = (
    "Thực hiện {plan}, tính đến ngày {date}, {units} đơn vị có trách nhiệm báo cáo {period} "
    "({rows} báo cáo), trong đó:"
)
REPORTS_COVERED = "Các báo cáo của kỳ: {reports}."
COUNT_LINE = "- {category}: {count} báo cáo;"
COUNT_LAST = "- {category}: {count} báo cáo."

# II. Results, one part per unit that reported.
PART_II = "II. KẾT QUẢ THỰC HIỆN"
UNIT_HEADING = "{index}. {unit}"
SUBMITTED_ON_TIME = "{report}: đã nộp lúc {time} ngày {date}, đúng hạn."
SUBMITTED_LATE = "{report}: đã nộp lúc {time} ngày {date}, trễ {days} ngày."
NOTE = "Nội dung đơn vị báo cáo: «{note}»"
NO_NOTE = "Đơn vị không ghi nội dung kèm theo."
FILES = "Tệp đã nộp: {files}."
FILES_JOINED = "; "
NONE_REPORTED = "Chưa có đơn vị nào nộp báo cáo của kỳ này."

# III. Units that did not report.
PART_III = "III. CÁC ĐƠN VỊ CHƯA BÁO CÁO"
MISSING_UNIT = "{index}. {unit}:"
MISSING_ON_TIME = "- {report} (hạn cuối {date}, còn trong hạn);"
MISSING_OVERDUE = "- {report} (hạn cuối {date}, quá hạn {days} ngày);"
MISSING_NOT_TRACKED = "- {report} (hạn cuối {date}, không theo dõi);"
NONE_MISSING = "Tất cả các đơn vị đã nộp báo cáo của kỳ này."

# IV. Proposals.
PART_IV = "IV. ĐỀ XUẤT, KIẾN NGHỊ"

# Nơi nhận.
RECEIVERS = "Nơi nhận:"
RECEIVER = "- {recipient};"
ARCHIVE = "- Lưu: VT."

# Document properties.
DOC_TITLE = "Báo cáo tổng hợp {plan} — {period}"

# --- the `synthesis` command ----------------------------------------------------------------
PERIOD_REQUIRED = 'Báo cáo tổng hợp là của một kỳ: hãy ghi --period, ví dụ --period "năm 2026".'
BAD_FORMAT = "Không tạo được tệp {name!r}: báo cáo tổng hợp chỉ xuất ra tệp Word .docx."
WRITTEN = "Đã tạo dự thảo báo cáo tổng hợp kế hoạch {plan}, {period} ({units} đơn vị) vào {path}."

# --- in the bot -----------------------------------------------------------------------------
NOT_YOUR_PLAN = (
    "Bạn không phải đầu mối của kế hoạch {plan} nên không lập được báo cáo tổng hợp của kế hoạch "
    "này. Lần thử này đã được ghi nhật ký."
)

"""Vietnamese words of the zip of submitted files, its index workbook and the `files` command."""

from __future__ import annotations

# The index workbook inside the zip.
INDEX_NAME = "muc-luc.xlsx"
SHEET_FILES = "Mục lục"
SHEET_WITHOUT = "Chưa có tệp"
HEADERS = (
    "Tên trong tệp nén",
    "Mã đơn vị",
    "Tên đơn vị",
    "Báo cáo",
    "Kỳ báo cáo",
    "Thời điểm nộp",
    "Người nộp",
    "Tình trạng",
    "Tên tệp khi nộp",
    "Dung lượng (byte)",
    "SHA-256",
    "Ghi chú",
)
WITHOUT_HEADERS = ("Mã đơn vị", "Tên đơn vị", "Báo cáo", "Kỳ báo cáo", "Tình trạng")
MISSING = "không tìm thấy tệp"
REPLACED = "đã được thay bằng tệp nộp sau"

# Errors.
NO_FILES = "Kế hoạch {plan}, kỳ {period}: chưa đơn vị nào gửi tệp báo cáo nên không có gì để nén."
NOT_YOUR_PLAN = (
    "Bạn không phải đầu mối của kế hoạch {plan} nên không tải được các tệp của kế hoạch này. "
    "Lần thử này đã được ghi nhật ký."
)
BAD_FORMAT = "Không ghi được tệp {name!r}: chỉ hỗ trợ tệp nén .zip."

# The `files` command.
WRITTEN = "Đã nén {files} tệp của kế hoạch {plan}, kỳ {period} vào {path} ({size} byte)."
WRITTEN_MISSING = "Không tìm thấy {missing} tệp trên đĩa; xem trang «Mục lục» trong {index}."

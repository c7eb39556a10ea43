"""Vietnamese texts about plan files and unit directories."""

from __future__ import annotations

# A text with a {placeholder} is filled in with .format(); one without is used as it is.

# Kinds of unit and of report, as written in plan files (the key) and as read by people (the value).
UNIT_KINDS = {
    "bo": "Bộ, ngành trung ương",
    "ubnd_tinh": "UBND tỉnh",
    "so": "Sở",
    "ubnd_huyen": "UBND huyện/thị xã/thành phố",
    "phong": "Phòng, ban",
    "ubnd_xa": "UBND xã/phường/thị trấn",
    "dang": "Cơ quan Đảng",
    "mttq_doan_the": "MTTQ, đoàn thể",
    "don_vi": "Đơn vị khác",
    "nhom": "Nhóm đơn vị",
}
REPORT_KINDS = {
    "dinh_ky": "định kỳ",
    "chuyen_de": "chuyên đề",
    "dot_xuat": "đột xuất",
    "mot_lan": "một lần",
}

# How problems are put together: "obligations[2].schedule: thiếu (bắt buộc)".
FILE_PROBLEMS = "{source}: {problems}"
PROBLEM_SEPARATOR = "; "
FIELD_PROBLEM = "{field}: {problem}"

# Reading a file.
FILE_TOO_LARGE = "tệp quá lớn (tối đa {max_kb} KB)"
FILE_NOT_FOUND = "không tìm thấy tệp"
FILE_IS_DIRECTORY = "đây là thư mục, không phải tệp"
FILE_NOT_UTF8 = "tệp không phải văn bản UTF-8"
FILE_NOT_READABLE = "không có quyền đọc tệp"
BAD_TOML = "không đúng cú pháp TOML: {error}"

# One field of a table.
MISSING = "thiếu (bắt buộc)"
NOT_TEXT = "phải là chuỗi ký tự"
MISSING_DATE = "thiếu ngày (bắt buộc)"
BAD_DATE = "ngày không hợp lệ: {value!r} (dùng dạng YYYY-MM-DD)"
NOT_DATE = "phải là ngày"
NOT_UNIT_CODES = "phải là danh sách mã đơn vị"
NO_UNIT = "cần ít nhất một đơn vị"
NOT_TABLES = "phải là mảng bảng [[...]]"
DUPLICATE = "trùng {value!r}"

# Units and groups.
BAD_UNIT_KIND = "loại đơn vị không hợp lệ: {kind!r} (chọn một trong {choices})"
NOT_NAMES = "phải là danh sách tên"
SUCCESSORS_NEED_END = "cần kèm ended_on (ngày đơn vị chấm dứt)"
DUPLICATE_UNIT = "mã đơn vị trùng: {code}"

# The plan and its obligations.
BAD_PLAN_CODE = "chỉ dùng chữ, số, '-' và '_'"
PLAN_ENDS_BEFORE_START = "ngày kết thúc hiệu lực trước ngày bắt đầu"
NOT_DIRECTORY_NAMES = 'phải là danh sách tên danh bạ đơn vị, ví dụ ["quang-ngai"]'
NO_OBLIGATION = "kế hoạch cần ít nhất một nghĩa vụ báo cáo [[obligations]]"
BAD_CHOICE = "không hợp lệ: {value!r} (chọn {choices})"
NOT_SCHEDULE = 'thiếu hoặc không phải bảng, ví dụ { type = "yearly", month = 10, day = 20 }'
DATED_NEEDS_DATED_WORDING = (
    "lịch có ngày thì cách ghi hạn phải là truoc_ngay, cham_nhat hoặc den_ngay"
)
UNDATED_NEEDS_AS_REGULATED = 'nghĩa vụ không ghi ngày dùng wording = "theo_quy_dinh"'
BAD_LEAD_DAYS = "phải là danh sách số ngày từ 0 đến {max_days}"
OBLIGATION_ENDS_BEFORE_START = "ngày kết thúc trước ngày bắt đầu"

"""Vietnamese texts of the command line. One place, so that a native writer can correct them."""

from __future__ import annotations

from kehoach_bot.domain.status import Status

ERROR_PREFIX = "Lỗi"
HINT_HELP = "Xem hướng dẫn: python bot.py --help"

BAD_RANGE = "--from ({start}) sau --to ({end}): khoảng thời gian rỗng."
BAD_ROUTE = "Tuyến {value!r} phải có dạng KẾ_HOẠCH:NGHĨA_VỤ=ĐƠN_VỊ"
DATABASE_UNREACHABLE = "Không kết nối được cơ sở dữ liệu ({url}): {reason}"

ARGPARSE = {
    "the following arguments are required": "thiếu tham số bắt buộc",
    "unrecognized arguments": "tham số không nhận ra",
    "invalid choice": "lựa chọn không hợp lệ",
    "expected one argument": "cần một giá trị",
    "argument": "tham số",
}

PLAN_FILE_PROBLEMS = "Tệp kế hoạch {source} có {count} lỗi, không nạp gì:"
LOAD_STATUS = {"created": "mới", "updated": "cập nhật", "unchanged": "không đổi"}
LOAD_LINE = (
    "{code} ({source}): {status}, phiên bản {version}; {obligations} nghĩa vụ, {tasks} nhiệm vụ; "
    "kỳ báo cáo: +{created} mới, {updated} cập nhật, {transferred} chuyển, {removed} bỏ"
)
MIGRATED = "Cơ sở dữ liệu đã ở phiên bản mới nhất: {url}"
SEEDED = "Đã nạp {count} kế hoạch mẫu vào cơ sở dữ liệu mới."

CALENDAR_EMPTY = "Không có kỳ báo cáo nào trong khoảng thời gian này."
CALENDAR_HEADERS = (
    "Đơn vị",
    "Báo cáo",
    "Kỳ",
    "Hạn (như văn bản)",
    "Hạn cuối đúng hạn",
    "Tình trạng",
)
CALENDAR_DUE = "{wording} {date}"
CALENDAR_TOTAL = "Tổng: {count} kỳ báo cáo — {summary}"
DUE_SOON = "sắp đến hạn"
STATUS_SHORT: dict[str, str] = {
    Status.OPEN_ON_TIME.value: "đang thực hiện trong hạn",
    Status.OPEN_OVERDUE.value: "đang thực hiện quá hạn",
    Status.DONE_ON_TIME.value: "hoàn thành đúng hạn",
    Status.DONE_LATE.value: "hoàn thành quá hạn",
}
EXTENDED = "gia hạn đến {date}"

UNITS_HEADERS = ("Mã", "Tên", "Loại", "Hoạt động", "Tên khác / thành viên / kế thừa")
YES, NO = "có", "không"
MEMBERS = "thành viên: {codes}"
NO_MEMBERS = "chưa có thành viên (quản trị viên bổ sung)"
SUCCESSORS = "kế thừa: {codes}"
PLANS_HEADERS = ("Mã", "Số", "Tên kế hoạch", "Nghĩa vụ", "Nhiệm vụ")

SUCCESSION_DONE = (
    "Đã ghi nhận {old} → {successors}. Kỳ báo cáo: {transferred} chuyển sang đơn vị kế thừa, "
    "+{created} mới cho đơn vị kế thừa."
)
UNIT_ADDED = "Đã thêm đơn vị {code}: {name}."
REQUEST_DONE = (
    "Đã tạo yêu cầu đột xuất số {id} cho {count} đơn vị ({units}): hạn {due}, "
    "hạn cuối đúng hạn {last_day}."
)
INVITE_NO_USERNAME = (
    "Mã mời cho {unit} (dùng một lần): {code}\n"
    "Chưa biết tên bot (đặt telegram.username trong cấu hình để in đường dẫn). Người được mời mở bot và "
    "gửi: /start {code}"
)

OUTBOX_STATUS = {
    "pending": "chờ gửi",
    "sending": "đang gửi",
    "sent": "đã gửi",
    "failed": "lỗi",
    "undeliverable": "không gửi được",
    "cancelled": "đã hủy (không còn đến hạn)",
}
OUTBOX_LINE = "Outbox — {counts}"
LAST_TICK = "Tick gần nhất: {at} — {info}"
NO_TICK = "Tick chưa chạy lần nào (bot chưa chạy: python bot.py run)."
UPCOMING = "Ngày nhắc sắp tới (số kỳ báo cáo): {days}"
NOT_YET_PLANNED = (
    "Kỳ báo cáo còn mở chưa được tick xếp ngày nhắc (tick chỉ xếp trong giờ làm việc): {count}"
)

"""What the board (bảng theo dõi trên trình duyệt) and its sign-in say, in Vietnamese."""

from __future__ import annotations

from kehoach_bot.texts.plans_vi import UNIT_KINDS as PLAN_UNIT_KINDS

# --- Configuration ---------------------------------------------------------------------------
CONFIG_BAD_ENABLED = "board.enabled chỉ nhận true hoặc false"
CONFIG_BAD_HOST = 'board.host phải là một địa chỉ, ví dụ "127.0.0.1"'
CONFIG_BAD_PORT = "board.port phải là số cổng từ 1 đến 65535"
CONFIG_BAD_PUBLIC_URL = 'board.public_url phải bắt đầu bằng https:// (hoặc http://), ví dụ "https://bang.example.gov.vn"'
CONFIG_BAD_NUMBER = "board.{key} phải là số nguyên từ 1 đến {most}"

# --- Sign-in links (/bang and board-link) ----------------------------------------------------
BOARD_OFF = "Bảng theo dõi trên trình duyệt chưa được bật. Hãy nhờ quản trị viên bật mục [board] trong cấu hình."
TOO_MANY_LINKS = "Bạn đã xin {count} đường dẫn đăng nhập trong một giờ qua. Hãy dùng đường dẫn đã nhận, hoặc thử lại sau {minutes} phút."
LINK = (
    "Đường dẫn mở bảng theo dõi của bạn (dùng một lần, hết hạn lúc {expires}):\n{url}\n\n"
    "Đừng chuyển đường dẫn này cho người khác: ai mở nó sẽ xem bảng với quyền của bạn."
)
LINK_CLI = "Đường dẫn đăng nhập bảng theo dõi cho Telegram {telegram_id} (dùng một lần, hết hạn lúc {expires}):\n{url}"
PERSON_UNKNOWN = (
    "Người dùng Telegram {telegram_id} chưa được mời vào hệ thống (hoặc đã bị thu hồi quyền)."
)

# --- Refusals (pages) ------------------------------------------------------------------------
LINK_REFUSED = "Đường dẫn đăng nhập không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy gửi /bang cho bot để nhận đường dẫn mới."
INIT_DATA_REFUSED = "Không xác thực được dữ liệu đăng nhập từ Telegram (sai chữ ký hoặc đã quá hạn). Hãy mở lại bảng từ bot."
SIGNED_OUT = "Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn. Hãy gửi /bang cho bot để nhận đường dẫn đăng nhập."
NO_ACCESS = "Bạn không còn quyền xem bảng theo dõi. Hãy liên hệ quản trị viên."
NOT_YOUR_PLAN = "Bạn không theo dõi kế hoạch {plan}: chỉ đơn vị đầu mối của kế hoạch và quản trị viên xem được bảng này."
NOT_AN_OFFICER = "Bạn không là cán bộ của đơn vị nào nên trang đơn vị không có gì để hiển thị."
BAD_STATUS = 'Bộ lọc tình trạng "{value}" không có. Hãy chọn một trong các ô chú giải.'
NOT_FOUND_PAGE = "Không có trang này."
METHOD_NOT_ALLOWED = "Bảng theo dõi chỉ để xem: mọi thay đổi thực hiện trong bot."
SERVER_ERROR = "Có lỗi ngoài dự kiến. Hãy thử lại sau ít phút."

# --- Page frame ------------------------------------------------------------------------------
SITE_TITLE = "Bảng theo dõi báo cáo"
NAV_HOME = "Trang chính"
NAV_UNIT = "Đơn vị của tôi"
REFUSED_TITLE = "Không mở được trang"
SIGNED_IN_AS = "Đăng nhập: {name}"
AS_OF = "Số liệu ngày {date}"

# --- Home ------------------------------------------------------------------------------------
HOME_TITLE = "Trang chính"
HOME_PLANS = "Kế hoạch bạn theo dõi"
HOME_ALL_PLANS = "Tất cả kế hoạch (quản trị viên)"
HOME_NO_PLANS = "Bạn chưa là đơn vị đầu mối của kế hoạch nào."
HOME_UNITS = "Đơn vị của bạn"
HOME_UNIT_LINE = "{unit_name}: {owed} báo cáo còn phải nộp"
HOME_UNIT_LINK = "Xem báo cáo của đơn vị"

# --- Grid ------------------------------------------------------------------------------------
GRID_UNIT = "Đơn vị"
GRID_COUNTS = "Tổng: {total} kỳ báo cáo"
GRID_FILTER = "Lọc theo tình trạng"
GRID_ALL = "Tất cả"
GRID_FILTERED = "Đang lọc: {label} — {units} đơn vị"
GRID_EMPTY = "Không có đơn vị nào ở tình trạng này."
GRID_LEGEND = "Chú giải"
GRID_DUE = "{wording} {date}"
GRID_SUBMITTED = "nộp {date}"
GRID_EXTENDED = "gia hạn đến {date}"
GRID_GROUP = "nhóm: chưa có danh sách đơn vị"

# Keyed by the stored value of each status category, plus the two marks.
CATEGORY: dict[str, str] = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "open_on_time": "Đang thực hiện trong hạn",
    "open_overdue": "Quá hạn chưa nộp",
    "not_tracked": "Không theo dõi",
    "due_soon": "Sắp đến hạn",
    "needs_review": "Chờ quyết định",
}

# --- Officer's page --------------------------------------------------------------------------
UNIT_TITLE = "Báo cáo của đơn vị"
UNIT_OWED = "Còn phải nộp"
UNIT_NOTHING_OWED = "Đơn vị không còn báo cáo nào phải nộp."
UNIT_HISTORY = "Lịch sử nộp của bạn"
UNIT_NO_HISTORY = "Bạn chưa nộp báo cáo nào qua bot."
UNIT_HEADERS = ("Báo cáo", "Kế hoạch", "Kỳ", "Hạn", "Tình trạng")
HISTORY_HEADERS = ("Ngày", "Báo cáo", "Kỳ", "Đơn vị", "Nội dung")

# --- Grid filters ----------------------------------------------------------------------------
UNIT_KINDS = PLAN_UNIT_KINDS  # ?loai=so: the stored kind and how people read it
BAD_KIND = 'Loại đơn vị "{value}" không có. Hãy chọn trong danh sách loại đơn vị.'
FILTER_SEARCH = "Tìm đơn vị"
FILTER_SEARCH_HINT = "ví dụ: y te"
FILTER_PERIOD = "Kỳ"
FILTER_KIND = "Loại đơn vị"
FILTER_ANY = "Tất cả"
FILTER_APPLY = "Lọc"
FILTER_CLEAR = "Bỏ lọc"
FILTER_COUNTS_FOLLOW = (
    "Các số đếm ở trên chỉ tính những ô khớp với bộ lọc đơn vị, kỳ và loại đơn vị."
)
FILTER_SHOWING = "Đang lọc: {what} — {units} đơn vị"
FILTER_SEARCHED = 'tên có "{value}"'
FILTER_PERIOD_IS = 'kỳ "{value}"'
FILTER_KIND_IS = "loại {value}"
GRID_NONE_MATCH = "Không có đơn vị nào khớp với bộ lọc."
GRID_PAGES = "Chuyển trang"
GRID_PAGE = "Trang {page}/{pages} · đơn vị {first}–{last} trong {units}"
GRID_PREVIOUS = "◀ Trang trước"
GRID_NEXT = "Trang sau ▶"
BAD_PAGE = 'Số trang "{value}" không hợp lệ: hãy dùng một số nguyên từ 1 trở lên.'

# --- A cell's details (/ke-hoach/<mã>/o/<số>) ------------------------------------------------
CELL_NOT_FOUND = "Không có kỳ báo cáo này trong kế hoạch."
FILE_GONE = "Không tìm thấy tệp này trên máy chủ (có thể đã bị xóa)."
CELL_BACK = "← Về bảng của kế hoạch"
CELL_UNIT = "Đơn vị"
CELL_REPORT = "Báo cáo"
CELL_PERIOD = "Kỳ"
CELL_DUE = "Hạn theo kế hoạch"
CELL_LAST_DAY = "Ngày cuối còn đúng hạn"
CELL_EXTENDED = "Đã gia hạn đến"
CELL_STATUS = "Tình trạng"
CELL_SUBMITTED = "Ngày nộp"
CELL_ANSWERS = "Trả lời của đơn vị"
CELL_NO_ANSWERS = "Đơn vị chưa trả lời lần nào."
CELL_ANSWER_HEADERS = ("Thời gian", "Người trả lời", "Trả lời", "Ghi chú", "Tệp")
CELL_DOWNLOAD = "Tải về: {name}"
CELL_FILE_HIDDEN = "{name} (chỉ đơn vị và đầu mối nhận báo cáo tải được)"
CELL_EXTENSIONS = "Gia hạn"
CELL_NO_EXTENSIONS = "Không có yêu cầu gia hạn."
CELL_EXTENSION_HEADERS = (
    "Ngày xin",
    "Người xin",
    "Xin đến ngày",
    "Lý do",
    "Quyết định",
    "Người quyết định",
)
CELL_REMINDERS = "Tin nhắn bot đã gửi"
CELL_NO_REMINDERS = "Bot chưa gửi tin nhắn nào về kỳ báo cáo này."
CELL_REMINDER_HEADERS = ("Thời gian", "Loại", "Đợt", "Gửi cho", "Kết quả")
CELL_UNKNOWN_PERSON = "(không rõ)"
CELL_ATTEMPTS = "{status} (thử {attempts} lần)"

# Keyed by the stored value of ReplyKind.
ANSWER_KIND: dict[str, str] = {
    "submitted": "Đã nộp",
    "in_progress": "Đang làm",
    "stuck": "Vướng mắc",
    "note": "Ghi chú",
}
# Keyed by the stored value of ExtensionStatus.
EXTENSION_STATUS: dict[str, str] = {
    "pending": "Chờ quyết định",
    "approved": "Đồng ý",
    "refused": "Không đồng ý",
}
# Keyed by the stored value of DeliveryStatus.
DELIVERY_STATUS: dict[str, str] = {
    "pending": "Chờ gửi",
    "sending": "Đang gửi",
    "sent": "Đã gửi",
    "failed": "Gửi lỗi",
    "undeliverable": "Không gửi được (người nhận chặn bot hoặc chưa mở bot)",
    "cancelled": "Đã hủy (không còn cần gửi)",
}
# Keyed by the stored value of MessageKind.
MESSAGE_KIND: dict[str, str] = {
    "reminder": "Nhắc hạn",
    "request": "Yêu cầu đột xuất",
    "submitted": "Báo đơn vị đã nộp",
    "replaced": "Báo đơn vị nộp bản thay thế",
    "withdrawn": "Báo đơn vị rút trả lời",
    "stuck": "Báo vướng mắc",
    "ext_request": "Yêu cầu gia hạn",
    "ext_decision": "Quyết định gia hạn",
    "digest": "Tin tổng hợp",
    "chart": "Biểu đồ tuần",
}

"""What the board's admin page, downloads page and Mini App entry say, in Vietnamese."""

from __future__ import annotations

# --- Admin's flags (/quan-tri) ---------------------------------------------------------------
ADMIN_ONLY = "Trang này chỉ dành cho quản trị viên."
FLAGS_TITLE = "Việc cần quản trị viên quyết định"
FLAGS_LINK = "Việc cần quyết định (quản trị viên)"
FLAGS_READ_ONLY = "Trang này chỉ để xem: mọi quyết định thực hiện trong bot bằng lệnh ghi bên cạnh."
FLAGS_NONE = "Không có việc nào đang chờ quyết định."
GROUPS_HEADING = "Nhóm đơn vị chưa có danh sách ({count})"
GROUPS_DO = "Trong bot: /nhom để xem nhóm và điền danh sách đơn vị thành viên."
GROUPS_HEADERS = ("Kế hoạch", "Nghĩa vụ báo cáo", "Nhóm", "Mã nhóm")
REVIEW_HEADING = "Nghĩa vụ chờ duyệt ({count})"
REVIEW_DO = (
    "Trong bot: /duyet để giữ hoặc bỏ từng ngày hạn; nghĩa vụ chưa có ngày: /sua để đặt ngày trước."
)
REVIEW_HEADERS = ("Kế hoạch", "Nghĩa vụ", "Hạn theo kế hoạch", "Ghi chú", "Việc cần làm")
REVIEW_DECIDE = "/duyet"
REVIEW_UNDATED = "/sua {plan} {obligation}"
ENDED_HEADING = "Đơn vị đã chấm dứt, chưa có đơn vị kế thừa ({count})"
ENDED_DO = "Trong bot: /sapnhap hoặc /chiatach để ghi đơn vị kế thừa."
ENDED_HEADERS = ("Kế hoạch", "Vai trò", "Nghĩa vụ", "Đơn vị", "Ngày chấm dứt")
ENDED_ROLE = {
    "issuer": "cơ quan ban hành",
    "recipient": "nơi nhận báo cáo",
    "via": "cơ quan đầu mối (qua)",
}
NO_DATE = "không rõ"

# --- Downloads (/ke-hoach/<code>/tai-ve) -----------------------------------------------------
DOWNLOADS_LINK = "Tải về"
DOWNLOADS_TITLE = "Tải về — {plan}"
DOWNLOADS_WHOLE = "Cả kế hoạch"
DOWNLOADS_XLSX = "Bảng theo dõi (Excel)"
DOWNLOADS_PNG = "Biểu đồ (PNG)"
DOWNLOADS_PERIODS = "Theo kỳ báo cáo"
DOWNLOADS_HEADERS = ("Kỳ", "Dự thảo báo cáo tổng hợp", "Tệp đã nộp")
DOWNLOADS_DOCX = "Tải .docx"
DOWNLOADS_ZIP = "Tải .zip ({files} tệp)"
DOWNLOADS_NO_FILES = "chưa có tệp"
DOWNLOADS_NONE = "Kế hoạch chưa có kỳ báo cáo nào để xuất."
DOWNLOADS_BACK = "Xem bảng của kế hoạch"
FILES_NAME = "tep-da-nop_{plan}_{period}.zip"
CHART_NAME = "bieu-do_{plan}.png"
TABLE_NAME = "bang-theo-doi_{plan}_ca-ke-hoach.xlsx"
SYNTHESIS_NAME = "du-thao-bao-cao-tong-hop_{plan}_{period}.docx"

# --- Mini App --------------------------------------------------------------------------------
MINI_BUTTON = "📊 Bảng theo dõi"
MINI_TITLE = "Đang mở bảng theo dõi…"
MINI_WAIT = "Đang xác thực với Telegram, xin chờ trong giây lát."
MINI_OUTSIDE = "Nếu trang không tự mở, hãy đóng lại và bấm nút «📊 Bảng theo dõi» trong bot, hoặc gửi /bang để nhận đường dẫn đăng nhập."

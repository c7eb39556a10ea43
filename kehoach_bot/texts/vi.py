"""Vietnamese texts of the command line. One place, so that a native writer can correct them."""

from __future__ import annotations

ERROR_PREFIX = "Lỗi"
# The help, the placeholders and argparse's own messages are in texts/cli_vi.py.

BAD_RANGE = "--from ({start}) sau --to ({end}): khoảng thời gian rỗng."
BAD_ROUTE = "Tuyến {value!r} phải có dạng KẾ_HOẠCH:NGHĨA_VỤ=ĐƠN_VỊ"
DATABASE_UNREACHABLE = "Không kết nối được cơ sở dữ liệu ({url}): {reason}"

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
# Keyed by the stored value of each status category.
STATUS_SHORT: dict[str, str] = {
    "open_on_time": "đang thực hiện trong hạn",
    "open_overdue": "đang thực hiện quá hạn",
    "done_on_time": "hoàn thành đúng hạn",
    "done_late": "hoàn thành quá hạn",
    "not_tracked": "không theo dõi",
    "waived": "được miễn",
    "transferred": "đã chuyển cho đơn vị kế thừa",
}
EXTENDED = "gia hạn đến {date}"

UNITS_HEADERS = ("Mã", "Tên", "Loại", "Hoạt động", "Tên khác / thành viên / kế thừa")
YES, NO = "có", "không"
MEMBERS = "thành viên: {codes}"
NO_MEMBERS = "chưa có thành viên (quản trị viên bổ sung)"
SUCCESSORS = "kế thừa: {codes}"
ENDED_ON = "ngừng hoạt động từ {date}"
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
    "Mã mời {role} cho {unit} (dùng một lần): {code}\n"
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
OUTBOX_LINE = "Hàng đợi tin gửi đi — {counts}"
# The tick: the bot's check, every minute, of what is due.
LAST_TICK = "Lần kiểm tra hạn gần nhất: {at} — {info}"
NO_TICK = "Bot chưa kiểm tra hạn lần nào (bot chưa chạy: python bot.py run)."
# What the last check did, keyed by the names the check records; a group in (…).
TICK_INFO = {
    "digests": "bản tổng hợp",
    "examined": "kỳ báo cáo đã xét",
    "enqueued": "lời nhắc đưa vào hàng đợi",
    "without_recipient": "kỳ chưa có người nhận",
    "extended": "mở thêm kỳ báo cáo",
    "created": "mới",
    "updated": "cập nhật",
    "transferred": "chuyển",
    "removed": "bỏ",
}
TICK_INFO_ITEM = "{label}: {value}"
TICK_INFO_GROUP = "{label} ({items})"
TICK_INFO_NONE = "không ghi chi tiết"
UPCOMING = "Ngày nhắc sắp tới (số kỳ báo cáo): {days}"
NOT_YET_PLANNED = (
    "Kỳ báo cáo còn mở chưa được xếp ngày nhắc (bot chỉ xếp trong giờ làm việc): {count}"
)

# backup / restore
BACKUP_TARGET_NOT_EMPTY = "Thư mục {path} đã có dữ liệu: hãy chọn một thư mục mới (hoặc trống) để sao lưu, không ghi đè bản sao lưu cũ."
BACKUP_TARGET_IS_FILE = (
    "{path} là một tệp, không phải thư mục: hãy chọn một thư mục mới để sao lưu."
)
BACKUP_INSIDE_FILES = (
    "Thư mục {path} nằm trong thư mục tệp báo cáo {files}: hãy chọn một thư mục ở chỗ khác."
)
BACKUP_NO_DATABASE = "Không tìm thấy cơ sở dữ liệu SQLite {path}: chưa có gì để sao lưu."
BACKUP_IN_MEMORY = "Cơ sở dữ liệu SQLite trong bộ nhớ không sao lưu hay khôi phục được: hãy dùng một tệp cơ sở dữ liệu."
BACKUP_UNSUPPORTED = (
    "Chỉ sao lưu và khôi phục được SQLite và PostgreSQL, không hỗ trợ cơ sở dữ liệu {backend}."
)
BACKUP_NOT_MIGRATED = "Cơ sở dữ liệu chưa được khởi tạo (không có phiên bản cấu trúc trong bảng alembic_version): hãy chạy python bot.py migrate trước."
BACKUP_WRITE_FAILED = "Không ghi được bản sao lưu vào {path}: {reason}. Đã xóa phần ghi dở; cơ sở dữ liệu và tệp báo cáo không bị thay đổi."
BACKUP_DONE = (
    "Đã sao lưu vào {path}\n"
    "Cơ sở dữ liệu {backend} (phiên bản cấu trúc {revision}): {size}, {rows} dòng trong {tables} bảng\n"
    "Tệp báo cáo: {files} tệp, {files_size}\n"
    "Khôi phục (dừng bot trước): python bot.py restore {path}"
)
PG_DUMP_MISSING = "Cần chương trình pg_dump để sao lưu PostgreSQL nhưng không tìm thấy trong PATH hay trong /usr/lib/postgresql/*/bin. Hãy cài gói postgresql-client cùng phiên bản với máy chủ rồi chạy lại."
PG_RESTORE_MISSING = "Cần chương trình pg_restore để khôi phục PostgreSQL nhưng không tìm thấy trong PATH hay trong /usr/lib/postgresql/*/bin. Hãy cài gói postgresql-client cùng phiên bản với máy chủ rồi chạy lại. Chưa khôi phục gì."
PG_TOOL_FAILED = "{tool} báo lỗi (mã thoát {code}): {detail}"
SQLITE_NOT_INTACT = (
    "Tệp cơ sở dữ liệu {path} không qua được kiểm tra toàn vẹn: {detail}. Không thay đổi gì."
)

RESTORE_NO_DIR = "Không tìm thấy thư mục sao lưu {path}."
RESTORE_NO_MANIFEST = "Thư mục {path} không có manifest.json: đây không phải bản sao lưu của kehoach-bot, hoặc bản sao lưu chưa ghi xong. Không khôi phục gì."
RESTORE_BAD_MANIFEST = (
    "Tệp manifest.json trong {path} hỏng hoặc sai định dạng ({reason}). Không khôi phục gì."
)
MANIFEST_NOT_JSON = "không đọc được JSON"
MANIFEST_NOT_OURS = "không phải manifest của bản sao lưu kehoach-bot"
MANIFEST_BAD_FIELD = "trường {field} thiếu hoặc sai kiểu"
MANIFEST_BAD_PATH = "đường dẫn tệp {file} không hợp lệ"
RESTORE_NEWER_FORMAT = "Bản sao lưu {path} có định dạng số {found}, bản kehoach-bot này chỉ đọc được đến định dạng số {supported}: hãy cập nhật kehoach-bot. Không khôi phục gì."
RESTORE_WRONG_BACKEND = "Bản sao lưu chứa cơ sở dữ liệu {found}, còn cơ sở dữ liệu đang cấu hình là {target}: không khôi phục chéo được. Không khôi phục gì."
RESTORE_UNKNOWN_REVISION = "Bản sao lưu có phiên bản cấu trúc {revision} mà bản kehoach-bot này không biết (bản sao lưu từ phiên bản mới hơn?): hãy cập nhật kehoach-bot rồi khôi phục lại. Không khôi phục gì."
RESTORE_CORRUPT = "Bản sao lưu {path} bị hỏng hoặc đã bị sửa, không khôi phục gì: {problems}."
RESTORE_FILE_MISSING = "thiếu tệp {file}"
RESTORE_FILE_CHANGED = "tệp {file} không khớp dung lượng hoặc mã SHA-256 ghi trong manifest.json"
RESTORE_FILE_UNLISTED = "tệp {file} không có trong manifest.json"
RESTORE_IN_USE = "Cơ sở dữ liệu {path} đang được tiến trình khác dùng (bot đang chạy?): hãy dừng bot rồi khôi phục lại. Không khôi phục gì."
RESTORE_PG_IN_USE = "Cơ sở dữ liệu {path} đang có {count} kết nối khác (bot đang chạy?): hãy dừng bot rồi khôi phục lại. Không khôi phục gì."
RESTORE_PG_EXTRA_TABLES = "Cơ sở dữ liệu {path} có bảng không có trong bản sao lưu ({tables}; cấu trúc mới hơn bản sao lưu?) mà pg_restore không xóa: hãy khôi phục vào một cơ sở dữ liệu trống. Không khôi phục gì."
RESTORE_TARGET_UNREADABLE = "Không mở được cơ sở dữ liệu đích {path} ({reason}) nên không ghi đè lên nó. Không khôi phục gì."
RESTORE_STAGED_MISMATCH = (
    "Số dòng trong bản sao lưu không khớp manifest.json ({details}). Không khôi phục gì."
)
RESTORE_COUNTS_MISMATCH = "Đã khôi phục nhưng số dòng không khớp manifest.json ({details}): hãy kiểm tra lại cơ sở dữ liệu trước khi chạy bot."
RESTORE_COUNT_DIFF = "bảng {table}: {found} dòng, manifest ghi {expected}"
RESTORE_WRITE_FAILED = (
    "Không khôi phục được: {reason}. Cơ sở dữ liệu và tệp báo cáo chưa bị thay thế."
)
RESTORE_SWAP_FAILED = "Đã khôi phục cơ sở dữ liệu nhưng không thay được thư mục tệp báo cáo {files_dir} ({reason}); thư mục cũ vẫn giữ nguyên, các tệp đã khôi phục nằm ở {staged}."
RESTORE_DONE = (
    "Đã khôi phục từ {path} (bản sao lưu lúc {created_at})\n"
    "Cơ sở dữ liệu {backend} (phiên bản cấu trúc {revision}): {size}, {rows} dòng trong {tables} bảng, khớp manifest.json\n"
    "Tệp báo cáo: {files} tệp vào {files_dir}\n"
    "Chạy lại bot: python bot.py run (tự cập nhật cấu trúc nếu cần)"
)
SIZE_UNITS = ("byte", "KB", "MB", "GB", "TB")
BACKENDS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

# plan tracked-from
TRACKED_FROM_SET = (
    "Kế hoạch {plan}: theo dõi từ {after} (trước đây: {before}). Các kỳ có hạn cuối trước "
    "ngày này là lịch sử: không nhắc, không tính quá hạn, vẫn nhận báo cáo nộp muộn."
)
TRACKED_FROM_NEVER = "chưa đặt"

# unit undo
UNDO_DONE = (
    "Đã hoàn tác: {code} hoạt động trở lại (trước đó kế thừa: {successors}). "
    "{returned} kỳ báo cáo trở về đơn vị, {removed} kỳ của đơn vị kế thừa được bỏ."
)
NO_SUCCESSOR = "không có"

# plans: cần quyết định
NEEDS_DECISION_TITLE = "Cần quyết định ({count}): đơn vị ngừng hoạt động, không có đơn vị kế thừa"
NEEDS_DECISION_LINE = "{plan}{obligation}: {role} {unit} ({code}) ngừng hoạt động từ {ended}"
ENDED_UNKNOWN = "không rõ ngày"
OFFICE_ROLE = {
    "issuer": "cơ quan ban hành",
    "recipient": "nơi nhận",
    "via": "cơ quan đầu mối (qua)",
}

"""Vietnamese messages of refusals: what services raise (not found, invalid input, forbidden)
and what a wrong configuration file is told.

Each message is shown to the user as it stands, so it is a whole sentence. Templates take named
`{placeholders}` and are filled with `.format(...)`; `{x!r}` shows a value in quotes, as typed.
"""

from __future__ import annotations

# config: a configuration file that cannot be used
CONFIG_UNREADABLE = "Tệp cấu hình {path} không đọc được: {reason}"
CONFIG_NOT_FOUND = "Không tìm thấy tệp cấu hình {path}"
CONFIG_SECTION_NOT_TABLE = "Mục [{name}] trong cấu hình phải là một bảng"
CONFIG_BAD_TIMEZONE = "Múi giờ không hợp lệ: {timezone}"
CONFIG_BAD_BEFORE_POLICY = "deadlines.before_policy chỉ nhận 'exclusive' hoặc 'inclusive'"
CONFIG_NEGATIVE_LEAD_DAYS = "reminders.lead_days không được âm"
CONFIG_BAD_HOUR = "reminders.{key} phải từ 0 đến 23"
CONFIG_NOT_POSITIVE = "reminders.{key} phải là số nguyên dương"
CONFIG_BAD_MAX_FILE_MB = "telegram.max_file_mb phải từ 1 đến 20 (giới hạn tải tệp của Bot API)"
CONFIG_BAD_MODE = "telegram.mode chỉ nhận 'polling' hoặc 'webhook'"
CONFIG_WEBHOOK_URL_NEEDED = (
    "telegram.mode = 'webhook' cần telegram.webhook_url (địa chỉ https công khai)"
)

# services/units (UNIT_NOT_FOUND_SEE_LIST also services/calendar)
UNIT_NOT_FOUND_SEE_LIST = "Không có đơn vị mã {code!r} trong danh bạ đơn vị (xem /donvi)."
BAD_UNIT_CODE = "Mã đơn vị chỉ gồm chữ, số, '-' và '_' (tối đa 64 ký tự)."
BAD_UNIT_NAME = "Tên đơn vị không được để trống và tối đa 300 ký tự."
BAD_UNIT_KIND = "Loại đơn vị không hợp lệ: {kind!r}. Chọn: {kinds}."
UNIT_CODE_TAKEN = "Mã đơn vị {code} đã có."
NOT_A_GROUP = "{code} không phải là nhóm đơn vị."
BAD_ALIAS = "Tên khác không được trống và tối đa 300 ký tự."
ALIAS_TAKEN = "Tên {alias!r} đã là tên của {owner} trong cùng địa bàn."

# services/plans: problems of a plan file, listed under the file's name
PLAN_CODE_DUPLICATE = "mã kế hoạch {code!r} trùng với tệp {other}"
DIRECTORY_NOT_FOUND = "directories: không có danh bạ đơn vị {locality!r}"
REFERENCED_UNIT_NOT_FOUND = "{where}: không có đơn vị mã {code!r}"
UNIT_REFERENCE_NOT_FOUND = "đơn vị {unit}: không có đơn vị mã {code!r}"

# services/succession: mergers, splits and replacements of units
UNIT_ALREADY_SUCCEEDED = "Đơn vị {code} đã ngừng hoạt động và đã có đơn vị kế thừa."
SUCCESSOR_NEEDED = "Cần ít nhất một đơn vị kế thừa."
BAD_DEFAULT_SUCCESSOR = (
    "--default {default!r} phải là 'all' hoặc một trong các đơn vị kế thừa: {successors}"
)
ROUTE_OUTSIDE_INTO = "Tuyến {ref}={code}: {code} không nằm trong danh sách --into."
SUCCESSOR_IS_ITSELF = "Đơn vị {code} không thể kế thừa chính nó."
SUCCESSOR_INACTIVE = "Đơn vị kế thừa {code} đã ngừng hoạt động."
BAD_ROUTE_FORM = "Tuyến {ref!r} phải có dạng KẾ_HOẠCH:NGHĨA_VỤ=ĐƠN_VỊ."
OBLIGATION_NOT_IN_PLAN = "Không có nghĩa vụ {code!r} trong kế hoạch {plan!r}."
MEMBER_SUCCEEDS_GROUP = "{member} là thành viên của nhóm {group}, không thể kế thừa nhóm."

# services/obligations: an admin's edit of an obligation
PLAN_NOT_FOUND = "Không có kế hoạch mã {code!r}."
OBLIGATION_NOT_FOUND = "Không tìm thấy nghĩa vụ báo cáo này."
PLAN_HAS_NO_OBLIGATION = "Kế hoạch {plan} không có nghĩa vụ mã {code!r}."
EMPTY_VALUE = "Giá trị trống. Gửi giá trị mới hoặc bấm Hủy."
UNDATED_OBLIGATION_WORDING = "Nghĩa vụ này chưa có ngày: hãy đặt lịch trước (mục hạn và lịch)."
BAD_WORDING = "Cách ghi hạn chỉ nhận: trước ngày, chậm nhất ngày, đến ngày."
BAD_LEAD_DAYS = "Nhắc trước: tối đa 10 số ngày từ 0 đến 60, ví dụ 7, 3, 1, 0."
UNIT_NOT_FOUND = "Không có đơn vị mã {code!r}."

# services/people: invites and memberships
BAD_INVITE_HOURS = "Thời hạn lời mời từ 1 đến {max_hours} giờ."
INVITE_UNIT_INACTIVE = "Đơn vị {code} đã ngừng hoạt động; mời vào đơn vị kế thừa."
INVITE_TO_GROUP = "{code} là nhóm đơn vị; hãy mời vào từng đơn vị thành viên."
INVITE_CODE_INVALID = "Mã mời không hợp lệ. Hãy xin quản trị viên một đường dẫn mời mới."
INVITE_USED = "Lời mời này đã được dùng. Mỗi lời mời chỉ dùng một lần."
INVITE_EXPIRED = "Lời mời này đã hết hạn. Hãy xin quản trị viên một lời mời mới."
PERSON_NOT_FOUND = "Không có người dùng Telegram {telegram_user_id}."

# services/replies: replies, extension requests and decisions, report files
REPLY_TOO_LONG = "Nội dung dài {length} ký tự; tối đa {limit} ký tự."
NOT_YOUR_UNIT = "Bạn không thuộc đơn vị phải nộp báo cáo này nên không thể trả lời thay."
OCCURRENCE_CLOSED = "Kỳ báo cáo này đã chuyển cho đơn vị khác hoặc đã được miễn."
STUCK_NEEDS_TEXT = "Hãy ghi ngắn gọn vướng mắc để đơn vị đầu mối biết."
ALREADY_SUBMITTED = "Báo cáo này đã nộp, không cần gia hạn."
EXTENSION_TOO_EARLY = "Ngày đề nghị phải sau hạn hiện tại ({deadline}) và không ở quá khứ."
EXTENSION_TOO_FAR = "Chỉ đề nghị gia hạn trong vòng một năm."
EXTENSION_ALREADY_PENDING = "Đã có một đề nghị gia hạn đang chờ đơn vị đầu mối xem xét."
EXTENSION_NOT_FOUND = "Không tìm thấy đề nghị gia hạn này."
ONLY_COORDINATOR_DECIDES = "Chỉ đơn vị đầu mối của báo cáo này mới duyệt gia hạn."
EXTENSION_ALREADY_DECIDED = "Đề nghị gia hạn này đã được xử lý trước đó."
REPORT_FILE_NOT_FOUND = "Không tìm thấy tệp báo cáo này."
REPORT_FILE_FORBIDDEN = "Bạn không có quyền xem tệp báo cáo của đơn vị này."

# services/requests: ad hoc requests (PLAN_NOT_FOUND_SEE_LIST also services/calendar)
REQUEST_TITLE_NEEDED = "Cần nêu nội dung yêu cầu báo cáo."
REQUEST_TITLE_TOO_LONG = "Nội dung yêu cầu dài {length} ký tự; tối đa {limit}."
REQUEST_DUE_PASSED = "Hạn {due} đã qua; chọn hôm nay hoặc sau."
REQUEST_NEEDS_DATE = "Yêu cầu đột xuất cần một ngày hạn cụ thể."
REQUEST_UNIT_NEEDED = "Cần chọn ít nhất một đơn vị."
REQUEST_UNIT_INACTIVE = "Đơn vị {code} đã ngừng hoạt động; gửi cho đơn vị kế thừa."
PLAN_NOT_FOUND_SEE_LIST = "Không có kế hoạch mã {code!r} (xem /kehoach)."

# services/plan_tracking: a plan's "theo dõi từ" date
TRACKED_FROM_TOO_EARLY = "Ngày theo dõi phải từ {earliest} trở đi."

# services/succession: undo
NOTHING_TO_UNDO = (
    "Đơn vị {code} đang hoạt động: không có sáp nhập, chia tách hay giải thể nào để hoàn tác."
)
BEFORE_UNIT_EXISTED = (
    "Ngày hiệu lực {on} sớm hơn ngày đơn vị {code} bắt đầu hoạt động ({began}, khi tiếp nhận "
    "từ đơn vị trước): hãy kiểm tra lại ngày."
)

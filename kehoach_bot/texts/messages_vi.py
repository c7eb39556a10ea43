"""Coordinators' and admins' messages: the audit log as sentences, grouped status tables, extension
decisions with their reasons, the caption of an opened file."""

# --- /nhatky: one sentence per audit entry ----------------------------------------------------

AUDIT_TITLE = "📜 Nhật ký thay đổi gần đây (mới nhất trước):"
AUDIT_EMPTY = "Nhật ký chưa có thay đổi nào."
AUDIT_LINE = "• {at} — {sentence}"

# Who acted, when no person of the bot did.
ACTOR_UNKNOWN_PERSON = "một người dùng chưa đăng ký"
ACTOR_ADMIN = "quản trị viên"
ACTOR_SERVER = "quản trị trên máy chủ ({name})"
ACTOR_SERVER_ANONYMOUS = "quản trị trên máy chủ"
PERSON_IN_UNIT = "{name} ({unit})"
PERSON_NO_NAME = "một người dùng"

# What a change was about, when the thing named is gone or was never named.
SUBJECT_OCCURRENCE = "«{title}» — {unit}, {period}"
SUBJECT_OBLIGATION = "«{title}» ({plan})"
SUBJECT_GONE = "một mục đã bị xóa"
NOTHING = "không có"
LIST_SEPARATOR = ", "
FILE_SUFFIX = " (tệp «{file}»)"

# One template per action written by the services; {who} is the person, {subject} the thing.
AUDIT_ACTIONS: dict[str, str] = {
    "reply_submitted": "{who} đã nộp báo cáo {subject}{file}",
    "reply_replaced": "{who} đã nộp bản thay thế cho báo cáo {subject}{file}",
    "reply_withdrawn": "{who} đã rút lại câu trả lời cho báo cáo {subject}",
    "extension_request": "{who} đã xin gia hạn {subject} đến {proposed}",
    "extension_approve": "{who} đã duyệt gia hạn {subject} đến {extended_to}",
    "extension_refuse": "{who} đã từ chối gia hạn {subject}",
    "remind_again": "{who} đã nhắc lại {subject}",
    "ad_hoc_request": "{who} đã giao yêu cầu đột xuất «{title}» cho {units}, hạn {due}",
    "review_keep": "{who} đã giữ nghĩa vụ {subject} sau khi xem xét",
    "review_drop": "{who} đã bỏ nghĩa vụ {subject} sau khi xem xét",
    "unit_add": "{who} đã thêm đơn vị {subject}",
    "unit_alias": "{who} đã thêm tên gọi khác «{alias}» cho {subject}",
    "group_add": "{who} đã thêm {added} vào nhóm {subject}",
    "group_remove": "{who} đã bỏ {removed} khỏi nhóm {subject}",
    "group_paste": "{who} đã cập nhật danh sách nhóm {subject}: thêm {added}; bỏ {removed}",
    "plan_tracked_from": (
        "{who} đã đổi ngày bắt đầu theo dõi kế hoạch {subject} từ {before} thành {after}"
    ),
    "load_plan": "{who} đã nạp kế hoạch {subject} (phiên bản {version})",
    "invite_issue": "{who} đã mời một {role} của {subject} (lời mời dùng đến {expires})",
    "invite_accept": "{who} đã nhận lời mời làm {role} của {subject}",
    "person_revoke": "{who} đã thu hồi mọi quyền của {subject}",
    "board_link": "{who} đã tạo đường dẫn đăng nhập bảng theo dõi cho {subject} (dùng đến {expires})",
    "board_sign_in": "{who} đã đăng nhập bảng theo dõi",
    "unit_merge": "{who} đã ghi nhận sáp nhập {subject} vào {successors} từ {ended}",
    "unit_split": "{who} đã ghi nhận chia tách {subject} thành {successors} từ {ended}",
    "unit_replace": "{who} đã ghi nhận {subject} được thay thế bởi {successors} từ {ended}",
    "unit_succession_undone": "{who} đã hoàn tác việc sáp nhập, chia tách của {subject}",
    "obligation_schedule": "{who} đã sửa hạn của nghĩa vụ {subject} từ {before} thành {after}",
    "obligation_wording": (
        "{who} đã sửa cách ghi hạn của nghĩa vụ {subject} từ {before} thành {after}"
    ),
    "obligation_responsible": (
        "{who} đã sửa đơn vị phải báo cáo của nghĩa vụ {subject} từ {before} thành {after}"
    ),
    "obligation_recipient": (
        "{who} đã sửa nơi nhận báo cáo của nghĩa vụ {subject} từ {before} thành {after}"
    ),
    "obligation_via": (
        "{who} đã sửa đơn vị đầu mối của nghĩa vụ {subject} từ {before} thành {after}"
    ),
    "refused": "{who} bị từ chối: {reason}",
    "obligation_lead_days": (
        "{who} đã sửa số ngày nhắc trước của nghĩa vụ {subject} từ {before} thành {after}"
    ),
}
# An action no template knows (written by a newer version, say): still a sentence.
AUDIT_GENERIC = "{who} đã thay đổi {subject}"
AUDIT_GENERIC_NO_SUBJECT = "{who} đã thực hiện một thay đổi"
AUDIT_REFUSED = "{who} bị từ chối: {reason}"
AUDIT_REFUSED_NO_REASON = "{who} bị từ chối một thao tác không được phép"

ROLE_NAMES: dict[str, str] = {
    "officer": "cán bộ",
    "coordinator": "đầu mối",
    "admin": "quản trị viên",
}
ROLE_UNKNOWN = "thành viên"

# --- /tinhhinh: grouped by report and period ---------------------------------------------------

STATUS_TITLE = "📊 Tình hình «{plan}» — {period}"
STATUS_REPORT = "\n📄 {title} — {period}"
STATUS_CATEGORY = "{label} ({count}):"
STATUS_UNIT_LINE = "• {unit} — hạn cuối {last_day}{late}"
STATUS_DONE_LINE = "• {unit} — đã nộp {submitted}"
STATUS_CATEGORIES: dict[str, str] = {
    "open_overdue": "⏰ Đang thực hiện quá hạn",
    "open_on_time": "⏳ Đang thực hiện trong hạn",
    "not_tracked": "🗂 Không theo dõi",
    "done_late": "☑️ Hoàn thành quá hạn",
    "done_on_time": "✅ Hoàn thành đúng hạn",
}
STATUS_OTHER = "Khác"
STATUS_MORE_DONE = "… và {count} đơn vị khác đã nộp."
BUTTON_FILE = "📎 {unit} — {title}"

# --- Extension decisions ----------------------------------------------------------------------

ASK_REFUSAL_REASON = (
    "Lý do từ chối? (gửi một dòng, hoặc bấm «Từ chối không nêu lý do»)\n"
    "Đề nghị: {unit} — {title}, {period}"
)
BUTTON_REFUSE_NO_REASON = "Từ chối không nêu lý do"
CARD_APPROVED = "✅ Đã duyệt đến {date} — {by}"
CARD_REFUSED = "❌ Đã từ chối — {reason}"
CARD_REFUSED_BY = "❌ Đã từ chối — {by}"
ALREADY_DECIDED = "Đề nghị này đã được xử lý trước đó."
ALREADY_APPROVED = "Đề nghị này đã được duyệt đến {date} — {by}, lúc {at}."
ALREADY_REFUSED = "Đề nghị này đã bị từ chối — {by}, lúc {at}."
REFUSED_DONE = "Đã từ chối đề nghị gia hạn của {unit} — {title}, {period}. Đơn vị sẽ được báo."
APPROVED_DONE = "Đã duyệt gia hạn {unit} — {title}, {period} đến {date}. Đơn vị sẽ được báo."
REASON_TOO_LONG = "Lý do dài {length} ký tự; tối đa {limit}. Hãy viết gọn trong một dòng."
DECIDER_UNKNOWN = "không rõ người duyệt"
EXTENSION_REFUSED_WITH_REASON = (
    "❌ Đề nghị gia hạn {title} — {period} không được chấp nhận. Hạn cuối vẫn là {date}.\n"
    "Lý do: {reason}"
)

# --- A file opened from a table ---------------------------------------------------------------

FILE_CAPTION = "📎 {unit}\n{title}\nKỳ: {period}\nNộp lúc {at} — {by}"

# --- Long notes ---------------------------------------------------------------------------------

"""An officer's card as it changes with each answer, the one-message /viec list, the history of
submissions, taking an answer back."""

SOMEONE = "(không rõ người gửi)"

# --- the card's heading and its state line -------------------------------------------------
OVERDUE_HEADER = "⏰ Quá hạn {days} ngày"
DUE_TODAY_HEADER = "🔔 Hôm nay là hạn cuối"
PLAN_NUMBER = "KH số {number}"
STATE_SUBMITTED = "✅ Đã nộp {at} — {by}"
STATE_SUBMITTED_LATE = "✅ Đã nộp {at} — {by} (sau hạn cuối)"
STATE_REPLACED = "📎 Đã nộp bản thay thế {count} lần, gần nhất {at} — {by}"
STATE_IN_PROGRESS = "⏳ Đang làm (cập nhật {at} — {by})"
STATE_STUCK = "⚠️ Đã báo vướng mắc {at} — {by}"
STATE_EXTENSION = "📅 Đã xin gia hạn đến {date}, đang chờ đơn vị đầu mối duyệt"
STATE_NOT_TRACKED = "Kỳ này trước ngày bắt đầu theo dõi: không bị tính quá hạn."
UNDO_HINT = "Có thể hoàn tác đến {until}."

# --- what the card asks while waiting for an answer --------------------------------------
ASK_FILE = "📎 Gửi tệp báo cáo vào đây (tối đa {max_mb} MB), hoặc bấm «{no_file}»."
ASK_REPLACEMENT = "📎 Gửi tệp thay thế vào đây (tối đa {max_mb} MB). Bản đã nộp trước vẫn được giữ."
ASK_STUCK = "✍️ Ghi ngắn gọn vướng mắc trong một tin nhắn."
ASK_EXTENSION = "✍️ Gửi ngày đề nghị gia hạn và lý do, ví dụ: 15/12/2026 chờ số liệu của các xã."

# --- buttons --------------------------------------------------------------------------------
BUTTON_REPLACE = "📎 Nộp bản thay thế"
BUTTON_UNDO = "↩️ Hoàn tác"
BUTTON_HISTORY = "📜 Lịch sử nộp"
BUTTON_PREVIOUS = "◀"
BUTTON_NEXT = "▶"

# --- toasts (the small notice over a pressed button, at most 200 characters) ---------------
TOAST_PROGRESS = "Đã ghi nhận: đang thực hiện."
TOAST_PROGRESS_AGAIN = "Hôm nay đã báo «đang làm» rồi."
TOAST_ALREADY_SUBMITTED = (
    "Báo cáo này đã nộp lúc {at} — {by}. Muốn gửi lại, bấm «Nộp bản thay thế»."
)
TOAST_UNDONE = "Đã hoàn tác."
TOAST_SUBMITTED = "✅ Đã ghi nhận bản nộp."
TOAST_CANCELLED = "Đã hủy."

# --- direct answers -----------------------------------------------------------------------
ALREADY_SUBMITTED = (
    "Báo cáo này đã nộp lúc {at} — {by}; không ghi thêm. Muốn gửi bản khác, bấm «Nộp bản thay thế»."
)
CONFIRM_REPLACED = "📎 Đã nhận bản thay thế: {title} — {period}. Đơn vị đầu mối sẽ được báo."
UNDONE = "↩️ Đã hoàn tác câu trả lời «{kind}» cho: {title} — {period}."
UNDONE_TOLD = " Đơn vị đầu mối đã được báo trước đó nên sẽ nhận thêm thông báo rút lại."
REPLY_KIND = {
    "submitted": "đã nộp",
    "in_progress": "đang làm",
    "stuck": "vướng mắc",
    "note": "ghi chú",
}

# --- the one-message /viec list ----------------------------------------------------------------
OWED_TITLE = "📋 Các báo cáo còn phải nộp ({count}). Bấm số để mở từng báo cáo:"
OWED_PAGE = "Trang {page}/{pages}"
OWED_LINE = "{n}. {mark} {title}\n    {unit} · {period} · hạn {last_day}{late}"
OWED_LATE = " · quá hạn {days} ngày"
OWED_EMPTY = "Đơn vị của bạn không còn báo cáo nào phải nộp. 👍"
MARK_OVERDUE = "⏰"
MARK_DUE_SOON = "🔔"
MARK_OPEN = "•"

# --- a file or a text with nothing pending ---------------------------------------------------
WHICH_REPORT = "📎 Đã nhận tệp «{name}». Nộp cho báo cáo nào? Bấm số của báo cáo:"
FILE_PICK_GONE = "Tệp chờ nộp không còn. Vui lòng gửi lại tệp."
TEXT_WHAT_FOR = (
    "Bot chưa hỏi gì nên chưa biết tin nhắn này dành cho việc nào. "
    "Hãy mở báo cáo bằng các nút dưới đây rồi chọn «Đã nộp», «Vướng mắc» hoặc «Xin gia hạn»."
)

# --- history (/danop) ---------------------------------------------------------------------------
HISTORY_TITLE = "📜 Các lần nộp gần đây của đơn vị ({count}):"
HISTORY_TITLE_ONE = "📜 Các lần nộp: {title} — {period}"
HISTORY_EMPTY = "Chưa có lần nộp nào."
HISTORY_LINE = "• {at} — {by}: {title} · {period}{replacement}\n    {file}"
HISTORY_REPLACEMENT = " (bản thay thế)"
HISTORY_FILE = "Tệp: {name} ({size})"
HISTORY_NO_FILE = "Nộp không kèm tệp"
HISTORY_NOT_YOURS = "Bạn chỉ xem được lịch sử nộp của đơn vị mình."

# --- taking an answer back ----------------------------------------------------------------------
UNDO_GONE = "Câu trả lời này không còn (có thể đã được hoàn tác)."
UNDO_NOT_YOURS = (
    "Bạn chỉ hoàn tác được câu trả lời của chính mình. Lần thử này đã được ghi nhật ký."
)
UNDO_NOT_POSSIBLE = "Câu trả lời này không hoàn tác được."
UNDO_TOO_LATE = "Đã quá {minutes} phút nên không hoàn tác được nữa. Nếu cần, hãy nộp bản thay thế."

# --- to the coordinators ------------------------------------------------------------------------
REPLACED_TO_COORDINATOR = "📎 {unit} đã nộp bản thay thế: {title} — {period}."
WITHDRAWN_TO_COORDINATOR = "↩️ {unit} đã rút lại câu trả lời «{kind}»: {title} — {period}."

"""Vietnamese texts of the end of the chase: "quá hạn kéo dài", «nhắc lại», units without an
officer to remind."""

from __future__ import annotations

CONFIG_BAD_MAX_WEEKLY = (
    "reminders.max_weekly phải là số nguyên từ 0 đến 52 "
    "(số tuần còn nhắc hằng tuần sau hai lần nhắc đầu tiên khi quá hạn)"
)

DIGEST_LONG_OVERDUE = "Quá hạn kéo dài — bot đã thôi tự nhắc ({count}):"
DIGEST_LONG_OVERDUE_LINE = "• {unit} — {title}, {period}: quá {days} ngày — nhắc lại: /nhaclai_{id}"
DIGEST_LONG_OVERDUE_MORE = "… và {count} mục khác (xem đủ bằng /quahan)."
DIGEST_NO_OFFICER = "Chưa có cán bộ nhận nhắc ({count}):"
DIGEST_NO_OFFICER_LINE = "• {unit} ({code})"
DIGEST_NO_OFFICER_INVITE_LINE = "• {unit} — mời cán bộ: /moi {code} cán bộ"
DIGEST_NO_OFFICER_MORE = "… và {count} đơn vị khác."
DIGEST_NO_OFFICER_ASK_ADMIN = (
    "Các đơn vị này không nhận được lời nhắc nào. Đề nghị quản trị viên gửi lời mời cán bộ "
    "(lệnh /moi MÃ_ĐƠN_VỊ cán bộ)."
)

BUTTON_REMIND_AGAIN = "🔔 Nhắc lại {unit}"
REMIND_AGAIN_HEADER = "🔔 Đầu mối nhắc lại: báo cáo đã quá hạn, đề nghị nộp ngay"
REMIND_AGAIN_DONE = "Đã nhắc lại {count} cán bộ của {unit} ({title}, {period})."
REMIND_AGAIN_ALREADY = (
    "{unit} đã được nhắc lại hôm nay ({title}, {period}); ngày mai có thể nhắc tiếp."
)
REMIND_AGAIN_NO_OFFICER = (
    "{unit} chưa có cán bộ nhận nhắc nên không nhắc lại được. Đề nghị quản trị viên gửi lời mời "
    "cán bộ (lệnh /moi {code} cán bộ)."
)
REMIND_AGAIN_NOT_OPEN = "Kỳ báo cáo này đã nộp hoặc không còn phải nộp, không cần nhắc lại."
REMIND_AGAIN_NOT_TRACKED = (
    "Kỳ báo cáo này có hạn trước ngày kế hoạch bắt đầu được theo dõi: là lịch sử, bot không nhắc."
)
REMIND_AGAIN_NOT_OVERDUE = "Kỳ báo cáo này chưa quá hạn: bot vẫn đang tự nhắc theo lịch."
REMIND_AGAIN_FORBIDDEN = "Chỉ đầu mối của báo cáo này hoặc quản trị viên mới nhắc lại được."

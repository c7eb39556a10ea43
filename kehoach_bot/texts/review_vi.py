"""Vietnamese texts of the review of flagged obligations (/duyet): the admin's list, the one-tap
decision, its refusals, and the mark coordinators and officers see on a held obligation.

Templates take named `{placeholders}` and are filled with `.format(...)`.
"""

from __future__ import annotations

# The command menu and /help line of admins.
COMMAND = ("duyet", "Quyết định nghĩa vụ chờ duyệt")
HELP_LINE = (
    "/duyet [MÃ_KẾ_HOẠCH] — nghĩa vụ chờ quyết định: giữ mốc hạn nào (chưa quyết thì chưa nhắc)"
)

# Wherever an occurrence of a held obligation shows (tables, lists, cards).
HELD = "⏸ Chờ quản trị viên quyết định"
HELD_SUFFIX = " — ⏸ Chờ quản trị viên quyết định"

USAGE = "Cách dùng: /duyet hoặc /duyet MÃ_KẾ_HOẠCH"
NOTHING = "Không có nghĩa vụ báo cáo nào chờ quyết định. 👍"
NOTHING_IN_PLAN = "Kế hoạch {plan} không có nghĩa vụ báo cáo nào chờ quyết định."

# One message per decision to take: a group of dates for one flow, or one obligation.
GROUP_TITLE = (
    "⚖️ {plan}: {whens} — các mốc hạn của cùng một luồng báo cáo\n"
    "Kế hoạch: {plan_title}\n"
    "Đơn vị phải nộp: {responsible}\n"
    "Chưa quyết định thì chưa nhắc việc."
)
SINGLE_TITLE = (
    "⚖️ {plan}: nghĩa vụ chờ quyết định\n"
    "Kế hoạch: {plan_title}\n"
    "Đơn vị phải nộp: {responsible}\n"
    "Chưa quyết định thì chưa nhắc việc."
)
WHENS_SEPARATOR = " hay "
ITEM = (
    "{marker} {title} ({code})\n"
    "Hạn: {schedule}\n"
    "Gửi: {recipient}\n"
    "Văn bản ghi: «{quote}»\n"
    "Ghi chú: {note}"
)
ITEM_MARKERS = ("①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨")
VIA = "{recipient} (qua {via})"
NO_RECIPIENT = "chưa ghi"
NO_NOTE = "—"
GROUP_ASK = "Giữ cả các mốc, hay chỉ một mốc? Mốc bỏ đi thôi nhắc; các kỳ còn mở của nó được miễn."
SINGLE_ASK = "Giữ nghĩa vụ này (bắt đầu nhắc việc) hay bỏ (không nhắc; các kỳ còn mở được miễn)?"

BUTTON_KEEP_BOTH = "Giữ cả hai"
BUTTON_KEEP_ALL = "Giữ cả {count}"
BUTTON_ONLY = "Chỉ {when}"
BUTTON_KEEP = "Giữ"
BUTTON_DROP = "Bỏ"

UNDATED_TITLE = "📅 Chưa có ngày — đặt lịch trước, rồi gõ lại /duyet ({count}):"
UNDATED_LINE = "• {title} ({plan}/{code})\n   Ghi chú: {note}\n   Đặt lịch: /sua {plan} {code}"

# The message under the buttons, edited in place once decided.
DECIDED = "✅ Đã quyết định — {plan}"
DECIDED_KEPT = "Giữ, nhắc việc theo: {items}"
DECIDED_DROPPED = "Bỏ, thôi nhắc: {items}"
DECIDED_ITEM = "{title} ({when})"
DECIDED_REMOVED = "Kỳ còn mở của nghĩa vụ bỏ đi: {removed} kỳ được miễn hoặc xóa."
ITEMS_SEPARATOR = "; "

# Refusals: nothing changes.
ALREADY_DECIDED = (
    "Nghĩa vụ {code} không còn chờ quyết định (đã được quyết định, hoặc không còn trong kế "
    "hoạch). Không có gì thay đổi. Gõ /duyet để xem danh sách hiện tại."
)
NEEDS_DATE = (
    "Nghĩa vụ {code} chưa có ngày: đặt lịch bằng /sua {plan} {code} trước, rồi quyết định. "
    "Không có gì thay đổi."
)

"""Vietnamese texts of the guards: the scope of a coordinator, commands in groups, a burst of
taps, and arguments the bot cannot use.

Templates take named `{placeholders}` and are filled with `.format(...)`.
"""

from __future__ import annotations

# A coordinator tasks (/dotxuat) only units of the plans it coordinates.
AD_HOC_OUT_OF_SCOPE = (
    "Bạn chỉ gửi yêu cầu đột xuất được cho các đơn vị thuộc kế hoạch mình làm đầu mối. "
    "Ngoài phạm vi: {units}. Yêu cầu chưa được gửi; hành động này đã được ghi lại."
)
AD_HOC_UNIT = "{name} ({code})"
UNITS_SEPARATOR = "; "

# A command or a button in a group chat: the bot works in the private chat only.
PRIVATE_CHAT_ONLY = "Vui lòng nhắn riêng cho bot: t.me/{username}"
PRIVATE_CHAT_ONLY_NO_NAME = "Vui lòng nhắn riêng cho bot (mở trò chuyện riêng với bot)."

# The configuration of the burst limit.
CONFIG_NEGATIVE = "{key} phải là số nguyên không âm (0: tắt giới hạn)"

# More taps or messages than one person makes by hand: the rest are dropped.
TOO_FAST = "Bạn thao tác quá nhanh, vui lòng chờ vài giây rồi thử lại."

# A report named by an id that names nothing (a typed /nhaclai_ link).
OCCURRENCE_NOT_FOUND = "Không tìm thấy kỳ báo cáo này (có thể đã bị xóa hoặc chuyển)."

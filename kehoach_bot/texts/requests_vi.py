"""Vietnamese texts of ad hoc requests (yêu cầu đột xuất): who asked, as the cards show it, and
what the requester is told about units nobody there can be reminded in.

Templates take named `{placeholders}` and are filled with `.format(...)`. REQUESTER and
REQUESTER_UNKNOWN are stored with each request when it is made.
"""

from __future__ import annotations

# Who asked: the person's full name and their unit's name (stored).
REQUESTER = "{person}, {unit}"
REQUESTER_UNKNOWN = "quản trị viên hệ thống"

# Under the card of a request, and under each reminder of it.
REQUESTED_BY = "Người yêu cầu: {requester}"

# The answer to the requester (/dotxuat, `bot.py request`), at once.
NO_OFFICER = (
    "⚠️ Chưa có cán bộ nhận nhắc ({count} đơn vị, chưa ai bấm Bắt đầu): {units}. "
    "Yêu cầu đã được ghi nhưng chưa đến được ai ở các đơn vị này; hãy gửi đường dẫn mời cho cán bộ "
    "của họ."
)
NO_OFFICER_UNIT = "{name} ({code})"
UNITS_SEPARATOR = "; "

"""Vietnamese texts of the pickers (buttons in place of typed codes) and of /donvi."""

from __future__ import annotations

# A text with a {placeholder} is filled in with .format(); one without is used as it is.

# The picker's own buttons and messages.
BUTTON_PREVIOUS = "◀"
BUTTON_NEXT = "▶"
BUTTON_PAGE = "{page}/{pages}"
BUTTON_DONE = "✅ Xong ({count})"
BUTTON_CANCEL = "✖ Hủy"
PICKED = "☑ {label}"
NOT_PICKED = "▫ {label}"
PAGE_LINE = "Trang {page}/{pages}."
SEARCH_HINT = "Hoặc gõ vài chữ để tìm."
STALE = "Danh sách chọn này đã cũ. Gõ lại lệnh để có danh sách mới."
NOTHING_CHOSEN = "Chưa chọn mục nào: bấm vào ít nhất một mục rồi bấm «Xong»."
CANCELLED = "Đã hủy."
CHOSEN = "Đã chọn: {values}"
CHOSEN_SEPARATOR = " · "
FOUND = "Kết quả tìm «{text}» ({count}):"
NOT_FOUND = "Không có mục nào khớp «{text}». Gõ vài chữ khác, hoặc chọn trong danh sách."
TEXT_EMPTY = "Tin nhắn trống. Gửi lại nội dung."
TEXT_TOO_LONG = "Tin nhắn dài {length} ký tự, quá giới hạn {limit}. Gửi lại ngắn hơn."

# Labels of picked things.
NO_NAME = "(chưa có tên)"
MEMBER_PLACE = "{unit} ({role})"
MEMBER_LABEL = "{name} — {places}"

# /tinhhinh
CHOOSE_PLAN = "Chọn kế hoạch:"
CHOOSE_PERIOD = "Kế hoạch {plan}: chọn kỳ báo cáo (kỳ đang theo dõi ở đầu danh sách):"
NO_PERIODS = "Kế hoạch {plan} chưa có kỳ báo cáo nào do bạn theo dõi."
NO_SUCH_PERIOD = "Không có kỳ «{period}» trong kế hoạch {plan}; các kỳ có: {periods}."
PERIODS_MORE = "… (tổng cộng {count} kỳ)"
PERIOD_SEPARATOR = ", "

# /dotxuat
CHOOSE_AD_HOC_UNITS = (
    "Yêu cầu báo cáo đột xuất: bấm chọn các đơn vị (bấm lần nữa để bỏ), rồi bấm «Xong»."
)
NO_AD_HOC_UNITS = "Không có đơn vị nào trong các kế hoạch bạn theo dõi."
ASK_AD_HOC_DATE = "Gửi hạn cuối cho {units}: một ngày dd/mm/yyyy (ví dụ 30/11/2026)."
ASK_AD_HOC_TEXT = "Hạn cuối {date}. Gửi nội dung yêu cầu trong một tin nhắn."

# /moi
CHOOSE_INVITE_UNIT = "Mời người vào đơn vị nào?"
CHOOSE_ROLE = "Mời vào {unit} với vai trò nào?"
NO_UNITS = "Chưa có đơn vị nào phù hợp."
UNKNOWN_ROLE = "Không rõ vai trò «{role}». Các vai trò: cán bộ, đầu mối, quản trị."

# /thuhoi
CHOOSE_PERSON = "Thu hồi quyền của ai?"
NO_PEOPLE = "Chưa có ai được mời vào đơn vị nào."
REVOKED = "Đã thu hồi {count} quyền của {person}."

# /theodoitu, /nghiavu, /sua
CHOOSE_TRACKED_PLAN = "Đặt ngày bắt đầu theo dõi cho kế hoạch nào?"
ASK_TRACKED_FROM = (
    "Kế hoạch {plan}: theo dõi từ ngày nào? Gửi một ngày dd/mm/yyyy (ví dụ 01/01/2026); "
    "các kỳ có hạn trước ngày đó chỉ được lưu, không nhắc."
)
CHOOSE_OBLIGATIONS_PLAN = "Xem nghĩa vụ báo cáo của kế hoạch nào?"
CHOOSE_EDIT_PLAN = "Sửa nghĩa vụ của kế hoạch nào?"
CHOOSE_OBLIGATION = "Kế hoạch {plan}: chọn nghĩa vụ cần sửa:"
NO_OBLIGATIONS = "Kế hoạch {plan} chưa có nghĩa vụ báo cáo nào."
NO_PLANS = "Chưa có kế hoạch nào."

# /themdonvi
ASK_NEW_UNIT_CODE = (
    "Gửi mã của đơn vị mới: chữ không dấu, số, gạch ngang (ví dụ GL-SCT). Mã dùng trong mọi lệnh, "
    "không đổi được về sau."
)
CHOOSE_UNIT_KIND = "Đơn vị {code} thuộc loại nào?"
CHOOSE_LOCALITY = (
    "Đơn vị {code} ở địa bàn nào? Địa bàn chưa có trong danh sách: gõ cả lệnh, "
    "ví dụ /themdonvi {code} {kind} ten-dia-ban Tên đầy đủ."
)
NO_LOCALITIES = (
    "Chưa có địa bàn nào. Gõ cả lệnh: /themdonvi {code} {kind} ten-dia-ban Tên đầy đủ "
    "(ví dụ /themdonvi GL-SCT so gia-lai Sở Công Thương tỉnh Gia Lai)."
)
LOCALITY_LABEL = "{locality} · {count} đơn vị"
ASK_UNIT_NAME = "Gửi tên đầy đủ của đơn vị {code} như văn bản viết (một dòng)."

# /bietdanh, /sapnhap, /chiatach, /hoantac
CHOOSE_ALIAS_UNIT = "Thêm tên khác cho đơn vị nào?"
ASK_ALIAS = "Gửi tên khác của {unit} (một dòng)."
CHOOSE_MERGED = "Đơn vị nào được sáp nhập (đơn vị cũ)?"
CHOOSE_MERGE_INTO = "{old} sáp nhập vào đơn vị nào?"
CHOOSE_SPLIT = "Đơn vị nào được chia tách?"
CHOOSE_SPLIT_INTO = "{old} chia thành những đơn vị nào? Bấm chọn từng đơn vị, rồi bấm «Xong»."
CHOOSE_UNDO = "Hoàn tác việc sáp nhập, chia tách hay giải thể của đơn vị nào?"
NO_ENDED_UNITS = "Chưa có đơn vị nào được ghi nhận sáp nhập, chia tách hay giải thể."

# /donvi
UNITS_TITLE = "Đơn vị ({count}):"
UNITS_FOUND_TITLE = "Đơn vị khớp «{text}» ({count}):"
UNITS_NONE = "Không có đơn vị nào khớp «{text}»."
UNITS_EMPTY = "Chưa có đơn vị nào trong phạm vi của bạn."
UNIT_LINE = "• {code} — {name}\n   {kind}; cán bộ: {officers}, đầu mối: {coordinators}{flags}"
UNIT_GROUP = "; nhóm đơn vị"
UNIT_ENDED = "; đã ngừng hoạt động"
UNITS_HINT = "Tìm theo tên: /donvi sở y tế"

# The per-role menus and the help.
COMMAND_UNITS = ("donvi", "Danh sách đơn vị (tìm theo tên)")
HELP = (
    "/donvi [tên] — danh sách đơn vị, tìm theo vài chữ của tên hoặc mã\n"
    "Không cần nhớ mã: gõ lệnh không kèm mã (/tinhhinh, /dotxuat, /moi, /sua…) rồi chọn "
    "bằng nút; kỳ báo cáo gõ như thường viết: «năm 2025», «6 tháng đầu năm 2025», «quý II/2025»."
)

ASK_SUCCESSION_DATE = (
    "{old} → {into}: từ ngày nào? Gửi ngày hiệu lực ghi trong quyết định (dd/mm/yyyy, "
    "ví dụ 01/03/2025)."
)

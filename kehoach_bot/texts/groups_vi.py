"""Vietnamese texts about named groups and their members: refusals, previews, the /nhom flow,
the command line and the "chưa có danh sách đơn vị" flag."""

from __future__ import annotations

# A text with a {placeholder} is filled in with .format(); one without is used as it is.

# Refusals (services/groups and its group_* modules). Each one means nothing was changed.
NOT_A_GROUP = "{code} không phải là nhóm đơn vị. Xem các nhóm: /nhom"
GROUP_NOT_FOUND = "Không tìm thấy nhóm đơn vị này."
NO_CODES = "Chưa có mã đơn vị nào. Gửi các mã, cách nhau bởi dấu phẩy hoặc dấu cách."
CODE_TWICE = "Mã {code} được ghi hai lần; mỗi đơn vị chỉ ghi một lần. Không thay đổi gì."
MEMBER_IS_THE_GROUP = "Nhóm {group} không thể là thành viên của chính nó. Không thay đổi gì."
MEMBER_IS_A_GROUP = (
    "{code} là một nhóm đơn vị; hãy thêm từng đơn vị của nhóm đó. Không thay đổi gì."
)
ALREADY_MEMBER = "{code} đã là thành viên của nhóm {group}. Không thay đổi gì."
NOT_A_MEMBER = "{code} không phải là thành viên của nhóm {group}. Không thay đổi gì."
EMPTY_LIST = "Danh sách trống. Gửi mỗi dòng một tên hoặc mã đơn vị."
ALL_BLANK = "Mọi dòng của danh sách đều trống. Gửi mỗi dòng một tên hoặc mã đơn vị."
TOO_MANY_LINES = "Danh sách có {count} dòng; mỗi lần tối đa {limit} dòng. Không thay đổi gì."
LINE_TOO_LONG = (
    "Dòng {number} dài quá {limit} ký tự: mỗi dòng chỉ ghi một tên đơn vị. Không thay đổi gì."
)
CSV_MANY_COLUMNS = (
    "Dòng {number} của tệp CSV có nhiều cột: mỗi dòng chỉ ghi một tên hoặc mã đơn vị (tên có dấu "
    "phẩy thì đặt trong ngoặc kép). Không thay đổi gì."
)
LIST_HAS_PROBLEMS = "Danh sách còn {count} dòng cần sửa (xem bản xem trước). Chưa lưu gì."
NOTHING_TO_CHANGE = "Nhóm {group} không có gì thay đổi: mọi đơn vị đã là thành viên."
PREVIEW_STALE = (
    "Danh bạ hoặc thành viên nhóm đã thay đổi sau khi xem trước. Hãy xem trước lại rồi lưu. "
    "Chưa lưu gì."
)

# A preview, line by line (bot and command line alike).
PREVIEW_TITLE = "Xem trước — nhóm {group}: {name}"
LINE_MATCHED = "{number}. {text} → {code} {name}{locality}"
LINE_MEMBER = "{number}. {text} → {code}: đã là thành viên, giữ nguyên"
LINE_NEW = "{number}. {text} → chưa có trong danh bạ: tạo đơn vị mới {code} ({kind})"
LINE_AMBIGUOUS = (
    "{number}. {text} → ⚠️ nhiều đơn vị cùng tên, chưa chọn: {candidates}. Ghi mã thay cho tên."
)
LINE_SELF = "{number}. {text} → ⚠️ đây là chính nhóm {code}"
LINE_GROUP = "{number}. {text} → ⚠️ {code} là một nhóm đơn vị: ghi từng đơn vị của nhóm đó"
LINE_UNKNOWN_CODE = "{number}. {text} → ⚠️ không có đơn vị mã này"
LINE_BLANK = "{number}. ⚠️ dòng trống (không có tên): bỏ dòng này"
LINE_DUPLICATE = "{number}. {text} → ⚠️ trùng với dòng {first}: bỏ dòng này"
LOCALITY = " (địa bàn {locality})"
CANDIDATE = "{code} ({name}{locality})"
CANDIDATE_SEPARATOR = "; "
PREVIEW_ADD = "Thêm vào nhóm: {units}"
PREVIEW_REMOVE = "Bớt khỏi nhóm: {units}"
PREVIEW_CREATE = "Tạo đơn vị mới (tên đúng như đã ghi): {units}"
PREVIEW_BEFORE = "Thành viên hiện có ({count}): {codes}"
PREVIEW_AFTER = "Sau khi lưu: {count} thành viên."
PREVIEW_SYNC = (
    "Kỳ báo cáo: +{created} mới cho thành viên; {transferred} kỳ chung của nhóm chuyển cho thành "
    "viên, {removed} bỏ."
)
PREVIEW_PROBLEMS = "Còn {count} dòng cần sửa: sửa danh sách rồi gửi lại, hoặc bấm Hủy. Chưa lưu gì."
PREVIEW_NOTHING = "Không có gì để thay đổi: mọi đơn vị trong danh sách đã là thành viên."
NONE = "—"
SAVED = (
    "Đã lưu nhóm {group}: {count} thành viên{created}. Kỳ báo cáo: +{new} mới, {transferred} "
    "chuyển cho thành viên, {removed} bỏ."
)
SAVED_CREATED = "; đơn vị mới: {codes}"

# The /nhom flow in the bot.
COMMAND = ("nhom", "Nhóm đơn vị: thêm, bớt thành viên")
HELP = "/nhom — nhóm đơn vị: thêm, bớt, dán danh sách thành viên (xem lại trước khi lưu)"
USAGE = "Cách dùng: /nhom (danh sách nhóm) hoặc /nhom MÃ_NHÓM"
GROUPS_TITLE = "Nhóm đơn vị ({count}). Bấm một nhóm để thêm, bớt thành viên:"
GROUPS_EMPTY = "Chưa có nhóm đơn vị nào."
GROUPS_LINE = "• {code} — {name}: {count} thành viên{flag}"
FLAG = " ⚠️ chưa có danh sách đơn vị"
GROUP_CARD = "Nhóm {code}: {name}\nĐịa bàn: {locality}\nNghĩa vụ báo cáo nêu nhóm: {named_by}"
GROUP_MEMBERS = "Thành viên ({count}):"
GROUP_MEMBER_LINE = "• {code} — {name}{locality}"
GROUP_NO_MEMBERS = "Chưa có thành viên."
GROUP_UNFILLED = (
    "⚠️ Chưa có danh sách đơn vị: nhóm đang đứng thay cho các thành viên bằng một dòng chung. "
    "Hãy bổ sung thành viên."
)
BUTTON_GROUP = "{code} ({count})"
BUTTON_ADD = "➕ Thêm"
BUTTON_REMOVE = "➖ Bớt"
BUTTON_PASTE = "📋 Dán danh sách"
ASK_ADD = (
    "Gửi mã các đơn vị cần thêm vào nhóm {group}, cách nhau bởi dấu phẩy (ví dụ: {example}). "
    "Bạn xem lại trước khi lưu."
)
ASK_REMOVE = "Gửi mã các đơn vị cần bớt khỏi nhóm {group}. Thành viên hiện có: {members}."
ASK_PASTE = (
    "Dán danh sách đơn vị của nhóm {group}, mỗi dòng một tên (hoặc một mã). Tên được so với danh "
    "bạ, không phân biệt dấu và theo các tên khác; tên chưa có sẽ được đề nghị tạo đơn vị mới. "
    "Các thành viên hiện có được giữ nguyên. Bạn xem lại trước khi lưu."
)
EXAMPLE_CODES = "DN-CUJUT, DN-DAKMIL"

# The flag where plans are listed (/kehoach, python bot.py plans) and in digests.
UNFILLED_TITLE = (
    "⚠️ Chưa có danh sách đơn vị ({count}): nhóm đang đứng thay cho các thành viên, "
    "quản trị viên bổ sung bằng /nhom."
)
UNFILLED_LINE = "• {plan}/{obligation}: {group} — {group_name}"
UNFILLED_CLI_TITLE = (
    "Chưa có danh sách đơn vị ({count}) — nhóm đang đứng thay cho các thành viên; bổ sung bằng "
    "python bot.py unit group-add hoặc unit group-import:"
)
DIGEST_UNFILLED = (
    "⚠️ Chưa có danh sách đơn vị — nhóm đang đứng thay cho các thành viên (quản trị viên bổ sung):"
)
DIGEST_UNFILLED_LINE = "• {group_name} ({group}) — {obligation}"

# The command line.
CLI_NOT_SAVED = "Chưa lưu. Chạy lại lệnh với --yes để lưu đúng bản xem trước này."
CLI_CANNOT_SAVE = "Không lưu được: danh sách còn {count} dòng cần sửa. Không thay đổi gì."
FILE_UNREADABLE = "Không đọc được tệp {path}: {reason}. Không thay đổi gì."

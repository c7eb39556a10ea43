"""Vietnamese words of `python bot.py …` itself: its help, its placeholders and argparse's messages.

The command names (run, unit merge…) and option names (--plan, --json…) are typed by people and
written in the README and in scripts, so they stay as they are; everything around them is here.
A text with a {placeholder} is filled in with .format(). The argparse messages at the end are the
exception: argparse fills them itself with the %-operator, so they keep its %(name)s and %s marks.
"""

from __future__ import annotations

# What argparse prints around the help.
USAGE_PREFIX = "Cách dùng: "
POSITIONALS_TITLE = "tham số"
OPTIONALS_TITLE = "tùy chọn"
HELP_HELP = "in hướng dẫn này rồi thoát"
HINT_HELP = "Xem hướng dẫn: {prog} --help"

DESCRIPTION = "kehoach-bot: nhắc hạn báo cáo của các Kế hoạch và thu thập tình trạng."
EPILOG = (
    "Tên lệnh (run, status, unit merge…) và tên tùy chọn (--plan, --json…) giữ nguyên dạng "
    "không dấu để gõ và dùng trong kịch bản. Xem hướng dẫn của từng lệnh: "
    "python bot.py LỆNH --help."
)
COMMANDS_TITLE = "lệnh"
ACTIONS_TITLE = "việc"

# Placeholders shown in the usage lines: what the person types in their place.
M_COMMAND = "LỆNH"
M_ACTION = "VIỆC"
M_CONFIG = "TỆP_CẤU_HÌNH"
M_DIRECTORY = "THƯ_MỤC"
M_UNIT = "MÃ_ĐƠN_VỊ"
M_ROLE = "VAI_TRÒ"
M_HOURS = "SỐ_GIỜ"
M_PERSON = "NGƯỜI"
M_FILE = "TỆP"
M_DAY = "NGÀY"
M_PLAN = "MÃ_KẾ_HOẠCH"
M_TITLE = "NỘI_DUNG"
M_OLD = "CŨ"
M_NEW = "MỚI"
M_ROUTE = "KẾ_HOẠCH:NGHĨA_VỤ=MỚI"
M_DEFAULT = "tất-cả|MỚI"
M_CODE = "MÃ"
M_NAME = "TÊN"
M_KIND = "LOẠI"
M_LOCALITY = "ĐỊA_BÀN"
M_SHORT = "TÊN_NGẮN"
M_PARENT = "MÃ_CẤP_TRÊN"
M_GROUP = "NHÓM"
M_ALIAS = "TÊN_KHÁC"
M_UNITS = "ĐƠN_VỊ"
M_CSV = "TỆP.csv"
M_PERIOD = "KỲ"
M_EXPORT_FILE = "TỆP.xlsx|TỆP.csv"
M_CHART_FILE = "TỆP.png"
M_ZIP_FILE = "TỆP.zip"
M_DOCX_FILE = "TỆP.docx"
M_PLAN_TEXT = "VĂN_BẢN"
M_PLAN_FILE = "TỆP.toml"

# Help of each command and option.
CONFIG = "tệp cấu hình TOML (mặc định: config.toml nếu có)"
BY = "người thực hiện (ghi vào nhật ký)"
DAY = "ngày, viết 20/10/2025 hoặc 2025-10-20"
JSON = "in dạng JSON"

RUN = "chạy bot Telegram (cần mã bot)"
STATUS = "hàng đợi tin gửi đi, lần kiểm tra hạn gần nhất, các ngày nhắc sắp tới"
MIGRATE = "cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất"
BACKUP = "sao lưu cơ sở dữ liệu và tệp báo cáo vào THƯ_MỤC mới (bot vẫn chạy được)"
BACKUP_DIRECTORY = "thư mục mới hoặc trống"
RESTORE = "khôi phục từ bản sao lưu trong THƯ_MỤC (dừng bot trước khi khôi phục)"
RESTORE_DIRECTORY = "thư mục do lệnh backup tạo"

INVITE = "tạo đường dẫn mời dùng một lần"
INVITE_UNIT = "mã đơn vị của người được mời"
INVITE_ROLE = (
    "vai trò: cán bộ, đầu mối hoặc quản trị (có dấu hay không dấu đều được; có dấu cách thì đặt "
    'trong ngoặc kép, ví dụ "cán bộ")'
)
INVITE_HOURS = "lời mời hết hạn sau SỐ_GIỜ giờ (mặc định 72)"
BOARD_LINK = "in đường dẫn đăng nhập bảng theo dõi (dùng một lần) cho một người"
BOARD_LINK_TELEGRAM_ID = "số Telegram của người sẽ mở bảng"
M_TELEGRAM_ID = "SỐ_TELEGRAM"

LOAD_PLANS = "nạp tệp kế hoạch (không chỉ tệp: nạp 5 kế hoạch mẫu)"
LOAD_FILES = "tệp kế hoạch .toml"

CALENDAR = "lịch các kỳ báo cáo"
CALENDAR_FROM = "từ ngày (viết 20/10/2025 hoặc 2025-10-20)"
CALENDAR_TO = "đến ngày (viết 20/10/2025 hoặc 2025-10-20)"
CALENDAR_PLAN = "chỉ kế hoạch này"
CALENDAR_UNIT = "chỉ đơn vị này"
EXPORT = "xuất bảng theo dõi một kế hoạch ra tệp Excel (.xlsx) hoặc CSV"
EXPORT_PLAN = "mã kế hoạch cần xuất"
EXPORT_PERIOD = 'chỉ kỳ này, viết như "năm 2026", "quý II/2026", "tháng 11/2026"'
EXPORT_FROM = "chỉ các kỳ có ngày cuối đúng hạn từ ngày này (20/10/2025 hoặc 2025-10-20)"
EXPORT_TO = "chỉ các kỳ có ngày cuối đúng hạn đến ngày này (20/10/2025 hoặc 2025-10-20)"
EXPORT_OUT = "tệp kết quả; đuôi .xlsx cho Excel, .csv cho CSV (UTF-8)"
EXTRACT = "đọc văn bản kế hoạch (.docx, .pdf, .txt) và soạn bản nháp tệp kế hoạch để soát lại"
EXTRACT_FILE = "văn bản kế hoạch: Word .docx, PDF (có chữ; bản quét cần Tesseract) hoặc .txt"
EXTRACT_OUT = "ghi bản nháp tệp kế hoạch vào tệp này (không ghi thì in ra màn hình)"
EXTRACT_JSON = "in những gì đọc được (nghĩa vụ, hạn, đơn vị, cảnh báo) dạng JSON"
CHART = "vẽ biểu đồ tình hình báo cáo của một kế hoạch ra tệp ảnh PNG"
CHART_PLAN = "mã kế hoạch cần vẽ"
CHART_PERIOD = 'chỉ kỳ này, viết như "năm 2026", "quý II/2026", "tháng 11/2026"'
CHART_OUT = "tệp ảnh kết quả, đuôi .png"
FILES = "nén các tệp đơn vị đã nộp cho một kỳ của kế hoạch vào một tệp .zip, kèm mục lục"
FILES_PLAN = "mã kế hoạch"
FILES_PERIOD = 'kỳ báo cáo, viết như "năm 2026", "quý II/2026", "tháng 11/2026"'
FILES_OUT = "tệp nén kết quả, đuôi .zip"
SYNTHESIS = "soạn dự thảo báo cáo tổng hợp một kỳ của kế hoạch ra tệp Word (.docx)"
SYNTHESIS_PLAN = "mã kế hoạch"
SYNTHESIS_PERIOD = 'kỳ báo cáo (bắt buộc), viết như "năm 2026", "quý II/2026", "tháng 11/2026"'
SYNTHESIS_OFFICE = "mã đơn vị đứng tên báo cáo khi kế hoạch không ghi đơn vị «qua» của kỳ"
SYNTHESIS_OUT = "tệp Word kết quả, đuôi .docx"

REQUEST = "yêu cầu báo cáo đột xuất gửi các đơn vị"
REQUEST_UNIT = "đơn vị phải báo cáo (ghi --unit nhiều lần cho nhiều đơn vị)"
REQUEST_TITLE = "nội dung báo cáo yêu cầu"
REQUEST_DUE = "hạn nộp (viết 20/10/2025 hoặc 2025-10-20)"
REQUEST_PLAN = "kế hoạch của yêu cầu (nếu có)"
REQUEST_FROM = "đơn vị đầu mối nhận báo cáo (người theo dõi)"
REQUEST_BY = "họ tên người yêu cầu (ghi vào nhật ký, hiện trên thẻ yêu cầu)"

UNITS = "danh bạ đơn vị"
PLANS = "danh sách kế hoạch"

PLAN = "sửa một kế hoạch: ngày bắt đầu theo dõi"
TRACKED_FROM = "theo dõi kế hoạch từ NGÀY: các kỳ có hạn cuối trước ngày đó là lịch sử, không nhắc"
TRACKED_PLAN = "mã kế hoạch"

UNIT = "thêm đơn vị; ghi nhận sáp nhập, chia tách"
MERGE = "đơn vị CŨ sáp nhập vào đơn vị MỚI"
OLD_UNIT = "mã đơn vị cũ"
MERGE_INTO = "mã đơn vị nhận sáp nhập"
EFFECTIVE_ON = "ngày hiệu lực (mặc định hôm nay)"
SPLIT = "đơn vị CŨ chia tách cho nhiều đơn vị kế thừa"
SPLIT_INTO = "mã một đơn vị kế thừa (ghi --into nhiều lần cho nhiều đơn vị)"
SPLIT_ROUTE = "nghĩa vụ này giao cho đơn vị kế thừa này"
SPLIT_DEFAULT = (
    "nghĩa vụ còn lại: tất-cả = mọi đơn vị kế thừa (mặc định), hoặc mã một đơn vị kế thừa"
)
UNDO = "hoàn tác sáp nhập, chia tách hay giải thể ghi nhầm: đơn vị hoạt động lại"
UNDO_UNIT = "mã đơn vị đã ghi nhầm là ngừng hoạt động"
ADD = "thêm đơn vị mới"
ADD_CODE = "mã đơn vị mới (ví dụ GL-SNV)"
ADD_NAME = "tên đầy đủ"
ADD_KIND = "loại đơn vị, một trong: {kinds}"
ADD_KIND_ITEM = "{code} ({name})"
ADD_LOCALITY = "tỉnh, huyện hay xã của đơn vị"
ADD_SHORT = "tên ngắn dùng trên thẻ nhắc"
ADD_PARENT = "mã đơn vị cấp trên"
ADD_GROUP = "thêm vào nhóm đơn vị này (ghi nhiều lần cho nhiều nhóm)"
ADD_ALIAS = "tên khác của đơn vị, như các văn bản vẫn ghi (ghi nhiều lần cho nhiều tên)"
GROUP_ADD = "thêm đơn vị vào NHÓM đơn vị (ví dụ UBND các xã, thị trấn), lưu ngay"
GROUP_REMOVE = "bớt đơn vị khỏi NHÓM đơn vị, lưu ngay"
GROUP_CODE = "mã nhóm đơn vị"
GROUP_UNITS = "mã các đơn vị"
GROUP_IMPORT = (
    "nhập thành viên của NHÓM từ tệp CSV (mỗi dòng một tên hoặc mã đơn vị, dòng tiêu đề "
    "tùy chọn, UTF-8): in bản xem trước; chỉ lưu khi có --yes"
)
GROUP_FILE = "tệp CSV, mã UTF-8"
GROUP_YES = "lưu đúng bản xem trước (không có: chỉ xem trước)"

# Values typed on the command line that cannot be read.
BAD_ROLE = "không có vai trò {value!r}: gõ cán bộ, đầu mối hoặc quản trị"
BAD_NUMBER = "{value!r} không phải là một số nguyên"

# argparse's own messages, keyed by the English text argparse asks gettext for (Python 3.11 and
# later). Developer mistakes in building the parser are here too, so that the table is complete.
ARGPARSE_MESSAGES: dict[str, str] = {
    "usage: ": USAGE_PREFIX,
    "positional arguments": POSITIONALS_TITLE,
    "options": OPTIONALS_TITLE,
    "show this help message and exit": HELP_HELP,
    "subcommands": COMMANDS_TITLE,
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)"
    ),
    # The type's name is a Python function name: not shown.
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "not allowed with argument %s": "không dùng cùng với tham số %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị (đã ghi %r)",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s chưa rõ: có thể là %(matches)s"
    ),
    "unexpected option string: %s": "không chờ tùy chọn %s ở đây",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)"
    ),
    'argument "-" with mode %r': 'tham số "-" với chế độ mở tệp %r',
    "can't open '%(filename)s': %(error)s": "không mở được tệp '%(filename)s': %(error)s",
    "conflicting subparser: %s": "trùng tên lệnh: %s",
    "conflicting subparser alias: %s": "trùng tên khác của lệnh: %s",
    ".__call__() not defined": ": thiếu hàm __call__()",
    "cannot merge actions - two groups are named %r": (
        "không gộp được tham số: hai nhóm cùng tên %r"
    ),
    "'required' is an invalid argument for positionals": (
        "tham số theo vị trí không dùng được 'required'"
    ),
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        "tên tùy chọn %(option)r không hợp lệ: phải bắt đầu bằng ký tự %(prefix_chars)r"
    ),
    "dest= is required for options like %r": "tùy chọn như %r cần có 'dest='",
    "invalid conflict_resolution value: %r": "giá trị 'conflict_resolution' không hợp lệ: %r",
    "mutually exclusive arguments must be optional": ("các tham số loại trừ nhau phải là tùy chọn"),
    "cannot have multiple subparser arguments": "không thể có hai nhóm lệnh",
    "%r is not callable": "%r không gọi được như một hàm",
}
# ngettext's messages: (singular, plural) → the one Vietnamese form.
ARGPARSE_PLURALS: dict[tuple[str, str], str] = {
    ("expected %s argument", "expected %s arguments"): "cần %s giá trị",
    ("conflicting option string: %s", "conflicting option strings: %s"): "trùng tên tùy chọn: %s",
}

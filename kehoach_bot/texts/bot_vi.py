"""Vietnamese texts of the Telegram bot. Every sentence a user reads lives here."""

from __future__ import annotations

NO_TOKEN = (
    "Chưa có mã bot Telegram.\n"
    "1. Mở Telegram, nhắn @BotFather lệnh /newbot và làm theo hướng dẫn để nhận mã bot.\n"
    "2. Đặt mã vào biến môi trường KEHOACH_BOT_TOKEN hoặc khóa [telegram] token trong config.toml.\n"
    "Không cần mã bot vẫn dùng được: python bot.py calendar, plans, units, load-plans, unit, request."
)

BUTTON_SUBMITTED = "✅ Đã nộp"
BUTTON_IN_PROGRESS = "⏳ Đang làm"
BUTTON_STUCK = "⚠️ Vướng mắc"
BUTTON_EXTENSION = "📅 Xin gia hạn"
BUTTON_NO_FILE = "Nộp không kèm tệp"
BUTTON_CANCEL = "Hủy"
BUTTON_APPROVE = "✅ Đồng ý gia hạn"
BUTTON_REFUSE = "❌ Không đồng ý"
BUTTON_NEXT = "Trang sau ▶"
BUTTON_PREVIOUS = "◀ Trang trước"
BUTTON_FILE = "📎 Xem tệp {unit}"

REMINDER_HEADER = "🔔 Nhắc hạn báo cáo"
AD_HOC_HEADER = "📣 Yêu cầu báo cáo đột xuất"
REMINDER = (
    "{header}\n"
    "Kế hoạch: {plan}\n"
    "Báo cáo: {title}\n"
    "Đơn vị: {unit}\n"
    "Kỳ: {period}\n"
    "Hạn theo văn bản: {wording} {due}\n"
    "Hạn cuối còn đúng hạn: {weekday}, {last_day}{shift_note}\n"
    "Gửi: {recipient}"
)
EXTENDED_NOTE = " (đã gia hạn)"
SHIFT_NOTE = " (hạn rơi vào ngày nghỉ nên được tính đến ngày làm việc kế tiếp)"
VIA = "{recipient} (qua {via})"
QUOTE = "Văn bản ghi: «{quote}»"

WELCOME = (
    "Chào {name}! Bạn đã tham gia với vai trò {role} của {unit}.\n"
    "{next}\n"
    "Gõ /help để xem bạn có thể làm gì."
)
WELCOME_NEXT = "Việc gần nhất đơn vị phải nộp: {title} — {period}, hạn cuối {last_day}."
WELCOME_NOTHING = "Hiện đơn vị chưa có báo cáo nào đến hạn."
START_UNKNOWN = (
    "Chào bạn! Bot này nhắc hạn báo cáo của các Kế hoạch. Để dùng, hãy mở đường dẫn mời mà quản trị "
    "viên gửi cho bạn (mỗi đường dẫn chỉ dùng một lần)."
)
START_KNOWN = "Chào {name}! Bạn đang là {roles}. Gõ /help để xem hướng dẫn."

HELP_UNKNOWN = START_UNKNOWN
HELP_TITLE = "Bạn có thể:"
# Keyed by the value of each role (officer, coordinator, admin).
HELP: dict[str, tuple[str, ...]] = {
    "officer": (
        "/viec — xem các báo cáo đơn vị còn phải nộp, gần hạn nhất trước",
        "Bấm nút dưới mỗi lời nhắc: Đã nộp (kèm tệp báo cáo), Đang làm, Vướng mắc, Xin gia hạn",
    ),
    "coordinator": (
        "/tinhhinh [mã kế hoạch] — bảng tình hình: hoàn thành đúng hạn, quá hạn, đang thực hiện",
        "/quahan — các đơn vị đang quá hạn",
        "/giahan — các đề nghị gia hạn chờ duyệt",
        "/dotxuat MÃ_ĐƠN_VỊ[,MÃ…] NGÀY nội dung — gửi yêu cầu báo cáo đột xuất",
        "/tonghop — bản tổng hợp sắp đến hạn, quá hạn, không gửi được (ngay bây giờ)",
        "/xuat — bảng theo dõi một kế hoạch ra tệp Excel (chọn kế hoạch và kỳ bằng nút)",
        "/bieudo — biểu đồ tình hình báo cáo của một kế hoạch",
        "/duthao — dự thảo báo cáo tổng hợp một kỳ (tệp Word để sửa rồi trình ký)",
        "/tepnop — các tệp đơn vị đã nộp trong một kỳ, nén thành một tệp .zip",
    ),
    "admin": (
        "/moi MÃ_ĐƠN_VỊ cán bộ|đầu mối|quản trị [số giờ] — tạo đường dẫn mời",
        "/kehoach — danh sách kế hoạch; /nghiavu MÃ_KẾ_HOẠCH — các nghĩa vụ báo cáo",
        "/kehoachmoi — gửi văn bản kế hoạch (Word, PDF, .txt) để bot đọc và soạn tệp kế hoạch",
        "/sua MÃ_KẾ_HOẠCH MÃ_NGHĨA_VỤ — sửa hạn, lịch, đơn vị (xem lại trước khi lưu)",
        "Gửi tệp kế hoạch .toml — xem thay đổi rồi bấm Lưu",
        "/themdonvi, /bietdanh, /sapnhap, /chiatach — đơn vị, tên khác, sáp nhập, chia tách",
        "/hoantac MÃ_ĐƠN_VỊ — hoàn tác sáp nhập, chia tách hay giải thể ghi nhầm",
        "/thuhoi ID_TELEGRAM — thu hồi quyền của một người",
        "/theodoitu MÃ_KẾ_HOẠCH NGÀY — theo dõi kế hoạch từ ngày này (kỳ cũ hơn là lịch sử)",
        "/nhatky — nhật ký thay đổi gần đây",
    ),
}
HELP_ALWAYS = (
    "/toi — bạn là ai trong hệ thống\n"
    "/bang — đường dẫn mở bảng theo dõi trên trình duyệt (dùng một lần)"
)

WHOAMI = "Bạn: {name} (Telegram {id})\n{lines}"
WHOAMI_LINE = "• {role} — {unit} {unit_name}"
WHOAMI_ADMIN = "• quản trị viên (theo cấu hình)"
NOT_KNOWN = "Bạn chưa được mời vào hệ thống. Hãy xin quản trị viên một đường dẫn mời."
UNKNOWN_COMMAND = "Bot không có lệnh {command}. Gõ /help để xem các lệnh bạn dùng được."
NOT_ALLOWED = "Bạn không có quyền dùng lệnh này."

OWED_EMPTY = "Đơn vị của bạn không còn báo cáo nào phải nộp. 👍"
OWED_TITLE = "Các báo cáo còn phải nộp ({count}):"
OWED_LINE = "{n}. {title}\n   {unit} — {period}\n   Hạn cuối: {last_day} — {status}"

ASK_FILE = (
    "Gửi tệp báo cáo (tài liệu hoặc ảnh, tối đa {max_mb} MB) cho: {title} — {period}.\n"
    "Có thể ghi chú trong phần chú thích của tệp. Nếu đã nộp bằng đường khác, bấm «{no_file}»."
)
ASK_STUCK = "Ghi ngắn gọn vướng mắc (một tin nhắn) cho: {title} — {period}."
ASK_EXTENSION = "Gửi ngày đề nghị gia hạn (ví dụ 15/12/2026) và lý do, cho: {title} — {period}."
CANCELLED = "Đã hủy."
NOTHING_PENDING = "Không có việc nào đang chờ bạn trả lời. Gõ /viec để xem danh sách."

CONFIRM_ON_TIME = "✅ Đã ghi nhận: {title} — {unit}, {period}. Nộp đúng hạn."
CONFIRM_LATE = "✅ Đã ghi nhận: {title} — {unit}, {period}. Nộp sau hạn cuối {last_day} (quá hạn)."
CONFIRM_FILE = "Tệp: {name} ({size})."
CONFIRM_STUCK = "Đã ghi nhận vướng mắc và báo đơn vị đầu mối: {title} — {period}."
CONFIRM_EXTENSION = "Đã gửi đề nghị gia hạn đến {date}. Bạn sẽ được báo khi có kết quả."

FILE_TOO_BIG = "Tệp {size} vượt giới hạn {max_mb} MB. Hãy nén hoặc tách tệp rồi gửi lại."
FILE_EMPTY = "Tệp rỗng (0 byte). Hãy gửi lại tệp báo cáo."
TEXT_TOO_LONG = "Tin nhắn dài {length} ký tự; tối đa {limit}. Hãy rút gọn."
TEXT_EMPTY = "Tin nhắn trống. Hãy gửi nội dung."
BAD_CALLBACK = "Nút này không còn hiệu lực hoặc không hợp lệ."
FORBIDDEN_LOGGED = "Bạn không có quyền với mục này. Yêu cầu đã được ghi lại."
EXTENSION_BAD_DATE = "Không hiểu ngày {value!r}. Viết theo dạng 15/12/2026, rồi lý do."

STUCK_TO_COORDINATOR = "⚠️ {unit} báo vướng mắc: {title} — {period}\n«{text}»"
EXTENSION_TO_COORDINATOR = (
    "📅 {unit} xin gia hạn: {title} — {period}\nHạn cuối hiện tại: {last_day}; đề nghị: {proposed}\n"
    "Lý do: {reason}"
)
EXTENSION_APPROVED = "✅ Đã đồng ý gia hạn {title} — {period} đến {date}."
EXTENSION_REFUSED = (
    "❌ Đề nghị gia hạn {title} — {period} không được chấp nhận. Hạn cuối vẫn là {date}."
)
PENDING_EMPTY = "Không có đề nghị gia hạn nào đang chờ."
SUBMITTED_TO_COORDINATOR = "📥 {unit} đã nộp: {title} — {period} ({timing})."
TIMING_ON_TIME = "đúng hạn"
TIMING_LATE = "quá hạn"

STATUS_TITLE = "Tình hình {plan} — {period}"
STATUS_COUNTS = (
    "Hoàn thành đúng hạn: {done_on_time}\n"
    "Hoàn thành quá hạn: {done_late}\n"
    "Đang thực hiện trong hạn: {open_on_time}\n"
    "Đang thực hiện quá hạn: {open_overdue}"
)
DIGEST_MORE = "… và {count} mục khác (xem đủ bằng /quahan)."
STATUS_MORE = "… và {count} đơn vị khác chưa nộp (xem đủ bằng /quahan)."
STATUS_LATE = " (quá {days} ngày)"
STATUS_NOTHING = "Kế hoạch {plan} chưa có kỳ báo cáo nào đến hạn."
STATUS_NO_PLANS = "Bạn chưa là đầu mối của kế hoạch nào."
OVERDUE_EMPTY = "Không có đơn vị nào quá hạn. 👍"
OVERDUE_TITLE = "Quá hạn ({count}):"
OVERDUE_LINE = "• {unit} — {title}, {period}: quá {days} ngày (hạn cuối {last_day})"

AD_HOC_DONE = "Đã gửi yêu cầu đột xuất đến {count} đơn vị ({units}); hạn cuối {last_day}. Lời nhắn đang được gửi tới {sent} người."

INVITE_PRIVATE_ONLY = (
    "Hãy mở đường dẫn mời trong cuộc trò chuyện riêng với bot (không mở trong nhóm): lời nhắc sẽ gửi "
    "về đúng nơi bạn bấm Bắt đầu. Lời mời vẫn còn dùng được."
)
PREVIEW_EXPIRED = "Bản xem trước này đã cũ: bạn đã xem trước một thay đổi khác sau đó. Hãy bấm Lưu trên bản xem trước mới nhất."
INVITE_DONE = "Lời mời {role} cho {unit} ({unit_name}), dùng một lần, hết hạn {expires}:\n{link}"
REVOKE_USAGE = "Cách dùng: /thuhoi ID_TELEGRAM (số)"
PLANS_TITLE = "Kế hoạch ({count}):"
PLANS_LINE = "• {code} — {title} ({obligations} nghĩa vụ)"
AUDIT_TITLE = "Nhật ký gần đây:"
AUDIT_LINE = "• {at} {actor}: {action} {entity} {entity_id}"

UNEXPECTED = "Có lỗi ngoài dự kiến; thao tác chưa được ghi. Hãy thử lại sau ít phút."

# Everyone's commands (None), then those of each role by its value.
COMMANDS: dict[str | None, tuple[tuple[str, str], ...]] = {
    None: (
        ("start", "Bắt đầu, dùng đường dẫn mời"),
        ("help", "Hướng dẫn"),
        ("toi", "Tôi là ai trong hệ thống"),
        ("viec", "Báo cáo đơn vị còn phải nộp"),
        ("danop", "Lịch sử nộp báo cáo của đơn vị"),
        ("bang", "Mở bảng theo dõi trên trình duyệt"),
    ),
    "coordinator": (
        ("tinhhinh", "Bảng tình hình một kế hoạch"),
        ("xuat", "Xuất bảng theo dõi ra tệp Excel"),
        ("bieudo", "Biểu đồ tình hình báo cáo"),
        ("duthao", "Dự thảo báo cáo tổng hợp (Word)"),
        ("tepnop", "Các tệp đã nộp của một kỳ (.zip)"),
        ("quahan", "Đơn vị quá hạn"),
        ("giahan", "Đề nghị gia hạn chờ duyệt"),
        ("dotxuat", "Gửi yêu cầu báo cáo đột xuất"),
        ("tonghop", "Tổng hợp sắp đến hạn và quá hạn"),
    ),
    "admin": (
        ("moi", "Tạo đường dẫn mời"),
        ("kehoach", "Danh sách kế hoạch"),
        ("kehoachmoi", "Đọc văn bản kế hoạch mới"),
        ("nghiavu", "Nghĩa vụ báo cáo của một kế hoạch"),
        ("sua", "Sửa một nghĩa vụ báo cáo"),
        ("themdonvi", "Thêm đơn vị"),
        ("bietdanh", "Thêm tên khác cho đơn vị"),
        ("sapnhap", "Ghi nhận sáp nhập đơn vị"),
        ("chiatach", "Ghi nhận chia tách đơn vị"),
        ("hoantac", "Hoàn tác sáp nhập, chia tách ghi nhầm"),
        ("thuhoi", "Thu hồi quyền một người"),
        ("theodoitu", "Đặt ngày bắt đầu theo dõi một kế hoạch"),
        ("nhatky", "Nhật ký thay đổi"),
    ),
}

BUTTON_SAVE = "💾 Lưu"
OBLIGATIONS_USAGE = "Cách dùng: /nghiavu MÃ_KẾ_HOẠCH"
OBLIGATIONS_TITLE = "Nghĩa vụ báo cáo của {plan} ({count}):"
OBLIGATION_LINE = "• {code} — {title}\n   Lịch: {schedule}; {wording}\n   Phải nộp: {responsible}\n   Nơi nhận: {recipient}; qua: {via}{inactive}"
OBLIGATION_INACTIVE = "\n   (không còn trong tệp kế hoạch)"
EDIT_USAGE = "Cách dùng: /sua MÃ_KẾ_HOẠCH MÃ_NGHĨA_VỤ (xem mã bằng /nghiavu MÃ_KẾ_HOẠCH)"
EDIT_CHOOSE = "Sửa nghĩa vụ {plan}/{code}: {title}\nLịch: {schedule}; {wording}\nPhải nộp: {responsible}\nNơi nhận: {recipient}; qua: {via}\nNhắc trước: {lead_days}\nChọn mục cần sửa:"
EDIT_ASK = "Gửi giá trị mới cho «{field}» (hiện tại: {current}).\n{hint}"
EDIT_HINTS = {
    "schedule": "Ví dụ: «trước hằng năm 20/10», «chậm nhất một lần 25/12/2026», «6 tháng 30/6», «không ngày».",
    "wording": "Một trong: trước ngày, chậm nhất ngày, đến ngày.",
    "responsible": "Các mã đơn vị, cách nhau bởi dấu phẩy (ví dụ GL-SYT, GL-SNV).",
    "recipient": "Một mã đơn vị, hoặc - để bỏ trống.",
    "via": "Một mã đơn vị, hoặc - để bỏ trống.",
    "lead_days": "Các số ngày làm việc, ví dụ 7, 3, 1, 0; hoặc - để dùng mặc định.",
}
EDIT_PREVIEW = "Xem lại trước khi lưu — {field}:\nTrước: {before}\nSau: {after}"
EDIT_SAVED = (
    "Đã lưu {field}: {after}. Kỳ báo cáo: +{created} mới, {updated} cập nhật, {removed} bỏ."
)
NOTHING_TO_CONFIRM = "Không có thay đổi nào đang chờ lưu."
PLAN_PREVIEW = "Tệp kế hoạch {name}: {code}, {status}.\n{obligations} nghĩa vụ, {tasks} nhiệm vụ. Nếu lưu: kỳ báo cáo +{created} mới, {updated} cập nhật, {removed} bỏ."
PLAN_SAVED = "Đã nạp {code}: {status}, phiên bản {version}."
PLAN_PROBLEMS = "Tệp {name} có lỗi, chưa nạp gì:\n{problems}"
PLAN_NOT_TOML = "Tệp kế hoạch phải có đuôi .toml (văn bản UTF-8)."
LOAD_STATUS = {"created": "kế hoạch mới", "updated": "cập nhật", "unchanged": "không đổi"}
UNIT_ADD_USAGE = "Cách dùng: /themdonvi MÃ LOẠI ĐỊA_BÀN Tên đầy đủ\nLOẠI: so, phong, ubnd_tinh, ubnd_huyen, ubnd_xa, dang, mttq_doan_the, don_vi, bo"
UNIT_ADDED = "Đã thêm đơn vị {code}: {name}."
ALIAS_ADDED = "Đã thêm tên khác cho {code}: {alias}."
MERGE_USAGE = "Cách dùng: /sapnhap MÃ_CŨ MÃ_MỚI [NGÀY]"
SPLIT_USAGE = "Cách dùng: /chiatach MÃ_CŨ MÃ_MỚI1,MÃ_MỚI2 [all|MÃ_MỚI] [NGÀY]"
SUCCESSION_PREVIEW = "{old} → {successors} từ {date}. Nếu lưu: {transferred} kỳ còn mở chuyển sang đơn vị kế thừa, +{created} kỳ mới cho đơn vị kế thừa."
SUCCESSION_SAVED = "Đã ghi nhận {old} → {successors}."

DIGEST_TITLE = "📋 Tổng hợp {date} — {plan}"
DIGEST_DUE_SOON = "Sắp đến hạn ({count}):"
DIGEST_DUE_SOON_LINE = "• {unit} — {title}, {period}: hạn cuối {last_day}"
DIGEST_OVERDUE = "Quá hạn ({count}):"
DIGEST_OVERDUE_LINE = "• {unit} — {title}, {period}: quá {days} ngày"
DIGEST_UNDELIVERABLE = "Không gửi được lời nhắc ({count}) — cần liên hệ trực tiếp:"
DIGEST_UNDELIVERABLE_LINE = "• {unit} — {title}: {error}"
WEEKLY_TITLE = "📊 Tổng kết tuần {week} — {plan}"
WEEKLY_CHART_CAPTION = "📈 Biểu đồ tình hình báo cáo tuần {week} — {plan}"
DIGEST_NOTHING = "Không có gì cần báo: không có báo cáo sắp đến hạn hay quá hạn. 👍"

# /theodoitu: a plan's "theo dõi từ" date
TRACKED_FROM_USAGE = (
    "Cách dùng: /theodoitu MÃ_KẾ_HOẠCH dd/mm/yyyy (ví dụ: /theodoitu gia-lai-743 01/01/2026)"
)
TRACKED_FROM_DONE = (
    "Kế hoạch {plan}: theo dõi từ {after} (trước đây: {before}).\n"
    "Các kỳ có hạn cuối trước ngày này là lịch sử: không nhắc, không tính quá hạn, vẫn nhận "
    "báo cáo nộp muộn."
)
TRACKED_FROM_NEVER = "chưa đặt"

# /hoantac: undo a succession recorded by mistake
UNDO_USAGE = "Cách dùng: /hoantac MÃ_ĐƠN_VỊ (đơn vị đã ghi nhận sáp nhập, chia tách hay giải thể)"
UNDO_PREVIEW = (
    "Hoàn tác: {code} hoạt động trở lại (đã ghi ngừng từ {ended}, kế thừa: {successors}).\n"
    "Nếu lưu: {returned} kỳ báo cáo trở về {code}, {removed} kỳ của đơn vị kế thừa được bỏ. "
    "Báo cáo đã nộp giữ nguyên."
)
UNDO_SAVED = (
    "Đã hoàn tác: {code} hoạt động trở lại. {returned} kỳ báo cáo trở về đơn vị, "
    "{removed} kỳ của đơn vị kế thừa được bỏ."
)
UNDO_NO_SUCCESSOR = "không có"
UNDO_NO_DATE = "không rõ ngày"

# /kehoach and digests: cần quyết định
NEEDS_DECISION_TITLE = "⚠️ Cần quyết định ({count}): đơn vị ngừng hoạt động, không có đơn vị kế thừa"
NEEDS_DECISION_LINE = "• {plan}{obligation}: {role} {unit} ngừng hoạt động từ {ended}"
OFFICE_ROLE = {
    "issuer": "cơ quan ban hành",
    "recipient": "nơi nhận",
    "via": "cơ quan đầu mối (qua)",
}

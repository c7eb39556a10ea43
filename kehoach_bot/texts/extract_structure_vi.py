"""Vietnamese words the extractor reads a plan's layout by: headings, unit names, task blocks."""

from __future__ import annotations

# The word that opens the plan's own title.
PLAN_WORD = "Kế hoạch"

# Words a unit's name starts with; after a comma or "và" they begin a new unit.
UNIT_HEADS = (
    "Sở",
    "Phòng",
    "Ban",
    "Văn phòng",
    "UBND",
    "Ủy ban",
    "Uỷ ban",
    "Trung tâm",
    "Đài",
    "Chi nhánh",
    "Ngân hàng",
    "Bảo hiểm",
    "Công an",
    "Bộ",
    "Cục",
    "Chi cục",
    "Tổng cục",
    "Kho bạc",
    "Hội",
    "Hội đồng",
    "Đoàn",
    "Liên đoàn",
    "Mặt trận",
    "Thủ trưởng",
    "Chủ tịch",
    "Giám đốc",
    "Tỉnh đoàn",
    "Huyện đoàn",
    "Thị ủy",
    "Huyện ủy",
    "Tỉnh ủy",
    "Thành ủy",
    "Ngành",
    "Đồng chí",
    "Viện",
    "Bệnh viện",
    "Cấp ủy",
    "Chính quyền",
)

# What follows "Các" in a group of units: "Các sở", "các cơ quan".
GROUP_KINDS = (
    "sở",
    "phòng",
    "ban",
    "ngành",
    "cơ quan",
    "đơn vị",
    "địa phương",
    "cấp",
    "tổ chức",
    "đoàn thể",
    "xã",
    "huyện",
    "hội",
    "doanh nghiệp",
)

# Words after a head word that make it no unit: "Ban hành", "Bộ chỉ số".
NOT_UNITS = ("hành", "chỉ số", "nghị", "kết")

# Lowercase words that end a list of units: what follows is the duty.
DUTY_VERBS = (
    "chủ trì",
    "phối hợp",
    "thường xuyên",
    "xây dựng",
    "tổ chức",
    "triển khai",
    "theo dõi",
    "căn cứ",
    "tham mưu",
    "thực hiện",
    "chỉ đạo",
    "hướng dẫn",
    "kiểm tra",
    "rà soát",
    "tăng cường",
    "đẩy mạnh",
    "chủ động",
    "nghiên cứu",
    "lãnh đạo",
    "định kỳ",
    "khẩn trương",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "tiếp tục",
    "quán triệt",
    "phổ biến",
    "báo cáo",
    "gửi",
    "lập",
    "cân đối",
    "bố trí",
    "đảm bảo",
    "bảo đảm",
    "là cơ quan",
    "nâng cao",
    "tuyên truyền",
    "vận hành",
    "tham gia",
    "giám sát",
    "hỗ trợ",
    "phát huy",
    "quan tâm",
    "đề xuất",
    "tập trung",
    "thúc đẩy",
    "vận động",
    "đôn đốc",
    "nêu cao",
    "ưu tiên",
    "giải quyết",
    "quản lý",
)

# Words that hand a task to the units named after them.
ASSIGNING = ("Giao", "Yêu cầu", "Đề nghị")

# Labels of a task block: "Cơ quan chủ trì: …", "Cơ quan phối hợp: …", "Thời gian thực hiện: …".
LEAD_LABEL = "chủ trì"
COORDINATING_LABEL = "phối hợp"
TIMELINE_LABELS = ("thời gian", "thời hạn", "tiến độ")

# Column headings of a task table (accent-folded, lowercase).
TABLE_COLUMNS = {
    "tt": ("tt", "stt", "so tt"),
    "task": ("nhiem vu", "noi dung", "ten nhiem vu", "noi dung nhiem vu", "nhiem vu, giai phap"),
    "lead": ("chu tri", "don vi chu tri", "co quan chu tri"),
    "coordinating": ("phoi hop", "don vi phoi hop", "co quan phoi hop"),
    "timeline": ("thoi gian", "thoi han", "tien do"),
    "other": ("ghi chu", "san pham", "ket qua"),
}

# Section headings (accent-folded) under which each item is a task.
TASK_SECTIONS = ("nhiem vu", "giai phap", "to chuc thuc hien", "phan cong", "noi dung")

# Timelines a sentence may state for its task, in the order they are looked for.
TIMELINE_WORDS = (
    ("thường xuyên", "Thường xuyên"),
    ("hằng năm", "Hằng năm"),
    ("hàng năm", "Hằng năm"),
    ("định kỳ", "Định kỳ"),
)

# Lines that open the signature block: the body ends before them.
SIGNATURE_MARKS = ("TM.", "T/M", "KT.", "TL.", "Q.")
RECIPIENTS = "Nơi nhận"

# Words that open the body after the title (with "ban hành" or a long line).
BODY_OPENERS = ("Thực hiện", "Căn cứ", "Thi hành", "Kính gửi")
ADDRESSED = "Kính gửi"
CLOSING = "Trên đây"

# Abbreviations whose dot does not end a sentence.
ABBREVIATIONS = frozenset(
    {"TP", "Tp", "TX", "TT", "P", "Q", "KT", "TM", "ThS", "TS", "PGS", "GS", "BS", "v.v", "St", "Ô"}
)

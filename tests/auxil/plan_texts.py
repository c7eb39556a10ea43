"""Small plan files for tests."""

from __future__ import annotations

# A valid plan for Bình Lục with one yearly obligation.
MINIMAL = """
code = "thu"
title = "Kế hoạch thử"
locality = "ha-nam"
valid_from = 2025-01-01
[[obligations]]
code = "bc"
title = "Báo cáo"
report_kind = "dinh_ky"
schedule = { type = "yearly", month = 12, day = 15 }
wording = "truoc_ngay"
responsible = ["BL-PLDTBXH"]
recipient = "BL-UBND"
quote = "…trước ngày 15/12…"
"""

# The same plan naming a unit that does not exist.
BROKEN_PLAN = MINIMAL.replace('code = "thu"', 'code = "hong"').replace(
    'responsible = ["BL-PLDTBXH"]', 'responsible = ["KHONG-CO"]'
)

# The head and one duty of a plan as its own text reads (for reading plans from text): Sở Nội vụ
# Gia Lai reports yearly before 15/12 to UBND tỉnh through Sở Y tế.
PLAN_HEAD = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 901/KH-UBND
Gia Lai, ngày 10 tháng 11 năm 2026
KẾ HOẠCH
Triển khai thí điểm chuyển đổi số trong công tác báo cáo
"""
PLAN_BODY = """III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ tỉnh Gia Lai định kỳ hằng năm báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh \
(qua Sở Y tế) trước ngày 15/12.
"""

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

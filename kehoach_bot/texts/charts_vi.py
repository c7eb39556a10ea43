"""Vietnamese words of the compliance chart (biểu đồ) and of the `chart` command."""

from __future__ import annotations

# The picture.
PLAN_NUMBER = "KH số {number}"
TITLE = "{plan}\nTình hình báo cáo tính đến {date}"
BARS_TITLE = "Số báo cáo mỗi kỳ theo tình trạng"
BARS_AXIS = "Số báo cáo"
LEGEND_ITEM = "{status}: {count}"
RATES_TITLE = "Tỷ lệ hoàn thành đúng hạn của từng đơn vị (thấp nhất ở trên)"
RATES_NOTE = "Tính trên các báo cáo đã nộp hoặc đã quá hạn; «—»: chưa có báo cáo nào như vậy."
RATE_CELL = "{percent}%"
NO_RATE = "—"
OVERALL = "Chung"
OTHERS = "và {count} đơn vị khác có tỷ lệ cao hơn"
NOTHING_TRACKED = "Không có báo cáo nào đang được theo dõi trong các kỳ đã chọn."

# The `chart` command.
BAD_FORMAT = "Không vẽ được biểu đồ vào tệp {name!r}: chỉ hỗ trợ tệp .png."
CHARTED = "Đã vẽ biểu đồ kế hoạch {plan} ({periods} kỳ, {units} đơn vị) vào {path}."

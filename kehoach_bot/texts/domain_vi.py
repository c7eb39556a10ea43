"""Vietnamese labels and messages of the domain: deadlines, periods, schedules, statuses, dates.

Plain constants only: `kehoach_bot.domain` imports this module, so it imports nothing of ours.
Templates take named `{placeholders}` and are filled with `.format(...)`; `{x!r}` shows a value
in quotes, as the user typed it. Labels marked "stored" are written into database rows when a
row is made: a correction here applies to rows made from then on.
"""

from __future__ import annotations

# domain/deadlines: how the plan words a deadline
WORDING_BEFORE = "trước ngày"
WORDING_NO_LATER_THAN = "chậm nhất ngày"
WORDING_BY = "đến ngày"
WORDING_AS_REGULATED = "theo thời gian quy định"

# domain/periods: labels of reporting periods (stored in each occurrence)
PERIOD_YEAR = "năm {year}"
PERIOD_FIRST_HALF = "6 tháng đầu năm {year}"
PERIOD_SECOND_HALF = "6 tháng cuối năm {year}"
PERIOD_QUARTER = "quý {quarter} năm {year}"
PERIOD_MONTH = "tháng {month}/{year}"
PERIOD_ONE_OFF = "một lần (hạn {day}/{month}/{year})"
PERIOD_AD_HOC = "đột xuất: {title}"

# domain/roles: a person's role in a unit
ROLE_OFFICER = "cán bộ"
ROLE_COORDINATOR = "đầu mối"
ROLE_ADMIN = "quản trị viên"

# domain/schedule_text: schedules typed by an admin, and described back
SCHEDULE_FORMS = "«hằng năm 20/10», «một lần 20/7/2024», «6 tháng 30/6», «6 tháng 30/6 30/12», «hằng quý 10» (ngày 10 tháng sau quý), «hằng tháng 25», «không ngày»"
SCHEDULE_NOT_UNDERSTOOD = "Không hiểu lịch {text!r}. Viết như: {forms}."
SCHEDULE_DATE_DOES_NOT_EXIST = "Ngày {date} không tồn tại."
SCHEDULE_HALF_YEARLY_DAYS = (
    "Lịch 6 tháng: một hoặc hai ngày, cùng ngày trong tháng (ví dụ 30/6 30/12)."
)
DESCRIBE_ONE_OFF = "một lần, ngày {day}/{month}/{year}"
DESCRIBE_YEARLY = "hằng năm, ngày {day}/{month}"
DESCRIBE_FIRST_HALF = "6 tháng đầu năm, ngày {days}"
DESCRIBE_HALF_YEARLY = "6 tháng, ngày {days}"
DESCRIBE_DAYS_SEPARATOR = " và "  # between the days of a half-yearly schedule: "30/6 và 30/12"
DESCRIBE_QUARTERLY_NEXT_MONTH = "hằng quý, ngày {day} tháng sau quý"
DESCRIBE_QUARTERLY_LAST_MONTH = "hằng quý, ngày {day} tháng cuối quý"
DESCRIBE_MONTHLY = "hằng tháng, ngày {day}"
DESCRIBE_AD_HOC = "đột xuất (theo từng yêu cầu)"
DESCRIBE_UNDATED = "chưa có ngày (định kỳ theo quy định)"

# domain/schedules: a schedule that cannot produce dates (plan files, stored schedules)
SCHEDULE_TYPE_INVALID = "loại lịch không hợp lệ: {value!r}"
ONE_OFF_NEEDS_DATE = "lịch một lần cần có ngày (date)"
YEARLY_NEEDS_MONTH_AND_DAY = "lịch hằng năm cần tháng (month) và ngày (day)"
HALF_YEARLY_NEEDS_MONTHS_AND_DAY = "lịch 6 tháng cần một hoặc hai tháng (months) và ngày (day)"
QUARTERLY_MONTHLY_NEEDS_DAY = "lịch quý/tháng cần ngày (day) từ 1 đến 31"
OFFSET_MONTHS_ZERO_OR_ONE = "offset_months chỉ nhận 0 hoặc 1"
MONTH_DOES_NOT_EXIST = "tháng {month} không tồn tại"
DAY_OF_MONTH_DOES_NOT_EXIST = "ngày {day}/{month} không tồn tại"
CLOSED_WINDOW_NEEDED = "cần khoảng thời gian đóng để sinh các kỳ báo cáo"

# domain/status: the status categories of digests and exports

# domain/succession
SUCCESSION_CYCLE = "vòng lặp kế thừa qua đơn vị {unit}"

# domain/vietnamese: weekdays, Monday first, and dates typed by a user
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
BAD_DATE_FORM = (
    "Ngày không hợp lệ {value!r}: không đúng dạng ngày. Dùng dạng YYYY-MM-DD hoặc DD/MM/YYYY."
)
BAD_DATE_MONTH = "Ngày không hợp lệ {value!r}: tháng {month} không tồn tại. Dùng dạng YYYY-MM-DD hoặc DD/MM/YYYY."
BAD_DATE_DAY = "Ngày không hợp lệ {value!r}: tháng {month} năm {year} không có ngày {day}. Dùng dạng YYYY-MM-DD hoặc DD/MM/YYYY."

# services/obligations: what an admin may change in an obligation, and how a change reads
FIELD_SCHEDULE = "hạn và lịch"
FIELD_WORDING = "cách ghi hạn"
FIELD_RESPONSIBLE = "đơn vị phải nộp"
FIELD_RECIPIENT = "nơi nhận"
FIELD_VIA = "đơn vị đầu mối (qua)"
FIELD_LEAD_DAYS = "nhắc trước (ngày làm việc)"
LEAD_DAYS_DEFAULT = "mặc định"
SCHEDULE_WITH_WORDING = "{schedule} ({wording})"

# services/requests: the plan and obligation made for ad hoc requests (stored)
STANDALONE_PLAN_TITLE = "Yêu cầu báo cáo đột xuất (không thuộc kế hoạch)"
AD_HOC_OBLIGATION_TITLE = "Báo cáo đột xuất theo yêu cầu của đơn vị đầu mối"
AD_HOC_OBLIGATION_QUOTE = "Yêu cầu đột xuất do {actor} tạo."

# services/units, services/bootstrap: who made a change when no person did (stored, shown in history)
DIRECTORY_ACTOR = "danh bạ đơn vị"
SEED_ACTOR = "khởi tạo"

"""How often a plan's sentences ask for a report, and the due rule each frequency gets from the
sentence's deadlines.

Every function reads ONE sentence (or clause) and is pure. Spans index the sentence in NFC.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
import unicodedata
from dataclasses import dataclass

from kehoach_bot.domain.deadlines import Wording
from kehoach_bot.plans.extract.draft import DutyKind
from kehoach_bot.plans.extract.phrases import (
    DeadlineMention,
    find_deadlines,
    fold_numbers_blanked,
    fold_same_length,
    is_distribution_line,
    with_day_in_digits,
)
from kehoach_bot.plans.extract.sentences import AT_ONCE
from kehoach_bot.texts import extract_vi as t


@dataclass(frozen=True, slots=True)
class Recurrence:
    """How often a duty falls due, where the sentence says so, and the stretch its dates sit in."""

    kind: DutyKind
    text: str
    start: int
    end: int
    scope_start: int = 0  # the dates between scope_start and scope_end belong to this frequency
    scope_end: int = 0
    shared: bool = False  # its dates are listed with another frequency's ("6 tháng, năm (…)")


# "báo cáo tình hình sau mỗi đợt (kiểm tra)": one report per round, the rounds undated; the
# report's own ("lập biên bản sau mỗi lần kiểm tra và báo cáo …" is the record's)
EACH_ROUND = (
    r"\bbao cao\b[^.;,]{0,60}?\b(?:sau|ket thuc|cuoi)\s+moi\s+"
    r"(?:dot|lan|ky|dip|cuoc|hoi nghi|buoi|giai doan)\b"
)
# "định kỳ 04 lần/năm", "báo cáo … mỗi năm 02 lần", only the report's ("kiểm tra 04 lần/năm và
# báo cáo …" is the work's, and so is "báo cáo kết quả quan trắc được thực hiện mỗi năm 04 lần")
_TIMES_A_YEAR = (
    r"\b(?:bao cao|dinh ky)\b(?:(?!\bduoc\b|\b(?:dot|cuoc|buoi)\b)[^.;,]){{0,60}}?"
    r"(?<!thuc hien )(?<!to chuc )"
    r"\b(?:{n}\s+lan\s*(?:/|trong|mot|moi)\s*nam|(?:moi|mot|hang)\s+nam\s+{n}\s+lan)\b"
)

# A named quarter with a day of its own and no year: "quý I trước ngày 15/3", "quý 2: ngày 20/6".
_QUARTER_DAY = (
    r"quy\s+(?:{n})\s*[:,(]?\s*(?:(?:gui|nop)\s+)?(?:(?:truoc|cham nhat|vao)\s+)?(?:ngay\s+)?"
    r"\d{{1,2}}\s*(?:[/.\-]|\s+thang\s+)\s*\d{{1,2}}\b(?!\s*(?:[/.\-]\s*\d|nam\s+\d))"
)
# Frequencies with a calendar of their own.
PERIODIC_KINDS = (DutyKind.ANNUAL, DutyKind.SEMIANNUAL, DutyKind.QUARTERLY, DutyKind.MONTHLY)
# "(Trường hợp) thời hạn gửi báo cáo …", "ngày gửi báo cáo", "kỳ báo cáo": the rule's time
_TIME_OF_REPORT = (
    r"(?:(?:thoi han|thoi gian|thoi diem|ngay|han)\s+(?:gui\s+|nop\s+)?bao cao|ky bao cao)\b"
)
# "trước ngày 10 của tháng tiếp theo": a day of every following month
_NEXT_MONTHS_DAY = re.compile(r"\bngay\s+\d{1,2}\s+(?:cua\s+)?thang\s+(?:sau|tiep theo|ke tiep)\b")
_RECURRENCE_WORDS: tuple[tuple[DutyKind, re.Pattern[str]], ...] = (
    # first, so that "báo cáo … mỗi năm 02 lần" is not read as "mỗi năm"
    (DutyKind.SEMIANNUAL, re.compile(_TIMES_A_YEAR.format(n="(?:0?2|hai)"))),
    (DutyKind.QUARTERLY, re.compile(_TIMES_A_YEAR.format(n="(?:0?4|bon)"))),
    (
        DutyKind.ANNUAL,
        # "xây dựng kế hoạch hàng năm": the plan's year, not the report's
        re.compile(
            r"(?<!ke hoach )(?<!chuong trinh )(?<!cong tac )\b(?:dinh ky\s+)?(?:hang|moi)\s+nam\b"
            r"(?!\s+hoc)|\bnam\s+(?:mot|1)\s+lan\b"
            # "… kết quả thực hiện Kế hoạch hằng năm (trước ngày 15 tháng 11)": its day follows
            r"|\b(?:hang|moi)\s+nam\s*\(\s*(?:truoc|cham nhat)\b"
        ),
    ),
    (
        DutyKind.ANNUAL,
        re.compile(
            # "BC năm chính thức: …" in a form's days
            r"\b(?:dinh ky|bao cao|bc)\s+(?:(?:ca|mot|0?1)\s+)?nam\b(?!\s*\d)"
            r"(?!\s+(?:hoc|nay|sau|truoc(?!\s+ngay)|tiep))"
        ),
    ),
    # "hằng quý, 6 tháng, năm", "6 tháng: …; năm: …": a bare "năm" in a list of frequencies.
    (
        DutyKind.ANNUAL,
        re.compile(
            r"(?<=[,;] )(?:va\s+)?(?:ca\s+)?nam\b"
            r"(?=\s*[,;:.()]|\s*$|\s+\(|\s+(?:hoac|va|truoc ngay|cham nhat)\b)"
        ),
    ),
    (DutyKind.ANNUAL, re.compile(r"\bva\s+(?:ca\s+)?nam\b(?=\s*[,;:.()]|\s*$|\s+\()")),
    # "tình hình trong 6 tháng và cả năm", "6 tháng (…) và 1 năm (…)": the two reports' periods
    (
        DutyKind.ANNUAL,
        re.compile(
            r"(?:(?<=thang )va\s+ca|(?<=\d )va\s+ca|(?<=\) )va\s+(?:ca|mot|0?1))\s+nam\b(?!\s*\d)"
        ),
    ),
    # "báo cáo tổng kết năm trước ngày 15 tháng 11": the year's report, not the work of a review
    (
        DutyKind.ANNUAL,
        re.compile(
            r"\bbao cao\s+tong ket\s+nam\b(?!\s*\d)"
            r"(?!\s+(?:hoc|nay|sau|truoc(?!\s+ngay)|tiep|qua))"
        ),
    ),
    # "… sơ kết 6 tháng, báo cáo … trước ngày 10/6; tổng kết năm trước ngày 10/12", "6 tháng
    # (trước ngày 16/6), tổng kết năm (trước ngày 20/11 hàng năm)"
    (
        DutyKind.ANNUAL,
        re.compile(r"(?:^|(?<=[;,] ))tong ket\s+nam\b(?=\s*\(?\s*(?:truoc|cham nhat|gui|nop)\b)"),
    ),
    # "hằng quý, 6 tháng, năm báo cáo …": the list's last item before what it asks
    (
        DutyKind.ANNUAL,
        re.compile(
            r"(?:(?<=thang, )|(?<=quy, ))nam\b"
            r"(?=\s+(?:bao cao|gui|nop|cac|ve|tong hop|danh gia|xay dung|lap|thuc hien)\b)"
        ),
    ),
    # "chậm nhất là ngày 15/01 năm kế tiếp của năm báo cáo": a day of every following year
    (
        DutyKind.ANNUAL,
        re.compile(
            r"\b\d{1,2}(?:\s*/\s*\d{1,2}|\s+thang\s+\d{1,2})\s+(?:cua\s+)?"
            r"nam\s+(?:ke tiep|tiep theo)\b"
        ),
    ),
    # "trước ngày 20 tháng 3 của năm báo cáo": a day of every year; not a data period's end
    (
        DutyKind.ANNUAL,
        re.compile(
            r"(?:(?<=truoc )|(?<=cham nhat )|(?<=cham nhat la )|(?<=ngay ))"
            r"(?<!den ngay )(?<!tu ngay )\d{1,2}(?:\s*/\s*\d{1,2}|\s+thang\s+\d{1,2})\s+(?:cua\s+)?"
            r"nam bao cao\b"
        ),
    ),
    (DutyKind.MONTHLY, _NEXT_MONTHS_DAY),
    (
        DutyKind.SEMIANNUAL,
        re.compile(
            r"\b(?:dinh ky\s+)?(?:hang\s+)?(?:0?6|sau)\s+thang\b(?:\s+(?:mot|1)\s+lan)?"
            r"(?!\s+(?:dau|cuoi)\s+nam\s+\d)|\bnua\s+nam\b"
        ),
    ),
    (
        DutyKind.QUARTERLY,
        re.compile(
            r"\b(?:dinh ky\s+)?(?:hang|moi)\s+quy\b|\bdinh ky\s+quy\b|\bquy\s+(?:mot|1)\s+lan\b"
            # "3 tháng một lần", "định kỳ 03 tháng": every quarter
            r"|\b(?:0?3|ba)\s+thang\s+(?:mot|1)\s+lan\b|\bdinh ky\s+(?:0?3|ba)\s+thang\b"
            r"|\btheo\s+quy\b(?!\s+(?:dinh|che))"
        ),
    ),
    (
        DutyKind.QUARTERLY,
        re.compile(
            r"\bthang\s+(?:cuoi(?:\s+cung)?|dau(?:\s+tien)?)\s+(?:cua\s+)?(?:moi\s+|hang\s+)?quy\b"
        ),
    ),
    # "trước ngày 18 các tháng 3, 6, 9 và 12", "trước ngày 15/3, 15/6, 15/9 và 15/12": the
    # quarters' last months
    (
        DutyKind.QUARTERLY,
        re.compile(
            r"\bngay\s+\d{1,2}\s+(?:cua\s+)?(?:cac\s+)?thang\s+0?3\s*,\s*(?:thang\s+)?0?6\s*,"
            r"\s*(?:thang\s+)?0?9\s*(?:,\s*|va\s+)(?:thang\s+)?12\b"
            r"|\b\d{1,2}/0?3\s*,\s*\d{1,2}/0?6\s*,\s*\d{1,2}/0?9\s*(?:,\s*|va\s+)\d{1,2}/12\b"
        ),
    ),
    # "Báo cáo quý gửi …", "báo cáo quý trước ngày …"; not "báo cáo quý I", "báo cáo quý này"
    (
        DutyKind.QUARTERLY,
        re.compile(
            r"\bbao cao\s+quy\b(?=\s*[,;:.()]|\s*$"
            r"|\s+(?:gui|nop|ve|truoc ngay|cham nhat|dinh ky|hang|va|hoac)\b)"
        ),
    ),
    # "báo cáo quý I trước ngày 15/3, quý II trước ngày 15/6, …": every quarter, each its day
    (
        DutyKind.QUARTERLY,
        re.compile(
            rf"\b{_QUARTER_DAY.format(n='i|1')}(?=[^.]{{0,150}}?\b{_QUARTER_DAY.format(n='ii|2')})"
        ),
    ),
    (
        DutyKind.MONTHLY,
        re.compile(
            r"\b(?:dinh ky\s+)?(?:hang|moi)\s+(?:cuoi\s+)?thang\b|\bdinh ky\s+thang\b(?!\s*\d)"
            r"|\bthang\s+(?:mot|1)\s+lan\b"
            # "Báo cáo tháng gửi … trước ngày 22"; not "báo cáo tháng 11", "báo cáo tháng hành
            # động" (a campaign's month) nor "tháng trước"
            r"|\bbao cao\s+thang\b(?=\s*[,;:.()]|\s*$"
            r"|\s+(?:gui|nop|ve|truoc ngay|cham nhat|dinh ky|hang|va|hoac)\b)"
        ),
    ),
    (
        DutyKind.AD_HOC,
        re.compile(
            # "kế hoạch thanh tra bổ sung đột xuất": unplanned work, not an unplanned report
            r"(?<!ke hoach )(?<!bo sung )(?<!thanh tra )(?<!kiem tra )\bdot xuat\b"
            r"|\bkhi\s+(?:co\s+)?yeu cau\b"
            r"|\bkhi\s+(?:co\s+)?(?:tinh huong|su co|su viec|thien tai|dich benh|thiet hai)"
            r"[^,;.]{0,30}?\bxay ra\b|(?:^|:)\W*khi\s+phat hien\b"
            # "theo yêu cầu tại Văn bản số …" names the document that asks, not a time; "đảm bảo
            # thời gian theo yêu cầu" keeps the time asked
            # ("Theo yêu cầu, các chi nhánh phải …" opens the request told: "as asked")
            r"|(?<!thoi gian )(?<!thoi han )\btheo\s+(?:co\s+)?yeu cau\b(?!\s+(?:ve|tai)\b|\s*,)"
            r"|\bkhi\s+(?:can thiet|phat sinh)\b|\bkhi\s+duoc\s+[^,;.]{1,60}?\byeu cau\b"
            # "… hằng năm (trước ngày 15 tháng 11) hoặc theo đề nghị": whenever asked
            r"|(?<=hoac )theo\s+de nghi\b"
            # "báo cáo ngay khi có phát hiện sai phạm": whenever it is found; "Đối với các vụ lộ,
            # mất bí mật xảy ra phải báo cáo ngay": each case as it happens
            r"|\bbao cao\s+ngay\s+khi\s+(?:co\s+)?(?:phat hien|xay ra|phat sinh)\b"
            r"|(?<!da )\bxay ra,?\s+(?:thi\s+)?(?:phai\s+)?bao cao\s+ngay\b(?!\s+sau\b)"
            # "Khi có ổ dịch mới, UBND xã báo cáo ngay …", "Đối với báo cáo tai nạn: khi xảy ra
            # tai nạn, …": only when it happens
            r"|(?:^\W*khi\s+(?:co|xay ra|xuat hien)|:\W*khi\s+xay ra)\b[^.;,:]{3,100}(?=,)"
            r"|\bvuong mac\b|\bkip thoi\s+(?:bao cao|de xuat|phan anh)\b"
            r"|\bbao cao\s+(?:thuong xuyen,?\s+(?:va\s+)?)?kip thoi\b(?!\s+(?:gui|nop|bao cao)\b)"
            # ("số liệu phản ánh kịp thời, chính xác tình hình": figures that show it)
            r"|\bphan anh\s+kip thoi\s+(?=(?:ve|cho|voi|len|den)\b)"
            # "báo cáo … các trường hợp heo mắc bệnh phát sinh": each case as it arises
            r"|\bcac truong hop\b[^,;.]{0,50}\bphat sinh\b"
            r"|\bneu\s+(?:co\s+)?(?:van de\s+)?phat sinh\b|\bvuot\s+(?:qua\s+)?tham quyen\b"
            # "báo cáo những vấn đề thuộc thẩm quyền của UBND tỉnh": the matters the higher body
            # decides, as they come; not the results of the unit's own ("… của mình")
            r"|\bbao cao\s+(?:(?:nhung|cac)\s+)?(?:van de|noi dung)\s+thuoc\s+tham quyen\s+"
            r"(?:giai quyet\s+)?cua\s+(?:ubnd|uy ban|chu tich|thu tuong|chinh phu|bo|cap tren)\b"
            r"|\bbao cao bo sung\b|\bneu\s+thay\s+can\b"
            # "Địa phương mà … tăng nhiều … thì khẩn trương báo cáo giải trình": only where it holds
            rf"|\b(?:ma|neu|truong hop)\b(?!\s+{_TIME_OF_REPORT})"
            r"[^.;]{3,200}?\bthi\s+(?:(?:\w+\s+){0,3}?|[^.;]{0,80}?\bhoac\s+)bao cao\b"
            # "trường hợp phức tạp Cục Thuế tỉnh báo cáo …": only for such cases
            r"|\btruong hop\s+(?:phuc tap|dac biet)\b(?=[^.;,]{0,60}\bbao cao\b)"
            # "Nếu không đủ nguồn lực, địa phương đề xuất … gửi về Bộ": only if it comes to that;
            # "Trường hợp …, Cục báo cáo Tổng cục xem xét phân công": a matter put for decision
            # "Trường hợp thời hạn gửi báo cáo khác …": a case of the rule, not of events
            rf"|^\W*(?:neu|trong truong hop|truong hop)\b(?!\s+{_TIME_OF_REPORT})"
            r"(?![^.;]*\b(?:de|xem xet,?)\s+(?:quyet dinh|phan cong)\b)[^.;,:]{3,150}(?=,)"
        ),
    ),
    # "rà soát hộ nghèo định kỳ năm 2022": that year's round of a periodic work, not a frequency
    (
        DutyKind.PERIODIC_UNDATED,
        re.compile(
            r"\bdinh ky\b(?!\s+nam\s+\d{4})|\bthuong ky\b|\bso ket\b|\btong ket\b"
            rf"|{EACH_ROUND}"
        ),
    ),
)
# Words that make a report occasional only when it has no time of its own: "Đối với các doanh
# nghiệp chịu ảnh hưởng … thì … báo cáo cơ quan thuế cấp trên" (the cases of that kind, as they
# come), "trường hợp cần thiết (bổ sung …), … báo cáo …" (not "báo cáo Thủ tướng, trường hợp cần
# thiết kiến nghị …", a proposal after the report), "báo cáo tiến độ một cách kịp thời", "báo cáo …
# đối với các vụ việc phức tạp" (not a regime's: "định kỳ báo cáo … đối với các trường hợp …"),
# "phát hiện … để báo cáo".
_ONLY_WHEN = re.compile(
    r"^\W*doi voi\s+(?:cac|nhung)\s+(?:truong hop|doanh nghiep|du an|de an|ho so|vu viec"
    r"|cong trinh)\b[^;]{3,200}?\bthi\b"
    r"|\btruong hop can thiet\b(?=[^.;]*\bbao cao\b)"
    r"|\bbao cao\b[^.;]{0,60}\bmot cach kip thoi\b"
    # "báo cáo Ban Thường trực đối với các vụ việc phức tạp, nổi cộm": each such case (not one put
    # up for decision: "báo cáo … đối với các trường hợp đủ điều kiện để xem xét, quyết định")
    r"|^(?![^.;]*\b(?:dinh ky|che do|xem xet|quyet dinh)\b)[^.;]*?\bbao cao\b[^.;]{0,150}?"
    r"\bdoi voi\s+(?:cac|nhung)\s+(?:vu viec|truong hop|van de)\b"
    # "Kịp thời phát hiện những sai sót, vi phạm … để báo cáo Ban Thường trực xử lý"
    r"|\bphat hien\b[^.;]{0,150}?\bde\s+(?:kip thoi\s+)?bao cao\b"
)
_SO_KET = re.compile(r"so ket")
_AFTER_A_DATE = re.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*$|\bthang\s+\d{1,2}\s*$")
# "trong đó nêu những khó khăn, vướng mắc": read with its accents, "nêu" (state) is not "nếu" (if).
_CONTENT_BEFORE = re.compile(
    r"\b(?:nêu(?:\s+rõ)?|đánh giá|tổng hợp|phân tích|làm rõ)\s+(?:(?:những|các)\s+)?"
    r"(?:khó khăn,?\s*(?:và\s+)?)?$",
    re.IGNORECASE,
)
# "tháo gỡ khó khăn, vướng mắc", "xử lý dứt điểm các vướng mắc": the problems are the work; not
# "báo cáo Chủ tịch UBND tỉnh xem xét giải quyết các khó khăn, vướng mắc", put up to be solved
_RESOLVED = re.compile(
    r"\b(?:thao go|(?<!xem xet )(?<!xem xet, )(?<!de )giai quyet|xu ly(?:\s+dut diem)?|khac phuc)"
    r"\s+(?:(?:cac|nhung)\s+)?(?:kho khan,?\s+(?:va\s+)?)?$"
)
_TROUBLED = re.compile(
    r"\b(?:du an|cong trinh|vu viec|ho so)\b(?:\s+\w+){0,3}?\s+(?:co|gap)\s+"
    r"(?:kho khan,?\s+(?:va\s+)?)?$"
)
# "báo cáo UBND tỉnh về tiến độ, kết quả …, những khó khăn, vướng mắc": one report's contents.
_LISTED_CONTENT = re.compile(r"\bbao cao\b[^.;]*\b(?:tien do|ket qua|tinh hinh)\b[^.;]*$")
_DINH_KY = re.compile(r"\bdinh ky\b")
# "Hàng ngày, …" opening the sentence or "báo cáo … hằng tuần": the report's own rhythm
DAILY_OR_WEEKLY = r"\b(?:hang|moi)\s+(?:ngay|tuan)\b"
_EVERY_DAY_OR_WEEK = re.compile(
    rf"^\W*{DAILY_OR_WEEKLY}|\bbao cao\b[^,;.]{{0,30}}{DAILY_OR_WEEKLY}"
)
_FOR_REPORT = re.compile(r"\bdoi voi(?:\s+cac)?(?:\s+(?:ky\s+)?bao cao)?(?:\s+dinh ky)?\s*$")
_URGENT = re.compile(r"\bkhan truong\b")
_PROMPT_PURPOSE = re.compile(r"(?<!\w)de\s+kip thoi\s+bao cao\b")
# the periodic report sent to an office, then "để …" with no second task of the units between
# ("…, đồng thời theo dõi sát tình hình để kịp thời báo cáo …" is their own prompt report)
_SENT_THEN = re.compile(
    r"^(?![^;]*\b(?:dong thoi|theo doi|nam bat|giam sat)\b)[^;]*\b(?:gui|nop)\b[^;]*"
    r"\b(?:ve|cho|den|toi)\b[^;]*$"
)
_BESIDES = re.compile(r"\bngoai(?:\s+(?:che do|cac|bao cao|ky))*\s+$")
# "trong 6 tháng", "qua 6 tháng" are a stretch of time, "ngày 06 tháng 7" a date: neither is a
# frequency; "kết quả 6 tháng" is the half's report.
_NOT_A_FREQUENCY_BEFORE = re.compile(
    r"\b(?:trong|sau|vong|han|(?<!ket )qua|hon|tren|duoi|ngay)\s+$"
)
# "triển khai nhiệm vụ 6 tháng cuối năm": the tasks' half-year, not a report's
_WORK_OF_THE_HALF = re.compile(r"\b(?:nhiem vu|phuong huong|chi tieu|muc tieu)\s+$")
_BASIS = re.compile(r"\W*(?:\d+\s*[-.)]\s*)?can cu\b[^,;:]*[,;:]")
_MEETING = re.compile(r"\b(?:hoi nghi|cuoc hop|phien hop)\s+(?:so ket|tong ket)\b[^,;.()]*$")
# "kết quả 6 tháng triển khai thực hiện Nghị quyết": six months of the work, told once
_SPAN_OF_WORK = re.compile(r"\s+(?:trien khai|thuc hien)\b")
_AND_THE_YEAR = re.compile(r"\s+va\s+ca\s+nam\b(?!\s*\d)")
_REPORTING = re.compile(r"\bbao cao\b|\bgui\b[^.;]{0,80}\b(?:ve|cho|so|phong|ban|uy ban|ubnd)\b")
# "báo ngay cho Sở khi có biến động", "khi phát hiện … phải báo cáo ngay": whenever it happens
_AT_ONCE_WHEN = re.compile(
    rf"{AT_ONCE.pattern}[^.;]{{0,80}}?\bkhi\s+(?:có|xảy ra|phát hiện|phát sinh)\b"
    rf"|\bkhi\s+phát hiện\b[^.;]{{0,120}}?{AT_ONCE.pattern}"
)


def _day_of_the_named_period(
    hit: tuple[int, int, DutyKind], hits: list[tuple[int, int, DutyKind]], folded: str
) -> bool:
    """Whether "ngày N của tháng tiếp theo" dates the longer period named just before it in the
    same clause ("Báo cáo 6 tháng: … vào ngày 20 của tháng tiếp theo"), not a monthly report."""
    start, _, kind = hit
    if kind is not DutyKind.MONTHLY or not _NEXT_MONTHS_DAY.match(folded, start):
        return False
    before = [h for h in hits if h[1] <= start]
    if not before:
        return False
    nearest = max(before, key=lambda h: h[1])
    return nearest[2] in _LONGER_PERIODS and not re.search(r"[;,]", folded[nearest[1] : start])


_LONGER_PERIODS = (DutyKind.SEMIANNUAL, DutyKind.QUARTERLY, DutyKind.ANNUAL)


def find_recurrences(sentence: str) -> list[Recurrence]:
    """One recurrence per frequency the sentence names, in order, with the stretch of its dates.

    "định kỳ" or "sơ kết, tổng kết" alone is periodic but undated; a dated sentence without a
    frequency word is one-off; a duty to report with neither date nor frequency is undated too."""
    text = unicodedata.normalize("NFC", sentence)
    folded = fold_numbers_blanked(text)
    if is_distribution_line(text):
        return []
    mentions = find_deadlines(text)
    hits: list[tuple[int, int, DutyKind]] = []
    basis = _BASIS.match(folded)
    for kind, pattern in _RECURRENCE_WORDS:
        for match in pattern.finditer(folded):
            if (
                kind is DutyKind.SEMIANNUAL
                # "báo cáo … mỗi năm 02 lần" is the report's own, whatever stands before it
                and not match.group().startswith("bao cao")
                and (
                    _NOT_A_FREQUENCY_BEFORE.search(
                        folded[max(0, match.start() - 8) : match.start()]
                    )
                    or _WORK_OF_THE_HALF.search(folded, max(0, match.start() - 15), match.start())
                    or (
                        folded.endswith("ket qua ", 0, match.start())
                        and _SPAN_OF_WORK.match(folded, match.end())
                    )
                )
                and not _AND_THE_YEAR.match(folded, match.end())
            ):
                continue
            if any(not (match.end() <= a or match.start() >= b) for a, b, _ in hits):
                continue
            if basis and match.end() <= basis.end():
                continue  # "Căn cứ chương trình công tác hằng năm, …": the basis's own rhythm
            if _MEETING.search(folded, max(0, match.start() - 80), match.start()):
                continue  # "hội nghị sơ kết công tác dân tộc 6 tháng đầu năm": a meeting's name
            if _BESIDES.search(folded[max(0, match.start() - 30) : match.start()]):
                continue  # "Ngoài chế độ báo cáo định kỳ …, báo cáo đột xuất": another's rhythm
            if (
                _SO_KET.fullmatch(match.group())
                and text[match.start() : match.start() + 2].lower() != "sơ"
            ):
                continue  # "cơ sở kết nối" folds to "so ket" too
            if kind is DutyKind.AD_HOC and text[match.start() : match.start() + 3].lower() == "nêu":
                continue  # "các nội dung nêu trên thì …": "nêu" (stated) folds to "nếu" (if)
            if (
                kind is DutyKind.AD_HOC
                and "kip thoi" in match.group()
                and _EVERY_DAY_OR_WEEK.search(folded)
            ):
                continue  # "Hàng ngày, … báo cáo kịp thời": promptly, every day
            if match.group() == "vuong mac" and (
                _CONTENT_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
                or _LISTED_CONTENT.search(folded, 0, match.start())
            ):
                continue  # what a report states, not a report asked for when they arise
            if match.group() == "vuong mac" and _TROUBLED.search(
                folded, max(0, match.start() - 60), match.start()
            ):
                continue  # "báo cáo dự án đầu tư có khó khăn, vướng mắc": the projects reported on
            if match.group() == "vuong mac" and _RESOLVED.search(
                folded, max(0, match.start() - 40), match.start()
            ):
                continue  # "tháo gỡ khó khăn, vướng mắc cho các dự án": work, not a report
            hits.append((match.start(), match.end(), kind))
    # "Định kỳ trước ngày 25 hằng tháng, các Vụ gửi báo cáo … để kịp thời báo cáo …": the
    # gathering office's purpose, not a prompt report of the units'
    hits = [
        h
        for h in hits
        if not (
            h[2] is DutyKind.AD_HOC
            and _PROMPT_PURPOSE.match(folded, max(0, h[0] - 3), h[1])
            and any(k in PERIODIC_KINDS and _SENT_THEN.match(folded[b : h[0]]) for _, b, k in hits)
        )
    ]
    lowered = text.lower()
    for match in _AT_ONCE_WHEN.finditer(lowered):
        if all(match.end() <= a or match.start() >= b for a, b, _ in hits):
            hits.append((match.start(), match.end(), DutyKind.AD_HOC))
    listed = _listed_periods(folded, hits)
    hits += [h for h in listed if h[2] is not DutyKind.PERIODIC_UNDATED]
    kinds = {kind for _, _, kind in hits}
    if kinds & {DutyKind.SEMIANNUAL, DutyKind.QUARTERLY, DutyKind.MONTHLY}:
        # "6 tháng: … ngày 20/6 và ngày 20/12 hàng năm": the dates' own yearly return
        hits = [
            h
            for h in hits
            if not (
                h[2] is DutyKind.ANNUAL
                and _AFTER_A_DATE.search(folded[max(0, h[0] - 20) : h[0]])
                and not folded.startswith("va", h[0])  # "… trước ngày 05/6 và cả năm …"
            )
        ]
        kinds = {kind for _, _, kind in hits}
    # "Báo cáo 6 tháng: … chậm nhất vào ngày 20 của tháng tiếp theo": the named period's day
    hits = [h for h in hits if not _day_of_the_named_period(h, hits, folded)]
    kinds = {kind for _, _, kind in hits}
    if kinds & set(PERIODIC_KINDS):
        hits = [h for h in hits if h[2] is not DutyKind.PERIODIC_UNDATED]
    hits += [h for h in listed if h[2] is DutyKind.PERIODIC_UNDATED]  # "9 tháng" in the list
    if kinds == {DutyKind.PERIODIC_UNDATED} and not _DINH_KY.search(folded):
        # "Báo cáo tổng kết … trước ngày 8/6/2021": a review names no frequency of its own.
        extra = _undeclared(mentions, folded, lowered)
        if extra is not None and extra[2] is DutyKind.ONE_OFF:
            # "báo cáo sau mỗi đợt và báo cáo tổng kết trước ngày …": the rounds' reports stay
            hits = [h for h in hits if re.fullmatch(EACH_ROUND, folded[h[0] : h[1]])] + [extra]
    occasional = _ONLY_WHEN.search(folded)
    if (
        occasional
        and all(kind is DutyKind.PERIODIC_UNDATED for _, _, kind in hits)
        and all(m.not_a_deadline or m.by_reference for m in mentions)
        and not _EVERY_DAY_OR_WEEK.search(folded)
    ):
        hits = [(occasional.start(), occasional.end(), DutyKind.AD_HOC)]
    if not hits:
        extra = _undeclared(mentions, folded, lowered)
        if extra is not None:
            hits.append(extra)
    elif all(kind is DutyKind.AD_HOC for _, _, kind in hits):
        hits = _dated_besides(hits, mentions, folded)
    hits.sort(key=lambda h: (h in listed, h))  # a frequency's own words before a list's item
    first: dict[DutyKind, tuple[int, int]] = {}
    for start, end, kind in hits:
        first.setdefault(kind, (start, end))
    ordered = sorted((span, kind) for kind, span in first.items())
    # "trước ngày 25/06 đối với báo cáo 06 tháng; trước ngày 28/11 đối với báo cáo năm": each
    # frequency's date stands in front of it.
    backward = len(ordered) > 1 and all(
        _FOR_REPORT.search(folded[max(0, start - 40) : start]) for (start, _), _ in ordered
    )
    out: list[Recurrence] = []
    for i, ((start, end), kind) in enumerate(ordered):
        if backward:
            scope_start = 0 if i == 0 else ordered[i - 1][0][1]
            scope_end = end
        else:
            scope_start = 0 if i == 0 else start
            scope_end = ordered[i + 1][0][0] if i + 1 < len(ordered) else len(text)
        out.append(Recurrence(kind, text[start:end], start, end, scope_start, scope_end))
    return _once_when_dated(_share_listed_dates(out, folded, mentions), folded, mentions)


# "định kỳ", "hằng năm", "mỗi quý": words that make a 6-month or year report come back.
_COMES_BACK = re.compile(r"\bdinh ky\b|\b(?:hang|moi)\s+(?:nam|quy|thang|ky|tuan)\b")


def _once_when_dated(
    out: list[Recurrence], folded: str, mentions: list[DeadlineMention]
) -> list[Recurrence]:
    """A 6-month or year report that no word makes come back, due on days with their year
    ("Báo cáo sơ kết 6 tháng gửi trước ngày 10/6/2025"), is one submission."""
    if _COMES_BACK.search(folded):
        return out
    dated = [d for d in mentions if d.usable]
    for i, recurrence in enumerate(out):
        if recurrence.kind not in (DutyKind.SEMIANNUAL, DutyKind.ANNUAL):
            continue
        mine = [d for d in dated if recurrence.scope_start <= d.start < recurrence.scope_end]
        if mine and all(d.year is not None and d.rule is None for d in mine):
            out[i] = dataclasses.replace(recurrence, kind=DutyKind.ONE_OFF)
    return out


# "báo cáo định kỳ (tháng, quý, 6 tháng, 9 tháng, năm)": the periods listed after "định kỳ".
_PERIOD_LIST = re.compile(
    r"\b(?:dinh ky|bao cao(?:\s+cong tac)?)\s*\(?\s*"
    r"((?:(?:thang|quy|(?:0?6|9)\s+thang|nam)\s*(?:,|;|\bva\b|\bhoac\b)\s*){1,}"
    r"(?:thang|quy|(?:0?6|9)\s+thang|nam)\b)(?!\s*(?:\d|nay|sau|truoc|toi|hoc|tiep))"
)
_PERIOD_ITEM = re.compile(r"(?:0?6|9)\s+thang|thang|quy|nam")
_PERIOD_KINDS = {  # by the item's first word
    "thang": DutyKind.MONTHLY,
    "quy": DutyKind.QUARTERLY,
    "6": DutyKind.SEMIANNUAL,  # "6 tháng" is mostly read already as a 6-month frequency
    "06": DutyKind.SEMIANNUAL,
    "9": DutyKind.PERIODIC_UNDATED,  # a 9-month report has no kind of its own
    "nam": DutyKind.ANNUAL,
}


def _listed_periods(
    folded: str, hits: list[tuple[int, int, DutyKind]]
) -> list[tuple[int, int, DutyKind]]:
    """Each period of a list after "định kỳ" that no frequency word already gave."""
    out: list[tuple[int, int, DutyKind]] = []
    for listing in _PERIOD_LIST.finditer(folded):
        for item in _PERIOD_ITEM.finditer(folded, listing.start(1), listing.end(1)):
            kind = _PERIOD_KINDS[item.group().split()[0]]
            taken = any(not (item.end() <= a or item.start() >= b) for a, b, _ in hits + out)
            if not taken:
                out.append((item.start(), item.end(), kind))
    return out


_LISTED = re.compile(r"\s*(?:,|;|va|hoac|,\s*va)?\s*")


def _share_listed_dates(
    out: list[Recurrence], folded: str, mentions: list[DeadlineMention]
) -> list[Recurrence]:
    """ "định kỳ 6 tháng, hằng năm (trước ngày 15/6 và 15/12)": frequencies listed side by side
    next to one list of dates, after or before them, share it; each takes its own in due_rule."""
    for i in range(len(out) - 1):
        half, year = out[i], out[i + 1]
        adjacent = _LISTED.fullmatch(folded[half.end : year.start])
        if (half.kind, year.kind) != (DutyKind.SEMIANNUAL, DutyKind.ANNUAL) or not adjacent:
            continue
        dates = [
            d
            for d in mentions
            if half.scope_start <= d.start < year.scope_end and d.usable and d.rule is None
        ]
        if len({(d.month, d.day) for d in dates}) >= 2:
            out[i] = dataclasses.replace(half, scope_end=year.scope_end, shared=True)
            out[i + 1] = dataclasses.replace(year, scope_start=half.scope_start, shared=True)
    return out


_PERIOD_END = re.compile(r"\bke tu\s+(?:thoi diem\s+|ngay\s+)?ket thuc\s+ky\b")


# "… trước ngày 15/12/2026 hoặc đột xuất", "… ngay khi có phát hiện sai phạm, báo cáo tổng hợp …
# gửi trước ngày 10/1/2020": a dated report beside the occasional one, not the time of its case
# ("Nếu không đủ nguồn lực, địa phương đề xuất … gửi về Bộ trước 5/8").
_OR_BEFORE = re.compile(r"\s*,?\s*(?:hoac|va)\s*$")
_ANOTHER_REPORT = re.compile(r"[,;]\s*(?:\w+\s+){0,3}?(?:bao cao|gui|nop)\b")


def _dated_besides(
    hits: list[tuple[int, int, DutyKind]], mentions: list[DeadlineMention], folded: str
) -> list[tuple[int, int, DutyKind]]:
    """The occasional reports with the one-off report the sentence also asks for by a date."""
    dated = next((m for m in mentions if m.usable and m.rule is None), None)
    if dated is None:
        return hits
    first, last = min(a for a, _, _ in hits), max(b for _, b, _ in hits)
    once = (dated.start, dated.end, DutyKind.ONE_OFF)
    if all("kip thoi" in folded[a:b] for a, b, _ in hits) and not re.search(
        r"[,;]", folded[last : dated.start]
    ):
        return [once]  # "báo cáo kịp thời về Phòng chậm nhất 20/9/2016": promptly, by that day
    if (dated.end <= first and _OR_BEFORE.match(folded, dated.end, first)) or (
        dated.start >= last and _ANOTHER_REPORT.search(folded, last, dated.start)
    ):
        return [*hits, once]
    return hits


def _undeclared(
    mentions: list[DeadlineMention], folded: str, lowered: str
) -> tuple[int, int, DutyKind] | None:
    """A sentence with no periodic word: one-off when it gives a dated deadline, else undated if
    it asks for a report at all (a deadline "theo quy định" included)."""
    for mention in mentions:
        if mention.usable and mention.year is not None:
            return mention.start, mention.end, DutyKind.ONE_OFF
    for mention in mentions:
        if mention.usable and mention.month is not None and mention.rule is None:
            return mention.start, mention.end, DutyKind.ONE_OFF  # its year is not written here
    for mention in mentions:
        if mention.relative and _PERIOD_END.search(folded, mention.start):
            # "05 ngày làm việc kể từ thời điểm kết thúc kỳ thống kê": after every period
            return mention.start, mention.end, DutyKind.PERIODIC_UNDATED
        if mention.relative:
            return mention.start, mention.end, DutyKind.ONE_OFF  # counted from an event
    if match := _URGENT.search(folded):
        return match.start(), match.end(), DutyKind.ONE_OFF  # "khẩn trương": once, undated
    for mention in mentions:
        if mention.by_reference:
            return mention.start, mention.end, DutyKind.PERIODIC_UNDATED
    if match := _REPORTING.search(folded) or AT_ONCE.search(lowered):
        return match.start(), match.end(), DutyKind.PERIODIC_UNDATED
    return None


# --- the due rule ----------------------------------------------------------------------------

DueValue = str | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Due:
    """What the draft writes for one frequency: the due value, the wording and the warnings.

    `value` is "YYYY-MM-DD" (one-off), "MM-DD" (annual), ("MM-DD", …) (semiannual), the written
    rule with its day number (quarterly, monthly: "chậm nhất ngày 20 tháng cuối quý") or None.
    `kind` is the recurrence's kind, or periodic_undated when a periodic duty gives no date."""

    kind: DutyKind
    value: DueValue
    wording: Wording | None
    wording_text: str | None
    warnings: tuple[str, ...] = ()
    mentions: tuple[DeadlineMention, ...] = ()


def due_rule(recurrence: Recurrence, deadlines: list[DeadlineMention]) -> Due:
    """The due value of one frequency from the sentence's deadline mentions in its stretch."""
    mine = [d for d in deadlines if recurrence.scope_start <= d.start < recurrence.scope_end]
    dated = [d for d in mine if d.usable]
    warnings = [
        d.warning
        for d in mine
        if d.warning and not d.not_a_deadline and not (dated and d.by_reference)
    ]
    kind = recurrence.kind
    value: DueValue = None
    chosen: list[DeadlineMention] = []
    if kind is DutyKind.ONE_OFF:
        with_year = [d for d in dated if d.year is not None and d.rule is None]
        # "hưởng ứng Ngày Chủ nhật xanh 22/7/2018 … chậm nhất 10h00 ngày 23/7/2018": the day
        # to send by, not the day of the event the report is about
        finish = [d for d in with_year if d.wording in (Wording.BEFORE, Wording.NO_LATER_THAN)]
        with_year = finish or with_year
        if with_year:
            chosen = with_year[:1]
            value = _iso(with_year[0])
        elif dated:
            warnings.append(t.NO_YEAR.format(text=dated[0].text))
    elif kind is DutyKind.ANNUAL:
        days = [d for d in dated if d.day is not None and d.rule is None]
        if days and recurrence.shared:
            chosen = [max(days, key=lambda d: (d.month or 0, d.day or 0))]  # the year's last
            value = _month_day(chosen[0])
        elif _half_a_year_apart(days):
            # "trước ngày 15 tháng 6 và trước ngày 15 tháng 12 hằng năm": twice a year
            kind, chosen = DutyKind.SEMIANNUAL, days
            value = tuple(sorted({_month_day(d) for d in days}))
        elif days:
            chosen = days[:1]
            value = _month_day(days[0])
            if len({_month_day(d) for d in days}) > 1:
                warnings.append(t.SEVERAL_DATES.format(dates=", ".join(d.text for d in days)))
    elif kind is DutyKind.SEMIANNUAL:
        chosen = [d for d in dated if d.day is not None and d.rule is None]
        if chosen:
            value = tuple(sorted({_month_day(d) for d in chosen}))
    elif kind in (DutyKind.QUARTERLY, DutyKind.MONTHLY):
        ruled = [
            d
            for d in _own_rule_first(recurrence, deadlines, mine)
            if not d.impossible and not d.not_a_deadline and d.rule and d.day
        ]
        chosen = (ruled or [d for d in dated if d.day is not None])[:1]
        if chosen and kind is DutyKind.QUARTERLY and chosen[0].rule is None:
            value = _in_the_quarter(chosen[0])
        elif chosen:
            value = with_day_in_digits(chosen[0].text)
        else:
            warnings.append(t.NO_DAY_RULE.format(kind=t.KIND_WORDS[kind.value]))
    # A stated frequency without a date keeps its frequency: the admin sets the day.
    if value is None and kind in (*PERIODIC_KINDS, DutyKind.PERIODIC_UNDATED):
        quiet = kind in (DutyKind.QUARTERLY, DutyKind.MONTHLY)  # NO_DAY_RULE said it
        if not quiet and not any(d.by_reference or d.relative for d in mine):
            warnings.append(t.UNDATED)
    elif value is None and kind is DutyKind.ONE_OFF and not any(d.relative for d in mine):
        warnings.append(t.ONE_OFF_UNDATED)
    wording: Wording | None
    words: str | None
    if value is None and dated and kind is DutyKind.ONE_OFF:
        wording, words = dated[0].wording, dated[0].wording_text  # "trước ngày 20/3": no year
    elif value is None:
        # Undated: "theo quy định" only where the plan says so; no words are made up.
        wording = Wording.AS_REGULATED
        words = next((d.wording_text for d in mine if d.wording is Wording.AS_REGULATED), None)
    else:
        wording, words = chosen[0].wording, chosen[0].wording_text
    return Due(kind, value, wording, words, tuple(dict.fromkeys(warnings)), tuple(chosen))


def further_dates(recurrence: Recurrence, due: Due, deadlines: list[DeadlineMention]) -> list[Due]:
    """The other days a one-off sentence sets ("báo cáo 6 tháng trước ngày 10/6/2025 và cả năm
    trước ngày 10/12/2025"): each a deadline of its own, as "trước"/"chậm nhất" words it."""
    if recurrence.kind is not DutyKind.ONE_OFF or due.value is None:
        return []
    seen = {due.value}
    out: list[Due] = []
    for mention in deadlines:
        if not (recurrence.scope_start <= mention.start < recurrence.scope_end):
            continue
        finish = mention.wording in (Wording.BEFORE, Wording.NO_LATER_THAN)
        if not (finish and mention.usable and mention.year is not None and mention.rule is None):
            continue
        if (value := _iso(mention)) not in seen:
            seen.add(value)
            out.append(
                Due(DutyKind.ONE_OFF, value, mention.wording, mention.wording_text, (), (mention,))
            )
    return out


def _own_rule_first(
    recurrence: Recurrence, deadlines: list[DeadlineMention], mine: list[DeadlineMention]
) -> list[DeadlineMention]:
    """The rule that holds the frequency word ("trước ngày 25 hàng tháng"), then the stretch's
    rules of the same period: a "tháng cuối quý" rule is no monthly day, nor "hằng tháng" a
    quarter's ("… trước ngày 25 hàng tháng (báo cáo tháng), trước ngày 25 tháng cuối quý");
    last, a quarter's rule elsewhere in the sentence."""
    own = [d for d in deadlines if d.rule and d.start <= recurrence.start < d.end]
    quarterly = recurrence.kind is DutyKind.QUARTERLY
    fitting = [d for d in mine if d.rule and ("quy" in fold_same_length(d.rule)) == quarterly]
    rest = [d for d in mine if d not in fitting]
    # "Định kỳ hằng quý, 6 tháng, năm báo cáo … trước ngày 12 của tháng cuối quý": a quarter's
    # rule at the end of the list is the quarter's, though it stands in the year's stretch.
    elsewhere = [d for d in deadlines if d.rule and quarterly and "quy" in fold_same_length(d.rule)]
    return list(dict.fromkeys([*own, *fitting, *rest, *elsewhere]))


def _in_the_quarter(mention: DeadlineMention) -> str:
    """The first named quarter's day ("quý I trước ngày 15/3") as the rule of every quarter:
    "trước ngày 15 tháng cuối quý", or "… tháng đầu quý sau" for a day in the next quarter."""
    words = (mention.wording_text or "ngày").strip()
    words = words if words.endswith("ngày") else f"{words} ngày"
    if mention.month is not None and mention.month % 3 == 0:
        return f"{words} {mention.day} tháng cuối quý"
    if mention.month is not None and mention.month % 3 == 1:
        return f"{words} {mention.day} tháng đầu quý sau"
    return with_day_in_digits(mention.text)


def _half_a_year_apart(days: list[DeadlineMention]) -> bool:
    """Two days of the year six months apart."""
    months = sorted({d.month or 0 for d in days})
    return (
        len({_month_day(d) for d in days}) == 2 and len(months) == 2 and months[1] - months[0] == 6
    )


def _iso(mention: DeadlineMention) -> str:
    assert mention.year is not None and mention.month is not None
    day = mention.day or calendar.monthrange(mention.year, mention.month)[1]
    return f"{mention.year:04d}-{mention.month:02d}-{day:02d}"


def _month_day(mention: DeadlineMention) -> str:
    return f"{mention.month:02d}-{mention.day:02d}"

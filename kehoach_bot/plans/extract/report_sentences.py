"""Which sentences of a plan ask for a report: a report verb with a time, a recipient or a
frequency, minus the look-alikes (a regime named, a report as a noun, papers of a procedure, a
matter put up for decision, budget steps) — and the clauses of a sentence read one by one.

Every function reads ONE sentence (or clause) and is pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from kehoach_bot.domain.deadlines import Wording
from kehoach_bot.plans.extract.draft import DutyKind
from kehoach_bot.plans.extract.phrases import (
    DeadlineMention,
    find_deadlines,
    fold_same_length,
    is_distribution_line,
)
from kehoach_bot.plans.extract.recurrences import (
    DAILY_OR_WEEKLY,
    EACH_ROUND,
    PERIODIC_KINDS,
    find_recurrences,
)
from kehoach_bot.plans.extract.sentences import AT_ONCE
from kehoach_bot.plans.extract.unit_lists import (
    ADDRESSEES_ASKED,
    AGENCY,
    ASKING,
    LETTER_BEFORE,
    LETTER_DATE,
    LETTER_SENT,
    LETTER_TOLD,
    REQUEST,
    SENDS_A_LETTER,
    find_recipients,
)

# Comments on a draft ("gửi (văn bản) (lấy) ý kiến …, góp ý"): a consultation, not a report.
_FOR_COMMENTS = r"(?:van ban\s+)?(?:lay\s+)?(?:y kien|gop y)\b"
# The offices a report verb sends to ("đề xuất về Sở …", "cung cấp số liệu cho Phòng …").
_OFFICE = (
    r"(?:uy ban|ubnd|so|phong|ban|van phong|bo|tong cuc|cuc|chi cuc"
    # the office, not the insurance as a topic ("giải pháp về bảo hiểm xã hội tự nguyện")
    r"|(?:bhxh|bao hiem xa hoi)\s+(?:viet nam|tinh|thanh ph\w+|huyen|quan|thi xa|khu vuc))"
)
# A report verb: what makes a sentence a reporting duty rather than a task.
_REPORT_VERB = re.compile(
    # ("Bộ … xin báo cáo Ủy ban … như sau:": the writer's own answer, made here)
    r"(?<!xin )\bbao cao\b(?!\s+(?:chinh tri|vien|tham luan))"
    # not a draft sent for comments ("gửi lấy ý kiến các sở … và báo cáo UBND tỉnh": the report
    # is the later verb); a list sent opening its item may be long ("+ Gửi danh sách kế hoạch
    # … theo Phụ lục 03 về Tổng cục Thuế")
    # ("Xin gửi kèm theo Công văn số …": the sender's attachment)
    rf"|(?<!xin )\bgui\b(?!\s+{_FOR_COMMENTS})[^.;]{{0,120}}?"
    r"\b(?:ket qua|bao cao|ve|cho|toi)\b"
    rf"|^\W*gui\b[^.;]{{0,200}}?\bve\s+{_OFFICE}\b"
    r"|\b(?:so ket|tong ket)\b"
    # "phải báo tình hình …": "báo" for "báo cáo", as news items write it
    r"|\b(?:phai|de|kip thoi)\s+bao\s+(?=tinh hinh|ket qua|so lieu)"
    rf"|\b(?:phan anh|de xuat)\b[^.;]{{0,120}}\b(?:ve|gui|cho)\s+{_OFFICE}\b"
    r"|\bgui\b\s+(?:uy ban|ubnd|so|phong|ban|van phong|bo)\b"
    # "gửi Biên bản hội nghị … đến Ban Thường trực … ngay sau khi …": the record of a meeting
    # put up to an office in its time (not a disclosure to "Sở Giao dịch Chứng khoán", nor a
    # record handed down "để biết và thực hiện")
    rf"|(?:\bbien ban\b[^.;]{{0,80}}?\bgui\s+(?:den|len)\s+{_OFFICE}\b"
    rf"|\bgui\s+(?:cac\s+)?bien ban\b[^.;]{{0,120}}?\b(?:den|len)\s+{_OFFICE}\b)"
    r"(?=[^.;]*\b(?:ngay sau|sau khi|cham nhat|truoc ngay|theo quy dinh)\b)"
    # "nộp bảng tự chấm điểm đến cơ quan đăng ký": papers handed in to an office (not taxes or fees)
    # ("nộp đủ các loại thuế … cho cơ quan hải quan" is a tax paid)
    r"|\bnop\b(?!\s+(?:(?:du|day du|bo sung|cac|loai|khoan|so)\s+){0,3}"
    r"(?:thue|phi|le phi|tien|ho so|don)\b)[^.;]{0,120}?\b(?:ve|cho|den|len|toi)\s+"
    rf"(?:{_OFFICE}|co quan|trung tam)\b"
    # "cung cấp thông tin về Sở Tư pháp trước ngày …": figures sent to an office
    r"|\bcung cap\s+(?:cac\s+)?(?:thong tin|so lieu|tai lieu)\b[^.;]{0,80}?\b(?:ve|cho|gui|den)\s+"
    rf"{_OFFICE}\b"
)
# "chế độ báo cáo (định kỳ)": the reporting regime a text is about, not a report it asks for.
_REGIME = re.compile(r"\bche do bao cao(?:\s+(?:dinh ky|thong ke))?\b")
PERIODIC_WORDS = re.compile(r"\bdinh ky\b|\bso ket\b|\btong ket\b")
_DINH_KY = re.compile(r"\bdinh ky\b")
_NO_FREQUENCY = (DutyKind.PERIODIC_UNDATED, DutyKind.ONE_OFF)
# Words that only speak of reports without asking for one.
_NOT_A_DUTY = re.compile(
    r"^\s*(?:can cu|theo|thuc hien)\s+(?:bao cao|ke hoach|quyet dinh|nghi quyet)\s+so\b"
    # what happened before ("Trước đó, …"), a page's closing lines ("Trên đây là phần tư vấn …",
    # "Nhận được công văn này, đề nghị … triển khai"): no request of their own, unless the closing
    # line goes on to ask ("Trên đây là …, Ban Chỉ đạo đề nghị các Bộ … báo cáo …")
    r"|^\W*truoc do\b|^\W*tren day la\b(?![^.;]*\b(?:de nghi|yeu cau)\s+(?!cua\b|tai\b|nay\b))"
    r"|^\W*nhan duoc (?:cong van|van ban|thong bao) nay\b"
    # how it is sent: "Hình thức gửi báo cáo thực hiện trực tiếp về sở theo quy định", "Báo cáo
    # được thể hiện dưới hình thức văn bản và được gửi … bằng một trong các phương thức"
    r"|^\W*hinh thuc\s+(?:gui|nop)\s+bao cao\b"
    r"|^\W*(?:\d+\W+)?bao cao\s+duoc\s+(?:the hien|trinh bay)\b"
    # the forms listed: "- Báo cáo kết quả sản xuất kinh doanh (Áp dụng cho …): Biểu số 02."
    r"|^\W*bao cao\b[^.;:]{0,200}:\s*(?:bieu|mau)\s+(?:mau\s+)?so\s*\d"
    # a subject line: "Về thực hiện chế độ thông tin, báo cáo định kỳ"
    r"|(?:^|[–-]\s*)ve\s+(?:viec\s+)?(?:thuc hien\s+)?(?:nghiem\s+)?che do\b"
    # another way to send the same report ("Trường hợp … không thể báo cáo thông qua Cổng … thì
    # gửi báo cáo bằng bản giấy")
    r"|\bkhong the\s+(?:gui\s+)?bao cao\b[^.;]{0,100}?\b(?:thong qua|qua|tren)\b"
    # a form named ("Biểu số 1: Báo cáo hoạt động sản xuất công nghiệp hàng tháng")
    r"|^\W*(?:bieu|mau)(?:\s+mau)?\s+so\s+\w+\s*[:.\-–]"
    # the words that open a rule quoted below ("Theo Khoản 7 Điều 30 Thông tư 58/2021/TT-BTC
    # quy định về báo cáo định kỳ như sau:"): its items ask, not the opening
    r"|^\W*(?:theo\s+(?:quy dinh\s+tai\s+)?)?(?:(?:khoan|muc|diem|dieu)\s+\w+,?\s+)*"
    r"(?:thong tu|nghi dinh|quyet dinh|luat|cong van|van ban)\b[^.;,]*\bquy dinh\b[^.;,]*:\s*$"
    # a meeting's agenda ("Đại hội sẽ tổng kết …; tham gia báo cáo bổ sung Điều lệ")
    r"|^\W*(?:dai hoi|hoi nghi|ky hop|phien hop)\s+se\b"
)
# "Thực hiện Công văn số 891/UBND … về thực hiện chế độ báo cáo.": the document followed, named;
# a request after it ("…, UBND huyện đề nghị các xã báo cáo …") is a duty.
_FOLLOWED = re.compile(
    r"^\W*(?:can cu|theo|thuc hien)\s+(?:cong van|van ban|chi thi|thong bao|huong dan"
    r"|cong dien)\s+so\b"
)
# Reports counted or excluded ("chỉ thực hiện 02 kỳ báo cáo", "không thực hiện báo cáo hàng
# tháng"): a rule about the reporting regime; only its "trừ trường hợp đột xuất" is a duty.
LIMITED_REPORTS = re.compile(
    r"\bkhong\s+(?:thuc hien|phai)\s+(?:che do\s+)?bao cao\b|\b\d+\s+ky\s+bao cao\b"
)
# A data period or cut-off defined ("thời gian chốt số liệu … tính từ ngày 15 … đến ngày 14"):
# a definition, not a duty, unless it also sets a date to send by.
_DEFINITION = re.compile(
    r"\bchot so lieu\b|\b(?:duoc\s+)?tinh\s+tu\s+ngay\b"
    # "các kỳ báo cáo được tính theo ngày dương lịch, bao gồm: kỳ báo cáo tháng; …"
    r"|\bky bao cao\b[^.;:]{0,40}\b(?:duoc tinh|bao gom|gom)\b"
)
# How a report must be made, not a request: "Báo cáo gửi về Bộ phải có xác nhận của UBND tỉnh",
# "(Lưu ý: +) Báo cáo … phải được lập theo đúng mẫu", "Báo cáo phải đầy đủ, chính xác".
_REPORT_FORM = re.compile(
    r"^\W*(?:[^.;:]{0,30}:\W*)?bao cao\b[^.;]{0,60}?\bphai\s+(?:(?:co|duoc)\s+(?:xac nhan|chu ky"
    r"|dong dau|ky)\b|(?:duoc\s+)?lap\s+(?:theo|dung)\b|day du\b)"
)
# "Đã qua ngày gửi báo cáo …, nhưng …": a deadline gone by, told as news, asks for nothing.
_GONE_BY = re.compile(r"^\W*(?:\w+\s+){0,3}da\s+(?:qua|het)\s+(?:ngay|han|thoi han)\b")
# "Để …, kịp thời báo cáo …": the purpose of what follows, not a duty of its own.
_PURPOSE = re.compile(r"^\W*(?:de\s+(?!nghi\b)|nham\s+)")
# Words glued by a careless copy ("báo cáoThủ tướng"): apart again for reading.
_GLUED = re.compile(r"(?<=[^\W\d_])(?=[^\W\d_])")


_TIMED_KINDS = (
    DutyKind.ANNUAL,
    DutyKind.SEMIANNUAL,
    DutyKind.QUARTERLY,
    DutyKind.MONTHLY,
    DutyKind.AD_HOC,
)


def duty_clauses(sentence: str, *, review_only: bool) -> list[str]:
    """The clauses of a sentence read as duties of their own: where ";" parts each give their own
    time ("báo cáo … chậm nhất 15 ngày kể từ …; báo cáo … định kỳ hằng quý"), or one part holds
    the report with its time and its recipient, each part keeps its own frequency and date; so
    do two reports joined by "và", each with its own date ("báo cáo sơ kết trước ngày 20/6/2025
    và báo cáo tổng kết trước ngày 20/11/2025")."""
    parts = _clause_split(sentence, _SEMICOLON)
    timed = _timed(parts, review_only=review_only)
    if len(timed) >= 2 or (
        len(timed) == 1
        and find_recipients(timed[0])
        and not _frequency_before(parts, timed[0])
        and not _frequency_after(parts, timed[0])
    ):
        return timed
    timed = _timed(_clause_split(sentence, _AND_REPORT), review_only=review_only)
    return timed if len(timed) >= 2 else [sentence]


def _timed(parts: list[str], *, review_only: bool) -> list[str]:
    if len(parts) < 2:
        return []
    return [p for p in parts if is_duty(p, review_only=review_only) and _has_own_time(p)]


_SEMICOLON = re.compile(r";")
_NOTE = re.compile(r"^\W*ghi chu\s*:")


def _frequency_after(parts: list[str], timed: str) -> bool:
    """Whether a later part goes on with another frequency and its own day, too short to ask by
    itself ("… báo cáo về UBND huyện trước ngày 10/6; tổng kết năm trước ngày 10/12")."""
    after = parts[parts.index(timed) + 1 :]
    timed_after = [part for part in after if _has_own_time(part)]
    return any(r.kind in PERIODIC_KINDS for part in timed_after for r in find_recurrences(part))


def _frequency_before(parts: list[str], timed: str) -> bool:
    """Whether the one timed part only sends what an earlier part names with its frequency
    ("Số liệu báo cáo 6 tháng tính từ …; gửi về Sở Tư pháp trước ngày 20/6")."""
    before = parts[: parts.index(timed)]
    if any(r.kind in PERIODIC_KINDS for r in find_recurrences(timed)):
        return False
    return any(r.kind in PERIODIC_KINDS for part in before for r in find_recurrences(part))


# "… và (trước ngày 16/11 phải) (gửi) báo cáo …": a second report of the same sentence.
_AND_REPORT = re.compile(
    r",?\s+va\s+(?=(?:(?:truoc|cham nhat)(?:\s+ngay)?\s+[\d/.\-]+,?\s+)?(?:phai\s+)?"
    r"(?:gui\s+)?bao cao\b)"
)


def _clause_split(sentence: str, separator: re.Pattern[str]) -> list[str]:
    """The parts of a sentence between its separators, brackets kept whole."""
    folded = fold_same_length(unicodedata.normalize("NFC", sentence))
    parts: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(folded):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and index >= start and (found := separator.match(folded, index)):
            parts.append(sentence[start:index].strip())
            start = found.end()
    parts.append(sentence[start:].strip())
    return [p for p in parts if p]


def _has_own_time(clause: str) -> bool:
    """Whether a clause names its own frequency, date or delay."""
    if any(r.kind in _TIMED_KINDS for r in find_recurrences(clause)):
        return True
    folded = fold_same_length(unicodedata.normalize("NFC", clause))
    deadlines = find_deadlines(clause)
    return bool(_DINH_KY.search(folded)) or any(d.usable or d.relative for d in deadlines)


# "Theo báo cáo, ghi nhận các thiệt hại … như sau:" quotes a report; it announces none.
_ANNOUNCES = re.compile(
    r"\b(?:thoi han|thoi gian|han)\s+(?:gui\s+|nop\s+)?bao cao\b|\bngay nhan bao cao\b"
    r"|^(?!\W*theo\s+bao cao\b).*\bbao cao\b.*\bnhu sau\s*:$"
)


def announces_reports(sentence: str) -> bool:
    """Whether a sentence that asks for no report itself opens a list of report times
    ("Thời hạn gửi báo cáo thống kê như sau:")."""
    text = unicodedata.normalize("NFC", sentence).rstrip()
    if not text.endswith(":") or is_distribution_line(text):
        return False
    return bool(_ANNOUNCES.search(fold_same_length(text)))


def gives_a_time(item: str) -> bool:
    """Whether a list item names a deadline of its own: a date, a day rule or a delay; a data
    period ("tính từ ngày 15/12 năm trước đến ngày 14/12") is none."""
    return any((d.usable or d.relative) and not d.not_a_deadline for d in find_deadlines(item))


# What makes an undated report a recurring one: "định kỳ", a reporting regime ("chế độ báo
# cáo"), "theo tiến độ", "thường xuyên", a weekly or daily rhythm, and the reports of a unit
# that follows the work as it goes ("theo dõi, đôn đốc việc thực hiện …; báo cáo …").
_RECURRING = re.compile(
    rf"\bdinh ky\b|\bche do\b|\btheo tien do\b|\bthuong xuyen\b|{DAILY_OR_WEEKLY}|{EACH_ROUND}"
    r"|\btheo doi\b|\bchu tri\b[^.;]{0,120}\btong hop\b"
    # "tiếp tục báo cáo": a duty that goes on
    r"|\btiep tuc\s+(?:gui\s+)?bao cao\b"
)
# "vẫn thực hiện (đầy đủ trách nhiệm) … báo cáo", read with its accents ("tư vấn thực hiện")
_GOES_ON = re.compile(r"\bvẫn\s+thực hiện\b")


def names_a_rhythm(sentence: str) -> bool:
    """Whether words of the sentence make its report recur ("định kỳ", "thường xuyên", "sơ kết"),
    not only a time "theo quy định"."""
    text = unicodedata.normalize("NFC", sentence)
    folded = fold_same_length(text)
    return bool(
        _RECURRING.search(folded) or _GOES_ON.search(text.lower()) or PERIODIC_WORDS.search(folded)
    )


def repeats(sentence: str) -> bool:
    """Whether an undated report recurs: a word of recurrence, or a time "theo quy định" or
    counted from an event; otherwise ("tổng hợp và báo cáo Thủ tướng Chính phủ") it is once, and
    so is the report of one named year sent "đúng thời gian theo quy định"."""
    text = unicodedata.normalize("NFC", sentence)
    folded = fold_same_length(text)
    mentions = find_deadlines(sentence)
    return (
        bool(_RECURRING.search(folded) or _GOES_ON.search(text.lower()))
        or any(d.relative for d in mentions)
        or (any(d.by_reference for d in mentions) and not _ONE_YEAR.search(folded))
    )


# "báo cáo tình hình hoạt động hóa chất năm 2021": that year's report; not the year of a date
# nor the end of a span ("đến năm 2025")
_ONE_YEAR = re.compile(r"(?<!thang \d )(?<!thang \d\d )(?<!den )(?<!toi )\bnam\s+20\d\d\b")


@lru_cache(maxsize=4096)  # a clause is judged as a part, then again as the sentence read
def is_duty(sentence: str, *, review_only: bool) -> bool:
    """Whether the sentence asks for a report: a report verb and a frequency or date; a bare
    "sơ kết, tổng kết" only where the plan organises its work (`review_only`)."""
    text = _unglue(unicodedata.normalize("NFC", sentence))
    if is_distribution_line(text):
        return False
    folded = fold_same_length(text)
    if (
        _NOT_A_DUTY.search(folded)
        or (_FOLLOWED.search(folded) and not REQUEST.search(folded))
        or _GONE_BY.search(folded)
        or _REPORT_FORM.match(folded)
        or text.rstrip().endswith("?")
    ):
        return False  # a question is a heading of a Q&A page, not a request
    if _NOTE.match(folded) and not find_recipients(text) and not gives_a_time(text):
        return False  # a form's note on its figures ("Ghi chú: Tổng số ước tính … kỳ báo cáo")
    lowered = text.lower()
    verbs = [
        m
        for m in _with_at_once(_report_verbs(folded), lowered)
        if not _false_so_ket(text, m.start())
        and not (_regime_named(folded[: m.start()]) and not _REGIME_SPELLED.match(folded, m.end()))
        and not _names_a_report(folded, m.start(), m.end())
        and not _told_done(text, folded, m.start())
        and not _cited_subject(lowered, folded, m.start())
        and not _intended(text, folded, m.start())
        and not _NOT_DONE.search(folded, 0, m.start())
        and not _NOT_ASKED.search(folded, 0, m.start())
        and not _deemed(folded, m.start())
        and not _MADE_BY_LETTER.match(folded, m.end())
    ]
    if not review_only:
        verbs = [m for m in verbs if not m.group().startswith(("so ket", "tong ket"))]
    if (
        _LETTERS_LISTED.search(folded)
        and not REQUEST.search(folded)
        and not _sets_a_date(find_deadlines(text))
    ):
        return False  # "Bộ đã có các công văn: số 210/BXD-KHTC …; số 1487/…": letters told
    # a letter asked for by a day ("UBND các huyện có văn bản gửi Sở trước ngày 30/11") is a report
    told = _LETTER_HAD.search(folded) and not _sets_a_date(find_deadlines(text))
    papers = told or any(
        m.group() != "danh sach"
        or not _sets_a_date(find_deadlines(text))
        or _CITIZENS.match(folded)
        for m in _PAPERS.finditer(folded)
    )
    if papers and not _REPORT_CONTENT.search(folded):
        verbs = [m for m in verbs if not m.group().startswith(("gui", "nop"))]
    verbs = [
        m
        for m in verbs
        if not (
            m.group().startswith("gui")
            and (
                _opinion(folded, m.start())
                or (
                    _ADDRESSED_LETTER.search(folded, 0, m.start())
                    and not _SENT_WHAT.match(folded, m.start())
                )
            )
        )
    ]
    recurrences = find_recurrences(text)
    if not verbs or not recurrences:
        return False
    if _AT_A_MEETING.search(folded, 0, verbs[0].start()) and not _MEETING_ASKS.search(folded):
        return False  # "… đề ra tại hội nghị sơ kết …; triển khai … và báo cáo …": its agenda
    deadlines = find_deadlines(text)
    undated = all(r.kind in (DutyKind.AD_HOC, DutyKind.PERIODIC_UNDATED) for r in recurrences)
    timeless = not _sets_a_date(deadlines) and not any(d.relative for d in deadlines)
    bare = all(r.kind in _NO_FREQUENCY for r in recurrences) and timeless
    if timeless and _GUIDANCE_TO_COME.search(folded):
        return False
    if bare and _FOR_DECISION.search(folded):
        return False
    if undated and (
        _budget_work(folded, verbs[0].start()) or _STATED_ELSEWHERE.search(folded, verbs[0].start())
    ):
        return False
    if LIMITED_REPORTS.search(folded):
        return any(r.kind is DutyKind.AD_HOC for r in recurrences)
    # "Để phục vụ …, Cục đề nghị các Sở … thực hiện chế độ báo cáo …": a request after its purpose
    purpose = _PURPOSE.search(folded) and not REQUEST.search(folded)
    # "… chậm nhất 20 ngày kể từ ngày chốt số liệu": a time counted from the cut-off it defines;
    # "chốt số liệu vào 15h00 hàng ngày, báo cáo về UBND xã trước 15h30": a daily round
    counted = any(d.relative for d in deadlines) or bool(_WEEKLY_OR_DAILY.search(folded))
    if ((_DEFINITION.search(folded) and not counted) or purpose) and not _sets_a_date(deadlines):
        return False
    reviews_only = all(m.group().startswith(("so ket", "tong ket")) for m in verbs)
    if reviews_only and all(r.kind in _NO_FREQUENCY for r in recurrences):
        # "tổ chức tổng kết …, hoàn thành trước ngày …": a review is work; it is a duty to
        # report only as a cycle ("định kỳ sơ kết, tổng kết", "sơ kết … theo quy định").
        return bool(_DINH_KY.search(folded)) or any(d.by_reference for d in deadlines)
    if any(r.kind is not DutyKind.PERIODIC_UNDATED for r in recurrences):
        return True
    # Neither date nor frequency: a duty only when it says where the report goes or when.
    plain = _REGIME.sub(" ", folded)
    dated = any(not d.not_a_deadline for d in deadlines)
    return bool(
        find_recipients(text)
        or dated
        or PERIODIC_WORDS.search(plain)
        or _WEEKLY_OR_DAILY.search(folded)
        or (review_only and bool(_ITEM_REPORTS.match(folded)))
        # "đề nghị các Bộ … báo cáo tình hình … như sau:": its items ask, each with its time
        or (
            (_ASKED.search(folded) or ADDRESSEES_ASKED.search(folded) or _must_report(text, folded))
            and not text.rstrip().endswith(":")
        )
    )


_WEEKLY_OR_DAILY = re.compile(DAILY_OR_WEEKLY)
# A unit's assigned item that opens on gathering its report ("- Tổng hợp, báo cáo kết quả …")
# where the plan organises its work: the unit's report, though neither time nor office is written
_ITEM_REPORTS = re.compile(
    r"^\W*tong hop,?\s+(?:va\s+)?(?:gui\s+)?bao cao\s+(?:ket qua|tinh hinh)\b"
)
_AT_A_MEETING = re.compile(r"\b(?:tai|trong)\s+(?:hoi nghi|cuoc hop|phien hop|buoi lam viec)\b")
_MEETING_ASKS = re.compile(rf"{REQUEST.pattern}|\b(?:phai|can)\b")


# "Cục Hải quan Lạng Sơn không báo cáo 6 vụ", "đơn vị chưa gửi báo cáo", "Sở chưa có báo cáo",
# "các đơn vị vẫn không gửi đủ báo cáo", "doanh nghiệp chậm báo cáo", "không thực hiện nghiêm túc
# việc báo cáo định kỳ", "nếu … không chấp hành báo cáo quyết toán": a report missing, told
# ("nhận được báo cáo", one received, is a report named: `_NOUN_BEFORE`).
_NOT_DONE = re.compile(
    r"\b(?:khong|chua|cham)\s+(?:(?:chap hanh|thuc hien)\s+)?(?:(?:nghiem tuc|day du|dung)\s+)?"
    r"(?:(?:viec|che do)\s+)?(?:(?:gui|co)\s+(?:(?:day\s+)?du\s+)?)?$"
)
# "cơ quan hải quan không yêu cầu doanh nghiệp nộp báo cáo quyết toán quý I": asked of no one
_NOT_ASKED = re.compile(
    r"\bkhong\s+yeu cau\s+(?:cac\s+)?(?:doanh nghiep|don vi|co quan|to chuc|nguoi nop thue)\b"
    r"[^.;,]{0,20}$"
)
# "hướng dẫn tại công văn số 4952/CT-CS ngày 05/11/2025 của Cục Thuế gửi Thuế các tỉnh": the
# address of a letter cited, not a report sent
_ADDRESSED_LETTER = re.compile(
    r"\b(?:cong van|van ban|quyet dinh|thong bao|ke hoach|chi thi|cong dien|thong tu)\s+"
    rf"(?:so\s+)?\d+\s*/\s*[\w./&\-]+(?:{LETTER_DATE})?(?:\s+cua\s+[^,;.()]{{1,60}}?)?\s*$"
)
# "… Công văn số 1520/SNV ngày 01/12/2025 của Sở Nội vụ gửi báo cáo về Sở …": the units' own
# sending, not the letter's address
_SENT_WHAT = re.compile(
    r"gui\s+(?:(?:cac|nhung)\s+)?(?:bao cao|ket qua|so lieu|ve|danh sach|thong tin)\b"
)
# "… sẽ được coi là không còn dự án vướng mắc, khó khăn cần báo cáo …": what a silence will be
# taken to mean, not a request
_DEEMED = re.compile(r"\b(?:(?:duoc|bi)\s+coi\s+(?:la|nhu)|coi nhu)\b[^.;]*$")
# ", theo đó các xã …", ", UBND tỉnh …": a clause with a subject of its own
_NEW_SUBJECT = re.compile(rf",\s*(?:theo do,?\s*)?(?:{AGENCY})\b")
# News tells what was done: "UBND tỉnh đã báo cáo Thủ tướng …", "Đến nay, đã có 8/10 huyện gửi
# báo cáo": a report made, not asked for, unless a request follows the "đã" ("đã có Công văn đề
# nghị các trường báo cáo …"); "vừa … vừa …" (both … and) tells nothing.
_DONE = re.compile(r"\b(?:đã|vừa|đang)\b|\b(?:mới|chỉ)\s+có\s+\d+\s*/\s*\d+")
# "… báo cáo UBND tỉnh bằng Văn bản số 989/STNMT-TTr ngày 01/6/2017": a report made, numbered
_MADE_BY_LETTER = re.compile(
    r"[^.;]{0,100}?\bbang\s+(?:van ban|cong van|bao cao|to trinh)\s+so\s+\d"
)
# "đang (tổng hợp,) báo cáo": the report itself in the making
_AT_THE_REPORT = re.compile(
    r"đang\s+(?:(?:tổng hợp|xây dựng|hoàn thiện|chuẩn bị|lập|soạn thảo|thống kê),?\s+(?:và\s+)?)?"
)
_BOTH_AND = re.compile(r"\bvừa\b.*\bvừa\b")
# "đã được giao báo cáo" asks; "đã được huyện báo cáo" tells
_ASKS = re.compile(rf"{REQUEST.pattern}|\b(?:phai|can|duoc\s+(?:phan cong|giao))\b")
# "các tổ chức đã được Bộ cấp Giấy chứng nhận có trách nhiệm … báo cáo": the units named by what
# was done to them, then their duty; not "đã làm việc có trách nhiệm và báo cáo" (responsibly)
_NAMED_THEN_ASKED = re.compile(r"\s+duoc\b[^.;]*\bco\s+(?:trach nhiem|nhiem vu)\s+(?!va\b|trong\b)")


# News tells what someone means to do: "Đoàn … sẽ tổng hợp, báo cáo HĐND tỉnh", "các kiến nghị sẽ
# được tổng hợp, báo cáo …"; a day to meet ("sẽ … báo cáo Chính phủ trước 30/9") still asks.
_WILL = re.compile(r"\bsẽ\b(?!\s+phải)")


def _intended(text: str, folded: str, at: int) -> bool:
    """Whether the report verb at `at` tells an intention without a request or a day."""
    start = folded.rfind(";", 0, at) + 1
    will = [m.end() for m in _WILL.finditer(text.lower(), start, at)]
    if not will or REQUEST.search(folded, start, at):
        return False
    return not any(d.usable and not d.not_a_deadline for d in find_deadlines(text))


# "theo các biểu mẫu đã hướng dẫn", "như đã nêu": what was done to a thing, not the report told
_OF_A_THING = re.compile(r"\b(?:theo|như)\s+(?:[^\W\d]+\s+){1,4}$")
# … with work of its own between "đã" and the report ("đã hướng dẫn và …"), not "đã báo cáo"
_OTHER_WORK = re.compile(r"\s+(?!được\b)\w+")


def _told_done(text: str, folded: str, at: int) -> bool:
    """Whether the report verb at `at` tells of a report already made, in its own clause."""
    clause_start = max(folded.rfind(mark, 0, at) for mark in ",;:") + 1
    lowered = text.lower()
    both_and = _BOTH_AND.search(lowered, clause_start, at + 1)
    told = [
        m.end()
        for m in _DONE.finditer(lowered, clause_start, at)
        if not (both_and and m.group() == "vừa")
        and not (
            _OF_A_THING.search(lowered, clause_start, m.start())
            and _OTHER_WORK.match(lowered, m.end(), at)
        )
        # "Sở Nội vụ đang tổng hợp báo cáo …" tells; "các doanh nghiệp đang hoạt động báo cáo …"
        # names the units at work
        and (m.group() != "đang" or bool(_AT_THE_REPORT.fullmatch(lowered, m.start(), at)))
    ]
    return (
        bool(told)
        and not _ASKS.search(folded, told[-1], at)
        and not _NAMED_THEN_ASKED.match(folded, told[-1], at)
    )


# "Bộ Tư pháp đã có Công văn số 86/BTP-KHTC … về việc yêu cầu các Cục … gửi báo cáo": the subject
# of a letter sent before, not a request of this text (read with its accents: "đã", not "đá"); so
# is "đã ký Công điện 26/CĐ-TTg về việc khẩn trương rà soát, báo cáo …". A letter "vừa" sent is
# the news of the request itself.
_CITED_SUBJECT = re.compile(
    r"\bđã\s+(?:có|ban hành|gửi|ký)\s+(?:công văn|văn bản|thông báo|công điện)\s+"
    r"(?:số\s+)?\d[^;]{0,80}?\s(?:về việc|v/v)\s+(?:(?:yêu cầu|đề nghị)\s)?"
)


def _deemed(folded: str, at: int) -> bool:
    """Whether the report verb at `at` is in what a silence will be taken to mean; a request or a
    new subject after a comma ("Đây được coi là nhiệm vụ trọng tâm, đề nghị các đơn vị …") asks."""
    deemed = _DEEMED.search(folded, 0, at)
    if deemed is None:
        return False
    return not (
        ASKING.search(folded, deemed.start(), at) or _NEW_SUBJECT.search(folded, deemed.start(), at)
    )


def _cited_subject(lowered: str, folded: str, at: int) -> bool:
    """Whether the report verb at `at` is asked in the subject line of a letter told as sent;
    a new subject after a comma ("…, theo đó các xã báo cáo …") asks again."""
    subjects = list(_CITED_SUBJECT.finditer(lowered, 0, at))
    return (
        bool(subjects)
        and not REQUEST.search(folded, subjects[-1].end(), at)
        and not _NEW_SUBJECT.search(folded, subjects[-1].end(), at)
    )


# "Thủ tướng vừa yêu cầu các bộ, địa phương báo cáo kết quả …": asked of named bodies, the report
# goes to who asks.
_ASKED = re.compile(
    rf"\b(?:yeu cau|de nghi)\s+(?:{AGENCY}|hieu truong|to chuc dang|chi bo|doanh nghiep)\b"
    # "… cho tới khi nhận được báo cáo": the report received, not asked of them
    r"[^.;:]{0,160}?\s(?<!nhan duoc )(?:gui\s+)?bao cao\b(?!\s+(?:cac|nhung)\s+noi dung)"
)


# "Theo đó, cơ quan quản lý du lịch ở địa phương cần rà soát, thống kê và báo cáo …": what the
# letter told makes its units do is asked of them; not "không cần", not "số liệu cần báo cáo",
# not a report made at a meeting.
_MUST = re.compile(
    r"^\W*theo do,?\s+(?!(?:cac\s+|nhung\s+)?(?:noi dung|so lieu|hoi nghi|van de)\b)"
    rf"(?P<head>{AGENCY})\b[^.;:]{{0,80}}?(?<!khong )(?<!chua )\b(?P<must>can|phai)\b"
    r"[^.;:]{0,120}?\bbao cao\b(?!\s+(?:cac|nhung)\s+noi dung|\s+tai\b)"
)


def _must_report(text: str, folded: str) -> bool:
    """Whether the units of a told letter "cần/phải" report ("cần", not the "căn" of "căn cứ";
    "Sở", not "số")."""
    must = _MUST.search(folded)
    if must is None:
        return False
    lowered = text.lower()
    return lowered[must.start("must") : must.end("must")] in ("cần", "phải") and not lowered[
        must.start("head") :
    ].startswith("số")


# Papers sent in a procedure ("gửi … 01 bản sao văn bản", "hồ sơ … và gửi Ủy ban") are not a
# report unless the sentence speaks of a report's content (a report, results, the situation).
_PAPERS = re.compile(r"\b(?:ban sao|ho so|danh sach|giay to|to khai)\b")
# A list sent by a day is a report, unless people hand it in for themselves ("Các hộ dân có nhu
# cầu gửi danh sách về UBND xã trước ngày …", "Thí sinh gửi danh sách tác phẩm …"): a procedure.
_CITIZENS = re.compile(
    r"\W*(?:cac\s+)?(?:nguoi|ho dan|ho gia dinh|thi sinh|cong dan|ca nhan|nguoi dan)\b"
)
# "Bộ có công điện gửi giám đốc các sở về …": a letter sent, told; it asks for no report of its
# own unless it speaks of one.
_LETTER_HAD = re.compile(rf"{LETTER_TOLD}\s+gui\b")
# "Bộ Xây dựng đã có các công văn: số 210/BXD-KHTC …": the letters sent before, listed
_LETTERS_LISTED = re.compile(r"\bda\s+(?:co|ban hanh|gui)\s+cac\s+(?:cong van|van ban)\s*:")
_REPORT_CONTENT = re.compile(r"\bbao cao\b|\bket qua\b|\btinh hinh\b|\bso lieu\b")


# "thực hiện (đầy đủ) chế độ báo cáo …", "đảm bảo chế độ báo cáo": the regime kept, a duty.
_REGIME_KEPT = re.compile(
    r"\b(?:thuc hien|dam bao|bao dam|duy tri|chap hanh)(?:\s+(?:day du|nghiem|tot))?"
    r"(?:\s+cac)?\s+che do\s+$"
)


# "Chế độ báo cáo: hằng tháng trước ngày 20; …": the regime spelled out, each item a duty.
_REGIME_SPELLED = re.compile(r"(?:\s+dinh ky)?\s*:\s*\S")


def _regime_named(before: str) -> bool:
    """Whether a "báo cáo" only names a reporting regime ("quy định chế độ báo cáo định kỳ")
    rather than asks units to keep it ("thực hiện chế độ báo cáo định kỳ hằng quý")."""
    return before.endswith("che do ") and not _REGIME_KEPT.search(before)


# "báo cáo Tổng cục Hải quan xem xét phân công …", "báo cáo HĐND để quyết định …": a matter put
# to a superior for decision, not a report on the work, when no time is set for it.
_FOR_DECISION = re.compile(
    # "báo cáo Lãnh đạo Bộ để ban hành các Thông tư": a draft put up to be issued
    r"\b(?:bao cao|trinh)\b[^.;]{1,80}?\b(?:de|xem xet,?)\s+(?:quyet dinh|phan cong|ban hanh)\b"
)
# "… báo cáo về tình hình … theo quy định tại Điều 33 Nghị định này": the report is set out in
# another article of the same text, which states it as a duty of its own.
# "Đối với báo cáo 6 tháng, báo cáo năm, Văn phòng Chính phủ sẽ có hướng dẫn riêng": the reports
# are announced, their duty is yet to be set.
_GUIDANCE_TO_COME = re.compile(
    r"\bse\s+(?:co\s+)?(?:van ban\s+)?huong dan\s+(?:rieng|sau|cu the|bo sung)\b"
)
_STATED_ELSEWHERE = re.compile(
    r"\btheo quy dinh tai\s+(?:(?:diem|khoan|dieu|muc|chuong|phu luc)\s+[\w.]+,?\s*(?:va\s+)?)+"
    r"(?:(?:nghi dinh|thong tu|quyet dinh|ke hoach|quy che|quy dinh|chuong trinh|quy trinh)"
    r"\s+)?nay\b"
)


# Budget work with no time of its own ("Sở Tài chính thẩm định dự toán …, báo cáo UBND tỉnh"):
# a step of the budget procedure, not a report. A yearly estimate sent up is a duty.
_BUDGET = re.compile(r"\b(?:lap|xay dung|tham dinh|giao|phan bo)\s+(?:va\s+\w+\s+)?du toan\b")
# "báo cáo" as a noun: a document's contents ("nội dung hồ sơ, báo cáo"), kinds of report ("các
# loại báo cáo định kỳ … gồm: …"), financial statements,
# a numbered report ("Báo cáo số 201/BC-…"), figures ("số liệu báo cáo").
_NOUN_BEFORE = re.compile(
    r"(?:\bnoi dung(?:\s+ho so,?)?|\bso lieu|\bcac|\bloai|\bmau|\bgiua|\bnhan duoc|\btheo"
    # "được Bộ đánh giá cao trong báo cáo tổng kết": a report named; not "Sở Giao thông vận tải"
    r"|\btrong|(?<!van )\btai"
    r"|\bnghe|\bchat luong"  # "Sau khi nghe báo cáo, …", "nâng cao chất lượng báo cáo"
    # "dữ liệu phục vụ công tác báo cáo thường xuyên", "rà soát lại công tác báo cáo": the
    # reporting work named; "thực hiện (đầy đủ) công tác báo cáo định kỳ …" still asks. OCR puts
    # a dot in the word ("công. tác").
    r"|\b(?:phuc vu(?:\s+cho)?|ra soat(?:\s+lai)?|chan chinh|nang cao|cai thien)\s+cong\.?\s+tac"
    # "thời gian phổ biến Báo cáo kinh tế - xã hội", "biên soạn báo cáo chính thức hằng năm":
    # reports published or compiled, not sent
    r"|\b(?:cong bo|pho bien|bien soan)"
    r"|\bdua\s+(?:noi dung|so lieu)[^.;,]{0,20}\bvao"  # "đưa nội dung này vào báo cáo tháng"
    # "tháng tiếp theo tháng báo cáo", "kỳ báo cáo": the period reported on; not "hằng tháng
    # báo cáo", "định kỳ báo cáo"
    r"|(?<!hang )(?<!moi )\bthang|(?<!dinh )\bky"
    r"|\bdu thao"  # "đã chỉnh sửa dự thảo báo cáo": a draft named; a "gửi" of it still asks
    r"|\(\s*bao gom"  # "(bao gồm Báo cáo giải trình và các biểu …)": what a package holds
    r"|\b(?:doi chieu|so sanh|so)\s+voi"  # "Đối chiếu với báo cáo … do Cục … tổng hợp"
    r"|\b\d{1,3})\s+$"  # "trình HĐND tỉnh 19 báo cáo": documents counted, not "năm 2020"
    # a document's subject line: "Công văn số 12/UBND về việc tổ chức trực và báo cáo …"
    r"|\bve viec\b[^,;.:]*$"
    # "có Văn bản số 5109/BLĐTBXH gửi các Bộ, ngành … về báo cáo công tác …": the letter's topic
    r"|\b(?:cong van|van ban|cong dien)\b[^.:]{0,40}?\bgui\b[^.:]{0,200}?\bve\s+$"
    # the kinds listed: "các loại báo cáo … gồm: Báo cáo kết quả …; Báo cáo tình hình …"
    r"|\bbao cao\b[^.:;]{0,120}\bgom\s*:(?:[^.:]*;)?\s*$"
)
_NOUN_AFTER = re.compile(
    r"^\s*(?:tai chinh\b|so\s*\d|:\s*so\b)"
    r"|^[^.;]{0,160}?\b(?:da\s+)?duoc\s+(?:gui kem|trinh kem|ban hanh|phe duyet|cong bo|pho bien)\b"
    # what a report must hold ("Báo cáo cần tập trung vào …"), not a report asked for
    r"|^\s*(?:can|phai)\s+(?:tap trung|neu ro|the hien|dam bao|bao dam|bam sat|lam ro)\b"
    # a congress's documents: "Báo cáo kiểm điểm của Ban Chấp hành Đảng bộ huyện"
    r"|^\s*kiem diem\s+cua\s+(?:ban chap hanh|bch|ban thuong vu|cap uy)\b"
)
# Comments on a draft sent back ("gửi ý kiến tham gia về Sở …", "cho ý kiến bằng văn bản và gửi
# về Sở"): a consultation, not a report.
_OPINION = re.compile(rf"\bgui\s+{_FOR_COMMENTS}")
_OPINION_BEFORE = re.compile(r"\b(?:(?:cho|gop|tham gia)\s+y kien|gop y)\b[^.;]{0,60}$")


def _opinion(folded: str, at: int) -> bool:
    """Whether the "gửi" at `at` sends comments on a draft."""
    return bool(_OPINION.match(folded, at) or _OPINION_BEFORE.search(folded, max(0, at - 80), at))


_CLAUSE_END = re.compile(r"[,;.]")
# "… chịu trách nhiệm … về số liệu báo cáo … và việc chậm báo cáo": what one answers for; "Sở
# chịu trách nhiệm tổ chức, theo dõi … và tổng hợp báo cáo" is the work given to it.
_ANSWERS_FOR = re.compile(
    r"\bchiu trach nhiem\b(?!\s+(?:to chuc|thuc hien|chu tri|tong hop|theo doi|don doc"
    r"|huong dan|trien khai|bao cao|gui|xay dung|tham muu)\b)"
)


def _report_verbs(folded: str) -> Iterator[re.Match[str]]:
    """The report verbs of a sentence; the "gửi X" that addresses a letter named just before is
    skipped with its clause. Nothing after "chịu trách nhiệm" asks for a report."""
    position = 0
    answers = _ANSWERS_FOR.search(folded)
    while (found := _REPORT_VERB.search(folded, position)) and (
        answers is None or found.start() < answers.start()
    ):
        if found.group().startswith("gui") and LETTER_SENT.search(folded, 0, found.start()):
            # its addressees and subject run to the clause's end ("… gửi UBND cấp tỉnh về xây
            # dựng báo cáo …"): the reading goes on after them, or after the request that follows
            # ("… số 12/BYT ngày 3/11/2025 gửi UBND các tỉnh yêu cầu Sở Y tế báo cáo …")
            clause_end = _CLAUSE_END.search(folded, found.start())
            end = clause_end.end() if clause_end else len(folded)
            asked = ASKING.search(folded, found.start(), end)
            position = asked.end() if asked else end
            continue
        if (
            found.group().startswith("gui")
            and (asked := ASKING.search(folded, *found.span()))
            and (
                LETTER_BEFORE.search(folded, 0, found.start())
                or SENDS_A_LETTER.match(folded, found.start())
            )
        ):
            # "… vừa có công văn gửi các sở, ngành đề nghị báo cáo …": the letter is sent, its
            # request asks; the reading goes on after the request word
            position = asked.end()
            continue
        yield found
        # "các Trung tâm chưa gửi Báo cáo kịp thời gửi Báo cáo về Cục …": the report not sent
        # names who is asked; the asking "gửi" comes after it
        missing = found.group().startswith("gui") and _NOT_DONE.search(folded, 0, found.start())
        position = found.start() + 3 if missing else found.end()


# "cần báo ngay cho Sở Công Thương": "báo" for "báo cáo", at once, to an office
_AT_ONCE_TO = re.compile(rf"{AT_ONCE.pattern}\s+(?:cho|về|tới|với|bằng)\b")


def _with_at_once(verbs: Iterator[re.Match[str]], lowered: str) -> list[re.Match[str]]:
    """The report verbs with each "báo ngay cho …" not already among them, in order."""
    found = list(verbs)
    starts = {m.start() for m in found}
    extra = [m for m in _AT_ONCE_TO.finditer(lowered) if m.start() not in starts]
    return sorted([*found, *extra], key=lambda m: m.start())


def _names_a_report(folded: str, start: int, end: int) -> bool:
    """Whether "báo cáo" at this place is a document named, not a report asked for."""
    if not folded[start:end].startswith("bao cao"):
        return False
    return bool(_NOUN_BEFORE.search(folded[:start]) or _NOUN_AFTER.match(folded[end:]))


def _budget_work(folded: str, first_verb: int) -> bool:
    """Whether the sentence is about drawing up a budget before it speaks of reporting."""
    return bool(_BUDGET.search(folded[:first_verb]))


def _unglue(text: str) -> str:
    """ "báo cáoThủ tướng" → "báo cáo Thủ tướng"; "UBND", "TP.HCM" stay as they are."""
    return _GLUED.sub(
        lambda m: " " if text[m.start() - 1].islower() and text[m.start()].isupper() else "", text
    )


def _sets_a_date(deadlines: list[DeadlineMention]) -> bool:
    """Whether a deadline is set to send by ("trước ngày 20/10", "chậm nhất ngày 20 …")."""
    return any(
        d.wording in (Wording.BEFORE, Wording.NO_LATER_THAN)
        and not d.not_a_deadline
        and (d.usable or d.rule is not None)
        for d in deadlines
    )


def _false_so_ket(text: str, start: int) -> bool:
    """ "cơ sở kết nối" folds to "so ket": only "sơ kết" is a review."""
    return text[start : start + 6].lower() == "sở kết"

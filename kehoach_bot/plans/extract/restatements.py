"""A duty said more than once — a news item's title, its summary and its body, a plan's table and
its text, a reminder and the letter it cites — is one duty: the fullest statement of it stays.

Pure; reads the duties of one document.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from datetime import date

from kehoach_bot.plans.extract.draft import DutyKind
from kehoach_bot.plans.extract.duties import Duty
from kehoach_bot.plans.extract.phrases import find_deadlines, fold_same_length
from kehoach_bot.plans.extract.recurrences import PERIODIC_KINDS
from kehoach_bot.plans.extract.report_sentences import is_duty, names_a_rhythm
from kehoach_bot.plans.extract.sentences import CLOSING_MARKS
from kehoach_bot.plans.extract.structure import PlanText


def one_per_duty(duties: Sequence[Duty], *, title: str | None = None) -> list[Duty]:
    """The duties without their restatements, in reading order.

    A duty restates another of the same part when both fall due on the same day with the same
    frequency and it adds nothing: no units of its own, or ones the other names, and no other
    office; a one-off with no time at all restates a dated one-off whose units and office agree;
    a news item's `title` (see `news_title`) restates the body's duty it names."""
    keys = _keys(duties)
    fullest: dict[object, Duty] = {}
    for duty, key in zip(duties, keys, strict=True):
        if key is not None and (key not in fullest or _fullness(duty) > _fullness(fullest[key])):
            fullest[key] = duty
    out: list[Duty] = []
    for duty, key in zip(duties, keys, strict=True):
        kept = fullest.get(key) if key is not None else None
        if kept is None or kept is duty or not _restates(duty, kept):
            out.append(duty)
    return _periodic_dated_later(
        _reminded_over_cited(_dated_over_undated(_time_line_dates_request(_title_told(out, title))))
    )


def news_title(plan: PlanText) -> str | None:
    """A news item's headline: one of the text's first two lines (a rubric such as "Hồi âm" may
    stand above it), no sentence, asking for a report, over a line that asks nothing (its date,
    its byline) and a body; None for any other text."""
    if not plan.sections or plan.sections[0].ref:
        return None
    lines = [p.text for p in plan.sections[0].paragraphs]
    for index, line in enumerate(lines[:2]):
        if not is_duty(line, review_only=False):
            continue
        told_below = len(lines) >= index + 3 and not is_duty(lines[index + 1], review_only=False)
        return line if told_below and not line.rstrip().endswith(CLOSING_MARKS) else None
    return None


def _title_told(duties: list[Duty], title: str | None) -> list[Duty]:
    """A headline ("Đề nghị UBND huyện Lắc báo cáo UBND tỉnh, trả lời báo chí") whose body asks
    again with the same frequency, units and office is the body's duty."""
    if title is None or len(duties) < 2:
        return duties
    headline = duties[0]
    if headline.quote.strip() != title.strip() or _timed(headline):
        return duties
    if any(d.kind is headline.kind and _agree(headline, d) for d in duties[1:]):
        return duties[1:]
    return duties


def _dated_over_undated(duties: list[Duty]) -> list[Duty]:
    """A news item's request without a time ("Bộ vừa có văn bản đề nghị UBND các tỉnh báo cáo …")
    that its later words date ("Báo cáo gửi về Bộ trước 10/3") is the dated duty, once; so is a
    report sent "theo đúng thời hạn quy định" where the document gives that time."""
    keys = [_due_key(duty) for duty in duties]
    dated = [
        i
        for i, (d, key) in enumerate(zip(duties, keys, strict=True))
        if key and d.kind is DutyKind.ONE_OFF
    ]
    units: dict[int, tuple[str, ...]] = {}  # a dated duty that names none takes the request's
    kept: list[int] = []
    for index, (duty, key) in enumerate(zip(duties, keys, strict=True)):
        as_set = _time_as_set(duty)
        timeless = key is None and ((duty.kind is DutyKind.ONE_OFF and not _timed(duty)) or as_set)
        # "… gửi báo cáo đúng thời gian quy định" after the dated request: one unit in common
        loose = as_set and bool(_BARE_CALL.search(fold_same_length(duty.quote)))
        match = (
            [
                i
                for i in dated
                if duties[i].ref == duty.ref
                and _agree(
                    _own(duty),
                    duties[i],
                    # a news item's request, dated below ("Ngày 5/7, Thanh tra Chính phủ có văn
                    # bản gửi các bộ, ngành, UBND các tỉnh đề nghị báo cáo kết quả công tác giải
                    # quyết khiếu nại …" … "thời hạn gửi báo cáo trước ngày 5/8/2021"): the same
                    # report, told with other words for its units
                    any_unit=loose or (i > index and _same_topic(duty, duties[i])),
                )
            ]
            if timeless
            else []
        )
        if match:
            if duty.responsible:
                units.setdefault(match[0], duty.responsible)
            continue
        kept.append(index)
    return [
        dataclasses.replace(duties[i], responsible=units[i])
        if not duties[i].responsible and units.get(i)
        else duties[i]
        for i in kept
    ]


# What a report is about: the words after "báo cáo", up to its recipient, time or clause's end
_TOPIC = re.compile(
    r"\bbao cao\s+((?:(?!(?:ve|cho|gui|truoc|toi|den|len|tai|theo|de|trong)\b)\w+\s*){2,8})"
)


def _same_topic(one: Duty, other: Duty) -> bool:
    """Whether two statements report on the same matter ("kết quả công tác giải quyết khiếu nại
    …"), not merely "kết quả" of different work."""
    topics = [_TOPIC.search(fold_same_length(d.quote)) for d in (one, other)]
    pairs = [set(itertools.pairwise(t.group(1).split())) for t in topics if t is not None]
    return len(pairs) == 2 and len(pairs[0] & pairs[1]) >= 0.5 * min(map(len, pairs))


# "… gửi báo cáo đảm bảo chất lượng và đúng thời gian quy định": a call to report, of no topic
_BARE_CALL = re.compile(
    r"\b(?:gui|nop)\s+bao cao\s+(?:dam bao|bao dam|dung|theo dung|day du|kip thoi|chat luong)\b"
)


def _periodic_dated_later(duties: list[Duty]) -> list[Duty]:
    """ "Định kỳ hằng tháng, quý, năm, Cơ quan … báo cáo Bộ Ngoại giao …. Thời hạn báo cáo như
    sau: • Báo cáo hàng tháng: Trước ngày 10 tháng sau": the frequency named first without its
    day is the one its later lines date; a report "định kỳ" of no named frequency ("thực hiện
    báo cáo định kỳ …. Cụ thể, các đơn vị phải gửi báo cáo trước ngày 20 của tháng kế tiếp")
    is the one any later dated periodic line of the same units dates."""
    out: list[Duty] = []
    for index, duty in enumerate(duties):
        not_named = duty.kind is DutyKind.PERIODIC_UNDATED
        restated = (
            (duty.kind in PERIODIC_KINDS or not_named)
            and duty.due is None
            # "chậm nhất là 90 ngày kể từ ngày kết thúc năm": a time of its own
            and not any(m.relative for m in find_deadlines(duty.quote))
            and any(
                (d.kind is duty.kind or (not_named and d.kind in PERIODIC_KINDS))
                and d.due is not None
                and _agree(duty, d)
                # "báo cáo định kỳ (tháng, quý, 6 tháng, 9 tháng, năm)": its own "9 tháng" stays
                and d.quote != duty.quote
                for d in (*duties[index + 1 :], *_form_lines(duties[:index], duty))
            )
        )
        if not restated:
            out.append(duty)
    return out


# A form's field that names the frequency: "8. Tần suất thực hiện báo cáo: Định kỳ hằng năm."
_FREQUENCY_FIELD = re.compile(r"^\W*(?:[a-zđ]\)\s*|\d{1,2}[.)]\s*)?tan suat\b")


def _form_lines(earlier: Sequence[Duty], duty: Duty) -> Sequence[Duty]:
    """The duties before a form's frequency field that it may restate; none for other lines."""
    return earlier if _FREQUENCY_FIELD.match(fold_same_length(duty.quote)) else ()


# A line that only gives the time: "2. Thời hạn gửi báo cáo trước ngày 28/02/2010."
_TIME_LINE = re.compile(r"^\W*(?:\d+[.)]\s*)?(?:thoi han|thoi gian)\s+(?:gui\s+|nop\s+)?bao cao\b")


def _time_line_dates_request(duties: list[Duty]) -> list[Duty]:
    """A letter's one request without a time ("… đề nghị các Sở chỉ đạo Chi cục Kiểm lâm báo cáo
    về Bộ …") and its line "Thời hạn gửi báo cáo trước ngày 28/02/2010" are one dated duty."""
    out = list(duties)
    for index, line in enumerate(duties):
        bare = not line.responsible and not line.recipient and line.due is not None
        if not (bare and line.kind is DutyKind.ONE_OFF):
            continue
        if not _TIME_LINE.match(fold_same_length(line.quote)):
            continue
        asked = [
            d
            for d in duties[:index]
            if d.kind is DutyKind.ONE_OFF and d.due is None and (d.responsible or d.recipient)
        ]
        if len(asked) != 1 or asked[0] not in out:
            continue
        (request,) = asked
        out[out.index(line)] = dataclasses.replace(
            line,
            responsible=request.responsible,
            recipient=request.recipient,
            via=request.via,
            recipients=request.recipients,
        )
        out.remove(request)
    return out


# A sentence that tells what an earlier document asked: "Ngày 09/02/2021, Bộ Y tế đã có Công văn
# số 949 … thời hạn gửi trước ngày 23/02/2021", "Theo Khoản 3 mục III Công văn số 713 …".
_CITED = re.compile(
    r"^\W*(?:ngay\s+[\d/.\-]+,?\s+)?[^.;]{0,80}?\bda\s+(?:co|ban hanh|gui)\s+"
    r"(?:cong van|van ban|thong bao|cong dien)\b"
    r"|^\W*theo\s+(?:(?:khoan|muc|diem|dieu)\s+\w+\s+)*(?:cong van|van ban|thong bao|cong dien"
    r"|ke hoach|quyet dinh)\s+so\b"
)


def _reminded_over_cited(duties: list[Duty]) -> list[Duty]:
    """A reminder restates the deadline an earlier document set and asks again, by a later day
    ("… thời hạn gửi trước ngày 23/02/2021. Tuy nhiên, đến nay đã quá hạn … gửi trước ngày
    08/6/2021") or the same one: the day asked for again is the duty, the cited one told."""
    out: list[Duty] = []
    for index, duty in enumerate(duties):
        due = duty.due
        if duty.kind is DutyKind.ONE_OFF and isinstance(due, str):
            cited = _CITED.search(fold_same_length(duty.quote))
            if cited and any(
                d.kind is DutyKind.ONE_OFF
                and isinstance(d.due, str)
                and d.due >= due
                and _within(duty.recipient, d.recipient or duty.recipient)
                for d in duties[index + 1 :]
            ):
                continue
        out.append(duty)
    return out


def _time_as_set(duty: Duty) -> bool:
    """An undated report whose only time is "theo (đúng) thời hạn quy định", with no rhythm."""
    mentions = find_deadlines(duty.quote)
    return (
        duty.kind is DutyKind.PERIODIC_UNDATED
        and any(m.by_reference for m in mentions)
        and all(m.by_reference or m.not_a_deadline for m in mentions)
        and not names_a_rhythm(duty.quote)
    )


def _timed(duty: Duty) -> bool:
    return any(not m.not_a_deadline for m in find_deadlines(duty.quote))


def _own(duty: Duty) -> Duty:
    """The duty with only the recipient its own sentence writes (a lead-in's is a guess)."""
    written = fold_same_length(duty.recipient or "") in fold_same_length(duty.quote)
    return duty if written else dataclasses.replace(duty, recipient=None)


def _agree(one: Duty, other: Duty, *, any_unit: bool = False) -> bool:
    """Whether two statements may be of one report: no units, office or channel that differ;
    with `any_unit`, one unit in common is enough ("Giám đốc Sở Kế hoạch và Đầu tư và thủ trưởng
    các sở, ngành liên quan" and "Sở Kế hoạch và Đầu tư")."""
    held = any if any_unit else all
    same_units = (
        not one.responsible
        or not other.responsible
        or held(any(_within(a, b) for b in other.responsible) for a in one.responsible)
    )
    return (
        same_units
        and _within(one.recipient, other.recipient or one.recipient)
        and _within(one.via, other.via or one.via)
    )


def _keys(duties: Sequence[Duty]) -> list[tuple[object, ...] | None]:
    """Each duty's due key; a one-off whose year is not written ("Yêu cầu báo cáo trước ngày
    15/8" in a title) takes the key of the one dated one-off, or yearly duty, of that day and
    month, if any ("Chậm nhất ngày 15/12, HTX nộp …" over "ngày 15 tháng 12 hàng năm")."""
    keys = [_due_key(duty) for duty in duties]
    dated: dict[tuple[object, ...], set[tuple[object, ...]]] = {}
    for duty, key in zip(duties, keys, strict=True):
        if key is None or not isinstance(duty.due, str):
            continue
        if duty.kind is DutyKind.ONE_OFF:
            day = date.fromisoformat(duty.due)
            dated.setdefault((duty.kind, day.day, day.month), set()).add(key)
        elif duty.kind is DutyKind.ANNUAL:
            month, day_of_month = (int(part) for part in duty.due.split("-"))
            dated.setdefault((DutyKind.ONE_OFF, day_of_month, month), set()).add(key)
    return [
        next(iter(dated[key])) if key in dated and len(dated[key]) == 1 else key for key in keys
    ]


def _due_key(duty: Duty) -> tuple[object, ...] | None:
    """The day a dated duty falls due; for a one-off whose year is not written, its day and
    month as written ("trước 10/3")."""
    if duty.due is not None:
        return (duty.kind, duty.due)
    if duty.kind is not DutyKind.ONE_OFF:
        return None
    for mention in find_deadlines(duty.quote):
        if mention.usable and mention.day is not None and mention.month is not None:
            return (duty.kind, mention.day, mention.month)
    return None


def _fullness(duty: Duty) -> tuple[int, int, int, int]:
    return (bool(duty.responsible), bool(duty.recipient), bool(duty.via), len(duty.quote))


def _restates(duty: Duty, fuller: Duty) -> bool:
    """Whether `duty` says nothing `fuller` does not; parts of a plan that assign their own
    duties ("2. Các đơn vị thuộc Bộ", "3. Các Sở") are never each other's restatement."""
    if duty.ref != fuller.ref:
        return False
    # "các tỉnh" is within "UBND các tỉnh"; "Các trường mầm non" is not "Các trường tiểu học"
    if duty.responsible and not all(
        any(_within(name, other) for other in fuller.responsible) for name in duty.responsible
    ):
        return False
    return _within(duty.recipient, fuller.recipient) and _within(duty.via, fuller.via)


def _within(name: str | None, fuller: str | None) -> bool:
    """No office, or one the fuller statement names too ("Bộ Nội vụ" and "Bộ")."""
    if name is None:
        return True
    if fuller is None:
        return False
    one, other = fold_same_length(name), fold_same_length(fuller)
    return one in other or other in one

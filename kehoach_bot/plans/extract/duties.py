"""The reporting duties a plan's sentences state, with names as written: one per sentence and
frequency, each with its due rule, its responsible units, recipient and "qua" office.

A sentence states a duty when it has a report verb (báo cáo, gửi … kết quả, tổng hợp … báo cáo,
sơ kết/tổng kết, phản ánh vướng mắc) and a recipient, a deadline or a frequency. The "Nơi nhận"
block and tasks without a report are no duties.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from kehoach_bot.plans.extract.draft import DutyKind
from kehoach_bot.plans.extract.phrases import DeadlineMention, find_deadlines, fold_same_length
from kehoach_bot.plans.extract.recurrences import (
    PERIODIC_KINDS,
    Recurrence,
    due_rule,
    find_recurrences,
    further_dates,
)
from kehoach_bot.plans.extract.report_forms import FormFields, form_fields
from kehoach_bot.plans.extract.report_sentences import (
    LIMITED_REPORTS,
    PERIODIC_WORDS,
    announces_reports,
    duty_clauses,
    gives_a_time,
    is_duty,
    repeats,
)
from kehoach_bot.plans.extract.sentences import split_sentences
from kehoach_bot.plans.extract.structure import PlanText, Section
from kehoach_bot.plans.extract.tasks import heading_units
from kehoach_bot.plans.extract.unit_lists import (
    find_recipients,
    find_responsible,
    find_via,
    units_in,
)
from kehoach_bot.texts import extract_vi as t


@dataclass(frozen=True, slots=True)
class Duty:
    """One reporting duty as written: the sentence, the frequency, the due and the names."""

    quote: str
    kind: DutyKind
    due: str | tuple[str, ...] | None
    wording: str | None
    responsible: tuple[str, ...]
    recipient: str | None
    via: str | None
    ref: str
    warnings: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()  # every unit it is sent to, `recipient` the likeliest
    relayed: bool = False  # gathers the periodic reports of the sentence before: as often


# "… báo cáo UBND tỉnh kết quả thực hiện. Thời gian hoàn thành trước ngày 20/11/2023.": the
# time the whole request is due by, its report's too
_COMPLETION_TIME = re.compile(
    r"^\W*(?:thoi gian|thoi han)(?:\s+(?:thuc hien|hoan thanh|xong))*\s*[:,]?\s*"
    r"(?:hoan thanh\s*)?(?:la\s*)?$"
)
_RESTATED = re.compile(r"^\W*bao cao\b")
_URGED = re.compile(r"\b(?:de nghi|yeu cau)\b[^.;]*\bkhan truong\s+(?:gui\s+|nop\s+)?bao cao\b")
# "… để (theo dõi,) tổng hợp(,) báo cáo cho X": the office that gathers reports on to X.
_ONWARD = re.compile(r"\bde\s+(?:theo doi,?\s+)?tong hop,?\s+bao cao\s+")


def find_duties(plan: PlanText) -> list[Duty]:
    """Every reporting duty the plan's sections state, in reading order."""
    by_ref = {section.ref: section for section in plan.sections}
    # A decision's "Điều 18. Tổ chức thực hiện" is one article among others that ask too.
    has_organising = any(
        _organising(section, by_ref) and not section.in_article for section in plan.sections
    )
    plan_subject: tuple[str, ...] = ()
    duties: list[Duty] = []
    for section in plan.sections:
        section_units = _section_units(section, by_ref)
        organising = _organising(section, by_ref)
        # A plan that has its "Tổ chức thực hiện" part assigns its reports there; elsewhere only
        # a dated report is taken (goals and tasks speak of reports without asking for them).
        purposes = _purposes(section, by_ref)
        dated_only = (has_organising and not organising) or purposes
        found: list[Duty] = []
        lead: _LeadIn | None = None
        # A heading that ends in ":" may be a lead-in ("1. Các phòng … báo cáo … như sau:").
        lead_in = section.heading.rstrip().endswith(":")
        texts = [section.heading] if section.ref and (lead_in or not section.heading_only) else []
        texts += [p.text for p in section.paragraphs]
        review_only = organising
        read = [list(_clauses(text, review_only=review_only)) for text in texts]
        completed_next = _completed_next(read) if dated_only else set()
        header: _Header | None = None
        previous, cited = "", False
        last = ""  # the clause read just before, of any kind
        for paragraph, clauses in zip(texts, read, strict=True):
            # a quotation goes on until its closing mark
            cited = _cites(previous, paragraph) or (cited and not _CLOSED.search(previous))
            previous = paragraph
            if cited:
                last = paragraph
                continue
            subject: tuple[str, ...] = ()
            prior: list[Duty] = []  # the duties of the paragraph's sentence before
            for own, sentence in clauses:
                before, last = last, sentence
                if own and not subject:
                    subject = own
                if own and organising and not plan_subject:
                    plan_subject = own
                if not is_duty(sentence, review_only=review_only):
                    timed = lead is not None and gives_a_time(sentence)
                    items = (
                        _item_duties(sentence, section.ref, _Header.of(lead.duties[0]))
                        if lead is not None and timed
                        else []
                    )
                    if (
                        lead is not None
                        and before == lead.duties[0].quote
                        and (completed := lead.completed_by(sentence, joined=dated_only))
                    ):
                        found = _without(found, lead.duties) + completed
                        lead = dataclasses.replace(lead, used=True)
                    elif announces_reports(sentence):
                        header = _Header(
                            own or subject or section_units or plan_subject,
                            tuple(find_recipients(sentence)),
                            find_via(sentence),
                        )
                    elif lead is not None and timed and lead.timed_by(items, sentence):
                        found = _without(found, lead.duties) + lead.timed_as(items[0])
                        lead = dataclasses.replace(lead, used=True)
                    elif lead is not None and lead.colon and timed:
                        # "… gửi báo cáo về Sở Y tế như sau: • Đối với cấp xã: 05 ngày …": the
                        # items spell the lead-in's duty out, as its dated duties would
                        if not lead.used:
                            found = _without(found, lead.duties)
                            lead = dataclasses.replace(lead, used=True)
                        found += items
                    elif header is not None and gives_a_time(sentence):
                        # "Thời hạn gửi báo cáo: • Đối với cấp xã: 05 ngày …": an item of it
                        found += _item_duties(sentence, section.ref, header)
                    continue
                # a task's report sent right after its event ("ngay sau khi kết thúc hội nghị")
                # asks as a date does, and so does a clause opening on its frequency, sent to an
                # office ("Hàng năm, … xây dựng dự toán kinh phí gửi Sở Tài chính"); not in the
                # goals, nor a regime inspected or trained on ("Kiểm tra việc thực hiện chế độ
                # báo cáo hằng quý …")
                if (
                    dated_only
                    and sentence not in completed_next
                    and not (not purposes and _sent_by_frequency(sentence))
                    and not any(
                        d.usable or (d.after_event and not purposes)
                        for d in find_deadlines(sentence)
                    )
                ):
                    continue
                inherited = lead.duties[0].responsible if lead else ()
                responsible = own or subject or inherited or section_units or plan_subject
                mine = _sentence_duties(sentence, section.ref, responsible)
                if lead is not None and lead.timed_by(mine, sentence):
                    # "Kỳ báo cáo: Định kỳ 06 tháng và hàng năm. … Báo cáo phải được gửi Bộ Tư
                    # pháp chậm nhất 20 ngày kể từ ngày chốt số liệu.": each period's time
                    found = _without(found, lead.duties)
                    mine = lead.timed_as(mine[0])
                    lead = dataclasses.replace(lead, used=True)
                elif lead is not None and (lead.follows(mine) or (lead.colon and not lead.used)):
                    # "Việc lập và gửi báo cáo thực hiện như sau:" and its items: the items ask
                    found = _without(found, lead.duties)
                    mine = [_addressed_as(d, lead.duties[0]) for d in mine]
                    lead = dataclasses.replace(lead, duties=lead.duties, used=True)
                elif lead is not None and not lead.used:
                    lead = None  # an undated duty of its own: the earlier one stays too
                if _relays(prior, mine, sentence):
                    mine = [dataclasses.replace(d, relayed=True) for d in mine]
                prior = mine
                if mine and all(d.due is None for d in mine) and _introduces(sentence, mine):
                    lead = _LeadIn(
                        tuple(mine),
                        colon=sentence.rstrip().endswith(":"),
                        urged=_urged(sentence, mine),
                    )
                found += mine
        duties += _same_address(found, across_units=organising)
    duties = _as_forms_say(plan, duties)
    # A page that repeats its summary ("Thẻ: …") states each duty once.
    unique: dict[tuple[object, ...], Duty] = {}
    for duty in duties:
        unique.setdefault((duty.quote, duty.kind, duty.due, duty.responsible), duty)
    return [_once_if_unrepeated(d) for d in unique.values()]


def _without(found: list[Duty], dropped: tuple[Duty, ...]) -> list[Duty]:
    """The duties found so far less a lead-in's own, which its items replace."""
    return [d for d in found if all(d is not x for x in dropped)]


def _as_forms_say(plan: PlanText, duties: list[Duty]) -> list[Duty]:
    """Each duty with the units of the nearest report form around it: the fields written in its
    section or, going up, in the nearest section above whose parts hold any."""
    by_ref = {section.ref: section for section in plan.sections}
    forms: dict[str, FormFields] = {}

    def form_of(ref: str) -> FormFields:
        if ref not in forms:
            forms[ref] = form_fields(
                sentence
                for section in plan.sections
                if not ref or section.ref == ref or section.ref.startswith(f"{ref}.")
                for text in (section.heading, *(p.text for p in section.paragraphs))
                for sentence in split_sentences(text)
            )
        return forms[ref]

    out: list[Duty] = []
    for duty in duties:
        section: Section | None = by_ref.get(duty.ref)
        form = FormFields()
        while section is not None and form == FormFields():
            form = form_of(section.ref)
            section = by_ref.get(section.parent) if section.parent is not None else None
        out.append(_as_form_says(duty, form))
    return out


def _as_form_says(duty: Duty, form: FormFields) -> Duty:
    """A duty takes the units its report's form names ("Cơ quan nhận báo cáo: …") where its own
    sentence writes none."""
    quote = fold_same_length(duty.quote)
    written = [name for name in duty.responsible if fold_same_length(name) in quote]
    recipient = duty.recipient or form.recipient
    return dataclasses.replace(
        duty,
        responsible=tuple(written) or form.responsible or duty.responsible,
        recipient=recipient,
        recipients=duty.recipients or ((recipient,) if recipient else ()),
        via=duty.via or (form.via if not duty.recipient else None),
    )


@dataclass(frozen=True, slots=True)
class _Header:
    """A lead-in that announces reports but asks for none itself ("Thời hạn gửi báo cáo:")."""

    responsible: tuple[str, ...]
    recipients: tuple[str, ...]
    via: str | None

    @classmethod
    def of(cls, duty: Duty) -> _Header:
        """The units and address of a lead-in that is a duty itself."""
        return cls(duty.responsible, duty.recipients, duty.via)


def _item_duties(sentence: str, ref: str, header: _Header) -> list[Duty]:
    """The duties of one item under a lead-in: its units, recipient and "qua" office are the
    lead-in's unless it names its own."""
    return [
        duty
        if duty.recipient
        else dataclasses.replace(
            duty,
            recipient=header.recipients[0] if header.recipients else None,
            recipients=header.recipients,
            via=duty.via or header.via,
        )
        for duty in _sentence_duties(sentence, ref, _subject(sentence) or header.responsible)
    ]


def _clauses(paragraph: str, *, review_only: bool) -> Iterator[tuple[tuple[str, ...], str]]:
    """Each clause read as a duty of its own, with the units its whole sentence names; what an
    earlier document said ("… đã ban hành Công điện số 07. Trong đó, giao …") is left out."""
    previous = ""
    for whole in split_sentences(paragraph):
        quoted = _ITS_CONTENT.match(fold_same_length(whole)) and _EARLIER_DOCUMENT.search(
            fold_same_length(previous)
        )
        previous = whole
        if quoted:
            continue
        own = _subject(whole)
        for clause in duty_clauses(whole, review_only=review_only):
            # "UBND cấp xã báo cáo …; UBND cấp huyện báo cáo …": each part names its own units
            yield (_subject(clause) or own) if clause != whole else own, clause


_EARLIER_DOCUMENT = re.compile(
    r"\bda\s+(?:ban hanh|co|gui)\s+(?:cong dien|cong van|van ban|chi thi|quyet dinh|ke hoach"
    r"|thong bao)\b"
)
_ITS_CONTENT = re.compile(r"^\W*trong do\b")
_OPENING_QUOTE = re.compile(r"^\s*[“\"]")
_CLOSED = re.compile(r"[”\"]\W*$")
# "… đã ban hành Công văn số 1046/TCT-TTKT …, trong đó yêu cầu …:": what follows is its content;
# not "… đã ban hành Kế hoạch số 45; nay điều chỉnh khoản 3 như sau:", an amendment's new text
_ITS_CONTENT_NEXT = re.compile(rf"(?:{_EARLIER_DOCUMENT.pattern})[^.;]*\btrong do\b[^.;]*$")


def _cites(previous: str, paragraph: str) -> bool:
    """Whether the paragraph, in quotation marks after "… đã ban hành Công văn số …, trong đó
    yêu cầu:", gives that earlier document's words."""
    return bool(
        _OPENING_QUOTE.match(paragraph) and _ITS_CONTENT_NEXT.search(fold_same_length(previous))
    )


@dataclass(frozen=True, slots=True)
class _LeadIn:
    """An undated duty that the dated ones after it spell out ("(1) Thời hạn … gửi báo cáo:")."""

    duties: tuple[Duty, ...]
    colon: bool = False
    used: bool = False
    urged: bool = False  # "đề nghị … khẩn trương gửi báo cáo định kỳ …": only its report restated

    def follows(self, duties: list[Duty]) -> bool:
        """Whether these duties spell this one out: dated, and its units' own unless after ":";
        after frequencies without their days, dated duties of those frequencies."""
        dated = [d for d in duties if d.due is not None]
        if self.urged and not all(_RESTATED.match(fold_same_length(d.quote)) for d in dated):
            return False
        same = self.colon or any(d.responsible == self.duties[0].responsible for d in duties)
        if not (dated and same):
            return False
        if self.colon or any(d.kind not in PERIODIC_KINDS for d in self.duties):
            return True
        return all(d.kind in {lead.kind for lead in self.duties} for d in dated)

    def timed_as(self, timed: Duty) -> list[Duty]:
        """Its frequencies, quoted, timed and addressed as the sentence that gives their time."""
        return [
            dataclasses.replace(
                duty,
                quote=timed.quote,
                wording=timed.wording,
                warnings=tuple(dict.fromkeys(duty.warnings + timed.warnings)),
                recipient=timed.recipient or duty.recipient,
                recipients=timed.recipients or duty.recipients,
                via=timed.via or duty.via,
            )
            for duty in self.duties
        ]

    def timed_by(self, duties: list[Duty], sentence: str) -> bool:
        """Whether these undated frequencies get their time from this sentence: one report with
        no frequency of its own, due some days after an event ("kể từ ngày chốt số liệu")."""
        lead = self.duties[0]
        return (
            not self.used
            and all(d.kind in PERIODIC_KINDS and d.due is None for d in self.duties)
            and len(duties) == 1
            # "Trường hợp phát sinh …, báo cáo Sở Y tế trong 03 ngày": a report of its own
            and duties[0].kind in (DutyKind.ONE_OFF, DutyKind.PERIODIC_UNDATED)
            and duties[0].due is None
            and (
                duties[0].recipient is None
                or lead.recipient is None
                or fold_same_length(duties[0].recipient) == fold_same_length(lead.recipient)
            )
            and any(m.relative for m in find_deadlines(sentence))
        )

    def completed_by(self, sentence: str, *, joined: bool = False) -> list[Duty]:
        """This one report, once, by the day a bare time sentence after it gives ("Thời gian
        hoàn thành trước ngày 20/11/2023."); nothing when the sentence says more or it recurs."""
        lead = self.duties[0]
        if self.used or len(self.duties) != 1 or lead.due is not None or repeats(lead.quote):
            return []
        if lead.kind not in (DutyKind.ONE_OFF, DutyKind.PERIODIC_UNDATED):
            return []
        completion = _completion_day(sentence)
        if completion is None:
            return []
        # "hoàn thành trước ngày …" reads as the work's own day on its own; here it is the request's
        day = dataclasses.replace(completion, not_a_deadline=False)
        once = Recurrence(DutyKind.ONE_OFF, day.text, day.start, day.end, 0, len(sentence))
        due = due_rule(once, [day])
        if due.value is None:
            return []
        return [
            dataclasses.replace(
                lead,
                # an item read for its time line below quotes both, or it would quote no report
                quote=f"{lead.quote} {sentence}" if joined else sentence,
                kind=DutyKind.ONE_OFF,
                due=due.value,
                wording=due.wording_text,
                warnings=tuple(dict.fromkeys(lead.warnings + due.warnings)),
            )
        ]


def _completion_day(sentence: str) -> DeadlineMention | None:
    """The one dated day of a bare time sentence ("Thời hạn hoàn thành: Trước ngày 31/3/2026.")."""
    folded = fold_same_length(unicodedata.normalize("NFC", sentence))
    dated = [
        d
        for d in find_deadlines(sentence)
        if d.year and d.month and d.rule is None and d.wording is not None
    ]
    if len(dated) != 1 or folded[dated[0].end :].strip(" .;"):
        return None
    return dated[0] if _COMPLETION_TIME.match(folded[: dated[0].start]) else None


def _completed_next(read: list[list[tuple[tuple[str, ...], str]]]) -> set[str]:
    """The clauses a bare time sentence follows ("- Báo cáo kết quả kiểm kê cho cơ quan cấp
    trên." / "Thời hạn hoàn thành: Trước ngày 31/3/2026."): a task list's item timed below it."""
    clauses = [clause for paragraph in read for _, clause in paragraph]
    return {
        clause
        for clause, after in itertools.pairwise(clauses)
        if _completion_day(after) is not None
    }


def _sent_by_frequency(sentence: str) -> bool:
    """Whether a clause opens on its frequency and sends to an office ("Hàng năm, … xây dựng dự
    toán kinh phí gửi Sở Tài chính")."""
    return (
        bool(_OPENS_ON_A_FREQUENCY.match(fold_same_length(sentence)))
        and any(r.kind in PERIODIC_KINDS for r in find_recurrences(sentence))
        and bool(find_recipients(sentence))
    )


def _relays(prior: list[Duty], mine: list[Duty], sentence: str) -> bool:
    """Whether an undated report gathers the periodic ones the sentence before asks for: "Ngày
    05 hằng tháng, Chủ tịch UBND cấp xã báo cáo Chủ tịch UBND cấp huyện. Chủ tịch UBND cấp
    huyện tổng hợp, báo cáo Chủ tịch UBND cấp tỉnh." """
    folded = fold_same_length(unicodedata.normalize("NFC", sentence))
    return (
        bool(prior and mine)
        and all(d.kind in PERIODIC_KINDS for d in prior)
        and all(d.kind is DutyKind.PERIODIC_UNDATED and d.due is None for d in mine)
        and bool(_GATHERS.search(folded))
        and not _WRAP_UP.search(folded)
    )


_GATHERS = re.compile(r"\btong hop\b")
# "Kết thúc năm 2025, UBND huyện tổng hợp, báo cáo … kết quả sơ kết 5 năm": once, at the end
_WRAP_UP = re.compile(r"\b(?:so ket|tong ket|ket thuc)\b|\bnam\s+\d{4}\b")


def _once_if_unrepeated(duty: Duty) -> Duty:
    """A report asked for with neither date nor frequency nor any word of recurrence ("tổng
    hợp và báo cáo Thủ tướng Chính phủ") is asked for once; "theo quy định" keeps it periodic,
    as does gathering the periodic reports of the sentence before."""
    if duty.kind is not DutyKind.PERIODIC_UNDATED or duty.relayed:
        return duty
    if repeats(duty.quote):
        return duty
    return dataclasses.replace(duty, kind=DutyKind.ONE_OFF)


def _introduces(sentence: str, duties: list[Duty]) -> bool:
    """Whether an undated duty only announces the dated ones that follow: it ends in ":", or it
    names neither frequency nor date ("đề nghị … báo cáo tình hình … theo đề cương")."""
    if sentence.rstrip().endswith(":"):
        return True
    if all(d.kind in PERIODIC_KINDS for d in duties):
        return True  # "Định kỳ 06 tháng và hằng năm, báo cáo …": the next sentence may give days
    folded = fold_same_length(unicodedata.normalize("NFC", sentence))
    bare = all(d.kind is DutyKind.PERIODIC_UNDATED for d in duties)
    # "đề nghị … khẩn trương gửi báo cáo định kỳ …" announces too (see `_urged`)
    return bare and (not PERIODIC_WORDS.search(folded) or bool(_URGED.search(folded)))


def _urged(sentence: str, duties: list[Duty]) -> bool:
    """ "đề nghị … khẩn trương gửi báo cáo định kỳ …": the periodic report asked for now, its day
    in the next sentence if that sentence is the report itself ("Báo cáo của đơn vị gửi về …")."""
    folded = fold_same_length(unicodedata.normalize("NFC", sentence))
    bare = all(d.kind is DutyKind.PERIODIC_UNDATED for d in duties)
    return bare and bool(PERIODIC_WORDS.search(folded)) and bool(_URGED.search(folded))


def _addressed_as(duty: Duty, lead: Duty) -> Duty:
    """A dated item of a lead-in sentence goes where the lead-in says, unless it says otherwise."""
    if duty.recipient or not lead.recipient:
        return duty
    return dataclasses.replace(
        duty, recipient=lead.recipient, recipients=lead.recipients, via=duty.via or lead.via
    )


def _same_address(duties: list[Duty], *, across_units: bool) -> list[Duty]:
    """A duty of a section that names no recipient goes where the section's others go: any
    unit's in a plan's "Tổ chức thực hiện" part, elsewhere only the same units'."""
    addressed = [d for d in duties if d.recipient]
    if not addressed:
        return duties
    source = addressed[0]
    # "Cấp xã báo cáo kết quả …; Sở X báo cáo UBND tỉnh …" does not say where communes report.
    return [
        duty
        if duty.recipient or (not across_units and duty.responsible != source.responsible)
        else dataclasses.replace(
            duty,
            recipient=source.recipient,
            recipients=source.recipients,
            via=duty.via or source.via,
            warnings=(*duty.warnings, t.RECIPIENT_FROM_SECTION.format(recipient=source.recipient)),
        )
        for duty in duties
    ]


def _sentence_duties(sentence: str, ref: str, responsible: tuple[str, ...]) -> list[Duty]:
    deadlines = find_deadlines(sentence)
    recipients = tuple(find_recipients(sentence))
    recipient = recipients[0] if recipients else None
    via = find_via(sentence)
    group_warnings = tuple(
        m.warning for name in responsible for m in units_in(name) if m.warning is not None
    )
    out: list[Duty] = []
    folded = fold_same_length(unicodedata.normalize("NFC", sentence))
    # "… về Sở X để tổng hợp báo cáo Y": Sở X gathers the reports on to Y
    onward = _ONWARD.search(folded) if via or recipient else None
    recurrences = find_recurrences(sentence)
    if LIMITED_REPORTS.search(folded):
        recurrences = [r for r in recurrences if r.kind is DutyKind.AD_HOC]
    mine = deadlines
    if onward is not None:
        # "… về Sở trước ngày 12/12 để tổng hợp báo cáo UBND tỉnh trước ngày 20/12": the second
        # day is the gathering office's own
        before = [d for d in deadlines if d.start < onward.start()]
        mine = before if any(d.usable for d in before) else deadlines
    for recurrence in recurrences:
        first = due_rule(recurrence, mine)
        for due in (first, *further_dates(recurrence, first, mine)):
            out.append(
                Duty(
                    quote=sentence,
                    kind=due.kind,
                    due=due.value,
                    wording=due.wording_text,
                    responsible=responsible,
                    recipient=recipient,
                    via=via,
                    ref=ref,
                    warnings=tuple(dict.fromkeys(due.warnings + group_warnings)),
                    recipients=recipients,
                )
            )
    if onward is not None:
        out += _onward(sentence, onward.span(), ref, via or recipient or "", recipient)
    return out


def _onward(
    sentence: str, span: tuple[int, int], ref: str, office: str, recipient: str | None
) -> list[Duty]:
    """ "… về UBND huyện (qua Phòng X) để tổng hợp báo cáo cho Sở Y": Phòng X's own duty."""
    text = unicodedata.normalize("NFC", sentence)
    begin, at = span
    names = find_recipients(text[at - len("bao cao ") :])
    if not names or fold_same_length(names[0]) == fold_same_length(recipient or ""):
        return []
    rest = text[at:]
    deadlines = find_deadlines(rest)
    if not deadlines:
        return []  # without its own time words it is the purpose of the first report
    own = find_recurrences(rest)
    recurrence = own[0] if own else Recurrence(DutyKind.PERIODIC_UNDATED, "", 0, 0, 0, len(rest))
    due = due_rule(recurrence, deadlines)
    clause = text[begin:].strip(" ,;")
    return [
        Duty(
            quote=clause,
            kind=due.kind,
            due=due.value,
            wording=due.wording_text,
            responsible=(office,),
            recipient=names[0],
            via=None,
            ref=ref,
            warnings=due.warnings,
            recipients=(names[0],),
        )
    ]


def _subject(sentence: str) -> tuple[str, ...]:
    return tuple(find_responsible(sentence))


def _section_units(section: Section, by_ref: dict[str, Section]) -> tuple[str, ...]:
    """The units a section's heading (or its parents') names: "2. Sở Y tế:"."""
    current: Section | None = section
    while current is not None and current.ref:
        if current.heading_only:
            named = heading_units(current.heading)
            if named:
                return named
        current = by_ref.get(current.parent) if current.parent is not None else None
    return ()


def _organising(section: Section, by_ref: dict[str, Section]) -> bool:
    """Whether the section stands in the part of the plan that assigns its work and reports:
    "Tổ chức thực hiện", "Trách nhiệm thực hiện", "Phân công nhiệm vụ", "Chế độ báo cáo"."""
    current = section
    while current.parent and current.parent in by_ref:
        if _REPORTING_PART.search(fold_same_length(current.heading)):
            return True
        current = by_ref[current.parent]
    heading = fold_same_length(current.heading)
    # "III. TỔ CHỨC THỰC HIỆN VÀ TRÁCH NHIỆM CỦA CÁC SỞ, …", "V. GIẢI PHÁP VÀ TỔ CHỨC THỰC HIỆN";
    # not an item's sentence that speaks of it ("Hoàn thành … Đồng thời, tổ chức thực hiện ngay
    # kế hoạch …")
    return heading.lstrip(" .:-–").startswith("to chuc thuc hien") or (
        len(heading) <= _HEADING_LENGTH
        and ("to chuc thuc hien" in heading or bool(_ORGANISING.match(heading)))
    )


# Headings of the part that assigns the work and its reports; an item that only starts alike
# ("7. Chịu trách nhiệm thực hiện các quyết định …") is a sentence, longer than a heading.
_ORGANISING = re.compile(
    r"\W*(?:to chuc trien khai|trach nhiem (?:thuc hien|trien khai|cua cac)"
    r"|phan cong (?:nhiem vu|trach nhiem|thuc hien)|(?:che do\s+)?thong tin,?\s+bao cao"
    r"|che do bao cao)\b"
)
_HEADING_LENGTH = 60
# "Hàng năm, …", "1. Nguồn ngân sách: Định kỳ hằng quý, …"
_OPENS_ON_A_FREQUENCY = re.compile(
    r"^\W*(?:[^:.;,]{1,40}:\s*)?(?:dinh ky\s+)?(?:hang|moi)\s+(?:nam|quy|thang)\s*,"
)
# A part of a plan's content about its reports: "7. Công tác giám sát, kiểm tra, báo cáo"
_REPORTING_PART = re.compile(r"^\W*(?:\d+\W*)?[^.;:]{0,50}\bbao cao\W*$")
_PURPOSES = re.compile(r"^(?:muc dich|yeu cau(?!\s+ve\b)|muc tieu)\b")


def _purposes(section: Section, by_ref: dict[str, Section]) -> bool:
    """Whether the section states the plan's purposes or targets ("Mục đích, yêu cầu")."""
    current: Section | None = section
    while current is not None and current.ref:
        if _PURPOSES.match(fold_same_length(current.heading)):
            return True
        current = by_ref.get(current.parent) if current.parent is not None else None
    return False

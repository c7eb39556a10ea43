"""The whole reading of a plan's text: its header, reporting duties and tasks, every unit matched
to the directory — the draft an admin checks before it is loaded.

The pieces (structure, phrases, unit lists, matching, duties) do the reading; this module puts
them together and adds what needs the whole plan: the locality, and dates that conflict.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from kehoach_bot.plans.extract.documents import DocumentText
from kehoach_bot.plans.extract.draft import (
    DraftObligation,
    DraftPlan,
    DraftTask,
    DutyKind,
    UnitRef,
)
from kehoach_bot.plans.extract.duties import Duty, find_duties
from kehoach_bot.plans.extract.matching import MatchStrength, UnitName, match_unit
from kehoach_bot.plans.extract.phrases import fold_same_length
from kehoach_bot.plans.extract.restatements import news_title, one_per_duty
from kehoach_bot.plans.extract.structure import PlanHeader, parse_structure
from kehoach_bot.plans.extract.tasks import TaskText
from kehoach_bot.texts import extract_vi as t

CENTRAL = "trung-uong"
_DATED = (DutyKind.ONE_OFF, DutyKind.ANNUAL, DutyKind.SEMIANNUAL, DutyKind.QUARTERLY)
_CITES_A_DOCUMENT = re.compile(
    r"\b(?:cong van|van ban|thong bao|thong tu|quyet dinh|chi thi|ke hoach|cong dien)\s+"
    r"(?:so\s+)?\d"
)

# ", UBND tỉnh đề nghị …": a request of the document's own after the citation
_ASKS_AFTER = re.compile(r",\s*[^,;.]{0,60}?\b(?:de nghi|yeu cau)\b")

Matcher = Callable[[str], UnitRef]


def extract_plan(
    document: DocumentText | str, directory: Sequence[UnitName], *, source: str = ""
) -> DraftPlan:
    """Read a plan's text into its draft: header, reporting duties, tasks and warnings."""
    text = document.text if isinstance(document, DocumentText) else document
    notes = document.notes if isinstance(document, DocumentText) else ()
    plan = parse_structure(text)
    header = plan.header
    duties = one_per_duty(find_duties(plan), title=news_title(plan))
    duties = _not_passed(duties, header, text)
    locality = None
    if header.issuer:
        found = match_unit(header.issuer, directory, locality=None)
        if found.strength is MatchStrength.STRONG:
            locality = _locality(found.code, directory)
    if locality is None:
        names = [n for d in duties for n in (*d.responsible, d.recipient, d.via) if n]
        names += [n for task in plan.tasks for n in (*task.lead, *task.coordinating)]
        locality = _likeliest_locality(names, directory)
    warnings: list[str] = []
    ref = _matcher(directory, locality, warnings)
    issuer = ref(header.issuer) if header.issuer else None
    obligations = [_obligation(duty, ref) for duty in duties]
    warnings += conflicts(obligations)
    return DraftPlan(
        number=header.number,
        issued_on=header.issued_on,
        issuer=issuer,
        title=header.title,
        obligations=tuple(obligations),
        tasks=tuple(_task(task, ref) for task in plan.tasks),
        warnings=tuple(dict.fromkeys(warnings)),
        source=source,
        notes=tuple(notes),
    )


def conflicts(obligations: Sequence[DraftObligation]) -> list[str]:
    """One warning per flow (same units, same office it reaches, same kind) given two dates."""
    seen: dict[tuple[str, str], DraftObligation] = {}
    out: list[str] = []
    for obligation in obligations:
        if obligation.kind not in _DATED or obligation.due is None:
            continue
        office = obligation.via or obligation.recipient
        if office is None:
            continue
        key = (obligation.kind.value, office.code or fold_same_length(office.written))
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = obligation
            continue
        if earlier.due != obligation.due and _same_units(earlier, obligation):
            out.append(
                t.CONFLICTING_DATES.format(
                    office=office.written,
                    first=_shown(earlier.due),
                    second=_shown(obligation.due),
                    first_ref=earlier.ref or "—",
                    second_ref=obligation.ref or "—",
                )
            )
    return out


def _same_units(one: DraftObligation, other: DraftObligation) -> bool:
    """The same responsible units, or either names a group that may hold the other's."""
    mine = {u.code or u.written for u in one.responsible}
    theirs = {u.code or u.written for u in other.responsible}
    if not mine or not theirs or mine & theirs:
        return True
    return any(
        u.code is None or "các " in u.written.lower()
        for u in (*one.responsible, *other.responsible)
    )


def _shown(due: str | tuple[str, ...] | None) -> str:
    values = due if isinstance(due, tuple) else (due or "",)
    return ", ".join("/".join(reversed(v.split("-"))) for v in values)


def _obligation(duty: Duty, ref: Matcher) -> DraftObligation:
    return DraftObligation(
        quote=duty.quote,
        kind=duty.kind,
        due=duty.due,
        wording=duty.wording,
        responsible=tuple(ref(name) for name in duty.responsible),
        recipient=_recipient(duty, ref),
        via=ref(duty.via) if duty.via else None,
        ref=duty.ref,
        warnings=duty.warnings,
    )


def _task(task: TaskText, ref: Matcher) -> DraftTask:
    return DraftTask(
        ref=task.ref or None,
        section=task.section,
        text=task.text,
        timeline=task.timeline,
        lead=tuple(ref(name) for name in task.lead),
        coordinating=tuple(ref(name) for name in task.coordinating),
    )


def _matcher(directory: Sequence[UnitName], locality: str | None, warnings: list[str]) -> Matcher:
    """Match names among the plan's locality and the central units, each name once."""
    near = [u for u in directory if locality is None or u.locality in (locality, CENTRAL, None)]
    cache: dict[str, UnitRef] = {}

    def ref(written: str) -> UnitRef:
        if written not in cache:
            found = match_unit(written, near, locality=locality)
            weak = found.code is not None and found.strength is not MatchStrength.STRONG
            cache[written] = UnitRef(written, found.code, weak=weak)
            if found.warning:
                warnings.append(found.warning)
        return cache[written]

    return ref


def _recipient(duty: Duty, ref: Matcher) -> UnitRef | None:
    """Of several units a report goes to, the standing body of a committee ("Ban Thường vụ
    Thị ủy" over "Thị ủy"), else the first the directory knows, else the first written."""
    names = list(duty.recipients) or ([duty.recipient] if duty.recipient else [])
    if not names:
        return None
    folded = [fold_same_length(name) for name in names]
    specific = [
        name
        for name, key in zip(names, folded, strict=True)
        if any(other != key and key.endswith(" " + other) for other in folded)
    ]
    if specific:
        return ref(specific[0])
    known = [name for name in names if ref(name).code is not None]
    return ref((known or names)[0])


def _locality(code: str | None, directory: Sequence[UnitName]) -> str | None:
    return next((u.locality for u in directory if u.code == code and code), None)


def _likeliest_locality(names: Sequence[str], directory: Sequence[UnitName]) -> str | None:
    """The locality most of the plan's surely matched names belong to (the centre aside)."""
    counts: Counter[str] = Counter()
    for name in dict.fromkeys(names):
        found = match_unit(name, directory, locality=None)
        if found.strength is MatchStrength.STRONG:
            where = _locality(found.code, directory)
            if where and where != CENTRAL:
                counts[where] += 1
    return counts.most_common(1)[0][0] if counts else None


def _not_passed(duties: list[Duty], header: PlanHeader, text: str) -> list[Duty]:
    """A one-off day before a numbered document's own date, in a sentence that cites another
    document ("Tại công văn số 8014/VPCP ngày 09/10/2012 …, báo cáo trước ngày 30/11/2012"), is
    that document's deadline, recalled."""
    if header.issued_on is None or header.number is None:
        return duties
    floor = header.issued_on.isoformat()
    return [
        d
        for d in duties
        if not (
            d.kind is DutyKind.ONE_OFF
            and d.due
            and str(d.due) < floor
            and _recalls(fold_same_length(_sentence_of(d.quote, text)))
        )
    ]


def _recalls(sentence: str) -> bool:
    """Whether the sentence cites a document and asks nothing of its own after it ("Thực hiện
    Công văn số 1234/BNV …, UBND tỉnh đề nghị các sở … báo cáo … trước ngày 10/01" asks)."""
    cited = _CITES_A_DOCUMENT.search(sentence)
    return cited is not None and not _ASKS_AFTER.search(sentence, cited.end())


def _sentence_of(quote: str, text: str) -> str:
    """The whole sentence a quote stands in: a clause after "…;" still belongs to the citation
    that opens it."""
    at = text.find(quote)
    if at < 0:
        return quote
    start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at)) + 1
    return text[start : at + len(quote)]

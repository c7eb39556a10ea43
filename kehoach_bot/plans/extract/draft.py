"""What the extractor found in a plan, as plain data, and the two forms it is given in: the JSON
object of `extract --json` and a draft plan file in exactly the format the loader reads.

Nothing here guesses: a unit without a matched code, an undated or conflicting deadline, a weak
name match is carried as a warning; in the plan file it becomes a comment and the obligation's
`review_note`, so it is held for an admin (`/duyet`) until someone decides.
"""

from __future__ import annotations

import enum
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from kehoach_bot.domain.deadlines import Wording
from kehoach_bot.texts import extract_draft_vi as t
from kehoach_bot.texts import extract_vi as vi


class DutyKind(enum.StrEnum):
    """How often a reporting duty falls due, as the JSON names it."""

    ONE_OFF = "one_off"
    ANNUAL = "annual"
    SEMIANNUAL = "semiannual"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    AD_HOC = "ad_hoc"
    PERIODIC_UNDATED = "periodic_undated"


# The plan's own words for a deadline → the loader's wording.
WORDINGS: dict[str, Wording] = {
    "trước ngày": Wording.BEFORE,
    "trước": Wording.BEFORE,
    "chậm nhất": Wording.NO_LATER_THAN,
    "chậm nhất ngày": Wording.NO_LATER_THAN,
    "đến ngày": Wording.BY,
    "trong ngày": Wording.BY,
    "trong tháng": Wording.BY,
    "trong quý": Wording.BY,
    "trong": Wording.BY,
    "ngày": Wording.BY,
}
REPORT_KINDS = {DutyKind.ONE_OFF: "mot_lan", DutyKind.AD_HOC: "dot_xuat"}  # others: dinh_ky
_NEXT_PERIOD = re.compile(r"(quý|tháng)\s+(sau|tiếp theo|kế tiếp)|tháng đầu (của )?quý sau")
_DAY = re.compile(r"\d{1,2}")


@dataclass(frozen=True, slots=True)
class UnitRef:
    """A unit as the text writes it, and the directory's code when it matched."""

    written: str
    code: str | None = None
    weak: bool = False  # matched, but not surely: the admin confirms

    def to_json(self) -> dict[str, str | bool | None]:
        """The JSON form: the name as written, plus the code and how sure the match is."""
        return {"name": self.written, "code": self.code, "weak_match": self.weak}


@dataclass(frozen=True, slots=True)
class DraftObligation:
    """One reporting duty: one sentence × one frequency."""

    quote: str
    kind: DutyKind
    due: str | tuple[str, ...] | None  # "YYYY-MM-DD", "MM-DD", ("MM-DD", …) or a day rule
    wording: str | None  # as written: "trước ngày", "chậm nhất", …
    responsible: tuple[UnitRef, ...]
    recipient: UnitRef | None = None
    via: UnitRef | None = None
    ref: str = ""  # the section it stands in: "IV.2"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DraftTask:
    """A task with its lead and coordinating units and its timeline."""

    ref: str | None
    section: str
    text: str
    timeline: str | None
    lead: tuple[UnitRef, ...]
    coordinating: tuple[UnitRef, ...]


@dataclass(frozen=True, slots=True)
class DraftPlan:
    """Everything read from one plan's text."""

    number: str | None
    issued_on: date | None
    issuer: UnitRef | None
    title: str | None
    obligations: tuple[DraftObligation, ...]
    tasks: tuple[DraftTask, ...]
    warnings: tuple[str, ...] = ()
    source: str = ""  # the file's name
    notes: tuple[str, ...] = field(default=())  # how it was read: OCR, encoding


def to_json(plan: DraftPlan) -> dict[str, object]:
    """The object `extract --json` prints."""
    return {
        "plan": {
            "number": plan.number,
            "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
            "issuer": plan.issuer.written if plan.issuer else None,
            "issuer_code": plan.issuer.code if plan.issuer else None,
            "title": plan.title,
        },
        "obligations": [
            {
                "quote": o.quote,
                "kind": o.kind.value,
                "due": list(o.due) if isinstance(o.due, tuple) else o.due,
                "wording": o.wording,
                "responsible": [u.written for u in o.responsible],
                "recipient": o.recipient.written if o.recipient else None,
                "via": o.via.written if o.via else None,
                "responsible_units": [u.to_json() for u in o.responsible],
                "recipient_unit": o.recipient.to_json() if o.recipient else None,
                "via_unit": o.via.to_json() if o.via else None,
                "ref": o.ref or None,
                "warnings": list(o.warnings),
            }
            for o in plan.obligations
        ],
        "tasks": [
            {
                "ref": task.ref,
                "lead": [u.written for u in task.lead],
                "coordinating": [u.written for u in task.coordinating],
                "timeline": task.timeline,
                "lead_units": [u.to_json() for u in task.lead],
                "coordinating_units": [u.to_json() for u in task.coordinating],
            }
            for task in plan.tasks
        ],
        "warnings": list(plan.warnings) + [w for o in plan.obligations for w in o.warnings],
        "notes": list(plan.notes),
    }


def to_toml(
    plan: DraftPlan,
    *,
    code: str,
    locality: str,
    directories: tuple[str, ...],
    valid_from: date | None = None,
) -> str:
    """A plan file the loader reads once the admin has checked it; every doubt is a comment.

    `valid_from` (the day it is loaded) stands in when the text gives no date of its own."""
    lines = [t.HEADER.format(source=plan.source or t.UNKNOWN_SOURCE)]
    lines += [f"# {t.WARNING_MARK} {warning}" for warning in plan.warnings]
    lines += [f"# {note}" for note in plan.notes]
    lines += ["", f"code = {_text(code)}", f"number = {_text(plan.number or '')}"]
    lines.append(f"title = {_text(plan.title or t.NO_TITLE)}")
    if plan.issuer is not None and plan.issuer.code:
        lines.append(f"issuer = {_text(plan.issuer.code)}")
    elif plan.issuer is not None:
        lines.append(f"# {t.UNMATCHED.format(name=plan.issuer.written, field='issuer')}")
    if plan.issued_on is not None:
        lines.append(f"issued = {plan.issued_on.isoformat()}")
    written_from = plan.issued_on or _earliest(plan)
    if written_from is None:
        lines.append(f"# {t.NO_VALID_FROM}")
    valid_from = written_from or valid_from
    lines += [
        f"locality = {_text(locality)}",
        f"valid_from = {valid_from.isoformat()}" if valid_from else "valid_from = ",
        f"source = {_text(plan.source)}",
        f"directories = [{', '.join(_text(d) for d in directories)}]",
    ]
    taken: set[str] = set()
    for obligation in plan.obligations:
        lines += ["", *_obligation(obligation, taken)]
    for task in plan.tasks:
        lines += ["", *_task(task)]
    return "\n".join(lines) + "\n"


def _obligation(obligation: DraftObligation, taken: set[str]) -> list[str]:
    notes = list(obligation.warnings)
    schedule, schedule_notes = _schedule(obligation)
    notes += schedule_notes
    wording = _wording(obligation, schedule, notes)
    lines = ["[[obligations]]"]
    lines.append(f"code = {_text(_code(obligation, taken))}")
    lines.append(f"title = {_text(_title(obligation))}")
    lines.append(f"report_kind = {_text(REPORT_KINDS.get(obligation.kind, 'dinh_ky'))}")
    lines.append(f"schedule = {schedule}")
    lines.append(f"wording = {_text(wording.value)}")
    lines += _units("responsible", obligation.responsible, notes, many=True)
    for name, unit in (("recipient", obligation.recipient), ("via", obligation.via)):
        if unit is not None:
            lines += _units(name, (unit,), notes, many=False)
    lines.append(f"quote = {_text(obligation.quote)}")
    if notes:
        lines.append(f"review_note = {_text(' '.join(dict.fromkeys(notes)))}")
    return lines


def _task(task: DraftTask) -> list[str]:
    notes: list[str] = []
    lines = ["[[tasks]]", f"ref = {_text(task.ref or '')}", f"section = {_text(task.section)}"]
    lines.append(f"text = {_text(task.text)}")
    lines.append(f"timeline = {_text(task.timeline or '')}")
    lines += _units("lead", task.lead, notes, many=True)
    lines += _units("coordinating", task.coordinating, notes, many=True)
    return lines


def _units(name: str, units: tuple[UnitRef, ...], notes: list[str], *, many: bool) -> list[str]:
    """The codes of the matched units; a comment for each name that did not match surely."""
    lines: list[str] = []
    codes: list[str] = []
    for unit in units:
        if unit.code is None:
            lines.append(f"# {t.UNMATCHED.format(name=unit.written, field=name)}")
            notes.append(t.UNMATCHED_NOTE.format(name=unit.written))
            continue
        if unit.weak:
            lines.append(f"# {t.WEAK.format(name=unit.written, code=unit.code, field=name)}")
            notes.append(t.WEAK_NOTE.format(name=unit.written, code=unit.code))
        codes.append(unit.code)
    if many:
        lines.append(f"{name} = [{', '.join(_text(c) for c in codes)}]")
    elif codes:
        lines.append(f"{name} = {_text(codes[0])}")
    return lines


def _schedule(obligation: DraftObligation) -> tuple[str, list[str]]:
    """The loader's schedule for the duty's kind and due; undated with a note when it has none."""
    kind, due = obligation.kind, obligation.due
    if kind is DutyKind.AD_HOC:
        return '{ type = "ad_hoc" }', []
    if kind is DutyKind.ONE_OFF and isinstance(due, str) and _is_day(due):
        return f'{{ type = "one_off", date = {due} }}', []
    if kind is DutyKind.ANNUAL and isinstance(due, str) and _month_day(due):
        month, day = _month_day(due) or (0, 0)
        return f'{{ type = "yearly", month = {month}, day = {day} }}', []
    if kind is DutyKind.SEMIANNUAL and due:
        halves = [_month_day(d) for d in ((due,) if isinstance(due, str) else due)]
        found = [h for h in halves if h is not None]
        if found:
            months = [m for m, d in found if d == found[0][1]]
            notes = [] if len(months) == len(found) else [t.HALVES_DIFFER]
            listed = ", ".join(str(m) for m in months)
            return f'{{ type = "half_yearly", months = [{listed}], day = {found[0][1]} }}', notes
    if kind in (DutyKind.QUARTERLY, DutyKind.MONTHLY) and isinstance(due, str):
        number = _DAY.search(due)
        if number is not None and 1 <= int(number.group()) <= 31:
            offset = 1 if _NEXT_PERIOD.search(due.lower()) else 0
            kind_name = "quarterly" if kind is DutyKind.QUARTERLY else "monthly"
            day = int(number.group())
            return f'{{ type = "{kind_name}", day = {day}, offset_months = {offset} }}', []
    if kind is DutyKind.PERIODIC_UNDATED:
        note = t.UNDATED_NOTE
    elif due is None and kind.value in vi.FREQUENCY_WORDS:
        note = vi.FREQUENCY_UNDATED_NOTE.format(kind=vi.FREQUENCY_WORDS[kind.value])
    else:
        note = t.DUE_UNREADABLE_NOTE
    return '{ type = "undated" }', [note]


def _wording(obligation: DraftObligation, schedule: str, notes: list[str]) -> Wording:
    if '"undated"' in schedule or '"ad_hoc"' in schedule:
        return Wording.AS_REGULATED if '"undated"' in schedule else Wording.BY
    written = (obligation.wording or "").strip().lower()
    if written in WORDINGS:
        return WORDINGS[written]
    notes.append(t.WORDING_GUESSED)
    return Wording.BY


def _title(obligation: DraftObligation) -> str:
    frequency = t.FREQUENCY[obligation.kind.value]
    to = obligation.recipient.written if obligation.recipient else None
    return (
        t.TITLE_TO.format(frequency=frequency, to=to) if to else t.TITLE.format(frequency=frequency)
    )


def _code(obligation: DraftObligation, taken: set[str]) -> str:
    """A short, unique, accent-free code: "bao-cao-hang-nam-so-y-te"."""
    words = _slug(_title(obligation))[:48].strip("-") or "bao-cao"
    code, number = words, 2
    while code in taken:
        code, number = f"{words}-{number}", number + 1
    taken.add(code)
    return code


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in folded if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _earliest(plan: DraftPlan) -> date | None:
    days = [
        date.fromisoformat(o.due)
        for o in plan.obligations
        if isinstance(o.due, str) and _is_day(o.due)
    ]
    return min(days) if days else None


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _month_day(text: str) -> tuple[int, int] | None:
    found = re.fullmatch(r"(\d{2})-(\d{2})", text)
    if found is None:
        return None
    month, day = int(found.group(1)), int(found.group(2))
    try:
        date(2024, month, day)  # a leap year: 29/02 may be a yearly date
    except ValueError:
        return None
    return month, day


def _text(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)

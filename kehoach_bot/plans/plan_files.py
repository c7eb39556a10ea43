"""The plan file format: specs of a plan, its tasks and obligations, and parsing one plan TOML."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kehoach_bot.domain.deadlines import Wording
from kehoach_bot.domain.schedules import Schedule, ScheduleError, ScheduleType, schedule_from_dict
from kehoach_bot.plans.reading import FieldReader, PlanFileError, read_toml
from kehoach_bot.plans.unit_directories import UnitSpec, read_units
from kehoach_bot.texts import plans_vi as t

# Report kind code -> Vietnamese name; the codes are what a file may write as `report_kind`.
REPORT_KINDS = t.REPORT_KINDS
MAX_LEAD_DAYS = 60


@dataclass(frozen=True, slots=True)
class TaskSpec:
    """A task (nhiệm vụ) with its lead (chủ trì) and coordinating (phối hợp) units."""

    ref: str
    section: str
    text: str
    timeline: str
    lead: tuple[str, ...]
    coordinating: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ObligationSpec:
    """A reporting obligation as the plan states it."""

    code: str
    title: str
    report_kind: str
    schedule: Schedule
    wording: Wording
    responsible: tuple[str, ...]
    recipient: str | None
    via: str | None
    also_to: tuple[str, ...]
    quote: str
    valid_from: date | None = None
    valid_to: date | None = None
    lead_days: tuple[int, ...] | None = None
    review_note: str = ""


@dataclass(frozen=True, slots=True)
class PlanSpec:
    """A whole plan file."""

    code: str
    number: str
    title: str
    issuer: str | None
    issued: date | None
    locality: str
    valid_from: date
    valid_to: date | None
    source: str
    directories: tuple[str, ...]
    units: tuple[UnitSpec, ...]
    tasks: tuple[TaskSpec, ...]
    obligations: tuple[ObligationSpec, ...]
    origin: str = ""  # the file it was read from
    tracked_from: date | None = None  # theo dõi từ; by default the day it is first loaded
    content: str = field(repr=False, default="")

    @property
    def content_hash(self) -> str:
        """SHA-256 of the file's text: equal hashes mean nothing to reload."""
        return hashlib.sha256(self.content.encode("utf-8")).hexdigest()

    def referenced_units(self) -> list[tuple[str, str]]:
        """Every (where, unit code) the plan refers to, for validation against known units."""
        refs: list[tuple[str, str]] = []
        if self.issuer:
            refs.append(("issuer", self.issuer))
        for i, task in enumerate(self.tasks, start=1):
            refs += [(f"tasks[{i}].lead", c) for c in task.lead]
            refs += [(f"tasks[{i}].coordinating", c) for c in task.coordinating]
        for i, ob in enumerate(self.obligations, start=1):
            refs += [(f"obligations[{i}].responsible", c) for c in ob.responsible]
            refs += [(f"obligations[{i}].also_to", c) for c in ob.also_to]
            refs += [
                (f"obligations[{i}].{k}", c)
                for k, c in (("recipient", ob.recipient), ("via", ob.via))
                if c
            ]
        return refs


def parse_plan(text: str, source: str) -> PlanSpec:
    """Parse and check one plan file; raise PlanFileError listing every problem."""
    data = read_toml(text, source)
    problems: list[str] = []
    r = FieldReader(data, "", problems)
    code = r.text("code")
    if code and not all(ch.isalnum() or ch in "-_" for ch in code):
        r.fail("code", t.BAD_PLAN_CODE)
    locality = r.text("locality")
    valid_from, valid_to = r.day("valid_from", required=True), r.day("valid_to")
    if valid_from and valid_to and valid_from > valid_to:
        r.fail("valid_to", t.PLAN_ENDS_BEFORE_START)
    directories = data.get("directories", [])
    if not isinstance(directories, list) or not all(isinstance(d, str) for d in directories):
        r.fail("directories", t.NOT_DIRECTORY_NAMES)
        directories = []
    tasks = [_task(raw, f"tasks[{i}]", problems) for i, raw in enumerate(r.tables("tasks"), 1)]
    obligations = [
        _obligation(raw, f"obligations[{i}]", problems)
        for i, raw in enumerate(r.tables("obligations"), 1)
    ]
    if not data.get("obligations"):
        r.fail("obligations", t.NO_OBLIGATION)
    _no_duplicates([task.ref for task in tasks if task], "tasks.ref", problems)
    _no_duplicates([ob.code for ob in obligations if ob], "obligations.code", problems)
    spec = PlanSpec(
        code=code,
        number=r.text("number", required=False),
        title=r.text("title"),
        issuer=r.optional_text("issuer"),
        issued=r.day("issued"),
        locality=locality,
        valid_from=valid_from or date.min,
        valid_to=valid_to,
        tracked_from=r.day("tracked_from"),
        source=r.text("source", required=False),
        directories=tuple(directories),
        units=tuple(read_units(data, locality, problems)),
        tasks=tuple(task for task in tasks if task),
        obligations=tuple(ob for ob in obligations if ob),
        origin=source,
        content=text,
    )
    if problems:
        raise PlanFileError(source, problems)
    return spec


def _task(raw: dict[str, Any], where: str, problems: list[str]) -> TaskSpec | None:
    r = FieldReader(raw, where, problems)
    before = len(problems)
    spec = TaskSpec(
        ref=r.text("ref"),
        section=r.text("section", required=False),
        text=r.text("text"),
        timeline=r.text("timeline", required=False),
        lead=r.codes("lead"),
        coordinating=r.codes("coordinating"),
    )
    return spec if len(problems) == before else None


def _obligation(raw: dict[str, Any], where: str, problems: list[str]) -> ObligationSpec | None:
    r = FieldReader(raw, where, problems)
    before = len(problems)
    report_kind = r.text("report_kind")
    if report_kind and report_kind not in REPORT_KINDS:
        r.fail(
            "report_kind", t.BAD_CHOICE.format(value=report_kind, choices=", ".join(REPORT_KINDS))
        )
    wording = _wording(r)
    schedule = _schedule(raw.get("schedule"), r)
    if schedule and wording:
        if schedule.is_dated and wording is Wording.AS_REGULATED:
            r.fail("wording", t.DATED_NEEDS_DATED_WORDING)
        if schedule.type is ScheduleType.UNDATED and wording is not Wording.AS_REGULATED:
            r.fail("wording", t.UNDATED_NEEDS_AS_REGULATED)
    lead_days = _lead_days(raw.get("lead_days"), r)
    valid_from, valid_to = r.day("valid_from"), r.day("valid_to")
    if valid_from and valid_to and valid_from > valid_to:
        r.fail("valid_to", t.OBLIGATION_ENDS_BEFORE_START)
    spec = ObligationSpec(
        code=r.text("code"),
        title=r.text("title"),
        report_kind=report_kind,
        schedule=schedule or Schedule(ScheduleType.UNDATED),
        wording=wording or Wording.AS_REGULATED,
        responsible=r.codes("responsible", required=True),
        recipient=r.optional_text("recipient"),
        via=r.optional_text("via"),
        also_to=r.codes("also_to"),
        quote=r.text("quote"),
        valid_from=valid_from,
        valid_to=valid_to,
        lead_days=lead_days,
        review_note=r.text("review_note", required=False),
    )
    return spec if len(problems) == before else None


def _wording(r: FieldReader) -> Wording | None:
    raw = r.text("wording")
    if not raw:
        return None
    try:
        return Wording(raw)
    except ValueError:
        choices = ", ".join(w.value for w in Wording)
        r.fail("wording", t.BAD_CHOICE.format(value=raw, choices=choices))
        return None


def _schedule(raw: Any, r: FieldReader) -> Schedule | None:
    if not isinstance(raw, dict):
        r.fail("schedule", t.NOT_SCHEDULE)
        return None
    try:
        return schedule_from_dict(raw)
    except (ScheduleError, ValueError, TypeError) as exc:
        r.fail("schedule", str(exc))
        return None


def _lead_days(raw: Any, r: FieldReader) -> tuple[int, ...] | None:
    if raw is None:
        return None
    if not isinstance(raw, list) or not all(
        isinstance(d, int) and 0 <= d <= MAX_LEAD_DAYS for d in raw
    ):
        r.fail("lead_days", t.BAD_LEAD_DAYS.format(max_days=MAX_LEAD_DAYS))
        return None
    return tuple(raw)


def _no_duplicates(values: list[str], where: str, problems: list[str]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            problem = t.DUPLICATE.format(value=value)
            problems.append(t.FIELD_PROBLEM.format(field=where, problem=problem))
        seen.add(value)

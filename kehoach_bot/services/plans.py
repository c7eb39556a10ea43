"""Load plan files into the database: validate everything first, then write in one transaction.

Loading is idempotent: a file whose text did not change is skipped; a changed file updates the plan,
keeps the previous text as a revision, deactivates obligations it no longer lists (their history
stays) and re-synchronises occurrences.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session, col, delete, select

from kehoach_bot.db.models import (
    GroupMember,
    Obligation,
    ObligationUnit,
    Plan,
    PlanRevision,
    Succession,
    Task,
    TaskUnit,
    Unit,
)
from kehoach_bot.domain.deadlines import DeadlinePolicy
from kehoach_bot.plans.bundled import bundled_directory
from kehoach_bot.plans.plan_files import ObligationSpec, PlanSpec, parse_plan
from kehoach_bot.plans.reading import PlanFileError
from kehoach_bot.plans.unit_directories import UnitSpec, parse_units_directory
from kehoach_bot.services import audit
from kehoach_bot.services.decisions import EndedOffice, ended_offices
from kehoach_bot.services.occurrences import SyncReport, sync_occurrences
from kehoach_bot.services.review import standing_decisions
from kehoach_bot.services.units import import_units
from kehoach_bot.texts import errors_vi as t


class PlanFilesError(Exception):
    """One or more plan files cannot be loaded; nothing was written."""

    def __init__(self, errors: list[PlanFileError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


@dataclass(slots=True)
class LoadResult:
    """The outcome for one plan file."""

    code: str
    source: str
    status: str  # created, updated, unchanged
    version: int
    obligations: int
    tasks: int
    sync: SyncReport = field(default_factory=SyncReport)


def parse_sources(
    session: Session, sources: list[tuple[str, str]]
) -> tuple[list[PlanSpec], list[UnitSpec]]:
    """Parse and cross-check plan files against known units; raise PlanFilesError on any problem."""
    errors: list[PlanFileError] = []
    specs: list[PlanSpec] = []
    for name, text in sources:
        try:
            specs.append(parse_plan(text, name))
        except PlanFileError as exc:
            errors.append(exc)
    seen_codes: dict[str, str] = {}
    for spec in specs:
        if spec.code in seen_codes:
            errors.append(
                PlanFileError(
                    spec.origin,
                    [t.PLAN_CODE_DUPLICATE.format(code=spec.code, other=seen_codes[spec.code])],
                )
            )
        seen_codes[spec.code] = spec.origin
    directory_units: dict[str, UnitSpec] = {}
    for spec in specs:
        problems: list[str] = []
        for locality in spec.directories:
            found = bundled_directory(locality)
            if found is None:
                problems.append(t.DIRECTORY_NOT_FOUND.format(locality=locality))
                continue
            try:
                _, units = parse_units_directory(found[1], found[0])
            except PlanFileError as exc:
                errors.append(exc)
                continue
            directory_units.update((u.code, u) for u in units)
        if problems:
            errors.append(PlanFileError(spec.origin, problems))
    all_units = dict(directory_units)
    for spec in specs:
        all_units.update((u.code, u) for u in spec.units)
    known = set(session.exec(select(Unit.code)).all()) | set(all_units)
    for spec in specs:
        problems = [
            t.REFERENCED_UNIT_NOT_FOUND.format(where=where, code=code)
            for where, code in spec.referenced_units()
            if code not in known
        ]
        for unit in spec.units:
            refs = [*unit.members, *unit.successors, *([unit.parent] if unit.parent else [])]
            problems += [
                t.UNIT_REFERENCE_NOT_FOUND.format(unit=unit.code, code=c)
                for c in refs
                if c not in known
            ]
        if problems:
            errors.append(PlanFileError(spec.origin, problems))
    if errors:
        raise PlanFilesError(errors)
    return specs, list(all_units.values())


def load_plans(
    session: Session,
    sources: list[tuple[str, str]],
    *,
    actor: str,
    now: datetime,
    today: date,
    policy: DeadlinePolicy,
    until: date,
) -> list[LoadResult]:
    """Validate, then load plan files given as (name, text) in the caller's transaction;
    `today` (local) is the "theo dõi từ" of a plan loaded for the first time."""
    specs, units = parse_sources(session, sources)
    before = _unit_graph_state(session)
    import_units(session, units, now=now)
    # A shipped directory that adds group members or records an ending changes who owes what
    # even when no plan file changed: every obligation is brought in line once.
    if _unit_graph_state(session) != before:
        sync_occurrences(session, policy=policy, until=until, now=now)
    codes = {u.code: u.id for u in session.exec(select(Unit)).all()}
    results = []
    for spec in specs:
        result = _upsert_plan(session, spec, codes, actor=actor, now=now, today=today)
        if result.status != "unchanged":
            obligation_ids = session.exec(
                select(Obligation.id).join(Plan).where(Plan.code == spec.code)
            ).all()
            result.sync = sync_occurrences(
                session,
                policy=policy,
                until=until,
                now=now,
                obligation_ids=[i for i in obligation_ids if i is not None],
            )
        results.append(result)
    return results


def _unit_graph_state(session: Session) -> tuple[object, ...]:
    """Group members, endings and successions: what occurrence generation follows."""
    return (
        set(session.exec(select(GroupMember.group_id, GroupMember.member_id)).all()),
        set(session.execute(select(col(Unit.id), col(Unit.active), col(Unit.ended_on))).all()),
        set(session.exec(select(Succession.id)).all()),
    )


def _upsert_plan(
    session: Session,
    spec: PlanSpec,
    codes: dict[str, int | None],
    *,
    actor: str,
    now: datetime,
    today: date,
) -> LoadResult:
    plan = session.exec(select(Plan).where(Plan.code == spec.code)).first()
    n_obligations, n_tasks = len(spec.obligations), len(spec.tasks)
    if plan is not None and plan.content_hash == spec.content_hash:
        return LoadResult(spec.code, spec.origin, "unchanged", plan.version, n_obligations, n_tasks)
    status = "created" if plan is None else "updated"
    before = None if plan is None else {"version": plan.version, "hash": plan.content_hash}
    if plan is None:
        plan = Plan(code=spec.code, title=spec.title, version=0)
    plan.number, plan.title = spec.number, spec.title
    plan.issuer_id = codes[spec.issuer] if spec.issuer else None
    plan.issued_on, plan.locality = spec.issued, spec.locality
    plan.valid_from, plan.valid_to = spec.valid_from, spec.valid_to
    # A reload keeps the date an admin set; a file that gives one says so explicitly.
    plan.tracked_from = spec.tracked_from or plan.tracked_from or today
    plan.source_file, plan.content_hash = spec.source, spec.content_hash
    plan.version += 1
    plan.loaded_at = now
    session.add(plan)
    session.flush()
    assert plan.id is not None
    session.add(
        PlanRevision(
            plan_id=plan.id,
            version=plan.version,
            content_hash=spec.content_hash,
            content=spec.content,
            loaded_by=actor,
            loaded_at=now,
        )
    )
    _replace_tasks(session, plan.id, spec, codes)
    _upsert_obligations(session, plan.id, spec.obligations, codes)
    audit.record(
        session,
        actor=actor,
        action="load_plan",
        entity="plan",
        entity_id=spec.code,
        before=before,
        after={"version": plan.version, "hash": spec.content_hash, "source": spec.source},
        now=now,
    )
    return LoadResult(spec.code, spec.origin, status, plan.version, n_obligations, n_tasks)


def _replace_tasks(
    session: Session, plan_id: int, spec: PlanSpec, codes: dict[str, int | None]
) -> None:
    old_ids = session.exec(select(Task.id).where(Task.plan_id == plan_id)).all()
    if old_ids:
        session.exec(delete(TaskUnit).where(col(TaskUnit.task_id).in_(old_ids)))
        session.exec(delete(Task).where(col(Task.plan_id) == plan_id))
    for task_spec in spec.tasks:
        task = Task(
            plan_id=plan_id, ref=task_spec.ref, text=task_spec.text, timeline=task_spec.timeline
        )
        if task_spec.section:
            task.text = f"{task_spec.section}: {task_spec.text}"
        session.add(task)
        session.flush()
        assert task.id is not None
        for role, unit_codes in (
            ("lead", task_spec.lead),
            ("coordinating", task_spec.coordinating),
        ):
            for code in dict.fromkeys(unit_codes):
                unit_id = codes[code]
                assert unit_id is not None
                session.add(TaskUnit(task_id=task.id, unit_id=unit_id, role=role))


def _upsert_obligations(
    session: Session,
    plan_id: int,
    specs: tuple[ObligationSpec, ...],
    codes: dict[str, int | None],
) -> None:
    existing = {
        o.code: o
        for o in session.exec(select(Obligation).where(Obligation.plan_id == plan_id)).all()
    }
    decided = standing_decisions(session, [o.id for o in existing.values() if o.id is not None])
    for spec in specs:
        obligation = existing.pop(spec.code, None) or Obligation(
            plan_id=plan_id,
            code=spec.code,
            title="",
            report_kind="",
            schedule={},
            wording="",
            quote="",
        )
        obligation.title, obligation.report_kind = spec.title, spec.report_kind
        obligation.schedule = spec.schedule.to_dict()
        obligation.wording = spec.wording.value
        obligation.recipient_id = codes[spec.recipient] if spec.recipient else None
        obligation.via_id = codes[spec.via] if spec.via else None
        obligation.quote = spec.quote
        obligation.valid_from, obligation.valid_to = spec.valid_from, spec.valid_to
        obligation.lead_days = list(spec.lead_days) if spec.lead_days is not None else None
        obligation.review_note = spec.review_note
        obligation.needs_review = bool(spec.review_note)
        obligation.active = True
        # An admin's review decision (/duyet) stands while the file's note is the one decided on.
        decision = decided.get(obligation.id or 0)
        if decision is not None and decision.note == spec.review_note:
            obligation.needs_review, obligation.active = False, decision.keeps
        session.add(obligation)
        session.flush()
        session.exec(
            delete(ObligationUnit).where(col(ObligationUnit.obligation_id) == obligation.id)
        )
        for role, unit_codes in (("responsible", spec.responsible), ("recipient", spec.also_to)):
            for code in dict.fromkeys(unit_codes):
                unit_id = codes[code]
                assert unit_id is not None and obligation.id is not None
                session.add(ObligationUnit(obligation_id=obligation.id, unit_id=unit_id, role=role))
    for gone in existing.values():
        gone.active = False
    session.flush()


@dataclass(frozen=True, slots=True)
class PlanView:
    """A plan as listings show it."""

    code: str
    number: str
    title: str
    issuer: str | None
    issued_on: str | None
    valid_from: str | None
    valid_to: str | None
    version: int
    source_file: str
    obligations: int
    tasks: int
    tracked_from: str | None = None
    # cần quyết định: issuer, recipient or "qua" office ended with no successor
    needs_decision: list[EndedOffice] = field(default_factory=list)


def list_plans(session: Session) -> list[PlanView]:
    """Every plan with the number of its active obligations and of its tasks."""
    obligations = Counter(
        session.exec(select(Obligation.plan_id).where(col(Obligation.active).is_(True))).all()
    )
    tasks = Counter(session.exec(select(Task.plan_id)).all())
    codes = {u.id: u.code for u in session.exec(select(Unit)).all()}
    ended = ended_offices(session)
    return [
        PlanView(
            code=p.code,
            number=p.number,
            title=p.title,
            issuer=codes.get(p.issuer_id) if p.issuer_id else None,
            issued_on=p.issued_on.isoformat() if p.issued_on else None,
            valid_from=p.valid_from.isoformat() if p.valid_from else None,
            valid_to=p.valid_to.isoformat() if p.valid_to else None,
            version=p.version,
            source_file=p.source_file,
            obligations=obligations[p.id or 0],
            tasks=tasks[p.id or 0],
            tracked_from=p.tracked_from.isoformat() if p.tracked_from else None,
            needs_decision=[e for e in ended if e.plan == p.code],
        )
        for p in session.exec(select(Plan).order_by(col(Plan.code))).all()
    ]

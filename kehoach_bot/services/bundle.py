"""The files submitted for one period of a plan, named for the zip, and the reports without a file.

Read in one transaction; `kehoach_bot/exports/bundle_zip.py` writes the zip and its index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session, col, select

from kehoach_bot.db.models import Obligation, Occurrence, Plan, Reply, Unit
from kehoach_bot.domain.file_names import bundle_name, numbered
from kehoach_bot.domain.status import Status
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import exports, names
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.names import PersonName
from kehoach_bot.services.tracking import OccurrenceView, to_view, view_query
from kehoach_bot.texts import bundle_vi as t
from kehoach_bot.texts import exports_vi


@dataclass(frozen=True, slots=True)
class BundledFile:
    """One submitted file: whose, for which report, where it lies and its name in the zip."""

    zip_name: str
    unit: str
    unit_name: str
    report: str
    period: str
    period_key: str
    file_name: str  # as it was sent
    path: Path | None  # absolute, under the data folder; None if the stored path leads out
    size: int | None
    sha256: str | None
    submitted_at: datetime  # local time of this file's reply
    submitted_by: str  # the person's name, "" when unknown
    status: Status  # of the report (the occurrence), as the table shows it
    replaced: bool  # a later file was sent for the same report


@dataclass(frozen=True, slots=True)
class WithoutFile:
    """A unit's report of the period for which no file was sent."""

    unit: str
    unit_name: str
    report: str
    period: str
    status: Status


@dataclass(frozen=True, slots=True)
class PlanFiles:
    """The files of one period of a plan, in zip order, and the reports that came without one."""

    plan: str
    plan_title: str
    period: str
    period_key: str
    today: date
    files: tuple[BundledFile, ...]
    without_file: tuple[WithoutFile, ...]


def plan_files(runtime: Runtime, *, plan_code: str, period: str) -> PlanFiles:
    """The submitted files of one period of a plan (command line: no permission asked)."""
    with runtime.transaction() as session:
        return _files(runtime, session, exports.find_plan(session, plan_code), period)


def coordinated_files(runtime: Runtime, *, user_id: int, plan_code: str, period: str) -> PlanFiles:
    """The submitted files of a period of a plan the person coordinates (any plan for an admin)."""
    with runtime.transaction() as session:
        return files_in(session, runtime, user_id=user_id, plan_code=plan_code, period=period)


def files_in(
    session: Session,
    runtime: Runtime,
    *,
    user_id: int,
    plan_code: str,
    period: str,
    refusal: str = t.NOT_YOUR_PLAN,
) -> PlanFiles:
    """`coordinated_files` inside the caller's transaction (the board checks its session in
    the same one)."""
    plan = exports.coordinated_plan(
        session, runtime, user_id=user_id, plan_code=plan_code, refusal=refusal
    )
    return _files(runtime, session, plan, period)


def _files(runtime: Runtime, session: Session, plan: Plan, period: str) -> PlanFiles:
    today = runtime.today()
    key = exports.period_key_of(session, plan, period)
    found = session.exec(
        view_query()
        .where(
            col(Plan.id) == plan.id,
            col(Occurrence.state).in_(exports.EXPORTED_STATES),
            col(Occurrence.period_key) == key,
        )
        .order_by(col(Unit.code), col(Obligation.code), col(Occurrence.id))
    ).all()
    views = [to_view(row, today) for row in found]
    if not views:
        raise InvalidInput(exports_vi.NO_ROWS.format(plan=plan.code))
    replies = _file_replies(session, [v.id for v in views])
    people = names.by_person_id(session, [r.person_id for r in replies if r.person_id is not None])
    by_occurrence: dict[int, list[Reply]] = {}
    for reply in replies:
        by_occurrence.setdefault(reply.occurrence_id, []).append(reply)
    data_dir = runtime.settings.data_dir.resolve()
    taken: set[str] = set()
    files: list[BundledFile] = []
    without: list[WithoutFile] = []
    for view in views:
        sent = by_occurrence.get(view.id, [])
        if not sent:
            without.append(
                WithoutFile(view.unit, view.unit_name, view.title, view.period, view.status)
            )
        for index, reply in enumerate(sent):
            person = people.get(reply.person_id) if reply.person_id is not None else None
            files.append(
                _bundled(runtime, view, reply, data_dir, taken, person, index < len(sent) - 1)
            )
    if not files:
        raise InvalidInput(t.NO_FILES.format(plan=plan.code, period=views[0].period))
    return PlanFiles(
        plan=plan.code,
        plan_title=plan.title,
        period=views[0].period,
        period_key=key,
        today=today,
        files=tuple(files),
        without_file=tuple(without),
    )


def _file_replies(session: Session, occurrence_ids: Sequence[int]) -> list[Reply]:
    """The replies that came with a file, oldest first: the first keeps the plain name."""
    return list(
        session.exec(
            select(Reply)
            .where(col(Reply.occurrence_id).in_(occurrence_ids), col(Reply.file_path).is_not(None))
            .order_by(col(Reply.id))
        ).all()
    )


def _bundled(
    runtime: Runtime,
    view: OccurrenceView,
    reply: Reply,
    data_dir: Path,
    taken: set[str],
    person: PersonName | None,
    replaced: bool,
) -> BundledFile:
    file_name = reply.file_name or ""
    return BundledFile(
        zip_name=numbered(bundle_name(view.unit, view.title, view.period, file_name), taken),
        unit=view.unit,
        unit_name=view.unit_name,
        report=view.title,
        period=view.period,
        period_key=view.period_key,
        file_name=file_name,
        path=_stored_path(data_dir, reply.file_path or ""),
        size=reply.file_size,
        sha256=reply.file_sha256,
        submitted_at=reply.created_at.astimezone(runtime.settings.tz),
        submitted_by=person.name if person is not None else "",
        status=view.status,
        replaced=replaced,
    )


def _stored_path(data_dir: Path, relative: str) -> Path | None:
    """Where a stored file lies; a path leading out of the data folder is never followed."""
    path = (data_dir / relative).resolve()
    return path if path.is_relative_to(data_dir) and relative else None

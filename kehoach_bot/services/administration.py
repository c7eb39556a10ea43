"""An admin's actions, one transaction each: invites, plans, revocation, the audit log, and the
edits that are previewed first (an obligation's field, a plan file, a merger or split) and saved
with «Lưu». A preview runs the real change in a transaction that is rolled back.

Every action checks on the server that the person is an admin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlmodel import Session, select

from kehoach_bot.db.models import Person
from kehoach_bot.domain.roles import Role
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import (
    audit_story,
    group_status,
    obligations,
    people,
    plan_tracking,
    succession,
    units,
)
from kehoach_bot.services.audit_story import StoryEntry
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.group_status import UnfilledGroup
from kehoach_bot.services.obligations import Field, ObligationSummary, ProposedChange
from kehoach_bot.services.occurrences import SyncReport
from kehoach_bot.services.people import IssuedInvite
from kehoach_bot.services.plans import LoadResult, PlanView, list_plans, load_plans
from kehoach_bot.services.review import Choice, ReviewList, ReviewOutcome, decide, flagged
from kehoach_bot.services.succession import SuccessionResult, UndoResult

T = TypeVar("T")


def _as_admin(runtime: Runtime, user_id: int, work: Callable[[Session, str], T]) -> T:
    with runtime.transaction() as session:
        return work(session, people.require_admin(runtime, session, user_id))


def _preview(runtime: Runtime, user_id: int, work: Callable[[Session, str], T]) -> T:
    with runtime.rolled_back() as session:
        return work(session, people.require_admin(runtime, session, user_id))


def invite(
    runtime: Runtime, *, user_id: int, unit_code: str, role: Role, hours: int
) -> IssuedInvite:
    """/moi: a one-time invite link for a unit and role."""
    return _as_admin(
        runtime,
        user_id,
        lambda s, actor: people.issue_invite(
            s, unit_code=unit_code, role=role, hours=hours, actor=actor, now=runtime.now()
        ),
    )


def plans(runtime: Runtime, *, user_id: int) -> list[PlanView]:
    """/kehoach: the plans."""
    return _as_admin(runtime, user_id, lambda s, _: list_plans(s))


def plans_overview(runtime: Runtime, *, user_id: int) -> tuple[list[PlanView], list[UnfilledGroup]]:
    """/kehoach: the plans, and the obligations whose group has no members yet."""
    return _as_admin(
        runtime, user_id, lambda s, _: (list_plans(s), group_status.unfilled_groups(s))
    )


@dataclass(frozen=True, slots=True)
class Revoked:
    """How many memberships of whom were ended."""

    count: int
    full_name: str


def revoke(runtime: Runtime, *, user_id: int, telegram_user_id: int) -> Revoked:
    """/thuhoi: end every membership of a person; how many were ended, and the person's name."""

    def run(session: Session, actor: str) -> Revoked:
        count = people.revoke(
            session, telegram_user_id=telegram_user_id, actor=actor, now=runtime.now()
        )
        name = session.exec(
            select(Person.full_name).where(Person.telegram_user_id == telegram_user_id)
        ).one()
        return Revoked(count, name)

    return _as_admin(runtime, user_id, run)


def audit_log(runtime: Runtime, *, user_id: int) -> list[StoryEntry]:
    """/nhatky: the latest changes, with people, units and reports named."""
    admins = runtime.settings.telegram.admins
    return _as_admin(runtime, user_id, lambda s, _: audit_story.story(s, admins=admins))


def plan_obligations(runtime: Runtime, *, user_id: int, plan_code: str) -> list[ObligationSummary]:
    """/nghiavu: a plan's obligations with their codes."""
    return _as_admin(runtime, user_id, lambda s, _: obligations.list_obligations(s, plan_code))


def find_obligation(
    runtime: Runtime, *, user_id: int, plan_code: str, code: str
) -> ObligationSummary:
    """/sua: one obligation by plan and obligation codes."""
    return _as_admin(runtime, user_id, lambda s, _: obligations.find_obligation(s, plan_code, code))


def obligation(runtime: Runtime, *, user_id: int, obligation_id: int) -> ObligationSummary:
    """One obligation by id (the field buttons of /sua)."""
    return _as_admin(runtime, user_id, lambda s, _: obligations.get_obligation(s, obligation_id))


def propose_change(
    runtime: Runtime, *, user_id: int, obligation_id: int, field: Field, text: str
) -> ProposedChange:
    """Check a typed value for a field; nothing is written."""
    return _as_admin(
        runtime, user_id, lambda s, _: obligations.propose_change(s, obligation_id, field, text)
    )


def save_change(runtime: Runtime, *, user_id: int, change: ProposedChange) -> SyncReport:
    """Save a previewed change to an obligation, audited, occurrences brought in line."""
    now = runtime.now()
    return _as_admin(
        runtime,
        user_id,
        lambda s, actor: obligations.apply_change(
            s,
            change,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        ),
    )


def _load(runtime: Runtime, name: str, text: str) -> Callable[[Session, str], LoadResult]:
    now = runtime.now()

    def work(session: Session, actor: str) -> LoadResult:
        return load_plans(
            session,
            [(name, text)],
            actor=actor,
            now=now,
            today=now.astimezone(runtime.settings.tz).date(),
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        )[0]

    return work


def preview_plan_file(runtime: Runtime, *, user_id: int, name: str, text: str) -> LoadResult:
    """What loading a plan file would change (PlanFilesError when it is not valid)."""
    return _preview(runtime, user_id, _load(runtime, name, text))


def load_plan_file(runtime: Runtime, *, user_id: int, name: str, text: str) -> LoadResult:
    """Load a previewed plan file."""
    return _as_admin(runtime, user_id, _load(runtime, name, text))


def add_unit(
    runtime: Runtime, *, user_id: int, code: str, kind: str, locality: str, name: str
) -> tuple[str, str]:
    """/themdonvi: a new unit; (code, name)."""
    now = runtime.now()

    def work(session: Session, actor: str) -> tuple[str, str]:
        unit = units.add_unit(
            session,
            code=code,
            kind=kind,
            locality=locality,
            name=name,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        )
        return unit.code, unit.name

    return _as_admin(runtime, user_id, work)


def may_add_unit(runtime: Runtime, *, user_id: int) -> None:
    """/themdonvi without arguments: Forbidden unless the person is an admin."""
    _as_admin(runtime, user_id, lambda _session, _actor: None)


def add_alias(runtime: Runtime, *, user_id: int, code: str, alias: str) -> str:
    """/bietdanh: another name for a unit; the unit's code."""
    return _as_admin(
        runtime,
        user_id,
        lambda s, actor: (
            units.add_alias(s, code=code, alias=alias, actor=actor, now=runtime.now()).code
        ),
    )


@dataclass(frozen=True, slots=True)
class SuccessionRequest:
    """A merger or split as typed: old unit, successors, default route, date."""

    old: str
    into: tuple[str, ...]
    default: str
    on: date
    kind: str


def _succession(
    runtime: Runtime, request: SuccessionRequest
) -> Callable[[Session, str], SuccessionResult]:
    now = runtime.now()

    def work(session: Session, actor: str) -> SuccessionResult:
        return succession.split(
            session,
            old=request.old,
            into=list(request.into),
            routes={},
            default=request.default,
            effective_on=request.on,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
            kind=request.kind,
        )

    return work


def preview_succession(
    runtime: Runtime, *, user_id: int, request: SuccessionRequest
) -> SuccessionResult:
    """What recording a merger or split would move."""
    return _preview(runtime, user_id, _succession(runtime, request))


def record_succession(
    runtime: Runtime, *, user_id: int, request: SuccessionRequest
) -> SuccessionResult:
    """Record a previewed merger or split."""
    return _as_admin(runtime, user_id, _succession(runtime, request))


def review_list(runtime: Runtime, *, user_id: int, plan_code: str | None) -> ReviewList:
    """/duyet: the flagged obligations waiting for a decision (of one plan, or all)."""
    return _as_admin(runtime, user_id, lambda s, _: flagged(s, plan_code))


def decide_review(
    runtime: Runtime, *, user_id: int, obligation_id: int, choice: Choice
) -> ReviewOutcome:
    """One tap under /duyet: keep every date of the flow, keep only one, or drop one."""
    now = runtime.now()
    return _as_admin(
        runtime,
        user_id,
        lambda s, actor: decide(
            s,
            obligation_id,
            choice,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        ),
    )


def set_tracked_from(
    runtime: Runtime, *, user_id: int, plan_code: str, day: date
) -> plan_tracking.TrackedFrom:
    """/theodoitu: track a plan from a date; earlier periods become history."""
    return _as_admin(
        runtime,
        user_id,
        lambda s, actor: plan_tracking.set_tracked_from(
            s, plan_code=plan_code, day=day, actor=actor, now=runtime.now()
        ),
    )


@dataclass(frozen=True, slots=True)
class UndoRequest:
    """A succession to undo: the unit that was recorded as ended."""

    code: str


def _undo(runtime: Runtime, request: UndoRequest) -> Callable[[Session, str], UndoResult]:
    now = runtime.now()

    def work(session: Session, actor: str) -> UndoResult:
        return succession.undo(
            session,
            code=request.code,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        )

    return work


def preview_undo(runtime: Runtime, *, user_id: int, request: UndoRequest) -> UndoResult:
    """What undoing a succession would give back."""
    return _preview(runtime, user_id, _undo(runtime, request))


def undo_succession(runtime: Runtime, *, user_id: int, request: UndoRequest) -> UndoResult:
    """Undo a previewed succession recorded by mistake."""
    return _as_admin(runtime, user_id, _undo(runtime, request))

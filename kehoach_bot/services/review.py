"""The review of flagged obligations (/duyet): an obligation a plan file flags for review sends
no reminder until an admin decides on it, with one tap.

Flagged dated obligations of one plan that name the same responsible units are decided together:
they are the dates a plan gives for one flow (Gia Lai: before 25/11 to Sở Y tế, before 15/12 to
UBND tỉnh through Sở Y tế). The admin keeps them all, or only one: the others are deactivated and
their open periods waived (or removed when nobody touched them). A single flagged obligation is
kept or dropped; an undated one needs a date first (set with /sua).

Every decision is audited with the note it was taken on: reloading a plan file whose note is
unchanged leaves the decision standing (`standing_decisions`, read by the plan loader). The
admin's actions that call these are in `services/administration.py`.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from kehoach_bot.db.models import AuditLog, Obligation, ObligationUnit, Plan, Unit
from kehoach_bot.domain.deadlines import WORDING_TEXT, DeadlinePolicy, Wording
from kehoach_bot.domain.schedule_text import describe_schedule
from kehoach_bot.domain.schedules import Schedule, ScheduleType, schedule_from_dict
from kehoach_bot.domain.stored import ObligationRole
from kehoach_bot.services import audit
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.services.occurrences import SyncReport, sync_occurrences
from kehoach_bot.texts import domain_vi, errors_vi
from kehoach_bot.texts import review_vi as t


class ReviewDecision(enum.StrEnum):
    """What an admin decided about one flagged obligation; stored as the audit action."""

    KEEP = "review_keep"
    DROP = "review_drop"


class Choice(enum.StrEnum):
    """The tap: keep every date of the group, keep only this one, or drop this one."""

    KEEP_ALL = "keep_all"
    ONLY = "only"
    DROP = "drop"


@dataclass(frozen=True, slots=True)
class Flagged:
    """A flagged obligation as the admin weighs it: its date, the plan's words, the note."""

    id: int
    plan: str
    code: str
    title: str
    schedule: Schedule
    schedule_text: str
    quote: str
    note: str
    recipient: str | None
    via: str | None


@dataclass(frozen=True, slots=True)
class ReviewGroup:
    """Flagged obligations decided by one tap: the dates of one flow, or a single obligation."""

    plan: str
    plan_title: str
    responsible: tuple[str, ...]
    items: tuple[Flagged, ...]


@dataclass(frozen=True, slots=True)
class ReviewList:
    """What waits for a decision: groups to decide, and undated obligations to date first."""

    groups: list[ReviewGroup]
    undated: list[Flagged]


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """A decision taken: what is kept (reminded from now on), what is dropped."""

    plan: str
    kept: tuple[Flagged, ...]
    dropped: tuple[Flagged, ...]
    sync: SyncReport


@dataclass(frozen=True, slots=True)
class StandingDecision:
    """The latest review decision on an obligation and the review note it was taken on."""

    decision: ReviewDecision
    note: str

    @property
    def keeps(self) -> bool:
        """True when the obligation was kept."""
        return self.decision is ReviewDecision.KEEP


def flagged(session: Session, plan_code: str | None = None) -> ReviewList:
    """The active flagged obligations (of one plan, or all), grouped for decision."""
    plan_id: int | None = None
    if plan_code is not None:
        plan_id = session.exec(select(Plan.id).where(Plan.code == plan_code)).first()
        if plan_id is None:
            raise NotFound(errors_vi.PLAN_NOT_FOUND.format(code=plan_code))
    groups, undated = _grouped(session, plan_id)
    return ReviewList(groups, undated)


def decide(
    session: Session,
    obligation_id: int,
    choice: Choice,
    *,
    actor: str,
    now: datetime,
    policy: DeadlinePolicy,
    until: date,
) -> ReviewOutcome:
    """Carry out one decision, audited; occurrences of dropped obligations are waived."""
    obligation = session.get(Obligation, obligation_id)
    if obligation is None:
        raise NotFound(errors_vi.OBLIGATION_NOT_FOUND)
    groups, undated = _grouped(session, obligation.plan_id)
    group = next((g for g in groups if any(i.id == obligation_id for i in g.items)), None)
    if group is None:
        plan = session.get(Plan, obligation.plan_id)
        assert plan is not None
        if any(i.id == obligation_id for i in undated):
            raise InvalidInput(t.NEEDS_DATE.format(code=obligation.code, plan=plan.code))
        raise InvalidInput(t.ALREADY_DECIDED.format(code=obligation.code))
    # Two admins tapping at once: the second waits here, then finds the decision taken.
    ids = sorted(i.id for i in group.items)
    locked = session.exec(
        select(Obligation)
        .where(col(Obligation.id).in_(ids))
        .order_by(col(Obligation.id))
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    rows = {o.id: o for o in locked if o.active and o.needs_review}
    if obligation_id not in rows:
        raise InvalidInput(t.ALREADY_DECIDED.format(code=obligation.code))
    items = [i for i in group.items if i.id in rows]
    if choice is Choice.KEEP_ALL:
        kept, dropped = items, []
    elif choice is Choice.ONLY:
        kept = [i for i in items if i.id == obligation_id]
        dropped = [i for i in items if i.id != obligation_id]
    else:
        kept, dropped = [], [i for i in items if i.id == obligation_id]
    for item, decision in [(i, ReviewDecision.KEEP) for i in kept] + [
        (i, ReviewDecision.DROP) for i in dropped
    ]:
        row = rows[item.id]
        row.needs_review = False
        row.active = decision is ReviewDecision.KEEP
        session.add(row)
        audit.record(
            session,
            actor=actor,
            action=decision.value,
            entity="obligation",
            entity_id=item.id,
            before={"needs_review": True, "active": True},
            after={
                "needs_review": False,
                "active": row.active,
                "choice": choice.value,
                "review_note": row.review_note,
            },
            now=now,
        )
    session.flush()
    sync = sync_occurrences(
        session,
        policy=policy,
        until=until,
        now=now,
        obligation_ids=[i.id for i in [*kept, *dropped]],
    )
    return ReviewOutcome(group.plan, tuple(kept), tuple(dropped), sync)


def standing_decisions(
    session: Session, obligation_ids: Iterable[int]
) -> dict[int, StandingDecision]:
    """Obligation id → the latest review decision on it (obligations never decided are absent)."""
    keys = sorted({str(i) for i in obligation_ids})
    found: dict[int, StandingDecision] = {}
    if not keys:
        return found
    rows = session.exec(
        select(AuditLog)
        .where(
            AuditLog.entity == "obligation",
            col(AuditLog.action).in_([d.value for d in ReviewDecision]),
            col(AuditLog.entity_id).in_(keys),
        )
        .order_by(col(AuditLog.id))
    ).all()
    for row in rows:
        note = str((row.after or {}).get("review_note", ""))
        found[int(row.entity_id)] = StandingDecision(ReviewDecision(row.action), note)
    return found


def _grouped(session: Session, plan_id: int | None) -> tuple[list[ReviewGroup], list[Flagged]]:
    query = (
        select(Obligation, Plan)
        .join(Plan, col(Plan.id) == col(Obligation.plan_id))
        .where(col(Obligation.needs_review).is_(True), col(Obligation.active).is_(True))
        .order_by(col(Plan.code), col(Obligation.id))
    )
    if plan_id is not None:
        query = query.where(col(Obligation.plan_id) == plan_id)
    found = session.exec(query).all()
    if not found:
        return [], []
    names = dict(session.exec(select(Unit.id, Unit.name)).all())
    responsible: dict[int, set[int]] = defaultdict(set)
    for obligation_id, unit_id in session.exec(
        select(ObligationUnit.obligation_id, ObligationUnit.unit_id).where(
            col(ObligationUnit.obligation_id).in_([o.id for o, _ in found]),
            ObligationUnit.role == ObligationRole.RESPONSIBLE.value,
        )
    ).all():
        responsible[obligation_id].add(unit_id)
    buckets: dict[tuple[int, frozenset[int], int], list[Flagged]] = {}
    plans: dict[int, Plan] = {}
    undated: list[Flagged] = []
    for obligation, plan in found:
        assert obligation.id is not None and plan.id is not None
        item = _flagged(obligation, plan, names)
        if item.schedule.type is ScheduleType.UNDATED:
            undated.append(item)
            continue
        units = frozenset(responsible[obligation.id])
        # Dated obligations naming the same units are one flow; anything else stands alone.
        alone = 0 if item.schedule.is_dated else obligation.id
        buckets.setdefault((plan.id, units, alone), []).append(item)
        plans[plan.id] = plan
    groups = [
        ReviewGroup(
            plan=plans[plan_id_].code,
            plan_title=plans[plan_id_].title,
            responsible=tuple(sorted(names.get(u, "") for u in units)),
            items=tuple(items),
        )
        for (plan_id_, units, _), items in buckets.items()
    ]
    return groups, undated


def _flagged(obligation: Obligation, plan: Plan, names: dict[int | None, str]) -> Flagged:
    schedule = schedule_from_dict(obligation.schedule)
    text = describe_schedule(schedule)
    if schedule.is_dated:
        wording = WORDING_TEXT[Wording(obligation.wording)]
        text = domain_vi.SCHEDULE_WITH_WORDING.format(schedule=text, wording=wording)
    return Flagged(
        id=obligation.id or 0,
        plan=plan.code,
        code=obligation.code,
        title=obligation.title,
        schedule=schedule,
        schedule_text=text,
        quote=obligation.quote,
        note=obligation.review_note,
        recipient=names.get(obligation.recipient_id) if obligation.recipient_id else None,
        via=names.get(obligation.via_id) if obligation.via_id else None,
    )

"""Coordinators' digests: per plan, what falls due within three days, what is overdue (days late),
what is "quá hạn kéo dài" (the automatic chase is over: the coordinator reminds by hand), which
reminders could not be delivered and which units have no officer to remind; a weekly summary
gives the four category counts.

The database counts the four categories; only the few lines a message shows (the nearest due and
the longest overdue, ranked by the database) are loaded in full, so time and memory stay flat
however many units a plan has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func
from sqlmodel import Session, col, select

from kehoach_bot.db.models import Membership, Obligation, Occurrence, Outbox, Person, Plan, Unit
from kehoach_bot.domain.reminders import MAX_WEEKLY
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import DUE_SOON_DAYS, State, Status
from kehoach_bot.domain.stored import DeliveryStatus, MessageKind
from kehoach_bot.domain.working_days import is_working_day
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import health
from kehoach_bot.services.chase import long_overdue, without_officer
from kehoach_bot.services.decisions import EndedOffice, ended_offices
from kehoach_bot.services.group_status import UnfilledGroup, unfilled_groups
from kehoach_bot.services.outbox import Message, enqueue
from kehoach_bot.services.people import Identity, identify
from kehoach_bot.services.tracking import (
    OccurrenceView,
    coordinated,
    effective_deadline,
    is_tracked,
    status_category,
    views_by_id,
)

UNDELIVERABLE_WINDOW = timedelta(days=7)
HEARTBEAT = "digests"
SHOWN = 40  # lines per list in one digest; the rest are counted


@dataclass
class PlanDigest:
    """What one coordinator should hear about one plan."""

    plan: str
    plan_title: str
    plan_id: int = 0
    due_soon: list[OccurrenceView] = field(default_factory=list)
    overdue: list[OccurrenceView] = field(default_factory=list)
    undeliverable: list[tuple[OccurrenceView, str]] = field(default_factory=list)
    counts: dict[Status, int] = field(default_factory=dict)
    due_soon_total: int = 0
    overdue_total: int = 0  # still chased automatically
    long_overdue: list[OccurrenceView] = field(default_factory=list)  # quá hạn kéo dài
    long_overdue_total: int = 0
    without_officer: list[UnitLine] = field(default_factory=list)  # chưa có cán bộ nhận nhắc
    without_officer_total: int = 0
    for_admin: bool = False  # an admin may invite the missing officers themselves
    unfilled: list[UnfilledGroup] = field(default_factory=list)  # chưa có danh sách đơn vị
    needs_decision: list[EndedOffice] = field(default_factory=list)  # cần quyết định

    @property
    def has_news(self) -> bool:
        """True when there is something to say (a digest is never sent empty)."""
        return bool(
            self.due_soon
            or self.overdue
            or self.undeliverable
            or self.long_overdue
            or self.without_officer
        )


@dataclass(frozen=True, slots=True)
class UnitLine:
    """A unit named in a digest."""

    code: str
    name: str


def _scope(query: Select, identity: Identity, session: Session) -> Select:  # type: ignore[type-arg]
    return query if identity.is_admin else query.where(coordinated(identity, session))


def plan_digests(
    session: Session,
    identity: Identity,
    *,
    today: date,
    now: datetime,
    max_weekly: int = MAX_WEEKLY,
) -> list[PlanDigest]:
    """The digests of one coordinator, one per plan they coordinate, in plan order."""
    deadline = effective_deadline()
    is_open = col(Occurrence.state) == State.OPEN.value
    soon = today + timedelta(days=DUE_SOON_DAYS)
    category = status_category(today)
    due_soon = case((and_(is_open, deadline >= today, deadline <= soon), 1), else_=0)
    joined = (
        select(col(Plan.code))
        .select_from(Occurrence)
        .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
        .join(Plan, col(Plan.id) == col(Obligation.plan_id))
    )
    counted = _scope(
        joined.add_columns(
            col(Plan.title), col(Plan.id), category, func.count(), func.sum(due_soon)
        )
        .where(col(Occurrence.state).in_([State.OPEN.value, State.DONE.value]))
        .group_by(col(Plan.code), col(Plan.title), col(Plan.id), category),
        identity,
        session,
    )
    digests: dict[str, PlanDigest] = {}
    for plan, title, plan_id, status, count, soon_count in session.execute(counted).all():
        digest = digests.get(plan) or digests.setdefault(plan, PlanDigest(plan, title, plan_id))
        digest.counts[Status(status)] = int(count)
        digest.due_soon_total += int(soon_count or 0)
        if status == Status.OPEN_OVERDUE:
            digest.overdue_total = int(count)
    overdue = deadline < today
    chase_over = long_overdue(today, max_weekly)
    ranked = _scope(
        joined.add_columns(
            col(Occurrence.id).label("id"),
            overdue.label("overdue"),
            chase_over.label("chase_over"),
            func.row_number()
            .over(
                partition_by=(col(Plan.code), overdue, chase_over),
                order_by=(deadline, col(Unit.code)),
            )
            .label("rank"),
        )
        .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
        .where(is_open, deadline <= soon, is_tracked()),
        identity,
        session,
    ).subquery()
    shown = session.execute(
        select(ranked.c.id, ranked.c.overdue, ranked.c.chase_over).where(ranked.c.rank <= SHOWN)
    ).all()
    views = views_by_id(session, {i for i, _, _ in shown}, today)
    for occurrence_id, is_overdue, is_over in shown:
        view = views.get(occurrence_id)
        if view is None or view.plan not in digests:
            continue
        digest = digests[view.plan]
        shelf = digest.overdue if is_overdue else digest.due_soon
        (digest.long_overdue if is_over else shelf).append(view)
    for digest in digests.values():
        digest.due_soon.sort(key=lambda v: (v.deadline, v.unit))
        digest.overdue.sort(key=lambda v: (v.deadline, v.unit))
        digest.long_overdue.sort(key=lambda v: (v.deadline, v.unit))
        digest.for_admin = identity.is_admin
    _count_long_overdue(session, identity, digests, joined, chase_over)
    _add_without_officer(session, identity, digests)
    _add_undeliverable(session, identity, digests, now, today)
    for group in unfilled_groups(session, list(digests)):
        digests[group.plan].unfilled.append(group)
    for office in ended_offices(session, list(digests)):
        digests[office.plan].needs_decision.append(office)
    return [digests[code] for code in sorted(digests)]


def _count_long_overdue(
    session: Session,
    identity: Identity,
    digests: dict[str, PlanDigest],
    joined: Select,  # type: ignore[type-arg]
    chase_over: Any,
) -> None:
    """Split the overdue count: those still chased, and those whose chase is over."""
    counted = _scope(
        joined.add_columns(func.count())
        .where(col(Occurrence.state) == State.OPEN.value, chase_over, is_tracked())
        .group_by(col(Plan.code)),
        identity,
        session,
    )
    for plan, count in session.execute(counted).all():
        digest = digests.get(plan)
        if digest is not None:
            digest.long_overdue_total = int(count)
            digest.overdue_total = max(digest.overdue_total - int(count), 0)


def _add_without_officer(
    session: Session, identity: Identity, digests: dict[str, PlanDigest]
) -> None:
    """The units of each plan's open tracked occurrences that no reminder reaches (a group row
    is left to the "unfilled" lines: it needs members, not an officer)."""
    units = _scope(
        select(
            col(Plan.code).label("plan"), col(Unit.code).label("code"), col(Unit.name).label("name")
        )
        .select_from(Occurrence)
        .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
        .join(Plan, col(Plan.id) == col(Obligation.plan_id))
        .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
        .where(
            col(Occurrence.state) == State.OPEN.value,
            is_tracked(),
            col(Unit.is_group).is_(False),
            without_officer(),
        )
        .group_by(col(Plan.code), col(Unit.code), col(Unit.name)),
        identity,
        session,
    ).subquery()
    ranked = select(  # type: ignore[call-overload]
        units.c.plan,
        units.c.code,
        units.c.name,
        func.row_number().over(partition_by=units.c.plan, order_by=units.c.code).label("rank"),
        func.count().over(partition_by=units.c.plan).label("total"),
    ).subquery()
    for plan, code, name, _, total in session.execute(
        select(ranked).where(ranked.c.rank <= SHOWN).order_by(ranked.c.plan, ranked.c.rank)
    ).all():
        digest = digests.get(plan)
        if digest is not None:
            digest.without_officer.append(UnitLine(code, name))
            digest.without_officer_total = int(total)


def _add_undeliverable(
    session: Session,
    identity: Identity,
    digests: dict[str, PlanDigest],
    now: datetime,
    today: date,
) -> None:
    query = _scope(
        select(col(Outbox.occurrence_id), col(Outbox.last_error))
        .join(Occurrence, col(Occurrence.id) == col(Outbox.occurrence_id))
        .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
        .where(
            Outbox.status == DeliveryStatus.UNDELIVERABLE.value,
            Outbox.kind == MessageKind.REMINDER.value,
            col(Outbox.created_at) >= now - UNDELIVERABLE_WINDOW,
            Occurrence.state == State.OPEN.value,
        )
        .order_by(col(Outbox.id))
        .limit(SHOWN * 10),
        identity,
        session,
    )
    failed = session.execute(query).all()
    views = views_by_id(session, {i for i, _ in failed if i is not None}, today)
    for occurrence_id, error in failed:
        view = views.get(occurrence_id or 0)
        digest = digests.get(view.plan) if view else None
        if view is not None and digest is not None and len(digest.undeliverable) < SHOWN:
            digest.undeliverable.append((view, error))


def coordinators(session: Session, admin_ids: tuple[int, ...]) -> list[tuple[Identity, int]]:
    """Every active coordinator with a chat: (identity, chat id)."""
    rows = session.exec(
        select(Person.telegram_user_id, Person.chat_id)
        .join(Membership, col(Membership.person_id) == col(Person.id))
        .where(
            Membership.role == Role.COORDINATOR.value,
            col(Membership.revoked_at).is_(None),
            col(Person.active).is_(True),
            col(Person.chat_id).is_not(None),
        )
        .distinct()
        .order_by(col(Person.telegram_user_id))
    ).all()
    return [
        (identify(session, user_id, admin_ids), chat_id) for user_id, chat_id in rows if chat_id
    ]


Compose = Callable[[list[PlanDigest], int, date], list[Message]]


def decide_daily(runtime: Runtime, now: datetime, compose: Compose) -> int:
    """On working days from the digest hour, once a day: queue what `compose` makes of each
    coordinator's digests (one transaction per coordinator; those who follow the same units
    share one computation). A restart halfway decides again; dedupe keys drop repeats."""
    settings = runtime.settings
    local = now.astimezone(settings.tz)
    today = local.date()
    if not is_working_day(today) or local.hour < settings.reminders.digest_hour:
        return 0
    with runtime.transaction() as session:
        decided = health.last_beat(session, HEARTBEAT)
        if decided is not None and decided.astimezone(settings.tz).date() >= today:
            return 0
        people = coordinators(session, settings.telegram.admins)
    shared: dict[tuple[bool, frozenset[int]], list[PlanDigest]] = {}
    queued = 0
    for identity, chat_id in people:
        key = (identity.is_admin, frozenset(identity.units_with(Role.COORDINATOR)))
        with runtime.transaction() as session:
            if key not in shared:
                shared[key] = plan_digests(
                    session,
                    identity,
                    today=today,
                    now=now,
                    max_weekly=settings.reminders.max_weekly,
                )
            queued += enqueue(session, compose(shared[key], chat_id, today), now=now)
    with runtime.transaction() as session:
        health.beat(session, HEARTBEAT, now=now, info={"queued": queued, "people": len(people)})
    return queued

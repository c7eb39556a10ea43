"""Coordinators' digests: per plan, what falls due within three days, what is overdue (days late),
and which reminders could not be delivered; a weekly summary gives the four category counts.

The coordinator's occurrences are streamed as light rows and counted on the way; only the few
shown in the message (the nearest due and the longest overdue) are then loaded in full, so memory
stays flat however many units a plan has.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy import Select
from sqlmodel import Session, col, or_, select

from kehoach_bot.db.models import Membership, Obligation, Occurrence, Outbox, Person, Plan
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import State, Status, is_due_soon, status_of
from kehoach_bot.domain.stored import DeliveryStatus, MessageKind
from kehoach_bot.domain.working_days import is_working_day
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import health
from kehoach_bot.services.outbox import Message, enqueue
from kehoach_bot.services.people import Identity, identify
from kehoach_bot.services.tracking import VIETNAM, OccurrenceView, views_by_id

UNDELIVERABLE_WINDOW = timedelta(days=7)
HEARTBEAT = "digests"
SHOWN = 40  # lines per list in one digest; the rest are counted
_STREAM = 5000


@dataclass
class PlanDigest:
    """What one coordinator should hear about one plan."""

    plan: str
    plan_title: str
    due_soon: list[OccurrenceView] = field(default_factory=list)
    overdue: list[OccurrenceView] = field(default_factory=list)
    undeliverable: list[tuple[OccurrenceView, str]] = field(default_factory=list)
    counts: dict[Status, int] = field(default_factory=dict)
    due_soon_total: int = 0
    overdue_total: int = 0

    @property
    def has_news(self) -> bool:
        """True when there is something to say (a digest is never sent empty)."""
        return bool(self.due_soon or self.overdue or self.undeliverable)


@dataclass
class _Tally:
    title: str
    counts: dict[Status, int] = field(default_factory=dict)
    # The SHOWN earliest (deadline, id) as a heap of negated pairs: its top is the latest kept.
    due_soon: list[tuple[int, int]] = field(default_factory=list)
    overdue: list[tuple[int, int]] = field(default_factory=list)
    due_soon_total: int = 0
    overdue_total: int = 0


def _keep(heap: list[tuple[int, int]], deadline: date, occurrence_id: int) -> None:
    entry = (-deadline.toordinal(), -occurrence_id)
    if len(heap) < SHOWN:
        heapq.heappush(heap, entry)
    elif entry > heap[0]:
        heapq.heapreplace(heap, entry)


def _scope(query: Select, identity: Identity) -> Select:  # type: ignore[type-arg]
    if identity.is_admin:
        return query
    units = identity.units_with(Role.COORDINATOR)
    return query.where(
        or_(col(Obligation.via_id).in_(units), col(Obligation.recipient_id).in_(units))
    )


def plan_digests(
    session: Session, identity: Identity, *, today: date, now: datetime, tz: tzinfo = VIETNAM
) -> list[PlanDigest]:
    """The digests of one coordinator, one per plan they coordinate, in plan order."""
    query = _scope(
        select(  # type: ignore[call-overload]
            col(Plan.code),
            col(Plan.title),
            col(Occurrence.id),
            col(Occurrence.state),
            col(Occurrence.last_day),
            col(Occurrence.extended_to),
            col(Occurrence.submitted_at),
        )
        .select_from(Occurrence)
        .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
        .join(Plan, col(Plan.id) == col(Obligation.plan_id))
        .where(col(Occurrence.state).in_([State.OPEN.value, State.DONE.value])),
        identity,
    )
    tallies: dict[str, _Tally] = {}
    # Streamed: a server-side cursor on PostgreSQL, rows fetched a chunk at a time.
    result = session.connection().execute(query, execution_options={"yield_per": _STREAM})
    for plan, title, occurrence_id, state, last_day, extended_to, submitted_at in result:
        tally = tallies.get(plan) or tallies.setdefault(plan, _Tally(title))
        submitted = submitted_at.astimezone(tz).date() if submitted_at else None
        status = status_of(State(state), last_day, today, submitted, extended_to)
        tally.counts[status] = tally.counts.get(status, 0) + 1
        deadline = max(last_day, extended_to) if extended_to else last_day
        if is_due_soon(status, last_day, today, extended_to):
            tally.due_soon_total += 1
            _keep(tally.due_soon, deadline, occurrence_id)
        elif status is Status.OPEN_OVERDUE:
            tally.overdue_total += 1
            _keep(tally.overdue, deadline, occurrence_id)
    wanted = {-i for t in tallies.values() for _, i in t.due_soon + t.overdue}
    views = views_by_id(session, wanted, today)
    digests: dict[str, PlanDigest] = {}
    for plan, tally in tallies.items():
        digests[plan] = PlanDigest(
            plan,
            tally.title,
            due_soon=_ordered(tally.due_soon, views),
            overdue=_ordered(tally.overdue, views),
            counts=tally.counts,
            due_soon_total=tally.due_soon_total,
            overdue_total=tally.overdue_total,
        )
    _add_undeliverable(session, identity, digests, now, today)
    return [digests[code] for code in sorted(digests)]


def _ordered(heap: list[tuple[int, int]], views: dict[int, OccurrenceView]) -> list[OccurrenceView]:
    chosen = [views[-i] for _, i in heap if -i in views]
    return sorted(chosen, key=lambda v: (v.deadline, v.unit))


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
                shared[key] = plan_digests(session, identity, today=today, now=now, tz=settings.tz)
            queued += enqueue(session, compose(shared[key], chat_id, today), now=now)
    with runtime.transaction() as session:
        health.beat(session, HEARTBEAT, now=now, info={"queued": queued, "people": len(people)})
    return queued

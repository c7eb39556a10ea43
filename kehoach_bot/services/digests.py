"""Coordinators' digests: per plan, what falls due within three days, what is overdue (days late),
and which reminders could not be delivered; a weekly summary gives the four category counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from sqlmodel import Session, col, or_, select

from kehoach_bot.db.models import Membership, Obligation, Occurrence, Outbox, Person
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import State, Status
from kehoach_bot.services.outbox import Status as RowStatus
from kehoach_bot.services.people import Identity, identify
from kehoach_bot.services.tracking import VIETNAM, OccurrenceView, to_view, view_query

UNDELIVERABLE_WINDOW = timedelta(days=7)


@dataclass
class PlanDigest:
    """What one coordinator should hear about one plan."""

    plan: str
    plan_title: str
    due_soon: list[OccurrenceView] = field(default_factory=list)
    overdue: list[OccurrenceView] = field(default_factory=list)
    undeliverable: list[tuple[OccurrenceView, str]] = field(default_factory=list)
    counts: dict[Status, int] = field(default_factory=dict)

    @property
    def has_news(self) -> bool:
        """True when there is something to say (a digest is never sent empty)."""
        return bool(self.due_soon or self.overdue or self.undeliverable)


def plan_digests(
    session: Session, identity: Identity, *, today: date, now: datetime, tz: tzinfo = VIETNAM
) -> list[PlanDigest]:
    """The digests of one coordinator, one per plan they coordinate, in plan order."""
    units = identity.units_with(Role.COORDINATOR)
    query = view_query().where(col(Occurrence.state).in_([State.OPEN.value, State.DONE.value]))
    if not identity.is_admin:
        query = query.where(
            or_(col(Obligation.via_id).in_(units), col(Obligation.recipient_id).in_(units))
        )
    digests: dict[str, PlanDigest] = {}
    for row in session.exec(query).all():
        view = to_view(row, today, tz)
        digest = digests.setdefault(view.plan, PlanDigest(view.plan, view.plan_title))
        digest.counts[view.status] = digest.counts.get(view.status, 0) + 1
        if view.due_soon:
            digest.due_soon.append(view)
        elif view.status is Status.OPEN_OVERDUE:
            digest.overdue.append(view)
    by_occurrence = {v.id: (d, v) for d in digests.values() for v in d.due_soon + d.overdue}
    failed = session.exec(
        select(Outbox.occurrence_id, Outbox.last_error).where(
            Outbox.status == RowStatus.UNDELIVERABLE,
            Outbox.kind == "reminder",
            col(Outbox.created_at) >= now - UNDELIVERABLE_WINDOW,
        )
    ).all()
    for occurrence_id, error in failed:
        if occurrence_id in by_occurrence:
            digest, view = by_occurrence[occurrence_id]
            digest.undeliverable.append((view, error))
    for digest in digests.values():
        digest.due_soon.sort(key=lambda v: (v.deadline, v.unit))
        digest.overdue.sort(key=lambda v: (v.deadline, v.unit))
    return [digests[code] for code in sorted(digests)]


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
    ).all()
    return [
        (identify(session, user_id, admin_ids), chat_id) for user_id, chat_id in rows if chat_id
    ]

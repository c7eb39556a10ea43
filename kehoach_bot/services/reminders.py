"""Which reminders are due now: the tick asks, and the answer goes into the outbox.

Only open occurrences whose next reminder day has come are read; for each, the latest stage due
by today is queued once per officer of the unit, and the day of the following stage is stored so
that the next ticks skip the occurrence until then. After the last stage the chase is over:
`CHASE_ENDED` is stored, a day no tick reaches, until an extension, a moved deadline or a new
officer of the unit clears it (each sets the next reminder day to NULL, to be decided again).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, or_, select

from kehoach_bot.db.models import Membership, Obligation, Occurrence, Person, Plan
from kehoach_bot.domain.reminders import ReminderPolicy, latest_and_next, may_send_at
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import State, effective_last_day
from kehoach_bot.domain.stored import MessageKind
from kehoach_bot.runtime import Runtime
from kehoach_bot.services.outbox import Message, enqueue, reminder_key
from kehoach_bot.services.tracking import is_tracked

_CHUNK = 5000
# The next reminder day of an occurrence whose automatic chase is over: beyond any tick, and
# still a plain date, so the tick's range scan on (state, next reminder day) stays as it is.
CHASE_ENDED = date(9999, 12, 31)


@dataclass(frozen=True, slots=True)
class EnqueueReport:
    """What one enqueue pass did."""

    examined: int = 0
    enqueued: int = 0
    without_recipient: int = 0


def reminder_policy(runtime: Runtime) -> ReminderPolicy:
    """The configured reminder stages and sending hours."""
    settings = runtime.settings.reminders
    return ReminderPolicy(
        lead_days=settings.lead_days,
        send_from=time(settings.hour, 0),
        send_until=time(settings.until_hour, 59, 59),
        max_weekly=settings.max_weekly,
    )


def queue_due(runtime: Runtime, now: datetime) -> EnqueueReport:
    """Queue the reminders due now, in one transaction."""
    with runtime.transaction() as session:
        return enqueue_due_reminders(
            session, now=now, tz=runtime.settings.tz, policy=reminder_policy(runtime)
        )


def enqueue_due_reminders(
    session: Session,
    *,
    now: datetime,
    tz: tzinfo,
    policy: ReminderPolicy,
    batch: int = 20_000,
) -> EnqueueReport:
    """Decide which reminders are due now and put them in the outbox (idempotently)."""
    local = now.astimezone(tz)
    if not may_send_at(local, policy):
        return EnqueueReport()
    today = local.date()
    rows = session.exec(
        select(  # type: ignore[call-overload]
            col(Occurrence.id),
            col(Occurrence.unit_id),
            col(Occurrence.last_day),
            col(Occurrence.extended_to),
            col(Obligation.lead_days),
        )
        .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
        .join(Plan, col(Plan.id) == col(Obligation.plan_id))
        .where(
            Occurrence.state == State.OPEN.value,
            or_(col(Occurrence.next_remind_on).is_(None), col(Occurrence.next_remind_on) <= today),
            is_tracked(),
            # Held: an admin has not yet decided between the dates a plan gives for one flow.
            col(Obligation.needs_review).is_(False),
        )
        .order_by(col(Occurrence.id))
        .limit(batch)
    ).all()
    if not rows:
        return EnqueueReport()
    chats = officer_chats(session, {unit_id for _, unit_id, _, _, _ in rows})
    messages: list[Message] = []
    next_days: dict[date, list[int]] = defaultdict(list)
    without = 0
    for occurrence_id, unit_id, last_day, extended_to, lead_days in rows:
        stage, following = latest_and_next(
            effective_last_day(last_day, extended_to),
            lead_days or policy.lead_days,
            today,
            policy.max_weekly,
        )
        next_days[following or CHASE_ENDED].append(occurrence_id)
        recipients = chats.get(unit_id, [])
        if stage is None:
            continue
        if not recipients:
            without += 1
        messages += [
            Message(
                key=reminder_key(occurrence_id, chat_id, stage.key),
                chat_id=chat_id,
                kind=MessageKind.REMINDER,
                stage=stage.key,
                occurrence_id=occurrence_id,
                person_id=person_id,
            )
            for person_id, chat_id in recipients
        ]
    inserted = enqueue(session, messages, now=now)
    for day, ids in next_days.items():
        for start in range(0, len(ids), _CHUNK):
            session.execute(
                update(Occurrence)
                .where(col(Occurrence.id).in_(ids[start : start + _CHUNK]))
                .values(next_remind_on=day)
            )
    session.flush()
    return EnqueueReport(len(rows), inserted, without)


def officer_chats(session: Session, unit_ids: set[int]) -> dict[int, list[tuple[int, int]]]:
    """Unit id → (person id, chat id) of its active officers who pressed Start."""
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    ids = sorted(unit_ids)
    for start in range(0, len(ids), _CHUNK):
        for unit_id, person_id, chat_id in session.exec(
            select(Membership.unit_id, Person.id, Person.chat_id)
            .join(Person, col(Person.id) == col(Membership.person_id))
            .where(col(Membership.unit_id).in_(ids[start : start + _CHUNK]), *reachable_officer())
        ).all():
            if person_id is not None and chat_id is not None:
                found[unit_id].append((person_id, chat_id))
    for recipients in found.values():
        recipients.sort()
    return found


def reachable_officer() -> tuple[Any, ...]:
    """SQL conditions on Membership joined with Person: an active officer who pressed Start
    (whoever these match gets the unit's reminders)."""
    return (
        Membership.role == Role.OFFICER.value,
        col(Membership.revoked_at).is_(None),
        col(Person.active).is_(True),
        col(Person.chat_id).is_not(None),
    )

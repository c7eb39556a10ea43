"""A coordinator's actions, one transaction each: the status table, overdue units, extension
requests and decisions, submitted files, ad hoc requests, the digest on demand, «nhắc lại».

Every action checks on the server that the person coordinates the report (or is an admin).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from kehoach_bot.domain.reminders import chase_ended
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import Status
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import (
    chase,
    digests,
    extension_decisions,
    file_facts,
    replies,
    requests,
    tracking,
)
from kehoach_bot.services.choices import period_named
from kehoach_bot.services.errors import Forbidden
from kehoach_bot.services.extension_decisions import Decision
from kehoach_bot.services.file_facts import OpenedFile
from kehoach_bot.services.people import Identity, identify
from kehoach_bot.services.replies import ExtensionView
from kehoach_bot.services.tracking import OccurrenceView, StatusTable
from kehoach_bot.texts import bot_vi as t

MAX_PENDING_SHOWN = 20


def _coordinator(runtime: Runtime, session: Session, user_id: int) -> Identity:
    identity = identify(session, user_id, runtime.settings.telegram.admins)
    if not (identity.is_admin or Role.COORDINATOR in identity.roles):
        raise Forbidden(t.NOT_ALLOWED)
    return identity


@dataclass(frozen=True, slots=True)
class StatusAnswer:
    """Either the plans to choose from, or one plan's table with its files."""

    plans: list[tuple[str, str]]
    table: StatusTable | None = None
    files: dict[int, str] | None = None  # reply id → unit code
    long_overdue: frozenset[int] = frozenset()  # shown occurrences whose chase is over


def status(
    runtime: Runtime, *, user_id: int, plan_code: str | None, period_key: str | None
) -> StatusAnswer:
    """/tinhhinh: counts in the four categories and who has not submitted."""
    with runtime.transaction() as session:
        identity = _coordinator(runtime, session, user_id)
        if plan_code is None:
            return StatusAnswer(tracking.coordinated_plans(session, identity))
        if period_key is not None:  # as typed: "năm 2025", "quý II/2025", "2025-H1"…
            period_key = period_named(session, identity, plan_code, period_key, runtime.today())
        table = tracking.status_table(session, identity, plan_code, runtime.today(), period_key)
        files = tracking.latest_files(session, [v.id for v in table.done])
        units = {v.id: v.unit for v in table.done}
        max_weekly = runtime.settings.reminders.max_weekly
        ended = frozenset(
            v.id
            for v in table.missing
            if v.status is Status.OPEN_OVERDUE
            and chase_ended(v.deadline, runtime.today(), max_weekly)
        )
        return StatusAnswer(
            [], table, {reply: units[occ] for occ, reply in files.items()}, long_overdue=ended
        )


def overdue(runtime: Runtime, *, user_id: int) -> list[OccurrenceView]:
    """/quahan: every overdue unit in the person's plans."""
    with runtime.transaction() as session:
        identity = _coordinator(runtime, session, user_id)
        return tracking.overdue(session, identity, runtime.today())


def pending_extensions(
    runtime: Runtime, *, user_id: int
) -> list[tuple[ExtensionView, OccurrenceView]]:
    """/giahan: extension requests waiting for this coordinator."""
    with runtime.transaction() as session:
        identity = _coordinator(runtime, session, user_id)
        found = replies.pending_extensions(session, identity, runtime.today())
        return found[:MAX_PENDING_SHOWN]


def decide_extension(
    runtime: Runtime, *, user_id: int, extension_id: int, approve: bool, reason: str = ""
) -> Decision:
    """Approve, or refuse with an optional reason; the unit hears of it through the outbox.
    A request decided before is read back unchanged."""
    now, today = runtime.now(), runtime.today()
    reason = extension_decisions.clean_reason(reason)
    with runtime.transaction() as session:
        identity = identify(session, user_id, runtime.settings.telegram.admins)
        return extension_decisions.decide(
            session,
            identity=identity,
            extension_id=extension_id,
            approve=approve,
            reason=reason,
            now=now,
            today=today,
        )


def extension_request(runtime: Runtime, *, user_id: int, extension_id: int) -> Decision:
    """An extension request as it stands (before asking a refusal's reason)."""
    with runtime.transaction() as session:
        identity = identify(session, user_id, runtime.settings.telegram.admins)
        return extension_decisions.look(
            session, identity=identity, extension_id=extension_id, today=runtime.today()
        )


def submitted_file(runtime: Runtime, *, user_id: int, reply_id: int) -> OpenedFile:
    """A submitted file and its caption's facts, for the unit itself or its coordinators."""
    with runtime.transaction() as session:
        identity = identify(session, user_id, runtime.settings.telegram.admins)
        return file_facts.opened_file(
            session, identity=identity, reply_id=reply_id, today=runtime.today()
        )


@dataclass(frozen=True, slots=True)
class AdHocSent:
    """The request, the units that owe it and how many people were queued its card."""

    units: list[str]
    last_day: date
    queued: int
    without_officer: tuple[tuple[str, str], ...] = ()  # (code, name): nobody to get the card


def request_ad_hoc(
    runtime: Runtime, *, user_id: int, unit_codes: list[str], due: date, title: str
) -> AdHocSent:
    """/dotxuat: occurrences for the chosen units, and a card queued for each of their officers."""
    now, today = runtime.now(), runtime.today()
    with runtime.transaction() as session:
        identity = _coordinator(runtime, session, user_id)
        # A coordinator asks only units of the plans it coordinates; an admin asks any unit.
        scope = None if identity.is_admin else requests.units_in_scope(session, identity)
        result = requests.request_ad_hoc(
            session,
            unit_codes=unit_codes,
            title=title,
            due=due,
            plan_code=None,
            recipient_code=next(
                (m.unit for m in identity.memberships if m.role is Role.COORDINATOR), None
            ),
            actor=f"tg:{user_id}",
            requester=identity.full_name,
            now=now,
            today=today,
            policy=runtime.settings.deadlines,
            lead_days=runtime.settings.reminders.lead_days,
            scope=scope,
        )
        return AdHocSent(result.units, result.last_day, result.queued, result.without_officer)


def digest_now(runtime: Runtime, *, user_id: int) -> list[digests.PlanDigest]:
    """/tonghop: the coordinator's digest, now."""
    with runtime.transaction() as session:
        identity = _coordinator(runtime, session, user_id)
        return digests.plan_digests(
            session,
            identity,
            today=runtime.today(),
            now=runtime.now(),
            max_weekly=runtime.settings.reminders.max_weekly,
        )


def remind_again(runtime: Runtime, *, user_id: int, occurrence_id: int) -> chase.RemindedAgain:
    """«Nhắc lại»: a fresh reminder of an overdue period to its unit's officers, once a day."""
    with runtime.transaction() as session:
        identity = identify(session, user_id, runtime.settings.telegram.admins)
        return chase.remind_again(
            session,
            identity=identity,
            occurrence_id=occurrence_id,
            today=runtime.today(),
            now=runtime.now(),
        )

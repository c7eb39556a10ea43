"""Ad hoc requests (yêu cầu đột xuất): a coordinator asks chosen units for a report by a date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlmodel import Session, col, select

from kehoach_bot.db.models import (
    AdHocRequest,
    GroupMember,
    Obligation,
    ObligationUnit,
    Occurrence,
    Plan,
    Succession,
    Unit,
)
from kehoach_bot.domain.deadlines import DeadlinePolicy, Wording, last_on_time_day
from kehoach_bot.domain.periods import ad_hoc_period
from kehoach_bot.domain.reminders import ReminderPolicy, latest_and_next
from kehoach_bot.domain.schedules import ScheduleType
from kehoach_bot.domain.stored import ObligationRole
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.services import audit, notices
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound
from kehoach_bot.services.occurrences import offices_on
from kehoach_bot.services.people import Identity
from kehoach_bot.services.reminders import officer_chats
from kehoach_bot.services.tracking import coordinated_plans, views_by_id
from kehoach_bot.services.units import get_unit
from kehoach_bot.texts import domain_vi, errors_vi, guards_vi, requests_vi

STANDALONE_PLAN = "dot-xuat"
STANDALONE_TITLE = domain_vi.STANDALONE_PLAN_TITLE
AD_HOC_OBLIGATION = "dot-xuat"
MAX_TITLE = 500
REQUESTED_BY_LENGTH = 120  # the column's length
PERIOD_LABEL_LENGTH = 200  # the column's length: a long title is cut in the label only


@dataclass(frozen=True, slots=True)
class RequestResult:
    """The stored request, the units that now owe a report, and how many cards were queued."""

    request_id: int
    plan: str
    units: list[str]
    due: date
    last_day: date
    occurrence_ids: list[int]
    queued: int = 0
    # (code, name) of the chosen units where no officer pressed Start: nobody gets the card.
    without_officer: tuple[tuple[str, str], ...] = ()


def request_ad_hoc(
    session: Session,
    *,
    unit_codes: list[str],
    title: str,
    due: date,
    wording: Wording = Wording.NO_LATER_THAN,
    plan_code: str | None,
    recipient_code: str | None = None,
    actor: str,
    requester: str = "",
    now: datetime,
    today: date,
    policy: DeadlinePolicy,
    lead_days: Sequence[int] = ReminderPolicy().lead_days,
    scope: set[int] | None = None,
) -> RequestResult:
    """Create one occurrence per chosen unit (groups expand to their members) with its own date.

    `requester` is the asking person's full name; with the requesting (recipient) unit's name it
    is what the cards show as who asked. `lead_days` are the configured reminder stages.
    `scope`, when given, holds the ids of the only units that may be asked (`units_in_scope`).
    """
    title = " ".join(title.split())
    if not title:
        raise InvalidInput(errors_vi.REQUEST_TITLE_NEEDED)
    if len(title) > MAX_TITLE:
        raise InvalidInput(
            errors_vi.REQUEST_TITLE_TOO_LONG.format(length=len(title), limit=MAX_TITLE)
        )
    if due < today:
        raise InvalidInput(errors_vi.REQUEST_DUE_PASSED.format(due=format_date(due)))
    if wording is Wording.AS_REGULATED:
        raise InvalidInput(errors_vi.REQUEST_NEEDS_DATE)
    if not unit_codes:
        raise InvalidInput(errors_vi.REQUEST_UNIT_NEEDED)
    targets = _targets(session, unit_codes)
    if scope is not None:
        _check_scope(targets, scope)
    recipient = get_unit(session, recipient_code) if recipient_code else None
    asked_by = _requested_by(requester, recipient)
    obligation, plan = _obligation(session, plan_code, recipient, asked_by, now, today)
    request = AdHocRequest(
        obligation_id=obligation.id or 0,
        title=title,
        due_date=due,
        wording=wording.value,
        requested_by=asked_by,
        requested_at=now,
    )
    session.add(request)
    session.flush()
    assert request.id is not None
    period = ad_hoc_period(str(request.id), title)
    if len(period.label) > PERIOD_LABEL_LENGTH:
        period = replace(period, label=period.label[: PERIOD_LABEL_LENGTH - 1] + "…")
    deadline = last_on_time_day(due, wording, policy)
    recipient_id, via_id = offices_on(session, obligation, deadline.last_day)
    # The card is the first word the officers get: the tick's first reminder is the next stage
    # after today, not one that would follow the card the same day.
    _, first_reminder = latest_and_next(deadline.last_day, obligation.lead_days or lead_days, today)
    created: list[Occurrence] = []
    for unit in targets:
        created.append(
            Occurrence(
                obligation_id=obligation.id or 0,
                unit_id=unit.id or 0,
                request_id=request.id,
                period_key=period.key,
                period_label=period.label,
                due_date=due,
                wording=wording.value,
                last_day=deadline.last_day,
                remind_by=deadline.remind_by,
                recipient_id=recipient_id,
                via_id=via_id,
                next_remind_on=first_reminder,
                created_at=now,
                updated_at=now,
            )
        )
    session.add_all(created)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="ad_hoc_request",
        entity="adhocrequest",
        entity_id=request.id,
        after={"title": title, "due": due.isoformat(), "units": [u.code for u in targets]},
        now=now,
    )
    session.flush()
    ids = [o.id for o in created if o.id is not None]
    # Each officer of the chosen units gets the request's card through the outbox.
    queued = notices.send_request_cards(
        session, list(views_by_id(session, set(ids), today).values()), now=now
    )
    reachable = officer_chats(session, {u.id for u in targets if u.id is not None})
    return RequestResult(
        request.id,
        plan.code,
        [u.code for u in targets],
        due,
        deadline.last_day,
        ids,
        queued,
        tuple((u.code, u.name) for u in targets if not reachable.get(u.id or 0)),
    )


def units_in_scope(session: Session, identity: Identity) -> set[int]:
    """Ids of the units a coordinator may ask for a report: those responsible for an obligation
    of a plan it coordinates, the members of such a named group, and their successors."""
    plans = [code for code, _ in coordinated_plans(session, identity)]
    if not plans:
        return set()
    found = set(
        session.exec(
            select(ObligationUnit.unit_id)
            .join(Obligation, col(Obligation.id) == col(ObligationUnit.obligation_id))
            .join(Plan, col(Plan.id) == col(Obligation.plan_id))
            .where(
                col(Plan.code).in_(plans),
                ObligationUnit.role == ObligationRole.RESPONSIBLE.value,
            )
        ).all()
    )
    frontier = set(found)
    while frontier:
        members = session.exec(
            select(GroupMember.member_id).where(col(GroupMember.group_id).in_(frontier))
        ).all()
        successors = session.exec(
            select(Succession.successor_id).where(col(Succession.predecessor_id).in_(frontier))
        ).all()
        frontier = {*members, *successors} - found
        found |= frontier
    return found


def _check_scope(targets: list[Unit], scope: set[int]) -> None:
    outside = [u for u in targets if u.id not in scope]
    if outside:
        units = guards_vi.UNITS_SEPARATOR.join(
            guards_vi.AD_HOC_UNIT.format(name=u.name, code=u.code) for u in outside
        )
        raise Forbidden(guards_vi.AD_HOC_OUT_OF_SCOPE.format(units=units))


def _requested_by(person: str, unit: Unit | None) -> str:
    """Who asked, as people read it: the person's full name and their unit's name."""
    person = " ".join(person.split())
    if person and unit is not None:
        text = requests_vi.REQUESTER.format(person=person, unit=unit.name)
    else:
        text = person or (unit.name if unit is not None else requests_vi.REQUESTER_UNKNOWN)
    return text if len(text) <= REQUESTED_BY_LENGTH else text[: REQUESTED_BY_LENGTH - 1] + "…"


def _targets(session: Session, codes: list[str]) -> list[Unit]:
    found: dict[str, Unit] = {}
    for code in dict.fromkeys(c.strip() for c in codes):
        unit = get_unit(session, code)
        if not unit.active:
            raise InvalidInput(errors_vi.REQUEST_UNIT_INACTIVE.format(code=code))
        members = (
            session.exec(
                select(Unit)
                .join(GroupMember, col(GroupMember.member_id) == col(Unit.id))
                .where(GroupMember.group_id == unit.id, col(Unit.active).is_(True))
            ).all()
            if unit.is_group
            else []
        )
        for target in members or [unit]:
            found.setdefault(target.code, target)
    return list(found.values())


def _obligation(
    session: Session,
    plan_code: str | None,
    recipient: Unit | None,
    asked_by: str,
    now: datetime,
    today: date,
) -> tuple[Obligation, Plan]:
    """The plan's ad hoc obligation; outside any plan, one per requesting (recipient) unit."""
    plan = session.exec(select(Plan).where(Plan.code == (plan_code or STANDALONE_PLAN))).first()
    if plan is None and plan_code:
        raise NotFound(errors_vi.PLAN_NOT_FOUND_SEE_LIST.format(code=plan_code))
    if plan is None:
        plan = Plan(code=STANDALONE_PLAN, title=STANDALONE_TITLE, valid_from=today, loaded_at=now)
        session.add(plan)
        session.flush()
    standalone = plan.code == STANDALONE_PLAN
    code = (
        f"{AD_HOC_OBLIGATION}-{recipient.code}" if standalone and recipient else AD_HOC_OBLIGATION
    )
    for obligation in session.exec(select(Obligation).where(Obligation.plan_id == plan.id)).all():
        is_ad_hoc = obligation.schedule.get("type") == ScheduleType.AD_HOC and obligation.active
        if is_ad_hoc and (not standalone or obligation.code == code):
            return obligation, plan
    obligation = Obligation(
        plan_id=plan.id or 0,
        code=code,
        recipient_id=recipient.id if recipient else None,
        title=domain_vi.AD_HOC_OBLIGATION_TITLE,
        report_kind="dot_xuat",
        schedule={"type": ScheduleType.AD_HOC.value},
        wording=Wording.AS_REGULATED.value,
        quote=domain_vi.AD_HOC_OBLIGATION_QUOTE.format(actor=asked_by),
    )
    session.add(obligation)
    session.flush()
    return obligation, plan

"""What is owed and by whom: occurrence views, an officer's list, a coordinator's table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, case, func, true
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, or_, select

from kehoach_bot.db.models import (
    AdHocRequest,
    Obligation,
    Occurrence,
    Plan,
    Reply,
    Succession,
    Unit,
)
from kehoach_bot.domain.deadlines import WORDING_TEXT, Wording
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import State, Status, effective_last_day, is_due_soon, status_of
from kehoach_bot.services.errors import NotFound
from kehoach_bot.services.people import Identity

ANSWERING_ROLES = (Role.OFFICER, Role.COORDINATOR)
CURRENT_PERIOD_LOOKAHEAD = timedelta(days=7)
SHOWN_MISSING = 100  # lines of a status table; the rest are counted (the export has them all)
SHOWN_DONE = 10  # files offered under a status table
FOUR_CATEGORIES = (Status.DONE_ON_TIME, Status.DONE_LATE, Status.OPEN_ON_TIME, Status.OPEN_OVERDUE)


@dataclass(frozen=True, slots=True)
class OccurrenceView:
    """Everything a message about one occurrence shows."""

    id: int
    plan: str
    plan_title: str
    obligation_id: int
    obligation: str
    title: str
    quote: str
    unit_id: int
    unit: str
    unit_name: str
    period: str
    period_key: str
    due: date
    wording: str
    last_day: date
    remind_by: date
    extended_to: date | None
    state: State
    status: Status
    due_soon: bool
    submitted_on: date | None
    recipient_name: str | None
    via_name: str | None
    recipient_id: int | None
    via_id: int | None
    recipient_code: str | None
    via_code: str | None
    needs_review: bool
    tracked_from: date | None
    requested_by: str | None = None  # who asked, on the periods of an ad hoc request
    plan_number: str = ""  # số ký hiệu, e.g. "743/KH-UBND"; may be empty or partial

    @property
    def deadline(self) -> date:
        """The last on-time day after any approved extension."""
        return effective_last_day(self.last_day, self.extended_to)

    @property
    def wording_text(self) -> str:
        """The plan's wording: "trước ngày", "chậm nhất ngày"…"""
        return WORDING_TEXT[Wording(self.wording)]


@cache
def view_query() -> Any:
    """Occurrences joined with what a view shows; callers add filters and order.

    Plain labelled columns rather than entities (loading six entities per row dominated the
    cost), built once: statements are immutable and building the aliased joins is costly too.
    """
    recipient, via = aliased(Unit, name="recipient"), aliased(Unit, name="via")
    columns: list[Any] = [
        col(Occurrence.id).label("id"),
        col(Occurrence.state).label("state"),
        col(Occurrence.submitted_at).label("submitted_at"),
        col(Occurrence.submitted_on).label("submitted_on"),
        col(Occurrence.last_day).label("last_day"),
        col(Occurrence.extended_to).label("extended_to"),
        col(Occurrence.period_label).label("period"),
        col(Occurrence.period_key).label("period_key"),
        col(Occurrence.due_date).label("due"),
        col(Occurrence.wording).label("wording"),
        col(Occurrence.remind_by).label("remind_by"),
        col(Plan.code).label("plan"),
        col(Plan.title).label("plan_title"),
        col(Plan.number).label("plan_number"),
        col(Obligation.id).label("obligation_id"),
        col(Obligation.code).label("obligation"),
        # An ad hoc request's own text is its title everywhere.
        func.coalesce(col(AdHocRequest.title), col(Obligation.title)).label("title"),
        col(Obligation.quote).label("quote"),
        col(Occurrence.recipient_id).label("recipient_id"),
        col(Occurrence.via_id).label("via_id"),
        col(Obligation.needs_review).label("needs_review"),
        col(Plan.tracked_from).label("tracked_from"),
        col(Unit.id).label("unit_id"),
        col(Unit.code).label("unit"),
        col(Unit.name).label("unit_name"),
        col(recipient.name).label("recipient_name"),
        col(recipient.code).label("recipient_code"),
        col(via.name).label("via_name"),
        col(via.code).label("via_code"),
        col(AdHocRequest.requested_by).label("requested_by"),
    ]
    return (
        select(*columns)
        .select_from(Occurrence)
        .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
        .join(Plan, col(Plan.id) == col(Obligation.plan_id))
        .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
        .outerjoin(recipient, col(recipient.id) == col(Occurrence.recipient_id))
        .outerjoin(via, col(via.id) == col(Occurrence.via_id))
        .outerjoin(AdHocRequest, col(AdHocRequest.id) == col(Occurrence.request_id))
    )


def to_view(row: Any, today: date) -> OccurrenceView:
    """Turn a row of `view_query()` into a view; statuses use local dates."""
    m = row._mapping
    state = State(m["state"])
    # The local day of the submission (dated in the agencies' timezone when it was recorded).
    submitted = m["submitted_on"]
    last_day, extended_to = m["last_day"], m["extended_to"]
    status = status_of(state, last_day, today, submitted, extended_to, m["tracked_from"])
    values = {k: m[k] for k in _PLAIN_FIELDS}
    return OccurrenceView(
        **values,
        last_day=last_day,
        extended_to=extended_to,
        state=state,
        status=status,
        due_soon=is_due_soon(status, last_day, today, extended_to),
        submitted_on=submitted,
    )


_PLAIN_FIELDS = (
    "id",
    "plan",
    "plan_title",
    "obligation_id",
    "obligation",
    "title",
    "quote",
    "unit_id",
    "unit",
    "unit_name",
    "period",
    "period_key",
    "due",
    "wording",
    "remind_by",
    "recipient_name",
    "via_name",
    "recipient_id",
    "via_id",
    "recipient_code",
    "via_code",
    "needs_review",
    "tracked_from",
    "requested_by",
    "plan_number",
)


@cache
def _view_by_id() -> Any:
    # Built once with a bound parameter: building and keying the statement on every call
    # cost more than running it (this runs for every button press).
    return view_query().where(col(Occurrence.id) == bindparam("occurrence_id"))


def get_view(session: Session, occurrence_id: int, today: date) -> OccurrenceView:
    """One occurrence, or NotFound."""
    row = session.connection().execute(_view_by_id(), {"occurrence_id": occurrence_id}).first()
    if row is None:
        raise NotFound("Không tìm thấy kỳ báo cáo này (có thể đã bị xóa hoặc chuyển).")
    return to_view(row, today)


def views_by_id(
    session: Session, occurrence_ids: set[int], today: date
) -> dict[int, OccurrenceView]:
    """Several occurrences at once, by id; ids that name nothing are left out."""
    found: dict[int, OccurrenceView] = {}
    ids = sorted(occurrence_ids)
    for start in range(0, len(ids), 5000):
        rows = session.exec(
            view_query().where(col(Occurrence.id).in_(ids[start : start + 5000]))
        ).all()
        found.update((view.id, view) for view in (to_view(r, today) for r in rows))
    return found


def may_answer(identity: Identity, view: OccurrenceView) -> bool:
    """Officers (and coordinators) of the owing unit answer for it."""
    return view.unit_id in identity.units_with(*ANSWERING_ROLES)


def may_coordinate(identity: Identity, view: OccurrenceView) -> bool:
    """Admins, and coordinators of the unit the report goes to or through."""
    if identity.is_admin:
        return True
    return bool({view.via_id, view.recipient_id} & identity.units_with(Role.COORDINATOR))


def owed(
    session: Session, identity: Identity, today: date, limit: int = 200
) -> list[OccurrenceView]:
    """Tracked open occurrences of the person's units, the most urgent first."""
    units = identity.units_with(*ANSWERING_ROLES)
    if not units:
        return []
    rows = session.exec(
        view_query()
        .where(
            col(Occurrence.unit_id).in_(units),
            Occurrence.state == State.OPEN.value,
            is_tracked(),
        )
        .order_by(col(Occurrence.last_day), col(Occurrence.id))
        .limit(limit)
    ).all()
    views = [to_view(r, today) for r in rows]
    return sorted(views, key=lambda v: (v.deadline, v.id))


@dataclass(frozen=True, slots=True)
class StatusTable:
    """A coordinator's view of one plan (and optionally one period)."""

    plan: str
    plan_title: str
    period: str | None
    counts: dict[Status, int]
    missing: list[OccurrenceView]  # the first SHOWN_MISSING, most urgent first
    done: list[OccurrenceView]  # the first SHOWN_DONE, by unit code
    total: int
    missing_total: int = 0
    not_tracked: int = 0
    plan_number: str = ""


def coordinated(identity: Identity, session: Session) -> Any:
    """The occurrences a person coordinates, as an SQL condition: the period's own recipient
    and "qua" office, which follow successions by date."""
    if identity.is_admin:
        return true()
    units = identity.units_with(Role.COORDINATOR)
    mine = or_(col(Occurrence.via_id).in_(units), col(Occurrence.recipient_id).in_(units))
    # A period's office is its obligation's, or a successor of it: the obligations are found
    # first in the small tables, and only their periods are read (by index), never all periods.
    offices = _with_predecessors(session, units)
    obligations = select(Obligation.id).where(
        or_(col(Obligation.via_id).in_(offices), col(Obligation.recipient_id).in_(offices))
    )
    return and_(col(Occurrence.obligation_id).in_(obligations), mine)


def _with_predecessors(session: Session, units: set[int]) -> set[int]:
    """The units and every unit they took over from, however many steps back."""
    back: dict[int, set[int]] = {}
    for predecessor, successor in session.exec(
        select(Succession.predecessor_id, Succession.successor_id)
    ).all():
        back.setdefault(successor, set()).add(predecessor)
    found, frontier = set(units), set(units)
    while frontier:
        frontier = {p for u in frontier for p in back.get(u, ())} - found
        found |= frontier
    return found


def _coordinated_obligation(identity: Identity) -> Any:
    if identity.is_admin:
        return true()
    units = identity.units_with(Role.COORDINATOR)
    return or_(col(Obligation.via_id).in_(units), col(Obligation.recipient_id).in_(units))


def coordinated_plans(session: Session, identity: Identity) -> list[tuple[str, str]]:
    """(code, title) of the plans the person coordinates: as the plan names them, or for
    periods that passed to their unit by a succession."""
    named = (
        select(Plan.code, Plan.title)
        .join(Obligation, col(Obligation.plan_id) == col(Plan.id))
        .where(_coordinated_obligation(identity))
    )
    inherited = (
        select(Plan.code, Plan.title)
        .join(Obligation, col(Obligation.plan_id) == col(Plan.id))
        .join(Occurrence, col(Occurrence.obligation_id) == col(Obligation.id))
        .where(coordinated(identity, session))
    )
    found = {(code, title) for code, title in session.exec(named.distinct()).all()}
    if not identity.is_admin:
        found |= {(code, title) for code, title in session.exec(inherited.distinct()).all()}
    return sorted(found)


def status_table(
    session: Session, identity: Identity, plan_code: str, today: date, period_key: str | None = None
) -> StatusTable:
    """Counts in the four categories and the units that have not submitted, for one plan.

    Only the chosen period is read, as light rows; full views are loaded for the lines the
    table shows (the first SHOWN_MISSING units that have not submitted, and the files).
    """
    plan = session.exec(select(Plan).where(Plan.code == plan_code)).first()
    if plan is None:
        raise NotFound(f"Không có kế hoạch mã {plan_code!r}.")
    scope = (
        select(col(Occurrence.id))
        .select_from(Occurrence)
        .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
        .join(Plan, col(Plan.id) == col(Obligation.plan_id))
        .where(
            col(Obligation.plan_id) == plan.id,
            col(Occurrence.state).in_([State.OPEN.value, State.DONE.value]),
            coordinated(identity, session),
        )
    )
    if period_key is None:
        obligations = session.exec(select(Obligation.id).where(Obligation.plan_id == plan.id)).all()
        period_key = _current_period(
            session,
            [i for i in obligations if i is not None],
            today,
            coordinated(identity, session),
        )
    chosen = scope.where(col(Occurrence.period_key) == period_key)
    category = status_category(today)
    counts = {
        Status(status): int(n)
        for status, n in session.execute(
            chosen.with_only_columns(category, func.count()).group_by(category)
        ).all()
    }
    by_unit = chosen.join(Unit, col(Unit.id) == col(Occurrence.unit_id))
    missing = session.exec(
        by_unit.where(col(Occurrence.state) == State.OPEN.value)
        .order_by(effective_deadline(), col(Unit.code))
        .limit(SHOWN_MISSING)
    ).all()
    done = session.exec(
        by_unit.where(col(Occurrence.state) == State.DONE.value)
        .order_by(col(Unit.code))
        .limit(SHOWN_DONE)
    ).all()
    views = views_by_id(session, {i for i in [*missing, *done] if i is not None}, today)
    return StatusTable(
        plan=plan.code,
        plan_title=plan.title,
        period=next(iter(views.values())).period if views else None,
        counts={s: counts.get(s, 0) for s in FOUR_CATEGORIES},
        missing=[views[i] for i in missing if i in views],
        done=[views[i] for i in done if i in views],
        total=sum(counts.values()),
        missing_total=counts.get(Status.OPEN_ON_TIME, 0)
        + counts.get(Status.OPEN_OVERDUE, 0)
        + counts.get(Status.NOT_TRACKED, 0),
        not_tracked=counts.get(Status.NOT_TRACKED, 0),
        plan_number=plan.number,
    )


def effective_deadline() -> Any:
    """The last on-time day after an approved extension, as an SQL expression."""
    return case(
        (col(Occurrence.extended_to) > col(Occurrence.last_day), col(Occurrence.extended_to)),
        else_=col(Occurrence.last_day),
    )


def is_tracked() -> Any:
    """True for occurrences whose last on-time day is on or after their plan's "theo dõi từ"
    (the query joins `Plan`)."""
    start = col(Plan.tracked_from)
    return or_(start.is_(None), effective_deadline() >= start)


def status_category(today: date) -> Any:
    """The status category of an open or done occurrence on `today`, as an SQL expression
    (the same rule as `domain.status.status_of`, for counting in the database); the query
    joins `Plan`, whose "theo dõi từ" each row is judged by."""
    deadline = effective_deadline()
    is_open = col(Occurrence.state) == State.OPEN.value
    return case(
        (and_(is_open, ~is_tracked()), Status.NOT_TRACKED.value),
        (and_(is_open, deadline >= today), Status.OPEN_ON_TIME.value),
        (is_open, Status.OPEN_OVERDUE.value),
        (col(Occurrence.submitted_on) <= deadline, Status.DONE_ON_TIME.value),
        else_=Status.DONE_LATE.value,
    )


def _current_period(
    session: Session, obligations: list[int], today: date, scope: Any
) -> str | None:
    """The period a coordinator is chasing: the latest one due by next week, else the next one.

    Asked obligation by obligation, so that each question is one step down the index on
    (obligation, due date) however many units report."""
    soon = today + CURRENT_PERIOD_LOOKAHEAD
    fallen: list[tuple[date, str]] = []
    coming: list[tuple[date, str]] = []
    for obligation_id in obligations:
        of_it = select(col(Occurrence.due_date), col(Occurrence.period_key)).where(
            col(Occurrence.obligation_id) == obligation_id,
            col(Occurrence.state).in_([State.OPEN.value, State.DONE.value]),
            scope,
        )
        last = session.exec(
            of_it.where(col(Occurrence.due_date) <= soon)
            .order_by(col(Occurrence.due_date).desc())
            .limit(1)
        ).first()
        if last is not None:
            fallen.append((last[0], last[1]))
            continue
        first = session.exec(of_it.order_by(col(Occurrence.due_date)).limit(1)).first()
        if first is not None:
            coming.append((first[0], first[1]))
    if fallen:
        return max(fallen)[1]
    return min(coming)[1] if coming else None


def overdue(
    session: Session, identity: Identity, today: date, limit: int = 500
) -> list[OccurrenceView]:
    """Open occurrences past their last on-time day in the person's coordination scope."""
    rows = session.exec(
        view_query()
        .where(
            Occurrence.state == State.OPEN.value,
            Occurrence.last_day < today,
            is_tracked(),
            coordinated(identity, session),
        )
        .order_by(col(Occurrence.last_day), col(Unit.code))
        .limit(limit)
    ).all()
    return [v for v in (to_view(r, today) for r in rows) if v.status is Status.OPEN_OVERDUE]


def latest_files(session: Session, occurrence_ids: list[int]) -> dict[int, int]:
    """Occurrence id → id of the latest reply that carries a file."""
    if not occurrence_ids:
        return {}
    rows = session.exec(
        select(Reply.occurrence_id, Reply.id)
        .where(col(Reply.occurrence_id).in_(occurrence_ids), col(Reply.file_path).is_not(None))
        .order_by(col(Reply.id))
    ).all()
    return {occurrence_id: reply_id for occurrence_id, reply_id in rows if reply_id is not None}

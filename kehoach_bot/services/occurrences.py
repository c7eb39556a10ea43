"""Occurrences: materialise one row per obligation × period × responsible unit, idempotently.

Generation follows the plan as written (units and groups it names), named groups expand to their
members (a group with no members yet stands for itself), and units that were merged, split or
abolished hand their open and future occurrences to their successors. Done and waived occurrences
are history and are never touched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, update
from sqlmodel import Session, col, select

from kehoach_bot.db.models import (
    Extension,
    GroupMember,
    Obligation,
    ObligationUnit,
    Occurrence,
    Outbox,
    Plan,
    Reply,
    Succession,
    Unit,
)
from kehoach_bot.domain.deadlines import Deadline, DeadlinePolicy, Wording, last_on_time_day
from kehoach_bot.domain.periods import Period
from kehoach_bot.domain.schedules import Window, periods, schedule_from_dict
from kehoach_bot.domain.status import State
from kehoach_bot.domain.stored import ObligationRole
from kehoach_bot.domain.succession import Route, successors_for

MAX_DEPTH = 8
_CHUNK = 5000
ALWAYS = date.min  # a unit marked inactive without a date has been gone for every period


@dataclass(slots=True)
class SyncReport:
    """What one synchronisation changed."""

    created: int = 0
    updated: int = 0
    transferred: int = 0
    removed: int = 0


@dataclass(frozen=True, slots=True)
class UnitGraph:
    """Units, group members and successions, loaded once per synchronisation.

    Everything about a unit has a date: a unit that ended on E owes the periods whose last
    on-time day is before E; from E on its successors owe them (and receive them, when it was
    the recipient or the "qua" office).
    """

    groups: dict[int, list[int]]
    is_group: set[int]
    ended: dict[int, date]
    routes: dict[int, list[Route]]
    _gone: dict[date, frozenset[int]] = field(default_factory=dict)

    def gone_on(self, day: date) -> frozenset[int]:
        """The units that no longer exist on `day`."""
        found = self._gone.get(day)
        if found is None:
            found = frozenset(u for u, end in self.ended.items() if end <= day)
            self._gone[day] = found
        return found

    def hands_over(self, unit_id: int, day: date) -> bool:
        """True when a period of `unit_id` due on `day` is owed by others: its successors,
        or the members of a group that now has them."""
        return unit_id in self.gone_on(day) or bool(self.groups.get(unit_id))

    def office(self, unit_id: int | None, obligation_id: int, day: date) -> int | None:
        """The recipient or "qua" office in force on `day` (None: ended with no successor)."""
        if unit_id is None:
            return None
        found = successors_for(unit_id, obligation_id, self.routes, self.gone_on(day))
        return found[0] if found else None

    def targets(
        self, unit_id: int, obligation_id: int, day: date, excluded: set[int | None]
    ) -> list[tuple[int, int | None]]:
        """Units owing a period due on `day` for a named unit, each with the unit it took over
        from (a predecessor that ended, or the group it is a member of)."""
        found: dict[int, int | None] = {}
        self._expand(unit_id, obligation_id, self.gone_on(day), excluded, None, 0, found)
        return list(found.items())

    def _expand(
        self,
        unit_id: int,
        obligation_id: int,
        gone: frozenset[int],
        excluded: set[int | None],
        predecessor: int | None,
        depth: int,
        found: dict[int, int | None],
    ) -> None:
        if depth > MAX_DEPTH:
            return
        if unit_id in gone:
            for successor in successors_for(unit_id, obligation_id, self.routes, gone):
                self._expand(
                    successor,
                    obligation_id,
                    gone,
                    excluded,
                    predecessor or unit_id,
                    depth + 1,
                    found,
                )
            return
        if unit_id in self.is_group:
            members = self.groups.get(unit_id, [])
            if members:
                for member in members:
                    if member not in excluded:
                        self._expand(
                            member,
                            obligation_id,
                            gone,
                            excluded,
                            predecessor or unit_id,
                            depth + 1,
                            found,
                        )
                return
        found.setdefault(unit_id, predecessor)


def load_graph(session: Session) -> UnitGraph:
    """Group members, endings and succession routes of every unit."""
    groups: dict[int, list[int]] = defaultdict(list)
    for link in session.exec(select(GroupMember).order_by(col(GroupMember.member_id))).all():
        groups[link.group_id].append(link.member_id)
    is_group: set[int] = set()
    ended: dict[int, date] = {}
    for unit_id, group, active, ended_on in session.execute(
        select(col(Unit.id), col(Unit.is_group), col(Unit.active), col(Unit.ended_on))
    ).all():
        assert unit_id is not None
        if group:
            is_group.add(unit_id)
        if ended_on is not None:
            ended[unit_id] = ended_on
        elif not active:
            ended[unit_id] = ALWAYS
    routes: dict[int, list[Route]] = defaultdict(list)
    for succ in session.exec(select(Succession).order_by(col(Succession.id))).all():
        routes[succ.predecessor_id].append(Route(succ.successor_id, succ.obligation_id))
    return UnitGraph(dict(groups), is_group, ended, dict(routes))


def offices_on(
    session: Session, obligation: Obligation, day: date
) -> tuple[int | None, int | None]:
    """The obligation's recipient and "qua" office in force on `day`."""
    graph = load_graph(session)
    assert obligation.id is not None
    return (
        graph.office(obligation.recipient_id, obligation.id, day),
        graph.office(obligation.via_id, obligation.id, day),
    )


def obligation_window(obligation: Obligation, plan: Plan, until: date) -> Window:
    """The dates inside which the obligation's due dates may fall."""
    ends = [d for d in (obligation.valid_to, plan.valid_to, until) if d]
    return Window(obligation.valid_from or plan.valid_from or plan.issued_on, min(ends))


def sync_occurrences(
    session: Session,
    *,
    policy: DeadlinePolicy,
    until: date,
    now: datetime,
    obligation_ids: Iterable[int] | None = None,
    since: date | None = None,
    graph: UnitGraph | None = None,
) -> SyncReport:
    """Bring occurrences in line with obligations, units and successions, up to `until`.

    With `since`, only periods due from that day on are looked at: the daily tick only extends
    the rolling horizon, while loading or editing a plan goes over its whole window.
    """
    graph = graph or load_graph(session)
    query = select(Obligation, Plan).join(Plan, col(Plan.id) == col(Obligation.plan_id))
    if obligation_ids is not None:
        query = query.where(col(Obligation.id).in_(list(obligation_ids)))
    report = SyncReport()
    for obligation, plan in session.exec(query).all():
        _sync_one(session, obligation, plan, graph, policy, until, now, report, since)
    session.flush()
    session.expire_all()  # rows were changed by bulk statements: reload what is read next
    return report


@dataclass(frozen=True, slots=True)
class _Expected:
    period: Period
    due: date
    deadline: Deadline
    predecessor: int | None
    recipient_id: int | None
    via_id: int | None


def _expected(
    session: Session,
    obligation: Obligation,
    plan: Plan,
    graph: UnitGraph,
    policy: DeadlinePolicy,
    until: date,
    since: date | None,
) -> dict[tuple[int, str], _Expected]:
    if not obligation.active:
        return {}
    schedule = schedule_from_dict(obligation.schedule)
    if not schedule.is_dated:
        return {}
    assert obligation.id is not None
    named = sorted(
        session.exec(
            select(ObligationUnit.unit_id).where(
                ObligationUnit.obligation_id == obligation.id,
                ObligationUnit.role == ObligationRole.RESPONSIBLE.value,
            )
        ).all()
    )
    window = obligation_window(obligation, plan, until)
    if since is not None and window.start is not None:
        window = Window(max(window.start, since), window.end)
    if window.start is None or (window.end is not None and window.start > window.end):
        return {}
    wording = Wording(obligation.wording)
    # Who owes a period depends on the units gone by its last on-time day: the same set of
    # gone units gives the same answer, so it is worked out once per set.
    by_gone: dict[frozenset[int], tuple[int | None, int | None, dict[int, int | None]]] = {}
    deadlines: dict[date, Deadline] = {}
    expected: dict[tuple[int, str], _Expected] = {}
    for period, due in periods(schedule, window):
        deadline = deadlines.get(due) or deadlines.setdefault(
            due, last_on_time_day(due, wording, policy)
        )
        day = deadline.last_day
        gone = graph.gone_on(day)
        known = by_gone.get(gone)
        if known is None:
            recipient = graph.office(obligation.recipient_id, obligation.id, day)
            via = graph.office(obligation.via_id, obligation.id, day)
            targets: dict[int, int | None] = {}
            for unit_id in named:
                for target, predecessor in graph.targets(
                    unit_id, obligation.id, day, {recipient, via}
                ):
                    targets.setdefault(target, predecessor)
            known = by_gone.setdefault(gone, (recipient, via, targets))
        recipient, via, targets = known
        for target, predecessor in targets.items():
            expected[(target, period.key)] = _Expected(
                period, due, deadline, predecessor, recipient, via
            )
    return expected


def _sync_one(
    session: Session,
    obligation: Obligation,
    plan: Plan,
    graph: UnitGraph,
    policy: DeadlinePolicy,
    until: date,
    now: datetime,
    report: SyncReport,
    since: date | None,
) -> None:
    # Light rows, not ORM objects: the daily extension reads hundreds of thousands of them.
    query = select(*_EXISTING).where(  # type: ignore[call-overload]
        col(Occurrence.obligation_id) == obligation.id, col(Occurrence.request_id).is_(None)
    )
    if since is not None:
        query = query.where(col(Occurrence.due_date) >= since)
    existing = {(row.unit_id, row.period_key): row for row in session.execute(query).all()}
    expected = _expected(session, obligation, plan, graph, policy, until, since)
    wording = Wording(obligation.wording)
    assert obligation.id is not None
    stale = [
        row
        for key, row in existing.items()
        if key not in expected and row.state == State.OPEN.value
    ]
    # Owed by successors or by a group's members now: kept, with their history, as handed over.
    moved = [row.id for row in stale if graph.hands_over(row.unit_id, row.last_day)]
    _set_state(session, moved, State.TRANSFERRED, now)
    report.transferred += len(moved)
    # Expected again (a succession undone, a member removed): the unit owes it once more.
    returned = [
        row.id
        for key, row in existing.items()
        if key in expected and row.state == State.TRANSFERRED.value
    ]
    _set_state(session, returned, State.OPEN, now)
    report.transferred += len(returned)
    # Beyond `until` nothing was expected: those wait for a longer horizon, untouched.
    moved_ids = set(moved)
    retired = [row.id for row in stale if row.id not in moved_ids and until >= row.due_date]
    touched = _touched_ids(session, retired)
    # No longer asked for, but someone answered or was reminded: kept as history.
    _set_state(session, [i for i in retired if i in touched], State.WAIVED, now)
    unused = [i for i in retired if i not in touched]
    for start in range(0, len(unused), _CHUNK):
        session.execute(
            delete(Occurrence).where(col(Occurrence.id).in_(unused[start : start + _CHUNK]))
        )
    report.removed += len(retired)
    new_rows: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    relabelled: list[dict[str, Any]] = []
    for (unit_id, key), owed in expected.items():
        period, due, deadline = owed.period, owed.due, owed.deadline
        previous = existing.get((owed.predecessor, key)) if owed.predecessor else None
        if previous is not None and previous.state in (State.DONE.value, State.WAIVED.value):
            continue  # the predecessor already delivered this period
        current = existing.get((unit_id, key))
        if current is None:
            new_rows.append(
                {
                    "obligation_id": obligation.id,
                    "unit_id": unit_id,
                    "request_id": None,
                    "period_key": key,
                    "period_label": period.label,
                    "data_from": period.data_from,
                    "data_to": period.data_to,
                    "due_date": due,
                    "wording": wording.value,
                    "last_day": deadline.last_day,
                    "remind_by": deadline.remind_by,
                    "state": State.OPEN.value,
                    "routed_from_id": previous.id if previous else None,
                    "recipient_id": owed.recipient_id,
                    "via_id": owed.via_id,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        elif current.state in _OPEN_OR_RETURNED and (
            current.due_date != due
            or current.wording != wording.value
            or current.last_day != deadline.last_day
            or current.period_label != period.label
            or current.recipient_id != owed.recipient_id
            or current.via_id != owed.via_id
        ):
            row = {
                "id": current.id,
                "due_date": due,
                "wording": wording.value,
                "period_label": period.label,
                "data_from": period.data_from,
                "data_to": period.data_to,
                "last_day": deadline.last_day,
                "remind_by": deadline.remind_by,
                "recipient_id": owed.recipient_id,
                "via_id": owed.via_id,
                "updated_at": now,
            }
            if current.last_day != deadline.last_day:
                # The reminder stages moved with the deadline: worked out again.
                changed.append({**row, "next_remind_on": None})
            else:
                relabelled.append(row)
    for rows in (changed, relabelled):
        if rows:
            session.execute(update(Occurrence), rows)  # an UPDATE by primary key per row
            report.updated += len(rows)
    if new_rows:
        # One executemany rather than an ORM object per row: a plan for thousands of communes
        # creates tens of thousands of occurrences at once.
        session.execute(insert(Occurrence), new_rows)
        report.created += len(new_rows)


_EXISTING = (
    col(Occurrence.id),
    col(Occurrence.unit_id),
    col(Occurrence.period_key),
    col(Occurrence.state),
    col(Occurrence.due_date),
    col(Occurrence.wording),
    col(Occurrence.last_day),
    col(Occurrence.period_label),
    col(Occurrence.recipient_id),
    col(Occurrence.via_id),
)
_OPEN_OR_RETURNED = (State.OPEN.value, State.TRANSFERRED.value)


def _set_state(session: Session, ids: list[int], state: State, now: datetime) -> None:
    for start in range(0, len(ids), _CHUNK):
        session.execute(
            update(Occurrence)
            .where(col(Occurrence.id).in_(ids[start : start + _CHUNK]))
            .values(state=state.value, updated_at=now)
        )


def _touched_ids(session: Session, ids: list[int]) -> set[int]:
    """Occurrences with a history (replies, extensions, reminders, successors): never deleted."""
    if not ids:
        return set()
    touched: set[int] = set()
    for column in (
        Reply.occurrence_id,
        Extension.occurrence_id,
        Outbox.occurrence_id,
        Occurrence.routed_from_id,
    ):
        found = session.exec(select(column).where(col(column).in_(ids))).all()
        touched |= {i for i in found if i is not None}
    return touched

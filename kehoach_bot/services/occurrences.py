"""Occurrences: materialise one row per obligation × period × responsible unit, idempotently.

Generation follows the plan as written (units and groups it names), named groups expand to their
members (a group with no members yet stands for itself), and units that were merged, split or
abolished hand their open and future occurrences to their successors. Done and waived occurrences
are history and are never touched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
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
from kehoach_bot.domain.succession import Route, successors_for

MAX_DEPTH = 8
_CHUNK = 5000


@dataclass(slots=True)
class SyncReport:
    """What one synchronisation changed."""

    created: int = 0
    updated: int = 0
    transferred: int = 0
    removed: int = 0


@dataclass(frozen=True, slots=True)
class UnitGraph:
    """Units, group members and successions, loaded once per synchronisation."""

    groups: dict[int, list[int]]
    is_group: set[int]
    inactive: set[int]
    routes: dict[int, list[Route]]

    def targets(self, unit_id: int, obligation: Obligation) -> list[tuple[int, int | None]]:
        """Units owing `obligation` for a named unit, each with the unit it took over from."""
        found: dict[int, int | None] = {}
        self._expand(unit_id, obligation, None, 0, found)
        return list(found.items())

    def _expand(
        self,
        unit_id: int,
        obligation: Obligation,
        predecessor: int | None,
        depth: int,
        found: dict[int, int | None],
    ) -> None:
        if depth > MAX_DEPTH:
            return
        assert obligation.id is not None
        if unit_id in self.inactive:
            for successor in successors_for(unit_id, obligation.id, self.routes, self.inactive):
                self._expand(successor, obligation, predecessor or unit_id, depth + 1, found)
            return
        if unit_id in self.is_group:
            members = self.groups.get(unit_id, [])
            if members:
                excluded = {obligation.via_id, obligation.recipient_id}
                for member in members:
                    if member not in excluded:
                        self._expand(member, obligation, predecessor, depth + 1, found)
                return
        found.setdefault(unit_id, predecessor)


def load_graph(session: Session) -> UnitGraph:
    groups: dict[int, list[int]] = defaultdict(list)
    for link in session.exec(select(GroupMember).order_by(col(GroupMember.member_id))).all():
        groups[link.group_id].append(link.member_id)
    is_group: set[int] = set()
    inactive: set[int] = set()
    for unit_id, group, active in session.exec(select(Unit.id, Unit.is_group, Unit.active)).all():
        assert unit_id is not None
        if group:
            is_group.add(unit_id)
        if not active:
            inactive.add(unit_id)
    routes: dict[int, list[Route]] = defaultdict(list)
    for succ in session.exec(select(Succession).order_by(col(Succession.id))).all():
        routes[succ.predecessor_id].append(Route(succ.successor_id, succ.obligation_id))
    return UnitGraph(dict(groups), is_group, inactive, dict(routes))


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


def _expected(
    session: Session,
    obligation: Obligation,
    plan: Plan,
    graph: UnitGraph,
    until: date,
    since: date | None,
) -> dict[tuple[int, str], tuple[Period, date, int | None]]:
    if not obligation.active:
        return {}
    schedule = schedule_from_dict(obligation.schedule)
    if not schedule.is_dated:
        return {}
    named = session.exec(
        select(ObligationUnit.unit_id).where(
            ObligationUnit.obligation_id == obligation.id, ObligationUnit.role == "responsible"
        )
    ).all()
    targets: dict[int, int | None] = {}
    for unit_id in sorted(named):
        for target, predecessor in graph.targets(unit_id, obligation):
            targets.setdefault(target, predecessor)
    window = obligation_window(obligation, plan, until)
    if since is not None and window.start is not None:
        window = Window(max(window.start, since), window.end)
    if window.start is None or (window.end is not None and window.start > window.end):
        return {}
    expected: dict[tuple[int, str], tuple[Period, date, int | None]] = {}
    for period, due in periods(schedule, window):
        for target, predecessor in targets.items():
            expected[(target, period.key)] = (period, due, predecessor)
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
    expected = _expected(session, obligation, plan, graph, until, since)
    wording = Wording(obligation.wording)
    assert obligation.id is not None
    stale = [
        row
        for key, row in existing.items()
        if key not in expected and row.state == State.OPEN.value
    ]
    moved = [row.id for row in stale if row.unit_id in graph.inactive]
    _set_state(session, moved, State.TRANSFERRED, now)
    report.transferred += len(moved)
    # Beyond `until` nothing was expected: those wait for a longer horizon, untouched.
    retired = [
        row.id for row in stale if row.unit_id not in graph.inactive and until >= row.due_date
    ]
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
    deadlines: dict[date, Deadline] = {}
    for (unit_id, key), (period, due, predecessor) in expected.items():
        previous = existing.get((predecessor, key)) if predecessor else None
        if previous is not None and previous.state in (State.DONE.value, State.WAIVED.value):
            continue  # the predecessor already delivered this period
        deadline = deadlines.get(due) or deadlines.setdefault(
            due, last_on_time_day(due, wording, policy)
        )
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
                    "created_at": now,
                    "updated_at": now,
                }
            )
        elif current.state == State.OPEN.value and (
            current.due_date != due
            or current.wording != wording.value
            or current.last_day != deadline.last_day
            or current.period_label != period.label
        ):
            changed.append(
                {
                    "id": current.id,
                    "due_date": due,
                    "wording": wording.value,
                    "period_label": period.label,
                    "data_from": period.data_from,
                    "data_to": period.data_to,
                    "last_day": deadline.last_day,
                    "remind_by": deadline.remind_by,
                    "next_remind_on": None,  # the reminder stages moved with the deadline
                    "updated_at": now,
                }
            )
    if changed:
        session.execute(update(Occurrence), changed)  # an UPDATE by primary key per row
        report.updated += len(changed)
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
)


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

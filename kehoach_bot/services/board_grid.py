"""A plan's grid on the board: units × periods coloured by status, its counts, filters and
pages. The counts are the whole plan's, asked in SQL; only one page's occurrences are loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func
from sqlmodel import Session, col, select

from kehoach_bot.db import freshness
from kehoach_bot.db.models import (
    AdHocRequest,
    Obligation,
    Occurrence,
    Plan,
    Unit,
)
from kehoach_bot.domain.deadlines import WORDING_TEXT, Wording
from kehoach_bot.domain.schedule_text import plain_text
from kehoach_bot.domain.status import (
    DUE_SOON_DAYS,
    State,
    Status,
    effective_last_day,
    is_due_soon,
    status_of,
)
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import tracking
from kehoach_bot.services.board_access import SessionRef, session_viewer
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.exports import CATEGORIES, EXPORTED_STATES, coordinated_plan
from kehoach_bot.texts import board_vi as t


@dataclass(frozen=True, slots=True)
class GridItem:
    """One occurrence in a cell: one report of one unit for one period."""

    occurrence_id: int
    obligation: str
    title: str
    status: Status
    due_soon: bool
    needs_review: bool
    due: date
    wording: str  # as the plan writes it: "trước ngày"
    deadline: date  # the last on-time day after any extension
    extended_to: date | None
    submitted_on: date | None


@dataclass(frozen=True, slots=True)
class GridPeriod:
    """A column: one period, placed by its first deadline."""

    key: str
    label: str
    first_due: date


@dataclass(frozen=True, slots=True)
class GridRow:
    """A row: one unit and its items per period (the same order as the columns)."""

    unit: str
    unit_name: str
    is_group: bool
    cells: tuple[tuple[GridItem, ...], ...]
    kind: str = ""  # Unit.kind: so, phong, ubnd_huyen…


@dataclass(frozen=True, slots=True)
class PlanGrid:
    """A plan's grid of units × periods, with the counts of the whole plan."""

    plan: str
    plan_number: str
    plan_title: str
    today: date
    counts: dict[Status, int]  # every category of exports.CATEGORIES (as `plan_table`)
    due_soon: int
    needs_review: int
    total: int
    periods: tuple[GridPeriod, ...]
    rows: tuple[GridRow, ...]  # only units with an item matching the filter
    mark: str | None  # the filter: a Status value, "due_soon" or "needs_review"
    viewer: str  # who is looking (their name)
    search: str = ""  # the unit-name search, as typed
    period: str = ""  # the period filter, as typed
    kind: str = ""  # the unit-kind filter
    all_periods: tuple[GridPeriod, ...] = ()  # every period of the plan, for the period choice
    kinds: tuple[str, ...] = ()  # the unit kinds the plan's units have, for the kind choice
    page: int = 1  # the page of units shown, from 1
    pages: int = 1
    unit_total: int = 0  # units with an item passing every filter, on all pages
    per_page: int = 50  # units on a full page

    @property
    def narrowed(self) -> bool:
        """True when a search, period or kind filter narrows the counts."""
        return bool(self.search or self.period or self.kind)


GRID_MARKS = ("due_soon", "needs_review")
MAX_FILTER_CHARS = 100
PAGE_UNITS = 50  # units (rows) on one page of the grid, by unit code
MAX_PAGE_DIGITS = 6


@dataclass(frozen=True, slots=True)
class GridFilter:
    """The grid's filters other than the status: unit name (accents optional), period, kind."""

    search: str = ""
    period: str = ""
    kind: str = ""


def _in_period(key: str, label: str, wanted: str) -> bool:
    """The period filter: its key or the start of it ("2026" keeps every period of 2026), or
    words of its label ("quý 1")."""
    return key.lower().startswith(wanted.lower()) or plain_text(wanted) in plain_text(label)


def matches(item: GridItem, mark: str | None) -> bool:
    """True when the item passes the filter (a Status value, "due_soon", "needs_review")."""
    if mark is None:
        return True
    if mark == "due_soon":
        return item.due_soon
    if mark == "needs_review":
        return item.needs_review
    return item.status.value == mark


def parse_page(raw: str) -> int:
    """The grid's page number from `?trang=`: 1 when absent; InvalidInput unless a whole number
    from 1."""
    text = raw.strip()
    if not text:
        return 1
    if not text.isdigit() or len(text) > MAX_PAGE_DIGITS or int(text) < 1:
        raise InvalidInput(t.BAD_PAGE.format(value=text[:20]))
    return int(text)


def plan_grid(
    runtime: Runtime,
    *,
    ref: SessionRef,
    plan_code: str,
    mark: str | None,
    narrow: GridFilter = GridFilter(),
    page: int = 1,
) -> PlanGrid:
    """`/ke-hoach/<code>`: one page of units of the grid of a plan the person coordinates (any
    plan for an admin), narrowed by `narrow`; the counts are the whole plan's under that filter,
    the status `mark` only hides rows; a page past the last gives the last page."""
    if mark is not None and mark not in {s.value for s in CATEGORIES} | set(GRID_MARKS):
        raise InvalidInput(t.BAD_STATUS.format(value=mark[:40]))
    if page < 1:
        raise InvalidInput(t.BAD_PAGE.format(value=page))
    narrow = GridFilter(
        *(
            " ".join(v.split())[:MAX_FILTER_CHARS]
            for v in (narrow.search, narrow.period, narrow.kind)
        )
    )
    if narrow.kind and narrow.kind not in t.UNIT_KINDS:
        raise InvalidInput(t.BAD_KIND.format(value=narrow.kind[:40]))
    today = runtime.today()
    with runtime.transaction() as session:
        identity = session_viewer(session, runtime, ref)
        plan = coordinated_plan(
            session,
            runtime,
            user_id=identity.telegram_user_id,
            plan_code=plan_code[:64],
            refusal=t.NOT_YOUR_PLAN,
            identity=identity,
        )
        assert plan.id is not None
        plan_id = plan.id
        # The same page is read again only after a commit (`db.freshness`).
        found = freshness.remember(
            session,
            ("board-page", plan_id, today, narrow, mark, page),
            lambda: _GridQuery(session, plan_id, today).read(narrow, mark, page),
        )
        viewer = identity.full_name or str(identity.telegram_user_id)
    return PlanGrid(
        plan=plan.code,
        plan_number=plan.number,
        plan_title=plan.title,
        today=today,
        counts=dict(found.counts),
        due_soon=found.due_soon,
        needs_review=found.needs_review,
        total=sum(found.counts.values()),
        periods=found.periods,
        rows=found.rows,
        mark=mark,
        viewer=viewer,
        search=narrow.search,
        period=narrow.period,
        kind=narrow.kind,
        all_periods=found.all_periods,
        kinds=found.kinds,
        page=found.page,
        pages=found.pages,
        unit_total=found.unit_total,
        per_page=PAGE_UNITS,
    )


@dataclass(frozen=True, slots=True)
class _GridData:
    counts: dict[Status, int]
    due_soon: int
    needs_review: int
    periods: tuple[GridPeriod, ...]
    all_periods: tuple[GridPeriod, ...]
    kinds: tuple[str, ...]
    rows: tuple[GridRow, ...]
    page: int
    pages: int
    unit_total: int


class _GridQuery:
    """The grid's questions to the database: counts, columns and the units of a page are
    answered in SQL over the whole plan; only the page's occurrences are loaded."""

    def __init__(self, session: Session, plan_id: int, today: date) -> None:
        # Plain column queries through Core: the ORM's per-row loading doubled their cost.
        self._core = session.connection()
        self._session = session
        self.plan_id = plan_id
        self.today = today
        deadline = tracking.effective_deadline()
        self.category = tracking.status_category(today)
        self.soon = deadline <= today + timedelta(days=DUE_SOON_DAYS)
        self.due_soon = and_(
            col(Occurrence.state) == State.OPEN.value,
            tracking.is_tracked(),
            deadline >= today,
            deadline <= today + timedelta(days=DUE_SOON_DAYS),
        )

    def _scoped(self, *columns: Any) -> Any:
        """The plan's open and done occurrences (the rows of `plan_table`); without their unit,
        whose join cost more than the rest of a count."""
        return (
            select(*columns)
            .select_from(Occurrence)
            .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
            .join(Plan, col(Plan.id) == col(Obligation.plan_id))
            .where(
                col(Obligation.plan_id) == self.plan_id,
                col(Occurrence.state).in_(EXPORTED_STATES),
            )
        )

    def _tally(self, *where: Any) -> _Tally:
        """Counts and columns in one pass: by period and status category."""
        first = func.min(col(Occurrence.due_date))
        found: dict[str, GridPeriod] = {}
        counts = {s: 0 for s in CATEGORIES}
        due_soon = needs_review = 0
        # Grouped by plain flags rather than summing conditions: each is computed once a row.
        grouped = (
            col(Occurrence.period_key),
            col(Occurrence.period_label),
            self.category,
            self.soon,
            col(Obligation.needs_review),
        )
        for key, label, status, soon, review, due, count in self._core.execute(
            self._scoped(*grouped, first, func.count()).where(*where).group_by(*grouped)
        ).all():
            # Each period placed by its first deadline, as the rows are ordered.
            if key not in found or due < found[key].first_due:
                found[key] = GridPeriod(key, label, due)
            counts[Status(status)] += int(count)
            if soon and status == Status.OPEN_ON_TIME.value:
                due_soon += int(count)
            if review:
                needs_review += int(count)
        periods = tuple(sorted(found.values(), key=lambda p: (p.first_due, p.key)))
        return _Tally(counts, due_soon, needs_review, periods)

    def _units(self, *where: Any) -> list[Any]:
        """The plan's units with an occurrence passing `where`, by code."""
        chosen = self._scoped(col(Occurrence.unit_id)).where(*where).distinct().scalar_subquery()
        shown: list[Any] = [Unit.id, Unit.code, Unit.name, Unit.kind, Unit.is_group]
        return list(
            self._core.execute(
                select(*shown).where(col(Unit.id).in_(chosen)).order_by(col(Unit.code))
            ).all()
        )

    def _narrowing(
        self, narrow: GridFilter, units: list[Any], all_periods: tuple[GridPeriod, ...]
    ) -> list[Any]:
        """The search, period and kind filters as conditions (search and period chosen here,
        since accents are optional)."""
        where: list[Any] = []
        if narrow.search:
            search = plain_text(narrow.search)
            where.append(
                col(Occurrence.unit_id).in_(
                    [
                        u.id
                        for u in units
                        if search in plain_text(u.name) or search in plain_text(u.code)
                    ]
                )
            )
        if narrow.period:
            keys = [p.key for p in all_periods if _in_period(p.key, p.label, narrow.period)]
            where.append(col(Occurrence.period_key).in_(keys))
        if narrow.kind:
            where.append(
                col(Occurrence.unit_id).in_(select(Unit.id).where(Unit.kind == narrow.kind))
            )
        return where

    def _marked(self, mark: str | None) -> list[Any]:
        if mark is None:
            return []
        if mark == "due_soon":
            return [self.due_soon]
        if mark == "needs_review":
            return [col(Obligation.needs_review)]
        return [self.category == mark]

    def read(self, narrow: GridFilter, mark: str | None, page: int) -> _GridData:
        """The counts, columns and one page of rows."""
        # The whole plan's counts and units, read again only after a commit (`db.freshness`).
        whole, every = freshness.remember(
            self._session,
            ("board-grid", self.plan_id, self.today),
            lambda: (self._tally(), self._units()),
        )
        where = self._narrowing(narrow, every, whole.periods)
        tally = self._tally(*where) if where else whole
        kinds = sorted({u.kind for u in every}, key=_kind_order)
        shown = self._units(*where, *self._marked(mark)) if where or mark else every
        pages = max(1, -(-len(shown) // PAGE_UNITS))
        page = min(page, pages)
        on_page = shown[(page - 1) * PAGE_UNITS : page * PAGE_UNITS]
        return _GridData(
            tally.counts,
            tally.due_soon,
            tally.needs_review,
            tally.periods,
            whole.periods,
            tuple(kinds),
            self._rows(on_page, where, tally.periods, mark),
            page,
            pages,
            len(shown),
        )

    def _rows(
        self,
        units: Sequence[Any],
        where: list[Any],
        periods: tuple[GridPeriod, ...],
        mark: str | None,
    ) -> tuple[GridRow, ...]:
        """The rows of the page's units: only their occurrences are loaded, only the columns a
        cell shows."""
        if not units:
            return ()
        loaded = self._core.execute(
            self._scoped(
                col(Occurrence.id),
                col(Occurrence.state),
                col(Occurrence.submitted_on),
                col(Occurrence.last_day),
                col(Occurrence.extended_to),
                col(Occurrence.period_key),
                col(Occurrence.due_date),
                col(Occurrence.wording),
                col(Obligation.code),
                # An ad hoc request's own text is its title everywhere.
                func.coalesce(col(AdHocRequest.title), col(Obligation.title)),
                col(Obligation.needs_review),
                col(Plan.tracked_from),
                col(Occurrence.unit_id),
            )
            .outerjoin(AdHocRequest, col(AdHocRequest.id) == col(Occurrence.request_id))
            .where(col(Occurrence.unit_id).in_([u.id for u in units]), *where)
            .order_by(col(Occurrence.due_date), col(Occurrence.id))
        ).all()
        column = {p.key: i for i, p in enumerate(periods)}
        cells: dict[int, list[list[GridItem]]] = {u.id: [[] for _ in periods] for u in units}
        today = self.today
        for (
            occurrence_id,
            state,
            submitted_on,
            last_day,
            extended_to,
            period_key,
            due,
            wording,
            obligation,
            title,
            needs_review,
            tracked_from,
            unit_id,
        ) in loaded:
            status = status_of(
                State(state), last_day, today, submitted_on, extended_to, tracked_from
            )
            item = GridItem(
                occurrence_id,
                obligation,
                title,
                status,
                is_due_soon(status, last_day, today, extended_to),
                bool(needs_review),
                due,
                WORDING_TEXT[Wording(wording)],
                effective_last_day(last_day, extended_to),
                extended_to,
                submitted_on,
            )
            cells[unit_id][column[period_key]].append(item)
        return tuple(
            GridRow(
                u.code,
                u.name,
                bool(u.is_group),
                tuple(tuple(i for i in cell if matches(i, mark)) for cell in cells[u.id]),
                u.kind,
            )
            for u in units
        )


@dataclass(frozen=True, slots=True)
class _Tally:
    counts: dict[Status, int]
    due_soon: int
    needs_review: int
    periods: tuple[GridPeriod, ...]


def _kind_order(kind: str) -> int:
    order = list(t.UNIT_KINDS)
    return order.index(kind) if kind in order else len(order)

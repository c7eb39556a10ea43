"""The board's actions and pages, one transaction each: sign-in links, sessions, and the data of
the home page, a plan's grid and an officer's page.

Every page re-identifies the person from the database with their current roles, so a revoked
person is refused at their next request. Only SHA-256 hashes of tokens and session keys are
stored; the clear values are returned once, to be sent or set as a cookie.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, update
from sqlmodel import Session, col, select

from kehoach_bot.db import freshness
from kehoach_bot.db.models import (
    AdHocRequest,
    BoardLink,
    BoardSession,
    Extension,
    Obligation,
    Occurrence,
    Outbox,
    Plan,
    Reply,
    Unit,
)
from kehoach_bot.domain.deadlines import WORDING_TEXT, Wording
from kehoach_bot.domain.status import (
    DUE_SOON_DAYS,
    State,
    Status,
    effective_last_day,
    is_due_soon,
    status_of,
)
from kehoach_bot.domain.stored import DeliveryStatus, ExtensionStatus, MessageKind, ReplyKind
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.plans.extract.matching import fold
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import audit, card_facts, tracking
from kehoach_bot.services import names as person_names
from kehoach_bot.services import replies as replies_service
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound, ServiceError
from kehoach_bot.services.exports import CATEGORIES, EXPORTED_STATES, coordinated_plan, find_plan
from kehoach_bot.services.people import Identity, identify
from kehoach_bot.services.tracking import (
    OccurrenceView,
    may_answer,
    may_coordinate,
)
from kehoach_bot.texts import board_vi as t

LINKS_PER_HOUR = 5  # sign-in links one person may ask for in an hour
HISTORY_LIMIT = 30
MAX_SECRET_CHARS = 200  # longer tokens and keys are refused before hashing


class SignedOut(ServiceError):
    """No valid session: never signed in, expired, or the person lost every role."""


class BoardOff(ServiceError):
    """The board is not enabled in the configuration."""


def digest(secret: str) -> str:
    """The stored form of a sign-in token or a session key."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class IssuedLink:
    """A fresh one-time sign-in link: its URL holds the token, shown once, never stored."""

    url: str
    expires_at: datetime  # UTC
    expires_text: str  # local "HH:MM dd/mm/yyyy"


@dataclass(frozen=True, slots=True)
class OpenedSession:
    """A new session: `key` goes into the signed cookie, only its hash is stored."""

    key: str
    telegram_user_id: int
    issued_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class SessionRef:
    """What a verified cookie names: whose session it is and its key."""

    telegram_user_id: int
    key: str


def issue_link(runtime: Runtime, *, telegram_user_id: int, actor: str) -> IssuedLink:
    """/bang and `board-link`: a one-time sign-in link for a known person (rate-limited)."""
    board = runtime.settings.board
    if not board.enabled:
        raise BoardOff(t.BOARD_OFF)
    now = runtime.now()
    with runtime.transaction() as session:
        identity = identify(session, telegram_user_id, runtime.settings.telegram.admins)
        if not identity.known:
            raise Forbidden(t.PERSON_UNKNOWN.format(telegram_id=telegram_user_id))
        recent = session.exec(
            select(func.count())
            .select_from(BoardLink)
            .where(
                BoardLink.telegram_user_id == telegram_user_id,
                col(BoardLink.created_at) > now - timedelta(hours=1),
            )
        ).one()
        if recent >= LINKS_PER_HOUR:
            raise InvalidInput(t.TOO_MANY_LINKS.format(count=recent, minutes=60))
        token = secrets.token_urlsafe(32)
        expires_at = now + timedelta(minutes=board.link_minutes)
        session.add(
            BoardLink(
                token_hash=digest(token),
                telegram_user_id=telegram_user_id,
                created_by=actor[:120],
                created_at=now,
                expires_at=expires_at,
            )
        )
        audit.record(
            session,
            actor=actor,
            action="board_link",
            entity="person",
            entity_id=telegram_user_id,
            after={"expires_at": expires_at.isoformat()},
            now=now,
        )
    local = expires_at.astimezone(runtime.settings.tz)
    return IssuedLink(
        url=f"{board.base_url}/vao/{token}",
        expires_at=expires_at,
        expires_text=f"{local:%H:%M} {format_date(local.date())}",
    )


def sign_in_with_link(runtime: Runtime, *, token: str) -> OpenedSession:
    """`GET /vao/<token>`: spend the link once and open a session; SignedOut if it is not valid."""
    if not token or len(token) > MAX_SECRET_CHARS:
        raise SignedOut(t.LINK_REFUSED)
    now = runtime.now()
    with runtime.transaction() as session:
        # Spent by one statement, so of two requests with the same link only one wins.
        spent = session.execute(
            update(BoardLink)
            .where(
                col(BoardLink.token_hash) == digest(token),
                col(BoardLink.used_at).is_(None),
                col(BoardLink.expires_at) > now,
            )
            .values(used_at=now)
            .returning(col(BoardLink.telegram_user_id))
        ).first()
        if spent is None:
            raise SignedOut(t.LINK_REFUSED)
        return _open(session, runtime, int(spent[0]), "link", now)


def sign_in_from_telegram(runtime: Runtime, *, telegram_user_id: int) -> OpenedSession:
    """`POST /vao/telegram`: open a session for a user whose Mini App initData was verified."""
    now = runtime.now()
    with runtime.transaction() as session:
        return _open(session, runtime, telegram_user_id, "telegram", now)


def _open(
    session: Session, runtime: Runtime, telegram_user_id: int, via: str, now: datetime
) -> OpenedSession:
    identity = identify(session, telegram_user_id, runtime.settings.telegram.admins)
    if not identity.known:
        raise SignedOut(t.NO_ACCESS)
    key = secrets.token_urlsafe(24)
    expires_at = now + timedelta(hours=runtime.settings.board.session_hours)
    session.add(
        BoardSession(
            key_hash=digest(key),
            telegram_user_id=telegram_user_id,
            via=via,
            created_at=now,
            expires_at=expires_at,
        )
    )
    audit.record(
        session,
        actor=f"tg:{telegram_user_id}",
        action="board_sign_in",
        entity="person",
        entity_id=telegram_user_id,
        after={"via": via},
        now=now,
    )
    return OpenedSession(key, telegram_user_id, now, expires_at)


def session_viewer(session: Session, runtime: Runtime, ref: SessionRef) -> Identity:
    """The person behind a live session, with their current roles; SignedOut otherwise."""
    if len(ref.key) > MAX_SECRET_CHARS:
        raise SignedOut(t.SIGNED_OUT)
    found = session.exec(
        select(BoardSession.telegram_user_id).where(
            BoardSession.key_hash == digest(ref.key),
            col(BoardSession.expires_at) > runtime.now(),
        )
    ).first()
    if found is None or found != ref.telegram_user_id:
        raise SignedOut(t.SIGNED_OUT)
    identity = identify(session, ref.telegram_user_id, runtime.settings.telegram.admins)
    if not identity.known:
        raise SignedOut(t.NO_ACCESS)
    return identity


# --- Pages -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnitOwed:
    """One of the person's units and how many reports it still owes."""

    unit: str
    unit_name: str
    owed: int


@dataclass(frozen=True, slots=True)
class Home:
    """The person's home page: the plans they follow and their units."""

    full_name: str
    is_admin: bool
    plans: tuple[tuple[str, str], ...]  # (code, title)
    units: tuple[UnitOwed, ...]
    today: date


def home(runtime: Runtime, *, ref: SessionRef) -> Home:
    """`/`: a coordinator's plans, an officer's units, every plan for an admin."""
    today = runtime.today()
    with runtime.transaction() as session:
        identity = session_viewer(session, runtime, ref)
        if identity.is_admin:
            plans = tuple(sorted(session.exec(select(Plan.code, Plan.title)).all()))
        else:
            plans = tuple(tracking.coordinated_plans(session, identity))
        owed = tracking.owed(session, identity, today)
        counted: dict[int, int] = {}
        for view in owed:
            counted[view.unit_id] = counted.get(view.unit_id, 0) + 1
        units = tuple(
            UnitOwed(m.unit, m.unit_name, counted.get(m.unit_id, 0))
            for m in identity.memberships
            if m.role in tracking.ANSWERING_ROLES
        )
        return Home(
            identity.full_name or str(identity.telegram_user_id),
            identity.is_admin,
            plans,
            tuple(dict.fromkeys(units)),
            today,
        )


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


def _folded(text: str) -> str:
    return " ".join(fold(text).split())


def _in_period(key: str, label: str, wanted: str) -> bool:
    """The period filter: its key or the start of it ("2026" keeps every period of 2026), or
    words of its label ("quý 1")."""
    return key.lower().startswith(wanted.lower()) or _folded(wanted) in _folded(label)


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
            search = _folded(narrow.search)
            where.append(
                col(Occurrence.unit_id).in_(
                    [u.id for u in units if search in _folded(u.name) or search in _folded(u.code)]
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


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """One submission of the person's units."""

    at: datetime  # local time
    by: str
    title: str
    period: str
    unit_name: str
    file_name: str | None


@dataclass(frozen=True, slots=True)
class UnitPage:
    """An officer's page: what their units still owe and their submissions."""

    full_name: str
    units: tuple[str, ...]  # names
    owed: tuple[OccurrenceView, ...]
    history: tuple[HistoryLine, ...]
    today: date


def unit_page(runtime: Runtime, *, ref: SessionRef) -> UnitPage:
    """`/don-vi`: the reports of the person's own units only; Forbidden without one."""
    today = runtime.today()
    with runtime.transaction() as session:
        identity = session_viewer(session, runtime, ref)
        units = [m for m in identity.memberships if m.role in tracking.ANSWERING_ROLES]
        if not units:
            raise Forbidden(t.NOT_AN_OFFICER)
        owed = tracking.owed(session, identity, today)
        answering = Identity(
            identity.telegram_user_id,
            identity.person_id,
            identity.full_name,
            False,
            [m for m in identity.memberships if m.role in tracking.ANSWERING_ROLES],
        )
        submitted = card_facts.submissions(
            session,
            answering,
            occurrence_id=None,
            today=today,
            tz=runtime.settings.tz,
            limit=HISTORY_LIMIT,
        )
        return UnitPage(
            identity.full_name or str(identity.telegram_user_id),
            tuple(dict.fromkeys(m.unit_name for m in units)),
            tuple(owed),
            tuple(
                HistoryLine(
                    s.answered.at,
                    s.answered.by,
                    s.view.title,
                    s.view.period,
                    s.view.unit_name,
                    s.answered.file_name,
                )
                for s in submitted
            ),
            today,
        )


# --- A cell's details and the files --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerLine:
    """One answer of the unit: who, when (local time), what, the note and the file."""

    reply_id: int
    at: datetime
    by: str
    kind: ReplyKind
    note: str
    file_name: str | None


@dataclass(frozen=True, slots=True)
class ExtensionLine:
    """An extension request and, once decided, who decided it and when (local times)."""

    asked_at: datetime
    asked_by: str
    proposed: date
    reason: str
    status: ExtensionStatus
    decided_by: str
    decided_at: datetime | None


@dataclass(frozen=True, slots=True)
class ReminderLine:
    """A message the bot queued about this occurrence, and what became of it."""

    kind: MessageKind
    stage: str
    status: DeliveryStatus
    to: str
    at: datetime  # when it was sent, else when it was queued (local time)
    attempts: int


@dataclass(frozen=True, slots=True)
class CellDetail:
    """One unit's report for one period: the facts, the answers, extensions and reminders."""

    plan: str
    plan_number: str
    plan_title: str
    occurrence_id: int
    unit: str
    unit_name: str
    title: str
    period: str
    wording: str
    due: date
    deadline: date
    extended_to: date | None
    status: Status
    due_soon: bool
    needs_review: bool
    submitted_on: date | None
    may_download: bool  # the viewer may open the files (the unit itself or its coordinators)
    answers: tuple[AnswerLine, ...]
    extensions: tuple[ExtensionLine, ...]
    reminders: tuple[ReminderLine, ...]
    today: date
    viewer: str


def cell_detail(
    runtime: Runtime, *, ref: SessionRef, plan_code: str, occurrence_id: int
) -> CellDetail:
    """`/ke-hoach/<code>/o/<id>`: a cell's details, for the plan's coordinators, an admin or
    the unit itself; NotFound when the id is not a period of that plan."""
    today, tz = runtime.today(), runtime.settings.tz
    with runtime.transaction() as session:
        identity = session_viewer(session, runtime, ref)
        plan = find_plan(session, plan_code[:64])
        try:
            view = tracking.get_view(session, occurrence_id, today)
        except NotFound:
            raise NotFound(t.CELL_NOT_FOUND) from None
        if view.plan != plan.code:
            raise NotFound(t.CELL_NOT_FOUND)
        followed = {code for code, _ in tracking.coordinated_plans(session, identity)}
        if not (identity.is_admin or plan.code in followed or may_answer(identity, view)):
            raise Forbidden(t.NOT_YOUR_PLAN.format(plan=plan.code))
        replies = session.exec(
            select(Reply)
            .where(Reply.occurrence_id == occurrence_id)
            .order_by(col(Reply.created_at), col(Reply.id))
        ).all()
        extensions = session.exec(
            select(Extension)
            .where(Extension.occurrence_id == occurrence_id)
            .order_by(col(Extension.created_at), col(Extension.id))
        ).all()
        sent = session.exec(
            select(Outbox)
            .where(Outbox.occurrence_id == occurrence_id)
            .order_by(col(Outbox.created_at), col(Outbox.id))
        ).all()
        people = person_names.by_person_id(
            session,
            [r.person_id for r in replies if r.person_id is not None]
            + [p for e in extensions for p in (e.requested_by_id, e.decided_by_id) if p]
            + [o.person_id for o in sent if o.person_id is not None],
        )

        def named(person_id: int | None) -> str:
            found = people.get(person_id) if person_id is not None else None
            return found.name if found is not None and found.name else ""

        return CellDetail(
            plan=plan.code,
            plan_number=plan.number,
            plan_title=plan.title,
            occurrence_id=view.id,
            unit=view.unit,
            unit_name=view.unit_name,
            title=view.title,
            period=view.period,
            wording=view.wording_text,
            due=view.due,
            deadline=view.deadline,
            extended_to=view.extended_to,
            status=view.status,
            due_soon=view.due_soon,
            needs_review=view.needs_review,
            submitted_on=view.submitted_on,
            may_download=may_answer(identity, view) or may_coordinate(identity, view),
            answers=tuple(
                AnswerLine(
                    r.id or 0,
                    r.created_at.astimezone(tz),
                    named(r.person_id),
                    ReplyKind(r.kind),
                    r.text,
                    r.file_name if r.file_path else None,
                )
                for r in replies
            ),
            extensions=tuple(
                ExtensionLine(
                    e.created_at.astimezone(tz),
                    named(e.requested_by_id),
                    e.proposed_date,
                    e.reason,
                    ExtensionStatus(e.status),
                    named(e.decided_by_id),
                    e.decided_at.astimezone(tz) if e.decided_at else None,
                )
                for e in extensions
            ),
            reminders=tuple(
                ReminderLine(
                    MessageKind(o.kind),
                    o.stage,
                    DeliveryStatus(o.status),
                    named(o.person_id),
                    (o.sent_at or o.created_at).astimezone(tz),
                    o.attempts,
                )
                for o in sent
            ),
            today=today,
            viewer=identity.full_name or str(identity.telegram_user_id),
        )


@dataclass(frozen=True, slots=True)
class BoardFile:
    """A submitted file ready to send: the name it was submitted under and where it lies."""

    file_name: str
    path: Path  # resolved, inside the data folder


def report_file(runtime: Runtime, *, ref: SessionRef, reply_id: int) -> BoardFile:
    """`/tep/<reply id>`: a submitted file, for the unit itself or its coordinators only."""
    today = runtime.today()
    with runtime.transaction() as session:
        identity = session_viewer(session, runtime, ref)
        stored = replies_service.reply_file(
            session, identity=identity, reply_id=reply_id, today=today
        )
    data_dir = Path(runtime.settings.data_dir).resolve()
    # The stored path is relative to the data folder; one leading out of it is never followed.
    path = (data_dir / stored.path).resolve()
    if not stored.path or not path.is_relative_to(data_dir) or not path.is_file():
        raise NotFound(t.FILE_GONE)
    return BoardFile(stored.file_name, path)

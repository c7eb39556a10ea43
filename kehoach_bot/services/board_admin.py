"""The board's admin page and its downloads: the flags that wait for an admin's decision, and the
outputs of a plan (Excel table, chart, synthesis draft, submitted files) the bot also sends.

Each download checks the session first, then runs exactly the service the bot's command runs
(`/xuat`, `/bieudo`, `/duthao`, `/tepnop`) for that person, which checks again that they
coordinate the plan (any plan for an admin). A period or an output that does not exist is
NotFound: on the board it is a page that is not there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select

from kehoach_bot.db.models import Obligation, Occurrence, Plan, Reply
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import bundle, decisions, exports, group_status, review, synthesis
from kehoach_bot.services.board_access import SessionRef, session_viewer
from kehoach_bot.services.bundle import PlanFiles
from kehoach_bot.services.decisions import EndedOffice
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound
from kehoach_bot.services.exports import PlanTable
from kehoach_bot.services.group_status import UnfilledGroup
from kehoach_bot.services.people import Identity
from kehoach_bot.services.review import Flagged
from kehoach_bot.services.synthesis import Synthesis
from kehoach_bot.texts import board_admin_vi as t
from kehoach_bot.texts import board_vi

MAX_CODE = 64
T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


@dataclass(frozen=True, slots=True)
class AdminFlags:
    """What waits for an admin: unfilled groups, obligations to review, ended offices."""

    full_name: str
    unfilled: tuple[UnfilledGroup, ...]
    to_review: tuple[Flagged, ...]  # dated ones, decided with /duyet
    undated: tuple[Flagged, ...]  # to be dated with /sua first
    ended: tuple[EndedOffice, ...]

    @property
    def empty(self) -> bool:
        """True when nothing waits."""
        return not (self.unfilled or self.to_review or self.undated or self.ended)


def admin_flags(runtime: Runtime, *, ref: SessionRef) -> AdminFlags:
    """`/quan-tri`: the flags that need an admin's decision, read-only; Forbidden to others."""
    with runtime.transaction() as session:
        identity = session_viewer(session, runtime, ref)
        if not identity.is_admin:
            raise Forbidden(t.ADMIN_ONLY)
        waiting = review.flagged(session)
        return AdminFlags(
            full_name=identity.full_name or str(identity.telegram_user_id),
            unfilled=tuple(group_status.unfilled_groups(session)),
            to_review=tuple(item for group in waiting.groups for item in group.items),
            undated=tuple(waiting.undated),
            ended=tuple(decisions.ended_offices(session)),
        )


@dataclass(frozen=True, slots=True)
class PeriodOutputs:
    """One period of a plan on the downloads page: its synthesis draft, and its files if any."""

    key: str
    label: str
    files: int  # submitted files of the period (the zip holds them)


@dataclass(frozen=True, slots=True)
class Downloads:
    """The outputs of a plan the person may download, period by period."""

    plan: str
    plan_number: str
    plan_title: str
    full_name: str
    periods: tuple[PeriodOutputs, ...]  # in the order of their first deadline


def downloads(runtime: Runtime, *, ref: SessionRef, plan_code: str) -> Downloads:
    """`/ke-hoach/<code>/tai-ve`: the periods of a plan the person coordinates, with file counts."""
    with runtime.transaction() as session:
        identity, plan = _viewers_plan(session, runtime, ref, plan_code)
        in_plan = (
            select(Occurrence.period_key, Occurrence.period_label, func.min(Occurrence.due_date))
            .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
            .where(
                col(Obligation.plan_id) == plan.id,
                col(Occurrence.state).in_(exports.EXPORTED_STATES),
            )
            .group_by(col(Occurrence.period_key), col(Occurrence.period_label))
        )
        periods = sorted(session.exec(in_plan).all(), key=lambda p: (p[2], p[0]))
        files = dict(
            session.exec(
                select(Occurrence.period_key, func.count(col(Reply.id)))
                .join(Occurrence, col(Occurrence.id) == col(Reply.occurrence_id))
                .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
                .where(
                    col(Obligation.plan_id) == plan.id,
                    col(Occurrence.state).in_(exports.EXPORTED_STATES),
                    col(Reply.file_path).is_not(None),
                )
                .group_by(col(Occurrence.period_key))
            ).all()
        )
        seen: dict[str, PeriodOutputs] = {}
        for key, label, _ in periods:
            seen.setdefault(key, PeriodOutputs(key, label, int(files.get(key, 0))))
        return Downloads(
            plan=plan.code,
            plan_number=plan.number,
            plan_title=plan.title,
            full_name=identity.full_name or str(identity.telegram_user_id),
            periods=tuple(seen.values()),
        )


def plan_table(runtime: Runtime, *, ref: SessionRef, plan_code: str) -> PlanTable:
    """`xuat.xlsx`, `bieu-do.png`: the whole plan's table, as /xuat and /bieudo read it."""
    with runtime.transaction() as session:
        _, plan = _viewers_plan(session, runtime, ref, plan_code)
        try:
            return exports.read_table(runtime, session, plan, None, None, None)
        except InvalidInput as exc:  # a plan without a report yet: no table to download
            raise NotFound(str(exc)) from exc


def period_synthesis(
    runtime: Runtime, *, ref: SessionRef, plan_code: str, period_key: str
) -> Synthesis:
    """`tong-hop/<period>.docx`: the synthesis draft of one period, as /duthao makes it."""
    return _of_period(runtime, ref, plan_code, period_key, synthesis.synthesis_in)


def period_files(
    runtime: Runtime, *, ref: SessionRef, plan_code: str, period_key: str
) -> PlanFiles:
    """`tep/<period>.zip`: the submitted files of one period, as /tepnop gathers them."""
    return _of_period(runtime, ref, plan_code, period_key, bundle.files_in)


class _PeriodOutput(Protocol[T_co]):
    def __call__(
        self,
        session: Session,
        runtime: Runtime,
        *,
        user_id: int,
        plan_code: str,
        period: str,
        refusal: str,
    ) -> T_co: ...


def _of_period(
    runtime: Runtime, ref: SessionRef, plan_code: str, period_key: str, make: _PeriodOutput[T]
) -> T:
    """One period's output for the person behind the session, in one transaction; an unknown
    period (or one with nothing to put out) is a page that is not there."""
    with runtime.transaction() as session:
        user_id = session_viewer(session, runtime, ref).telegram_user_id
        try:
            return make(
                session,
                runtime,
                user_id=user_id,
                plan_code=plan_code[:MAX_CODE],
                period=period_key[:MAX_CODE],
                refusal=board_vi.NOT_YOUR_PLAN,
            )
        except InvalidInput as exc:
            raise NotFound(str(exc)) from exc


def _viewers_plan(
    session: Session, runtime: Runtime, ref: SessionRef, plan_code: str
) -> tuple[Identity, Plan]:
    """The person behind the session and the plan, when they coordinate it (any for an admin)."""
    identity = session_viewer(session, runtime, ref)
    plan = exports.coordinated_plan(
        session,
        runtime,
        user_id=identity.telegram_user_id,
        plan_code=plan_code[:MAX_CODE],
        refusal=board_vi.NOT_YOUR_PLAN,
        identity=identity,
    )
    return identity, plan

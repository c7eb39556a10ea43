"""Actions of the command line, one transaction each: load plans, the calendar, the units and plans
lists, mergers and splits, a new unit, an ad hoc request, the delivery's health, an invite.

Each takes the command's `Runtime` (its clock fixed to the moment the command started) and the
parsed arguments, does its work in `runtime.transaction()` and returns plain data for
`kehoach_bot/cli/render.py`. The person acting is named by the command line (`--by`, or the
account that runs it): there is no permission check here, whoever can run `bot.py` owns the data.
"""

from __future__ import annotations

from datetime import date

from kehoach_bot.domain.roles import Role
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import calendar as calendar_service
from kehoach_bot.services import (
    group_changes,
    group_status,
    health,
    people,
    plan_tracking,
    requests,
    succession,
    units,
)
from kehoach_bot.services import plans as plan_service
from kehoach_bot.services.bootstrap import horizon, prepare_database
from kehoach_bot.services.calendar import CalendarEntry
from kehoach_bot.services.group_changes import MemberChange, MembersSaved
from kehoach_bot.services.group_previews import MemberAction, MembersPreview
from kehoach_bot.services.group_status import UnfilledGroup
from kehoach_bot.services.health import DeliveryHealth
from kehoach_bot.services.people import IssuedInvite
from kehoach_bot.services.plans import LoadResult, PlanView
from kehoach_bot.services.requests import RequestResult
from kehoach_bot.services.succession import SuccessionResult
from kehoach_bot.services.units import UnitView


def prepare(runtime: Runtime) -> list[LoadResult]:
    """Migrate to the latest schema; on an empty database load the seed plans. Before any action."""
    return prepare_database(runtime.engine, runtime.settings, runtime.now())


def load_plans(runtime: Runtime, *, sources: list[tuple[str, str]], actor: str) -> list[LoadResult]:
    """`load-plans`: plan files (name, text) loaded together; none is written if one is bad."""
    now = runtime.now()
    policy, until = runtime.settings.deadlines, horizon(runtime.settings, now)
    with runtime.transaction() as session:
        return plan_service.load_plans(
            session,
            sources,
            actor=actor,
            now=now,
            today=now.astimezone(runtime.settings.tz).date(),
            policy=policy,
            until=until,
        )


def calendar(
    runtime: Runtime,
    *,
    start: date | None,
    end: date | None,
    plan_code: str | None,
    unit_code: str | None,
) -> list[CalendarEntry]:
    """`calendar`: the occurrences due in a range, for a plan or a unit (and its members)."""
    now = runtime.now()
    with runtime.transaction() as session:
        return calendar_service.calendar_in_range(
            session,
            today=runtime.today(),
            start=start,
            end=end,
            plan_code=plan_code,
            unit_code=unit_code,
            policy=runtime.settings.deadlines,
            now=now,
            horizon=horizon(runtime.settings, now),
        )


def list_units(runtime: Runtime) -> list[UnitView]:
    """`units`: the units directory."""
    with runtime.transaction() as session:
        return units.list_units(session)


def list_plans(runtime: Runtime) -> list[PlanView]:
    """`plans`: the plans."""
    with runtime.transaction() as session:
        return plan_service.list_plans(session)


def plans_overview(runtime: Runtime) -> tuple[list[PlanView], list[UnfilledGroup]]:
    """`plans`: the plans, and the obligations whose group has no members yet."""
    with runtime.transaction() as session:
        return plan_service.list_plans(session), group_status.unfilled_groups(session)


def preview_members(
    runtime: Runtime, *, group: str, action: MemberAction, text: str, actor: str
) -> MembersPreview:
    """`unit group-import` without --yes: what saving the list would do; nothing is written."""
    now = runtime.now()
    with runtime.rolled_back() as session:
        return group_changes.dry_run(
            session,
            group,
            action,
            text,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        )


def save_members(runtime: Runtime, *, change: MemberChange, actor: str) -> MembersSaved:
    """`unit group-add`, `group-remove`, `group-import --yes`: change a group's members."""
    now = runtime.now()
    with runtime.transaction() as session:
        return group_changes.save(
            session,
            change,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        )


def record_succession(
    runtime: Runtime,
    *,
    kind: str,
    old: str,
    into: list[str],
    routes: dict[str, str],
    default: str,
    effective_on: date | None,
    actor: str,
) -> SuccessionResult:
    """`unit merge` / `unit split`: record it and route the old unit's open work by its rule."""
    now = runtime.now()
    with runtime.transaction() as session:
        return succession.split(
            session,
            old=old,
            into=into,
            routes=routes,
            default=default,
            effective_on=effective_on or runtime.today(),
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
            kind=kind,
        )


def add_unit(
    runtime: Runtime,
    *,
    code: str,
    name: str,
    kind: str,
    locality: str,
    short: str,
    parent: str | None,
    groups: list[str],
    aliases: list[str],
    actor: str,
) -> tuple[str, str]:
    """`unit add`: a new unit, optionally into named groups; (code, name)."""
    now = runtime.now()
    with runtime.transaction() as session:
        unit = units.add_unit(
            session,
            code=code,
            name=name,
            kind=kind,
            locality=locality,
            short=short,
            parent=parent,
            groups=groups,
            aliases=aliases,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        )
        return unit.code, unit.name


def request_ad_hoc(
    runtime: Runtime,
    *,
    unit_codes: list[str],
    title: str,
    due: date,
    plan_code: str | None,
    recipient_code: str | None,
    actor: str,
    requester: str = "",
) -> RequestResult:
    """`request`: an ad hoc report for the chosen units, its card queued for each of their officers.

    The running bot's dispatcher sends the cards, as it does for `/dotxuat`. `requester` is the
    person named by `--by`: the cards show it, with the requesting unit's name.
    """
    now, today = runtime.now(), runtime.today()
    with runtime.transaction() as session:
        result = requests.request_ad_hoc(
            session,
            unit_codes=unit_codes,
            title=title,
            due=due,
            plan_code=plan_code,
            recipient_code=recipient_code,
            actor=actor,
            requester=requester,
            now=now,
            today=today,
            policy=runtime.settings.deadlines,
            lead_days=runtime.settings.reminders.lead_days,
        )
        return result


def delivery_health(runtime: Runtime) -> DeliveryHealth:
    """`status`: the outbox, the last tick and the next reminder days."""
    with runtime.transaction() as session:
        return health.delivery_health(session, today=runtime.today())


def issue_invite(
    runtime: Runtime, *, unit_code: str, role: Role, hours: int, actor: str
) -> IssuedInvite:
    """`invite`: a one-time invite for a unit and role."""
    with runtime.transaction() as session:
        return people.issue_invite(
            session, unit_code=unit_code, role=role, hours=hours, actor=actor, now=runtime.now()
        )


def set_tracked_from(
    runtime: Runtime, *, plan_code: str, day: date, actor: str
) -> plan_tracking.TrackedFrom:
    """`plan tracked-from`: track a plan from a date; earlier periods become history."""
    with runtime.transaction() as session:
        return plan_tracking.set_tracked_from(
            session, plan_code=plan_code, day=day, actor=actor, now=runtime.now()
        )


def undo_succession(runtime: Runtime, *, code: str, actor: str) -> succession.UndoResult:
    """`unit undo`: undo a merger, split or end recorded by mistake."""
    now = runtime.now()
    with runtime.transaction() as session:
        return succession.undo(
            session,
            code=code,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        )

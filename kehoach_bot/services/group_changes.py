"""Saving a change of a group's members: new units, members in or out, audited, and the
occurrences of the obligations naming the group brought in line. Saving recomputes the preview
and refuses when it no longer is the one shown (its token)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlmodel import Session, col, delete

from kehoach_bot.db.models import GroupMember
from kehoach_bot.domain.deadlines import DeadlinePolicy
from kehoach_bot.services import audit, units
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.group_directory import UnitRef, get_group, member_ids, unit_codes
from kehoach_bot.services.group_previews import MemberAction, MembersPreview, preview
from kehoach_bot.services.group_status import sync_for_groups
from kehoach_bot.services.occurrences import SyncReport
from kehoach_bot.texts import groups_vi as t


@dataclass(frozen=True, slots=True)
class MemberChange:
    """A previewed change as the admin typed it, with the token of the preview shown."""

    group: str
    action: MemberAction
    text: str
    token: str


@dataclass(frozen=True, slots=True)
class MembersSaved:
    """A saved change: the members before and after, new units, the occurrences it moved."""

    group: UnitRef
    before: tuple[str, ...]
    after: tuple[str, ...]
    created: tuple[str, ...]
    sync: SyncReport


def apply(
    session: Session,
    planned: MembersPreview,
    *,
    actor: str,
    now: datetime,
    policy: DeadlinePolicy,
    until: date,
) -> MembersSaved:
    """Write a previewed change: new units, members in or out, audited, occurrences in line."""
    if planned.problems:
        raise InvalidInput(t.LIST_HAS_PROBLEMS.format(count=len(planned.problems)))
    if not planned.changes:
        raise InvalidInput(t.NOTHING_TO_CHANGE.format(group=planned.group.code))
    group = get_group(session, planned.group.code)
    assert group.id is not None
    created: list[str] = []
    for new in planned.create:
        unit = units.add_unit(
            session,
            code=new.code,
            name=new.name,
            kind=new.kind,
            locality=group.locality,
            actor=actor,
            now=now,
            policy=policy,
            until=until,
        )
        created.append(unit.code)
    joining = [units.get_unit(session, u.code).id for u in planned.add]
    joining += [units.get_unit(session, code).id for code in created]
    for member_id in joining:
        assert member_id is not None
        session.add(GroupMember(group_id=group.id, member_id=member_id))
    leaving = [units.get_unit(session, u.code).id for u in planned.remove]
    if leaving:
        session.exec(
            delete(GroupMember).where(
                col(GroupMember.group_id) == group.id, col(GroupMember.member_id).in_(leaving)
            )
        )
    session.flush()
    after = unit_codes(session, member_ids(session, group.id))
    audit.record(
        session,
        actor=actor,
        action=f"group_{planned.action.value}",
        entity="unit",
        entity_id=group.code,
        before={"members": list(planned.before)},
        after={"members": list(after)},
        now=now,
    )
    report = sync_for_groups(session, [group.id], policy=policy, until=until, now=now)
    return MembersSaved(
        UnitRef(group.code, group.name), planned.before, after, tuple(created), report
    )


def dry_run(
    session: Session,
    group_code: str,
    action: MemberAction,
    text: str,
    *,
    actor: str,
    now: datetime,
    policy: DeadlinePolicy,
    until: date,
) -> MembersPreview:
    """The preview, with what saving would do to the occurrences when it can be saved; the
    caller rolls the session back."""
    found = preview(session, group_code, action, text)
    if not found.ready:
        return found
    done = apply(session, found, actor=actor, now=now, policy=policy, until=until)
    return replace(found, sync=done.sync)


def save(
    session: Session,
    change: MemberChange,
    *,
    actor: str,
    now: datetime,
    policy: DeadlinePolicy,
    until: date,
) -> MembersSaved:
    """Save a change as typed, provided its preview is still the one shown (same token); an
    empty token (the command line's `group-add`, which shows no preview) saves it as it is now."""
    found = preview(session, change.group, change.action, change.text)
    if change.token and found.token != change.token:
        raise InvalidInput(t.PREVIEW_STALE)
    return apply(session, found, actor=actor, now=now, policy=policy, until=until)

"""Named groups and their members ("UBND các xã, thị trấn" is 22 communes): the admin's actions in
the bot, one transaction each.

An admin adds or removes members by code, or pastes a list of names (or imports a CSV file) that
is matched to the directory ignoring accents and using aliases (`group_lists`). Every change is
previewed first (`group_previews`); saving (`group_changes`) recomputes the preview and refuses
when it no longer is the one shown (its token). Each change is audited and followed by the
occurrences of the obligations that name the group: members take over from the group's shared
row. A dated obligation whose group has no members yet is flagged ("chưa có danh sách đơn vị")
wherever admins and coordinators look (`group_status`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlmodel import Session

from kehoach_bot.db.models import Unit
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import people
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.services.group_changes import MemberChange, MembersSaved, dry_run, save
from kehoach_bot.services.group_directory import get_group
from kehoach_bot.services.group_previews import MemberAction, MembersPreview
from kehoach_bot.services.group_status import GroupSummary, list_groups, summary
from kehoach_bot.texts import groups_vi as t

T = TypeVar("T")


def _as_admin(runtime: Runtime, user_id: int, work: Callable[[Session, str], T]) -> T:
    with runtime.transaction() as session:
        return work(session, people.require_admin(runtime, session, user_id))


def _group_by_id(session: Session, group_id: int) -> Unit:
    unit = session.get(Unit, group_id)
    if unit is None:
        raise NotFound(t.GROUP_NOT_FOUND)
    if not unit.is_group:
        raise InvalidInput(t.NOT_A_GROUP.format(code=unit.code))
    return unit


def groups(runtime: Runtime, *, user_id: int) -> list[GroupSummary]:
    """/nhom: the groups, their members and flags."""
    return _as_admin(runtime, user_id, lambda s, _: list_groups(s))


def group(runtime: Runtime, *, user_id: int, group_id: int) -> GroupSummary:
    """A group's card (the buttons under /nhom)."""
    return _as_admin(runtime, user_id, lambda s, _: summary(s, _group_by_id(s, group_id)))


def find_group(runtime: Runtime, *, user_id: int, code: str) -> GroupSummary:
    """/nhom CODE: a group's card by code."""
    return _as_admin(runtime, user_id, lambda s, _: summary(s, get_group(s, code)))


def preview_change(
    runtime: Runtime, *, user_id: int, group_code: str, action: MemberAction, text: str
) -> MembersPreview:
    """What a change of members would do, occurrences included; nothing is kept."""
    now = runtime.now()
    with runtime.rolled_back() as session:
        actor = people.require_admin(runtime, session, user_id)
        return dry_run(
            session,
            group_code,
            action,
            text,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        )


def save_change(runtime: Runtime, *, user_id: int, change: MemberChange) -> MembersSaved:
    """Save a previewed change, provided it still is the one the preview showed."""
    now = runtime.now()
    return _as_admin(
        runtime,
        user_id,
        lambda s, actor: save(
            s,
            change,
            actor=actor,
            now=now,
            policy=runtime.settings.deadlines,
            until=horizon(runtime.settings, now),
        ),
    )

"""Previews of a change of a group's members: codes to add or remove, or a pasted list; nothing is
written. Each preview carries a token that names exactly that change."""

from __future__ import annotations

import enum
import hashlib
import json
import re
from dataclasses import dataclass, replace

from sqlmodel import Session

from kehoach_bot.domain.member_lists import plain_key, read_lines
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.group_directory import (
    Directory,
    UnitRef,
    find_unit,
    get_group,
    member_ids,
    unit_codes,
)
from kehoach_bot.services.group_lists import BLOCKING, LineOutcome, ListLine, NewUnit, match_line
from kehoach_bot.services.occurrences import SyncReport
from kehoach_bot.texts import groups_vi as t

MAX_LINES = 500
MAX_NAME = 300
_CODES = re.compile(r"[,;\s]+")


class MemberAction(enum.StrEnum):
    """What a change does to a group's members."""

    ADD = "add"
    REMOVE = "remove"
    PASTE = "paste"  # a list of names (or codes), one per line: the listed units join


@dataclass(frozen=True, slots=True)
class MembersPreview:
    """What a change of members would do; `token` names exactly this change."""

    group: UnitRef
    action: MemberAction
    before: tuple[str, ...]
    add: tuple[UnitRef, ...]
    create: tuple[NewUnit, ...]
    remove: tuple[UnitRef, ...]
    lines: tuple[ListLine, ...] = ()
    token: str = ""
    sync: SyncReport | None = None

    @property
    def problems(self) -> tuple[ListLine, ...]:
        """Lines that must be corrected before anything can be saved."""
        return tuple(line for line in self.lines if line.outcome in BLOCKING)

    @property
    def changes(self) -> bool:
        """True when saving would change the members."""
        return bool(self.add or self.create or self.remove)

    @property
    def ready(self) -> bool:
        """True when the preview may be saved as it stands."""
        return self.changes and not self.problems


def preview_codes(
    session: Session, group_code: str, action: MemberAction, text: str
) -> MembersPreview:
    """Add or remove the units whose codes are listed; any bad code refuses the whole list."""
    group = get_group(session, group_code)
    assert group.id is not None
    codes = [c for c in _CODES.split(text.strip()) if c]
    if not codes:
        raise InvalidInput(t.NO_CODES)
    seen: set[str] = set()
    for code in codes:
        if code.upper() in seen:
            raise InvalidInput(t.CODE_TWICE.format(code=code))
        seen.add(code.upper())
    members = set(member_ids(session, group.id))
    chosen: list[UnitRef] = []
    for code in codes:
        unit = find_unit(session, code)
        if unit.id == group.id:
            raise InvalidInput(t.MEMBER_IS_THE_GROUP.format(group=group.code))
        if action is MemberAction.ADD:
            if unit.is_group:
                raise InvalidInput(t.MEMBER_IS_A_GROUP.format(code=unit.code))
            if unit.id in members:
                raise InvalidInput(t.ALREADY_MEMBER.format(code=unit.code, group=group.code))
        elif unit.id not in members:
            raise InvalidInput(t.NOT_A_MEMBER.format(code=unit.code, group=group.code))
        other = unit.locality if unit.locality != group.locality else ""
        chosen.append(UnitRef(unit.code, unit.name, other))
    adding = action is MemberAction.ADD
    return _with_token(
        MembersPreview(
            group=UnitRef(group.code, group.name),
            action=action,
            before=unit_codes(session, members),
            add=tuple(chosen) if adding else (),
            create=(),
            remove=() if adding else tuple(chosen),
        )
    )


def preview_list(session: Session, group_code: str, text: str) -> MembersPreview:
    """Match a pasted list (one name or code per line) against the directory; nothing is written.

    Blank, repeated, ambiguous lines and lines naming a group are reported and block saving;
    names found nowhere are offered as new units named exactly as written.
    """
    group = get_group(session, group_code)
    assert group.id is not None
    if not text.strip():
        raise InvalidInput(t.ALL_BLANK if text.splitlines() else t.EMPTY_LIST)
    lines = read_lines(text)
    if len(lines) > MAX_LINES:
        raise InvalidInput(t.TOO_MANY_LINES.format(count=len(lines), limit=MAX_LINES))
    for line in lines:
        if len(line.text) > MAX_NAME:
            raise InvalidInput(t.LINE_TOO_LONG.format(number=line.number, limit=MAX_NAME))
    directory = Directory.load(session)
    members = set(member_ids(session, group.id))
    taken = set(directory.by_code)
    prefix = group.code.split("-")[0] if "-" in group.code else ""
    matched: list[ListLine] = []
    first_by_key: dict[str, int] = {}
    first_by_unit: dict[str, int] = {}
    for line in lines:
        outcome = match_line(line, group, directory, members, prefix, taken)
        if outcome.outcome is not LineOutcome.BLANK:
            # The same name twice, or two names of one unit ("DN-CUJUT" and "huyện Cư Jút").
            key, unit = plain_key(line.text), outcome.unit.code if outcome.unit else ""
            earlier = first_by_key.get(key) or first_by_unit.get(unit)
            if earlier is not None:
                outcome = ListLine(line.number, line.text, LineOutcome.DUPLICATE, first=earlier)
            else:
                first_by_key[key] = line.number
                if unit:
                    first_by_unit[unit] = line.number
                if outcome.new is not None:
                    taken.add(outcome.new.code.upper())
        matched.append(outcome)
    return _with_token(
        MembersPreview(
            group=UnitRef(group.code, group.name),
            action=MemberAction.PASTE,
            before=unit_codes(session, members),
            add=tuple(
                line.unit
                for line in matched
                if line.outcome is LineOutcome.MATCHED and line.unit is not None
            ),
            create=tuple(line.new for line in matched if line.new is not None),
            remove=(),
            lines=tuple(matched),
        )
    )


def _with_token(preview: MembersPreview) -> MembersPreview:
    content = json.dumps(
        [
            preview.group.code,
            preview.action.value,
            preview.before,
            [u.code for u in preview.add],
            [[n.code, n.name, n.kind] for n in preview.create],
            [u.code for u in preview.remove],
        ],
        ensure_ascii=False,
    )
    return replace(preview, token=hashlib.sha256(content.encode()).hexdigest()[:16])


def preview(session: Session, group_code: str, action: MemberAction, text: str) -> MembersPreview:
    """The preview of a change as typed: codes to add or remove, or a pasted list."""
    if action is MemberAction.PASTE:
        return preview_list(session, group_code, text)
    return preview_codes(session, group_code, action, text)

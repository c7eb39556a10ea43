"""Named groups: the /nhom list and card, previews of member changes, the "chưa có danh sách
đơn vị" flag. Pure: the command line prints the same previews."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from kehoach_bot.services.group_changes import MembersSaved
from kehoach_bot.services.group_directory import UnitRef
from kehoach_bot.services.group_lists import LineOutcome, ListLine
from kehoach_bot.services.group_previews import MemberAction, MembersPreview
from kehoach_bot.services.group_status import GroupSummary, UnfilledGroup
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.telegram.render.pages import paginate
from kehoach_bot.texts import groups_vi as t
from kehoach_bot.texts.plans_vi import UNIT_KINDS

# The buttons of a group's card, in the order of their index in the callback data.
MODES = (MemberAction.ADD, MemberAction.REMOVE, MemberAction.PASTE)
_MODE_BUTTONS = {
    MemberAction.ADD: t.BUTTON_ADD,
    MemberAction.REMOVE: t.BUTTON_REMOVE,
    MemberAction.PASTE: t.BUTTON_PASTE,
}
MAX_GROUP_BUTTONS = 60


def _locality(unit: UnitRef) -> str:
    return t.LOCALITY.format(locality=unit.locality) if unit.locality else ""


def group_list(found: Sequence[GroupSummary]) -> tuple[list[str], InlineKeyboardMarkup | None]:
    """Every group with its member count and flag; a button per group opens its card."""
    if not found:
        return [t.GROUPS_EMPTY], None
    lines = [
        t.GROUPS_LINE.format(
            code=g.code, name=g.name, count=len(g.members), flag=t.FLAG if g.unfilled else ""
        )
        for g in found
    ]
    buttons = [
        [
            InlineKeyboardButton(
                t.BUTTON_GROUP.format(code=g.code, count=len(g.members)),
                callback_data=encode(Action.GROUP, g.id),
            )
        ]
        for g in found[:MAX_GROUP_BUTTONS]
    ]
    return paginate(lines, t.GROUPS_TITLE.format(count=len(found))), InlineKeyboardMarkup(buttons)


def group_card(group: GroupSummary) -> tuple[list[str], InlineKeyboardMarkup]:
    """A group: its members, the obligations naming it, the flag; buttons to change members."""
    header = t.GROUP_CARD.format(
        code=group.code,
        name=group.name,
        locality=group.locality or t.NONE,
        named_by=", ".join(group.named_by) or t.NONE,
    )
    lines: list[str] = []
    if group.members:
        lines.append(t.GROUP_MEMBERS.format(count=len(group.members)))
        lines += [
            t.GROUP_MEMBER_LINE.format(code=m.code, name=m.name, locality=_locality(m))
            for m in group.members
        ]
    else:
        lines.append(t.GROUP_NO_MEMBERS)
    if group.unfilled:
        lines.append(t.GROUP_UNFILLED)
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    _MODE_BUTTONS[mode], callback_data=encode(Action.GROUP_MODE, group.id, i)
                )
                for i, mode in enumerate(MODES)
            ]
        ]
    )
    return paginate(lines, header), keyboard


def ask(group: GroupSummary, mode: MemberAction) -> str:
    """What the admin's next message should be for this mode."""
    if mode is MemberAction.ADD:
        return t.ASK_ADD.format(group=group.code, example=t.EXAMPLE_CODES)
    if mode is MemberAction.REMOVE:
        members = ", ".join(m.code for m in group.members) or t.NONE
        return t.ASK_REMOVE.format(group=group.code, members=members)
    return t.ASK_PASTE.format(group=group.code)


def _line(line: ListLine) -> str:
    number, text, unit = line.number, line.text, line.unit
    if line.outcome is LineOutcome.BLANK:
        return t.LINE_BLANK.format(number=number)
    if line.outcome is LineOutcome.DUPLICATE:
        return t.LINE_DUPLICATE.format(number=number, text=text, first=line.first)
    if line.outcome is LineOutcome.UNKNOWN_CODE:
        return t.LINE_UNKNOWN_CODE.format(number=number, text=text)
    if line.outcome is LineOutcome.AMBIGUOUS:
        candidates = t.CANDIDATE_SEPARATOR.join(
            t.CANDIDATE.format(code=c.code, name=c.name, locality=_locality(c))
            for c in line.candidates
        )
        return t.LINE_AMBIGUOUS.format(number=number, text=text, candidates=candidates)
    if line.outcome is LineOutcome.NEW:
        assert line.new is not None
        kind = UNIT_KINDS.get(line.new.kind, line.new.kind)
        return t.LINE_NEW.format(number=number, text=text, code=line.new.code, kind=kind)
    assert unit is not None
    template = {
        LineOutcome.MATCHED: t.LINE_MATCHED,
        LineOutcome.MEMBER: t.LINE_MEMBER,
        LineOutcome.SELF: t.LINE_SELF,
        LineOutcome.GROUP: t.LINE_GROUP,
    }[line.outcome]
    return template.format(
        number=number, text=text, code=unit.code, name=unit.name, locality=_locality(unit)
    )


def _units(found: Sequence[UnitRef]) -> str:
    return ", ".join(f"{u.code} ({u.name}{_locality(u)})" for u in found)


def preview(found: MembersPreview) -> list[str]:
    """A change of members as it would be saved, line by line for a pasted list; paged."""
    lines = [_line(line) for line in found.lines]
    lines.append(
        t.PREVIEW_BEFORE.format(count=len(found.before), codes=", ".join(found.before) or t.NONE)
    )
    if found.add:
        lines.append(t.PREVIEW_ADD.format(units=_units(found.add)))
    if found.create:
        lines.append(
            t.PREVIEW_CREATE.format(units=", ".join(f"{n.code} «{n.name}»" for n in found.create))
        )
    if found.remove:
        lines.append(t.PREVIEW_REMOVE.format(units=_units(found.remove)))
    if found.problems:
        lines.append(t.PREVIEW_PROBLEMS.format(count=len(found.problems)))
    elif not found.changes:
        lines.append(t.PREVIEW_NOTHING)
    else:
        after = len(found.before) + len(found.add) + len(found.create) - len(found.remove)
        lines.append(t.PREVIEW_AFTER.format(count=after))
        if found.sync is not None:
            lines.append(
                t.PREVIEW_SYNC.format(
                    created=found.sync.created,
                    transferred=found.sync.transferred,
                    removed=found.sync.removed,
                )
            )
    title = t.PREVIEW_TITLE.format(group=found.group.code, name=found.group.name)
    return paginate(lines, title)


def saved(done: MembersSaved) -> str:
    """The answer to «Lưu»."""
    created = t.SAVED_CREATED.format(codes=", ".join(done.created)) if done.created else ""
    return t.SAVED.format(
        group=done.group.code,
        count=len(done.after),
        created=created,
        new=done.sync.created,
        transferred=done.sync.transferred,
        removed=done.sync.removed,
    )


def unfilled_lines(found: Sequence[UnfilledGroup]) -> list[str]:
    """One line per obligation whose group has no members yet."""
    return [
        t.UNFILLED_LINE.format(
            plan=u.plan, obligation=u.obligation, group=u.group, group_name=u.group_name
        )
        for u in found
    ]

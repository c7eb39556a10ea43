"""Pasted member lists: what each line comes to against the directory; CSV files read as lists."""

from __future__ import annotations

import csv
import enum
import io
import re
from dataclasses import dataclass

from kehoach_bot.db.models import Unit
from kehoach_bot.domain.member_lists import Line, guess_kind, plain_key, proposed_code
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.group_directory import Directory, UnitRef
from kehoach_bot.texts import groups_vi as t

_LOOKS_LIKE_CODE = re.compile(r"^[A-Z0-9]+(?:[-_][A-Z0-9]+)+$")
_HEADERS = {"ma", "ten", "ma don vi", "ten don vi", "don vi", "code", "name", "unit"}


class LineOutcome(enum.StrEnum):
    """What one line of a pasted list comes to."""

    MATCHED = "matched"  # a unit of the directory: it joins
    MEMBER = "member"  # already a member: left as it is
    NEW = "new"  # in no directory: offered as a new unit named exactly as the line
    AMBIGUOUS = "ambiguous"  # several units answer to the name: listed, not chosen
    SELF = "self"  # the group itself
    GROUP = "group"  # another group: members are units
    UNKNOWN_CODE = "unknown_code"  # written like a unit code, but no unit has it
    BLANK = "blank"
    DUPLICATE = "duplicate"  # the same name or unit as an earlier line


BLOCKING = frozenset(
    {
        LineOutcome.AMBIGUOUS,
        LineOutcome.SELF,
        LineOutcome.GROUP,
        LineOutcome.UNKNOWN_CODE,
        LineOutcome.BLANK,
        LineOutcome.DUPLICATE,
    }
)


@dataclass(frozen=True, slots=True)
class NewUnit:
    """A unit to create from a pasted name: the name exactly as pasted, a kind its words state."""

    code: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class ListLine:
    """One line of a pasted list and what it comes to."""

    number: int
    text: str
    outcome: LineOutcome
    unit: UnitRef | None = None
    new: NewUnit | None = None
    candidates: tuple[UnitRef, ...] = ()
    first: int | None = None  # DUPLICATE: the earlier line


def match_line(
    line: Line,
    group: Unit,
    directory: Directory,
    members: set[int],
    prefix: str,
    taken: set[str],
) -> ListLine:
    """What one line comes to for this group (duplicates are the caller's to find)."""
    if not plain_key(line.text):  # nothing but spaces or punctuation
        return ListLine(line.number, line.text, LineOutcome.BLANK)
    found = directory.find(line.text, group.locality)
    if len(found) > 1:
        candidates = tuple(directory.ref(i, group.locality) for i in found)
        return ListLine(line.number, line.text, LineOutcome.AMBIGUOUS, candidates=candidates)
    if not found and _LOOKS_LIKE_CODE.match(line.text):
        return ListLine(line.number, line.text, LineOutcome.UNKNOWN_CODE)
    if not found:
        new = NewUnit(proposed_code(prefix, line.text, taken), line.text, guess_kind(line.text))
        return ListLine(line.number, line.text, LineOutcome.NEW, new=new)
    unit_id = found[0]
    unit = directory.units[unit_id]
    if unit_id == group.id:
        outcome = LineOutcome.SELF
    elif unit.is_group:
        outcome = LineOutcome.GROUP
    elif unit_id in members:
        outcome = LineOutcome.MEMBER
    else:
        outcome = LineOutcome.MATCHED
    return ListLine(line.number, line.text, outcome, unit=directory.ref(unit_id, group.locality))


def csv_names(text: str) -> str:
    """The names or codes of a CSV file (one per row, header optional, UTF-8 with or without BOM)
    as a pasted list; InvalidInput when a row has more than one column."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    names: list[str] = []
    for number, row in enumerate(rows, start=1):
        cells = [cell for cell in row if cell.strip()]
        if len(cells) > 1:
            raise InvalidInput(t.CSV_MANY_COLUMNS.format(number=number))
        names.append(cells[0] if cells else "")
    if names and plain_key(names[0]) in _HEADERS:
        names = names[1:]
    return "\n".join(names)

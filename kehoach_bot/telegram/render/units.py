"""/donvi: the unit list, each unit with its code, kind and how many people answer for it."""

from __future__ import annotations

from kehoach_bot.services.choices import UnitEntry
from kehoach_bot.telegram.render.pages import paginate
from kehoach_bot.texts import pickers_vi as t
from kehoach_bot.texts.plans_vi import UNIT_KINDS


def unit_list(entries: list[UnitEntry], search: str) -> list[str]:
    """Pages of units, with a hint how to search when the list was not searched."""
    if not entries:
        return [t.UNITS_NONE.format(text=search) if search else t.UNITS_EMPTY]
    lines = [
        t.UNIT_LINE.format(
            code=e.code,
            name=e.name,
            kind=UNIT_KINDS.get(e.kind, e.kind),
            officers=e.officers,
            coordinators=e.coordinators,
            flags=(t.UNIT_GROUP if e.is_group else "") + ("" if e.active else t.UNIT_ENDED),
        )
        for e in entries
    ]
    if search:
        header = t.UNITS_FOUND_TITLE.format(text=search, count=len(entries))
    else:
        header = t.UNITS_TITLE.format(count=len(entries))
        lines.append(t.UNITS_HINT)
    return paginate(lines, header)

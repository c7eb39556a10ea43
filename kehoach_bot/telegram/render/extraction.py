"""A drafted plan in a few lines for the phone: each duty with its deadline, units and recipient,
then what an admin must look at."""

from __future__ import annotations

from datetime import date

from kehoach_bot.domain.vietnamese import format_date, shorten
from kehoach_bot.plans.extract.draft import DraftObligation, UnitRef
from kehoach_bot.services.extraction import Drafted
from kehoach_bot.texts import extract_bot_vi as t

TITLE_LIMIT = 160
UNITS_SHOWN = 4


def summary(drafted: Drafted) -> list[str]:
    """The lines of the summary: the plan, each duty, the warnings."""
    plan = drafted.plan
    lines = [
        t.SUMMARY_TITLE.format(
            code=drafted.code, obligations=len(plan.obligations), tasks=len(plan.tasks)
        )
    ]
    if plan.title:
        lines.append(t.SUMMARY_PLAN.format(title=shorten(plan.title, TITLE_LIMIT)))
    if plan.number and plan.issued_on:
        lines.append(t.SUMMARY_NUMBER.format(number=plan.number, date=format_date(plan.issued_on)))
    elif plan.number:
        lines.append(t.SUMMARY_NUMBER_ONLY.format(number=plan.number))
    if not plan.obligations:
        lines.append(t.NO_OBLIGATION)
    lines += [_duty(index, duty) for index, duty in enumerate(plan.obligations, start=1)]
    warnings = list(
        dict.fromkeys([*plan.warnings, *(w for o in plan.obligations for w in o.warnings)])
    )
    if warnings:
        lines.append(t.WARNINGS.format(count=len(warnings)))
        lines += [t.WARNING_LINE.format(warning=w) for w in warnings]
    if plan.notes:
        lines.append(t.NOTES.format(notes=" ".join(plan.notes)))
    return lines


def _duty(index: int, duty: DraftObligation) -> str:
    due = _due(duty)
    responsible = ", ".join(_unit(u) for u in duty.responsible[:UNITS_SHOWN])
    if len(duty.responsible) > UNITS_SHOWN:
        responsible += f" +{len(duty.responsible) - UNITS_SHOWN}"
    to = ""
    if duty.recipient is not None:
        to = t.OBLIGATION_TO.format(recipient=_unit(duty.recipient))
        if duty.via is not None:
            to += t.OBLIGATION_VIA.format(via=_unit(duty.via))
    shown = ""
    if due:
        words = f"{duty.wording} " if duty.wording else ""
        shown = t.OBLIGATION_DUE.format(due=f"{words}{due}")
    return t.OBLIGATION.format(
        index=index,
        kind=t.KIND[duty.kind.value],
        due=shown,
        responsible=responsible or t.NO_RESPONSIBLE,
        to=to,
    )


def _due(duty: DraftObligation) -> str:
    """The due as people read it: 20/07/2024, 25/11 (every year), 30/06 và 31/12, or the rule."""
    if duty.due is None:
        return ""
    values = duty.due if isinstance(duty.due, tuple) else (duty.due,)
    shown = []
    for value in values:
        try:
            shown.append(format_date(date.fromisoformat(value)))
            continue
        except ValueError:
            pass
        parts = value.split("-")
        if len(parts) == 2 and all(p.isdecimal() for p in parts):
            shown.append(f"{parts[1]}/{parts[0]}")
        else:
            shown.append(value)
    return t.DUE_JOIN.join(shown)


def _unit(unit: UnitRef) -> str:
    mark = f" {t.UNMATCHED_MARK}" if unit.code is None or unit.weak else ""
    return f"{unit.written}{mark}"

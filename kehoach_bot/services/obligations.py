"""Admins' edits to an obligation: deadline/schedule, wording, units, lead times — previewed first.

`propose_change` checks a typed value and describes before → after without writing anything;
`apply_change` writes it, records it in the audit log and re-synchronises the occurrences.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, delete, select

from kehoach_bot.db.models import Obligation, ObligationUnit, Plan, Unit
from kehoach_bot.domain.deadlines import WORDING_TEXT, DeadlinePolicy, Wording
from kehoach_bot.domain.schedule_text import describe_schedule, parse_schedule, plain_text
from kehoach_bot.domain.schedules import ScheduleError, schedule_from_dict
from kehoach_bot.services import audit
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.services.occurrences import SyncReport, sync_occurrences
from kehoach_bot.texts import domain_vi, errors_vi


class Field(enum.StrEnum):
    """What an admin may change."""

    SCHEDULE = "schedule"
    WORDING = "wording"
    RESPONSIBLE = "responsible"
    RECIPIENT = "recipient"
    VIA = "via"
    LEAD_DAYS = "lead_days"


FIELD_TEXT = {
    Field.SCHEDULE: domain_vi.FIELD_SCHEDULE,
    Field.WORDING: domain_vi.FIELD_WORDING,
    Field.RESPONSIBLE: domain_vi.FIELD_RESPONSIBLE,
    Field.RECIPIENT: domain_vi.FIELD_RECIPIENT,
    Field.VIA: domain_vi.FIELD_VIA,
    Field.LEAD_DAYS: domain_vi.FIELD_LEAD_DAYS,
}
_WORDING_PREFIXES = (
    ("cham nhat ngay ", Wording.NO_LATER_THAN),
    ("cham nhat ", Wording.NO_LATER_THAN),
    ("truoc ngay ", Wording.BEFORE),
    ("truoc ", Wording.BEFORE),
    ("den ngay ", Wording.BY),
    ("den ", Wording.BY),
)


@dataclass(frozen=True, slots=True)
class ObligationSummary:
    """An obligation as an admin reads it."""

    id: int
    plan: str
    code: str
    title: str
    schedule: str
    wording: str
    responsible: list[str]
    recipient: str | None
    via: str | None
    lead_days: list[int] | None
    active: bool
    review_note: str

    def value_of(self, field: Field) -> str:
        """The current value of a field, as text."""
        return {
            Field.SCHEDULE: self.schedule,
            Field.WORDING: self.wording,
            Field.RESPONSIBLE: ", ".join(self.responsible),
            Field.RECIPIENT: self.recipient or "—",
            Field.VIA: self.via or "—",
            Field.LEAD_DAYS: (
                ", ".join(map(str, self.lead_days))
                if self.lead_days
                else domain_vi.LEAD_DAYS_DEFAULT
            ),
        }[field]


@dataclass(frozen=True, slots=True)
class ProposedChange:
    """A checked change ready to save; `value` is JSON-friendly so it can await confirmation."""

    obligation_id: int
    field: Field
    value: Any
    before: str
    after: str


def _summary(session: Session, obligation: Obligation, plan: Plan) -> ObligationSummary:
    codes = {u.id: u.code for u in session.exec(select(Unit)).all()}
    responsible = session.exec(
        select(ObligationUnit.unit_id).where(
            ObligationUnit.obligation_id == obligation.id, ObligationUnit.role == "responsible"
        )
    ).all()
    return ObligationSummary(
        id=obligation.id or 0,
        plan=plan.code,
        code=obligation.code,
        title=obligation.title,
        schedule=describe_schedule(schedule_from_dict(obligation.schedule)),
        wording=WORDING_TEXT[Wording(obligation.wording)],
        responsible=sorted(codes[u] for u in responsible),
        recipient=codes.get(obligation.recipient_id) if obligation.recipient_id else None,
        via=codes.get(obligation.via_id) if obligation.via_id else None,
        lead_days=obligation.lead_days,
        active=obligation.active,
        review_note=obligation.review_note,
    )


def list_obligations(session: Session, plan_code: str) -> list[ObligationSummary]:
    """The obligations of a plan."""
    plan = session.exec(select(Plan).where(Plan.code == plan_code)).first()
    if plan is None:
        raise NotFound(errors_vi.PLAN_NOT_FOUND.format(code=plan_code))
    rows = session.exec(
        select(Obligation).where(Obligation.plan_id == plan.id).order_by(col(Obligation.id))
    ).all()
    return [_summary(session, o, plan) for o in rows]


def get_obligation(session: Session, obligation_id: int) -> ObligationSummary:
    """One obligation by id."""
    obligation = session.get(Obligation, obligation_id)
    if obligation is None:
        raise NotFound(errors_vi.OBLIGATION_NOT_FOUND)
    plan = session.get(Plan, obligation.plan_id)
    assert plan is not None
    return _summary(session, obligation, plan)


def find_obligation(session: Session, plan_code: str, code: str) -> ObligationSummary:
    """One obligation by plan and obligation codes."""
    for summary in list_obligations(session, plan_code):
        if summary.code == code:
            return summary
    raise NotFound(errors_vi.PLAN_HAS_NO_OBLIGATION.format(plan=plan_code, code=code))


def propose_change(session: Session, obligation_id: int, field: Field, text: str) -> ProposedChange:
    """Check a typed value for `field`; nothing is written."""
    current = get_obligation(session, obligation_id)
    obligation = session.get(Obligation, obligation_id)
    assert obligation is not None
    text = text.strip()
    if not text:
        raise InvalidInput(errors_vi.EMPTY_VALUE)
    value: Any
    if field is Field.SCHEDULE:
        value, after = _schedule_value(text, Wording(obligation.wording))
    elif field is Field.WORDING:
        wording = _wording_value(text)
        if not schedule_from_dict(obligation.schedule).is_dated:
            raise InvalidInput(errors_vi.UNDATED_OBLIGATION_WORDING)
        value, after = wording.value, WORDING_TEXT[wording]
    elif field is Field.RESPONSIBLE:
        codes = [c for c in re.split(r"[,\s]+", text) if c]
        for code in codes:
            _unit(session, code)
        value, after = sorted(set(codes)), ", ".join(sorted(set(codes)))
    elif field in (Field.RECIPIENT, Field.VIA):
        value = None if text in ("-", "—") else _unit(session, text).code
        after = value or "—"
    else:
        value = _lead_days(text)
        after = ", ".join(map(str, value)) if value else domain_vi.LEAD_DAYS_DEFAULT
    return ProposedChange(obligation_id, field, value, current.value_of(field), after)


def _schedule_value(text: str, current: Wording) -> tuple[dict[str, Any], str]:
    plain = plain_text(text)
    wording: Wording | None = None
    for prefix, candidate in _WORDING_PREFIXES:
        if plain.startswith(prefix):
            wording, text = candidate, " ".join(text.split()[len(prefix.split()) :])
            break
    try:
        schedule = parse_schedule(text)
    except ScheduleError as exc:
        raise InvalidInput(str(exc)) from exc
    if not schedule.is_dated:
        wording = Wording.AS_REGULATED
    elif wording is None:
        wording = Wording.BEFORE if current is Wording.AS_REGULATED else current
    description = describe_schedule(schedule)
    if schedule.is_dated:
        description = domain_vi.SCHEDULE_WITH_WORDING.format(
            schedule=description, wording=WORDING_TEXT[wording]
        )
    return {"schedule": schedule.to_dict(), "wording": wording.value}, description


def _wording_value(text: str) -> Wording:
    plain = plain_text(text)
    for prefix, wording in _WORDING_PREFIXES:
        if plain == prefix.strip() or plain.startswith(prefix):
            return wording
    for wording in (Wording.BEFORE, Wording.NO_LATER_THAN, Wording.BY):
        if plain == wording.value:
            return wording
    raise InvalidInput(errors_vi.BAD_WORDING)


def _lead_days(text: str) -> list[int] | None:
    if text in ("-", "—", "mặc định", "mac dinh"):
        return None
    parts = [p for p in re.split(r"[,\s]+", text) if p]
    if not parts or len(parts) > 10 or not all(p.isdigit() and int(p) <= 60 for p in parts):
        raise InvalidInput(errors_vi.BAD_LEAD_DAYS)
    return sorted({int(p) for p in parts}, reverse=True)


def _unit(session: Session, code: str) -> Unit:
    unit = session.exec(select(Unit).where(Unit.code == code.strip())).first()
    if unit is None:
        raise NotFound(errors_vi.UNIT_NOT_FOUND.format(code=code))
    return unit


def apply_change(
    session: Session,
    change: ProposedChange,
    *,
    actor: str,
    now: datetime,
    policy: DeadlinePolicy,
    until: date,
) -> SyncReport:
    """Save a previewed change, audit it and bring the occurrences in line."""
    obligation = session.get(Obligation, change.obligation_id)
    if obligation is None:
        raise NotFound(errors_vi.OBLIGATION_NOT_FOUND)
    field, value = change.field, change.value
    if field is Field.SCHEDULE:
        # Checked when proposed; read back through the validators all the same.
        schedule, wording = schedule_from_dict(value["schedule"]), Wording(value["wording"])
        obligation.schedule, obligation.wording = schedule.to_dict(), wording.value
    elif field is Field.WORDING:
        obligation.wording = value
    elif field is Field.RESPONSIBLE:
        session.exec(
            delete(ObligationUnit).where(
                col(ObligationUnit.obligation_id) == obligation.id,
                col(ObligationUnit.role) == "responsible",
            )
        )
        for code in value:
            session.add(
                ObligationUnit(
                    obligation_id=obligation.id or 0, unit_id=_unit(session, code).id or 0
                )
            )
    elif field in (Field.RECIPIENT, Field.VIA):
        unit_id = _unit(session, value).id if value else None
        if field is Field.RECIPIENT:
            obligation.recipient_id = unit_id
        else:
            obligation.via_id = unit_id
    else:
        obligation.lead_days = value
    session.add(obligation)
    audit.record(
        session,
        actor=actor,
        action=f"obligation_{field.value}",
        entity="obligation",
        entity_id=obligation.id or 0,
        before={field.value: change.before},
        after={field.value: change.after},
        now=now,
    )
    session.flush()
    return sync_occurrences(
        session, policy=policy, until=until, now=now, obligation_ids=[obligation.id or 0]
    )

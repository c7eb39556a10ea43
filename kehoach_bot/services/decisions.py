"""Plans that need an admin's decision because a unit they name no longer exists.

A plan whose issuer, recipient or "qua" office ended with no successor recorded would otherwise
send reports to nobody; it is flagged "cần quyết định" wherever an admin or coordinator looks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, or_, select

from kehoach_bot.db.models import Obligation, Plan, Succession, Unit


@dataclass(frozen=True, slots=True)
class EndedOffice:
    """A unit a plan names as issuer, recipient or "qua" office, ended with no successor."""

    plan: str
    role: str  # issuer, recipient, via
    obligation: str | None
    unit: str
    unit_name: str
    ended_on: date | None


def ended_offices(session: Session, plan_codes: Sequence[str] | None = None) -> list[EndedOffice]:
    """Every issuer, recipient and "qua" office that ended with no successor, by plan."""
    ended = {
        u.id: u
        for u in session.exec(
            select(Unit).where(or_(col(Unit.active).is_(False), col(Unit.ended_on).is_not(None)))
        ).all()
    }
    if not ended:
        return []
    succeeded = set(session.exec(select(Succession.predecessor_id)).all())
    orphans = {i: u for i, u in ended.items() if i not in succeeded}
    plans = select(Plan).order_by(col(Plan.code))
    if plan_codes is not None:
        plans = plans.where(col(Plan.code).in_(list(plan_codes)))
    found: list[EndedOffice] = []
    for plan in session.exec(plans).all():
        if plan.issuer_id in orphans:
            found.append(_office(plan.code, "issuer", None, orphans[plan.issuer_id]))
        obligations = session.exec(
            select(Obligation)
            .where(Obligation.plan_id == plan.id, col(Obligation.active).is_(True))
            .order_by(col(Obligation.code))
        ).all()
        for obligation in obligations:
            for role, unit_id in (
                ("recipient", obligation.recipient_id),
                ("via", obligation.via_id),
            ):
                if unit_id in orphans:
                    found.append(_office(plan.code, role, obligation.code, orphans[unit_id]))
    return found


def _office(plan: str, role: str, obligation: str | None, unit: Unit) -> EndedOffice:
    return EndedOffice(plan, role, obligation, unit.code, unit.name, unit.ended_on)

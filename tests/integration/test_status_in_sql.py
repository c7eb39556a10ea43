"""The database counts the four categories with the same rule the domain applies one by one."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, insert
from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Occurrence, Plan, Unit
from kehoach_bot.domain.status import State, status_of
from kehoach_bot.services.tracking import status_category
from tests.conftest import NOW

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize("tracked_offset", [None, -2, 0, 2])
def test_sql_categories_match_the_domain_rule(engine: Engine, tracked_offset: int | None) -> None:
    tracked_from = TODAY + timedelta(days=tracked_offset) if tracked_offset is not None else None
    offsets = (-3, -1, 0, 1, 3)
    cases = []
    for state, deadline_offset, extension, submitted in itertools.product(
        (State.OPEN, State.DONE), offsets, (None, -2, 0, 2), (None, *offsets)
    ):
        last_day = TODAY + timedelta(days=deadline_offset)
        extended_to = last_day + timedelta(days=extension) if extension is not None else None
        submitted_on = (
            TODAY + timedelta(days=submitted)
            if state is State.DONE and submitted is not None
            else None
        )
        cases.append((state, last_day, extended_to, submitted_on))
    with session_scope(engine) as session:
        first = select(Obligation.id, Obligation.plan_id).order_by(col(Obligation.id)).limit(1)
        obligation, plan_id = session.exec(first).one()
        plan = session.get(Plan, plan_id)
        assert plan is not None
        plan.tracked_from = tracked_from
        session.add(plan)
        unit = session.exec(select(Unit.id).where(Unit.code == "GL-SNV")).one()
        rows = [
            {
                "obligation_id": obligation,
                "unit_id": unit,
                "period_key": f"thu-{i}",
                "period_label": "thử",
                "due_date": last_day,
                "wording": "cham_nhat",
                "last_day": last_day,
                "remind_by": last_day,
                "state": state.value,
                "extended_to": extended_to,
                "submitted_on": submitted_on,
                "created_at": NOW,
                "updated_at": NOW,
            }
            for i, (state, last_day, extended_to, submitted_on) in enumerate(cases)
        ]
        session.execute(insert(Occurrence), rows)
        of_cases = (
            select(col(Occurrence.period_key))
            .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
            .join(Plan, col(Plan.id) == col(Obligation.plan_id))
            .where(col(Occurrence.period_key).like("thu-%"))
        )
        found = dict(session.execute(of_cases.add_columns(status_category(TODAY))).all())
    assert len(found) == len(cases)
    for i, (state, last_day, extended_to, submitted_on) in enumerate(cases):
        expected = status_of(state, last_day, TODAY, submitted_on, extended_to, tracked_from)
        case = (state, last_day, extended_to, submitted_on)
        assert found[f"thu-{i}"] == expected.value, case

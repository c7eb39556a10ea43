"""Fixtures of the integration tests: the command line and a runtime on the test database, both at
the tests' fixed clock. A module may still define its own under the same name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from typing import Literal

import pytest
from sqlalchemy import Engine
from sqlmodel import col, select

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Occurrence, Plan, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import State
from kehoach_bot.domain.stored import ReplyKind
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import answers
from kehoach_bot.services.replies import Attachment
from tests.auxil.cli import CliResult, run_cli
from tests.conftest import NOW
from tests.integration.test_services_behaviour import join, occurrence

Cli = Callable[..., CliResult]
SUBMITTER = 7301  # the officer of GL-SNV who submits in `submitted`
SUBMITTED_NOTE = "Đã tổng hợp đủ số liệu các phòng"
SUBMITTED_FILE = "Báo cáo năm 2026.pdf"


def year_2026(engine: Engine, unit: Literal["code", "name"] = "code") -> list[tuple[str, str, str]]:
    """(unit code or name, report title, state) of every open or done period "năm 2026" of
    gia-lai-743."""
    label = col(Unit.code) if unit == "code" else col(Unit.name)
    with session_scope(engine) as session:
        rows = session.exec(
            select(label, Obligation.title, Occurrence.state)
            .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
            .join(Plan, col(Plan.id) == col(Obligation.plan_id))
            .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
            .where(
                Plan.code == "gia-lai-743",
                Occurrence.period_key == "2026",
                col(Occurrence.state).in_([State.OPEN.value, State.DONE.value]),
            )
        ).all()
    return [(u, t, s) for u, t, s in rows]


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """`python bot.py …` on the test database, returning its exit code and output."""

    def run(*args: str) -> CliResult:
        return run_cli(list(args), url=db_url, now=NOW, monkeypatch=monkeypatch)

    return run


@pytest.fixture
def runtime(engine: Engine, settings: Settings) -> Iterator[Runtime]:
    """A runtime on the test database at the tests' clock, shut down after the test."""
    made = Runtime(replace(settings), engine, lambda: NOW)
    yield made
    made.answers.shutdown()
    made.background.shutdown()


@pytest.fixture
def submitted(engine: Engine, runtime: Runtime) -> int:
    """GL-SNV submits its yearly report to the Sở Y tế (gia-lai-743, năm 2026) on time, with a
    note and a file; the report's occurrence id."""
    join(engine, SUBMITTER, "GL-SNV", Role.OFFICER)
    report = occurrence(engine, "GL-SNV", "gui-so-y-te", date(2026, 11, 25))
    answers.answer(
        runtime,
        user_id=SUBMITTER,
        occurrence_id=report,
        kind=ReplyKind.SUBMITTED,
        text=SUBMITTED_NOTE,
        attachment=Attachment(SUBMITTED_FILE, "files/gl-snv/bc.pdf", 3, "0" * 64),
    )
    return report

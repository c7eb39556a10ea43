"""Who may act on what, checked in the services: a coordinator decides only for the reports sent
to or through their unit, an officer answers only for their own unit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Extension, Occurrence, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import State, Status
from kehoach_bot.domain.stored import ExtensionStatus, ReplyKind
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import answers, coordination
from kehoach_bot.services.errors import Forbidden
from kehoach_bot.services.people import accept_invite, identify, issue_invite
from kehoach_bot.services.replies import Attachment, record_reply
from kehoach_bot.services.tracking import get_view
from tests.conftest import NOW

OFFICER, COORDINATOR, OUTSIDER = 7001, 7002, 7003


@pytest.fixture
def runtime(engine: Engine, settings: Settings) -> Iterator[Runtime]:
    made = Runtime(settings, engine, lambda: NOW)
    yield made
    made.answers.shutdown()
    made.background.shutdown()


def join(engine: Engine, user_id: int, unit: str, role: Role) -> None:
    with session_scope(engine) as session:
        invite = issue_invite(session, unit_code=unit, role=role, hours=1, actor="t", now=NOW)
        accept_invite(
            session,
            code=invite.code,
            telegram_user_id=user_id,
            chat_id=user_id,
            full_name="Người thử",
            now=NOW,
        )


def gia_lai_occurrence(engine: Engine) -> int:
    with session_scope(engine) as session:
        unit = session.exec(select(Unit.id).where(Unit.code == "GL-SNV")).one()
        return (
            session.exec(
                select(Occurrence.id).where(
                    Occurrence.unit_id == unit, Occurrence.due_date == date(2026, 12, 15)
                )
            ).one()
            or 0
        )


def test_a_coordinator_of_another_plan_decides_nothing(engine: Engine, runtime: Runtime) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    join(engine, OUTSIDER, "HN-UBND", Role.COORDINATOR)  # Hà Nam: not this plan
    occurrence = gia_lai_occurrence(engine)
    asked = answers.ask_extension(
        runtime,
        user_id=OFFICER,
        occurrence_id=occurrence,
        proposed_text="28/12/2026",
        reason="chờ số liệu",
    )
    assert coordination.pending_extensions(runtime, user_id=OUTSIDER) == []
    with pytest.raises(Forbidden):
        coordination.decide_extension(
            runtime, user_id=OUTSIDER, extension_id=asked.extension.id, approve=True
        )
    with session_scope(engine) as session:
        extension = session.get(Extension, asked.extension.id)
        assert extension is not None and extension.status == ExtensionStatus.PENDING
    # The report's own coordinator sees it and decides.
    assert [e.id for e, _ in coordination.pending_extensions(runtime, user_id=COORDINATOR)] == [
        asked.extension.id
    ]
    decided = coordination.decide_extension(
        runtime, user_id=COORDINATOR, extension_id=asked.extension.id, approve=True
    )
    assert decided.approved and decided.view.deadline == date(2026, 12, 28)


def test_files_and_answers_stay_within_the_unit_and_its_coordinators(
    engine: Engine, runtime: Runtime
) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    join(engine, OUTSIDER, "HN-UBND", Role.COORDINATOR)
    occurrence = gia_lai_occurrence(engine)
    with pytest.raises(Forbidden):  # a coordinator elsewhere cannot answer for the unit
        answers.answer(
            runtime, user_id=OUTSIDER, occurrence_id=occurrence, kind=ReplyKind.IN_PROGRESS
        )
    submitted = answers.answer(
        runtime,
        user_id=OFFICER,
        occurrence_id=occurrence,
        kind=ReplyKind.SUBMITTED,
        attachment=Attachment("bao-cao.pdf", "files/x/bao-cao.pdf", 3, "0" * 64),
    )
    with pytest.raises(Forbidden):
        coordination.submitted_file(runtime, user_id=OUTSIDER, reply_id=submitted.reply_id)
    stored = coordination.submitted_file(runtime, user_id=COORDINATOR, reply_id=submitted.reply_id)
    assert stored.file_name == "bao-cao.pdf"


def test_a_period_from_before_tracking_still_takes_a_late_report(engine: Engine) -> None:
    join(engine, 5101, "GL-SNV", Role.OFFICER)
    with session_scope(engine) as session:
        unit = session.exec(select(Unit.id).where(Unit.code == "GL-SNV")).one()
        found = session.exec(
            select(Occurrence.id).where(
                Occurrence.unit_id == unit, Occurrence.due_date == date(2025, 11, 25)
            )
        ).one()
        assert found is not None
        history = found
        identity = identify(session, 5101, ())
        assert get_view(session, history, NOW.date()).status is Status.NOT_TRACKED
        outcome = record_reply(
            session,
            identity=identity,
            occurrence_id=history,
            kind=ReplyKind.SUBMITTED,
            text="Nộp bổ sung báo cáo năm 2025",
            now=NOW,
            today=NOW.date(),
            tz=ZoneInfo("Asia/Ho_Chi_Minh"),
        )
        assert outcome.view.status is Status.DONE_LATE
        assert get_view(session, history, NOW.date()).state is State.DONE

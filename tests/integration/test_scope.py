"""A coordinator tasks, chases and extends only units of the plans it coordinates (admins may
all); a refusal stores nothing but its own audit entry; person-typed text is stored clean."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func
from sqlmodel import SQLModel, col, select

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import (
    AdHocRequest,
    AuditLog,
    Extension,
    Occurrence,
    Outbox,
    Person,
    Plan,
    Reply,
    Unit,
)
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import ExtensionStatus, ReplyKind
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import audit, coordination, requests
from kehoach_bot.services.errors import Forbidden, InvalidInput
from kehoach_bot.services.people import accept_invite, identify, issue_invite
from kehoach_bot.services.replies import record_reply
from tests.conftest import NOW

OFFICER, COORDINATOR, OUTSIDER, ADMIN = 7101, 7102, 7103, 7199
DUE = date(2026, 12, 1)
TITLE = "Báo cáo nhanh số người có công được thăm hỏi"


@pytest.fixture
def runtime(engine: Engine, settings: Settings) -> Iterator[Runtime]:
    telegram = replace(settings.telegram, admins=(ADMIN,))
    made = Runtime(replace(settings, telegram=telegram), engine, lambda: NOW)
    yield made
    made.answers.shutdown()
    made.background.shutdown()


def join(engine: Engine, user_id: int, unit: str, role: Role, name: str = "Người thử") -> None:
    with session_scope(engine) as session:
        invite = issue_invite(session, unit_code=unit, role=role, hours=1, actor="t", now=NOW)
        accept_invite(
            session,
            code=invite.code,
            telegram_user_id=user_id,
            chat_id=user_id,
            full_name=name,
            now=NOW,
        )


def counts(engine: Engine) -> dict[str, int]:
    """Rows of every table a request, a reminder or a decision would write."""
    tables: list[type[SQLModel]] = [AdHocRequest, Occurrence, Outbox, Plan, Extension, AuditLog]
    with session_scope(engine) as session:
        return {t.__name__: session.exec(select(func.count()).select_from(t)).one() for t in tables}


def codes_in_scope(engine: Engine, user_id: int) -> set[str]:
    with session_scope(engine) as session:
        ids = requests.units_in_scope(session, identify(session, user_id, ()))
        return set(session.exec(select(Unit.code).where(col(Unit.id).in_(ids))).all())


def snv_occurrence(engine: Engine) -> int:
    with session_scope(engine) as session:
        unit = session.exec(select(Unit.id).where(Unit.code == "GL-SNV")).one()
        found = session.exec(
            select(Occurrence.id).where(
                Occurrence.unit_id == unit, Occurrence.due_date == date(2026, 12, 15)
            )
        ).one()
        assert found is not None
        return found


# --- /dotxuat -------------------------------------------------------------------------------


def test_the_scope_is_the_units_of_the_plans_coordinated(engine: Engine) -> None:
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    scope = codes_in_scope(engine, COORDINATOR)
    # Gia Lai's plan names "Các sở, ban, ngành" (its members count) and "UBND các huyện".
    assert {"GL-SONGANH", "GL-SNV", "GL-SXD", "GL-UBNDHUYEN", "GL-SYT"} <= scope
    assert "BO-YTE" not in scope  # the ministry Sở Y tế reports to
    assert not any(code.startswith(("DN-", "LG-", "HN-")) for code in scope)


def test_a_coordinator_may_not_task_a_ministry(engine: Engine, runtime: Runtime) -> None:
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    before = counts(engine)
    with pytest.raises(Forbidden) as refused:
        coordination.request_ad_hoc(
            runtime, user_id=COORDINATOR, unit_codes=["BO-YTE"], due=DUE, title=TITLE
        )
    assert "Ngoài phạm vi: Bộ Y tế (BO-YTE)" in str(refused.value)
    assert counts(engine) == before  # no request, no period, no card, not even the plan


def test_one_unit_out_of_scope_refuses_the_whole_request(engine: Engine, runtime: Runtime) -> None:
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    before = counts(engine)
    with pytest.raises(Forbidden) as refused:
        coordination.request_ad_hoc(
            runtime,
            user_id=COORDINATOR,
            unit_codes=["GL-SNV", "DN-SYT", "GL-SXD"],
            due=DUE,
            title=TITLE,
        )
    assert "DN-SYT" in str(refused.value) and "GL-SNV" not in str(refused.value)
    assert counts(engine) == before


def test_a_coordinator_of_another_plan_may_not_task_gia_lai(
    engine: Engine, runtime: Runtime
) -> None:
    join(engine, OUTSIDER, "LG-VPTU", Role.COORDINATOR)  # Văn phòng Thị ủy La Gi
    assert "LG-MTTQ" in codes_in_scope(engine, OUTSIDER)
    with pytest.raises(Forbidden):
        coordination.request_ad_hoc(
            runtime, user_id=OUTSIDER, unit_codes=["GL-SNV"], due=DUE, title=TITLE
        )
    sent = coordination.request_ad_hoc(
        runtime, user_id=OUTSIDER, unit_codes=["LG-MTTQ"], due=DUE, title=TITLE
    )
    assert sent.units == ["LG-MTTQ"]


def test_within_scope_a_group_is_tasked_and_an_admin_tasks_anyone(
    engine: Engine, runtime: Runtime
) -> None:
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    sent = coordination.request_ad_hoc(
        runtime, user_id=COORDINATOR, unit_codes=["GL-SNV", "GL-SXD"], due=DUE, title=TITLE
    )
    assert sent.units == ["GL-SNV", "GL-SXD"]
    by_admin = coordination.request_ad_hoc(
        runtime, user_id=ADMIN, unit_codes=["BO-YTE"], due=DUE, title=TITLE
    )
    assert by_admin.units == ["BO-YTE"]


def test_an_oversized_title_is_refused_and_nothing_stored(engine: Engine, runtime: Runtime) -> None:
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    before = counts(engine)
    with pytest.raises(InvalidInput) as refused:
        coordination.request_ad_hoc(
            runtime, user_id=COORDINATOR, unit_codes=["GL-SNV"], due=DUE, title="x" * 10_000
        )
    assert "10000 ký tự" in str(refused.value)
    assert counts(engine) == before


# --- «Nhắc lại» and extensions ------------------------------------------------------------


def test_a_coordinator_of_another_plan_may_not_remind_again(
    engine: Engine, runtime: Runtime
) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    join(engine, OUTSIDER, "LG-VPTU", Role.COORDINATOR)
    before = counts(engine)
    with pytest.raises(Forbidden):
        coordination.remind_again(runtime, user_id=OUTSIDER, occurrence_id=snv_occurrence(engine))
    assert counts(engine) == before


def test_a_coordinator_of_another_plan_may_not_extend(engine: Engine, runtime: Runtime) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    join(engine, OUTSIDER, "LG-VPTU", Role.COORDINATOR)
    with session_scope(engine) as session:
        extension = Extension(
            occurrence_id=snv_occurrence(engine),
            proposed_date=date(2026, 12, 28),
            reason="chờ số liệu",
            created_at=NOW,
        )
        session.add(extension)
        session.flush()
        extension_id = extension.id or 0
    before = counts(engine)
    with pytest.raises(Forbidden):
        coordination.decide_extension(
            runtime, user_id=OUTSIDER, extension_id=extension_id, approve=True
        )
    assert counts(engine) == before
    with session_scope(engine) as session:
        stored = session.get(Extension, extension_id)
        assert stored is not None and stored.status == ExtensionStatus.PENDING.value
        occurrence = session.get(Occurrence, stored.occurrence_id)
        assert occurrence is not None and occurrence.extended_to is None


def test_a_refusal_is_written_to_the_audit_log(engine: Engine, runtime: Runtime) -> None:
    audit.record_refusal(
        runtime, user_id=OUTSIDER, what="callback", claim="k1:d:1:" + "9" * 300, reason="Không"
    )
    with session_scope(engine) as session:
        entry = session.exec(select(AuditLog).where(AuditLog.action == audit.REFUSED)).one()
    assert (entry.actor, entry.entity) == (f"tg:{OUTSIDER}", "callback")
    assert entry.after is not None and len(entry.after["claim"]) == audit.CLAIM_LENGTH


# --- person-typed text is stored clean ------------------------------------------------------

DIRTY_NAME = "Lan\u202e\x07 " + unicodedata.normalize("NFD", "Nguyễn")


def test_text_added_or_changed_through_the_orm_is_stored_clean(engine: Engine) -> None:
    with session_scope(engine) as session:
        session.add(Person(telegram_user_id=7190, full_name=DIRTY_NAME))
    with session_scope(engine) as session:
        person = session.exec(select(Person).where(Person.telegram_user_id == 7190)).one()
        assert person.full_name == "Lan Nguyễn"
        unit = session.exec(select(Unit).where(Unit.code == "GL-SNV")).one()
        unit.short_name = "Sở\u2066 Nội\u200f vụ\x00"
    with session_scope(engine) as session:
        unit = session.exec(select(Unit).where(Unit.code == "GL-SNV")).one()
        assert unit.short_name == "Sở Nội vụ"


def test_replies_and_audit_entries_inserted_by_statement_are_stored_clean(
    engine: Engine,
) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    occurrence = snv_occurrence(engine)
    with session_scope(engine) as session:
        record_reply(
            session,
            identity=identify(session, OFFICER, ()),
            occurrence_id=occurrence,
            kind=ReplyKind.STUCK,
            text="Chờ\u202e số liệu\r\ncủa xã\x1b",
            now=NOW,
            today=NOW.date(),
            tz=ZoneInfo("Asia/Ho_Chi_Minh"),
        )
        detail: dict[str, Any] = {"lý do": ["a\u2067b", {"tên": DIRTY_NAME}], "số": 3}
        audit.record(session, actor="tg:1\x00", action="x", entity="y", after=detail, now=NOW)
    with session_scope(engine) as session:
        reply = session.exec(select(Reply).where(Reply.occurrence_id == occurrence)).one()
        assert reply.text == "Chờ số liệu\ncủa xã"
        entry = session.exec(select(AuditLog).where(AuditLog.action == "x")).one()
        assert entry.actor == "tg:1"
        assert entry.after == {"lý do": ["ab", {"tên": "Lan Nguyễn"}], "số": 3}

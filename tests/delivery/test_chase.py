"""The end of the chase over simulated weeks: at most 2 + N reminders after the deadline, then
nothing automatic; «nhắc lại» sends once a day; the chase restarts when the deadline moves."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from sqlmodel import col, select

from jobs.digests import queue_digests
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Occurrence, Outbox, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import DeliveryStatus, MessageKind
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import answers, coordination
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.people import accept_invite, issue_invite
from kehoach_bot.services.reminders import CHASE_ENDED, queue_due
from tests.delivery.conftest import Delivery

OFFICER, SECOND_OFFICER, COORDINATOR = 5001, 5002, 5003
# Gia Lai 2026: Sở Nội vụ's yearly report to Sở Y tế, last on-time day Tuesday 24/11/2026.
LAST_DAY = date(2026, 11, 24)


def join(delivery: Delivery, user_id: int, unit: str, role: Role = Role.OFFICER) -> None:
    with session_scope(delivery.engine) as session:
        invite = issue_invite(
            session, unit_code=unit, role=role, hours=1, actor="t", now=delivery.clock()
        )
        accept_invite(
            session,
            code=invite.code,
            telegram_user_id=user_id,
            chat_id=user_id,
            full_name=f"Người {user_id}",
            now=delivery.clock(),
        )


def overdue_occurrence(delivery: Delivery) -> int:
    with session_scope(delivery.engine) as session:
        unit_id = session.exec(select(Unit.id).where(Unit.code == "GL-SNV")).one()
        found = session.exec(
            select(Occurrence.id).where(
                Occurrence.unit_id == unit_id,
                Occurrence.last_day == LAST_DAY,
                Occurrence.state == "open",
            )
        ).one()
        assert found is not None
        return found


def sent_stages(delivery: Delivery, occurrence_id: int, chat_id: int = OFFICER) -> list[str]:
    with session_scope(delivery.engine) as session:
        return list(
            session.exec(
                select(Outbox.stage)
                .where(
                    Outbox.occurrence_id == occurrence_id,
                    Outbox.chat_id == chat_id,
                    Outbox.status == DeliveryStatus.SENT.value,
                    Outbox.kind == MessageKind.REMINDER.value,
                )
                .order_by(col(Outbox.id))
            ).all()
        )


def next_remind_on(delivery: Delivery, occurrence_id: int) -> date | None:
    with session_scope(delivery.engine) as session:
        occurrence = session.get(Occurrence, occurrence_id)
        assert occurrence is not None
        return occurrence.next_remind_on


@pytest.fixture
def capped(delivery: Delivery, request: pytest.FixtureRequest) -> Iterator[Delivery]:
    """The delivery with `reminders.max_weekly` set to the test's parameter (default 4), and
    the digests after the 09:00 ticks: they are not under test here, and each page would cost
    a real second of the per-chat limit."""
    settings = delivery.runtime.settings
    reminders = replace(settings.reminders, max_weekly=getattr(request, "param", 4), digest_hour=23)
    runtime = Runtime(replace(settings, reminders=reminders), delivery.engine, delivery.clock)
    yield replace(delivery, runtime=runtime)
    runtime.close()


async def run_days(delivery: Delivery, days: int) -> None:
    """A tick at 09:00 every day (weekends and holidays send nothing), and what it sends."""
    for _ in range(days):
        await delivery.tick()
        delivery.clock.advance(days=1)


WEEKLY = ["qua-han-2026-12-07", "qua-han-2026-12-14", "qua-han-2026-12-21", "qua-han-2026-12-28"]


@pytest.mark.parametrize(
    ("capped", "days", "expected"),
    [(0, 21, ["qua-han-1", "qua-han-2"]), (4, 46, ["qua-han-1", "qua-han-2", *WEEKLY])],
    indirect=["capped"],
)
async def test_an_overdue_period_gets_2_plus_n_reminders_then_none(
    capped: Delivery, days: int, expected: list[str]
) -> None:
    join(capped, OFFICER, "GL-SNV")
    occurrence_id = overdue_occurrence(capped)
    # From Wednesday 25/11/2026: 25/11, 30/11, then Mondays 7/12 … 28/12; then two more weeks
    # (N = 0: to 15/12; N = 4: to 9/1/2027) in which the next weekly chases would have come.
    await run_days(capped, days)
    assert sent_stages(capped, occurrence_id) == expected
    # The tick will not read it again: its next reminder day is beyond any tick.
    assert next_remind_on(capped, occurrence_id) == CHASE_ENDED
    with session_scope(capped.engine) as session:
        kinds = session.exec(
            select(Outbox.stage).where(Outbox.occurrence_id == occurrence_id)
        ).all()
    assert len(kinds) == len(expected)  # nothing queued and cancelled either


async def test_remind_again_sends_once_a_day_and_the_tick_adds_nothing(
    capped: Delivery,
) -> None:
    join(capped, OFFICER, "GL-SNV")
    join(capped, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    occurrence_id = overdue_occurrence(capped)
    await run_days(capped, 35)  # to Wednesday 30/12/2026: the chase ended after 28/12
    before = sent_stages(capped, occurrence_id)
    assert len(before) == 6
    runtime = capped.runtime
    first = coordination.remind_again(runtime, user_id=COORDINATOR, occurrence_id=occurrence_id)
    second = coordination.remind_again(runtime, user_id=COORDINATOR, occurrence_id=occurrence_id)
    assert (first.queued, first.officers, first.already) == (1, 1, False)
    assert second.already
    await capped.tick()
    await capped.tick()
    after = sent_stages(capped, occurrence_id)
    assert after == [*before, "nhac-lai-2026-12-30"]
    card = capped.fake.messages_to(OFFICER)[-1]
    assert card.startswith("🔔 Đầu mối nhắc lại") and "Sở Nội vụ tỉnh Gia Lai" in card
    # The next day the coordinator may remind again; automatic chasing stays off.
    capped.clock.advance(days=1)
    again = coordination.remind_again(runtime, user_id=COORDINATOR, occurrence_id=occurrence_id)
    assert again.queued == 1
    await run_days(capped, 10)
    assert sent_stages(capped, occurrence_id) == [*after, "nhac-lai-2026-12-31"]


async def test_a_new_officer_hears_once_and_an_extension_restarts_the_chase(
    capped: Delivery,
) -> None:
    join(capped, OFFICER, "GL-SNV")
    join(capped, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    occurrence_id = overdue_occurrence(capped)
    await run_days(capped, 35)
    # Someone joins the unit after the chase: they hear of the period once, the last stage.
    join(capped, SECOND_OFFICER, "GL-SNV")
    await run_days(capped, 7)
    assert sent_stages(capped, occurrence_id, SECOND_OFFICER) == ["qua-han-2026-12-28"]
    assert next_remind_on(capped, occurrence_id) == CHASE_ENDED
    # An approved extension moves the last on-time day: the stages follow the new deadline.
    runtime = capped.runtime
    asked = answers.ask_extension(
        runtime,
        user_id=OFFICER,
        occurrence_id=occurrence_id,
        proposed_text="15/01/2027",
        reason="Chờ số liệu",
    )
    coordination.decide_extension(
        runtime, user_id=COORDINATOR, extension_id=asked.extension.id or 0, approve=True
    )
    assert next_remind_on(capped, occurrence_id) is None
    before = len(sent_stages(capped, occurrence_id))
    await run_days(capped, 10)  # Wednesday 6/1/2027 to Friday 15/1, the new last day
    restarted = sent_stages(capped, occurrence_id)[before:]
    assert restarted == ["truoc-7", "truoc-3", "truoc-1", "truoc-0"]


async def test_remind_again_needs_an_officer_and_an_overdue_period(capped: Delivery) -> None:
    join(capped, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    occurrence_id = overdue_occurrence(capped)
    runtime = capped.runtime
    with pytest.raises(InvalidInput, match="chưa có cán bộ nhận nhắc"):
        coordination.remind_again(runtime, user_id=COORDINATOR, occurrence_id=occurrence_id)
    with session_scope(capped.engine) as session:
        assert session.exec(select(Outbox)).all() == []


async def test_officers_are_reminded_once_and_a_coordinator_only_is_not(capped: Delivery) -> None:
    # Sở Nội vụ owes a report. One person is both its officer and its coordinator, another
    # only its coordinator: the officers of a unit are reminded, each once.
    join(capped, OFFICER, "GL-SNV")
    join(capped, OFFICER, "GL-SNV", Role.COORDINATOR)
    join(capped, COORDINATOR, "GL-SNV", Role.COORDINATOR)
    occurrence_id = overdue_occurrence(capped)
    queue_due(capped.runtime, capped.clock())
    queue_due(capped.runtime, capped.clock())
    with session_scope(capped.engine) as session:
        chats = session.exec(
            select(Outbox.chat_id, Outbox.stage).where(Outbox.occurrence_id == occurrence_id)
        ).all()
    assert chats == [(OFFICER, "qua-han-1")]


async def test_the_digest_hands_the_period_over_with_its_link(delivery: Delivery) -> None:
    join(delivery, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    occurrence_id = overdue_occurrence(delivery)
    delivery.clock.advance(days=35)  # Wednesday 30/12/2026, 09:00
    assert queue_digests(delivery.runtime, delivery.clock()) >= 1
    await delivery.send()
    text = "\n".join(delivery.fake.messages_to(COORDINATOR))
    assert "Quá hạn kéo dài — bot đã thôi tự nhắc" in text
    assert "Sở Nội vụ tỉnh Gia Lai — " in text and f"/nhaclai_{occurrence_id}" in text
    assert "Chưa có cán bộ nhận nhắc" in text

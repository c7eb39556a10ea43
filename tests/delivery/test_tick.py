"""The tick on a real database against the fake Bot API: due reminders, idempotency, downtime,
faults, cancellation, and two dispatchers on one outbox."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date, timedelta
from itertools import pairwise

import pytest
from sqlmodel import col, select

from jobs.dispatch import Dispatcher
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Occurrence, Outbox, Unit
from kehoach_bot.domain.reminders import latest_and_next
from kehoach_bot.domain.stored import DeliveryStatus as Status
from kehoach_bot.services.plan_tracking import set_tracked_from
from kehoach_bot.services.reminders import queue_due
from tests.delivery.conftest import MORNING, Delivery

OFFICER = 2001


def rows(delivery: Delivery) -> list[Outbox]:
    with session_scope(delivery.engine) as session:
        return list(session.exec(select(Outbox).order_by(col(Outbox.id))).all())


def open_occurrences(delivery: Delivery, unit: str) -> list[Occurrence]:
    with session_scope(delivery.engine) as session:
        unit_id = session.exec(select(Unit.id).where(Unit.code == unit)).one()
        return list(
            session.exec(
                select(Occurrence).where(Occurrence.unit_id == unit_id, Occurrence.state == "open")
            ).all()
        )


async def test_due_reminder_is_sent_once_with_its_buttons(delivery: Delivery) -> None:
    delivery.join(OFFICER, "GL-SNV")
    planned, sent = await delivery.tick()
    # Gia Lai 2026: 25/11 is today (last day 24/11 passed: overdue), 5/12 and 15/12 upcoming.
    # Three are due for this officer; they go out one after another, a second apart.
    assert planned.planned.enqueued == 3 and sent.sent == 3
    messages = delivery.fake.messages_to(OFFICER)
    assert len(messages) == 3
    headings = sorted(m.splitlines()[0] for m in messages)
    # Overdue reminders say how late they are (last days 24/11/2026, 14/12/2025, 24/11/2025).
    assert headings == ["⏰ Quá hạn 1 ngày", "⏰ Quá hạn 346 ngày", "⏰ Quá hạn 366 ngày"]
    markup = delivery.fake.sent()[0].params["reply_markup"]["inline_keyboard"]
    assert markup[0][0]["text"] == "✅ Đã nộp"
    # Ticks later the same day send nothing new: the reminder is already in the outbox.
    for _ in range(3):
        planned, _ = await delivery.tick()
        assert planned.planned.enqueued == 0
    assert len(delivery.fake.messages_to(OFFICER)) == len(
        [r for r in rows(delivery) if r.status == Status.SENT]
    )
    keys = Counter(r.dedupe_key for r in rows(delivery))
    assert max(keys.values()) == 1


async def test_after_ten_days_of_downtime_one_catch_up_per_occurrence(delivery: Delivery) -> None:
    delivery.join(OFFICER, "GL-SNV")
    delivery.clock.advance(days=10)  # Saturday 5/12 → move to Monday 7/12
    delivery.clock.advance(days=2)
    planned = queue_due(delivery.runtime, delivery.clock())
    per_occurrence = Counter(r.occurrence_id for r in rows(delivery))
    assert planned.enqueued == len(per_occurrence)
    assert set(per_occurrence.values()) == {1}
    today = delivery.clock().date()
    due_now = {
        o.id
        for o in open_occurrences(delivery, "GL-SNV")
        if latest_and_next(o.last_day, (7, 3, 1, 0), today)[0] is not None
    }
    assert due_now and set(per_occurrence) == due_now


async def test_no_reminders_outside_hours_or_on_holidays(delivery: Delivery) -> None:
    delivery.join(OFFICER, "GL-SNV")
    delivery.clock.advance(hours=12)  # 21:00 local
    assert queue_due(delivery.runtime, delivery.clock()).enqueued == 0
    delivery.clock.advance(days=3, hours=-12)  # Saturday morning
    assert queue_due(delivery.runtime, delivery.clock()).enqueued == 0
    assert rows(delivery) == []


async def test_done_or_extended_stops_an_enqueued_reminder(delivery: Delivery) -> None:
    delivery.join(OFFICER, "GL-SNV")
    queue_due(delivery.runtime, delivery.clock())
    queued = rows(delivery)
    assert queued
    with session_scope(delivery.engine) as session:
        for row in queued:
            occ = session.get(Occurrence, row.occurrence_id)
            assert occ is not None
            occ.state = "done"
    for _ in range(len(queued)):  # one message per chat per run: the rest wait a second
        await delivery.send(worker="w", batch=50)
        delivery.clock.advance(seconds=2)
    assert {r.status for r in rows(delivery)} == {Status.CANCELLED}
    assert delivery.fake.messages_to(OFFICER) == []


@pytest.mark.parametrize(
    ("status", "description", "retry_after", "expected", "retries"),
    [
        (429, "Too Many Requests: retry after 7", 7, Status.PENDING, 0),
        (500, "Internal Server Error", None, Status.PENDING, 1),
        (502, "Bad Gateway", None, Status.PENDING, 1),
        (403, "Forbidden: bot was blocked by the user", None, Status.UNDELIVERABLE, 0),
        (400, "Bad Request: chat not found", None, Status.UNDELIVERABLE, 0),
    ],
)
async def test_faults_are_handled(
    delivery: Delivery,
    status: int,
    description: str,
    retry_after: int | None,
    expected: str,
    retries: int,
) -> None:
    delivery.join(OFFICER, "GL-SNV")
    queue_due(delivery.runtime, delivery.clock())
    delivery.fake.fail("sendMessage", status, description, retry_after=retry_after)
    await delivery.send(worker="w", batch=1)
    (first, *_) = rows(delivery)
    assert first.status == expected
    if expected == Status.PENDING:
        if retry_after:
            assert first.next_attempt_at == delivery.clock() + timedelta(seconds=retry_after)
        assert first.attempts == retries + (1 if retry_after else 0)
        # Once the wait is over, it goes out.
        delivery.clock.advance(seconds=60)
        await delivery.send(worker="w", batch=1)
        assert rows(delivery)[0].status == Status.SENT
    else:
        assert description.split(": ")[-1].lower() in first.last_error.lower()


async def test_a_timeout_is_retried_with_backoff(delivery: Delivery) -> None:
    delivery.join(OFFICER, "GL-SNV")
    queue_due(delivery.runtime, delivery.clock())
    delivery.fake.fail("sendMessage", 200, "", delay=1.5)  # answers after the client gave up
    report = await delivery.send(worker="w", batch=1)
    assert report.retried == 1
    (first, *_) = rows(delivery)
    assert first.status == Status.PENDING and first.attempts == 1
    assert "timed out" in first.last_error.lower()
    assert first.next_attempt_at == delivery.clock() + timedelta(seconds=5)
    delivery.clock.advance(seconds=6)
    await delivery.send(worker="w", batch=1)
    assert rows(delivery)[0].status == Status.SENT


async def test_a_killed_claim_is_released_and_sent_later(delivery: Delivery) -> None:
    delivery.join(OFFICER, "GL-SNV")
    queue_due(delivery.runtime, delivery.clock())
    from kehoach_bot.services import outbox

    with session_scope(delivery.engine) as session:
        claimed = outbox.claim(session, now=delivery.clock(), worker="dead", limit=10)
        assert claimed
    # The process that claimed them died; five minutes later they are back in the queue.
    delivery.clock.advance(minutes=6)
    report = await delivery.send(worker="alive", batch=10)
    assert report.sent == report.claimed == len(claimed)


async def test_two_dispatchers_never_send_a_row_twice(delivery: Delivery) -> None:
    units = ["GL-SNV", "GL-SXD", "GL-SGDDT", "GL-SKHCN", "GL-SNNMT", "GL-SVHTTDL", "GL-BHXH"]
    for i, unit in enumerate(units):
        for j in range(6):
            delivery.join(3000 + 10 * i + j, unit)
    queue_due(delivery.runtime, delivery.clock())
    queued = len(rows(delivery))
    assert queued >= 40
    # Both run at once (their database work in threads): each claims batch after batch while
    # the other holds claims of its own.
    a, b = await asyncio.gather(
        delivery.send(worker="a", batch=5), delivery.send(worker="b", batch=5)
    )
    assert a.claimed > 0 and b.claimed > 0 and a.claimed + b.claimed == queued
    assert not set(a.outcomes) & set(b.outcomes)
    sent = [(c.params["chat_id"], c.params["text"]) for c in delivery.fake.sent()]
    final = rows(delivery)
    assert {r.status for r in final} == {Status.SENT}
    assert len(sent) == len(set(sent)) == queued
    assert len({r.telegram_message_id for r in final}) == queued


async def test_queueing_the_same_reminders_again_adds_nothing(delivery: Delivery) -> None:
    delivery.join(OFFICER, "GL-SNV")
    first = queue_due(delivery.runtime, delivery.clock())
    assert first.enqueued == 3
    with session_scope(delivery.engine) as session:  # as a new member joining would do
        for occurrence in session.exec(select(Occurrence)).all():
            occurrence.next_remind_on = None
    again = queue_due(delivery.runtime, delivery.clock())
    assert again.examined > 0 and again.enqueued == 0
    assert len(rows(delivery)) == 3


async def test_one_chat_gets_a_message_a_second_across_batches_and_retries(
    delivery: Delivery,
) -> None:
    delivery.fake.enforce_limits = True  # the fake answers 429 to a second message within 1 s
    delivery.join(OFFICER, "GL-SNV")
    queue_due(delivery.runtime, delivery.clock())
    delivery.fake.fail("sendMessage", 502, "Bad Gateway", chat_id=OFFICER)
    # The bot's one dispatcher, one row per claim: the three go out in separate batches.
    dispatcher = Dispatcher(delivery.bot, delivery.runtime, batch=1)
    await dispatcher.drain()
    delivery.clock.advance(seconds=10)  # the failed one is due again
    await dispatcher.drain()
    arrivals = [c.at for c in delivery.fake.sent() if c.params["chat_id"] == OFFICER]
    assert len(arrivals) == 3
    assert delivery.fake.violations["chat"] == 0
    assert min(b - a for a, b in pairwise(arrivals)) >= 1.0


def test_stage_selection_on_the_calendar() -> None:
    # Last on-time day Saturday 19/10/2024: remind from Friday 18/10 backwards.
    assert latest_and_next(date(2024, 10, 19), (7, 3, 1, 0), date(2024, 10, 8)) == (
        None,
        date(2024, 10, 9),
    )
    latest, following = latest_and_next(date(2024, 10, 19), (7, 3, 1, 0), date(2024, 10, 16))
    assert latest is not None and latest.key == "truoc-3" and following == date(2024, 10, 17)
    latest, following = latest_and_next(date(2024, 10, 19), (7, 3, 1, 0), date(2024, 10, 21))
    assert latest is not None and latest.key == "qua-han-1" and following == date(2024, 10, 24)


def test_concurrent_claims_take_disjoint_rows(delivery: Delivery) -> None:
    """Two transactions claiming at once: on PostgreSQL SKIP LOCKED keeps them apart."""
    import threading

    from sqlmodel import Session

    from kehoach_bot.services import outbox

    # SQLite allows one writer at a time (one bot process, documented): there the second claim
    # waits for the first to commit, then finds the rows taken. PostgreSQL lets both run at once.
    concurrent = delivery.engine.dialect.name == "postgresql"
    for j in range(10):
        delivery.join(6000 + j, "GL-SXD")
    queue_due(delivery.runtime, delivery.clock())
    total = len(rows(delivery))
    claimed: dict[str, list[int]] = {}
    first_holds = threading.Event()
    second_done = threading.Event()

    def worker(name: str, hold: bool) -> None:
        with Session(delivery.engine) as session:
            got = outbox.claim(session, now=delivery.clock(), worker=name, limit=total)
            claimed[name] = [r.id or 0 for r in got]
            if hold:  # keep the row locks while the other worker claims
                first_holds.set()
                second_done.wait(10)
            session.commit()
        if not hold:
            second_done.set()

    a = threading.Thread(target=worker, args=("a", concurrent))
    a.start()
    if concurrent:
        assert first_holds.wait(10)
    else:
        a.join(10)
    b = threading.Thread(target=worker, args=("b", False))
    b.start()
    b.join(10)
    a.join(10)
    assert claimed["a"] and not set(claimed["a"]) & set(claimed["b"])
    assert len(claimed["a"]) == total and claimed["b"] == []


async def test_changing_a_schedule_retires_reminded_occurrences_without_losing_them(
    delivery: Delivery,
) -> None:
    from kehoach_bot.services.bootstrap import horizon
    from kehoach_bot.services.obligations import (
        Field,
        apply_change,
        find_obligation,
        propose_change,
    )

    delivery.join(OFFICER, "GL-SNV")
    queue_due(delivery.runtime, delivery.clock())
    settings = delivery.runtime.settings
    with session_scope(delivery.engine) as session:
        obligation = find_obligation(session, "gia-lai-743", "gui-so-y-te")
        of_obligation = set(
            session.exec(
                select(Occurrence.id).where(Occurrence.obligation_id == obligation.id)
            ).all()
        )
    reminded = {r.occurrence_id for r in rows(delivery)} & of_obligation
    assert reminded
    with session_scope(delivery.engine) as session:
        change = propose_change(session, obligation.id, Field.SCHEDULE, "trước một lần 30/12/2026")
        report = apply_change(
            session,
            change,
            actor="admin",
            now=delivery.clock(),
            policy=settings.deadlines,
            until=horizon(settings, delivery.clock()),
        )
    assert report.removed > 0 and report.created > 0
    with session_scope(delivery.engine) as session:
        kept = session.exec(select(Occurrence).where(col(Occurrence.id).in_(reminded))).all()
        assert {o.state for o in kept} == {"waived"}  # history stays, reminders stop
    await delivery.send(worker="w", batch=50)
    assert {r.status for r in rows(delivery) if r.occurrence_id in reminded} == {Status.CANCELLED}


async def test_history_before_tracking_is_never_reminded(delivery: Delivery) -> None:
    # Đắk Nông's plan ended in 2025: on its first day the bot chases none of it.
    delivery.join(OFFICER, "DN-SYT")
    planned, sent = await delivery.tick()
    assert planned.planned.enqueued == 0 and sent.sent == 0
    # Gia Lai tracked from today: only its 2026 period is chased, never 2025's.
    with session_scope(delivery.engine) as session:
        set_tracked_from(
            session, plan_code="gia-lai-743", day=date(2026, 11, 25), actor="t", now=MORNING
        )
    delivery.join(OFFICER + 1, "GL-SNV")
    planned, sent = await delivery.tick()
    assert planned.planned.enqueued == sent.sent == 0  # the 2026 report's last day was 24/11
    with session_scope(delivery.engine) as session:
        set_tracked_from(
            session, plan_code="gia-lai-743", day=date(2026, 11, 24), actor="t", now=MORNING
        )
    planned, sent = await delivery.tick()
    assert planned.planned.enqueued == sent.sent == 1
    assert "năm 2026" in delivery.fake.messages_to(OFFICER + 1)[0]

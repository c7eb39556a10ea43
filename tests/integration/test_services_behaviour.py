"""The services at their edges: the daily extension, extension requests and decisions, replies,
what is owed and who coordinates it, re-synchronised occurrences, digests, ad hoc requests and
successions — each checked where a wrong comparison or a lost argument would show to a user."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, update
from sqlmodel import Session, col, select

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import (
    AdHocRequest,
    GroupMember,
    Obligation,
    ObligationUnit,
    Occurrence,
    Outbox,
    Person,
    Plan,
    Reply,
    Succession,
    Unit,
)
from kehoach_bot.domain.deadlines import Wording
from kehoach_bot.domain.reminders import chase_ended
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import State, Status
from kehoach_bot.domain.stored import DeliveryStatus, ExtensionStatus, MessageKind, ReplyKind
from kehoach_bot.domain.vietnamese import BadDate, parse_date
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import (
    answers,
    coordination,
    digests,
    extension,
    obligations,
    onboarding,
    replies,
    succession,
    tracking,
)
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound
from kehoach_bot.services.obligations import Field, ProposedChange
from kehoach_bot.services.occurrences import sync_occurrences
from kehoach_bot.services.outbox import Message
from kehoach_bot.services.people import accept_invite, identify, issue_invite, revoke
from kehoach_bot.services.replies import Attachment, ExtensionView
from kehoach_bot.services.requests import request_ad_hoc
from tests.auxil.snapshot import snapshot
from tests.conftest import NOW

TODAY = date(2026, 11, 24)  # NOW in Hà Nội
OFFICER, COORDINATOR, ADMIN = 7101, 7102, 7199


class Clock:
    """A clock the test sets by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def runtime(engine: Engine, settings: Settings, clock: Clock) -> Iterator[Runtime]:
    configured = replace(settings, telegram=replace(settings.telegram, admins=(ADMIN,)))
    made = Runtime(configured, engine, clock)
    yield made
    made.answers.shutdown()
    made.background.shutdown()


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """`hour`:`minute` in Hà Nội on `day` (UTC+7), as an aware UTC time."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC) - timedelta(hours=7)


def join(engine: Engine, user_id: int, unit: str, role: Role) -> None:
    with session_scope(engine) as session:
        invite = issue_invite(session, unit_code=unit, role=role, hours=1, actor="t", now=NOW)
        accept_invite(
            session,
            code=invite.code,
            telegram_user_id=user_id,
            chat_id=user_id,
            full_name=f"Người {user_id}",
            now=NOW,
        )


def unit_id(session: Session, code: str) -> int:
    return session.exec(select(Unit.id).where(Unit.code == code)).one() or 0


def obligation_id(session: Session, plan: str, code: str) -> int:
    return (
        session.exec(
            select(Obligation.id)
            .join(Plan, col(Plan.id) == col(Obligation.plan_id))
            .where(Plan.code == plan, Obligation.code == code)
        ).one()
        or 0
    )


def occurrence(engine: Engine, unit: str, obligation: str, due: date) -> int:
    """The id of `unit`'s period of the Gia Lai obligation `obligation` due on `due`."""
    with session_scope(engine) as session:
        return (
            session.exec(
                select(Occurrence.id).where(
                    Occurrence.unit_id == unit_id(session, unit),
                    Occurrence.obligation_id == obligation_id(session, "gia-lai-743", obligation),
                    Occurrence.due_date == due,
                )
            ).one()
            or 0
        )


def notices(engine: Engine, kind: MessageKind) -> list[tuple[int, int | None, int | None]]:
    """(chat, subject, occurrence) of the queued notices of one kind, in queue order."""
    with session_scope(engine) as session:
        rows = session.exec(
            select(Outbox.chat_id, Outbox.subject_id, Outbox.occurrence_id)
            .where(Outbox.kind == kind.value)
            .order_by(col(Outbox.id))
        ).all()
        return [tuple(r) for r in rows]  # type: ignore[misc]


def latest_due(session: Session) -> date:
    """The due date of the latest period of any obligation."""
    latest = session.exec(select(func.max(col(Occurrence.due_date)))).one()
    assert latest is not None
    return latest


def stored(engine: Engine, occurrence_id: int) -> Occurrence:
    with session_scope(engine) as session:
        row = session.get(Occurrence, occurrence_id)
        assert row is not None
        session.expunge(row)
        return row


# --- The daily extension ----------------------------------------------------------------------


def _periods(engine: Engine, start: date) -> set[tuple[int, int, str]]:
    """(obligation, unit, period) of the plans' periods due from `start` on."""
    with session_scope(engine) as session:
        rows = session.exec(
            select(Occurrence.obligation_id, Occurrence.unit_id, Occurrence.period_key).where(
                col(Occurrence.due_date) >= start, col(Occurrence.request_id).is_(None)
            )
        ).all()
        return {(o, u, k) for o, u, k in rows}


def test_the_daily_extension_reaches_every_obligation_once_a_day(
    engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Slices of three: the 22 seed obligations span eight transactions.
    monkeypatch.setattr(extension, "SLICE", 3)
    # A horizon shorter than the one-month look-back: each day's new periods fall within it.
    short = replace(settings, reminders=replace(settings.reminders, horizon_days=30))
    with session_scope(engine) as session:
        # An admin dated Bình Lục's first obligation (the smallest id), named who owes it and
        # prolonged the plan; and dated La Gi's last one (the largest id).
        first, *_, last = session.exec(select(Obligation).order_by(col(Obligation.id))).all()
        assert first.id is not None and last.id is not None
        first.schedule, first.wording = {"type": "yearly", "month": 10, "day": 10}, "truoc_ngay"
        last.schedule, last.wording = {"type": "yearly", "month": 11, "day": 15}, "truoc_ngay"
        session.add_all([first, last])
        session.execute(
            update(ObligationUnit)
            .where(
                col(ObligationUnit.obligation_id) == first.id,
                col(ObligationUnit.role) == "responsible",
            )
            .values(unit_id=unit_id(session, "BL-TTYT"))
        )
        session.execute(
            update(Plan).where(col(Plan.id) == first.plan_id).values(valid_to=date(2030, 12, 31))
        )
        binh_son = obligation_id(session, "binh-son-35", "bao-cao-hang-nam")
        gia_lai = {
            obligation_id(session, "gia-lai-743", code)
            for code in ("gui-so-y-te", "bao-cao-bo-y-te", "bao-cao-ubnd-tinh")
        }
        tt_yt = unit_id(session, "BL-TTYT")
    first_id, last_id = first.id, last.id
    start = date(2028, 1, 1)
    assert not _periods(engine, start)
    clock = Clock(local(date(2028, 10, 1), 10))
    runtime = Runtime(short, engine, clock)
    try:
        report = extension.extend_daily(runtime, clock())
        assert report is not None
        added = _periods(engine, start)
        # 1/10/2028 + 30 days: Bình Lục's 10/10 and Bình Sơn's 20/10 are due within the horizon.
        assert {o for o, _, _ in added} == {first_id, binh_son}
        # Its responsible unit owes it; the recipient the plan also names owes nothing.
        assert {(u, k) for o, u, k in added if o == first_id} == {(tt_yt, "2028")}
        assert {k for _, _, k in added} == {"2028"}
        assert report.created == len(added)
        # Later the same day in Hà Nội: already done.
        before = snapshot(engine)
        clock.now = local(date(2028, 10, 1), 23, 30)
        assert extension.extend_daily(runtime, clock()) is None
        assert snapshot(engine) == before
        # Half past midnight in Hà Nội (still 1/10 in UTC): a new day, so it runs again.
        clock.now = local(date(2028, 10, 2), 0, 30)
        again = extension.extend_daily(runtime, clock())
        assert again is not None and again.created == 0
        # ...and not again that day, however late (23:00 on 2/10 is 16:00 UTC the same date).
        clock.now = local(date(2028, 10, 2), 23)
        assert extension.extend_daily(runtime, clock()) is None
        # 20/11: the look-back starts on 20/10, the very day Bình Sơn's period is due; the
        # period is already there and is not made twice. Gia Lai's three obligations and La
        # Gi's last one come in.
        clock.now = local(date(2028, 11, 20), 10)
        later = extension.extend_daily(runtime, clock())
        assert later is not None
        now_added = _periods(engine, start)
        assert {o for o, _, _ in now_added - added} == gia_lai | {last_id}
        assert later.created == len(now_added - added)
        with session_scope(engine) as session:
            last_due = latest_due(session)
        assert last_due <= horizon(short, clock())
    finally:
        runtime.answers.shutdown()
        runtime.background.shutdown()


# --- Extension requests and decisions ---------------------------------------------------------


def ask(runtime: Runtime, occurrence_id: int, proposed: str) -> answers.ExtensionAsked:
    return answers.ask_extension(
        runtime,
        user_id=OFFICER,
        occurrence_id=occurrence_id,
        proposed_text=proposed,
        reason="  chờ số liệu  ",
    )


def test_an_extension_falls_after_the_deadline_within_a_year_one_at_a_time(
    engine: Engine, runtime: Runtime
) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    first = occurrence(engine, "GL-SNV", "bao-cao-ubnd-tinh", date(2026, 12, 15))  # last 14/12
    other = occurrence(engine, "GL-SNV", "gui-so-y-te", date(2026, 11, 25))  # last day: today
    before = snapshot(engine)
    with pytest.raises(BadDate) as bad:
        parse_date("31/02/2027")
    refusals = [
        ("14/12/2026", "hạn hiện tại \\(14/12/2026\\)"),  # the deadline itself moves nothing
        ("26/11/2027", "một năm"),  # a year and two days from today
        ("31/02/2027", re.escape(str(bad.value))),  # the date parser's own words
    ]
    for proposed, message in refusals:
        with pytest.raises(InvalidInput, match=message):
            ask(runtime, first, proposed)
    assert snapshot(engine) == before
    asked = ask(runtime, first, "25/11/2027")  # today + 366 days: the furthest allowed
    assert asked.extension == ExtensionView(
        asked.extension.id, first, date(2027, 11, 25), "chờ số liệu", ExtensionStatus.PENDING
    )
    assert asked.view.id == first and asked.view.deadline == date(2026, 12, 14)
    # One request at a time for a report...
    with pytest.raises(InvalidInput, match="đang chờ"):
        ask(runtime, first, "15/12/2026")
    # ...but a request pending on one report does not block another report's.
    second = ask(runtime, other, "30/11/2026")
    # The coordinator hears of each request, named by its own id.
    assert notices(engine, MessageKind.EXTENSION_REQUEST) == [
        (COORDINATOR, asked.extension.id, first),
        (COORDINATOR, second.extension.id, other),
    ]


def test_an_overdue_report_may_be_extended_from_today_not_from_yesterday(
    engine: Engine, runtime: Runtime, clock: Clock
) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    overdue = occurrence(engine, "GL-SNV", "gui-so-y-te", date(2026, 11, 25))  # last day 24/11
    clock.now = local(date(2026, 12, 2), 10)
    with pytest.raises(InvalidInput, match="quá khứ"):
        ask(runtime, overdue, "01/12/2026")
    asked = ask(runtime, overdue, "02/12/2026")
    assert asked.extension.proposed_date == date(2026, 12, 2)


def test_decisions_move_the_deadline_only_when_approved_and_the_unit_is_told(
    engine: Engine, runtime: Runtime
) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    report = occurrence(engine, "GL-SNV", "bao-cao-ubnd-tinh", date(2026, 12, 15))
    planned = date(2026, 12, 7)  # the next reminder day the tick had worked out
    with session_scope(engine) as session:
        session.execute(
            update(Occurrence).where(col(Occurrence.id) == report).values(next_remind_on=planned)
        )
    asked = ask(runtime, report, "31/12/2026")
    join(engine, 7109, "BO-YTE", Role.COORDINATOR)  # coordinates another report only
    with pytest.raises(Forbidden, match="Chỉ đơn vị đầu mối của báo cáo này"):
        coordination.decide_extension(
            runtime, user_id=7109, extension_id=asked.extension.id, approve=True
        )
    with pytest.raises(NotFound, match="Không tìm thấy đề nghị gia hạn"):
        coordination.decide_extension(
            runtime, user_id=COORDINATOR, extension_id=asked.extension.id + 99, approve=True
        )
    refused = coordination.decide_extension(
        runtime, user_id=COORDINATOR, extension_id=asked.extension.id, approve=False
    )
    assert refused.extension.status is ExtensionStatus.REFUSED and not refused.approved
    assert refused.view.extended_to is None and refused.view.deadline == date(2026, 12, 14)
    assert stored(engine, report).next_remind_on == planned
    # A second tap reads the decision back and changes nothing.
    again_tapped = coordination.decide_extension(
        runtime, user_id=COORDINATOR, extension_id=asked.extension.id, approve=True
    )
    assert again_tapped.already and not again_tapped.approved
    # Refused, the officer may ask again: the day after the deadline is the nearest day.
    again = ask(runtime, report, "15/12/2026")
    # An admin who coordinates nothing decides too.
    assert [e.id for e, _ in coordination.pending_extensions(runtime, user_id=ADMIN)] == [
        again.extension.id
    ]
    approved = coordination.decide_extension(
        runtime, user_id=ADMIN, extension_id=again.extension.id, approve=True
    )
    assert approved.approved and approved.extension.status is ExtensionStatus.APPROVED
    assert approved.view.extended_to == date(2026, 12, 15)
    assert approved.view.deadline == date(2026, 12, 15)
    row = stored(engine, report)
    # The reminder stages follow the new deadline: the tick works them out again.
    assert (row.extended_to, row.next_remind_on) == (date(2026, 12, 15), None)
    assert coordination.decide_extension(
        runtime, user_id=COORDINATOR, extension_id=again.extension.id, approve=False
    ).already
    assert stored(engine, report).extended_to == date(2026, 12, 15)
    # The unit hears of each decision, each named by its extension.
    assert notices(engine, MessageKind.EXTENSION_DECISION) == [
        (OFFICER, asked.extension.id, report),
        (OFFICER, again.extension.id, report),
    ]


# --- Replies ----------------------------------------------------------------------------------


def reply_rows(engine: Engine, occurrence_id: int) -> list[tuple[str, str, str | None]]:
    with session_scope(engine) as session:
        rows = session.exec(
            select(Reply.kind, Reply.text, Reply.file_name)
            .where(Reply.occurrence_id == occurrence_id)
            .order_by(col(Reply.id))
        ).all()
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_a_stuck_note_needs_its_text_and_leaves_the_report_open(
    engine: Engine, runtime: Runtime
) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    report = occurrence(engine, "GL-SNV", "bao-cao-ubnd-tinh", date(2026, 12, 15))
    before = snapshot(engine)
    for text, message in (("   ", "vướng mắc"), ("x" * 2001, "2001 ký tự; tối đa 2000")):
        with pytest.raises(InvalidInput, match=message):
            answers.answer(
                runtime, user_id=OFFICER, occurrence_id=report, kind=ReplyKind.STUCK, text=text
            )
    assert snapshot(engine) == before
    stuck = answers.answer(
        runtime,
        user_id=OFFICER,
        occurrence_id=report,
        kind=ReplyKind.STUCK,
        text="  Chờ số liệu của các xã  ",
    )
    longest = answers.answer(
        runtime, user_id=OFFICER, occurrence_id=report, kind=ReplyKind.STUCK, text="y" * 2000
    )
    working = answers.answer(
        runtime, user_id=OFFICER, occurrence_id=report, kind=ReplyKind.IN_PROGRESS
    )
    assert stuck.view.state is State.OPEN and stuck.on_time is None
    assert stored(engine, report).state == State.OPEN.value
    assert reply_rows(engine, report) == [
        ("stuck", "Chờ số liệu của các xã", None),
        ("stuck", "y" * 2000, None),
        ("in_progress", "", None),
    ]
    assert working.reply_id > longest.reply_id > stuck.reply_id
    # Each stuck note reaches the coordinator, named by its reply; "đang làm" does not.
    assert notices(engine, MessageKind.STUCK) == [
        (COORDINATOR, stuck.reply_id, report),
        (COORDINATOR, longest.reply_id, report),
    ]


def test_the_first_submission_counts_in_hanoi_time_and_later_ones_keep_it(
    engine: Engine, runtime: Runtime, clock: Clock
) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    report = occurrence(engine, "GL-SNV", "gui-so-y-te", date(2026, 11, 25))  # last day 24/11
    assert answers.open_for_answer(runtime, user_id=OFFICER, occurrence_id=report).due_soon
    # 17:30 UTC on 24/11 is half past midnight on 25/11 in Hà Nội: one day late.
    clock.now = datetime(2026, 11, 24, 17, 30, tzinfo=UTC)
    first = answers.answer(runtime, user_id=OFFICER, occurrence_id=report, kind=ReplyKind.SUBMITTED)
    assert (first.on_time, first.first_submission) == (False, True)
    view = first.view
    assert (view.state, view.status, view.due_soon) == (State.DONE, Status.DONE_LATE, False)
    assert view.submitted_on == date(2026, 11, 25)
    row = stored(engine, report)
    assert (row.state, row.submitted_on) == (State.DONE.value, date(2026, 11, 25))
    assert row.submitted_at == clock.now and row.updated_at == clock.now
    # A corrected file the next day: stored, but the first submission's day still counts.
    clock.now = local(date(2026, 11, 26), 9)
    file = Attachment("bao-cao.pdf", "files/gl-snv/bao-cao.pdf", 3, "0" * 64)
    again = answers.answer(
        runtime, user_id=OFFICER, occurrence_id=report, kind=ReplyKind.SUBMITTED, attachment=file
    )
    assert again.already and again.reply_id == 0  # a second "đã nộp" stores nothing
    second = answers.answer(
        runtime,
        user_id=OFFICER,
        occurrence_id=report,
        kind=ReplyKind.SUBMITTED,
        attachment=file,
        replacing=True,
    )
    assert (second.on_time, second.first_submission) == (False, False)
    assert second.view.submitted_on == date(2026, 11, 25)
    assert second.view.status is Status.DONE_LATE
    row = stored(engine, report)
    assert row.submitted_at == datetime(2026, 11, 24, 17, 30, tzinfo=UTC)
    assert reply_rows(engine, report) == [
        ("submitted", "", None),
        ("submitted", "", "bao-cao.pdf"),
    ]
    assert notices(engine, MessageKind.SUBMITTED) == [(COORDINATOR, first.reply_id, report)]
    assert notices(engine, MessageKind.REPLACED) == [(COORDINATOR, second.reply_id, report)]
    # The file is handed out for the reply that carries it; a reply without a file has none.
    got = coordination.submitted_file(runtime, user_id=COORDINATOR, reply_id=second.reply_id)
    assert (got.reply_id, got.file_name, got.path) == (
        second.reply_id,
        "bao-cao.pdf",
        "files/gl-snv/bao-cao.pdf",
    )
    with pytest.raises(NotFound, match="Không tìm thấy tệp báo cáo"):
        coordination.submitted_file(runtime, user_id=COORDINATOR, reply_id=first.reply_id)
    join(engine, 7109, "BO-YTE", Role.COORDINATOR)
    with pytest.raises(Forbidden, match="không có quyền xem tệp"):
        coordination.submitted_file(runtime, user_id=7109, reply_id=second.reply_id)
    with pytest.raises(Forbidden, match="Yêu cầu đã được ghi lại"):
        answers.open_for_answer(runtime, user_id=7109, occurrence_id=report)
    with pytest.raises(NotFound, match="Không tìm thấy kỳ báo cáo này"):
        answers.open_for_answer(runtime, user_id=OFFICER, occurrence_id=10**9)
    # Submitted: there is no deadline left to move.
    with pytest.raises(InvalidInput, match="đã nộp"):
        ask(runtime, report, "30/11/2026")


def test_a_submission_within_an_approved_extension_is_on_time(
    engine: Engine, runtime: Runtime, clock: Clock
) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    report = occurrence(engine, "GL-SNV", "gui-so-y-te", date(2026, 11, 25))  # last day 24/11
    asked = ask(runtime, report, "30/11/2026")
    coordination.decide_extension(
        runtime, user_id=ADMIN, extension_id=asked.extension.id, approve=True
    )
    clock.now = local(date(2026, 11, 27), 9)
    outcome = answers.answer(
        runtime, user_id=OFFICER, occurrence_id=report, kind=ReplyKind.SUBMITTED
    )
    assert outcome.on_time is True and outcome.view.status is Status.DONE_ON_TIME


# --- What is owed, and who coordinates it -----------------------------------------------------


def test_what_a_unit_owes_leaves_out_what_it_submitted(engine: Engine, runtime: Runtime) -> None:
    assert answers.owed(runtime, user_id=OFFICER) == answers.Owed(False, [])
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    assert [m.unit for m in answers.who(runtime, OFFICER).memberships] == ["GL-SNV"]
    with session_scope(engine) as session:
        tracked = session.exec(
            select(col(Occurrence.id), col(Occurrence.last_day)).where(
                Occurrence.unit_id == unit_id(session, "GL-SNV"),
                Occurrence.state == State.OPEN.value,
                col(Occurrence.last_day) >= TODAY,  # the plans are tracked from today
            )
        ).all()
    expected = [i or 0 for i, _ in sorted(tracked, key=lambda r: (r[1], r[0] or 0))]
    owed = answers.owed(runtime, user_id=OFFICER)
    assert owed.known and [v.id for v in owed.views] == expected
    answers.answer(runtime, user_id=OFFICER, occurrence_id=expected[0], kind=ReplyKind.SUBMITTED)
    assert [v.id for v in answers.owed(runtime, user_id=OFFICER).views] == expected[1:]


def test_joining_a_second_unit_greets_with_that_units_nearest_report(
    engine: Engine, runtime: Runtime
) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    with session_scope(engine) as session:
        invite = issue_invite(
            session, unit_code="GL-SYT", role=Role.OFFICER, hours=1, actor="t", now=NOW
        )
    joined = onboarding.join(
        runtime, code=invite.code, user_id=OFFICER, chat_id=OFFICER, full_name="Người 7101"
    )
    # Sở Y tế's own report to Bộ Y tế, although Sở Nội vụ's is due sooner.
    assert joined.upcoming is not None
    assert (joined.upcoming.unit, joined.upcoming.obligation) == ("GL-SYT", "bao-cao-bo-y-te")
    assert joined.upcoming.due == date(2026, 12, 5)
    # Bộ Y tế receives reports and owes none.
    with session_scope(engine) as session:
        invite = issue_invite(
            session, unit_code="BO-YTE", role=Role.COORDINATOR, hours=1, actor="t", now=NOW
        )
    joined = onboarding.join(
        runtime, code=invite.code, user_id=7110, chat_id=7110, full_name="Người 7110"
    )
    assert joined.upcoming is None and joined.roles == {Role.COORDINATOR}


def test_notices_reach_the_live_coordinators_of_the_report_only(
    engine: Engine, runtime: Runtime
) -> None:
    join(engine, OFFICER, "GL-SNV", Role.OFFICER)
    for user, unit, role in (
        (7201, "GL-SYT", Role.COORDINATOR),  # the "qua" office
        (7202, "GL-UBND", Role.COORDINATOR),  # the recipient
        (7203, "GL-SYT", Role.OFFICER),  # an officer of the office: not a coordinator
        (7204, "GL-SYT", Role.COORDINATOR),  # revoked
        (7205, "GL-SYT", Role.COORDINATOR),  # a person no longer active
        (7206, "BO-YTE", Role.COORDINATOR),  # another report's coordinator
    ):
        join(engine, user, unit, role)
    with session_scope(engine) as session:
        revoke(session, telegram_user_id=7204, actor="t", now=NOW)
        session.execute(
            update(Person).where(col(Person.telegram_user_id) == 7205).values(active=False)
        )
    # Revoked yet still marked active, as before a revocation is complete.
    with session_scope(engine) as session:
        session.execute(
            update(Person).where(col(Person.telegram_user_id) == 7204).values(active=True)
        )
    report = occurrence(engine, "GL-SNV", "bao-cao-ubnd-tinh", date(2026, 12, 15))
    submitted = answers.answer(
        runtime, user_id=OFFICER, occurrence_id=report, kind=ReplyKind.SUBMITTED
    )
    assert notices(engine, MessageKind.SUBMITTED) == [
        (7201, submitted.reply_id, report),
        (7202, submitted.reply_id, report),
    ]
    with session_scope(engine) as session:
        digest_people = digests.coordinators(session, ())
    assert [(i.telegram_user_id, chat) for i, chat in digest_people] == [
        (7201, 7201),
        (7202, 7202),
        (7206, 7206),
    ]


def _obligations_seen(runtime: Runtime, user_id: int) -> set[str]:
    return {v.obligation for v in coordination.overdue(runtime, user_id=user_id)}


def test_the_recipient_and_the_qua_office_each_coordinate_the_reports_they_receive(
    engine: Engine, runtime: Runtime, clock: Clock
) -> None:
    for user, unit in ((7301, "GL-UBND"), (7302, "GL-SYT"), (7303, "BO-YTE"), (7304, "GL-SNV")):
        join(engine, user, unit, Role.COORDINATOR)
    clock.now = local(date(2026, 12, 20), 10)  # every Gia Lai report of 2026 is overdue
    # Ủy ban tỉnh receives the 15/12 report; Sở Y tế receives the 25/11 one and passes on the
    # 15/12 one ("qua"); Bộ Y tế receives Sở Y tế's own. Sở Nội vụ coordinates nothing.
    assert _obligations_seen(runtime, 7301) == {"bao-cao-ubnd-tinh"}
    assert _obligations_seen(runtime, 7302) == {"gui-so-y-te", "bao-cao-ubnd-tinh"}
    assert _obligations_seen(runtime, 7303) == {"bao-cao-bo-y-te"}
    assert _obligations_seen(runtime, 7304) == set()
    seen = {
        user: {
            d.plan: {v.obligation for v in d.overdue + d.long_overdue}
            for d in coordination.digest_now(runtime, user_id=user)
        }
        for user in (7301, 7302, 7304)
    }
    assert seen == {
        7301: {"gia-lai-743": {"bao-cao-ubnd-tinh"}},
        7302: {"gia-lai-743": {"gui-so-y-te", "bao-cao-ubnd-tinh"}},
        7304: {},
    }
    table = coordination.status(
        runtime, user_id=7301, plan_code="gia-lai-743", period_key="2026"
    ).table
    assert table is not None and table.total == 9 and table.missing_total == 9
    assert coordination.status(runtime, user_id=7304, plan_code=None, period_key=None).plans == []


# --- Occurrences brought in line with an edited obligation ------------------------------------


def _rows(engine: Engine, obligation: str) -> dict[str, tuple[Any, ...]]:
    """Sở Y tế's periods of a Gia Lai obligation: key → (state, due, wording, last day,
    remind-by day, label, next reminder day)."""
    with session_scope(engine) as session:
        rows = session.exec(
            select(Occurrence).where(
                Occurrence.obligation_id == obligation_id(session, "gia-lai-743", obligation),
                Occurrence.unit_id == unit_id(session, "GL-SYT"),
            )
        ).all()
        return {
            r.period_key: (
                r.state,
                r.due_date,
                r.wording,
                r.last_day,
                r.remind_by,
                r.period_label,
                r.next_remind_on,
            )
            for r in rows
        }


def _edit(engine: Engine, settings: Settings, field: Field, value: Any, until: date) -> int:
    """Save an admin's edit of Sở Y tế's report to Bộ Y tế; returns how many periods changed."""
    with session_scope(engine) as session:
        change = ProposedChange(
            obligation_id(session, "gia-lai-743", "bao-cao-bo-y-te"), field, value, "", ""
        )
        report = obligations.apply_change(
            session, change, actor="t", now=NOW, policy=settings.deadlines, until=until
        )
    return report.updated


def _plan_reminder(engine: Engine, key: str, day: date) -> None:
    with session_scope(engine) as session:
        session.execute(
            update(Occurrence)
            .where(
                col(Occurrence.obligation_id)
                == obligation_id(session, "gia-lai-743", "bao-cao-bo-y-te"),
                col(Occurrence.period_key) == key,
            )
            .values(next_remind_on=day)
        )


def test_each_kind_of_edit_reaches_the_open_periods_and_spares_the_done_ones(
    engine: Engine, settings: Settings
) -> None:
    until = horizon(settings, NOW)
    with session_scope(engine) as session:
        session.execute(
            update(Occurrence)
            .where(
                col(Occurrence.obligation_id)
                == obligation_id(session, "gia-lai-743", "bao-cao-bo-y-te"),
                col(Occurrence.period_key) == "2025",
            )
            .values(state=State.DONE.value, submitted_on=date(2025, 12, 1))
        )
    done = _rows(engine, "bao-cao-bo-y-te")["2025"]
    assert done[1:4] == (date(2025, 12, 5), "truoc_ngay", date(2025, 12, 4))
    _plan_reminder(engine, "2026", date(2026, 11, 27))
    # "chậm nhất ngày 05/12": 5/12/2026 is a Saturday, 5/12/2027 a Sunday — the last days move
    # to the Mondays and the reminder stages are worked out again.
    schedule = {"type": "yearly", "month": 12, "day": 5}
    assert (
        _edit(
            engine, settings, Field.SCHEDULE, {"schedule": schedule, "wording": "cham_nhat"}, until
        )
        == 2
    )
    rows = _rows(engine, "bao-cao-bo-y-te")
    assert rows["2026"] == (
        "open",
        date(2026, 12, 5),
        "cham_nhat",
        date(2026, 12, 7),
        date(2026, 12, 7),
        "năm 2026",
        None,
    )
    assert rows["2027"][2:5] == ("cham_nhat", date(2027, 12, 6), date(2027, 12, 6))
    assert rows["2025"] == done
    # "đến ngày" counts the same days: only the wording changes, the stages stand.
    _plan_reminder(engine, "2026", date(2026, 12, 2))
    assert _edit(engine, settings, Field.WORDING, "den_ngay", until) == 2
    rows = _rows(engine, "bao-cao-bo-y-te")
    assert rows["2026"] == (
        "open",
        date(2026, 12, 5),
        "den_ngay",
        date(2026, 12, 7),
        date(2026, 12, 7),
        "năm 2026",
        date(2026, 12, 2),
    )
    assert rows["2027"][2] == "den_ngay" and rows["2025"] == done
    # "đến ngày 06/12": the same Mondays — only the written date changes.
    schedule = {"type": "yearly", "month": 12, "day": 6}
    assert (
        _edit(
            engine, settings, Field.SCHEDULE, {"schedule": schedule, "wording": "den_ngay"}, until
        )
        == 2
    )
    rows = _rows(engine, "bao-cao-bo-y-te")
    assert [rows[k][1] for k in ("2025", "2026", "2027")] == [
        date(2025, 12, 5),
        date(2026, 12, 6),
        date(2027, 12, 6),
    ]
    assert rows["2026"][3] == date(2026, 12, 7) and rows["2026"][6] == date(2026, 12, 2)
    assert rows["2025"] == done
    # A label worded differently by an earlier version: the open period is relabelled.
    with session_scope(engine) as session:
        session.execute(
            update(Occurrence)
            .where(
                col(Occurrence.obligation_id)
                == obligation_id(session, "gia-lai-743", "bao-cao-bo-y-te"),
                col(Occurrence.period_key).in_(["2025", "2026"]),
            )
            .values(period_label="năm (cũ)")
        )
        ob = obligation_id(session, "gia-lai-743", "bao-cao-bo-y-te")
        report = sync_occurrences(
            session, policy=settings.deadlines, until=until, now=NOW, obligation_ids=[ob]
        )
    assert report.updated == 1
    rows = _rows(engine, "bao-cao-bo-y-te")
    assert (rows["2025"][5], rows["2026"][5]) == ("năm (cũ)", "năm 2026")


def test_a_period_due_on_the_horizon_day_is_retired_with_the_others(
    engine: Engine, settings: Settings
) -> None:
    # The horizon ends on 15/12/2027, the very day the 2027 report to Ủy ban tỉnh is due.
    until = date(2027, 12, 15)
    with session_scope(engine) as session:
        ob = obligation_id(session, "gia-lai-743", "bao-cao-ubnd-tinh")
        communes = unit_id(session, "GL-UBNDXA")

        def communes_periods() -> list[tuple[str, str]]:
            rows = session.exec(
                select(Occurrence.period_key, Occurrence.state).where(
                    Occurrence.obligation_id == ob, Occurrence.unit_id == communes
                )
            ).all()
            return sorted((k, s) for k, s in rows)

        assert ("2027", "open") in communes_periods()
        # The districts (whose tasks passed to the communes) are no longer named.
        change = ProposedChange(ob, Field.RESPONSIBLE, ["GL-SONGANH"], "", "")
        report = obligations.apply_change(
            session, change, actor="t", now=NOW, policy=settings.deadlines, until=until
        )
        assert [s for _, s in communes_periods() if s == "open"] == []
        assert report.removed >= 2


# --- Coordinators' digests --------------------------------------------------------------------

DIGEST_DAY = date(2026, 12, 11)  # a Friday: the 15/12 reports' last day, 14/12, is in 3 days


def _extend(session: Session, unit: str, obligation: str, to: date) -> int:
    occurrence_id = session.exec(
        select(Occurrence.id).where(
            Occurrence.unit_id == unit_id(session, unit),
            Occurrence.obligation_id == obligation_id(session, "gia-lai-743", obligation),
            Occurrence.period_key == "2026",
        )
    ).one()
    assert occurrence_id is not None
    session.execute(
        update(Occurrence).where(col(Occurrence.id) == occurrence_id).values(extended_to=to)
    )
    return occurrence_id


def test_a_digest_counts_each_category_and_lists_due_soon_and_overdue_at_their_edges(
    engine: Engine, settings: Settings
) -> None:
    with session_scope(engine) as session:
        due_today = _extend(session, "GL-SNV", "gui-so-y-te", DIGEST_DAY)
        in_four_days = _extend(session, "GL-SXD", "gui-so-y-te", DIGEST_DAY + timedelta(days=4))
        yesterday = _extend(session, "GL-SKHCN", "gui-so-y-te", DIGEST_DAY - timedelta(days=1))
        on_time = _extend(session, "GL-SGDDT", "bao-cao-ubnd-tinh", DIGEST_DAY)
        late = _extend(session, "GL-BHXH", "gui-so-y-te", DIGEST_DAY)
        for done, day in ((on_time, date(2026, 12, 10)), (late, DIGEST_DAY + timedelta(days=1))):
            session.execute(
                update(Occurrence)
                .where(col(Occurrence.id) == done)
                .values(state=State.DONE.value, submitted_on=day)
            )
    now = local(DIGEST_DAY, 9)
    with session_scope(engine) as session:
        admin = identify(session, ADMIN, (ADMIN,))
        made = digests.plan_digests(session, admin, today=DIGEST_DAY, now=now)
        ids = session.exec(
            select(Occurrence.id).where(
                col(Occurrence.state).in_([State.OPEN.value, State.DONE.value])
            )
        ).all()
        views = tracking.views_by_id(session, {i for i in ids if i is not None}, DIGEST_DAY)
    # The same rules in Python, occurrence by occurrence.
    counts: Counter[tuple[str, Status]] = Counter((v.plan, v.status) for v in views.values())
    plans = sorted({v.plan for v in views.values()})
    assert [d.plan for d in made] == plans
    for digest in made:
        of_plan = [v for v in views.values() if v.plan == digest.plan]
        assert {s: n for s, n in digest.counts.items() if n} == {
            s: n for (p, s), n in counts.items() if p == digest.plan
        }
        assert digest.due_soon_total == sum(v.due_soon for v in of_plan)
        overdue = [v for v in of_plan if v.status is Status.OPEN_OVERDUE]
        assert digest.overdue_total + digest.long_overdue_total == len(overdue)
        ended = {v.id for v in overdue if chase_ended(v.deadline, DIGEST_DAY)}
        assert digest.long_overdue_total == len(ended)
        assert {v.id for v in digest.due_soon} == {v.id for v in of_plan if v.due_soon}
        assert {v.id for v in digest.overdue} == {v.id for v in overdue} - ended
        for shelf in (digest.due_soon, digest.overdue):
            assert shelf == sorted(shelf, key=lambda v: (v.deadline, v.unit))
    gia_lai = next(d for d in made if d.plan == "gia-lai-743")
    soon = {v.id for v in gia_lai.due_soon}
    late_ids = {v.id for v in gia_lai.overdue}
    # Due today is due soon, not overdue; in four days is neither; yesterday is overdue.
    assert due_today in soon and due_today not in late_ids
    assert in_four_days not in soon | late_ids and yesterday in late_ids
    # The 15/12 reports (last day 14/12, in three days) are all due soon but the one submitted.
    assert len(soon) == 1 + 8
    assert gia_lai.counts[Status.DONE_ON_TIME] == 1 and gia_lai.counts[Status.DONE_LATE] == 1


def test_a_digest_lists_the_undeliverable_reminders_of_the_last_seven_days(
    engine: Engine,
) -> None:
    now = local(DIGEST_DAY, 9)
    with session_scope(engine) as session:
        gia_lai = [
            i
            for i in session.exec(
                select(Occurrence.id)
                .where(
                    Occurrence.obligation_id
                    == obligation_id(session, "gia-lai-743", "bao-cao-ubnd-tinh"),
                    Occurrence.period_key == "2026",
                )
                .order_by(col(Occurrence.id))
            ).all()
            if i is not None
        ]
        session.execute(
            update(Occurrence).where(col(Occurrence.id) == gia_lai[3]).values(state="done")
        )
        week = timedelta(days=7)
        failed = DeliveryStatus.UNDELIVERABLE.value
        reminder = MessageKind.REMINDER.value
        for n, (occurrence_id, created, kind, status) in enumerate(
            [
                (gia_lai[0], now - week, reminder, failed),  # seven days ago to the second
                (gia_lai[1], now - week - timedelta(seconds=1), reminder, failed),  # older
                (gia_lai[2], now - timedelta(days=1), reminder, failed),
                (gia_lai[3], now - timedelta(days=1), reminder, failed),  # submitted since
                (gia_lai[4], now - timedelta(days=1), MessageKind.SUBMITTED.value, failed),
                (gia_lai[5], now - timedelta(days=1), reminder, DeliveryStatus.SENT.value),
            ]
        ):
            session.add(
                Outbox(
                    dedupe_key=f"t:{n}",
                    occurrence_id=occurrence_id,
                    chat_id=9000 + n,
                    stage="truoc-3",
                    kind=kind,
                    text="",
                    status=status,
                    last_error=f"Forbidden {n}",
                    created_at=created,
                )
            )
    with session_scope(engine) as session:
        admin = identify(session, ADMIN, (ADMIN,))
        made = digests.plan_digests(session, admin, today=DIGEST_DAY, now=now)
    digest = next(d for d in made if d.plan == "gia-lai-743")
    assert [(v.id, error) for v, error in digest.undeliverable] == [
        (gia_lai[0], "Forbidden 0"),
        (gia_lai[2], "Forbidden 2"),
    ]
    assert all(not d.undeliverable for d in made if d.plan != "gia-lai-743")


def test_the_daily_digests_are_decided_from_the_digest_hour_once_a_day(
    engine: Engine, runtime: Runtime
) -> None:
    join(engine, 7401, "GL-SYT", Role.COORDINATOR)
    join(engine, 7402, "GL-UBND", Role.COORDINATOR)

    def compose(made: list[digests.PlanDigest], chat_id: int, today: date) -> list[Message]:
        return [
            Message(key=f"t:{chat_id}:{today}", chat_id=chat_id, kind=MessageKind.DIGEST, text="x")
        ]

    assert runtime.settings.reminders.digest_hour == 8
    assert digests.decide_daily(runtime, local(DIGEST_DAY, 7, 59), compose) == 0
    assert digests.decide_daily(runtime, local(DIGEST_DAY, 8), compose) == 2
    assert digests.decide_daily(runtime, local(DIGEST_DAY, 16), compose) == 0


def test_a_long_digest_shows_the_most_urgent_of_each_list(
    engine: Engine, settings: Settings
) -> None:
    # Ủy ban tỉnh names its 45 communes (their codes run against the order they were added).
    with session_scope(engine) as session:
        group = unit_id(session, "GL-UBNDXA")
        communes = [
            Unit(code=f"GL-XA{44 - n:02d}", name=f"UBND xã {44 - n}", kind="ubnd_xa")
            for n in range(45)
        ]
        session.add_all(communes)
        session.flush()
        session.add_all(GroupMember(group_id=group, member_id=u.id or 0) for u in communes)
        session.flush()
        sync_occurrences(session, policy=settings.deadlines, until=horizon(settings, NOW), now=NOW)
    with session_scope(engine) as session:
        admin = identify(session, ADMIN, (ADMIN,))
        made = digests.plan_digests(session, admin, today=DIGEST_DAY, now=local(DIGEST_DAY, 9))
        gia_lai = next(d for d in made if d.plan == "gia-lai-743")
        ids = session.exec(select(Occurrence.id).where(Occurrence.state == State.OPEN.value)).all()
        views = tracking.views_by_id(session, {i for i in ids if i is not None}, DIGEST_DAY)
    urgent = sorted(views.values(), key=lambda v: (v.deadline, v.unit))
    soon = [v.id for v in urgent if v.plan == "gia-lai-743" and v.due_soon]
    late = [
        v.id
        for v in urgent
        if v.plan == "gia-lai-743"
        and v.status is Status.OPEN_OVERDUE
        and not chase_ended(v.deadline, DIGEST_DAY)
    ]
    assert len(soon) > digests.SHOWN and len(late) > digests.SHOWN
    assert [v.id for v in gia_lai.due_soon] == soon[: digests.SHOWN]
    assert [v.id for v in gia_lai.overdue] == late[: digests.SHOWN]
    assert (gia_lai.due_soon_total, gia_lai.overdue_total) == (len(soon), len(late))


# --- Ad hoc requests --------------------------------------------------------------------------


def _ask(engine: Engine, settings: Settings, **changes: Any) -> Any:
    call: dict[str, Any] = {
        "unit_codes": ["GL-SNV"],
        "title": "Báo cáo nhanh",
        "due": date(2026, 12, 1),
        "plan_code": None,
        "actor": "t",
        "now": NOW,
        "today": TODAY,
        "policy": settings.deadlines,
        **changes,
    }
    with session_scope(engine) as session:
        return request_ad_hoc(session, **call)


def _request_rows(engine: Engine, occurrence_ids: list[int]) -> list[tuple[Any, ...]]:
    """(plan, obligation, its schedule type, its recipient, the occurrence's recipient,
    period key, last day) of each occurrence."""
    with session_scope(engine) as session:
        codes = {u.id: u.code for u in session.exec(select(Unit)).all()}
        found = []
        for occurrence_id in occurrence_ids:
            occ = session.get(Occurrence, occurrence_id)
            assert occ is not None
            ob = session.get(Obligation, occ.obligation_id)
            assert ob is not None
            plan = session.get(Plan, ob.plan_id)
            assert plan is not None
            found.append(
                (
                    plan.code,
                    ob.code,
                    ob.schedule.get("type"),
                    codes.get(ob.recipient_id),
                    codes.get(occ.recipient_id),
                    occ.period_key,
                    occ.last_day,
                )
            )
        return found


def test_an_ad_hoc_request_takes_todays_date_and_the_longest_title(
    engine: Engine, settings: Settings
) -> None:
    today = _ask(engine, settings, due=TODAY, title="x" * 500)
    assert today.due == TODAY
    # The whole title is kept; the period's label (a column of 200) is cut short.
    with session_scope(engine) as session:
        view = tracking.get_view(session, today.occurrence_ids[0], TODAY)
    assert view.title == "x" * 500
    assert len(view.period) == 200 and view.period.endswith("x…")
    before = snapshot(engine)
    with pytest.raises(InvalidInput, match="501 ký tự; tối đa 500"):
        _ask(engine, settings, title="x" * 501)
    with pytest.raises(InvalidInput, match="ngày hạn cụ thể"):
        _ask(engine, settings, wording=Wording.AS_REGULATED)
    assert snapshot(engine) == before
    # "trước ngày 02/12": the last on-time day is 1/12.
    before_day = _ask(engine, settings, due=date(2026, 12, 2), wording=Wording.BEFORE)
    assert before_day.last_day == date(2026, 12, 1)


def test_requests_outside_a_plan_are_kept_per_requesting_unit(
    engine: Engine, settings: Settings
) -> None:
    by_health = _ask(engine, settings, recipient_code="GL-SYT", unit_codes=["GL-SNV", "GL-SXD"])
    again = _ask(engine, settings, recipient_code="GL-SYT", title="Báo cáo bổ sung")
    by_province = _ask(engine, settings, recipient_code="GL-UBND")
    nobody = _ask(engine, settings)
    assert (by_health.plan, by_health.units, by_health.due) == (
        "dot-xuat",
        ["GL-SNV", "GL-SXD"],
        date(2026, 12, 1),
    )
    ids = by_health.occurrence_ids + again.occurrence_ids
    rows = _request_rows(engine, ids + by_province.occurrence_ids + nobody.occurrence_ids)
    health = ("dot-xuat", "dot-xuat-GL-SYT", "ad_hoc", "GL-SYT", "GL-SYT")
    assert [r[:5] for r in rows] == [
        health,
        health,
        health,
        ("dot-xuat", "dot-xuat-GL-UBND", "ad_hoc", "GL-UBND", "GL-UBND"),
        ("dot-xuat", "dot-xuat", "ad_hoc", None, None),
    ]
    # Each request is a period of its own: Sở Nội vụ owes both of Sở Y tế's.
    keys = [r[5] for r in rows]
    assert keys[0] == keys[1] != keys[2] and len(set(keys[2:])) == 3
    with session_scope(engine) as session:
        plan = session.exec(select(Plan).where(Plan.code == "dot-xuat")).one()
        assert (plan.valid_from, plan.loaded_at) == (TODAY, NOW)
        request = session.get(AdHocRequest, by_health.request_id)
        assert request is not None and request.requested_at == NOW


def test_a_request_within_a_plan_uses_its_active_ad_hoc_obligation(
    engine: Engine, settings: Settings
) -> None:
    first = _ask(engine, settings, plan_code="gia-lai-743")
    with session_scope(engine) as session:
        session.execute(
            update(Obligation)
            .where(col(Obligation.id) == obligation_id(session, "gia-lai-743", "bao-cao-dot-xuat"))
            .values(active=False)
        )
    second = _ask(engine, settings, plan_code="gia-lai-743")
    rows = _request_rows(engine, first.occurrence_ids + second.occurrence_ids)
    # Sở Y tế's report to Ủy ban tỉnh, then (that one retired) the proposals to Sở Y tế.
    assert [r[:5] for r in rows] == [
        ("gia-lai-743", "bao-cao-dot-xuat", "ad_hoc", "GL-UBND", "GL-UBND"),
        ("gia-lai-743", "de-xuat-dieu-chinh", "ad_hoc", "GL-SYT", "GL-SYT"),
    ]


def test_a_coordinators_request_comes_back_to_their_unit_and_cards_reach_each_officer(
    engine: Engine, runtime: Runtime
) -> None:
    join(engine, 7501, "GL-SYT", Role.COORDINATOR)
    join(engine, 7502, "GL-SNV", Role.OFFICER)
    join(engine, 7503, "GL-SXD", Role.OFFICER)
    join(engine, 7504, "GL-SXD", Role.OFFICER)
    sent = coordination.request_ad_hoc(
        runtime,
        user_id=7501,
        unit_codes=["GL-SNV", "GL-SXD", "GL-SKHCN"],
        due=date(2026, 12, 1),
        title="Báo cáo nhanh",
    )
    assert sent.queued == 3
    assert [code for code, _ in sent.without_officer] == ["GL-SKHCN"]
    cards = notices(engine, MessageKind.REQUEST)
    assert sorted(chat for chat, _, _ in cards) == [7502, 7503, 7504]
    assert all(subject == occurrence_id for _, subject, occurrence_id in cards)
    occurrence_ids = sorted({o for _, _, o in cards if o is not None})
    assert {r[4] for r in _request_rows(engine, occurrence_ids)} == {"GL-SYT"}
    overdue_later = coordination.status(
        runtime, user_id=7501, plan_code="dot-xuat", period_key=None
    )
    assert overdue_later.table is not None and overdue_later.table.total == 3
    with pytest.raises(Forbidden, match="không có quyền dùng lệnh này"):
        coordination.status(runtime, user_id=7502, plan_code="dot-xuat", period_key=None)
    # An admin who belongs to no unit asks on nobody's behalf.
    by_admin = coordination.request_ad_hoc(
        runtime, user_id=ADMIN, unit_codes=["GL-SNV"], due=date(2026, 12, 2), title="Báo cáo khác"
    )
    assert by_admin.units == ["GL-SNV"] and by_admin.queued == 1


# --- Successions ------------------------------------------------------------------------------


def _undo_seed_successions(session: Session, settings: Settings) -> None:
    """The seeds record Sở LĐTBXH Đắk Nông's merger: these tests record it anew."""
    succession.undo(
        session,
        code="DN-SLDTBXH",
        actor="t",
        now=NOW,
        policy=settings.deadlines,
        until=horizon(settings, NOW),
    )


def test_a_split_routes_the_named_plans_obligation_and_the_rest_to_the_default_only(
    engine: Engine, settings: Settings
) -> None:
    until = horizon(settings, NOW)
    with session_scope(engine) as session:
        _undo_seed_successions(session, settings)
    with session_scope(engine) as session:
        result = succession.split(
            session,
            old="DN-SLDTBXH",
            into=["DN-SNV", "DN-SYT"],
            # "so-ket-tong-ket" is also the code of an obligation in three other plans.
            routes={"dak-nong-33:so-ket-tong-ket": "DN-SYT"},
            default="DN-SNV",
            effective_on=date(2025, 3, 1),
            actor="t",
            now=NOW,
            policy=settings.deadlines,
            until=until,
        )
        assert (result.old, result.successors) == ("DN-SLDTBXH", ["DN-SNV", "DN-SYT"])
        old = unit_id(session, "DN-SLDTBXH")
        codes = {u.id: u.code for u in session.exec(select(Unit)).all()}
        links = {
            (codes[s.successor_id], s.obligation_id)
            for s in session.exec(select(Succession).where(Succession.predecessor_id == old))
        }
        assert links == {
            ("DN-SYT", obligation_id(session, "dak-nong-33", "so-ket-tong-ket")),
            ("DN-SNV", None),
        }
        # The re-synchronisation stops at the horizon, as every other one does.
        latest = latest_due(session)
        assert latest <= until


def test_merging_into_a_member_of_another_group_is_allowed(
    engine: Engine, settings: Settings
) -> None:
    with session_scope(engine) as session:
        _undo_seed_successions(session, settings)
    join(engine, 7601, "DN-SLDTBXH", Role.OFFICER)
    with session_scope(engine) as session:
        ended = succession.merge(
            session,
            old="DN-SLDTBXH",
            into="DN-SNV",  # a member of "Các sở, ban, ngành" Đắk Nông, as DN-SLDTBXH was
            effective_on=date(2025, 3, 1),
            actor="t",
            now=NOW,
            policy=settings.deadlines,
            until=horizon(settings, NOW),
        )
        latest = latest_due(session)
    assert ended.successors == ["DN-SNV"] and latest <= horizon(settings, NOW)
    # The officer of the merged office may no longer answer for the period that passed on.
    with session_scope(engine) as session:
        moved = session.exec(
            select(Occurrence.id).where(
                Occurrence.unit_id == unit_id(session, "DN-SLDTBXH"),
                Occurrence.state == State.TRANSFERRED.value,
            )
        ).first()
        assert moved is not None
        officer = identify(session, 7601, ())
        with pytest.raises(InvalidInput, match="đã chuyển cho đơn vị khác"):
            replies.record_reply(
                session,
                identity=officer,
                occurrence_id=moved,
                kind=ReplyKind.IN_PROGRESS,
                now=NOW,
                today=TODAY,
                tz=settings.tz,
            )


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        ({"old": "GL-UBNDHUYEN", "into": ["GL-UBNDXA"]}, InvalidInput, "Đơn vị GL-UBNDHUYEN đã"),
        ({"old": "GL-SNV", "into": []}, InvalidInput, "ít nhất một đơn vị kế thừa"),
        ({"old": "GL-SNV", "into": ["GL-UBNDHUYEN"]}, InvalidInput, "thừa GL-UBNDHUYEN đã"),
        ({"old": "GL-SNV", "into": ["GL-SNV"]}, InvalidInput, "Đơn vị GL-SNV không thể"),
        (
            {"old": "DN-SONGANH", "into": ["DN-SNV"]},
            InvalidInput,
            "DN-SNV là thành viên của nhóm DN-SONGANH",
        ),
        (
            {"old": "GL-SNV", "into": ["GL-SXD", "GL-SYT"], "default": "GL-SGDDT"},
            InvalidInput,
            "--default 'GL-SGDDT' .*: GL-SXD, GL-SYT",
        ),
        (
            {"old": "GL-SNV", "into": ["GL-SXD"], "routes": {"so-ket-tong-ket": "GL-SXD"}},
            InvalidInput,
            "Tuyến 'so-ket-tong-ket' phải",
        ),
        (
            {"old": "GL-SNV", "into": ["GL-SXD"], "routes": {"gia-lai-743:khong-co": "GL-SXD"}},
            NotFound,
            "'khong-co' trong kế hoạch 'gia-lai-743'",
        ),
        (
            {
                "old": "GL-SNV",
                "into": ["GL-SXD"],
                "routes": {"gia-lai-743:so-ket-tong-ket": "GL-SYT"},
            },
            InvalidInput,
            "Tuyến gia-lai-743:so-ket-tong-ket=GL-SYT: GL-SYT không",
        ),
    ],
)
def test_a_refused_succession_says_which_unit_or_route_is_wrong_and_changes_nothing(
    engine: Engine,
    settings: Settings,
    call: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    before = snapshot(engine)
    arguments: dict[str, Any] = {
        "routes": {},
        "default": "all",
        "effective_on": date(2025, 7, 1),
        "actor": "t",
        "now": NOW,
        "policy": settings.deadlines,
        "until": horizon(settings, NOW),
        **call,
    }
    with pytest.raises(error, match=message), session_scope(engine) as session:
        succession.split(session, **arguments)
    assert snapshot(engine) == before

"""Acceptance: Gia Lai's flagged obligations send nothing until an admin decides; after «Chỉ
25/11» only the 25/11 periods are reminded. A simulated year of working-day ticks, with officers
of the responsible units, the real tick and dispatcher, and the fake Bot API."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Occurrence, Outbox, Plan
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import DeliveryStatus, MessageKind
from kehoach_bot.domain.working_days import is_working_day
from kehoach_bot.services import administration
from kehoach_bot.services.people import accept_invite, issue_invite
from kehoach_bot.services.review import Choice
from tests.delivery.conftest import Delivery

SO_NGANH, SO_Y_TE, ADMIN = 2301, 2302, 2303  # officers of GL-SNV and GL-SYT; an admin
EARLY, LATE, CONTROL = "gui-so-y-te", "bao-cao-ubnd-tinh", "bao-cao-bo-y-te"
TITLES = {
    EARLY: "Tổng hợp, đánh giá tình hình thực hiện gửi Sở Y tế (hằng năm)",
    LATE: "Báo cáo kết quả thực hiện Kế hoạch về UBND tỉnh qua Sở Y tế (hằng năm)",
}


def join(delivery: Delivery, user_id: int, unit: str, role: Role) -> None:
    with session_scope(delivery.engine) as session:
        now = delivery.clock()
        invite = issue_invite(session, unit_code=unit, role=role, hours=1, actor="t", now=now)
        accept_invite(
            session,
            code=invite.code,
            telegram_user_id=user_id,
            chat_id=user_id,
            full_name=f"Người {user_id}",
            now=now,
        )


def flagged_as_the_plan_file_says(delivery: Delivery) -> None:
    """Undo the fixture's standing decision: Gia Lai's notes flag their obligations again."""
    with session_scope(delivery.engine) as session:
        plan = session.exec(select(Plan).where(Plan.code == "gia-lai-743")).one()
        for obligation in session.exec(select(Obligation).where(Obligation.plan_id == plan.id)):
            obligation.needs_review = bool(obligation.review_note)
            session.add(obligation)


def local_day(delivery: Delivery) -> date:
    return delivery.clock().astimezone(delivery.runtime.settings.tz).date()


async def tick_working_days(delivery: Delivery, last: date) -> None:
    """The bot's morning tick (and dispatch) on every working day up to `last`."""
    while local_day(delivery) <= last:
        if is_working_day(local_day(delivery)):
            await delivery.tick()
        delivery.clock.advance(days=1)


def reminded(delivery: Delivery) -> dict[str, set[tuple[str, str]]]:
    """Obligation code → (period, stage) of every reminder sent."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    with session_scope(delivery.engine) as session:
        rows = session.exec(
            select(Obligation.code, Occurrence.period_key, Outbox.stage)
            .join(Occurrence, col(Occurrence.id) == col(Outbox.occurrence_id))
            .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
            .join(Plan, col(Plan.id) == col(Obligation.plan_id))
            .where(
                Plan.code == "gia-lai-743",
                Outbox.kind == MessageKind.REMINDER.value,
                Outbox.status == DeliveryStatus.SENT.value,
            )
        ).all()
    for code, period, stage in rows:
        found[code].add((period, stage))
    return found


def texts_about(delivery: Delivery, code: str) -> list[str]:
    return [
        m
        for chat in (SO_NGANH, SO_Y_TE)
        for m in delivery.fake.messages_to(chat)
        if f"Báo cáo: {TITLES[code]}\n" in m
    ]


async def test_held_until_decided_then_only_the_chosen_date_for_a_year(delivery: Delivery) -> None:
    flagged_as_the_plan_file_says(delivery)
    join(delivery, SO_NGANH, "GL-SNV", Role.OFFICER)  # a member of "các sở, ban, ngành"
    join(delivery, SO_Y_TE, "GL-SYT", Role.OFFICER)
    join(delivery, ADMIN, "GL-UBND", Role.ADMIN)

    # Five weeks while both are flagged: past 25/11/2026 and the whole run-up to 15/12/2026.
    await tick_working_days(delivery, date(2026, 12, 31))
    before = reminded(delivery)
    assert EARLY not in before and LATE not in before
    assert texts_about(delivery, EARLY) == texts_about(delivery, LATE) == []
    # The hold is the flagged obligations' alone: Sở Y tế's own report to Bộ Y tế is reminded.
    assert {stage for _, stage in before[CONTROL]} >= {"truoc-3", "truoc-1", "truoc-0"}

    # Monday 4/1/2027: the admin taps «Chỉ 25/11».
    delivery.clock.advance(days=(date(2027, 1, 4) - local_day(delivery)).days)
    with session_scope(delivery.engine) as session:
        early = session.exec(select(Obligation.id).where(Obligation.code == EARLY)).one()
    assert early is not None
    done = administration.decide_review(
        delivery.runtime, user_id=ADMIN, obligation_id=early, choice=Choice.ONLY
    )
    assert [i.code for i in done.kept] == [EARLY] and [i.code for i in done.dropped] == [LATE]

    # The rest of the year, through 25/11/2027 and 15/12/2027.
    await tick_working_days(delivery, date(2027, 12, 31))
    after = reminded(delivery)
    assert LATE not in after and texts_about(delivery, LATE) == []
    assert {"truoc-7", "truoc-3", "truoc-1", "truoc-0"} <= {
        stage for period, stage in after[EARLY] if period == "2027"
    }
    # The 2026 period, overdue since 24/11/2026, is chased once decided.
    assert any(period == "2026" for period, _ in after[EARLY])
    assert any(TITLES[EARLY] in m for m in delivery.fake.messages_to(SO_NGANH))

"""An ad hoc request through the tick and the fake Bot API: the officer gets its card once (no
reminder behind it the same day), the card and the reminders carry the request's own text as
the title and name who asked, never an internal id."""

from __future__ import annotations

from datetime import date

from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Occurrence, Outbox
from kehoach_bot.domain.reminders import latest_and_next
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import MessageKind
from kehoach_bot.services import coordination
from kehoach_bot.services.people import accept_invite, issue_invite
from kehoach_bot.texts import bot_vi
from tests.delivery.conftest import Delivery

OFFICER, COORDINATOR = 2201, 2204
TITLE = "Báo cáo nhanh số người có công được thăm hỏi dịp Tết"
DUE = date(2026, 11, 27)  # Friday; today is Wednesday 25/11: the "3 days before" stage is due


def join_coordinator(delivery: Delivery) -> None:
    with session_scope(delivery.engine) as session:
        now = delivery.clock()
        invite = issue_invite(
            session, unit_code="GL-SYT", role=Role.COORDINATOR, hours=1, actor="t", now=now
        )
        accept_invite(
            session,
            code=invite.code,
            telegram_user_id=COORDINATOR,
            chat_id=COORDINATOR,
            full_name="Trần Thị Thu Hà",
            now=delivery.clock(),
        )


def about_the_request(delivery: Delivery) -> list[str]:
    return [m for m in delivery.fake.messages_to(OFFICER) if TITLE in m]


async def test_the_card_is_the_first_word_and_the_next_stage_the_second(
    delivery: Delivery,
) -> None:
    delivery.join(OFFICER, "GL-SNV")
    join_coordinator(delivery)
    sent = coordination.request_ad_hoc(
        delivery.runtime, user_id=COORDINATOR, unit_codes=["GL-SNV"], due=DUE, title=TITLE
    )
    assert sent.queued == 1 and sent.without_officer == ()
    today = delivery.clock().astimezone(delivery.runtime.settings.tz).date()
    stage, following = latest_and_next(sent.last_day, (7, 3, 1, 0), today)
    assert stage is not None and following is not None  # without the card: a reminder today

    await delivery.tick()
    (card,) = about_the_request(delivery)
    assert card.startswith(bot_vi.AD_HOC_HEADER)
    assert f"Báo cáo: {TITLE}\n" in card  # the request's own text is the report's title
    assert "Người yêu cầu: Trần Thị Thu Hà, Sở Y tế tỉnh Gia Lai" in card
    assert "tg:" not in card and str(COORDINATOR) not in card
    # Later the same day: the tick queues nothing more for it.
    delivery.clock.advance(hours=6)
    await delivery.tick()
    assert len(about_the_request(delivery)) == 1
    with session_scope(delivery.engine) as session:
        kinds = session.exec(
            select(Outbox.kind)
            .join(Occurrence, col(Occurrence.id) == col(Outbox.occurrence_id))
            .where(col(Occurrence.request_id).is_not(None))
        ).all()
    assert kinds == [MessageKind.REQUEST.value]

    # The next stage's morning: one reminder, with the same title and who asked.
    delivery.clock.advance(days=(following - today).days, hours=-6)
    await delivery.tick()
    card, reminder = about_the_request(delivery)
    assert reminder.startswith(bot_vi.REMINDER_HEADER)
    assert f"Báo cáo: {TITLE}\n" in reminder
    assert "Người yêu cầu: Trần Thị Thu Hà, Sở Y tế tỉnh Gia Lai" in reminder
    assert "Văn bản ghi" not in reminder and "tg:" not in reminder

"""The digest after the chase: "quá hạn kéo dài" apart from the overdue still chased, with its
«nhắc lại» links; the units no reminder reaches, with the right way to invite for each reader."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Occurrence, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import Status
from kehoach_bot.services.digests import PlanDigest, plan_digests
from kehoach_bot.services.people import Identity, accept_invite, identify, issue_invite, revoke
from kehoach_bot.telegram.render.coordinator import digest as render_digest
from tests.conftest import NOW

COORDINATOR, OFFICER, COORDINATOR_ELSEWHERE, LEFT = 6001, 6002, 6003, 6004
# Gia Lai 2026: nine units owe their yearly report by Tuesday 24/11/2026. Chased 25/11, 30/11,
# then Mondays 7/12 … 28/12: from Tuesday 29/12 the chase is over.
LAST_CHASE, FIRST_LONG = date(2026, 12, 28), date(2026, 12, 29)
OWING = {
    "GL-BHXH",
    "GL-NHCSXH",
    "GL-SGDDT",
    "GL-SKHCN",
    "GL-SNNMT",
    "GL-SNV",
    "GL-SVHTTDL",
    "GL-SXD",
    "GL-UBNDXA",  # "UBND các xã, phường": a group row, until an admin fills it
}


def join(session: Session, user_id: int, unit: str, role: Role) -> None:
    invite = issue_invite(session, unit_code=unit, role=role, hours=1, actor="t", now=NOW)
    accept_invite(
        session,
        code=invite.code,
        telegram_user_id=user_id,
        chat_id=user_id,
        full_name=f"Người {user_id}",
        now=NOW,
    )


def people(session: Session) -> None:
    join(session, COORDINATOR, "GL-SYT", Role.COORDINATOR)  # Sở Y tế: no officer of its own
    join(session, OFFICER, "GL-SNV", Role.OFFICER)
    join(session, COORDINATOR_ELSEWHERE, "GL-SGDDT", Role.COORDINATOR)  # not an officer
    join(session, LEFT, "GL-SXD", Role.OFFICER)
    revoke(session, telegram_user_id=LEFT, actor="t", now=NOW)


def gia_lai(session: Session, identity: Identity, today: date) -> PlanDigest:
    found = plan_digests(session, identity, today=today, now=datetime.combine(today, NOW.timetz()))
    return next(d for d in found if d.plan == "gia-lai-743")


def test_long_overdue_is_listed_apart_once_the_chase_is_over(engine: Engine) -> None:
    with session_scope(engine) as session:
        people(session)
        coordinator = identify(session, COORDINATOR, ())
        on_last_chase = gia_lai(session, coordinator, LAST_CHASE)
        assert on_last_chase.long_overdue == [] and on_last_chase.long_overdue_total == 0
        assert {v.unit for v in on_last_chase.overdue} >= OWING
        item = gia_lai(session, coordinator, FIRST_LONG)
    assert {v.unit for v in item.long_overdue} == OWING
    assert item.long_overdue_total == len(OWING)
    assert all(v.deadline == date(2026, 11, 24) for v in item.long_overdue)
    # The overdue list keeps what is still chased; the two counts add up to the category.
    assert not OWING & {v.unit for v in item.overdue if v.deadline == date(2026, 11, 24)}
    assert item.overdue_total + item.long_overdue_total == item.counts[Status.OPEN_OVERDUE]
    assert item.has_news


def test_units_no_reminder_reaches_are_named(engine: Engine) -> None:
    with session_scope(engine) as session:
        people(session)
        item = gia_lai(session, identify(session, COORDINATOR, ()), FIRST_LONG)
        everything = gia_lai(session, identify(session, 1, (1,)), FIRST_LONG)
    named = {u.code for u in item.without_officer}
    # Sở Nội vụ has an officer; Sở GD&ĐT (only a coordinator) and Sở Xây dựng (its officer
    # left) have none; the group row needs members instead, and the "unfilled" lines say so.
    assert "GL-SNV" not in named and "GL-UBNDXA" not in named
    assert {"GL-SGDDT", "GL-SXD"} <= named
    assert named == OWING - {"GL-SNV", "GL-UBNDXA"}
    assert item.without_officer_total == len(named) == 7
    # Sở Y tế's own reports go to the Bộ and the province, beyond its coordinator's digest; an
    # admin sees that the coordinator's own unit has no officer to remind either.
    assert {u.code for u in everything.without_officer} == named | {"GL-SYT"}


def test_the_rendered_digest_links_remind_again_and_says_whom_to_ask(engine: Engine) -> None:
    with session_scope(engine) as session:
        people(session)
        item = gia_lai(session, identify(session, COORDINATOR, ()), FIRST_LONG)
        as_admin = gia_lai(session, identify(session, 1, (1,)), FIRST_LONG)
        snv = session.exec(
            select(Occurrence.id)
            .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
            .where(Unit.code == "GL-SNV", Occurrence.last_day == date(2026, 11, 24))
        ).one()
    text = "\n".join(render_digest(item, FIRST_LONG))
    assert "Quá hạn kéo dài — bot đã thôi tự nhắc (9):" in text
    assert f"quá 35 ngày — nhắc lại: /nhaclai_{snv}" in text
    assert "Chưa có cán bộ nhận nhắc (7):" in text
    assert "Đề nghị quản trị viên gửi lời mời cán bộ" in text
    assert "/moi GL-SXD cán bộ" not in text  # a coordinator may not invite
    admin_text = "\n".join(render_digest(as_admin, FIRST_LONG))
    assert "• Sở Xây dựng tỉnh Gia Lai — mời cán bộ: /moi GL-SXD cán bộ" in admin_text
    assert "Đề nghị quản trị viên" not in admin_text


def test_a_configured_cap_moves_the_cut_off(engine: Engine) -> None:
    with session_scope(engine) as session:
        coordinator = Identity(1, None, "", True)
        # With no weekly chase the second reminder (30/11) is the last: long from 1/12.
        found = plan_digests(
            session,
            coordinator,
            today=date(2026, 12, 1),
            now=NOW + timedelta(days=7),
            max_weekly=0,
        )
    item = next(d for d in found if d.plan == "gia-lai-743")
    assert {v.unit for v in item.long_overdue} == OWING

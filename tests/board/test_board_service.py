"""The board's services on SQLite and PostgreSQL: links, sessions, and each page's data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import update
from sqlmodel import col, select

from kehoach_bot.config import BoardSettings
from kehoach_bot.db.engine import make_engine, session_scope
from kehoach_bot.db.models import AuditLog, BoardLink, Occurrence
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import Status
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import board, board_access, board_grid, people
from kehoach_bot.services.board_access import SessionRef, SignedOut
from kehoach_bot.services.errors import Forbidden, InvalidInput
from kehoach_bot.services.exports import plan_table
from tests.board.conftest import (
    ADMIN,
    COORDINATOR,
    OFFICER,
    OTHER_OFFICER,
    OTHER_PLAN,
    PLAN,
    BoardEnv,
)

LATER = timedelta(days=2)  # 26/11/2026: the 2026 report to Sở Y tế (before 25/11) is overdue


def signed_in(env: BoardEnv, user_id: int) -> SessionRef:
    """Sign in with a fresh one-time link, as the browser would."""
    issued = board_access.issue_link(env.runtime, telegram_user_id=user_id, actor="test")
    opened = board_access.sign_in_with_link(env.runtime, token=issued.url.rsplit("/", 1)[1])
    return SessionRef(opened.telegram_user_id, opened.key)


def test_the_grid_counts_equal_the_plan_table_and_colour_each_unit(env: BoardEnv) -> None:
    env.clock.advance(days=2)
    ref = signed_in(env, COORDINATOR)
    grid = board_grid.plan_grid(env.runtime, ref=ref, plan_code=PLAN, mark=None)
    table = plan_table(env.runtime, plan_code=PLAN, period=None, date_from=None, date_to=None)
    assert grid.counts == table.counts and grid.total == len(table.rows)
    assert [p.key for p in grid.periods] == [p.period_key for p in table.periods]
    assert grid.counts[Status.DONE_ON_TIME] == 1 and grid.counts[Status.OPEN_OVERDUE] == 8
    rows = {row.unit: row for row in grid.rows}
    column = [p.label for p in grid.periods].index("năm 2026")
    assert [i.status for i in rows["GL-SNV"].cells[column]] == [
        Status.DONE_ON_TIME,
        Status.OPEN_ON_TIME,
    ]
    assert rows["GL-SGDDT"].cells[column][0].status is Status.OPEN_OVERDUE
    assert grid.needs_review == sum(
        1 for row in rows.values() for cell in row.cells for i in cell if i.needs_review
    )


def test_the_grid_counts_follow_a_write_of_another_process(env: BoardEnv) -> None:
    env.clock.advance(days=2)
    ref = signed_in(env, COORDINATOR)
    before = board_grid.plan_grid(env.runtime, ref=ref, plan_code=PLAN, mark=None)
    chosen = env.occurrence("GL-SGDDT", "gui-so-y-te", date(2026, 11, 25))
    elsewhere = make_engine(env.engine.url.render_as_string(hide_password=False))
    try:
        with session_scope(elsewhere) as session:  # the command line, say, in its own process
            session.execute(
                update(Occurrence)
                .where(col(Occurrence.id) == chosen)
                .values(state="done", submitted_on=date(2026, 11, 20), submitted_at=env.clock())
            )
    finally:
        elsewhere.dispose()
    after = board_grid.plan_grid(env.runtime, ref=ref, plan_code=PLAN, mark=None)
    table = plan_table(env.runtime, plan_code=PLAN, period=None, date_from=None, date_to=None)
    assert after.counts == table.counts
    assert after.counts[Status.OPEN_OVERDUE] == before.counts[Status.OPEN_OVERDUE] - 1
    assert after.counts[Status.DONE_ON_TIME] == before.counts[Status.DONE_ON_TIME] + 1


def test_the_overdue_filter_keeps_only_overdue_items(env: BoardEnv) -> None:
    env.clock.advance(days=2)
    ref = signed_in(env, COORDINATOR)
    grid = board_grid.plan_grid(
        env.runtime, ref=ref, plan_code=PLAN, mark=Status.OPEN_OVERDUE.value
    )
    items = [i for row in grid.rows for cell in row.cells for i in cell]
    assert len(items) == grid.counts[Status.OPEN_OVERDUE] == 8
    assert {i.status for i in items} == {Status.OPEN_OVERDUE}
    assert "GL-SNV" not in {row.unit for row in grid.rows}
    with pytest.raises(InvalidInput):
        board_grid.plan_grid(env.runtime, ref=ref, plan_code=PLAN, mark="boss")


def test_another_plan_is_refused_to_a_coordinator_and_open_to_an_admin(env: BoardEnv) -> None:
    with pytest.raises(Forbidden):
        board_grid.plan_grid(
            env.runtime, ref=signed_in(env, COORDINATOR), plan_code=OTHER_PLAN, mark=None
        )
    grid = board_grid.plan_grid(
        env.runtime, ref=signed_in(env, ADMIN), plan_code=OTHER_PLAN, mark=None
    )
    assert grid.plan == OTHER_PLAN and grid.rows


def test_home_lists_what_each_person_may_see(env: BoardEnv) -> None:
    coordinator = board.home(env.runtime, ref=signed_in(env, COORDINATOR))
    assert [code for code, _ in coordinator.plans] == [PLAN] and not coordinator.is_admin
    admin = board.home(env.runtime, ref=signed_in(env, ADMIN))
    assert len(admin.plans) == 5 and admin.is_admin
    officer = board.home(env.runtime, ref=signed_in(env, OFFICER))
    assert officer.plans == () and [u.unit for u in officer.units] == ["GL-SNV"]


def test_an_officer_sees_only_its_unit(env: BoardEnv) -> None:
    page = board.unit_page(env.runtime, ref=signed_in(env, OFFICER))
    assert {v.unit for v in page.owed} == {"GL-SNV"} and page.owed
    assert [h.title for h in page.history] == [
        "Tổng hợp, đánh giá tình hình thực hiện gửi Sở Y tế (hằng năm)"
    ]
    other = board.unit_page(env.runtime, ref=signed_in(env, OTHER_OFFICER))
    assert {v.unit for v in other.owed} == {"GL-SGDDT"} and other.history == ()
    with pytest.raises(Forbidden):
        board.unit_page(env.runtime, ref=signed_in(env, ADMIN))


def test_a_link_opens_one_session_once_and_only_before_it_expires(env: BoardEnv) -> None:
    issued = board_access.issue_link(env.runtime, telegram_user_id=OFFICER, actor="test")
    token = issued.url.rsplit("/", 1)[1]
    assert issued.url.startswith("http://127.0.0.1:0/vao/") and len(token) >= 43
    with session_scope(env.engine) as session:
        stored = session.exec(select(BoardLink)).one()
        assert stored.token_hash == board_access.digest(token) and token not in stored.token_hash
    board_access.sign_in_with_link(env.runtime, token=token)
    with pytest.raises(SignedOut):
        board_access.sign_in_with_link(env.runtime, token=token)  # replayed
    with pytest.raises(SignedOut):
        board_access.sign_in_with_link(env.runtime, token=token[:-1] + "A")  # forged
    late = board_access.issue_link(env.runtime, telegram_user_id=OFFICER, actor="test")
    env.clock.advance(minutes=10, seconds=1)
    with pytest.raises(SignedOut):
        board_access.sign_in_with_link(env.runtime, token=late.url.rsplit("/", 1)[1])
    with session_scope(env.engine) as session:
        actions = session.exec(select(AuditLog.action)).all()
    assert actions.count("board_link") == 2 and actions.count("board_sign_in") == 1


def test_links_are_rate_limited_and_only_for_known_people(env: BoardEnv) -> None:
    for _ in range(board_access.LINKS_PER_HOUR):
        board_access.issue_link(env.runtime, telegram_user_id=OFFICER, actor="test")
    with pytest.raises(InvalidInput, match="trong một giờ qua"):
        board_access.issue_link(env.runtime, telegram_user_id=OFFICER, actor="test")
    env.clock.advance(hours=1, seconds=1)
    board_access.issue_link(env.runtime, telegram_user_id=OFFICER, actor="test")
    with pytest.raises(Forbidden):
        board_access.issue_link(env.runtime, telegram_user_id=777, actor="test")


def test_no_link_while_the_board_is_off(env: BoardEnv) -> None:
    off = Runtime(
        replace(env.runtime.settings, board=BoardSettings()), env.engine, env.runtime.clock
    )
    with pytest.raises(board_access.BoardOff, match="chưa được bật"):
        board_access.issue_link(off, telegram_user_id=OFFICER, actor="test")
    off.answers.shutdown()
    off.background.shutdown()


def test_revoking_ends_the_sessions_and_links_even_after_a_new_invite(env: BoardEnv) -> None:
    ref = signed_in(env, COORDINATOR)
    unspent = board_access.issue_link(env.runtime, telegram_user_id=COORDINATOR, actor="test")
    with session_scope(env.engine) as session:
        people.revoke(session, telegram_user_id=COORDINATOR, actor="test", now=env.clock())
    env.clock.advance(minutes=5)
    env.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, "Điều phối viên")
    with pytest.raises(SignedOut):  # the old browser does not come back with the new invite
        board.home(env.runtime, ref=ref)
    with pytest.raises(SignedOut):
        board_access.sign_in_with_link(env.runtime, token=unspent.url.rsplit("/", 1)[1])
    assert board.home(env.runtime, ref=signed_in(env, COORDINATOR)).plans


def test_a_revoked_person_and_an_expired_session_are_refused(env: BoardEnv) -> None:
    ref = signed_in(env, COORDINATOR)
    board.home(env.runtime, ref=ref)
    with session_scope(env.engine) as session:
        people.revoke(session, telegram_user_id=COORDINATOR, actor="test", now=env.clock())
    with pytest.raises(SignedOut):
        board.home(env.runtime, ref=ref)
    officer = signed_in(env, OFFICER)
    with pytest.raises(SignedOut):
        board.home(env.runtime, ref=SessionRef(OTHER_OFFICER, officer.key))  # someone else's
    env.clock.advance(hours=12)
    with pytest.raises(SignedOut):
        board.home(env.runtime, ref=officer)

"""Flagged obligations and the admin's decision: Gia Lai's two dates for one flow are decided
together, a decision is audited, deciding twice changes nothing, and reloading the plan file
does not undo it."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import AuditLog, Obligation, Occurrence, Plan
from kehoach_bot.domain.status import State
from kehoach_bot.plans.bundled import bundled_plan_files
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.services.plans import load_plans
from kehoach_bot.services.review import Choice, ReviewOutcome, decide, flagged
from tests.auxil.snapshot import snapshot
from tests.conftest import NOW

PLAN = "gia-lai-743"
EARLY, LATE = "gui-so-y-te", "bao-cao-ubnd-tinh"  # before 25/11, before 15/12: one flow


def obligation(session: Session, code: str, plan: str = PLAN) -> Obligation:
    return session.exec(
        select(Obligation).join(Plan).where(Plan.code == plan, Obligation.code == code)
    ).one()


def ids(engine: Engine, *codes: str) -> list[int]:
    with session_scope(engine) as session:
        return [obligation(session, code).id or 0 for code in codes]


def run(engine: Engine, settings: Settings, code: str, choice: Choice) -> ReviewOutcome:
    (obligation_id,) = ids(engine, code)
    with session_scope(engine) as session:
        return decide(
            session,
            obligation_id,
            choice,
            actor="tg:900",
            now=NOW,
            policy=settings.deadlines,
            until=horizon(settings, NOW),
        )


def open_periods(engine: Engine, code: str) -> set[str]:
    with session_scope(engine) as session:
        rows = session.exec(
            select(Occurrence.period_key).where(
                Occurrence.obligation_id == obligation(session, code).id,
                Occurrence.state == State.OPEN.value,
            )
        ).all()
    return set(rows)


def test_gia_lai_two_dates_are_one_decision_and_undated_ones_need_a_date(engine: Engine) -> None:
    with session_scope(engine) as session:
        found = flagged(session, PLAN)
    (group,) = found.groups
    assert [i.code for i in group.items] == [EARLY, LATE]
    assert [i.schedule_text for i in group.items] == [
        "hằng năm, ngày 25/11 (trước ngày)",
        "hằng năm, ngày 15/12 (trước ngày)",
    ]
    assert "trước ngày 25/11 hàng năm" in group.items[0].quote
    assert "trước ngày 15 tháng 12" in group.items[1].quote
    assert group.items[0].recipient == group.items[1].via == "Sở Y tế tỉnh Gia Lai"
    assert [i.code for i in found.undated] == ["so-ket-tong-ket"]
    with session_scope(engine) as session:
        everything = flagged(session)
    assert {i.plan for i in everything.undated} >= {"binh-luc-92", "la-gi-81", PLAN}
    with pytest.raises(NotFound, match="khong-co"), session_scope(engine) as session:
        flagged(session, "khong-co")


def test_only_25_11_keeps_it_and_waives_the_15_12_periods(
    engine: Engine, settings: Settings
) -> None:
    assert open_periods(engine, LATE)  # 2025, 2026, 2027: open while held
    done = run(engine, settings, EARLY, Choice.ONLY)
    assert [i.code for i in done.kept] == [EARLY] and [i.code for i in done.dropped] == [LATE]
    assert done.sync.removed > 0
    with session_scope(engine) as session:
        early, late = obligation(session, EARLY), obligation(session, LATE)
        assert (early.needs_review, early.active) == (False, True)
        assert (late.needs_review, late.active) == (False, False)
        entries = session.exec(
            select(AuditLog).where(AuditLog.entity == "obligation").order_by(col(AuditLog.id))
        ).all()
        assert [(e.action, e.entity_id, e.actor) for e in entries] == [
            ("review_keep", str(early.id), "tg:900"),
            ("review_drop", str(late.id), "tg:900"),
        ]
        assert entries[1].before == {"needs_review": True, "active": True}
        assert entries[1].after is not None and entries[1].after["active"] is False
        assert flagged(session, PLAN).groups == []
    assert open_periods(engine, LATE) == set()
    assert open_periods(engine, EARLY) == {"2025", "2026", "2027"}


def test_keep_both_clears_both_and_touches_no_period(engine: Engine, settings: Settings) -> None:
    before = open_periods(engine, EARLY), open_periods(engine, LATE)
    done = run(engine, settings, LATE, Choice.KEEP_ALL)
    assert [i.code for i in done.kept] == [EARLY, LATE] and done.dropped == ()
    with session_scope(engine) as session:
        assert not obligation(session, EARLY).needs_review
        assert not obligation(session, LATE).needs_review
    assert (open_periods(engine, EARLY), open_periods(engine, LATE)) == before


def test_dropping_one_leaves_the_other_to_decide_alone(engine: Engine, settings: Settings) -> None:
    run(engine, settings, LATE, Choice.DROP)
    with session_scope(engine) as session:
        (group,) = flagged(session, PLAN).groups
    assert [i.code for i in group.items] == [EARLY]
    run(engine, settings, EARLY, Choice.KEEP_ALL)
    with session_scope(engine) as session:
        assert flagged(session, PLAN).groups == []
        assert obligation(session, EARLY).active and not obligation(session, LATE).active


@pytest.mark.parametrize(
    ("code", "error", "message"),
    [
        (EARLY, InvalidInput, "không còn chờ quyết định"),  # decided just before
        (LATE, InvalidInput, "không còn chờ quyết định"),  # dropped by that decision
        ("bao-cao-bo-y-te", InvalidInput, "không còn chờ quyết định"),  # never flagged
        ("so-ket-tong-ket", InvalidInput, "/sua gia-lai-743 so-ket-tong-ket"),  # undated
    ],
)
def test_deciding_twice_or_on_the_wrong_obligation_changes_nothing(
    engine: Engine, settings: Settings, code: str, error: type[Exception], message: str
) -> None:
    run(engine, settings, EARLY, Choice.ONLY)
    before = snapshot(engine)
    for choice in Choice:
        with pytest.raises(error, match=message):
            run(engine, settings, code, choice)
    assert snapshot(engine) == before


def test_an_unknown_obligation_is_not_found(engine: Engine, settings: Settings) -> None:
    before = snapshot(engine)
    with pytest.raises(NotFound), session_scope(engine) as session:
        decide(
            session,
            987654,
            Choice.KEEP_ALL,
            actor="t",
            now=NOW,
            policy=settings.deadlines,
            until=horizon(settings, NOW),
        )
    assert snapshot(engine) == before


def reload(engine: Engine, settings: Settings, text: str) -> str:
    with session_scope(engine) as session:
        (result,) = load_plans(
            session,
            [("gia-lai-743.toml", text)],
            actor="t",
            now=NOW,
            today=NOW.astimezone(settings.tz).date(),
            policy=settings.deadlines,
            until=horizon(settings, NOW),
        )
    return result.status


def test_reloading_the_plan_file_keeps_the_decision_until_its_note_changes(
    engine: Engine, settings: Settings
) -> None:
    text = dict(bundled_plan_files())["gia-lai-743.toml"]
    run(engine, settings, EARLY, Choice.ONLY)
    assert reload(engine, settings, text) == "unchanged"
    # Another edit of the file (a task's timeline): the decision stands.
    edited = text.replace('timeline = "Thường xuyên"', 'timeline = "Thường xuyên, hằng năm"', 1)
    assert reload(engine, settings, edited) == "updated"
    with session_scope(engine) as session:
        early, late = obligation(session, EARLY), obligation(session, LATE)
        assert (early.needs_review, early.active) == (False, True)
        assert (late.needs_review, late.active) == (False, False)
        assert flagged(session, PLAN).groups == []
    assert open_periods(engine, LATE) == set()
    # The file's author writes a new note on the 15/12 obligation: it is back for review.
    renoted = edited.replace(
        "quản trị viên xác nhận mốc nào áp dụng.", "quản trị viên xác nhận lại mốc 15/12."
    )
    assert reload(engine, settings, renoted) == "updated"
    with session_scope(engine) as session:
        late = obligation(session, LATE)
        assert (late.needs_review, late.active) == (True, True)
        (group,) = flagged(session, PLAN).groups
        assert [i.code for i in group.items] == [LATE]
    assert open_periods(engine, LATE) == {"2025", "2026", "2027"}

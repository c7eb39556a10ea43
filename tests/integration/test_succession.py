"""Mergers and splits route open and future occurrences to successors and keep history."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, TypedDict

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import AuditLog, Obligation, Occurrence, Reply, Succession, Unit
from kehoach_bot.domain.deadlines import DeadlinePolicy
from kehoach_bot.services import succession, units
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.errors import InvalidInput, NotFound
from tests.conftest import NOW


def occurrences(session: Session, unit_code: str, obligation_code: str) -> list[Occurrence]:
    return list(
        session.exec(
            select(Occurrence)
            .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
            .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
            .where(Unit.code == unit_code, Obligation.code == obligation_code)
            .order_by(col(Occurrence.due_date))
        ).all()
    )


def submit(session: Session, occ: Occurrence, when: datetime, text: str) -> None:
    occ.state, occ.submitted_at = "done", when
    assert occ.id is not None
    session.add(Reply(occurrence_id=occ.id, kind="submitted", text=text, created_at=when))


class Options(TypedDict):
    actor: str
    now: datetime
    policy: DeadlinePolicy
    until: date


def options(settings: Settings) -> Options:
    return {
        "actor": "Nguyễn Văn Quản trị",
        "now": NOW,
        "policy": settings.deadlines,
        "until": horizon(settings, NOW),
    }


@pytest.fixture(autouse=True)
def before_the_reorganisation(engine: Engine, settings: Settings) -> None:
    """The seeds record Sở LĐTBXH's merger and Cư Jút's end; these tests record them anew."""
    with session_scope(engine) as session:
        for code in ("DN-SLDTBXH", "DN-CUJUT"):
            succession.undo(session, code=code, **options(settings))


def test_merge_moves_open_and_future_work_and_keeps_history(
    engine: Engine, settings: Settings
) -> None:
    # Sở LĐTBXH Đắk Nông delivered its 2024 yearly report; 2025 is still open when it merges.
    with session_scope(engine) as session:
        done = occurrences(session, "DN-SLDTBXH", "so-nganh-hang-nam")[3]
        assert done.period_label == "năm 2024"
        submit(session, done, datetime(2024, 12, 20, 2, tzinfo=UTC), "Báo cáo năm 2024 đã gửi")
    with session_scope(engine) as session:
        result = succession.merge(
            session,
            old="DN-SLDTBXH",
            into="DN-SNV",
            effective_on=date(2025, 3, 1),
            **options(settings),
        )
    assert result.sync.transferred > 0
    with session_scope(engine) as session:
        old = occurrences(session, "DN-SLDTBXH", "so-nganh-hang-nam")
        new = occurrences(session, "DN-SNV", "so-nganh-hang-nam")
        # Periods whose last on-time day is before 1/3/2025 stay with the old unit, open or not.
        assert [(o.period_label, o.state) for o in old] == [
            ("năm 2021", "open"),
            ("năm 2022", "open"),
            ("năm 2023", "open"),
            ("năm 2024", "done"),
            ("năm 2025", "transferred"),
        ]
        assert [o.period_label for o in new] == ["năm 2025"]
        assert all(o.state == "open" and o.routed_from_id == old[4].id for o in new)
        replies = session.exec(select(Reply).where(Reply.occurrence_id == old[3].id)).all()
        assert [r.text for r in replies] == ["Báo cáo năm 2024 đã gửi"]
        unit = session.exec(select(Unit).where(Unit.code == "DN-SLDTBXH")).one()
        assert (unit.active, unit.ended_on) == (False, date(2025, 3, 1))
        entry = session.exec(select(AuditLog).where(AuditLog.action == "unit_merge")).one()
        assert entry.actor == "Nguyễn Văn Quản trị" and entry.entity_id == "DN-SLDTBXH"
        # The "qua" office moves by the same date, for every unit's periods.
        ids = {u.code: u.id for u in session.exec(select(Unit)).all()}
        rows = session.exec(
            select(col(Occurrence.last_day), col(Occurrence.unit_id), col(Occurrence.via_id))
            .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
            .where(
                col(Obligation.code).in_(["so-nganh-6-thang", "so-nganh-hang-nam"]),
                col(Occurrence.state).in_(["open", "done"]),
            )
        ).all()
        assert rows
        for last_day, unit_id, via_id in rows:
            gone = last_day >= date(2025, 3, 1)
            assert via_id == (ids["DN-SNV"] if gone else ids["DN-SLDTBXH"]), (last_day, unit_id)
            assert not (gone and unit_id == ids["DN-SLDTBXH"])


def test_split_routes_one_obligation_to_health_and_the_rest_to_home_affairs(
    engine: Engine, settings: Settings
) -> None:
    # 2025: Sở LĐTBXH → Sở Nội vụ (labour, merit) and Sở Y tế (social protection).
    with session_scope(engine) as session:
        succession.split(
            session,
            old="DN-SLDTBXH",
            into=["DN-SNV", "DN-SYT"],
            routes={
                "dak-nong-33:so-ket-tong-ket": "DN-SYT",
                "dak-nong-33:so-nganh-6-thang": "DN-SYT",
            },
            default="DN-SNV",
            effective_on=date(2025, 3, 1),
            **options(settings),
        )
    with session_scope(engine) as session:
        assert occurrences(session, "DN-SNV", "so-nganh-hang-nam")
        assert not occurrences(session, "DN-SNV", "so-nganh-6-thang")
        half = occurrences(session, "DN-SYT", "so-nganh-6-thang")
        # Sở Y tế already owed its own 6-month report; it now owes one per period, not two.
        assert len({o.period_key for o in half}) == len(half)


def test_district_split_into_communes_gives_each_commune_the_district_reports(
    engine: Engine, settings: Settings
) -> None:
    opts = options(settings)
    with session_scope(engine) as session:
        # Huyện Cư Jút is one of the eight members the Đắk Nông directory gives the group.
        assert occurrences(session, "DN-CUJUT", "huyen-hang-nam")
        assert not [
            o for o in occurrences(session, "DN-UBNDHUYEN", "huyen-hang-nam") if o.state == "open"
        ]
        for occ in occurrences(session, "DN-CUJUT", "huyen-hang-nam")[:3]:
            submit(session, occ, datetime(occ.due_date.year, 12, 1, tzinfo=UTC), "đã nộp")
        for code, name in (("DN-EAPO", "UBND xã Ea Pô"), ("DN-NAMDONG", "UBND xã Nam Dong")):
            units.add_unit(
                session, code=code, name=name, kind="ubnd_xa", locality="dak-nong", **opts
            )
    with session_scope(engine) as session:
        succession.split(
            session,
            old="DN-CUJUT",
            into=["DN-EAPO", "DN-NAMDONG"],
            routes={},
            default="all",
            effective_on=date(2025, 7, 1),
            **opts,
        )
    with session_scope(engine) as session:
        for commune in ("DN-EAPO", "DN-NAMDONG"):
            rows = occurrences(session, commune, "huyen-hang-nam")
            # Only the period whose last on-time day falls after 1/7/2025 passes to the communes.
            assert [o.period_label for o in rows] == ["năm 2025"]
        states = [o.state for o in occurrences(session, "DN-CUJUT", "huyen-hang-nam")]
        assert states == ["done", "done", "done", "open", "transferred"]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"old": "NOPE", "into": ["DN-SNV"]}, NotFound, "Không có đơn vị mã 'NOPE'"),
        ({"old": "DN-SNV", "into": ["DN-SNV"]}, InvalidInput, "chính nó"),
        ({"old": "DN-SLDTBXH", "into": ["NOPE"]}, NotFound, "NOPE"),
        ({"old": "DN-SLDTBXH", "into": ["DN-SNV"], "default": "DN-SYT"}, InvalidInput, "--default"),
        (
            {"old": "DN-SLDTBXH", "into": ["DN-SNV"], "routes": {"dak-nong-33:khong-co": "DN-SNV"}},
            NotFound,
            "khong-co",
        ),
        (
            {
                "old": "DN-SLDTBXH",
                "into": ["DN-SNV"],
                "routes": {"dak-nong-33:so-ket-tong-ket": "DN-SYT"},
            },
            InvalidInput,
            "không nằm trong",
        ),
        ({"old": "GL-UBNDHUYEN", "into": ["GL-UBNDXA"]}, InvalidInput, "đã ngừng hoạt động"),
    ],
)
def test_bad_successions_are_refused_and_change_nothing(
    engine: Engine,
    settings: Settings,
    kwargs: dict[str, object],
    error: type[Exception],
    message: str,
) -> None:
    from tests.auxil.snapshot import snapshot

    before = snapshot(engine)
    call: dict[str, Any] = {"routes": {}, "default": "all", "effective_on": date(2025, 3, 1)}
    call.update(kwargs)
    with pytest.raises(error, match=message), session_scope(engine) as session:
        succession.split(session, **call, **options(settings))
    assert snapshot(engine) == before


def _state_of_units_and_periods(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every occurrence (all columns but `updated_at`), unit and succession, in id order."""
    with engine.connect() as conn:
        occurrence_columns = [c for c in Occurrence.__table__.columns if c.name != "updated_at"]  # type: ignore[attr-defined]
        return {
            "occurrence": [
                tuple(r)
                for r in conn.execute(
                    select(*occurrence_columns).order_by(col(Occurrence.id))
                ).all()
            ],
            "unit": [tuple(r) for r in conn.execute(select(Unit).order_by(col(Unit.id))).all()],
            "succession": [
                tuple(r) for r in conn.execute(select(Succession).order_by(col(Succession.id)))
            ],
            "reply": [tuple(r) for r in conn.execute(select(Reply).order_by(col(Reply.id)))],
        }


def test_undoing_a_merger_restores_the_earlier_state_exactly(
    engine: Engine, settings: Settings
) -> None:
    with session_scope(engine) as session:
        done = occurrences(session, "DN-SLDTBXH", "so-nganh-hang-nam")[3]
        submit(session, done, datetime(2024, 12, 20, 2, tzinfo=UTC), "Báo cáo năm 2024 đã gửi")
    before = _state_of_units_and_periods(engine)
    with session_scope(engine) as session:
        succession.merge(
            session,
            old="DN-SLDTBXH",
            into="DN-SNV",
            effective_on=date(2025, 3, 1),
            **options(settings),
        )
    assert _state_of_units_and_periods(engine) != before
    with session_scope(engine) as session:
        result = succession.undo(session, code="DN-SLDTBXH", **options(settings))
    assert result.successors == ["DN-SNV"] and result.ended_on == date(2025, 3, 1)
    assert _state_of_units_and_periods(engine) == before
    with session_scope(engine) as session:
        entry = session.exec(
            select(AuditLog)
            .where(AuditLog.action == "unit_succession_undone")
            .order_by(col(AuditLog.id).desc())
            .limit(1)
        ).one()
        assert entry.entity_id == "DN-SLDTBXH" and entry.before is not None
        assert entry.before["successions"][0]["successor"] == "DN-SNV"
    # Undoing twice: a clear message, and nothing changes.
    from tests.auxil.snapshot import snapshot

    unchanged = snapshot(engine)
    with pytest.raises(InvalidInput, match="không có sáp nhập"), session_scope(engine) as session:
        succession.undo(session, code="DN-SLDTBXH", **options(settings))
    assert snapshot(engine) == unchanged

"""Occurrence generation is idempotent; ad hoc requests carry their own date."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.calendar import calendar
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.services.occurrences import sync_occurrences
from kehoach_bot.services.requests import request_ad_hoc
from tests.auxil.snapshot import snapshot
from tests.conftest import NOW

TODAY = date(2026, 11, 24)


def test_generating_again_changes_nothing(engine: Engine, settings: Settings) -> None:
    before = snapshot(engine)
    with session_scope(engine) as session:
        report = sync_occurrences(
            session, policy=settings.deadlines, until=horizon(settings, NOW), now=NOW
        )
    assert (report.created, report.updated, report.transferred, report.removed) == (0, 0, 0, 0)
    assert snapshot(engine) == before


def test_ad_hoc_request_reaches_every_member_and_shows_in_the_calendar(
    engine: Engine, settings: Settings
) -> None:
    with session_scope(engine) as session:
        result = request_ad_hoc(
            session,
            unit_codes=["DN-SONGANH", "DN-SYT"],
            title="Báo cáo nhanh   số đối tượng bảo trợ xã hội",
            due=date(2026, 11, 28),  # a Saturday: "chậm nhất" runs to Monday
            plan_code="dak-nong-33",
            actor="Sở LĐTBXH",
            now=NOW,
            today=TODAY,
            policy=settings.deadlines,
        )
    assert result.last_day == date(2026, 11, 30)
    # Ten departments in the group; Sở LĐTBXH ended on 1/3/2025 and is asked nothing.
    assert len(result.units) == 9 and "DN-SLDTBXH" not in result.units
    with session_scope(engine) as session:
        rows = calendar(session, today=TODAY, start=date(2026, 11, 28), end=date(2026, 11, 28))
    assert {r.unit for r in rows} == set(result.units)
    assert {r.period for r in rows} == {"đột xuất: Báo cáo nhanh số đối tượng bảo trợ xã hội"}
    assert {(r.plan, r.wording, r.status) for r in rows} == {
        ("dak-nong-33", "chậm nhất ngày", "open_on_time")
    }
    # The yearly synchronisation leaves requests alone.
    with session_scope(engine) as session:
        report = sync_occurrences(
            session, policy=settings.deadlines, until=horizon(settings, NOW), now=NOW
        )
    assert report.removed == 0


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"due": date(2026, 11, 23)}, InvalidInput, "đã qua"),
        ({"title": "   "}, InvalidInput, "nội dung"),
        ({"title": "x" * 8000}, InvalidInput, "tối đa 500"),
        ({"unit_codes": ["KHONG-CO"]}, NotFound, "KHONG-CO"),
        ({"unit_codes": ["GL-UBNDHUYEN"]}, InvalidInput, "ngừng hoạt động"),
        ({"unit_codes": []}, InvalidInput, "ít nhất một đơn vị"),
        ({"plan_code": "khong-co"}, NotFound, "khong-co"),
    ],
)
def test_bad_requests_change_nothing(
    engine: Engine,
    settings: Settings,
    changes: dict[str, object],
    error: type[Exception],
    message: str,
) -> None:
    before = snapshot(engine)
    call: dict[str, object] = {
        "unit_codes": ["GL-SYT"],
        "title": "Báo cáo nhanh",
        "due": date(2026, 12, 1),
        "plan_code": None,
        **changes,
    }
    with pytest.raises(error, match=message), session_scope(engine) as session:
        request_ad_hoc(
            session,
            actor="t",
            now=NOW,
            today=TODAY,
            policy=settings.deadlines,
            **call,  # type: ignore[arg-type]
        )
    assert snapshot(engine) == before


def test_a_submission_after_midnight_in_hanoi_is_late_even_if_utc_says_otherwise(
    engine: Engine,
) -> None:
    from datetime import UTC, datetime

    from sqlmodel import select

    from kehoach_bot.db.models import Occurrence, Unit

    with session_scope(engine) as session:
        unit = session.exec(select(Unit).where(Unit.code == "GL-SNV")).one()
        occ = session.exec(
            select(Occurrence).where(
                Occurrence.unit_id == unit.id, Occurrence.due_date == date(2026, 11, 25)
            )
        ).one()
        assert occ.last_day == date(2026, 11, 24)
        # 17:30 UTC on 24/11 is 00:30 on 25/11 in Hà Nội: one day late.
        occ.state, occ.submitted_at = "done", datetime(2026, 11, 24, 17, 30, tzinfo=UTC)
    with session_scope(engine) as session:
        rows = calendar(
            session,
            today=date(2026, 11, 26),
            unit_code="GL-SNV",
            start=date(2026, 11, 25),
            end=date(2026, 11, 25),
        )
    assert [r.status for r in rows] == ["done_late"]

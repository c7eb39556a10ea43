"""A national-scale database built the way the bot would have built it, for the production paths.

Thirty-four provinces, each with its plan of yearly reports (20 obligations) naming the group of
its units; every unit has one officer, every province's coordinating office one coordinator. The
occurrences are the ones the daily extension itself would have made, from 2017 up to the horizon
(same periods, deadlines and labels, computed with the domain's own functions), so that measuring
the extension measures a steady day, not a first load. Past periods are mostly done; one in ten
is still open (overdue); about 3,000 reminders fall due on the measured morning.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, insert, text

from benchmarks.common import NOW
from kehoach_bot.config import Settings
from kehoach_bot.db import migrate
from kehoach_bot.db.models import (
    GroupMember,
    Heartbeat,
    Membership,
    Obligation,
    ObligationUnit,
    Occurrence,
    Person,
    Plan,
    Unit,
)
from kehoach_bot.domain.deadlines import Wording, last_on_time_day
from kehoach_bot.domain.schedules import Window, periods, schedule_from_dict
from kehoach_bot.services.bootstrap import horizon

PROVINCES = 34
OBLIGATIONS = 20
FIRST_YEAR = 2017
OFFICER_BASE = 10_000_000
COORDINATOR_BASE = 20_000_000


def build(engine: Engine, units: int, provinces: int = PROVINCES) -> dict[str, int]:
    """Fill an empty database for `units` units in `provinces` plans; returns what was made."""
    migrate.upgrade(engine)
    settings = Settings()
    today = NOW.astimezone(settings.tz).date()
    until = horizon(settings, NOW)
    with engine.begin() as conn:
        _directory(conn, units, provinces)
        _plans(conn, provinces)
    total = 0
    due_now = 0
    with engine.begin() as conn:
        for province in range(provinces):
            members = [u for u in range(units) if u % provinces == province]
            rows: list[dict[str, Any]] = []
            for o in range(OBLIGATIONS):
                obligation_id = province * OBLIGATIONS + o + 1
                schedule = schedule_from_dict(_schedule(o))
                window = Window(date(FIRST_YEAR, 1, 1), until)
                for period, due in periods(schedule, window):
                    deadline = last_on_time_day(due, Wording.BEFORE, settings.deadlines)
                    past = deadline.last_day < today
                    for unit in members:
                        open_ = not past or unit % 10 == 0
                        # About 3,000 reminders come due this morning (a week before a deadline).
                        remind_today = open_ and not past and o == 0 and unit % 5 < 3
                        due_now += remind_today
                        rows.append(
                            {
                                "obligation_id": obligation_id,
                                "unit_id": _unit_id(unit, provinces),
                                "period_key": period.key,
                                "period_label": period.label,
                                "data_from": period.data_from,
                                "data_to": period.data_to,
                                "due_date": due,
                                "wording": Wording.BEFORE.value,
                                "last_day": deadline.last_day,
                                "remind_by": deadline.remind_by,
                                "via_id": province + 1,  # the plan's "qua" office
                                "state": "open" if open_ else "done",
                                "submitted_at": None
                                if open_
                                else datetime.combine(deadline.last_day, datetime.min.time(), UTC)
                                - timedelta(days=2),
                                "next_remind_on": today
                                if remind_today
                                else (today + timedelta(days=7) if open_ else None),
                                "created_at": NOW,
                                "updated_at": NOW,
                            }
                        )
            for start in range(0, len(rows), 20_000):
                conn.execute(insert(Occurrence), rows[start : start + 20_000])
            total += len(rows)
        conn.execute(
            insert(Heartbeat),
            [
                {"name": "sync", "at": NOW - timedelta(days=1), "info": {}},
                {"name": "digests", "at": NOW - timedelta(days=1), "info": {}},
            ],
        )
    with engine.connect() as conn:  # as autovacuum, or the bot's daily PRAGMA optimize, would
        conn.execute(text("ANALYZE"))
        conn.commit()
    return {"units": units, "occurrences": total, "due_this_morning": due_now}


def _schedule(o: int) -> dict[str, Any]:
    # The first obligation falls due a week from the measured morning (reminders go out today);
    # the others spread over the year.
    if o == 0:
        return {"type": "yearly", "month": 12, "day": 3}
    return {"type": "yearly", "month": 1 + o % 12, "day": 15}


def _unit_id(unit: int, provinces: int) -> int:
    # The first ids are the provinces' coordinating offices, then the provinces' groups.
    return 2 * provinces + unit + 1


def _directory(conn: Connection, units: int, provinces: int) -> None:
    offices = [
        {"code": f"SO-{p:02d}", "name": f"Sở đầu mối tỉnh {p}", "kind": "so", "is_group": False}
        for p in range(provinces)
    ]
    groups = [
        {"code": f"NHOM-{p:02d}", "name": f"UBND các xã tỉnh {p}", "kind": "nhom", "is_group": True}
        for p in range(provinces)
    ]
    communes = [
        {"code": f"U{u:05d}", "name": f"UBND xã số {u}", "kind": "ubnd_xa", "is_group": False}
        for u in range(units)
    ]
    conn.execute(
        insert(Unit),
        [
            {**row, "short_name": "", "locality": "", "active": True, "created_at": NOW}
            for row in offices + groups + communes
        ],
    )
    conn.execute(
        insert(GroupMember),
        [
            {"group_id": provinces + u % provinces + 1, "member_id": _unit_id(u, provinces)}
            for u in range(units)
        ],
    )
    people = [(OFFICER_BASE + u, _unit_id(u, provinces), "officer") for u in range(units)]
    people += [(COORDINATOR_BASE + p, p + 1, "coordinator") for p in range(provinces)]
    conn.execute(
        insert(Person),
        [
            {"telegram_user_id": tg, "chat_id": tg, "full_name": "Cán bộ", "active": True}
            | {"created_at": NOW}
            for tg, _, _ in people
        ],
    )
    conn.execute(
        insert(Membership),
        [
            {"person_id": i + 1, "unit_id": unit, "role": role, "created_at": NOW}
            for i, (_, unit, role) in enumerate(people)
        ],
    )


def _plans(conn: Connection, provinces: int) -> None:
    conn.execute(
        insert(Plan),
        [
            {
                "code": f"kh-{p:02d}",
                "title": f"Kế hoạch thực hiện chương trình của tỉnh {p}",
                "number": "",
                "locality": "",
                "source_file": "",
                "content_hash": "",
                "version": 1,
                "loaded_at": NOW,
                "valid_from": date(FIRST_YEAR, 1, 1),
            }
            for p in range(provinces)
        ],
    )
    conn.execute(
        insert(Obligation),
        [
            {
                "plan_id": p + 1,
                "code": f"bc-{o}",
                "title": f"Báo cáo kết quả thực hiện số {o}",
                "report_kind": "dinh_ky",
                "schedule": _schedule(o),
                "wording": Wording.BEFORE.value,
                "recipient_id": None,
                "via_id": p + 1,
                "quote": "…",
                "needs_review": False,
                "review_note": "",
                "active": True,
            }
            for p in range(provinces)
            for o in range(OBLIGATIONS)
        ],
    )
    conn.execute(
        insert(ObligationUnit),
        [
            {"obligation_id": p * OBLIGATIONS + o + 1, "unit_id": provinces + p + 1}
            | {"role": "responsible"}
            for p in range(provinces)
            for o in range(OBLIGATIONS)
        ],
    )

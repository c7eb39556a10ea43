"""Ingest: status replies recorded through the service layer, one transaction each, on SQLite."""

from __future__ import annotations

import time
from itertools import cycle

from sqlmodel import col, select

from benchmarks.common import NOW, Result, database
from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Occurrence, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import ReplyKind
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import answers
from kehoach_bot.services.bootstrap import prepare_database
from kehoach_bot.services.people import accept_invite, issue_invite

REPLIES = 5000
TARGET = 1000.0


def run() -> Result:
    """Record REPLIES replies as officers would, and report replies per second."""
    with database("sqlite") as (url, engine):
        settings = Settings(database_url=url)
        prepare_database(engine, settings, NOW)
        units = ["GL-SNV", "GL-SXD", "GL-SGDDT", "GL-SKHCN", "GL-SNNMT", "GL-SVHTTDL", "GL-BHXH"]
        officers: list[tuple[int, list[int]]] = []
        with session_scope(engine) as session:
            for i, code in enumerate(units):
                invite = issue_invite(
                    session, unit_code=code, role=Role.OFFICER, hours=1, actor="b", now=NOW
                )
                accept_invite(
                    session,
                    code=invite.code,
                    telegram_user_id=9000 + i,
                    chat_id=9000 + i,
                    full_name="b",
                    now=NOW,
                )
                unit_id = session.exec(select(Unit.id).where(Unit.code == code)).one()
                occurrence_ids = session.exec(
                    select(Occurrence.id)
                    .where(Occurrence.unit_id == unit_id)
                    .order_by(col(Occurrence.id))
                ).all()
                officers.append((9000 + i, [o for o in occurrence_ids if o is not None]))
        work = cycle([(user, occ) for user, occs in officers for occ in occs])
        kinds = cycle([ReplyKind.IN_PROGRESS, ReplyKind.NOTE, ReplyKind.SUBMITTED])
        started = time.perf_counter()
        runtime = Runtime(settings, engine, lambda: NOW)
        for _ in range(REPLIES):
            user, occurrence_id = next(work)
            # The bot's own action: one transaction, permission, reply, notices queued.
            answers.answer(
                runtime,
                user_id=user,
                occurrence_id=occurrence_id,
                kind=next(kinds),
                text="Đang tổng hợp số liệu",
            )
        elapsed = time.perf_counter() - started
    rate = REPLIES / elapsed
    return Result(
        name="ingest",
        setup=f"{REPLIES} trả lời (đang làm / ghi chú / đã nộp) của {len(units)} cán bộ, mỗi trả lời "
        "một giao dịch (xác định người dùng, kiểm tra quyền, ghi), SQLite WAL trên đĩa",
        numbers={
            "replies": REPLIES,
            "seconds": round(elapsed, 2),
            "replies_per_second": round(rate, 1),
        },
        target=f">= {TARGET:.0f} trả lời/giây",
        met=rate >= TARGET,
    )

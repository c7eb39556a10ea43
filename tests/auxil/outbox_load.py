"""A database with ready messages waiting in the outbox, and counts of their statuses: shared by
the crash test and the recovery benchmark."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select
from sqlmodel import col

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.db.models import Outbox
from kehoach_bot.domain.stored import DeliveryStatus, MessageKind
from kehoach_bot.services.bootstrap import prepare_database


def queue_messages(url: str, data_dir: Path, *, chats: int, per_chat: int) -> None:
    """Migrate and seed the database, then queue `per_chat` ready messages for each chat."""
    engine = make_engine(url)
    now = datetime.now(UTC)
    prepare_database(engine, Settings(database_url=url, data_dir=data_dir), now)
    rows = [
        {
            "dedupe_key": f"load:{chat}:{n}",
            "chat_id": 70_000 + chat,
            "stage": "thu",
            "kind": MessageKind.DIGEST.value,
            "text": f"Tin thử {n} cho {chat}",
            "status": DeliveryStatus.PENDING.value,
            "attempts": 0,
            "next_attempt_at": now - timedelta(minutes=1),
            "last_error": "",
            "claimed_by": "",
            "created_at": now,
        }
        for chat in range(chats)
        for n in range(per_chat)
    ]
    with engine.begin() as conn:
        conn.execute(insert(Outbox), rows)
    engine.dispose()


def statuses(url: str) -> Counter[str]:
    """How many outbox rows stand in each status."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return Counter(s for (s,) in conn.execute(select(col(Outbox.status))).all())
    finally:
        engine.dispose()

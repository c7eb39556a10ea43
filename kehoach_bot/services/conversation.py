"""What each person is in the middle of, kept in the database so a restart loses nothing.

The state arrives here as text already encoded by the Telegram layer; this module only stores it,
one row per person, one transaction per call. A person in the middle of nothing has no row.
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlmodel import col, select

from kehoach_bot.db.models import ConversationState
from kehoach_bot.runtime import Runtime


def load_all(runtime: Runtime) -> dict[int, str]:
    """Every stored state, by Telegram user id."""
    with runtime.transaction() as session:
        rows = session.exec(select(ConversationState)).all()
        return {row.telegram_user_id: row.state for row in rows}


def save(runtime: Runtime, *, user_id: int, state: str) -> None:
    """Keep a person's state, replacing what was kept before."""
    with runtime.transaction() as session:
        row = session.get(ConversationState, user_id)
        if row is None:
            session.add(
                ConversationState(telegram_user_id=user_id, state=state, updated_at=runtime.now())
            )
        else:
            row.state, row.updated_at = state, runtime.now()
            session.add(row)


def drop(runtime: Runtime, *, user_id: int) -> None:
    """Forget a person's state (they are in the middle of nothing, or it no longer reads)."""
    with runtime.transaction() as session:
        session.execute(
            delete(ConversationState).where(col(ConversationState.telegram_user_id) == user_id)
        )

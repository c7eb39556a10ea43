"""Engine and session factory: SQLite (WAL) by default, PostgreSQL by URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from kehoach_bot.db import clean_text, freshness


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; for an SQLite file, create its folder and turn on WAL and foreign keys.

    Sessions clean person-typed text before storing it from then on (`db.clean_text`), and its
    writes are followed so that unchanged reads can be reused (`db.freshness`)."""
    clean_text.install()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
    freshness.watch(engine)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session whose transaction commits on success and rolls back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def refresh_statistics(session: Session) -> None:
    """Keep the query planner's statistics current (PostgreSQL's autovacuum does it there).

    Without them SQLite reads a coordinator's plans through the occurrence table instead of
    through their obligations. A full ANALYZE: a sampled one (analysis_limit) misjudges the state
    index as selective and brings the slow plan back; the full one takes about 0.2 s per 400,000
    occurrences, once a day.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA analysis_limit=0"))
        session.execute(text("ANALYZE"))

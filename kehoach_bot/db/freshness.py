"""Reads kept while the database has not changed: a costly whole-plan count is reused exactly as
long as nothing was committed since it was made, by this process or any other.

Each watched engine has a generation that moves on
- when a connection of this process that ran a write (anything but a read, a PRAGMA or a
  transaction statement) goes back to the pool, i.e. after its commit or rollback;
- on SQLite, when `PRAGMA data_version` on the connection in hand differs from what that
  connection saw last (another connection or process committed), and the first time a
  connection is asked, since it has nothing to compare with.
On PostgreSQL the stamp also holds the transaction snapshot, which changes whenever any write
transaction of the server starts or ends. A value made under an older stamp is never returned.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection
from sqlmodel import Session

T = TypeVar("T")
KEPT = 64  # values kept per engine, the least recently used dropped first
_READS = ("SELECT", "PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "SHOW", "SET")
_VERSION = "kehoach_data_version"
_WROTE = "kehoach_wrote"


class _Watch:
    """One engine's generation and the values kept under it."""

    def __init__(self) -> None:
        self.generation = 0
        self.lock = threading.Lock()
        self.kept: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()

    def bump(self) -> None:
        with self.lock:
            self.generation += 1


_WATCHES: WeakKeyDictionary[Engine, _Watch] = WeakKeyDictionary()


def watch(engine: Engine) -> None:
    """Start following the writes of `engine` (done once, when the engine is made)."""
    if engine in _WATCHES:
        return
    watched = _Watch()
    _WATCHES[engine] = watched

    def note_write(conn: Connection, _cursor: Any, statement: str, *_rest: Any, **_kw: Any) -> None:
        if not statement.lstrip().upper().startswith(_READS):
            conn.connection.info[_WROTE] = True

    def after_release(_dbapi: Any, record: Any) -> None:
        # Back in the pool means committed or rolled back: readers from now on see it.
        if record is not None and record.info.pop(_WROTE, False):
            watched.bump()

    event.listen(engine, "after_cursor_execute", note_write)
    event.listen(engine.pool, "checkin", after_release)


def stamp(session: Session) -> Hashable | None:
    """What the database's state is known by now; None when the engine is not watched."""
    conn = session.connection()
    watched = _WATCHES.get(conn.engine)
    if watched is None:
        return None
    if conn.dialect.name == "sqlite":
        version = conn.exec_driver_sql("PRAGMA data_version").scalar()
        info = conn.connection.info
        if info.get(_VERSION) != version:
            info[_VERSION] = version
            watched.bump()
        return watched.generation
    if conn.dialect.name == "postgresql":
        snapshot = conn.exec_driver_sql("SELECT txid_current_snapshot()::text").scalar()
        return (watched.generation, snapshot)
    return None


def remember(session: Session, key: Hashable, make: Callable[[], T]) -> T:
    """`make()`, or the value it gave under the same `key` if nothing was committed since."""
    now = stamp(session)
    if now is None:
        return make()
    watched = _WATCHES[session.connection().engine]
    with watched.lock:
        found = watched.kept.get(key)
        if found is not None and found[0] == now:
            watched.kept.move_to_end(key)
            value: T = found[1]
            return value
    value = make()
    with watched.lock:
        watched.kept[key] = (now, value)
        watched.kept.move_to_end(key)
        while len(watched.kept) > KEPT:
            watched.kept.popitem(last=False)
    return value

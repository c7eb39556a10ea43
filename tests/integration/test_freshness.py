"""Reads kept while nothing was committed (`db.freshness`), on SQLite and PostgreSQL: reused while
the database is unchanged, made again after a write of this process or of another one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlmodel import Session

from kehoach_bot.db import freshness
from kehoach_bot.db.engine import make_engine, session_scope


class Counter:
    """A costly read stood in for: how many times it was made."""

    def __init__(self) -> None:
        self.made = 0

    def __call__(self) -> int:
        self.made += 1
        return self.made


def read(engine: Engine, counter: Counter, key: str = "k") -> int:
    with Session(engine) as session:
        return freshness.remember(session, key, counter)


def rename(engine: Engine, name: str) -> None:
    with session_scope(engine) as session:
        session.execute(text("UPDATE unit SET name = :name WHERE code = 'GL-SYT'"), {"name": name})


@pytest.fixture
def other_process(db_url: str) -> Iterator[Engine]:
    """A second engine on the same database, as the command line or a second process has."""
    made = make_engine(db_url)
    yield made
    made.dispose()


def test_a_read_is_reused_until_this_process_writes(engine: Engine) -> None:
    counter = Counter()
    assert read(engine, counter) == read(engine, counter) == 1
    rename(engine, "Sở Y tế (đổi tên)")
    assert read(engine, counter) == 2
    assert read(engine, counter) == 2


def test_a_write_of_another_process_is_seen(engine: Engine, other_process: Engine) -> None:
    counter = Counter()
    read(engine, counter)
    read(engine, counter)
    rename(other_process, "Sở Y tế (nơi khác)")
    assert read(engine, counter) == 2


def test_a_rolled_back_write_is_counted_as_a_change(engine: Engine) -> None:
    counter = Counter()
    read(engine, counter)
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        session.execute(text("UPDATE unit SET name = 'x' WHERE code = 'GL-SYT'"))
        raise RuntimeError("stop")
    assert read(engine, counter) == 2  # made again: erring towards fresh is the safe side


def test_keys_are_kept_apart_and_an_unwatched_engine_reuses_nothing(
    engine: Engine, db_url: str
) -> None:
    counter = Counter()
    assert read(engine, counter, "a") == 1
    assert read(engine, counter, "b") == 2
    assert read(engine, counter, "a") == 1
    plain = create_engine(db_url)
    try:
        first, second = read(plain, counter), read(plain, counter)
        assert (first, second) == (3, 4)
    finally:
        plain.dispose()

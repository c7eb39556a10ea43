"""Fresh databases for tests: a real SQLite file, or a real PostgreSQL database per test.

Building the schema and loading the seed plans once per session into a template, then copying the
template for each test, keeps every test isolated without paying for migrations each time.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from kehoach_bot.db.engine import make_engine

POSTGRES_ENV = "KEHOACH_TEST_POSTGRES_URL"
_counter = itertools.count()


def postgres_admin_url() -> str | None:
    """The PostgreSQL server the tests may create databases on, or None to skip that half."""
    return os.environ.get(POSTGRES_ENV) or None


def _pg_url(admin_url: str, name: str) -> str:
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


@contextmanager
def _admin(admin_url: str) -> Iterator[Engine]:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        yield engine
    finally:
        engine.dispose()


class DatabaseFactory:
    """Creates empty or pre-built databases of one backend."""

    def __init__(self, backend: str, workdir: Path) -> None:
        self.backend = backend
        self.workdir = workdir
        self.templates: dict[str, str] = {}
        self.created: list[str] = []

    def new_url(self) -> str:
        """A URL naming a database that does not exist yet (SQLite) or is empty (PostgreSQL)."""
        name = f"kb_test_{os.getpid()}_{next(_counter)}"
        if self.backend == "sqlite":
            return f"sqlite:///{self.workdir / (name + '.db')}"
        admin = postgres_admin_url()
        assert admin is not None
        with _admin(admin) as engine, engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        self.created.append(name)
        return _pg_url(admin, name)

    def copy_of(self, template_url: str) -> str:
        """A new database holding the same data as the template."""
        name = f"kb_test_{os.getpid()}_{next(_counter)}"
        if self.backend == "sqlite":
            source = Path(make_url(template_url).database or "")
            target = self.workdir / (name + ".db")
            shutil.copyfile(source, target)
            return f"sqlite:///{target}"
        admin = postgres_admin_url()
        assert admin is not None
        template = make_url(template_url).database
        with _admin(admin) as engine, engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        self.created.append(name)
        return _pg_url(admin, name)

    def engine(self, url: str) -> Engine:
        """An engine for a test database."""
        return make_engine(url)

    def drop_all(self) -> None:
        """Remove the PostgreSQL databases this factory made."""
        admin = postgres_admin_url()
        if self.backend != "postgresql" or admin is None:
            return
        with _admin(admin) as engine, engine.connect() as conn:
            for name in self.created:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

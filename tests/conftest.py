"""Shared fixtures: the clock, settings, and a fresh real database per test on each backend."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from kehoach_bot.config import Settings
from kehoach_bot.services.bootstrap import prepare_database
from tests.auxil.databases import DatabaseFactory, postgres_admin_url

# Tuesday 24/11/2026, 10:00 in Hà Nội: a fixed "now" so that statuses never depend on the day.
NOW = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)

if os.environ.get("CI") and postgres_admin_url() is None:
    raise pytest.UsageError("CI must run the PostgreSQL half: set KEHOACH_TEST_POSTGRES_URL")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            postgres_admin_url() is None, reason="KEHOACH_TEST_POSTGRES_URL is not set"
        ),
    ),
]


@pytest.fixture(scope="session", params=BACKENDS)
def factory(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DatabaseFactory]:
    """One database factory per backend for the whole session."""
    made = DatabaseFactory(request.param, tmp_path_factory.mktemp(request.param))
    yield made
    made.drop_all()


@pytest.fixture(scope="session")
def seeded_template(factory: DatabaseFactory, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database migrated and loaded with the five seed plans at NOW (built once)."""
    url = factory.new_url()
    engine = factory.engine(url)
    prepare_database(engine, make_settings(url, tmp_path_factory.mktemp("tmpl")), NOW)
    engine.dispose()
    return url


def make_settings(url: str, data_dir: Path) -> Settings:
    """Default settings pointing at a test database."""
    return Settings(database_url=url, data_dir=data_dir)


@pytest.fixture
def empty_url(factory: DatabaseFactory) -> str:
    """The URL of a brand-new, empty database."""
    return factory.new_url()


@pytest.fixture
def db_url(factory: DatabaseFactory, seeded_template: str) -> str:
    """The URL of a fresh copy of the seeded database."""
    return factory.copy_of(seeded_template)


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    """Settings for the seeded test database."""
    return make_settings(db_url, tmp_path / "data")


@pytest.fixture
def engine(factory: DatabaseFactory, db_url: str) -> Iterator[Engine]:
    """An engine on a fresh copy of the seeded database."""
    made = factory.engine(db_url)
    yield made
    made.dispose()

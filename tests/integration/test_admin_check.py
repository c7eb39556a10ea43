"""The one admin check (`people.require_admin`) the admin's services share: an admin named in the
settings or holding the admin role passes; anyone else is refused with the same words, and the
refusal changes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import Engine

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.domain.roles import Role
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import administration, groups, people
from kehoach_bot.services.errors import Forbidden
from kehoach_bot.texts import bot_vi
from tests.auxil.snapshot import snapshot
from tests.conftest import NOW
from tests.integration.test_services_behaviour import join

CONFIGURED_ADMIN, ROLE_ADMIN, COORDINATOR, STRANGER = 7901, 7902, 7903, 7904


@pytest.fixture
def runtime(engine: Engine, settings: Settings) -> Iterator[Runtime]:
    """A runtime whose settings name one admin."""
    named = replace(settings, telegram=replace(settings.telegram, admins=(CONFIGURED_ADMIN,)))
    made = Runtime(named, engine, lambda: NOW)
    yield made
    made.answers.shutdown()
    made.background.shutdown()


def test_admins_pass_and_get_their_actor_name(engine: Engine, runtime: Runtime) -> None:
    join(engine, ROLE_ADMIN, "GL-SYT", Role.ADMIN)
    with session_scope(engine) as session:
        for user_id in (CONFIGURED_ADMIN, ROLE_ADMIN):
            assert people.require_admin(runtime, session, user_id) == f"tg:{user_id}"


SERVICES: dict[str, Callable[[Runtime, int], Any]] = {
    "groups.groups": lambda rt, user: groups.groups(rt, user_id=user),
    "groups.find_group": lambda rt, user: groups.find_group(rt, user_id=user, code="GL-SONGANH"),
    "administration.plans": lambda rt, user: administration.plans(rt, user_id=user),
    "administration.invite": lambda rt, user: administration.invite(
        rt, user_id=user, unit_code="GL-SNV", role=Role.OFFICER, hours=24
    ),
}


@pytest.mark.parametrize("service", list(SERVICES))
def test_anyone_else_is_refused_in_the_same_words_and_nothing_changes(
    engine: Engine, runtime: Runtime, service: str
) -> None:
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    before = snapshot(engine)
    for user_id in (COORDINATOR, STRANGER):
        with pytest.raises(Forbidden) as refused:
            SERVICES[service](runtime, user_id)
        assert str(refused.value) == bot_vi.NOT_ALLOWED
    assert snapshot(engine) == before
    assert SERVICES[service](runtime, CONFIGURED_ADMIN) is not None

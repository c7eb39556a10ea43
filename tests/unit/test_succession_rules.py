"""Who owes an obligation once a unit is gone: routes, defaults, chains, cycles."""

from __future__ import annotations

import pytest

from kehoach_bot.domain.succession import Route, SuccessionCycle, successors_for

LABOUR, HOME, HEALTH = 1, 2, 3
PROTECTION_REPORT, OTHER_REPORT = 100, 200


def test_active_unit_owes_itself() -> None:
    assert successors_for(HOME, OTHER_REPORT, {}, set()) == [HOME]


def test_split_with_a_route_for_one_obligation() -> None:
    routes = {LABOUR: [Route(HEALTH, PROTECTION_REPORT), Route(HOME)]}
    assert successors_for(LABOUR, PROTECTION_REPORT, routes, {LABOUR}) == [HEALTH]
    assert successors_for(LABOUR, OTHER_REPORT, routes, {LABOUR}) == [HOME]


def test_district_to_every_commune() -> None:
    routes = {10: [Route(11), Route(12), Route(13)]}
    assert successors_for(10, OTHER_REPORT, routes, {10}) == [11, 12, 13]


def test_chain_of_successions_is_followed() -> None:
    routes = {1: [Route(2)], 2: [Route(3)]}
    assert successors_for(1, OTHER_REPORT, routes, {1, 2}) == [3]


def test_gone_unit_without_successor_owes_nothing() -> None:
    assert successors_for(1, OTHER_REPORT, {}, {1}) == []


def test_cycle_is_reported() -> None:
    with pytest.raises(SuccessionCycle):
        successors_for(1, OTHER_REPORT, {1: [Route(2)], 2: [Route(1)]}, {1, 2})

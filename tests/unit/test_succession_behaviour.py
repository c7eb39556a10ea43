"""Succession through the 2025 reorganisation: chains, per-obligation routes, shared successors."""

from __future__ import annotations

import pytest

from kehoach_bot.domain.succession import Route, SuccessionCycle, successors_for

# Bình Sơn district offices and what became of them in 2025.
PHONG_LDTBXH = 10  # Phòng LĐTBXH huyện: merged into Phòng Nội vụ on 1/3/2025
PHONG_NOI_VU = 11  # Phòng Nội vụ huyện: gone with the district level on 1/7/2025
SO_Y_TE = 20  # child protection went to the province's health department
XA_A, XA_B = 31, 32  # communes that took over the district's other tasks
CHILDREN_REPORT, LABOUR_REPORT = 100, 200


def test_a_per_obligation_route_two_steps_down_the_chain_is_honoured() -> None:
    routes = {
        PHONG_LDTBXH: [Route(PHONG_NOI_VU)],
        PHONG_NOI_VU: [Route(SO_Y_TE, CHILDREN_REPORT), Route(XA_A), Route(XA_B)],
    }
    gone = {PHONG_LDTBXH, PHONG_NOI_VU}
    assert successors_for(PHONG_LDTBXH, CHILDREN_REPORT, routes, gone) == [SO_Y_TE]
    assert successors_for(PHONG_LDTBXH, LABOUR_REPORT, routes, gone) == [XA_A, XA_B]


def test_a_successor_reached_twice_owes_once() -> None:
    routes = {1: [Route(2), Route(3)], 2: [Route(XA_A)], 3: [Route(XA_A), Route(XA_B)]}
    assert successors_for(1, LABOUR_REPORT, routes, {1, 2, 3}) == [XA_A, XA_B]


def test_a_unit_still_active_keeps_its_obligation_whatever_the_routes() -> None:
    routes = {PHONG_NOI_VU: [Route(XA_A)]}
    assert successors_for(PHONG_NOI_VU, LABOUR_REPORT, routes, set()) == [PHONG_NOI_VU]


def test_the_cycle_error_names_the_unit_where_it_loops() -> None:
    routes = {41: [Route(42)], 42: [Route(41)]}
    with pytest.raises(SuccessionCycle, match="41"):
        successors_for(41, LABOUR_REPORT, routes, {41, 42})

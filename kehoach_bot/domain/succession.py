"""Unit succession (sáp nhập, chia tách, giải thể): who owes a report once a unit is gone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kehoach_bot.texts import domain_vi as t


@dataclass(frozen=True, slots=True)
class Route:
    """One successor link: `successor` takes over, for one obligation or (None) for all."""

    successor: int
    obligation: int | None = None


class SuccessionCycle(ValueError):
    """The recorded successions loop back on themselves."""


def successors_for(
    unit: int,
    obligation: int,
    routes: Mapping[int, Sequence[Route]],
    inactive: frozenset[int] | set[int],
) -> list[int]:
    """The active units that owe `obligation` in place of `unit` (itself when still active).

    A route for this obligation wins over the default routes; a gone unit with no route at all
    yields nothing (the obligation lapses for it).
    """
    return _resolve(unit, obligation, routes, inactive, ())


def _resolve(
    unit: int,
    obligation: int,
    routes: Mapping[int, Sequence[Route]],
    inactive: frozenset[int] | set[int],
    trail: tuple[int, ...],
) -> list[int]:
    if unit not in inactive:
        return [unit]
    if unit in trail:
        raise SuccessionCycle(t.SUCCESSION_CYCLE.format(unit=unit))
    links = routes.get(unit, ())
    chosen = [r for r in links if r.obligation == obligation] or [
        r for r in links if r.obligation is None
    ]
    result: list[int] = []
    for route in chosen:
        for successor in _resolve(route.successor, obligation, routes, inactive, (*trail, unit)):
            if successor not in result:
                result.append(successor)
    return result

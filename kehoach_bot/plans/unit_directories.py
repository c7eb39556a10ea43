"""Unit directories (plans/data/units/*.toml) and the units a plan file declares itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kehoach_bot.plans.reading import FieldReader, PlanFileError, read_toml
from kehoach_bot.texts import plans_vi as t

# Kind code -> Vietnamese name; the codes are what a file may write as `kind`.
UNIT_KINDS = t.UNIT_KINDS
GROUP_KIND = "nhom"


@dataclass(frozen=True, slots=True)
class UnitSpec:
    """A unit or named group as a directory or plan file declares it."""

    code: str
    name: str
    short: str
    kind: str
    locality: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    is_group: bool = False
    members: tuple[str, ...] = ()
    ended_on: date | None = None
    successors: tuple[str, ...] = ()


def parse_units_directory(text: str, source: str) -> tuple[str, list[UnitSpec]]:
    """Parse a units directory file: (locality, units and groups)."""
    data = read_toml(text, source)
    problems: list[str] = []
    locality = FieldReader(data, "", problems).text("locality")
    units = read_units(data, locality, problems)
    if problems:
        raise PlanFileError(source, problems)
    return locality, units


def read_units(data: dict[str, Any], locality: str, problems: list[str]) -> list[UnitSpec]:
    """The [[units]] and [[groups]] of a file; what is wrong goes to `problems`."""
    reader = FieldReader(data, "", problems)
    specs: list[UnitSpec] = []
    for key, group in (("units", False), ("groups", True)):
        for i, raw in enumerate(reader.tables(key), start=1):
            spec = _unit_spec(raw, f"{key}[{i}]", locality, group, problems)
            if spec:
                specs.append(spec)
    seen: set[str] = set()
    for spec in specs:
        if spec.code in seen:
            problems.append(t.DUPLICATE_UNIT.format(code=spec.code))
        seen.add(spec.code)
    return specs


def _unit_spec(
    raw: dict[str, Any], where: str, locality: str, group: bool, problems: list[str]
) -> UnitSpec | None:
    r = FieldReader(raw, where, problems)
    before = len(problems)
    code = r.text("code")
    kind = GROUP_KIND if group else r.text("kind")
    if kind and kind not in UNIT_KINDS:
        r.fail("kind", t.BAD_UNIT_KIND.format(kind=kind, choices=", ".join(UNIT_KINDS)))
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        r.fail("aliases", t.NOT_NAMES)
        aliases = []
    spec = UnitSpec(
        code=code,
        name=r.text("name"),
        short=r.text("short", required=False),
        kind=kind,
        locality=locality,
        parent=r.optional_text("parent"),
        aliases=tuple(aliases),
        is_group=group,
        members=r.codes("members") if group else (),
        ended_on=r.day("ended_on"),
        successors=r.codes("successors"),
    )
    if spec.successors and spec.ended_on is None:
        r.fail("successors", t.SUCCESSORS_NEED_END)
    return spec if len(problems) == before else None

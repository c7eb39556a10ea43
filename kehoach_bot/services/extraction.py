"""Reading a plan from its own text: the file read, its duties drafted against the units the
database knows, and the draft plan file an admin checks before it is loaded like any other."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlmodel import Session, col, select

from kehoach_bot.db.models import Plan, Unit, UnitAlias
from kehoach_bot.plans.extract.documents import DocumentError, DocumentText, read_document
from kehoach_bot.plans.extract.draft import DraftPlan, to_json, to_toml
from kehoach_bot.plans.extract.matching import UnitName
from kehoach_bot.plans.extract.plan_reader import extract_plan
from kehoach_bot.runtime import Runtime
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.people import require_admin
from kehoach_bot.texts import extract_bot_vi as t

NATIONAL = "trung-uong"  # the directory of central bodies, named by plans of every locality


@dataclass(frozen=True, slots=True)
class Drafted:
    """A plan read from a file: what was found, the draft plan file and its suggested code."""

    plan: DraftPlan
    code: str
    locality: str
    toml: str
    json: dict[str, object]

    @property
    def file_name(self) -> str:
        """The name the draft plan file is offered under."""
        return f"{self.code}.toml"


def draft_plan(runtime: Runtime, *, user_id: int | None, name: str, content: bytes) -> Drafted:
    """Read a plan's file (.docx, .pdf, .txt) and draft its plan file; an admin's action in the
    bot (`user_id`), anyone's on the console (None). Changes nothing in the database."""
    if user_id is not None:
        with runtime.rolled_back() as session:
            require_admin(runtime, session, user_id)
    try:
        document = read_document(name, content)
    except DocumentError as error:
        raise InvalidInput(error.message) from None
    return draft_text(runtime, document, source=name)


def draft_text(runtime: Runtime, document: DocumentText | str, *, source: str) -> Drafted:
    """Draft the plan file of a text already read (a file, or text pasted in the bot)."""
    with runtime.rolled_back() as session:
        units = directory(session)
        taken = set(session.exec(select(Plan.code)).all())
    plan = extract_plan(document, units, source=source)
    if isinstance(document, DocumentText):
        plan = _with_notes(plan, document.notes)
    locality = _locality(plan, units)
    code = suggest_code(plan, locality, taken)
    directories = tuple(dict.fromkeys(d for d in (locality, NATIONAL) if d))
    return Drafted(
        plan=plan,
        code=code,
        locality=locality,
        toml=to_toml(
            plan,
            code=code,
            locality=locality,
            directories=directories,
            valid_from=runtime.today(),
        ),
        json=to_json(plan),
    )


def directory(session: Session) -> list[UnitName]:
    """Every unit the database knows, with its short name and aliases, for matching names."""
    aliases: dict[int, list[str]] = {}
    for unit_id, alias in session.exec(select(UnitAlias.unit_id, UnitAlias.alias)).all():
        aliases.setdefault(unit_id, []).append(alias)
    found: list[UnitName] = []
    for unit in session.exec(select(Unit).order_by(col(Unit.code))).all():
        assert unit.id is not None
        others = [unit.short_name] if unit.short_name else []
        found.append(
            UnitName(
                code=unit.code,
                name=unit.name,
                aliases=tuple(others + aliases.get(unit.id, [])),
                locality=unit.locality or None,
            )
        )
    return found


def suggest_code(plan: DraftPlan, locality: str, taken: set[str]) -> str:
    """A plan code from its locality and number ("gia-lai-743"), unique among the plans."""
    number = re.match(r"\s*(\d+)", plan.number or "")
    if number is not None:
        tail = number.group(1)
    elif plan.issued_on is not None:
        tail = plan.issued_on.strftime("%Y%m%d")
    else:
        tail = "moi"
    base = "-".join(part for part in (_slug(locality), tail) if part)[:60] or "ke-hoach"
    code, count = base, 2
    while code in taken:
        code, count = f"{base}-{count}", count + 1
    return code


def _locality(plan: DraftPlan, units: Sequence[UnitName]) -> str:
    """The locality of the plan's issuer, else the one most of its matched units share."""
    by_code = {unit.code: unit.locality or "" for unit in units}
    if plan.issuer is not None and plan.issuer.code and by_code.get(plan.issuer.code):
        return by_code[plan.issuer.code]
    seen: dict[str, int] = {}
    for obligation in plan.obligations:
        for unit in (*obligation.responsible, obligation.recipient, obligation.via):
            place = by_code.get(unit.code or "") if unit is not None else None
            if place and place != NATIONAL:
                seen[place] = seen.get(place, 0) + 1
    return max(seen, key=lambda place: seen[place]) if seen else ""


def _with_notes(plan: DraftPlan, notes: tuple[str, ...]) -> DraftPlan:
    return replace(plan, notes=(*plan.notes, *notes)) if notes else plan


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in folded if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def draft_pasted(runtime: Runtime, *, user_id: int, text: str, name: str) -> Drafted:
    """/kehoachmoi with pasted text: an admin's draft of the plan the text states."""
    with runtime.rolled_back() as session:
        require_admin(runtime, session, user_id)
    if not text.strip():
        raise InvalidInput(t.NOTHING_PASTED)
    return draft_text(runtime, unicodedata.normalize("NFC", text), source=name)

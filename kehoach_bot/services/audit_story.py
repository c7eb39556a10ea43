"""The audit log as people read it: each entry with its actor and subject named, resolved in the
reader's transaction (a person by name and unit, a period by report, unit and period label)."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from kehoach_bot.db.models import AdHocRequest, AuditLog, Obligation, Occurrence, Plan, Unit
from kehoach_bot.domain.vietnamese import shorten
from kehoach_bot.services import names

TITLE_LIMIT = 80
TELEGRAM_ACTOR = "tg:"
SERVER_ACTOR = "cli"


class ActorKind(enum.StrEnum):
    """Who wrote an entry: a person of the bot, a Telegram user unknown to it, the server's
    command line, or a name given as is (the seed loader, `--by`)."""

    PERSON = "person"
    ADMIN = "admin"  # a configured admin who never joined through an invite
    UNKNOWN_PERSON = "unknown_person"
    SERVER = "server"
    NAMED = "named"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acted, named."""

    kind: ActorKind
    name: str = ""
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Subject:
    """What an entry is about: a period (title, unit, period), an obligation (title, plan), a
    unit, a plan, a person (name, unit) or a request (title); empty when it is gone."""

    entity: str
    title: str = ""
    unit: str = ""
    period: str = ""
    plan: str = ""


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """One audit entry ready to be told: names resolved, before and after as recorded."""

    at: datetime
    action: str
    actor: Actor
    subject: Subject
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)  # code → name, of codes named


def _telegram_id(actor: str) -> int | None:
    rest = actor.removeprefix(TELEGRAM_ACTOR)
    return int(rest) if actor.startswith(TELEGRAM_ACTOR) and rest.isdigit() else None


def _codes(values: Iterable[Mapping[str, Any] | None]) -> set[str]:
    """Unit codes named in before/after: lists of codes under the keys that hold them."""
    found: set[str] = set()
    for value in values:
        for key in ("units", "successors", "groups", "members"):
            items = (value or {}).get(key)
            if isinstance(items, list):
                found.update(str(i) for i in items)
    return found


def _occurrences(session: Session, ids: set[int]) -> dict[int, Subject]:
    if not ids:
        return {}
    rows = session.exec(
        select(
            Occurrence.id,
            func.coalesce(col(AdHocRequest.title), col(Obligation.title)),
            Unit.name,
            Occurrence.period_label,
        )
        .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
        .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
        .outerjoin(AdHocRequest, col(AdHocRequest.id) == col(Occurrence.request_id))
        .where(col(Occurrence.id).in_(ids))
    ).all()
    return {
        oid: Subject("occurrence", shorten(title, TITLE_LIMIT), unit, period)
        for oid, title, unit, period in rows
        if oid is not None
    }


def _obligations(session: Session, ids: set[int]) -> dict[int, Subject]:
    if not ids:
        return {}
    rows = session.exec(
        select(Obligation.id, Obligation.title, Plan.code)
        .join(Plan, col(Plan.id) == col(Obligation.plan_id))
        .where(col(Obligation.id).in_(ids))
    ).all()
    return {
        oid: Subject("obligation", shorten(title, TITLE_LIMIT), plan=plan)
        for oid, title, plan in rows
        if oid is not None
    }


def _plans(session: Session, codes: set[str]) -> dict[str, Subject]:
    if not codes:
        return {}
    rows = session.exec(select(Plan.code, Plan.title).where(col(Plan.code).in_(codes))).all()
    return {code: Subject("plan", shorten(title, TITLE_LIMIT), plan=code) for code, title in rows}


def _ids(rows: list[AuditLog], entity: str) -> set[int]:
    return {int(r.entity_id) for r in rows if r.entity == entity and r.entity_id.isdigit()}


def story(session: Session, limit: int = 30, admins: tuple[int, ...] = ()) -> list[StoryEntry]:
    """The latest audit entries, newest first, with every name resolved."""
    rows = list(session.exec(select(AuditLog).order_by(col(AuditLog.id).desc()).limit(limit)))
    telegram_ids = {i for r in rows if (i := _telegram_id(r.actor)) is not None}
    telegram_ids |= _ids(rows, "person")
    people_by_tg = names.by_telegram_id(session, telegram_ids)
    unit_codes = {r.entity_id for r in rows if r.entity == "unit"}
    units = names.unit_names(
        session, unit_codes | _codes(v for r in rows for v in (r.before, r.after))
    )
    occurrences = _occurrences(session, _ids(rows, "occurrence"))
    obligations = _obligations(session, _ids(rows, "obligation"))
    plans = _plans(session, {r.entity_id for r in rows if r.entity == "plan"})

    def actor(text: str) -> Actor:
        telegram_id = _telegram_id(text)
        if telegram_id is not None:
            person = people_by_tg.get(telegram_id)
            if person is None:
                return Actor(ActorKind.ADMIN if telegram_id in admins else ActorKind.UNKNOWN_PERSON)
            return Actor(ActorKind.PERSON, person.name, person.unit)
        if text == SERVER_ACTOR or text.startswith(SERVER_ACTOR + ":"):
            return Actor(ActorKind.SERVER, text.removeprefix(SERVER_ACTOR).lstrip(":"))
        return Actor(ActorKind.NAMED, text)

    def subject(row: AuditLog) -> Subject:
        entity, key = row.entity, row.entity_id
        if entity == "occurrence" and key.isdigit():
            return occurrences.get(int(key), Subject(entity))
        if entity == "obligation" and key.isdigit():
            return obligations.get(int(key), Subject(entity))
        if entity == "unit":
            return Subject(entity, units.get(key, key))
        if entity == "plan":
            return plans.get(key, Subject(entity, key, plan=key))
        if entity == "person" and key.isdigit():
            person = people_by_tg.get(int(key))
            return Subject(entity, person.name, person.unit) if person else Subject(entity)
        title = (row.after or {}).get("title")
        return Subject(entity, shorten(str(title), TITLE_LIMIT) if title else "")

    return [
        StoryEntry(
            at=r.at,
            action=r.action,
            actor=actor(r.actor),
            subject=subject(r),
            before=r.before or {},
            after=r.after or {},
            units=units,
        )
        for r in rows
    ]

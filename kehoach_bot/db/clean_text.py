"""One place where person-typed text is cleaned before it is stored (`domain.text_clean`).

Two session events cover the two ways rows are written: `before_flush` for objects added or
changed through the ORM, `do_orm_execute` for INSERT and UPDATE statements run through a
session with parameters (replies and audit entries are inserted that way). Values written
inline in a statement (`update(...).values(text=...)`) or through `session.connection()` are
not seen: person-typed text is never written like that.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import SQLModel

from kehoach_bot.db.models import (
    AdHocRequest,
    AuditLog,
    Extension,
    Obligation,
    Person,
    Plan,
    Reply,
    Succession,
    Task,
    Unit,
    UnitAlias,
)
from kehoach_bot.domain.text_clean import clean_value

# The columns that hold what a person typed (a name, a note, an uploaded plan's text…).
CLEANED: dict[type[SQLModel], tuple[str, ...]] = {
    Reply: ("text", "file_name"),
    Extension: ("reason",),
    AdHocRequest: ("title", "requested_by"),
    Person: ("full_name",),
    Unit: ("name", "short_name"),
    UnitAlias: ("alias", "normalized"),
    Succession: ("note", "recorded_by"),
    Plan: ("title", "number"),
    Task: ("text", "timeline"),
    Obligation: ("title", "quote", "review_note"),
    AuditLog: ("actor", "before", "after"),
}
_BY_TABLE: dict[str, frozenset[str]] = {
    model.__tablename__: frozenset(columns)  # type: ignore[misc]
    for model, columns in CLEANED.items()
}


def install() -> None:
    """Clean person-typed text in every session from now on (idempotent)."""
    if not event.contains(OrmSession, "before_flush", _before_flush):
        event.listen(OrmSession, "before_flush", _before_flush)
    if not event.contains(OrmSession, "do_orm_execute", _before_execute):
        event.listen(OrmSession, "do_orm_execute", _before_execute)


def _before_flush(session: OrmSession, _context: Any, _instances: Any) -> None:
    for row in (*session.new, *session.dirty):
        for name in CLEANED.get(type(row), ()):
            value = getattr(row, name)
            cleaned = clean_value(value)
            if cleaned != value:
                setattr(row, name, cleaned)


def _before_execute(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update) or not state.parameters:
        return
    table = getattr(state.statement, "table", None)
    columns = _BY_TABLE.get(getattr(table, "name", ""))
    if not columns:
        return
    params = state.parameters
    if isinstance(params, dict):
        state.parameters = _cleaned(params, columns)
    else:
        state.parameters = [_cleaned(p, columns) for p in params]


def _cleaned(params: Any, columns: frozenset[str]) -> dict[str, Any]:
    return {k: clean_value(v) if k in columns else v for k, v in dict(params).items()}

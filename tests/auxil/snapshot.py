"""A fingerprint of every row in the database, to prove that a refused command changed nothing."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, MetaData, select

from kehoach_bot.services.audit import REFUSED

# What a person is in the middle of (a preview held, a file awaited) is not data a command
# changes: a preview keeps itself there, and tests/handlers/test_restart.py checks it apart.
NOT_DATA = {"conversationstate"}


def snapshot(engine: Engine, *, complete: bool = False) -> dict[str, str]:
    """Table name → SHA-256 of its rows in primary-key order; unless `complete`, conversation
    states and the audit entries of refusals are left out (a refusal changes no data)."""
    metadata = MetaData()
    metadata.reflect(engine)
    result: dict[str, str] = {}
    with engine.connect() as conn:
        for table in sorted(metadata.sorted_tables, key=lambda t: t.name):
            if table.name in NOT_DATA and not complete:
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            query = select(table).order_by(*order)
            if table.name == "auditlog" and not complete:  # a refusal leaves its entry only
                query = query.where(table.c.action != REFUSED)
            rows = conn.execute(query).all()
            digest = hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()
            result[table.name] = f"{len(rows)}:{digest}"
    return result

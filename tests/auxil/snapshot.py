"""A fingerprint of every row in the database, to prove that a refused command changed nothing."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, MetaData, select


def snapshot(engine: Engine) -> dict[str, str]:
    """Table name → SHA-256 of its rows in primary-key order."""
    metadata = MetaData()
    metadata.reflect(engine)
    result: dict[str, str] = {}
    with engine.connect() as conn:
        for table in sorted(metadata.sorted_tables, key=lambda t: t.name):
            order = list(table.primary_key.columns) or list(table.columns)
            rows = conn.execute(select(table).order_by(*order)).all()
            digest = hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()
            result[table.name] = f"{len(rows)}:{digest}"
    return result

"""Ad hoc requests name who asked: "tg:<id>" written by earlier versions becomes the person's
name and the unit the request goes to, as new requests store it

Revision ID: 073ac1a25332
Revises: 9fda82555078
Create Date: 2026-11-25 04:29:36.445560
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "073ac1a25332"
down_revision: str | None = "9fda82555078"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LENGTH = 120  # adhocrequest.requested_by


def upgrade() -> None:
    """Apply this revision."""
    request = sa.table(
        "adhocrequest",
        sa.column("id", sa.Integer()),
        sa.column("obligation_id", sa.Integer()),
        sa.column("requested_by", sa.String()),
    )
    obligation = sa.table(
        "obligation", sa.column("id", sa.Integer()), sa.column("recipient_id", sa.Integer())
    )
    unit = sa.table("unit", sa.column("id", sa.Integer()), sa.column("name", sa.String()))
    person = sa.table(
        "person",
        sa.column("telegram_user_id", sa.BigInteger()),
        sa.column("full_name", sa.String()),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(request.c.id, request.c.requested_by, unit.c.name)
        .select_from(request)
        .join(obligation, obligation.c.id == request.c.obligation_id)
        .outerjoin(unit, unit.c.id == obligation.c.recipient_id)
        .where(request.c.requested_by.like("tg:%"))
    ).all()
    for request_id, actor, unit_name in rows:
        number = actor.removeprefix("tg:")
        if not number.isdigit():
            continue
        name = bind.execute(
            sa.select(person.c.full_name).where(person.c.telegram_user_id == int(number))
        ).scalar()
        parts = [p for p in (name, unit_name) if p]
        if not parts:
            continue  # nobody to name: left as it was
        text = ", ".join(parts)
        text = text if len(text) <= LENGTH else text[: LENGTH - 1] + "…"
        bind.execute(request.update().where(request.c.id == request_id).values(requested_by=text))


def downgrade() -> None:
    """Revert this revision: the names stay (the Telegram ids are in the audit log)."""

"""What a claimed outbox row says when its turn comes, re-checked against the database.

A reminder whose occurrence was submitted, waived, extended or moved, a request card whose
officer left the unit, an extension request already decided: each is cancelled rather than sent.
Everything else comes back as plain data for the renderer.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, select

from kehoach_bot.db.models import Extension, Obligation, Reply
from kehoach_bot.domain.reminders import MAX_WEEKLY, latest_and_next
from kehoach_bot.domain.status import State
from kehoach_bot.domain.stored import DeliveryStatus, ExtensionStatus, MessageKind
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import outbox
from kehoach_bot.services.chase import is_remind_again
from kehoach_bot.services.outbox import Claimed, mark_cancelled
from kehoach_bot.services.reminders import officer_chats
from kehoach_bot.services.replies import ExtensionView, extension_view
from kehoach_bot.services.tracking import OccurrenceView, views_by_id


@dataclass(frozen=True, slots=True)
class Ready:
    """A row that is still due, with what its message shows."""

    row: Claimed
    view: OccurrenceView | None = None
    extension: ExtensionView | None = None
    note: str = ""  # the officer's words (stuck notes)


def prepare(
    session: Session,
    rows: Sequence[Claimed],
    *,
    today: date,
    lead_days: tuple[int, ...],
    max_weekly: int = MAX_WEEKLY,
) -> list[Ready]:
    """The rows still due, ready to render; the others are marked cancelled."""
    occurrence_ids = {r.occurrence_id for r in rows if r.occurrence_id is not None}
    views = views_by_id(session, occurrence_ids, today)
    officers = officer_chats(session, {v.unit_id for v in views.values()})
    leads = _lead_days(session, {v.obligation_id for v in views.values()})
    replies = _replies(session, [r.subject_id for r in rows if _about_reply(r)])
    extensions = _extensions(session, [r.subject_id for r in rows if _about_extension(r)])
    ready: list[Ready] = []
    for row in rows:
        view = views.get(row.occurrence_id) if row.occurrence_id is not None else None
        reason = _why_not(
            row, view, officers, leads, lead_days, max_weekly, today, extensions, replies
        )
        if reason:
            mark_cancelled(session, row.id, reason=reason)
            continue
        extension = extensions.get(row.subject_id or 0) if _about_extension(row) else None
        note = replies.get(row.subject_id or 0, "") if _about_reply(row) else ""
        ready.append(Ready(row, view, extension, note))
    return ready


def _why_not(
    row: Claimed,
    view: OccurrenceView | None,
    officers: dict[int, list[tuple[int, int]]],
    leads: dict[int, list[int] | None],
    default_lead: tuple[int, ...],
    max_weekly: int,
    today: date,
    extensions: dict[int, ExtensionView],
    replies: dict[int, str],
) -> str:
    if row.kind in (MessageKind.DIGEST, MessageKind.CHART):
        return ""
    if view is None:
        return "occurrence gone"
    if row.kind in (MessageKind.REMINDER, MessageKind.REQUEST):
        if view.state is not State.OPEN:
            return "submitted, waived or transferred"
        if row.chat_id not in {chat for _, chat in officers.get(view.unit_id, [])}:
            return "recipient no longer an officer of the unit"
    if row.kind is MessageKind.REMINDER and not is_remind_again(row.stage):
        latest, _ = latest_and_next(
            view.deadline, leads.get(view.obligation_id) or default_lead, today, max_weekly
        )
        if latest is None or latest.key != row.stage:
            return "stage no longer due (deadline changed or extended)"
    if _about_reply(row) and row.subject_id not in replies:
        return "answer withdrawn"
    if _about_extension(row):
        extension = extensions.get(row.subject_id or 0)
        if extension is None:
            return "extension gone"
        decided = extension.status is not ExtensionStatus.PENDING
        if row.kind is MessageKind.EXTENSION_REQUEST and decided:
            return "extension already decided"
    return ""


def _about_reply(row: Claimed) -> bool:
    return row.kind in _REPLY_NOTICES and row.subject_id is not None


_REPLY_NOTICES = (MessageKind.SUBMITTED, MessageKind.REPLACED, MessageKind.STUCK)


def _about_extension(row: Claimed) -> bool:
    return row.kind in (MessageKind.EXTENSION_REQUEST, MessageKind.EXTENSION_DECISION)


def _lead_days(session: Session, obligation_ids: set[int]) -> dict[int, list[int] | None]:
    if not obligation_ids:
        return {}
    rows = session.exec(
        select(Obligation.id, Obligation.lead_days).where(col(Obligation.id).in_(obligation_ids))
    ).all()
    return {oid: list(lead) if lead else None for oid, lead in rows if oid is not None}


def _replies(session: Session, ids: list[int | None]) -> dict[int, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    rows = session.exec(select(Reply.id, Reply.text).where(col(Reply.id).in_(wanted))).all()
    return {rid: text for rid, text in rows if rid is not None}


def _extensions(session: Session, ids: list[int | None]) -> dict[int, ExtensionView]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    rows = session.exec(select(Extension).where(col(Extension.id).in_(wanted))).all()
    return {row.id or 0: extension_view(row) for row in rows}


class Outcome(enum.StrEnum):
    """What became of one send."""

    SENT = "sent"
    RETRIED = "retried"
    FAILED = "failed"
    UNDELIVERABLE = "undeliverable"
    CANCELLED = "cancelled"


def claim_ready(runtime: Runtime, *, worker: str, limit: int) -> tuple[list[Ready], int]:
    """Claim due rows for `worker` and keep those still due; (ready rows, rows claimed)."""
    now = runtime.now()
    with runtime.transaction() as session:
        outbox.release_expired_claims(session, now=now)
        rows = outbox.claim(session, now=now, worker=worker, limit=limit)
        reminders = runtime.settings.reminders
        ready = prepare(
            session,
            rows,
            today=runtime.today(),
            lead_days=reminders.lead_days,
            max_weekly=reminders.max_weekly,
        )
    return ready, len(rows)


def record_outcome(
    runtime: Runtime,
    row_id: int,
    outcome: Outcome,
    *,
    error: str = "",
    wait: timedelta | None = None,
    message_id: int = 0,
) -> Outcome:
    """Mark one row with what its send did; a retry past the limit becomes a failure."""
    now = runtime.now()
    with runtime.transaction() as session:
        if outcome is Outcome.RETRIED:
            status = outbox.mark_retry(session, row_id, error=error, now=now, wait=wait)
            return Outcome.FAILED if status is DeliveryStatus.FAILED else outcome
        if outcome is Outcome.SENT:
            outbox.mark_sent(session, row_id, message_id=message_id, now=now)
        elif outcome is Outcome.UNDELIVERABLE:
            outbox.mark_undeliverable(session, row_id, error=error)
        else:
            outbox.mark_failed(session, row_id, error=error)
    return outcome


def renew(runtime: Runtime, row_ids: list[int], *, worker: str) -> None:
    """Extend the lease of the rows a worker still holds."""
    if row_ids:
        with runtime.transaction() as session:
            outbox.renew_claims(session, row_ids, worker=worker, now=runtime.now())


def give_back(runtime: Runtime, row_ids: list[int], *, worker: str) -> None:
    """Return rows a worker claimed but will not send."""
    if row_ids:
        with runtime.transaction() as session:
            outbox.unclaim(session, row_ids, worker=worker)


def release_at_start(runtime: Runtime, *, dead: Callable[[str], bool]) -> int:
    """Give back the claims of processes that died: on SQLite all of them (one bot process
    runs, and the one starting replaces it), elsewhere those `dead` recognises."""
    with runtime.transaction() as session:
        if runtime.engine.dialect.name == "sqlite":
            return outbox.release_all_claims(session)
        gone = [worker for worker in outbox.claim_holders(session) if dead(worker)]
        released = outbox.release_claims_of(session, gone)
        return released + outbox.release_expired_claims(session, now=runtime.now())


def due_now(runtime: Runtime) -> bool:
    """True when a pending row may be sent now."""
    with runtime.transaction() as session:
        upcoming = outbox.next_due(session)
    return upcoming is not None and upcoming <= runtime.now()

"""An officer's actions, one transaction each: see what is owed, open a report to answer it,
answer (đang làm, vướng mắc, đã nộp with or without the file), ask for an extension.

Each looks the person up, checks on the server that they answer for the report's unit, writes,
queues the notices for the coordinators in the same transaction, and returns plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from sqlmodel import Session

from kehoach_bot.domain.stored import MessageKind, ReplyKind
from kehoach_bot.domain.vietnamese import BadDate, parse_date
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import card_facts, notices, replies, tracking
from kehoach_bot.services.card_facts import CardInfo
from kehoach_bot.services.errors import Forbidden, InvalidInput
from kehoach_bot.services.people import Identity, identify
from kehoach_bot.services.replies import Attachment, ExtensionView, ReplyOutcome
from kehoach_bot.services.tracking import OccurrenceView
from kehoach_bot.texts import bot_vi as t


@dataclass(frozen=True, slots=True)
class Owed:
    """What the person's units still owe, the most urgent first."""

    known: bool
    views: list[OccurrenceView]


def who(runtime: Runtime, user_id: int) -> Identity:
    """Who a Telegram user is, read fresh."""
    with runtime.transaction() as session:
        return identify(session, user_id, runtime.settings.telegram.admins)


def owed(runtime: Runtime, *, user_id: int) -> Owed:
    """/viec: the open reports of the person's units."""
    with runtime.transaction() as session:
        identity = identify(session, user_id, runtime.settings.telegram.admins)
        if not identity.memberships:
            return Owed(False, [])
        return Owed(True, tracking.owed(session, identity, runtime.today()))


def open_for_answer(runtime: Runtime, *, user_id: int, occurrence_id: int) -> OccurrenceView:
    """A report the person may answer for (Forbidden otherwise)."""
    with runtime.transaction() as session:
        identity = identify(session, user_id, runtime.settings.telegram.admins)
        view = tracking.get_view(session, occurrence_id, runtime.today())
        if not tracking.may_answer(identity, view):
            raise Forbidden(t.FORBIDDEN_LOGGED)
        return view


def _undo_window(runtime: Runtime) -> timedelta:
    return timedelta(minutes=runtime.settings.telegram.undo_minutes)


def _card(session: Session, runtime: Runtime, identity: Identity, view: OccurrenceView) -> CardInfo:
    return card_facts.card_info(
        session,
        view,
        identity,
        now=runtime.now(),
        tz=runtime.settings.tz,
        undo_window=_undo_window(runtime),
    )


def card(runtime: Runtime, *, user_id: int, occurrence_id: int) -> CardInfo:
    """A report the person may answer for, with the answers given so far (Forbidden otherwise)."""
    with runtime.transaction() as session:
        identity = identify(session, user_id, runtime.settings.telegram.admins)
        view = tracking.get_view(session, occurrence_id, runtime.today())
        if not tracking.may_answer(identity, view):
            raise Forbidden(t.FORBIDDEN_LOGGED)
        return _card(session, runtime, identity, view)


def answer(
    runtime: Runtime,
    *,
    user_id: int,
    occurrence_id: int,
    kind: ReplyKind,
    text: str = "",
    message_id: int | None = None,
    attachment: Attachment | None = None,
    replacing: bool = False,
) -> ReplyOutcome:
    """Record a reply; a submission, a replacement or a stuck note is queued for the
    coordinators once. A repeated answer stores nothing and tells nobody (`already`)."""
    now = runtime.now()
    with runtime.transaction() as session:
        identity = identify(session, user_id, runtime.settings.telegram.admins)
        outcome = replies.record_reply(
            session,
            identity=identity,
            occurrence_id=occurrence_id,
            kind=kind,
            text=text,
            message_id=message_id,
            attachment=attachment,
            replacing=replacing,
            now=now,
            today=runtime.today(),
            tz=runtime.settings.tz,
        )
        notice = {ReplyKind.SUBMITTED: MessageKind.SUBMITTED, ReplyKind.STUCK: MessageKind.STUCK}
        if kind in notice and not outcome.already:
            replaced = kind is ReplyKind.SUBMITTED and not outcome.first_submission
            notices.tell_coordinators(
                session,
                outcome.view,
                MessageKind.REPLACED if replaced else notice[kind],
                outcome.reply_id,
                now=now,
            )
        view = tracking.get_view(session, occurrence_id, runtime.today())
        return replace(outcome, card=_card(session, runtime, identity, view))


@dataclass(frozen=True, slots=True)
class Undone:
    """An answer taken back, and the card after it."""

    kind: ReplyKind
    told: bool  # the coordinators had been told: they get a notice that it was taken back
    file_path: str | None  # the file to remove once the change is committed
    card: CardInfo


def undo(runtime: Runtime, *, user_id: int, reply_id: int) -> Undone:
    """↩️ Hoàn tác: take back one's own answer within the configured window."""
    now = runtime.now()
    with runtime.transaction() as session:
        identity = identify(session, user_id, runtime.settings.telegram.admins)
        taken = card_facts.withdraw(
            session,
            identity=identity,
            reply_id=reply_id,
            now=now,
            today=runtime.today(),
            tz=runtime.settings.tz,
            undo_window=_undo_window(runtime),
        )
        view = tracking.get_view(session, taken.occurrence_id, runtime.today())
        if taken.told:
            notices.tell_withdrawn(session, view, reply_id, taken.kind, now=now)
        return Undone(
            taken.kind, taken.told, taken.file_path, _card(session, runtime, identity, view)
        )


HISTORY_LIMIT = 20


def history(
    runtime: Runtime, *, user_id: int, occurrence_id: int | None = None
) -> list[card_facts.Submission]:
    """/danop: the latest submissions of the person's units, or of one report."""
    with runtime.transaction() as session:
        identity = identify(session, user_id, runtime.settings.telegram.admins)
        if not identity.memberships:
            raise Forbidden(t.NOT_KNOWN)
        return card_facts.submissions(
            session,
            identity,
            occurrence_id=occurrence_id,
            today=runtime.today(),
            tz=runtime.settings.tz,
            limit=HISTORY_LIMIT,
        )


@dataclass(frozen=True, slots=True)
class ExtensionAsked:
    """The stored extension request and its report."""

    extension: ExtensionView
    view: OccurrenceView
    card: CardInfo | None = None


def ask_extension(
    runtime: Runtime, *, user_id: int, occurrence_id: int, proposed_text: str, reason: str
) -> ExtensionAsked:
    """Ask the coordinators to move the last on-time day; they get the request with buttons."""
    try:
        proposed = parse_date(proposed_text)
    except BadDate as exc:
        raise InvalidInput(str(exc)) from exc
    now = runtime.now()
    with runtime.transaction() as session:
        identity = identify(session, user_id, runtime.settings.telegram.admins)
        extension, view = replies.request_extension(
            session,
            identity=identity,
            occurrence_id=occurrence_id,
            proposed=proposed,
            reason=reason,
            now=now,
            today=runtime.today(),
        )
        notices.tell_coordinators(
            session, view, MessageKind.EXTENSION_REQUEST, extension.id, now=now
        )
        return ExtensionAsked(extension, view, _card(session, runtime, identity, view))

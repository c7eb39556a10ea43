"""Who is looking at the board: one-time sign-in links, sessions opened from them or from
Telegram's Mini App, and the person behind a session with their current roles.

Only SHA-256 hashes of tokens and session keys are stored; the clear values are returned once,
to be sent or set as a cookie. A revoked person is refused at their next request.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from kehoach_bot.db.models import (
    BoardLink,
    BoardSession,
)
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import audit
from kehoach_bot.services.errors import Forbidden, InvalidInput, ServiceError
from kehoach_bot.services.people import Identity, identify
from kehoach_bot.texts import board_vi as t

LINKS_PER_HOUR = 5  # sign-in links one person may ask for in an hour
MAX_SECRET_CHARS = 200  # longer tokens and keys are refused before hashing


class SignedOut(ServiceError):
    """No valid session: never signed in, expired, or the person lost every role."""


class BoardOff(ServiceError):
    """The board is not enabled in the configuration."""


def digest(secret: str) -> str:
    """The stored form of a sign-in token or a session key."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class IssuedLink:
    """A fresh one-time sign-in link: its URL holds the token, shown once, never stored."""

    url: str
    expires_at: datetime  # UTC
    expires_text: str  # local "HH:MM dd/mm/yyyy"


@dataclass(frozen=True, slots=True)
class OpenedSession:
    """A new session: `key` goes into the signed cookie, only its hash is stored."""

    key: str
    telegram_user_id: int
    issued_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class SessionRef:
    """What a verified cookie names: whose session it is and its key."""

    telegram_user_id: int
    key: str


def issue_link(runtime: Runtime, *, telegram_user_id: int, actor: str) -> IssuedLink:
    """/bang and `board-link`: a one-time sign-in link for a known person (rate-limited)."""
    board = runtime.settings.board
    if not board.enabled:
        raise BoardOff(t.BOARD_OFF)
    now = runtime.now()
    with runtime.transaction() as session:
        identity = identify(session, telegram_user_id, runtime.settings.telegram.admins)
        if not identity.known:
            raise Forbidden(t.PERSON_UNKNOWN.format(telegram_id=telegram_user_id))
        recent = session.exec(
            select(func.count())
            .select_from(BoardLink)
            .where(
                BoardLink.telegram_user_id == telegram_user_id,
                col(BoardLink.created_at) > now - timedelta(hours=1),
            )
        ).one()
        if recent >= LINKS_PER_HOUR:
            raise InvalidInput(t.TOO_MANY_LINKS.format(count=recent, minutes=60))
        token = secrets.token_urlsafe(32)
        expires_at = now + timedelta(minutes=board.link_minutes)
        session.add(
            BoardLink(
                token_hash=digest(token),
                telegram_user_id=telegram_user_id,
                created_by=actor[:120],
                created_at=now,
                expires_at=expires_at,
            )
        )
        audit.record(
            session,
            actor=actor,
            action="board_link",
            entity="person",
            entity_id=telegram_user_id,
            after={"expires_at": expires_at.isoformat()},
            now=now,
        )
    local = expires_at.astimezone(runtime.settings.tz)
    return IssuedLink(
        url=f"{board.base_url}/vao/{token}",
        expires_at=expires_at,
        expires_text=f"{local:%H:%M} {format_date(local.date())}",
    )


def sign_in_with_link(runtime: Runtime, *, token: str) -> OpenedSession:
    """`GET /vao/<token>`: spend the link once and open a session; SignedOut if it is not valid."""
    if not token or len(token) > MAX_SECRET_CHARS:
        raise SignedOut(t.LINK_REFUSED)
    now = runtime.now()
    with runtime.transaction() as session:
        # Spent by one statement, so of two requests with the same link only one wins.
        spent = session.execute(
            update(BoardLink)
            .where(
                col(BoardLink.token_hash) == digest(token),
                col(BoardLink.used_at).is_(None),
                col(BoardLink.expires_at) > now,
            )
            .values(used_at=now)
            .returning(col(BoardLink.telegram_user_id))
        ).first()
        if spent is None:
            raise SignedOut(t.LINK_REFUSED)
        return _open(session, runtime, int(spent[0]), "link", now)


def sign_in_from_telegram(runtime: Runtime, *, telegram_user_id: int) -> OpenedSession:
    """`POST /vao/telegram`: open a session for a user whose Mini App initData was verified."""
    now = runtime.now()
    with runtime.transaction() as session:
        return _open(session, runtime, telegram_user_id, "telegram", now)


def _open(
    session: Session, runtime: Runtime, telegram_user_id: int, via: str, now: datetime
) -> OpenedSession:
    identity = identify(session, telegram_user_id, runtime.settings.telegram.admins)
    if not identity.known:
        raise SignedOut(t.NO_ACCESS)
    key = secrets.token_urlsafe(24)
    expires_at = now + timedelta(hours=runtime.settings.board.session_hours)
    session.add(
        BoardSession(
            key_hash=digest(key),
            telegram_user_id=telegram_user_id,
            via=via,
            created_at=now,
            expires_at=expires_at,
        )
    )
    audit.record(
        session,
        actor=f"tg:{telegram_user_id}",
        action="board_sign_in",
        entity="person",
        entity_id=telegram_user_id,
        after={"via": via},
        now=now,
    )
    return OpenedSession(key, telegram_user_id, now, expires_at)


def session_viewer(session: Session, runtime: Runtime, ref: SessionRef) -> Identity:
    """The person behind a live session, with their current roles; SignedOut otherwise."""
    if len(ref.key) > MAX_SECRET_CHARS:
        raise SignedOut(t.SIGNED_OUT)
    found = session.exec(
        select(BoardSession.telegram_user_id).where(
            BoardSession.key_hash == digest(ref.key),
            col(BoardSession.expires_at) > runtime.now(),
        )
    ).first()
    if found is None or found != ref.telegram_user_id:
        raise SignedOut(t.SIGNED_OUT)
    identity = identify(session, ref.telegram_user_id, runtime.settings.telegram.admins)
    if not identity.known:
        raise SignedOut(t.NO_ACCESS)
    return identity

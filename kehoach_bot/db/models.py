"""SQLModel tables. Names follow the domain: Unit, Plan, Task, Obligation, Occurrence, Reply…"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, MetaData, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from kehoach_bot.db.types import UtcDateTime, utcnow
from kehoach_bot.domain.status import State
from kehoach_bot.domain.stored import DeliveryStatus, ExtensionStatus, MessageKind, ObligationRole

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def _ts(**kwargs: Any) -> Any:
    return Field(sa_type=UtcDateTime, **kwargs)


# --- Units ---------------------------------------------------------------------------------


class Unit(SQLModel, table=True):
    """An agency or office (đơn vị): a Sở, a Phòng, an UBND, a party office — or a named group."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=300)
    short_name: str = Field(default="", max_length=120)
    kind: str = Field(max_length=32)  # so, phong, ubnd_tinh, ubnd_huyen, ubnd_xa, dang, ..., nhom
    locality: str = Field(default="", max_length=64, index=True)
    parent_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    is_group: bool = False
    active: bool = True
    ended_on: date | None = None
    created_at: datetime = _ts(default_factory=utcnow)


class UnitAlias(SQLModel, table=True):
    """Another name a unit goes by; `normalized` is the matching key within a locality."""

    __table_args__ = (UniqueConstraint("locality", "normalized", name="uq_unitalias_name"),)
    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    locality: str = Field(default="", max_length=64)
    alias: str = Field(max_length=300)
    normalized: str = Field(max_length=300)


class GroupMember(SQLModel, table=True):
    """Membership of a unit in a named group such as "UBND các xã, thị trấn"."""

    group_id: int = Field(foreign_key="unit.id", primary_key=True)
    member_id: int = Field(foreign_key="unit.id", primary_key=True, index=True)


class Succession(SQLModel, table=True):
    """A recorded merger, split or replacement: `successor` takes over from `predecessor`."""

    id: int | None = Field(default=None, primary_key=True)
    predecessor_id: int = Field(foreign_key="unit.id", index=True)
    successor_id: int = Field(foreign_key="unit.id", index=True)
    obligation_id: int | None = Field(default=None, foreign_key="obligation.id", index=True)
    kind: str = Field(max_length=16)  # merge, split, replace
    effective_on: date
    recorded_by: str = Field(max_length=120)
    recorded_at: datetime = _ts(default_factory=utcnow)
    note: str = Field(default="", sa_type=Text)


# --- Plans, tasks, obligations -------------------------------------------------------------


class Plan(SQLModel, table=True):
    """An implementation plan (Kế hoạch) as loaded from its plan file."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64, unique=True)
    number: str = Field(default="", max_length=64)
    title: str = Field(sa_type=Text)
    issuer_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    issued_on: date | None = None
    locality: str = Field(default="", max_length=64)
    valid_from: date | None = None
    valid_to: date | None = None
    # Theo dõi từ: periods whose last on-time day is earlier are history, never chased.
    tracked_from: date | None = None
    source_file: str = Field(default="", max_length=300)
    content_hash: str = Field(default="", max_length=64)
    version: int = 1
    loaded_at: datetime = _ts(default_factory=utcnow)


class PlanRevision(SQLModel, table=True):
    """Every loaded version of a plan file, kept as history."""

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    version: int
    content_hash: str = Field(max_length=64)
    content: str = Field(sa_type=Text)
    loaded_by: str = Field(max_length=120)
    loaded_at: datetime = _ts(default_factory=utcnow)


class Task(SQLModel, table=True):
    """A task of the plan (nhiệm vụ) with its reference such as "III.2.a"."""

    __table_args__ = (UniqueConstraint("plan_id", "ref", name="uq_task_plan_ref"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id")
    ref: str = Field(max_length=32)
    text: str = Field(sa_type=Text)
    timeline: str = Field(default="", max_length=300)


class TaskUnit(SQLModel, table=True):
    """A unit's role in a task: lead (chủ trì) or coordinating (phối hợp)."""

    task_id: int = Field(foreign_key="task.id", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", primary_key=True, index=True)
    role: str = Field(max_length=16, primary_key=True)  # lead, coordinating


class Obligation(SQLModel, table=True):
    """A reporting obligation: who sends which report, to whom, through whom, by when."""

    __table_args__ = (UniqueConstraint("plan_id", "code", name="uq_obligation_plan_code"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id")
    code: str = Field(max_length=64)
    title: str = Field(sa_type=Text)
    report_kind: str = Field(max_length=16)  # dinh_ky, chuyen_de, dot_xuat, mot_lan
    schedule: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    wording: str = Field(max_length=32)
    recipient_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    via_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    quote: str = Field(sa_type=Text)
    valid_from: date | None = None
    valid_to: date | None = None
    lead_days: list[int] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    needs_review: bool = False
    review_note: str = Field(default="", sa_type=Text)
    active: bool = True


class ObligationUnit(SQLModel, table=True):
    """A unit (or group) named by an obligation: responsible, or an extra recipient."""

    obligation_id: int = Field(foreign_key="obligation.id", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", primary_key=True, index=True)
    role: str = Field(default=ObligationRole.RESPONSIBLE.value, max_length=16, primary_key=True)


class AdHocRequest(SQLModel, table=True):
    """A coordinator's ad hoc request (yêu cầu đột xuất) with its own deadline."""

    id: int | None = Field(default=None, primary_key=True)
    obligation_id: int = Field(foreign_key="obligation.id", index=True)
    title: str = Field(sa_type=Text)
    due_date: date
    wording: str = Field(max_length=32)
    requested_by: str = Field(max_length=120)
    requested_at: datetime = _ts(default_factory=utcnow)


# --- Occurrences ---------------------------------------------------------------------------


class Occurrence(SQLModel, table=True):
    """One obligation × one period × one responsible unit."""

    __table_args__ = (
        UniqueConstraint("obligation_id", "unit_id", "period_key", name="uq_occurrence_key"),
        Index("ix_occurrence_state_last_day", "state", "last_day"),
        Index("ix_occurrence_unit_due", "unit_id", "due_date"),
        Index("ix_occurrence_state_next_remind", "state", "next_remind_on"),
        # A coordinator's table finds the period being chased, then reads that period only.
        Index("ix_occurrence_obligation_period", "obligation_id", "period_key"),
        Index("ix_occurrence_obligation_due", "obligation_id", "due_date"),
    )
    id: int | None = Field(default=None, primary_key=True)
    obligation_id: int = Field(foreign_key="obligation.id")
    unit_id: int = Field(foreign_key="unit.id")
    request_id: int | None = Field(default=None, foreign_key="adhocrequest.id", index=True)
    period_key: str = Field(max_length=64)
    period_label: str = Field(max_length=200)
    data_from: date | None = None
    data_to: date | None = None
    due_date: date
    wording: str = Field(max_length=32)
    last_day: date
    remind_by: date
    state: str = Field(default=State.OPEN.value, max_length=16)
    submitted_at: datetime | None = _ts(default=None, nullable=True)
    # The local day of the first submission: on time or late is decided on it, in SQL too.
    submitted_on: date | None = None
    extended_to: date | None = None
    routed_from_id: int | None = Field(default=None, foreign_key="occurrence.id", index=True)
    # Recipient and "qua" office of this period: the obligation's, followed through successions
    # in force on the period's last on-time day (a later merger does not rewrite history).
    recipient_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    via_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    # The tick looks only at open occurrences whose next reminder day has come; None = compute.
    next_remind_on: date | None = None
    created_at: datetime = _ts(default_factory=utcnow)
    updated_at: datetime = _ts(default_factory=utcnow)


# --- People, invites, replies, extensions (used by the bot) ---------------------------------


class Person(SQLModel, table=True):
    """A Telegram user known to the bot."""

    id: int | None = Field(default=None, primary_key=True)
    telegram_user_id: int = Field(sa_type=BigInteger, unique=True)
    chat_id: int | None = Field(default=None, sa_type=BigInteger)
    full_name: str = Field(default="", max_length=200)
    active: bool = True
    created_at: datetime = _ts(default_factory=utcnow)


class Membership(SQLModel, table=True):
    """A person's role in a unit: officer, coordinator or admin."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", primary_key=True, index=True)
    role: str = Field(max_length=16, primary_key=True)
    created_at: datetime = _ts(default_factory=utcnow)
    revoked_at: datetime | None = _ts(default=None, nullable=True)


class Invite(SQLModel, table=True):
    """A one-time invite; only the hash of its code is stored."""

    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(max_length=64, unique=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    role: str = Field(max_length=16)
    created_by: str = Field(max_length=120)
    created_at: datetime = _ts(default_factory=utcnow)
    expires_at: datetime = _ts()
    used_at: datetime | None = _ts(default=None, nullable=True)
    used_by_id: int | None = Field(default=None, foreign_key="person.id", index=True)


class Reply(SQLModel, table=True):
    """A status reply to an occurrence; replies are never overwritten."""

    id: int | None = Field(default=None, primary_key=True)
    occurrence_id: int = Field(foreign_key="occurrence.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    kind: str = Field(max_length=16)  # submitted, in_progress, stuck, extension, note
    text: str = Field(default="", sa_type=Text)
    telegram_message_id: int | None = Field(default=None, sa_type=BigInteger)
    file_name: str | None = Field(default=None, max_length=300)
    file_path: str | None = Field(default=None, max_length=500)
    file_size: int | None = None
    file_sha256: str | None = Field(default=None, max_length=64)
    created_at: datetime = _ts(default_factory=utcnow)


class Extension(SQLModel, table=True):
    """A request to move an occurrence's deadline, and the coordinator's decision."""

    id: int | None = Field(default=None, primary_key=True)
    occurrence_id: int = Field(foreign_key="occurrence.id", index=True)
    requested_by_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    proposed_date: date
    reason: str = Field(default="", sa_type=Text)
    status: str = Field(default=ExtensionStatus.PENDING.value, max_length=16)
    decided_by_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    decided_at: datetime | None = _ts(default=None, nullable=True)
    created_at: datetime = _ts(default_factory=utcnow)


# --- Outbox and audit ------------------------------------------------------------------------


class Outbox(SQLModel, table=True):
    """A message to send; (occurrence, recipient, stage) is unique so enqueueing is idempotent.

    `dedupe_key` spells the same key as one string so that messages without an occurrence
    (digests) are deduplicated too: SQL treats NULLs in a composite key as all different.
    """

    __table_args__ = (
        UniqueConstraint("occurrence_id", "chat_id", "stage", name="uq_outbox_key"),
        Index("ix_outbox_status_next", "status", "next_attempt_at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(max_length=160, unique=True)
    occurrence_id: int | None = Field(default=None, foreign_key="occurrence.id")
    chat_id: int = Field(sa_type=BigInteger)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    # The reply or extension a notice is about (reminders and requests name the occurrence).
    subject_id: int | None = None
    stage: str = Field(max_length=64)
    kind: str = Field(default=MessageKind.REMINDER.value, max_length=16)
    text: str = Field(sa_type=Text)
    status: str = Field(default=DeliveryStatus.PENDING.value, max_length=16)
    claimed_by: str = Field(default="", max_length=64)
    claimed_at: datetime | None = _ts(default=None, nullable=True)
    attempts: int = 0
    next_attempt_at: datetime = _ts(default_factory=utcnow)
    telegram_message_id: int | None = Field(default=None, sa_type=BigInteger)
    last_error: str = Field(default="", sa_type=Text)
    created_at: datetime = _ts(default_factory=utcnow)
    sent_at: datetime | None = _ts(default=None, nullable=True)


class AuditLog(SQLModel, table=True):
    """Who changed what, when: before → after."""

    id: int | None = Field(default=None, primary_key=True)
    actor: str = Field(max_length=120)
    action: str = Field(max_length=64)
    entity: str = Field(max_length=64)
    entity_id: str = Field(default="", max_length=64)
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    at: datetime = _ts(default_factory=utcnow)


class Heartbeat(SQLModel, table=True):
    """The last run of a recurring job (the tick, the digests) and what it did."""

    name: str = Field(primary_key=True, max_length=32)
    at: datetime = _ts()
    info: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


# --- Conversation state ----------------------------------------------------------------------


class ConversationState(SQLModel, table=True):
    """What one person is in the middle of (a file awaited, a preview held), kept across restarts.

    `state` is the person's state as JSON text, read and written by the Telegram layer's codec;
    text rather than a JSON column so that one unreadable row cannot stop the others loading."""

    telegram_user_id: int = Field(
        sa_type=BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    state: str = Field(sa_type=Text)
    updated_at: datetime = _ts(default_factory=utcnow)


# --- The board (web) -------------------------------------------------------------------------


class BoardLink(SQLModel, table=True):
    """A one-time sign-in link to the board; only the SHA-256 of its token is stored."""

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    telegram_user_id: int = Field(sa_type=BigInteger, index=True)
    created_by: str = Field(max_length=120)
    created_at: datetime = _ts()
    expires_at: datetime = _ts()
    used_at: datetime | None = _ts(default=None, nullable=True)


class BoardSession(SQLModel, table=True):
    """A signed-in browser; the cookie names it by a random id whose SHA-256 is stored here."""

    id: int | None = Field(default=None, primary_key=True)
    key_hash: str = Field(max_length=64, unique=True)
    telegram_user_id: int = Field(sa_type=BigInteger, index=True)
    via: str = Field(max_length=16)  # "link" or "telegram" (Mini App initData)
    created_at: datetime = _ts()
    expires_at: datetime = _ts()

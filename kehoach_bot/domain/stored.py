"""Statuses and kinds the database stores, as enums; a row holds the enum's value.

Occurrence states and status categories live in `status`, roles of people in `roles`.
"""

from __future__ import annotations

import enum


class MessageKind(enum.StrEnum):
    """What an outbox row carries; all but digests are rendered fresh when sent."""

    REMINDER = "reminder"  # nhắc hạn: an occurrence, one stage
    REQUEST = "request"  # yêu cầu đột xuất: the card of an ad hoc request
    SUBMITTED = "submitted"  # to coordinators: a unit submitted (reply id)
    REPLACED = "replaced"  # to coordinators: a unit sent a replacement report (reply id)
    WITHDRAWN = "withdrawn"  # to coordinators: a unit took back an answer they were told of
    STUCK = "stuck"  # to coordinators: a unit is stuck (reply id)
    EXTENSION_REQUEST = "ext_request"  # to coordinators, with buttons (extension id)
    EXTENSION_DECISION = "ext_decision"  # to the unit (extension id)
    DIGEST = "digest"  # ready text: a coordinator's digest or weekly summary
    CHART = "chart"  # to coordinators on Mondays: the plan's chart, drawn when sent (plan id)


class DeliveryStatus(enum.StrEnum):
    """Where an outbox row stands."""

    PENDING = "pending"
    SENDING = "sending"  # claimed by a dispatcher, under a lease
    SENT = "sent"
    FAILED = "failed"  # gave up: a malformed message or too many transient errors
    UNDELIVERABLE = "undeliverable"  # blocked, never started, chat not found
    CANCELLED = "cancelled"  # no longer due when its turn came


class ReplyKind(enum.StrEnum):
    """What an officer says about an occurrence."""

    SUBMITTED = "submitted"
    IN_PROGRESS = "in_progress"
    STUCK = "stuck"
    NOTE = "note"


class ExtensionStatus(enum.StrEnum):
    """An extension request and the coordinator's decision."""

    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"


class ObligationRole(enum.StrEnum):
    """Why an obligation names a unit."""

    RESPONSIBLE = "responsible"  # must report
    RECIPIENT = "recipient"  # an extra recipient


class TaskRole(enum.StrEnum):
    """A unit's part in a task."""

    LEAD = "lead"  # chủ trì
    COORDINATING = "coordinating"  # phối hợp


class SuccessionKind(enum.StrEnum):
    """How a unit handed over to its successors."""

    MERGE = "merge"  # sáp nhập
    SPLIT = "split"  # chia tách
    REPLACE = "replace"  # thay thế

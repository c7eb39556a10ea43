"""Errors that services raise; every message is plain Vietnamese, ready to show to a user."""

from __future__ import annotations


class ServiceError(Exception):
    """A request that cannot be carried out; `str(error)` is the Vietnamese explanation."""


class NotFound(ServiceError):
    """A code or id that names nothing."""


class InvalidInput(ServiceError):
    """Input that is well-formed but not acceptable (a date in the past, a cycle, …)."""


class Forbidden(ServiceError):
    """The person may not do this (another unit's report, or a role they do not hold)."""

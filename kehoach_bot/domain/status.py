"""Status categories of government task tracking, computed from dates and `now`."""

from __future__ import annotations

import enum
from datetime import date, timedelta


class State(enum.StrEnum):
    """What has happened to an occurrence (stored)."""

    OPEN = "open"
    DONE = "done"
    WAIVED = "waived"  # miễn: the coordinator released the unit from this report
    TRANSFERRED = "transferred"  # the unit was merged/split; a successor owes it now


class Status(enum.StrEnum):
    """The four categories (plus none) that digests and exports speak."""

    OPEN_ON_TIME = "open_on_time"  # đang thực hiện trong hạn
    OPEN_OVERDUE = "open_overdue"  # đang thực hiện quá hạn
    DONE_ON_TIME = "done_on_time"  # hoàn thành đúng hạn
    DONE_LATE = "done_late"  # hoàn thành quá hạn
    WAIVED = "waived"
    TRANSFERRED = "transferred"
    NOT_TRACKED = "not_tracked"  # không theo dõi: open, but its last day is before tracking began


DUE_SOON_DAYS = 3


def effective_last_day(last_day: date, extended_to: date | None) -> date:
    """The last on-time day after an approved extension."""
    return max(last_day, extended_to) if extended_to else last_day


def status_of(
    state: State,
    last_day: date,
    today: date,
    submitted_on: date | None = None,
    extended_to: date | None = None,
    tracked_from: date | None = None,
) -> Status:
    """Classify an occurrence on `today` (local); `tracked_from` is its plan's "theo dõi từ"."""
    deadline = effective_last_day(last_day, extended_to)
    if state is State.WAIVED:
        return Status.WAIVED
    if state is State.TRANSFERRED:
        return Status.TRANSFERRED
    if state is State.DONE:
        on_time = submitted_on is not None and submitted_on <= deadline
        return Status.DONE_ON_TIME if on_time else Status.DONE_LATE
    if tracked_from is not None and deadline < tracked_from:
        return Status.NOT_TRACKED
    return Status.OPEN_ON_TIME if today <= deadline else Status.OPEN_OVERDUE


def is_due_soon(
    status: Status, last_day: date, today: date, extended_to: date | None = None
) -> bool:
    """Sắp đến hạn: still open and the last on-time day is within three days."""
    if status is not Status.OPEN_ON_TIME:
        return False
    deadline = effective_last_day(last_day, extended_to)
    return today <= deadline <= today + timedelta(days=DUE_SOON_DAYS)

"""Deadline semantics: the date as written, the plan's wording, and the last on-time day.

"trước ngày D" means before D; "chậm nhất ngày D" and "đến ngày D" include D. Where the last day
falls on a weekend or public holiday, Civil Code 2015 Art. 148(5) carries it to the end of the next
working day — but never carries a "trước ngày D" deadline to D or later.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from kehoach_bot.domain.working_days import (
    is_working_day,
    next_working_day,
    previous_working_day,
)
from kehoach_bot.texts import domain_vi as t


class Wording(enum.StrEnum):
    """How the plan words a deadline."""

    BEFORE = "truoc_ngay"  # trước ngày D
    NO_LATER_THAN = "cham_nhat"  # chậm nhất ngày D
    BY = "den_ngay"  # đến ngày D / trong ngày D
    AS_REGULATED = "theo_quy_dinh"  # "đúng thời gian quy định", "theo quy định": no date written


WORDING_TEXT: dict[Wording, str] = {
    Wording.BEFORE: t.WORDING_BEFORE,
    Wording.NO_LATER_THAN: t.WORDING_NO_LATER_THAN,
    Wording.BY: t.WORDING_BY,
    Wording.AS_REGULATED: t.WORDING_AS_REGULATED,
}


class BeforePolicy(enum.StrEnum):
    """Whether D itself still counts as on time for "trước ngày D"."""

    EXCLUSIVE = "exclusive"  # default: a submission on D is late
    INCLUSIVE = "inclusive"


@dataclass(frozen=True, slots=True)
class DeadlinePolicy:
    """The configurable rules that turn a written date into the last on-time day."""

    before: BeforePolicy = BeforePolicy.EXCLUSIVE
    working_day_shift: bool = True


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline after all rules: `last_day` counts as on time, `remind_by` is a working day."""

    written: date
    wording: Wording
    last_day: date
    remind_by: date
    shifted: bool


def last_on_time_day(written: date, wording: Wording, policy: DeadlinePolicy) -> Deadline:
    """Apply the wording and the working-day shift to the date as written."""
    if wording is Wording.AS_REGULATED:
        raise ValueError("an undated obligation has no deadline")
    exclusive = wording is Wording.BEFORE and policy.before is BeforePolicy.EXCLUSIVE
    last = written - timedelta(days=1) if exclusive else written
    shifted = False
    if policy.working_day_shift and not is_working_day(last):
        candidate = next_working_day(last)
        ceiling = written - timedelta(days=1) if wording is Wording.BEFORE else None
        if ceiling is None or candidate <= ceiling:
            last, shifted = candidate, True
    return Deadline(
        written=written,
        wording=wording,
        last_day=last,
        remind_by=previous_working_day(last),
        shifted=shifted,
    )

"""Ad hoc requests: the requester's answer, and who asked as the cards show it."""

from __future__ import annotations

from collections.abc import Sequence

from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.services.coordination import AdHocSent
from kehoach_bot.services.tracking import OccurrenceView
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import requests_vi


def ad_hoc_sent(sent: AdHocSent) -> str:
    """The answer to /dotxuat: where the request went, and the units nobody there can get it."""
    text = t.AD_HOC_DONE.format(
        count=len(sent.units),
        units=", ".join(sent.units),
        last_day=format_date(sent.last_day),
        sent=sent.queued,
    )
    if sent.without_officer:
        text += "\n" + without_officer(sent.without_officer)
    return text


def without_officer(units: Sequence[tuple[str, str]]) -> str:
    """The chosen units where no officer pressed Start: nobody there gets the card."""
    names = requests_vi.UNITS_SEPARATOR.join(
        requests_vi.NO_OFFICER_UNIT.format(code=code, name=name) for code, name in units
    )
    return requests_vi.NO_OFFICER.format(count=len(units), units=names)


def requested_by(view: OccurrenceView) -> str | None:
    """The line naming who asked, for an ad hoc request's periods; None for a plan's own."""
    if view.requested_by is None:
        return None
    return requests_vi.REQUESTED_BY.format(requester=view.requested_by)

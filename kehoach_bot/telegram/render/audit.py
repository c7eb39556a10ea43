"""/nhatky: each audit entry as a Vietnamese sentence — who, did what, to what, when."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from kehoach_bot.domain.vietnamese import format_date, shorten
from kehoach_bot.services.audit_story import Actor, ActorKind, StoryEntry, Subject
from kehoach_bot.services.names import PersonName
from kehoach_bot.telegram.render.pages import paginate
from kehoach_bot.texts import messages_vi as t

VALUE_LIMIT = 120
REFUSAL_WORDS = ("refused", "refusal", "forbidden", "denied")


def moment(at: datetime, tz: ZoneInfo) -> str:
    """dd/mm/yyyy HH:MM in the agencies' timezone."""
    local = at.astimezone(tz)
    return f"{format_date(local.date())} {local:%H:%M}"


def person(name: PersonName | Actor) -> str:
    """A person as users know them: name and unit."""
    label = name.name or t.PERSON_NO_NAME
    return t.PERSON_IN_UNIT.format(name=label, unit=name.unit) if name.unit else label


def who(actor: Actor) -> str:
    """Who acted."""
    if actor.kind is ActorKind.PERSON:
        return person(actor)
    if actor.kind is ActorKind.UNKNOWN_PERSON:
        return t.ACTOR_UNKNOWN_PERSON
    if actor.kind is ActorKind.ADMIN:
        return t.ACTOR_ADMIN
    if actor.kind is ActorKind.SERVER:
        return t.ACTOR_SERVER.format(name=actor.name) if actor.name else t.ACTOR_SERVER_ANONYMOUS
    return actor.name


def subject(found: Subject) -> str:
    """What an entry is about, named; a readable placeholder when it is gone."""
    if found.entity == "occurrence" and found.title:
        return t.SUBJECT_OCCURRENCE.format(title=found.title, unit=found.unit, period=found.period)
    if found.entity == "obligation" and found.title:
        return t.SUBJECT_OBLIGATION.format(title=found.title, plan=found.plan)
    if found.entity == "plan" and found.title:
        return t.SUBJECT_OBLIGATION.format(title=found.title, plan=found.plan)
    if found.entity == "person" and found.title:
        return person(PersonName(found.title, found.unit))
    return found.title or t.SUBJECT_GONE


def _day(value: Any, tz: ZoneInfo) -> str:
    """An ISO date or moment as recorded, written the Vietnamese way."""
    if not value:
        return t.NOTHING
    text = str(value)
    try:
        if "T" in text:
            return moment(datetime.fromisoformat(text), tz)
        return format_date(date.fromisoformat(text))
    except ValueError:
        return shorten(text, VALUE_LIMIT)


def _units(codes: Iterable[Any], names: Mapping[str, str]) -> str:
    shown = [names.get(str(code), str(code)) for code in codes]
    return t.LIST_SEPARATOR.join(shown) or t.NOTHING


def _value(value: Any) -> str:
    if value is None or value == "":
        return t.NOTHING
    if isinstance(value, list):
        return t.LIST_SEPARATOR.join(str(v) for v in value) or t.NOTHING
    return shorten(str(value), VALUE_LIMIT)


def _changed(entry: StoryEntry) -> tuple[str, str]:
    """An edited field's value before and after (obligation edits keep one key each side)."""
    before = next(iter(entry.before.values()), None)
    after = next(iter(entry.after.values()), None)
    return _value(before), _value(after)


def _fields(entry: StoryEntry, tz: ZoneInfo) -> dict[str, str]:
    before, after = entry.before, entry.after
    old = [str(c) for c in before.get("members") or []]
    new = [str(c) for c in after.get("members") or []]
    changed_before, changed_after = _changed(entry)
    role = str(after.get("role", ""))
    return {
        "file": t.FILE_SUFFIX.format(file=after["file"]) if after.get("file") else "",
        "proposed": _day(after.get("proposed"), tz),
        "extended_to": _day(after.get("extended_to"), tz),
        "title": shorten(str(after.get("title", "")), VALUE_LIMIT),
        "units": _units(after.get("units") or [], entry.units),
        "due": _day(after.get("due"), tz),
        "alias": _value(after.get("alias")),
        "added": _units([c for c in new if c not in old], entry.units),
        "removed": _units([c for c in old if c not in new], entry.units),
        "before": _day(before.get("tracked_from"), tz)
        if entry.action == "plan_tracked_from"
        else changed_before,
        "after": _day(after.get("tracked_from"), tz)
        if entry.action == "plan_tracked_from"
        else changed_after,
        "version": _value(after.get("version")),
        "role": t.ROLE_NAMES.get(role, t.ROLE_UNKNOWN),
        "expires": _day(after.get("expires_at"), tz),
        "successors": _units(after.get("successors") or [], entry.units),
        "ended": _day(after.get("ended_on"), tz),
        "reason": _value(after.get("reason")),
    }


def _is_refusal(action: str) -> bool:
    return any(word in action for word in REFUSAL_WORDS)


def sentence(entry: StoryEntry, tz: ZoneInfo) -> str:
    """One entry as a sentence; an action no template knows still reads as one."""
    actor, about = who(entry.actor), subject(entry.subject)
    template = t.AUDIT_ACTIONS.get(entry.action)
    if template is not None:
        return template.format(who=actor, subject=about, **_fields(entry, tz))
    if _is_refusal(entry.action):
        reason = entry.after.get("reason") or entry.after.get("message")
        if reason:
            return t.AUDIT_REFUSED.format(who=actor, reason=shorten(str(reason), VALUE_LIMIT))
        return t.AUDIT_REFUSED_NO_REASON.format(who=actor)
    if entry.subject.title:
        return t.AUDIT_GENERIC.format(who=actor, subject=about)
    return t.AUDIT_GENERIC_NO_SUBJECT.format(who=actor)


def audit_log(entries: Sequence[StoryEntry], tz: ZoneInfo) -> list[str]:
    """Recent audit entries as sentences, newest first, paged."""
    if not entries:
        return [t.AUDIT_EMPTY]
    lines = [t.AUDIT_LINE.format(at=moment(e.at, tz), sentence=sentence(e, tz)) for e in entries]
    return paginate(lines, t.AUDIT_TITLE)

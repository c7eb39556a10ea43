"""The tasks of a plan with their lead and coordinating units as written, and their timelines.

Three sources: blocks ("Cơ quan chủ trì: …", "Cơ quan phối hợp: …", "Thời gian thực hiện: …"),
task tables, and sentences ("Giao Sở X chủ trì, phối hợp với Y …", "Sở X chủ trì …").
Units stay names as written; matching them to the directory is a later step.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kehoach_bot.plans.extract.sentences import fold, split_sentences
from kehoach_bot.texts import extract_structure_vi as w

if TYPE_CHECKING:
    from kehoach_bot.plans.extract.structure import Section


@dataclass(frozen=True, slots=True)
class TaskText:
    """A task as the plan writes it: units are names, not codes."""

    ref: str
    section: str
    text: str
    timeline: str | None
    lead: tuple[str, ...]
    coordinating: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of a task table, its cells by column kind ("task", "lead", …)."""

    section_ref: str
    section_heading: str
    values: Mapping[str, str]


def table_columns(folded: Sequence[str]) -> tuple[str, ...] | None:
    """The column kinds of a task table's header cells; None unless it is one."""
    kinds: list[str] = []
    for cell in folded:
        kind = _column(cell)
        if kind is None:
            return None
        kinds.append(kind)
    return tuple(kinds) if "task" in kinds and "lead" in kinds else None


def _column(cell: str) -> str | None:
    if cell in w.TABLE_COLUMNS["tt"]:
        return "tt"
    for kind in ("lead", "coordinating", "timeline", "task", "other"):
        if any(word in cell for word in w.TABLE_COLUMNS[kind]):
            return kind
    return None


def find_tasks(sections: Sequence[Section], rows: Sequence[TableRow]) -> list[TaskText]:
    """Every task the sections and task tables state, in reading order."""
    by_ref = {s.ref: s for s in sections}
    parents = {s.parent for s in sections if s.parent is not None}
    tasks: list[TaskText] = []
    for section in sections:
        if not section.ref:
            continue
        tasks += _section_tasks(section, by_ref, is_leaf=section.ref not in parents)
    for row in rows:
        task = _row_task(row)
        if task is not None:
            tasks.append(task)
    return tasks


def _section_tasks(
    section: Section, by_ref: dict[str, Section], *, is_leaf: bool
) -> list[TaskText]:
    heading = _group_heading(section, by_ref)
    own_text = [] if section.heading_only else [section.heading]
    block, rest = _block(section)
    if block:
        text = " ".join(own_text + rest)
        return [
            TaskText(
                section.ref,
                heading,
                text,
                block.get("timeline"),
                split_units(block.get("lead", "")),
                split_units(block.get("coordinating", "")),
            )
        ]
    if section.heading_only and section.depth >= 2:
        named = heading_units(section.heading)
        top = _top(section, by_ref)
        if named and (not top.heading or _in_task_part(section, by_ref)):
            text = " ".join(p.text for p in section.paragraphs)
            _, coordinating = sentence_units(text)
            return [
                TaskText(section.ref, section.heading, text, _timeline(text), named, coordinating)
            ]
    if not is_leaf or not _in_task_part(section, by_ref):
        return []
    if not section.heading_only:
        text = " ".join(own_text + [p.text for p in section.paragraphs])
        return [_sentence_task(section.ref, heading, text)]
    bullets = [p for p in section.paragraphs if p.bullet]
    if not bullets:
        text = " ".join(p.text for p in section.paragraphs)
        return [_sentence_task(section.ref, heading, text)] if text else []
    return [
        _sentence_task(f"{section.ref}.{number}", heading, bullet.text)
        for number, bullet in enumerate(bullets, start=1)
    ]


def _sentence_task(ref: str, heading: str, text: str) -> TaskText:
    lead, coordinating = sentence_units(text)
    return TaskText(ref, heading, text, _timeline(text), lead, coordinating)


def _row_task(row: TableRow) -> TaskText | None:
    text = row.values.get("task", "").strip()
    number = row.values.get("tt", "").strip().rstrip(".)")
    lead = split_units(row.values.get("lead", ""))
    if not text or (not lead and re.fullmatch(r"[IVX]+", number)):
        return None
    ref = f"{row.section_ref}.{number}" if row.section_ref and number else number or row.section_ref
    timeline = row.values.get("timeline", "").strip() or None
    coordinating = split_units(row.values.get("coordinating", ""))
    return TaskText(ref, row.section_heading, text, timeline, lead, coordinating)


# --- blocks ------------------------------------------------------------------------------------

_BLOCK = re.compile(
    r"^(?P<label>(?:cơ quan|đơn vị|chủ trì|phối hợp|thời gian|thời hạn|tiến độ)[^:]{0,40}?)\s*:\s*"
    r"(?P<value>.*)$",
    re.IGNORECASE,
)


def _block(section: Section) -> tuple[dict[str, str], list[str]]:
    """The block's lead, coordinating and timeline values, and the other paragraphs."""
    found: dict[str, str] = {}
    rest: list[str] = []
    for paragraph in section.paragraphs:
        match = _BLOCK.match(paragraph.text)
        kind = _label(match["label"]) if match else None
        if match is None or kind is None or kind in found:
            rest.append(paragraph.text)
            continue
        found[kind] = match["value"].strip().rstrip(".;").strip()
    return found, rest


def _label(label: str) -> str | None:
    lowered = label.lower()
    if w.COORDINATING_LABEL in lowered:
        return "coordinating"
    if w.LEAD_LABEL in lowered:
        return "lead"
    if lowered.startswith(w.TIMELINE_LABELS):
        return "timeline"
    return None


# --- sentences ---------------------------------------------------------------------------------

_HEADS = "|".join(sorted((re.escape(h) for h in w.UNIT_HEADS), key=len, reverse=True))
_STARTS_UNIT = re.compile(
    rf"^(?:(?:{_HEADS})\b(?!\s+(?:{'|'.join(w.NOT_UNITS)})\b)|(?i:các)\s+(?i:{'|'.join(w.GROUP_KINDS)})\b)"
)
_VERB = re.compile(r"(?<!\S)(?:" + "|".join(re.escape(v) for v in w.DUTY_VERBS) + r")(?![\w])")
_NOUN_BEFORE = ("các", "những", "cơ quan", "đơn vị")
_ASSIGN = re.compile(r"(?:^|(?<=[\s,;]))(?i:" + "|".join(w.ASSIGNING) + r")\s+")
_COORDINATE = re.compile(r"phối hợp(?:\s+với)?\s+")
_BEFORE_DATE = re.compile(r"trước ngày \d{1,2}/\d{1,2}(?:/\d{4})?", re.IGNORECASE)


def sentence_units(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Lead and coordinating units named by the text's own sentences."""
    lead: list[str] = []
    coordinating: list[str] = []
    for sentence in split_sentences(text):
        parts = re.split(r"(?<=;)\s+", sentence)
        named = list(_assigned(sentence) or _subject(sentence))
        for part in parts[1:]:
            named += [u for u in _subject(part) if u not in named]
        lead += [u for u in named if u not in lead]
        found = _COORDINATE.search(sentence)
        if found and named and _STARTS_UNIT.match(sentence[found.end() :]):
            after = _units_until_verb(sentence[found.end() :])
            coordinating += [u for u in after if u not in coordinating and u not in lead]
    return tuple(lead), tuple(coordinating)


def _assigned(part: str) -> tuple[str, ...]:
    for found in _ASSIGN.finditer(part):
        rest = part[found.end() :]
        if _STARTS_UNIT.match(rest):
            return _units_until_verb(rest)
    return ()


def _subject(part: str) -> tuple[str, ...]:
    part = re.sub(r"^[-–+•]\s*", "", part.strip())
    return _units_until_verb(part) if _STARTS_UNIT.match(part) else ()


def starts_unit(text: str) -> bool:
    """True when the text begins with a unit's name ("Sở Y tế …", "các cơ quan …")."""
    return _STARTS_UNIT.match(text) is not None


def _first_verb(text: str) -> int | None:
    """Where the first duty verb starts ("các tổ chức" is a noun, not "tổ chức")."""
    for match in _VERB.finditer(text):
        if not text[: match.start()].rstrip().lower().endswith(_NOUN_BEFORE):
            return match.start()
    return None


def _units_until_verb(text: str) -> tuple[str, ...]:
    position = _first_verb(text)
    if position is None or position > 220:
        return ()
    units = split_units(text[:position])
    return tuple(u for u in units if _STARTS_UNIT.match(u) or u[:1].islower())


def heading_units(heading: str) -> tuple[str, ...]:
    """A heading that names units ("2. Sở Y tế:", "5. Đề nghị Ủy ban MTTQ …")."""
    plain = re.sub(r"^(?:" + "|".join(w.ASSIGNING) + r")\s+", "", heading.strip()).rstrip(": ")
    if not _STARTS_UNIT.match(plain) or _first_verb(plain) is not None:
        return ()
    return split_units(plain)


def _timeline(text: str) -> str | None:
    found = _BEFORE_DATE.search(text)
    if found:
        return found.group()[:1].upper() + found.group()[1:]
    lowered = text.lower()
    hits = [(lowered.find(word), label) for word, label in w.TIMELINE_WORDS if word in lowered]
    return min(hits)[1] if hits else None


# --- unit lists ----------------------------------------------------------------------------------

_SHARED_COLON = re.compile(rf"^(?:Các|các)\s+(?P<head>{_HEADS}),?[^:]{{0,20}}:\s*(?P<rest>.+)$")
_NEW_UNIT = re.compile(
    rf"(?:,\s+|\s+và\s+)(?=(?:{_HEADS})\b)|,\s+(?=các\s+(?:{'|'.join(w.GROUP_KINDS)})\b)"
)


def split_units(written: str) -> tuple[str, ...]:
    """One name per unit: split on ";", and on "," or "và" only before a unit's head word.

    "Các Phòng: A; B" is written out as "Phòng A", "Phòng B" (a shared prefix).
    """
    written = written.strip().rstrip(".:;, ")
    written = re.sub(r"^(?:" + "|".join(w.ASSIGNING) + r")\s+", "", written)
    if not written:
        return ()
    shared = _SHARED_COLON.match(written)
    if shared:
        head = shared["head"][:1].upper() + shared["head"][1:]
        items = [i for p in re.split(r"\s*[;,]\s*", shared["rest"]) for i in _NEW_UNIT.split(p)]
        return tuple(
            item.strip() if _STARTS_UNIT.match(item.strip()) else f"{head} {item.strip()}"
            for item in items
            if item.strip()
        )
    units: list[str] = []
    for part in re.split(r"\s*;\s*", written):
        pieces: list[str] = []
        for piece in _NEW_UNIT.split(part):
            piece = piece.strip(" ,.")
            if pieces and _BARE_GROUP.match(pieces[-1]):
                pieces[-1] = f"{pieces[-1]}, {piece}"  # "Các Sở, Ban, ngành": one group
            elif piece:
                pieces.append(piece)
        units += [piece for piece in pieces if piece not in units]
    return tuple(units)


_BARE_GROUP = re.compile(r"^[Cc]ác\s+\w+(?:,\s*\w+)*$")


def _group_heading(section: Section, by_ref: dict[str, Section]) -> str:
    """The heading a task stands under: its own, or its nearest numbered parent's."""
    current: Section | None = section
    while current is not None:
        if current.heading_only and current.heading and current.depth <= 2:
            return current.heading
        current = by_ref.get(current.parent) if current.parent is not None else None
    return section.heading if section.heading_only else ""


def _top(section: Section, by_ref: dict[str, Section]) -> Section:
    current = section
    while current.parent and current.parent in by_ref:
        current = by_ref[current.parent]
    return current


def _in_task_part(section: Section, by_ref: dict[str, Section]) -> bool:
    top = fold(_top(section, by_ref).heading)
    return any(word in top for word in w.TASK_SECTIONS)

"""A person's state survives JSON unchanged, whatever its shape; nothing else is ever built."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_bot.services.administration import SuccessionRequest, UndoRequest
from kehoach_bot.services.choices import Choice
from kehoach_bot.services.group_changes import MemberChange
from kehoach_bot.services.group_previews import MemberAction
from kehoach_bot.services.obligations import Field, ProposedChange
from kehoach_bot.telegram import state_codec
from kehoach_bot.telegram.context import (
    Awaiting,
    FieldEdit,
    GroupInput,
    LooseFile,
    Pending,
    PlanReading,
    PlanUpload,
    Refusing,
    UserState,
    Waiting,
)
from kehoach_bot.telegram.picking import Picking

ids = st.integers(min_value=0, max_value=2**62)
texts = st.text(max_size=40)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
moments = st.datetimes(
    min_value=datetime(1900, 1, 1),
    max_value=datetime(2200, 1, 1),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=7))]),
)
# What ProposedChange.value may hold: JSON-like values, dates and moments nested at will.
json_like: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | ids | texts | days | moments,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner, inner)
        | st.dictionaries(texts, inner, max_size=3)
    ),
    max_leaves=8,
)
changes = st.one_of(
    st.builds(ProposedChange, ids, st.sampled_from(Field), json_like, texts, texts),
    st.builds(PlanUpload, texts, texts),
    st.builds(SuccessionRequest, texts, st.lists(texts, max_size=3).map(tuple), texts, days, texts),
    st.builds(MemberChange, texts, st.sampled_from(MemberAction), texts, texts),
    st.builds(UndoRequest, texts),
)
choices = st.builds(Choice, texts, texts)
pickings = st.builds(
    Picking,
    command=texts,
    args=st.lists(texts, max_size=3).map(tuple),
    prompt=texts,
    options=st.lists(choices, max_size=3).map(tuple),
    labels=st.lists(texts, max_size=2).map(tuple),
    multi=st.booleans(),
    chosen=st.lists(ids, max_size=2).map(tuple),
    page=ids,
    finished=st.booleans(),
    token=ids,
)
# One strategy per field of UserState: a field added there must be added here (a test checks).
field_values: dict[str, st.SearchStrategy[Any]] = dict(
    waiting=st.none()
    | st.builds(Waiting, st.sampled_from(Awaiting), ids, st.none() | ids, st.booleans()),
    editing=st.none() | st.builds(FieldEdit, ids, st.sampled_from(Field)),
    pending=st.none() | st.builds(Pending, changes, ids),
    group_input=st.none() | st.builds(GroupInput, texts, st.sampled_from(MemberAction)),
    loose_file=st.none() | st.builds(LooseFile, texts, texts, texts, st.none() | ids, ids, texts),
    picker=st.none() | pickings,
    refusing=st.none() | st.builds(Refusing, ids, ids, ids),
    reading=st.none() | st.builds(PlanReading, st.lists(texts, max_size=3).map(tuple)),
)
states = st.builds(UserState, **field_values)


@given(states)
def test_every_state_shape_round_trips(state: UserState) -> None:
    text = state_codec.dumps(state)
    back = state_codec.loads(text, UserState)
    assert back == state
    assert state_codec.dumps(back) == text


def test_every_field_of_the_state_is_covered_by_the_round_trip() -> None:
    assert set(field_values) == {f.name for f in dataclasses.fields(UserState)}


def test_tuples_lists_dates_and_aware_moments_keep_their_types() -> None:
    moment = datetime(2026, 11, 24, 10, 30, tzinfo=timezone(timedelta(hours=7)))
    value = {"at": moment, "on": date(2026, 11, 25), "pair": (1, "a"), "list": [1, [2]]}
    change = ProposedChange(5, Field.SCHEDULE, value, "trước", "sau")
    back = state_codec.loads(state_codec.dumps(UserState(pending=Pending(change, 9))), UserState)
    assert back.pending is not None and isinstance(back.pending.change, ProposedChange)
    got = back.pending.change.value
    assert got == value and got["at"].utcoffset() == timedelta(hours=7)
    assert type(got["pair"]) is tuple and type(got["list"]) is list
    assert type(back.pending.change.field) is Field


def test_a_field_added_by_an_upgrade_takes_its_default() -> None:
    encoded = json.loads(state_codec.dumps(UserState(waiting=Waiting(Awaiting.FILE, 3))))
    del encoded["fields"]["waiting"]["fields"]["replacing"]  # written before the field existed
    back = state_codec.loads(json.dumps(encoded), UserState)
    assert back.waiting == Waiting(Awaiting.FILE, 3, replacing=False)


@dataclasses.dataclass(frozen=True)
class NotOurs:
    """A dataclass outside the application's package."""

    x: int = 1


def test_a_class_outside_the_application_cannot_be_stored() -> None:
    with pytest.raises(TypeError):
        state_codec.dumps(UserState(pending=Pending(NotOurs(), 1)))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        state_codec.dumps(object())


def tagged(cls: str, fields: dict[str, Any]) -> str:
    return json.dumps({"@": "dataclass", "class": cls, "fields": fields})


def in_state(name: str, cls: str, fields: dict[str, Any]) -> str:
    """A UserState whose field `name` holds a context class built from `fields`."""
    inner = {"@": "dataclass", "class": f"kehoach_bot.telegram.context:{cls}", "fields": fields}
    return tagged("kehoach_bot.telegram.context:UserState", {name: inner})


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("{", id="not-json"),
        pytest.param("[" * 100_000, id="too-deep"),
        pytest.param("null", id="not-a-state"),
        pytest.param('{"@": "pickle", "value": "gASV"}', id="unknown-tag"),
        pytest.param(tagged("subprocess:Popen", {"args": "true"}), id="foreign-module"),
        pytest.param(tagged("kehoach_bot_evil:X", {}), id="prefix-lookalike"),
        pytest.param(tagged("kehoach_bot.telegram.context:__class__", {}), id="dunder"),
        pytest.param(tagged("kehoach_bot.telegram.context:Runtime", {}), id="imported-there"),
        pytest.param(tagged("kehoach_bot.telegram.context:BotContext", {}), id="not-dataclass"),
        pytest.param(tagged("kehoach_bot.telegram.context:Gone", {}), id="renamed"),
        pytest.param(tagged("kehoach_bot.nowhere:UserState", {}), id="no-module"),
        pytest.param(
            tagged("kehoach_bot.telegram.context:UserState", {"mood": 1}), id="unknown-field"
        ),
        pytest.param(
            tagged("kehoach_bot.telegram.context:UserState", {"waiting": "file"}),
            id="wrong-type",
        ),
        pytest.param(
            tagged(
                "kehoach_bot.telegram.context:UserState",
                {
                    "waiting": {
                        "@": "dataclass",
                        "class": "kehoach_bot.telegram.context:Waiting",
                        "fields": {"kind": {"@": "enum", "class": "x", "value": "file"}},
                    }
                },
            ),
            id="bad-enum-class",
        ),
        pytest.param(
            tagged(
                "kehoach_bot.telegram.context:UserState",
                {
                    "waiting": {
                        "@": "dataclass",
                        "class": "kehoach_bot.telegram.context:Waiting",
                        "fields": {
                            "kind": {
                                "@": "enum",
                                "class": "kehoach_bot.telegram.context:Awaiting",
                                "value": "nap",
                            },
                            "occurrence_id": 1,
                        },
                    }
                },
            ),
            id="enum-value-gone",
        ),
        pytest.param(
            in_state("waiting", "Waiting", {"occurrence_id": 1}),
            id="field-missing",
        ),
        pytest.param(
            in_state("editing", "FieldEdit", {"obligation_id": 1, "field": 2}),
            id="raw-value-for-enum",
        ),
        pytest.param(
            tagged("kehoach_bot.telegram.context:Waiting", {"kind": "file", "occurrence_id": 1}),
            id="not-the-state-class",
        ),
    ],
)
def test_what_does_not_describe_a_state_is_undecodable(text: str) -> None:
    with pytest.raises(state_codec.Undecodable):
        state_codec.loads(text, UserState)


@given(states)
def test_clear_resets_every_field_and_only_a_default_state_is_empty(state: UserState) -> None:
    assert state.is_empty() == (state == UserState())
    state.clear()
    assert state == UserState() and state.is_empty()


def test_a_state_saved_before_its_classes_moved_still_decodes() -> None:
    change = MemberChange("G-1", MemberAction.ADD, "A-1, A-2", "tok")
    text = state_codec.dumps(change)
    for old, new in state_codec.MOVED.items():
        text = text.replace(new, old)
    assert "kehoach_bot.services.groups:" in text
    assert state_codec.loads(text, MemberChange) == change

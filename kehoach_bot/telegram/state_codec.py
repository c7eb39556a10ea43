"""A person's state ↔ JSON text, generically and safely (no pickle).

Plain JSON values stay as they are; everything else is a tagged object: `{"@": "tuple", …}`,
`{"@": "date", …}`, an enum or a dataclass named by module and qualified name. Decoding builds only
enums and dataclasses defined under `kehoach_bot.`, checks every field against the class's type
hints, and refuses anything else: a tampered or outdated row raises `Undecodable`, never builds an
arbitrary object.
"""

from __future__ import annotations

import dataclasses
import enum
import importlib
import json
import re
import types
import typing
from datetime import date, datetime
from typing import Any

ALLOWED_PREFIX = "kehoach_bot."
TAG = "@"
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


class Undecodable(ValueError):
    """A stored state that no longer (or never did) describe a state this code can build."""


def dumps(value: object) -> str:
    """The JSON text of a state made of dataclasses, enums, dates and plain values."""
    return json.dumps(_encode(value), ensure_ascii=False, allow_nan=False, sort_keys=True)


def loads(text: str, expected: type[Any]) -> Any:
    """The state `text` describes, which must be an `expected`; `Undecodable` otherwise."""
    try:
        value = _decode(json.loads(text))
    except RecursionError:
        raise Undecodable("nested too deeply") from None
    except Undecodable:
        raise
    except ValueError as error:
        raise Undecodable(f"not JSON: {error}") from None
    if not isinstance(value, expected):
        raise Undecodable(f"expected {expected.__qualname__}, found {type(value).__qualname__}")
    return value


# --- encoding ----------------------------------------------------------------------------------


def _encode(value: object) -> Any:
    if isinstance(value, enum.Enum):  # before str and int: a StrEnum is a str
        return {TAG: "enum", "class": _name_of(type(value)), "value": _encode(value.value)}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime):  # before date: a datetime is a date
        return {TAG: "datetime", "value": value.isoformat()}
    if isinstance(value, date):
        return {TAG: "date", "value": value.isoformat()}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, tuple):
        return {TAG: "tuple", "items": [_encode(item) for item in value]}
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise TypeError("only dicts with str keys can be stored")
        return {TAG: "dict", "items": {key: _encode(item) for key, item in value.items()}}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {
            f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init
        }
        return {TAG: "dataclass", "class": _name_of(type(value)), "fields": fields}
    raise TypeError(f"{type(value).__qualname__} cannot be stored")


def _name_of(cls: type) -> str:
    name = f"{cls.__module__}:{cls.__qualname__}"
    if not cls.__module__.startswith(ALLOWED_PREFIX) or "<" in cls.__qualname__:
        raise TypeError(f"{name} is not a class of ours that can be stored")
    return name


# --- decoding ----------------------------------------------------------------------------------


def _decode(raw: Any) -> Any:
    if raw is None or isinstance(raw, bool | int | float | str):
        return raw
    if isinstance(raw, list):
        return [_decode(item) for item in raw]
    if not isinstance(raw, dict):
        raise Undecodable(f"unexpected {type(raw).__qualname__}")
    kind = raw.get(TAG)
    try:
        if kind == "tuple":
            return tuple(_decode(item) for item in _list(raw["items"]))
        if kind == "dict":
            return {key: _decode(item) for key, item in _dict(raw["items"]).items()}
        if kind == "date":
            return date.fromisoformat(_str(raw["value"]))
        if kind == "datetime":
            return datetime.fromisoformat(_str(raw["value"]))
        if kind == "enum":
            cls = _class(_str(raw["class"]))
            if not issubclass(cls, enum.Enum):
                raise Undecodable(f"{cls.__qualname__} is not an enum")
            return cls(_decode(raw["value"]))
        if kind == "dataclass":
            return _dataclass(_class(_str(raw["class"])), _dict(raw["fields"]))
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, Undecodable):
            raise
        raise Undecodable(f"malformed {kind}: {error!r}") from None
    raise Undecodable(f"unknown tag {kind!r}")


def _dataclass(cls: type, raw_fields: dict[str, Any]) -> Any:
    if not dataclasses.is_dataclass(cls):
        raise Undecodable(f"{cls.__qualname__} is not a dataclass")
    known = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = set(raw_fields) - set(known)
    if unknown:
        raise Undecodable(f"{cls.__qualname__} has no field {sorted(unknown)}")
    hints = _hints(cls)
    values: dict[str, Any] = {}
    for name, raw in raw_fields.items():
        value = _decode(raw)
        hint = hints.get(name)
        if hint is not None and not _conforms(value, hint):
            raise Undecodable(f"{cls.__qualname__}.{name} is not a {hint}")
        values[name] = value
    try:
        return cls(**values)  # missing fields take their defaults: a field added by an upgrade
    except TypeError as error:
        raise Undecodable(f"{cls.__qualname__}: {error}") from None


# Classes that moved to another module: a state saved before the move still decodes.
MOVED = {
    "kehoach_bot.services.groups:MemberChange": "kehoach_bot.services.group_changes:MemberChange",
    "kehoach_bot.services.groups:MemberAction": "kehoach_bot.services.group_previews:MemberAction",
}


def _class(name: str) -> type:
    """The class `module:Qualname` names, provided it is ours."""
    module_name, _, qualname = MOVED.get(name, name).partition(":")
    parts = qualname.split(".")
    if (
        not module_name.startswith(ALLOWED_PREFIX)
        or not all(_IDENTIFIER.match(p) for p in module_name.split("."))
        or not all(_IDENTIFIER.match(p) for p in parts)
    ):
        raise Undecodable(f"{name!r} is not a class of ours")
    try:
        found: Any = importlib.import_module(module_name)
        for part in parts:
            found = getattr(found, part)
    except (ImportError, AttributeError):
        raise Undecodable(f"{name!r} no longer exists") from None
    if not isinstance(found, type) or found.__module__ != module_name:
        raise Undecodable(f"{name!r} is not a class defined there")
    return found


def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except Exception:  # hints that cannot be resolved (names imported for typing only) go unchecked
        return {}


def _conforms(value: Any, hint: Any) -> bool:
    """Whether a decoded value fits a type hint (what cannot be told is accepted)."""
    if hint is Any:
        return True
    if hint is None or hint is type(None):
        return value is None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union or origin is types.UnionType:
        return any(_conforms(value, arg) for arg in args)
    if origin is typing.Literal:
        return value in args
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_conforms(item, args[0]) for item in value)
        return not args or (len(args) == len(value) and all(map(_conforms, value, args)))
    if origin is list:
        return isinstance(value, list) and all(_conforms(item, args[0]) for item in value if args)
    if origin is dict:
        return isinstance(value, dict) and (
            not args or all(_conforms(item, args[1]) for item in value.values())
        )
    if origin is not None:
        return isinstance(origin, type) and isinstance(value, origin)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True


def _list(raw: Any) -> list[Any]:
    if not isinstance(raw, list):
        raise TypeError("a list was expected")
    return raw


def _dict(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise TypeError("an object was expected")
    return raw


def _str(raw: Any) -> str:
    if not isinstance(raw, str):
        raise TypeError("a string was expected")
    return raw

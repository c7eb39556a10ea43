"""No English word reaches a person in the bot: every string the bot may say is scanned."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator

import kehoach_bot.texts as texts

# Words the bot used to print, and the English a careless edit would bring back.
ENGLISH = {
    "the", "and", "please", "error", "not", "found", "usage", "officer", "coordinator", "admin",
    "outbox", "tick", "digest", "occurrence", "obligation", "reply", "submitted", "pending",
    "failed", "plan", "unit", "role", "invalid", "required", "cancel", "save", "send", "file",
    "report", "status", "overdue", "done", "waived", "transferred", "review", "group",
    "members", "request", "extension", "approved", "refused", "user", "help", "start", "id",
}  # fmt: skip
# Strings only the command line or the configuration file shows (an admin at the console).
CONSOLE_ONLY = re.compile(r"^(NO_TOKEN|CONFIG_\w+|UNFILLED_CLI_TITLE|ARGPARSE_\w+|EPILOG|JSON)$")
CONSOLE_MODULES = {"vi", "cli_vi"}
# Typed tokens that are not words: placeholders, commands, codes, file names, config keys.
NOT_WORDS = re.compile(
    r"\{[^}]*\}|/[a-z_]+|https?://\S+|\S+\.(toml|csv|pdf|docx|xlsx|json)\b|--[a-z-]+"
    r"|\b[a-z]+(_[a-z]+)+\b|\b[A-Z]+(_[A-ZĐ]+)+\b|\b[A-Z]{2,}-[A-Z0-9-]+\b"
)
COMMAND_NAMES = re.compile(r"^[a-z]+$")  # the names Telegram shows before a description


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _strings(item)


def _bot_strings() -> Iterator[tuple[str, str, str]]:
    for module in pkgutil.iter_modules(texts.__path__):
        if module.name in CONSOLE_MODULES:
            continue
        loaded = importlib.import_module(f"{texts.__name__}.{module.name}")
        for name, value in vars(loaded).items():
            if name.startswith("_") or CONSOLE_ONLY.match(name):
                continue
            for text in _strings(value):
                yield module.name, name, text


def test_no_bot_text_holds_an_english_word() -> None:
    found = []
    for module, name, text in _bot_strings():
        if COMMAND_NAMES.match(text):
            continue
        words = re.findall(r"[A-Za-z]+", NOT_WORDS.sub(" ", text))
        english = sorted({w for w in words if w.lower() in ENGLISH})
        if english:
            found.append(f"{module}.{name}: {english} in {text[:60]!r}")
    assert not found, "\n".join(found)


def test_the_scan_sees_an_english_word() -> None:
    words = re.findall(r"[A-Za-z]+", NOT_WORDS.sub(" ", "Gửi /moi {code} officer GL-SNV"))
    assert [w for w in words if w.lower() in ENGLISH] == ["officer"]

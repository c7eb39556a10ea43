"""The sets of real plans (checks/extract_dev, checks/extract_holdout) stay well-formed."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

CHECKS = Path(__file__).resolve().parents[2] / "checks"
DEVSET = CHECKS / "extract_dev"
HOLDOUT = CHECKS / "extract_holdout"
# Per set: folder, file stem pattern, least number of documents, least documents with no duty,
# whether every deadline kind must occur (the held-out set is only measured, so it may lack some).
SETS = {
    "dev": (DEVSET, r"\d{3}", 30, 4, True),
    "holdout": (HOLDOUT, r"H\d{2}", 12, 2, False),
}
KINDS = {"one_off", "annual", "semiannual", "quarterly", "monthly", "ad_hoc", "periodic_undated"}
DOC_TYPES = {"plan", "decision", "directive", "letter", "other"}
SCOPES = {"full", "excerpt", "decision_only"}
TOP_KEYS = {"source", "title", "issuer", "number", "issued_on", "doc_type", "deadlines"}
OPTIONAL_TOP = {"traps", "text"}
DEADLINE_KEYS = {"quote", "kind", "due", "wording", "responsible", "recipient", "via"}
OPTIONAL_DEADLINE = {"note", "relative"}
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH_DAY = re.compile(r"(\d{2})-(\d{2})")
DAY_NUMBER = re.compile(r"\d{1,2}")
# Channels are never a "qua" office (issue 9): a system, a portal, an e-mail address.
CHANNEL_WORDS = ("hệ thống", "email", "e-mail", "thư điện tử", "phần mềm", "cổng thông tin", "@")


def _stems(folder: Path = DEVSET) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.txt"))


def _documents() -> list[Any]:
    """Every (folder, stem) of both sets, with readable test ids."""
    return [
        pytest.param(folder, stem, id=f"{name}-{stem}")
        for name, (folder, *_rest) in SETS.items()
        for stem in _stems(folder)
    ]


def _pair(stem: str, folder: Path = DEVSET) -> tuple[str, dict[str, Any]]:
    text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
    labels = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
    assert isinstance(labels, dict)
    return text, labels


def _is_month_day(value: object) -> bool:
    match = MONTH_DAY.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return False
    month, day = int(match.group(1)), int(match.group(2))
    try:
        date(2024, month, day)  # a leap year, so 02-29 is a real day
    except ValueError:
        return False
    return True


def _is_day(value: object) -> bool:
    if not isinstance(value, str) or not ISO_DAY.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _due_problem(kind: str, due: object, relative: bool) -> str | None:
    """Why a due value does not fit its kind, or None; null means undated, ad hoc or relative."""
    if due is None:
        return None
    if relative or kind in ("ad_hoc", "periodic_undated"):
        return "must be null"
    if kind == "one_off":
        return None if _is_day(due) else "must be a real YYYY-MM-DD day"
    if kind == "annual":
        return None if _is_month_day(due) else "must be a real MM-DD"
    if kind == "semiannual":
        ok = isinstance(due, list) and due and all(_is_month_day(d) for d in due)
        return None if ok else "must be a non-empty list of real MM-DD"
    ok = isinstance(due, str) and DAY_NUMBER.search(due) is not None
    return None if ok else "must be a rule with the day number"


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_set_is_there_and_paired(name: str) -> None:
    folder, pattern, least, _without, _every_kind = SETS[name]
    texts = {p.stem for p in folder.glob("*.txt")}
    labels = {p.stem for p in folder.glob("*.json")}
    assert texts == labels
    assert len(texts) >= least
    assert all(re.fullmatch(pattern, stem) for stem in texts)
    assert (folder / "README.md").is_file()


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_set_has_documents_without_any_duty_and_every_kind_with_one(name: str) -> None:
    folder, _pattern, _least, without, every_kind = SETS[name]
    pairs = [_pair(stem, folder)[1] for stem in _stems(folder)]
    assert sum(1 for labels in pairs if not labels["deadlines"]) >= without
    kinds = {d["kind"] for labels in pairs for d in labels["deadlines"]}
    assert kinds == KINDS if every_kind else kinds <= KINDS


def test_no_document_is_in_both_sets() -> None:
    dev = {_pair(stem)[1]["source"] for stem in _stems()}
    held_out = {_pair(stem, HOLDOUT)[1]["source"] for stem in _stems(HOLDOUT)}
    assert not dev & held_out


@pytest.mark.parametrize(("folder", "stem"), _documents())
def test_text_is_clean_nfc_utf8(folder: Path, stem: str) -> None:
    raw = (folder / f"{stem}.txt").read_bytes()
    text = raw.decode("utf-8")
    assert not text.startswith("\ufeff")
    assert unicodedata.normalize("NFC", text) == text
    assert "\r" not in text
    assert text.strip()
    json_text = (folder / f"{stem}.json").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", json_text) == json_text


@pytest.mark.parametrize(("folder", "stem"), _documents())
def test_labels_follow_the_schema(folder: Path, stem: str) -> None:
    text, labels = _pair(stem, folder)
    assert TOP_KEYS <= labels.keys() <= TOP_KEYS | OPTIONAL_TOP
    assert isinstance(labels["source"], str) and labels["source"].startswith(
        ("http://", "https://")
    )
    assert isinstance(labels["title"], str) and labels["title"].strip()
    assert labels["issuer"] is None or (isinstance(labels["issuer"], str) and labels["issuer"])
    assert labels["number"] is None or labels["number"] in text
    assert labels["issued_on"] is None or _is_day(labels["issued_on"])
    assert labels["doc_type"] in DOC_TYPES
    assert labels.get("text", "full") in SCOPES
    assert isinstance(labels["deadlines"], list)
    for trap in labels.get("traps", []):
        assert isinstance(trap, str) and trap in text, trap


@pytest.mark.parametrize(("folder", "stem"), _documents())
def test_each_deadline_is_quoted_from_the_text_and_well_typed(folder: Path, stem: str) -> None:
    text, labels = _pair(stem, folder)
    for entry in labels["deadlines"]:
        assert DEADLINE_KEYS <= entry.keys() <= DEADLINE_KEYS | OPTIONAL_DEADLINE, entry
        assert entry["quote"] and entry["quote"] in text, entry["quote"]
        assert entry["kind"] in KINDS
        relative = entry.get("relative", False)
        assert isinstance(relative, bool)
        problem = _due_problem(entry["kind"], entry["due"], relative)
        assert problem is None, f"{entry['kind']} due {entry['due']!r}: {problem}"
        assert entry["wording"] is None or (isinstance(entry["wording"], str) and entry["wording"])
        assert isinstance(entry["responsible"], list)
        assert all(isinstance(u, str) and u in text for u in entry["responsible"]), entry
        for field in ("recipient", "via"):
            value = entry[field]
            assert value is None or (isinstance(value, str) and value in text), (field, value)
        via = entry["via"]
        assert via is None or not any(w in via.lower() for w in CHANNEL_WORDS), via
        assert "note" not in entry or (isinstance(entry["note"], str) and entry["note"])


@pytest.mark.parametrize(
    ("kind", "due", "relative", "fits"),
    [
        ("one_off", "2021-05-15", False, True),
        ("one_off", "2021-02-30", False, False),
        ("annual", "12-15", False, True),
        ("annual", "13-01", False, False),
        ("semiannual", ["06-25"], False, True),
        ("semiannual", "06-25", False, False),
        ("monthly", "trước ngày 28 hàng tháng", False, True),
        ("quarterly", "tháng cuối quý", False, False),
        ("ad_hoc", "2021-05-15", False, False),
        ("semiannual", ["06-25"], True, False),
        ("periodic_undated", None, False, True),
    ],
)
def test_the_due_check_itself(kind: str, due: object, relative: bool, fits: bool) -> None:
    assert (_due_problem(kind, due, relative) is None) is fits

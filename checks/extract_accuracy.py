"""Đo trình đọc kế hoạch trên bộ văn bản phát triển `checks/extract_dev/` hoặc bộ để dành
`checks/extract_holdout/` (issue 9).

Usage: `python -m checks.extract_accuracy [--set dev|holdout] [--since NNN] [--json]` (`--since`:
chỉ các văn bản từ số đó trở đi, ví dụ những văn bản mới thêm). Chạy `extract_plan` trên từng tệp
`.txt` với
danh bạ đơn vị đi kèm gói, ghép hạn tìm được với hạn đã gán nhãn (theo độ trùng câu trích và loại),
rồi in: độ phủ (hạn có nhãn được tìm thấy đúng loại và ngày), độ chính xác (hạn tìm được là đúng),
độ đúng nơi nhận và cơ quan "qua" trên các hạn tìm được (so theo tên như văn bản viết, bỏ dấu), từng
văn bản bị sót hay tìm thừa, và thời gian đọc mỗi văn bản. Đây là phép đo, không phải kiểm thử.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import kehoach_bot.plans
from kehoach_bot.plans.extract.draft import DraftObligation
from kehoach_bot.plans.extract.matching import UnitName
from kehoach_bot.plans.extract.plan_reader import extract_plan
from kehoach_bot.plans.unit_directories import parse_units_directory

SETS = {
    "dev": Path(__file__).parent / "extract_dev",
    "holdout": Path(__file__).parent / "extract_holdout",
}
UNITS = Path(kehoach_bot.plans.__file__).parent / "data" / "units"
MIN_OVERLAP = 0.5


@dataclass
class Document:
    """What one document's labels and findings came to."""

    name: str
    labelled: int
    found: int
    right: int = 0  # labelled deadlines found with the right kind and date
    found_right: int = 0
    matched: int = 0  # found deadlines matched to a label
    addressed: int = 0  # of those, recipient and via right
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)


def directory() -> list[UnitName]:
    """Every bundled unit directory."""
    units: list[UnitName] = []
    for path in sorted(UNITS.glob("*.toml")):
        _, specs = parse_units_directory(path.read_text(encoding="utf-8"), path.name)
        units += [UnitName(s.code, s.name, s.aliases, s.locality) for s in specs]
    return units


def fold(text: str | None) -> str:
    """Lower-case, accent-free, single-spaced."""
    plain = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    letters = "".join(c for c in plain if unicodedata.category(c) != "Mn").lower()
    return " ".join(re.findall(r"\w+", letters))


def overlap(one: str, other: str) -> float:
    """How much of the shorter quote the other holds, by pairs of words."""
    a = set(itertools.pairwise(fold(one).split()))
    b = set(itertools.pairwise(fold(other).split()))
    if not a or not b:
        return 1.0 if fold(one) and fold(one) in fold(other) else 0.0
    return len(a & b) / min(len(a), len(b))


def _day(value: str) -> str | None:
    found = re.search(r"\d{1,2}", value)
    return str(int(found.group())) if found else None


def same_due(label: dict[str, Any], found: DraftObligation) -> bool:
    """The same date: equal for one-off and yearly, the labelled halves held, the same day number
    for quarterly and monthly rules, none for undated, ad hoc and relative ones."""
    due = label.get("due")
    if label.get("relative"):
        return found.due is None
    if due is None:
        return found.due is None
    if label["kind"] == "semiannual":
        mine = set(found.due) if isinstance(found.due, tuple) else {found.due}
        return set(due) <= mine
    if label["kind"] in ("quarterly", "monthly"):
        return isinstance(found.due, str) and _day(found.due) == _day(str(due))
    return bool(found.due == due)


def same_name(label: str | None, found: str | None) -> bool:
    """The same unit as written, accents aside; one may hold the other ("Sở Y tế" ⊂ "… tỉnh")."""
    a, b = fold(label), fold(found)
    if not a or not b:
        return a == b
    return a == b or a in b or b in a


def measure(path: Path, units: list[UnitName]) -> Document:
    """Read one document and compare its deadlines with its labels."""
    labels: list[dict[str, Any]] = json.loads(path.with_suffix(".json").read_text("utf-8"))[
        "deadlines"
    ]
    started = time.perf_counter()
    draft = extract_plan(path.read_text(encoding="utf-8"), units, source=path.name)
    seconds = time.perf_counter() - started
    found = list(draft.obligations)
    doc = Document(path.stem, len(labels), len(found), seconds=seconds)
    # One sentence may set two dates: among equal quotes a label pairs with its own date first.
    scored = sorted(
        (
            (overlap(label["quote"], obligation.quote), same_due(label, obligation), i, j)
            for i, label in enumerate(labels)
            for j, obligation in enumerate(found)
            if label["kind"] == obligation.kind.value
        ),
        reverse=True,
    )
    pairs: dict[int, int] = {}
    for score, _, i, j in scored:
        if score >= MIN_OVERLAP and i not in pairs and j not in pairs.values():
            pairs[i] = j
    for i, label in enumerate(labels):
        if i not in pairs:
            doc.misses.append(f"{label['kind']} {label.get('due')}: {label['quote'][:90]}")
            continue
        obligation = found[pairs[i]]
        doc.matched += 1
        if same_due(label, obligation):
            doc.right += 1
            doc.found_right += 1
        else:
            doc.misses.append(
                f"{label['kind']} {label.get('due')} ≠ {obligation.due}: {label['quote'][:70]}"
            )
        recipient = obligation.recipient.written if obligation.recipient else None
        via = obligation.via.written if obligation.via else None
        if same_name(label.get("recipient"), recipient) and same_name(label.get("via"), via):
            doc.addressed += 1
    for j, obligation in enumerate(found):
        if j not in pairs.values():
            doc.false.append(f"{obligation.kind.value} {obligation.due}: {obligation.quote[:90]}")
    return doc


def _option(argv: list[str], name: str, default: str) -> str:
    if name in argv and argv.index(name) + 1 < len(argv):
        return argv[argv.index(name) + 1]
    return default


def main(argv: list[str]) -> int:
    """Measure every document of the chosen set and print the numbers."""
    chosen = _option(argv, "--set", "dev")
    if chosen not in SETS:
        print(f"Không có bộ văn bản «{chosen}»; chọn một trong: {', '.join(SETS)}.")
        return 2
    since = _option(argv, "--since", "")
    units = directory()
    paths = sorted(p for p in SETS[chosen].glob("*.txt") if p.stem >= since)
    docs = [measure(path, units) for path in paths]
    labelled = sum(d.labelled for d in docs)
    found = sum(d.found for d in docs)
    right = sum(d.right for d in docs)
    matched = sum(d.matched for d in docs)
    summary = {
        "documents": len(docs),
        "labelled": labelled,
        "found": found,
        "recall": round(right / labelled, 3) if labelled else None,
        "precision": round(sum(d.found_right for d in docs) / found, 3) if found else None,
        "recipient_and_via": (
            round(sum(d.addressed for d in docs) / matched, 3) if matched else None
        ),
        "seconds_max": round(max(d.seconds for d in docs), 3) if docs else None,
        "seconds_mean": round(sum(d.seconds for d in docs) / len(docs), 3) if docs else None,
    }
    if "--json" in argv:
        per_doc = [
            {
                "document": d.name,
                "labelled": d.labelled,
                "found": d.found,
                "right": d.right,
                "seconds": round(d.seconds, 3),
                "misses": d.misses,
                "false": d.false,
            }
            for d in docs
        ]
        print(json.dumps({"summary": summary, "documents": per_doc}, ensure_ascii=False))
        return 0
    for d in docs:
        print(f"{d.name}: nhãn {d.labelled}, tìm {d.found}, đúng {d.right}, {d.seconds:.3f} giây")
        for miss in d.misses:
            print(f"  sót   {miss}")
        for false in d.false:
            print(f"  thừa  {false}")
    print(
        f"Độ phủ {summary['recall']} ({right}/{labelled}); độ chính xác {summary['precision']} "
        f"({sum(d.found_right for d in docs)}/{found}); nơi nhận và «qua» đúng "
        f"{summary['recipient_and_via']} ({sum(d.addressed for d in docs)}/{matched}); "
        f"thời gian tối đa {summary['seconds_max']} giây, "
        f"trung bình {summary['seconds_mean']} giây."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

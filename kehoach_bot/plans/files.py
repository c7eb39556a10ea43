"""Parse plan files and units directories (TOML) into checked specs; nothing touches the database.

Every problem is collected with where it is ("obligations[2].schedule") so that one run tells the
author everything that is wrong, in Vietnamese.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from kehoach_bot.domain.deadlines import Wording
from kehoach_bot.domain.schedules import Schedule, ScheduleError, ScheduleType, schedule_from_dict

UNIT_KINDS = {
    "bo": "Bộ, ngành trung ương",
    "ubnd_tinh": "UBND tỉnh",
    "so": "Sở",
    "ubnd_huyen": "UBND huyện/thị xã/thành phố",
    "phong": "Phòng, ban",
    "ubnd_xa": "UBND xã/phường/thị trấn",
    "dang": "Cơ quan Đảng",
    "mttq_doan_the": "MTTQ, đoàn thể",
    "don_vi": "Đơn vị khác",
    "nhom": "Nhóm đơn vị",
}
REPORT_KINDS = {
    "dinh_ky": "định kỳ",
    "chuyen_de": "chuyên đề",
    "dot_xuat": "đột xuất",
    "mot_lan": "một lần",
}
MAX_FILE_BYTES = 2_000_000


class PlanFileError(ValueError):
    """A plan file or units directory that cannot be loaded; `problems` lists every reason."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


@dataclass(frozen=True, slots=True)
class UnitSpec:
    """A unit or named group as a directory or plan file declares it."""

    code: str
    name: str
    short: str
    kind: str
    locality: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    is_group: bool = False
    members: tuple[str, ...] = ()
    ended_on: date | None = None
    successors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TaskSpec:
    """A task (nhiệm vụ) with its lead (chủ trì) and coordinating (phối hợp) units."""

    ref: str
    section: str
    text: str
    timeline: str
    lead: tuple[str, ...]
    coordinating: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ObligationSpec:
    """A reporting obligation as the plan states it."""

    code: str
    title: str
    report_kind: str
    schedule: Schedule
    wording: Wording
    responsible: tuple[str, ...]
    recipient: str | None
    via: str | None
    also_to: tuple[str, ...]
    quote: str
    valid_from: date | None = None
    valid_to: date | None = None
    lead_days: tuple[int, ...] | None = None
    review_note: str = ""


@dataclass(frozen=True, slots=True)
class PlanSpec:
    """A whole plan file."""

    code: str
    number: str
    title: str
    issuer: str | None
    issued: date | None
    locality: str
    valid_from: date
    valid_to: date | None
    source: str
    directories: tuple[str, ...]
    units: tuple[UnitSpec, ...]
    tasks: tuple[TaskSpec, ...]
    obligations: tuple[ObligationSpec, ...]
    origin: str = ""  # the file it was read from
    content: str = field(repr=False, default="")

    @property
    def content_hash(self) -> str:
        """SHA-256 of the file's text: equal hashes mean nothing to reload."""
        return hashlib.sha256(self.content.encode("utf-8")).hexdigest()

    def referenced_units(self) -> list[tuple[str, str]]:
        """Every (where, unit code) the plan refers to, for validation against known units."""
        refs: list[tuple[str, str]] = []
        if self.issuer:
            refs.append(("issuer", self.issuer))
        for i, task in enumerate(self.tasks, start=1):
            refs += [(f"tasks[{i}].lead", c) for c in task.lead]
            refs += [(f"tasks[{i}].coordinating", c) for c in task.coordinating]
        for i, ob in enumerate(self.obligations, start=1):
            refs += [(f"obligations[{i}].responsible", c) for c in ob.responsible]
            refs += [(f"obligations[{i}].also_to", c) for c in ob.also_to]
            refs += [
                (f"obligations[{i}].{k}", c)
                for k, c in (("recipient", ob.recipient), ("via", ob.via))
                if c
            ]
        return refs


class _Reader:
    """Reads typed fields from a TOML table, recording problems instead of stopping."""

    def __init__(self, data: dict[str, Any], where: str, problems: list[str]) -> None:
        self.data, self.where, self.problems = data, where, problems

    def _name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, message: str) -> None:
        """Record a problem about `key`."""
        self.problems.append(f"{self._name(key)}: {message}")

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        """A string field; required ones must be non-empty."""
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.fail(key, "thiếu (bắt buộc)")
            return default
        if not isinstance(value, str):
            self.fail(key, "phải là chuỗi ký tự")
            return default
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        """A string field that may be absent."""
        return self.text(key, required=False) or None

    def day(self, key: str, *, required: bool = False) -> date | None:
        """A date field (TOML date or "YYYY-MM-DD")."""
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.fail(key, "thiếu ngày (bắt buộc)")
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                self.fail(key, f"ngày không hợp lệ: {value!r} (dùng dạng YYYY-MM-DD)")
                return None
        self.fail(key, "phải là ngày")
        return None

    def codes(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        """A list of unit codes."""
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(key, "phải là danh sách mã đơn vị")
            return ()
        if required and not value:
            self.fail(key, "cần ít nhất một đơn vị")
        return tuple(v.strip() for v in value)

    def tables(self, key: str) -> list[dict[str, Any]]:
        """An array of tables ([[key]])."""
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(key, "phải là mảng bảng [[...]]")
            return []
        return value


def _read_toml(text: str, source: str) -> dict[str, Any]:
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise PlanFileError(source, [f"tệp quá lớn (tối đa {MAX_FILE_BYTES // 1000} KB)"])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlanFileError(source, [f"không đúng cú pháp TOML: {exc}"]) from exc


def _unit_spec(
    raw: dict[str, Any], where: str, locality: str, group: bool, problems: list[str]
) -> UnitSpec | None:
    r = _Reader(raw, where, problems)
    before = len(problems)
    code = r.text("code")
    kind = "nhom" if group else r.text("kind")
    if kind and kind not in UNIT_KINDS:
        r.fail(
            "kind", f"loại đơn vị không hợp lệ: {kind!r} (chọn một trong {', '.join(UNIT_KINDS)})"
        )
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        r.fail("aliases", "phải là danh sách tên")
        aliases = []
    spec = UnitSpec(
        code=code,
        name=r.text("name"),
        short=r.text("short", required=False),
        kind=kind,
        locality=locality,
        parent=r.optional_text("parent"),
        aliases=tuple(aliases),
        is_group=group,
        members=r.codes("members") if group else (),
        ended_on=r.day("ended_on"),
        successors=r.codes("successors"),
    )
    if spec.successors and spec.ended_on is None:
        r.fail("successors", "cần kèm ended_on (ngày đơn vị chấm dứt)")
    return spec if len(problems) == before else None


def _units_of(data: dict[str, Any], locality: str, problems: list[str]) -> list[UnitSpec]:
    reader = _Reader(data, "", problems)
    specs: list[UnitSpec] = []
    for key, group in (("units", False), ("groups", True)):
        for i, raw in enumerate(reader.tables(key), start=1):
            spec = _unit_spec(raw, f"{key}[{i}]", locality, group, problems)
            if spec:
                specs.append(spec)
    seen: set[str] = set()
    for spec in specs:
        if spec.code in seen:
            problems.append(f"mã đơn vị trùng: {spec.code}")
        seen.add(spec.code)
    return specs


def parse_units_directory(text: str, source: str) -> tuple[str, list[UnitSpec]]:
    """Parse a units directory file: (locality, units and groups)."""
    data = _read_toml(text, source)
    problems: list[str] = []
    locality = _Reader(data, "", problems).text("locality")
    units = _units_of(data, locality, problems)
    if problems:
        raise PlanFileError(source, problems)
    return locality, units


def _schedule(raw: Any, r: _Reader) -> Schedule | None:
    if not isinstance(raw, dict):
        r.fail(
            "schedule",
            'thiếu hoặc không phải bảng, ví dụ { type = "yearly", month = 10, day = 20 }',
        )
        return None
    try:
        return schedule_from_dict(raw)
    except (ScheduleError, ValueError, TypeError) as exc:
        r.fail("schedule", str(exc))
        return None


def _obligation(raw: dict[str, Any], where: str, problems: list[str]) -> ObligationSpec | None:
    r = _Reader(raw, where, problems)
    before = len(problems)
    report_kind = r.text("report_kind")
    if report_kind and report_kind not in REPORT_KINDS:
        r.fail("report_kind", f"không hợp lệ: {report_kind!r} (chọn {', '.join(REPORT_KINDS)})")
    wording_raw = r.text("wording")
    wording: Wording | None = None
    try:
        wording = Wording(wording_raw) if wording_raw else None
    except ValueError:
        r.fail(
            "wording", f"không hợp lệ: {wording_raw!r} (chọn {', '.join(w.value for w in Wording)})"
        )
    schedule = _schedule(raw.get("schedule"), r)
    if schedule and wording:
        if schedule.is_dated and wording is Wording.AS_REGULATED:
            r.fail(
                "wording",
                "lịch có ngày thì cách ghi hạn phải là truoc_ngay, cham_nhat hoặc den_ngay",
            )
        if schedule.type is ScheduleType.UNDATED and wording is not Wording.AS_REGULATED:
            r.fail("wording", 'nghĩa vụ không ghi ngày dùng wording = "theo_quy_dinh"')
    lead_days_raw = raw.get("lead_days")
    lead_days: tuple[int, ...] | None = None
    if lead_days_raw is not None:
        if not isinstance(lead_days_raw, list) or not all(
            isinstance(d, int) and 0 <= d <= 60 for d in lead_days_raw
        ):
            r.fail("lead_days", "phải là danh sách số ngày từ 0 đến 60")
        else:
            lead_days = tuple(lead_days_raw)
    spec_valid_from, spec_valid_to = r.day("valid_from"), r.day("valid_to")
    if spec_valid_from and spec_valid_to and spec_valid_from > spec_valid_to:
        r.fail("valid_to", "ngày kết thúc trước ngày bắt đầu")
    spec = ObligationSpec(
        code=r.text("code"),
        title=r.text("title"),
        report_kind=report_kind,
        schedule=schedule or Schedule(ScheduleType.UNDATED),
        wording=wording or Wording.AS_REGULATED,
        responsible=r.codes("responsible", required=True),
        recipient=r.optional_text("recipient"),
        via=r.optional_text("via"),
        also_to=r.codes("also_to"),
        quote=r.text("quote"),
        valid_from=spec_valid_from,
        valid_to=spec_valid_to,
        lead_days=lead_days,
        review_note=r.text("review_note", required=False),
    )
    return spec if len(problems) == before else None


def _task(raw: dict[str, Any], where: str, problems: list[str]) -> TaskSpec | None:
    r = _Reader(raw, where, problems)
    before = len(problems)
    spec = TaskSpec(
        ref=r.text("ref"),
        section=r.text("section", required=False),
        text=r.text("text"),
        timeline=r.text("timeline", required=False),
        lead=r.codes("lead"),
        coordinating=r.codes("coordinating"),
    )
    return spec if len(problems) == before else None


def parse_plan(text: str, source: str) -> PlanSpec:
    """Parse and check one plan file; raise PlanFileError listing every problem."""
    data = _read_toml(text, source)
    problems: list[str] = []
    r = _Reader(data, "", problems)
    code = r.text("code")
    if code and not all(ch.isalnum() or ch in "-_" for ch in code):
        r.fail("code", "chỉ dùng chữ, số, '-' và '_'")
    locality = r.text("locality")
    valid_from, valid_to = r.day("valid_from", required=True), r.day("valid_to")
    if valid_from and valid_to and valid_from > valid_to:
        r.fail("valid_to", "ngày kết thúc hiệu lực trước ngày bắt đầu")
    directories = data.get("directories", [])
    if not isinstance(directories, list) or not all(isinstance(d, str) for d in directories):
        r.fail("units", 'phải là danh sách tên danh bạ đơn vị, ví dụ ["quang-ngai"]')
        directories = []
    tasks = [_task(t, f"tasks[{i}]", problems) for i, t in enumerate(r.tables("tasks"), 1)]
    obligations = [
        _obligation(o, f"obligations[{i}]", problems)
        for i, o in enumerate(r.tables("obligations"), 1)
    ]
    if not data.get("obligations"):
        r.fail("obligations", "kế hoạch cần ít nhất một nghĩa vụ báo cáo [[obligations]]")
    _no_duplicates([t.ref for t in tasks if t], "tasks.ref", problems)
    _no_duplicates([o.code for o in obligations if o], "obligations.code", problems)
    spec = PlanSpec(
        code=code,
        number=r.text("number", required=False),
        title=r.text("title"),
        issuer=r.optional_text("issuer"),
        issued=r.day("issued"),
        locality=locality,
        valid_from=valid_from or date.min,
        valid_to=valid_to,
        source=r.text("source", required=False),
        directories=tuple(directories),
        units=tuple(_units_of(data, locality, problems)),
        tasks=tuple(t for t in tasks if t),
        obligations=tuple(o for o in obligations if o),
        origin=source,
        content=text,
    )
    if problems:
        raise PlanFileError(source, problems)
    return spec


def _no_duplicates(values: list[str], where: str, problems: list[str]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            problems.append(f"{where}: trùng {value!r}")
        seen.add(value)


def read_text(path: Path) -> str:
    """Read a plan file as UTF-8, with a Vietnamese error when it cannot be read."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PlanFileError(str(path), [f"tệp quá lớn (tối đa {MAX_FILE_BYTES // 1000} KB)"])
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PlanFileError(str(path), ["không tìm thấy tệp"]) from exc
    except IsADirectoryError as exc:
        raise PlanFileError(str(path), ["đây là thư mục, không phải tệp"]) from exc
    except UnicodeDecodeError as exc:
        raise PlanFileError(str(path), ["tệp không phải văn bản UTF-8"]) from exc
    except PermissionError as exc:
        raise PlanFileError(str(path), ["không có quyền đọc tệp"]) from exc


def bundled_plan_files() -> list[tuple[str, str]]:
    """The seed plan files shipped in the package: (file name, text)."""
    folder = resources.files("kehoach_bot.plans") / "data"
    return sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    )


def bundled_directory(locality: str) -> tuple[str, str] | None:
    """The shipped units directory for a locality: (file name, text), or None."""
    entry = resources.files("kehoach_bot.plans") / "data" / "units" / f"{locality}.toml"
    if not entry.is_file():
        return None
    return entry.name, entry.read_text(encoding="utf-8")

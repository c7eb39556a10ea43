"""`python bot.py extract`: a plan's text drafted into JSON and into a plan file the loader takes;
bad files refused in Vietnamese with nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from tests.auxil.plan_texts import PLAN_BODY, PLAN_HEAD
from tests.auxil.snapshot import snapshot
from tests.integration.conftest import Cli


def _plan_text(tmp_path: Path) -> Path:
    path = tmp_path / "ke-hoach-901.txt"
    path.write_text(PLAN_HEAD + PLAN_BODY, encoding="utf-8")
    return path


def test_json_gives_the_duty_with_its_deadline_units_and_route(cli: Cli, tmp_path: Path) -> None:
    result = cli("extract", str(_plan_text(tmp_path)), "--json")
    assert result.code == 0, result.err
    found = json.loads(result.out)
    assert found["plan"]["number"] == "901/KH-UBND" and found["plan"]["issued_on"] == "2026-11-10"
    [duty] = found["obligations"]
    assert {k: duty[k] for k in ("kind", "due", "wording", "recipient", "via")} == {
        "kind": "annual",
        "due": "12-15",
        "wording": "trước ngày",
        "recipient": "Ủy ban nhân dân tỉnh",
        "via": "Sở Y tế",
    }
    assert [u["code"] for u in duty["responsible_units"]] == ["GL-SNV"]


def test_the_drafted_file_loads_with_load_plans(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    out = tmp_path / "nhap.toml"
    written = cli("extract", str(_plan_text(tmp_path)), "--out", str(out))
    assert written.code == 0, written.err
    assert "gia-lai-901" in written.out and "1 nghĩa vụ báo cáo" in written.out
    loaded = cli("load-plans", str(out))
    assert loaded.code == 0, loaded.err
    assert "gia-lai-901" in cli("plans").out


def test_bad_files_get_a_vietnamese_error_and_change_nothing(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    cli("plans")  # the seeds are loaded before the snapshot
    before = snapshot(engine)
    empty = tmp_path / "trong.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "anh.docx"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    for path in (tmp_path / "khong-co.txt", tmp_path, empty, binary):
        result = cli("extract", str(path))
        assert result.code == 1, path
        assert result.err.startswith("Lỗi: ") and "Traceback" not in result.err
    assert snapshot(engine) == before
    assert not list(tmp_path.glob("*.toml"))

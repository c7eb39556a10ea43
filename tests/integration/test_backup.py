"""`backup DIR` and `restore DIR` through the command line, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, delete, func, insert, text
from sqlmodel import col, select

from kehoach_bot.cli.backup import format_size
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.migrate import MIGRATIONS_DIR
from kehoach_bot.db.models import AuditLog, Occurrence, Reply, metadata
from kehoach_bot.services import audit, backup_manifest, backup_postgres
from tests.auxil.cli import CliResult, run_cli
from tests.auxil.databases import DatabaseFactory
from tests.auxil.snapshot import snapshot
from tests.conftest import NOW

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40  # binary content, every byte value


def cli(monkeypatch: pytest.MonkeyPatch, site: Path, url: str, *args: str) -> CliResult:
    """Run `python bot.py …` from the folder `site`: the data folder is `site/data`."""
    site.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(site)
    return run_cli(list(args), url=url, now=NOW, monkeypatch=monkeypatch)


def add_report(engine: Engine, data_dir: Path, name: str, content: bytes, nth: int = 0) -> str:
    """A submitted reply whose report file is saved under data/files/<occurrence>/."""
    with session_scope(engine) as session:
        occurrence_id = session.execute(
            select(col(Occurrence.id)).order_by(col(Occurrence.id)).offset(nth).limit(1)
        ).scalar_one()
        relative = f"files/{occurrence_id}/20261124T100000-{name}"
        session.execute(
            insert(Reply).values(
                occurrence_id=occurrence_id,
                kind="submitted",
                text="",
                file_name=name,
                file_path=relative,
                file_size=len(content),
                file_sha256=hashlib.sha256(content).hexdigest(),
                created_at=NOW,
            )
        )
    path = data_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return relative


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def manifest_of(backup_dir: Path) -> dict[str, Any]:
    """The backup's manifest.json."""
    data: dict[str, Any] = json.loads((backup_dir / "manifest.json").read_text(encoding="utf-8"))
    return data


def audit_count(engine: Engine) -> int:
    """Rows in the audit log."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(AuditLog)).scalar_one())


def audit_rows(engine: Engine, up_to: int) -> list[tuple[Any, ...]]:
    """Audit rows with id ≤ up_to, in id order."""
    log = metadata.tables["auditlog"]
    with engine.connect() as conn:
        found = conn.execute(log.select().where(log.c.id <= up_to).order_by(log.c.id))
        return [tuple(r) for r in found]


def test_backup_then_restore_into_a_fresh_database_is_identical(
    factory: DatabaseFactory,
    engine: Engine,
    db_url: str,
    empty_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site = tmp_path / "site"
    add_report(engine, site / "data", "Báo cáo 6 tháng.pdf", PDF)
    add_report(engine, site / "data", "rong.docx", b"", nth=1)  # an empty file is a file too
    before, files_before = snapshot(engine, complete=True), tree(site / "data" / "files")
    assert len(files_before) == 2

    made = cli(monkeypatch, site, db_url, "backup", str(tmp_path / "bk"))

    assert made.code == 0, made.err
    assert "Đã sao lưu vào" in made.out
    assert "Tệp báo cáo: 2 tệp" in made.out
    manifest = manifest_of(tmp_path / "bk")
    assert manifest["format_version"] == backup_manifest.FORMAT_VERSION
    assert manifest["created_at"] == NOW.isoformat()
    assert manifest["backend"] == factory.backend
    assert manifest["alembic_revision"] == ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert manifest["row_counts"] == {t: int(fp.split(":")[0]) for t, fp in before.items()}
    assert manifest["row_counts"]["reply"] == 2
    assert {f["path"]: (f["size"], f["sha256"]) for f in manifest["files"]} == {
        f"files/{path}": (len(content), hashlib.sha256(content).hexdigest())
        for path, content in files_before.items()
    }
    engine.dispose()

    elsewhere = tmp_path / "elsewhere"
    restored = cli(monkeypatch, elsewhere, empty_url, "restore", str(tmp_path / "bk"))

    assert restored.code == 0, restored.err
    assert "Đã khôi phục từ" in restored.out
    assert "khớp manifest.json" in restored.out
    target = factory.engine(empty_url)
    try:
        assert snapshot(target, complete=True) == before
    finally:
        target.dispose()
    assert tree(elsewhere / "data" / "files") == files_before
    assert not [p.name for p in (elsewhere / "data").iterdir() if p.name != "files"]


def test_restore_over_the_live_database_puts_the_backup_back(
    engine: Engine, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    data = site / "data"
    report = add_report(engine, data, "bao-cao.pdf", PDF)
    before, files_before = snapshot(engine, complete=True), tree(data / "files")
    assert cli(monkeypatch, site, db_url, "backup", str(tmp_path / "bk")).code == 0
    # Life goes on: a reply is deleted, audit rows are added, files change, appear and vanish.
    with session_scope(engine) as session:
        session.execute(delete(Reply))
        audit.record(session, actor="test", action="after_backup", entity="test", now=NOW)
    (data / report).write_bytes(b"sau sao luu")
    add_report(engine, data, "moi.pdf", b"tep moi", nth=3)
    assert snapshot(engine, complete=True) != before
    engine.dispose()  # the bot is stopped before a restore

    restored = cli(monkeypatch, site, db_url, "restore", str(tmp_path / "bk"))

    assert restored.code == 0, restored.err
    assert snapshot(engine, complete=True) == before
    assert tree(data / "files") == files_before
    assert sorted(p.name for p in data.iterdir()) == ["files"]  # no staging folder left behind
    engine.dispose()


class AuditWriter(threading.Thread):
    """Keeps inserting audit rows, one transaction each, until stopped."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(daemon=True)
        self.engine = engine
        self.written = 0
        self.error: BaseException | None = None
        self.stopping = threading.Event()

    def run(self) -> None:
        """Write until told to stop; keep the first error for the test to raise."""
        try:
            while not self.stopping.is_set():
                with session_scope(self.engine) as session:
                    audit.record(session, actor="writer", action="ping", entity="test", now=NOW)
                self.written += 1
        except BaseException as exc:
            self.error = exc

    def wait_for(self, count: int, timeout: float = 30) -> None:
        """Block until at least `count` rows are written."""
        deadline = time.monotonic() + timeout
        while self.written < count and self.error is None:
            assert time.monotonic() < deadline, "the writer did not get going"
            time.sleep(0.005)

    def finish(self) -> None:
        """Stop, join, and raise what went wrong in the thread."""
        self.stopping.set()
        self.join(timeout=30)
        if self.error is not None:
            raise self.error


def test_a_backup_taken_while_writing_is_consistent(
    factory: DatabaseFactory,
    engine: Engine,
    db_url: str,
    empty_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base = audit_count(engine)
    writer = AuditWriter(engine)
    writer.start()
    try:
        writer.wait_for(20)
        started = writer.written
        made = cli(monkeypatch, tmp_path / "site", db_url, "backup", str(tmp_path / "bk"))
        ended = writer.written
    finally:
        writer.finish()
    assert made.code == 0, made.err
    assert ended > started, "the writer must have been writing during the backup"
    counted = manifest_of(tmp_path / "bk")["row_counts"]["auditlog"]
    assert base + started <= counted <= base + ended
    if factory.backend == "sqlite":
        with closing(sqlite3.connect(tmp_path / "bk" / "database.sqlite3")) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    restored = cli(monkeypatch, tmp_path / "elsewhere", empty_url, "restore", str(tmp_path / "bk"))

    assert restored.code == 0, restored.err
    target = factory.engine(empty_url)
    try:
        assert audit_count(target) == counted
        # A snapshot: exactly the rows committed before some moment, none after it.
        last = max(r[0] for r in audit_rows(target, up_to=10**9))
        assert audit_rows(target, up_to=last) == audit_rows(engine, up_to=last)
    finally:
        target.dispose()


def _change_report(backup_dir: Path) -> None:
    path = next(p for p in sorted((backup_dir / "files").rglob("*")) if p.is_file())
    content = bytearray(path.read_bytes())
    content[100] ^= 0xFF  # same size, one byte changed
    path.write_bytes(bytes(content))


def _change_database(backup_dir: Path) -> None:
    path = next(backup_dir.glob("database.*"))
    with path.open("ab") as handle:
        handle.write(b"\0")


def _edit_manifest(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], object]:
    def edit(backup_dir: Path) -> None:
        data = manifest_of(backup_dir)
        change(data)
        (backup_dir / "manifest.json").write_text(json.dumps(data), encoding="utf-8")

    return edit


DAMAGES: dict[str, tuple[Callable[[Path], object], str]] = {
    "report file changed": (_change_report, "không khớp dung lượng hoặc mã SHA-256"),
    "database changed": (_change_database, "không khớp dung lượng hoặc mã SHA-256"),
    "report file added": (
        lambda d: (d / "files" / "thua.pdf").write_bytes(b"x"),
        "không có trong manifest.json",
    ),
    "report file removed": (
        lambda d: next(p for p in (d / "files").rglob("*") if p.is_file()).unlink(),
        "thiếu tệp files/",
    ),
    "manifest deleted": (lambda d: (d / "manifest.json").unlink(), "không có manifest.json"),
    "manifest garbled": (
        lambda d: (d / "manifest.json").write_bytes(b'{"format": "kehoach-bot-backup", '),
        "hỏng hoặc sai định dạng (không đọc được JSON)",
    ),
    "newer format": (
        _edit_manifest(lambda m: m.update(format_version=99)),
        "có định dạng số 99",
    ),
    "path out of the backup": (
        _edit_manifest(lambda m: m["files"][0].update(path="files/../../ngoai.pdf")),
        "đường dẫn tệp files/../../ngoai.pdf không hợp lệ",
    ),
    "unknown schema revision": (
        _edit_manifest(lambda m: m.update(alembic_revision="ffffffffffff")),
        "phiên bản cấu trúc ffffffffffff",
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_backup_is_refused_and_nothing_changes(
    damage: str, engine: Engine, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    data = site / "data"
    add_report(engine, data, "bao-cao.pdf", PDF)
    assert cli(monkeypatch, site, db_url, "backup", str(tmp_path / "bk")).code == 0
    # The live data moves on, so that a restore would visibly change it.
    with session_scope(engine) as session:
        audit.record(session, actor="test", action="after_backup", entity="test", now=NOW)
    add_report(engine, data, "moi.pdf", b"tep moi", nth=2)
    before, files_before = snapshot(engine, complete=True), tree(data / "files")
    spoil, expected = DAMAGES[damage]
    spoil(tmp_path / "bk")

    refused = cli(monkeypatch, site, db_url, "restore", str(tmp_path / "bk"))

    assert refused.code == 1
    assert refused.err.startswith("Lỗi: ")
    assert expected in refused.err
    assert refused.out == ""
    assert snapshot(engine, complete=True) == before
    assert tree(data / "files") == files_before
    assert sorted(p.name for p in data.iterdir()) == ["files"]


def test_restore_is_refused_while_the_database_is_in_use(
    engine: Engine, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    assert cli(monkeypatch, site, db_url, "backup", str(tmp_path / "bk")).code == 0
    with session_scope(engine) as session:
        audit.record(session, actor="test", action="after_backup", entity="test", now=NOW)
    before = snapshot(engine, complete=True)

    with engine.connect() as running_bot:  # another process would hold its connection the same way
        running_bot.execute(select(1))
        refused = cli(monkeypatch, site, db_url, "restore", str(tmp_path / "bk"))

    assert refused.code == 1
    assert "(bot đang chạy?): hãy dừng bot rồi khôi phục lại" in refused.err
    assert snapshot(engine, complete=True) == before


def test_a_table_the_backup_does_not_know(
    factory: DatabaseFactory,
    engine: Engine,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site = tmp_path / "site"
    before = snapshot(engine, complete=True)
    assert cli(monkeypatch, site, db_url, "backup", str(tmp_path / "bk")).code == 0
    with engine.begin() as conn:  # as a later migration would add
        conn.execute(text("CREATE TABLE later_table (id INTEGER PRIMARY KEY)"))
    after = snapshot(engine, complete=True)
    engine.dispose()

    result = cli(monkeypatch, site, db_url, "restore", str(tmp_path / "bk"))

    if factory.backend == "sqlite":  # the whole file is replaced
        assert result.code == 0, result.err
        assert snapshot(engine, complete=True) == before
    else:  # pg_restore --clean would leave the table behind: refused before any change
        assert result.code == 1
        assert "có bảng không có trong bản sao lưu (later_table;" in result.err
        assert snapshot(engine, complete=True) == after
    engine.dispose()


def test_backup_into_a_folder_that_holds_something_is_refused(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    occupied = tmp_path / "bk"
    occupied.mkdir()
    (occupied / "ghi-chu.txt").write_text("bản sao lưu tháng trước", encoding="utf-8")

    refused = cli(monkeypatch, tmp_path / "site", db_url, "backup", str(occupied))

    assert refused.code == 1
    assert f"Lỗi: Thư mục {occupied} đã có dữ liệu" in refused.err
    assert [p.name for p in occupied.iterdir()] == ["ghi-chu.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bk", "site"]  # nothing half-written
    # An empty folder is fine.
    (tmp_path / "empty").mkdir()
    made = cli(monkeypatch, tmp_path / "site", db_url, "backup", str(tmp_path / "empty"))
    assert made.code == 0, made.err
    assert (tmp_path / "empty" / "manifest.json").is_file()


def test_postgresql_backup_without_pg_dump_says_what_is_missing(
    factory: DatabaseFactory, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    monkeypatch.setattr(backup_postgres, "PG_BIN_GLOB", str(tmp_path / "no-postgresql" / "*"))

    result = cli(monkeypatch, tmp_path / "site", db_url, "backup", str(tmp_path / "bk"))

    if factory.backend == "sqlite":  # SQLite needs no outside tool
        assert result.code == 0, result.err
        return
    assert result.code == 1
    assert "Cần chương trình pg_dump để sao lưu PostgreSQL" in result.err
    assert not (tmp_path / "bk").exists()


def test_sizes_read_the_vietnamese_way() -> None:
    assert [format_size(n) for n in (0, 1023, 1536, 5 * 1024**2)] == [
        "0 byte",
        "1023 byte",
        "1,5 KB",
        "5,0 MB",
    ]

"""`python bot.py files`: the submitted files of a period in one zip, each member's bytes checked
against the stored file, the index checked against the database, bad input refused with no file."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine
from sqlmodel import col, select

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Occurrence, Person, Plan, Reply, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import ReplyKind
from kehoach_bot.exports.bundle_zip import TELEGRAM_UPLOAD_LIMIT, fits_telegram, write_zip
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import answers
from kehoach_bot.services.bundle import coordinated_files
from kehoach_bot.services.errors import Forbidden
from kehoach_bot.services.replies import Attachment
from kehoach_bot.texts import bundle_vi
from kehoach_bot.texts.vi import STATUS_SHORT
from tests.auxil.cli import CliResult, run_cli
from tests.conftest import NOW
from tests.integration.test_services_behaviour import join, occurrence

Cli = Callable[..., CliResult]
PLAN = "gia-lai-743"
REPORT = "Tổng hợp, đánh giá tình hình thực hiện gửi Sở Y tế (hằng năm)"
SNV, SXD, COORDINATOR = 7301, 7302, 7303
FIRST = b"%PDF-1.4 first draft\n" * 1000
SECOND = b"%PDF-1.4 replacement\n" * 3000
SXD_DOC = "Bảng số liệu Sở Xây dựng\n".encode() * 500
GL_SNV = f"GL-SNV_{REPORT}_năm 2026"
GL_SXD = f"GL-SXD_{REPORT}_năm 2026"
NAMES = (f"{GL_SNV}.pdf", f"{GL_SNV}_2.pdf", f"{GL_SXD}.docx")


@pytest.fixture
def cli(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.chdir(tmp_path)  # the command line's data folder is ./data, as in `settings`

    def run(*args: str) -> CliResult:
        return run_cli(list(args), url=db_url, now=NOW, monkeypatch=monkeypatch)

    return run


def _send(
    runtime: Runtime, user: int, report: int, name: str, content: bytes, *, again: bool
) -> None:
    relative = f"files/{report}/{hashlib.sha256(content).hexdigest()[:12]}.bin"
    stored = runtime.settings.data_dir / relative
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(content)
    answers.answer(
        runtime,
        user_id=user,
        occurrence_id=report,
        kind=ReplyKind.SUBMITTED,
        attachment=Attachment(name, relative, len(content), hashlib.sha256(content).hexdigest()),
        replacing=again,
    )


@pytest.fixture
def submitted(engine: Engine, runtime: Runtime) -> None:
    """GL-SNV sends its yearly report, then a replacement; GL-SXD sends one file."""
    join(engine, SNV, "GL-SNV", Role.OFFICER)
    join(engine, SXD, "GL-SXD", Role.OFFICER)
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    snv = occurrence(engine, "GL-SNV", "gui-so-y-te", date(2026, 11, 25))
    sxd = occurrence(engine, "GL-SXD", "gui-so-y-te", date(2026, 11, 25))
    _send(runtime, SNV, snv, "Báo cáo năm 2026.PDF", FIRST, again=False)
    _send(runtime, SNV, snv, "Báo cáo năm 2026 (sửa).pdf", SECOND, again=True)
    _send(runtime, SXD, sxd, "so-lieu.docx", SXD_DOC, again=False)


def stored_files(engine: Engine, data_dir: Path) -> list[tuple[str, str, str, str, int, bytes]]:
    """(unit, file name, person, sha256, size, bytes on disk) of the replies with a file."""
    with session_scope(engine) as session:
        rows = session.exec(
            select(Reply, Unit.code, Person.full_name)
            .select_from(Reply)
            .join(Occurrence, col(Occurrence.id) == col(Reply.occurrence_id))
            .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
            .join(Person, col(Person.id) == col(Reply.person_id))
            .where(col(Reply.file_path).is_not(None))
            .order_by(col(Reply.id))
        ).all()
    return [
        (
            unit,
            reply.file_name or "",
            person,
            reply.file_sha256 or "",
            reply.file_size or 0,
            (data_dir / (reply.file_path or "")).read_bytes(),
        )
        for reply, unit, person in rows
    ]


def reports_of_2026(engine: Engine) -> set[tuple[str, str]]:
    """(unit, report) of every open or done period "năm 2026" of the plan."""
    with session_scope(engine) as session:
        rows = session.exec(
            select(Unit.code, Obligation.title)
            .select_from(Occurrence)
            .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
            .join(Plan, col(Plan.id) == col(Obligation.plan_id))
            .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
            .where(
                Plan.code == PLAN,
                Occurrence.period_key == "2026",
                col(Occurrence.state).in_(["open", "done"]),
            )
        ).all()
    return {(u, t) for u, t in rows}


def test_the_zip_holds_every_file_and_an_index_matching_the_database(
    cli: Cli, engine: Engine, settings: Settings, submitted: None, tmp_path: Path
) -> None:
    out = tmp_path / "tep-nop.zip"
    result = cli("files", "--plan", PLAN, "--period", "năm 2026", "--out", str(out))
    assert result.code == 0, result.err
    assert f"Đã nén 3 tệp của kế hoạch {PLAN}, kỳ năm 2026 vào {out}" in result.out
    assert list(tmp_path.glob("*.tmp")) == []
    stored = stored_files(engine, settings.data_dir)
    assert [s[:2] for s in stored] == [
        ("GL-SNV", "Báo cáo năm 2026.PDF"),
        ("GL-SNV", "Báo cáo năm 2026 (sửa).pdf"),
        ("GL-SXD", "so-lieu.docx"),
    ]
    names = list(NAMES)
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == [*names, bundle_vi.INDEX_NAME]
        for name, (_, _, _, sha, size, content) in zip(names, stored, strict=True):
            member = archive.read(name)
            assert member == content
            assert len(member) == size
            assert hashlib.sha256(member).hexdigest() == sha
            info = archive.getinfo(name)
            assert info.flag_bits & 0x800  # the UTF-8 flag: accents survive any unzip tool
            assert info.date_time == (2026, 11, 24, 10, 0, 0)  # 03:00 UTC in Hà Nội
        index = load_workbook(io.BytesIO(archive.read(bundle_vi.INDEX_NAME)))
    assert index.sheetnames == [bundle_vi.SHEET_FILES, bundle_vi.SHEET_WITHOUT]
    rows = list(index[bundle_vi.SHEET_FILES].iter_rows(values_only=True))
    assert rows[0] == bundle_vi.HEADERS
    table = [dict(zip(bundle_vi.HEADERS, row, strict=True)) for row in rows[1:]]
    assert [r["Tên trong tệp nén"] for r in table] == names
    on_time = STATUS_SHORT["done_on_time"]
    for row, (unit, file_name, person, sha, size, _) in zip(table, stored, strict=True):
        assert (row["Mã đơn vị"], row["Tên tệp khi nộp"], row["Người nộp"]) == (
            unit,
            file_name,
            person,
        )
        assert (row["SHA-256"], row["Dung lượng (byte)"]) == (sha, size)
        assert row["Báo cáo"] == REPORT and row["Kỳ báo cáo"] == "năm 2026"
        assert row["Tình trạng"] == on_time
        assert row["Thời điểm nộp"] == datetime(2026, 11, 24, 10, 0)  # a real date cell
    assert [r["Ghi chú"] for r in table] == [bundle_vi.REPLACED, None, None]
    cell = index[bundle_vi.SHEET_FILES]["F2"]
    assert cell.is_date
    # Every other report of the period is listed as having no file.
    without = list(index[bundle_vi.SHEET_WITHOUT].iter_rows(values_only=True))
    assert without[0] == bundle_vi.WITHOUT_HEADERS
    expected = reports_of_2026(engine) - {("GL-SNV", REPORT), ("GL-SXD", REPORT)}
    assert len(expected) > 1
    assert {(r[0], r[2]) for r in without[1:]} == expected
    assert len(without) - 1 == len(expected)


def test_a_stored_file_missing_on_disk_is_listed_not_a_crash(
    cli: Cli, settings: Settings, engine: Engine, submitted: None, tmp_path: Path
) -> None:
    with session_scope(engine) as session:
        first = session.exec(select(Reply).where(Reply.file_name == "so-lieu.docx")).one()
        assert first.file_path
        (settings.data_dir / first.file_path).unlink()
    out = tmp_path / "tep-nop.zip"
    result = cli("files", "--plan", PLAN, "--period", "2026", "--out", str(out))
    assert result.code == 0, result.err
    assert "Đã nén 2 tệp" in result.out
    assert "Không tìm thấy 1 tệp trên đĩa" in result.out
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == [f"{GL_SNV}.pdf", f"{GL_SNV}_2.pdf", bundle_vi.INDEX_NAME]
        index = load_workbook(io.BytesIO(archive.read(bundle_vi.INDEX_NAME)))
    last = list(index[bundle_vi.SHEET_FILES].iter_rows(values_only=True))[-1]
    assert last[0] is None
    assert last[1] == "GL-SXD" and last[8] == "so-lieu.docx"
    assert last[11] == bundle_vi.MISSING


def test_only_a_coordinator_of_the_plan_gets_its_files(
    runtime: Runtime, submitted: None, tmp_path: Path
) -> None:
    with pytest.raises(Forbidden) as refused:
        coordinated_files(runtime, user_id=SNV, plan_code=PLAN, period="năm 2026")
    assert str(refused.value) == bundle_vi.NOT_YOUR_PLAN.format(plan=PLAN)
    files = coordinated_files(runtime, user_id=COORDINATOR, plan_code=PLAN, period="năm 2026")
    assert [f.zip_name for f in files.files] == [*NAMES]
    assert [f.replaced for f in files.files] == [True, False, False]
    buffer = io.BytesIO()
    summary = write_zip(files, buffer)
    assert (summary.files, summary.missing) == (3, ())
    assert summary.size == len(buffer.getvalue())
    assert fits_telegram(summary.size)
    assert fits_telegram(TELEGRAM_UPLOAD_LIMIT) and not fits_telegram(TELEGRAM_UPLOAD_LIMIT + 1)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--plan", "khong-co", "--period", "2026"), "khong-co"),
        (("--plan", PLAN, "--period", "quý IX/2030"), "không có kỳ 'quý IX/2030'"),
        (("--plan", PLAN, "--period", "năm 2027"), "chưa đơn vị nào gửi tệp báo cáo"),
    ],
)
def test_bad_plan_or_period_is_refused_and_writes_nothing(
    cli: Cli, submitted: None, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "tep-nop.zip"
    result = cli("files", *args, "--out", str(out))
    assert result.code == 1
    assert message in result.err
    assert not out.exists()
    assert list(tmp_path.glob("*.tmp")) == []


def test_wrong_extension_or_unwritable_path_is_refused(
    cli: Cli, submitted: None, tmp_path: Path
) -> None:
    wrong = cli("files", "--plan", PLAN, "--period", "2026", "--out", str(tmp_path / "a.rar"))
    assert wrong.code == 1
    assert "chỉ hỗ trợ tệp nén .zip" in wrong.err
    assert not (tmp_path / "a.rar").exists()
    a_file = tmp_path / "khong-phai-thu-muc"
    a_file.write_text("x")
    result = cli("files", "--plan", PLAN, "--period", "2026", "--out", str(a_file / "a.zip"))
    assert result.code == 1
    assert "Không ghi được tệp" in result.err and "quyền ghi" in result.err
    missing = cli("files", "--plan", PLAN, "--period", "2026", "--out", "/khong/co/a.zip")
    assert missing.code == 1 and "Không ghi được tệp" in missing.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", a_file.name]

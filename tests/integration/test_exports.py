"""`python bot.py export`: the plan's table as Excel and CSV, checked cell by cell against the
database, and bad input refused with a Vietnamese message and no file."""

from __future__ import annotations

import csv
import io
import math
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from sqlalchemy import Engine, update
from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Occurrence, Plan
from kehoach_bot.domain.status import State
from kehoach_bot.runtime import Runtime
from kehoach_bot.services.exports import weekly_table
from kehoach_bot.texts import exports_vi
from kehoach_bot.texts.vi import STATUS_SHORT
from tests.auxil.cli import CliResult
from tests.auxil.snapshot import snapshot
from tests.integration.conftest import year_2026

Cli = Callable[..., CliResult]
OFFICER = 7301
PLAN = "gia-lai-743"
HEADERS = list(exports_vi.HEADERS)


def test_the_excel_table_matches_the_database(
    cli: Cli, engine: Engine, submitted: int, tmp_path: Path
) -> None:
    out = tmp_path / "bang.xlsx"
    result = cli("export", "--plan", PLAN, "--period", "năm 2026", "--out", str(out))
    assert result.code == 0, result.err
    expected = year_2026(engine)
    assert f"Đã xuất {len(expected)} dòng" in result.out
    book = load_workbook(out)
    assert book.sheetnames == ["Bảng theo dõi", "Tổng hợp"]
    sheet = book["Bảng theo dõi"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    table = [dict(zip(HEADERS, row, strict=True)) for row in rows[1:]]
    assert len(table) == len(expected) > 1
    assert Counter((r["Mã đơn vị"], r["Báo cáo"]) for r in table) == Counter(
        (u, t) for u, t, _ in expected
    )
    assert {r["Kỳ báo cáo"] for r in table} == {"năm 2026"}
    # The unit that submitted: a real date cell, its note and its file.
    done = [
        r
        for r in table
        if r["Mã đơn vị"] == "GL-SNV" and str(r["Báo cáo"]).endswith("gửi Sở Y tế (hằng năm)")
    ]
    assert len(done) == 1
    row = done[0]
    assert row["Thời điểm nộp"] == datetime(2026, 11, 24, 10, 0)  # 03:00 UTC in Hà Nội
    assert row["Ngày cuối đúng hạn"] == datetime(2026, 11, 24)
    assert row["Thời hạn theo kế hoạch"] == "trước ngày 25/11/2026"
    assert row["Tình trạng"] == STATUS_SHORT["done_on_time"]
    assert row["Ghi chú của đơn vị"] == "Đã tổng hợp đủ số liệu các phòng"
    assert row["Tệp đã nộp"] == "Báo cáo năm 2026.pdf"
    assert row["Số ngày trễ"] is None
    submitted_cell = sheet.cell(row=2 + table.index(row), column=8)
    assert isinstance(submitted_cell, Cell) and submitted_cell.is_date
    assert submitted_cell.number_format == "hh:mm dd/mm/yyyy"
    last_day_cell = sheet.cell(row=2 + table.index(row), column=7)
    assert isinstance(last_day_cell, Cell) and last_day_cell.is_date
    assert last_day_cell.number_format == "dd/mm/yyyy"
    # Everyone else is still open, and none of them has a submission.
    others = [r for r in table if r is not row]
    assert all(r["Thời điểm nộp"] is None and not r["Tệp đã nộp"] for r in others)
    assert sum(s == State.DONE.value for _, _, s in expected) == 1
    # Printable and browsable.
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:L{len(expected) + 1}"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4  # "9" is A4
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr is not None
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.column_dimensions["B"].width >= 20
    # A row is as tall as its longest wrapped text, since no program grows it on opening:
    # the report titles here run to two or three lines in their column.
    widths = [sheet.column_dimensions[c].width for c in "ABCDEFGHIJKL"]
    for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        longest = max(
            len(v) / (w * 1.1) for v, w in zip(values, widths, strict=True) if isinstance(v, str)
        )
        height = sheet.row_dimensions[number].height or 15
        assert height >= 15 * math.ceil(longest) > 15


def test_the_summary_counts_what_the_calendar_shows(
    cli: Cli, engine: Engine, submitted: int, tmp_path: Path
) -> None:
    out = tmp_path / "bang.xlsx"
    assert cli("export", "--plan", PLAN, "--period", "2026", "--out", str(out)).code == 0
    calendar = cli("calendar", "--plan", PLAN, "--json").json()
    statuses = Counter(e["status"] for e in calendar if e["period"] == "năm 2026")
    summary = load_workbook(out)["Tổng hợp"]
    rows = [row for row in summary.iter_rows(values_only=True) if row[0] is not None]
    header = next(r for r in rows if r[0] == "Kỳ báo cáo")
    assert header[1:] == (
        *(STATUS_SHORT[s] for s in ("done_on_time", "done_late", "open_on_time", "open_overdue")),
        STATUS_SHORT["not_tracked"],
        "Tổng cộng",
    )
    keys = ("done_on_time", "done_late", "open_on_time", "open_overdue", "not_tracked")
    wanted = (*(statuses.get(k, 0) for k in keys), sum(statuses.values()))
    period = next(r for r in rows if r[0] == "năm 2026")
    total = next(r for r in rows if r[0] == "Tổng cộng")
    assert period[1:] == total[1:] == wanted
    assert statuses["done_on_time"] == 1


def test_the_csv_has_the_same_rows_with_a_bom(
    cli: Cli, engine: Engine, submitted: int, tmp_path: Path
) -> None:
    out = tmp_path / "bang.csv"
    result = cli("export", "--plan", PLAN, "--period", "Năm 2026", "--out", str(out))
    assert result.code == 0, result.err
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == HEADERS
    assert len(rows) - 1 == len(year_2026(engine))
    done = [r for r in rows[1:] if r[0] == "GL-SNV" and r[7]]
    assert len(done) == 1
    assert done[0][6:8] == ["24/11/2026", "10:00 24/11/2026"]
    assert done[0][11] == "Báo cáo năm 2026.pdf"
    assert done[0][4] == "hoàn thành đúng hạn"


def test_a_date_range_keeps_the_periods_whose_last_day_falls_in_it(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    out = tmp_path / "bang.csv"
    result = cli(
        "export", "--plan", PLAN, "--from", "01/12/2026", "--to", "31/12/2026", "--out", str(out)
    )
    assert result.code == 0, result.err
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))[1:]
    days = {r[6] for r in rows}
    assert rows and all(d.endswith("/12/2026") for d in days)
    titles = {r[2] for r in rows}
    assert not any(t.endswith("gửi Sở Y tế (hằng năm)") for t in titles)  # due 25/11


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--plan", "khong-co", "--out", "{dir}/a.xlsx"), "Không có kế hoạch mã 'khong-co'"),
        (("--plan", PLAN, "--period", "năm 2031", "--out", "{dir}/a.xlsx"), "Các kỳ của kế"),
        (("--plan", PLAN, "--period", "quý V/2026", "--out", "{dir}/a.csv"), "không có kỳ"),
        (
            ("--plan", PLAN, "--from", "01/01/2040", "--out", "{dir}/a.xlsx"),
            "không có kỳ báo cáo nào trong khoảng đã chọn",
        ),
        (
            ("--plan", PLAN, "--from", "02/01/2027", "--to", "01/01/2027", "--out", "{dir}/a.csv"),
            "sau ngày kết thúc",
        ),
        (("--plan", PLAN, "--out", "{dir}/a.pdf"), "chỉ hỗ trợ tệp .xlsx (Excel) hoặc .csv"),
        (("--plan", PLAN, "--out", "/proc/x.xlsx"), "Không ghi được tệp /proc/x.xlsx"),
        (("--plan", PLAN, "--out", "{dir}/khong/co/a.csv"), "Không ghi được tệp"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_without_a_file(
    cli: Cli, engine: Engine, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = snapshot(engine)
    made = [a.format(dir=tmp_path) for a in args]
    result = cli("export", *made)
    assert result.code == 1
    assert result.err.startswith("Lỗi: ") and message in result.err, result.err
    assert list(tmp_path.rglob("*")) == []
    assert not Path("/proc/x.xlsx").exists()
    assert snapshot(engine) == before


def test_the_periods_named_when_one_is_unknown(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", "--plan", PLAN, "--period", "2031", "--out", str(tmp_path / "a.csv"))
    assert result.code == 1
    assert "năm 2026" in result.err and "năm 2027" in result.err


def test_the_weekly_table_is_none_once_the_plan_has_no_reports_or_is_gone(
    engine: Engine, runtime: Runtime
) -> None:
    with session_scope(engine) as session:
        plan_id = session.exec(select(Plan.id).where(Plan.code == PLAN)).one()
        assert plan_id is not None
    table = weekly_table(runtime, plan_id=plan_id)
    assert table is not None and table.plan == PLAN and table.rows
    assert weekly_table(runtime, plan_id=999_999) is None
    with session_scope(engine) as session:
        obligations = select(Obligation.id).where(Obligation.plan_id == plan_id)
        session.exec(
            update(Occurrence)
            .where(col(Occurrence.obligation_id).in_(obligations))
            .values(state=State.WAIVED.value)
        )
    assert weekly_table(runtime, plan_id=plan_id) is None

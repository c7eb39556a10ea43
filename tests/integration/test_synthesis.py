"""`python bot.py synthesis`: the draft synthesis report (.docx), opened with python-docx and read
against the database; the bot's entry point refuses a non-coordinator; bad input is refused with a
Vietnamese message and no file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt
from sqlalchemy import Engine
from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Occurrence
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import State
from kehoach_bot.runtime import Runtime
from kehoach_bot.services.errors import Forbidden
from kehoach_bot.services.exports import plan_table
from kehoach_bot.services.synthesis import coordinated_synthesis
from kehoach_bot.texts.vi import STATUS_SHORT
from tests.auxil.cli import CliResult
from tests.auxil.snapshot import snapshot
from tests.integration.conftest import SUBMITTED_FILE, SUBMITTED_NOTE, SUBMITTER, year_2026
from tests.integration.test_services_behaviour import join

Cli = Callable[..., CliResult]
OFFICER = SUBMITTER
COORDINATOR = 7402
PLAN = "gia-lai-743"
NOTE = SUBMITTED_NOTE
FILE = SUBMITTED_FILE
PARTS = (
    "I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ",
    "II. KẾT QUẢ THỰC HIỆN",
    "III. CÁC ĐƠN VỊ CHƯA BÁO CÁO",
    "IV. ĐỀ XUẤT, KIẾN NGHỊ",
)


def texts(document: DocumentObject) -> list[str]:
    """Every paragraph of the body, the header and closing tables included, in order."""
    found: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            found.append("".join(node.text or "" for node in block.iter(qn("w:t"))))
        elif block.tag == qn("w:tbl"):
            for paragraph in block.iter(qn("w:p")):
                found.append("".join(node.text or "" for node in paragraph.iter(qn("w:t"))))
    return found


def part(lines: list[str], title: str) -> list[str]:
    """The paragraphs of one numbered part, up to the next."""
    start = lines.index(title)
    following = [i for i, line in enumerate(lines) if line in PARTS and i > start]
    return lines[start + 1 : following[0] if following else len(lines)]


def make(cli: Cli, out: Path, *extra: str) -> DocumentObject:
    result = cli("synthesis", "--plan", PLAN, "--period", "năm 2026", *extra, "--out", str(out))
    assert result.code == 0, result.err
    assert "Đã tạo dự thảo báo cáo tổng hợp kế hoạch gia-lai-743, năm 2026" in result.out
    return Document(str(out))


def test_the_report_says_what_the_database_holds(
    cli: Cli, engine: Engine, runtime: Runtime, submitted: int, tmp_path: Path
) -> None:
    document = make(cli, tmp_path / "bao-cao.docx")
    lines = texts(document)
    # The header: office from the "qua" unit of the period, quốc hiệu, tiêu ngữ, placeholders.
    assert lines[:3] == ["UBND TỈNH GIA LAI", "SỞ Y TẾ", "Số: [Số]/BC-[ký hiệu]"]
    assert lines[3:6] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "[địa danh], ngày … tháng … năm …",
    ]
    header = document.tables[0]
    assert header.rows[0].cells[1].paragraphs[1].runs[0].underline
    assert header.rows[0].cells[1].paragraphs[2].runs[0].italic
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    # Title: the plan as the database holds it, and the period; the recipient of the "qua" flow.
    assert "BÁO CÁO" in lines
    subject = lines[lines.index("BÁO CÁO") + 1]
    assert subject.startswith("Kết quả thực hiện Kế hoạch số 743/KH-UBND ngày 28/03/2025")
    assert "Ủy ban nhân dân tỉnh Gia Lai" in subject and subject.endswith("năm 2026")
    assert "Kính gửi: Ủy ban nhân dân tỉnh Gia Lai." in lines
    # I: the counts are plan_table's, in the four categories.
    table = plan_table(runtime, plan_code=PLAN, period="năm 2026", date_from=None, date_to=None)
    expected = year_2026(engine, unit="name")
    assert len(table.rows) == len(expected)
    first = part(lines, PARTS[0])
    units = len({name for name, _, _ in expected})
    assert f"{units} đơn vị" in first[0] and f"({len(expected)} báo cáo)" in first[0]
    for status, count in table.counts.items():
        if status.value == "not_tracked" and not count:
            continue
        words = STATUS_SHORT[status.value]
        shown = [line for line in first if line.lower().startswith(f"- {words}:")]
        assert shown == [shown[0]] and f": {count} báo cáo" in shown[0], (words, first)
    # II: the one unit that reported, with its time, its note and its file, as submitted.
    results = part(lines, PARTS[1])
    done = [(name, title) for name, title, state in expected if state == State.DONE.value]
    assert done == [("Sở Nội vụ tỉnh Gia Lai", done[0][1])]
    assert results[0] == "1. Sở Nội vụ tỉnh Gia Lai"
    assert results[1] == f"{done[0][1]}: đã nộp lúc 10:00 ngày 24/11/2026, đúng hạn."
    assert f"Nội dung đơn vị báo cáo: «{NOTE}»" in results
    assert f"Tệp đã nộp: {FILE}." in results
    assert not any(line.startswith("2. ") for line in results)
    # III: every unit and report still owed this period, and only those.
    missing = part(lines, PARTS[2])
    owed = [(name, title) for name, title, state in expected if state == State.OPEN.value]
    headings = [line for line in missing if line[:1].isdigit()]
    assert {h.split(". ", 1)[1].rstrip(":") for h in headings} == {name for name, _ in owed}
    assert len([line for line in missing if line.startswith("- ")]) == len(owed)
    for name, title in owed:
        assert any(line.startswith(f"- {title} (hạn cuối ") for line in missing), (name, title)
    # IV is the coordinator's to write; "Nơi nhận" and the signature are there to fill.
    assert part(lines, PARTS[3])[0] == "[Nêu đề xuất, kiến nghị của cơ quan tổng hợp.]"
    assert "Nơi nhận:" in lines and "- Ủy ban nhân dân tỉnh Gia Lai;" in lines
    assert "- Lưu: VT." in lines and "[Người ký]" in lines


def test_the_page_and_the_fonts_are_an_office_s(cli: Cli, submitted: int, tmp_path: Path) -> None:
    document = make(cli, tmp_path / "bao-cao.docx")
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    page = [section.page_width, section.page_height]
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    # Lengths are stored in twentieths of a point: compare to a tenth of a millimetre.
    assert [round(length.mm, 1) for length in page if length is not None] == [210, 297]
    top, bottom, left, right = (round(m.mm, 1) for m in margins if m is not None)
    assert (top, bottom, left) == (20, 20, 30) and 15 <= right <= 20
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert fonts.get(qn("w:hAnsi")) == "Times New Roman"
    # No run picks another font or a size outside 13–14 pt; the body is justified.
    runs = [run for p in document.paragraphs for run in p.runs]
    runs += [
        run
        for table in document.tables
        for cell in table.rows[0].cells
        for p in cell.paragraphs
        for run in p.runs
    ]
    assert runs and all(run.font.name in (None, "Times New Roman") for run in runs)
    assert {run.font.size or normal.font.size for run in runs} <= {Pt(13), Pt(14)}
    assert not document.element.body.findall(".//" + qn("w:txbxContent"))
    assert normal.paragraph_format.alignment == 3  # WD_ALIGN_PARAGRAPH.JUSTIFY


def test_no_one_has_reported_yet(cli: Cli, tmp_path: Path) -> None:
    lines = texts(make(cli, tmp_path / "bao-cao.docx"))
    assert part(lines, PARTS[1]) == ["Chưa có đơn vị nào nộp báo cáo của kỳ này."]


def test_without_a_qua_office_the_given_one_heads_or_a_placeholder(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    with session_scope(engine) as session:
        for found in session.exec(select(Occurrence).where(Occurrence.period_key == "2026")):
            found.via_id = None
            session.add(found)
    unnamed = texts(make(cli, tmp_path / "a.docx"))
    assert unnamed[:2] == ["[Tên cơ quan]", "Số: [Số]/BC-[ký hiệu]"]
    named = texts(make(cli, tmp_path / "b.docx", "--office", "GL-SNV"))
    assert named[:2] == ["UBND TỈNH GIA LAI", "SỞ NỘI VỤ"]
    # Nothing passes through the office: every recipient of the period but the office itself.
    assert named[named.index("Kính gửi:") + 1 :][:3] == [
        "- Sở Y tế tỉnh Gia Lai;",
        "- Ủy ban nhân dân tỉnh Gia Lai;",
        "- Bộ Y tế.",
    ]
    unknown = cli(
        "synthesis",
        "--plan",
        PLAN,
        "--period",
        "2026",
        "--office",
        "KHONG",
        "--out",
        str(tmp_path / "c.docx"),
    )
    assert unknown.code == 1 and "Không có đơn vị mã 'KHONG'" in unknown.err
    assert not (tmp_path / "c.docx").exists()


def test_the_bot_refuses_a_non_coordinator_and_serves_a_coordinator(
    engine: Engine, runtime: Runtime, submitted: int
) -> None:
    before = snapshot(engine)
    with pytest.raises(Forbidden, match="không phải đầu mối của kế hoạch gia-lai-743"):
        coordinated_synthesis(runtime, user_id=OFFICER, plan_code=PLAN, period="năm 2026")
    assert snapshot(engine) == before
    join(engine, COORDINATOR, "GL-SYT", Role.COORDINATOR)
    made = coordinated_synthesis(runtime, user_id=COORDINATOR, plan_code=PLAN, period="2026")
    assert made.period == "năm 2026" and made.office is not None
    assert made.office.code == "GL-SYT"
    assert [part.unit for part in made.reported] == ["GL-SNV"]
    assert made.reported[0].rows[0].notes == (NOTE,) and made.reported[0].rows[0].files == (FILE,)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--plan", "khong-co", "--period", "2026", "--out", "{dir}/a.docx"),
            "Không có kế hoạch mã 'khong-co'",
        ),
        (("--plan", PLAN, "--period", "năm 2031", "--out", "{dir}/a.docx"), "Các kỳ của kế"),
        (("--plan", PLAN, "--out", "{dir}/a.docx"), "Báo cáo tổng hợp là của một kỳ"),
        (("--plan", PLAN, "--period", " ", "--out", "{dir}/a.docx"), "hãy ghi --period"),
        (("--plan", PLAN, "--period", "2026", "--out", "{dir}/a.pdf"), "chỉ xuất ra tệp Word"),
        (("--plan", PLAN, "--period", "2026", "--out", "{dir}/a.xlsx"), "tệp Word .docx"),
        (
            ("--plan", PLAN, "--period", "2026", "--out", "/proc/x.docx"),
            "Không ghi được tệp /proc/x.docx",
        ),
        (
            ("--plan", PLAN, "--period", "2026", "--out", "{dir}/khong/co/a.docx"),
            "Không ghi được tệp",
        ),
    ],
)
def test_bad_input_is_refused_in_vietnamese_without_a_file(
    cli: Cli, engine: Engine, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = snapshot(engine)
    result = cli("synthesis", *(a.format(dir=tmp_path) for a in args))
    assert result.code == 1
    assert result.err.startswith("Lỗi: ") and message in result.err, result.err
    assert list(tmp_path.rglob("*")) == []
    assert not Path("/proc/x.docx").exists()
    assert snapshot(engine) == before

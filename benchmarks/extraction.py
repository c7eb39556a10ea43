"""Reading a 100-page plan: the bot's and the command line's own path (`extraction.draft_plan`:
read the file, find the duties and units against the database's directory, write the draft plan
file), each format in a fresh process, on the seeded SQLite database."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

from docx import Document

from benchmarks.common import NOW, Result, run_child
from kehoach_bot.config import Settings
from kehoach_bot.db.engine import make_engine
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import console

PAGE_CHARS = 2600  # a page of a Vietnamese administrative document, Times New Roman 14
PAGES = 100
TARGET_SECONDS = 5.0
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "kehoach_bot/plans/data/texts"
DEV_SET = ROOT / "checks/extract_dev"


def plan_text() -> str:
    """100 pages of real text with no passage repeated (a repeated one would be judged once and
    then remembered): seed 000 without its "Nơi nhận", the other four seed plans' bodies, then
    documents of the development set, closed by seed 000's own "Nơi nhận" block."""
    first, *others = sorted(SEEDS.glob("*.txt"))
    body, _, tail = first.read_text(encoding="utf-8").partition("Nơi nhận")
    parts = [body] + [p.read_text(encoding="utf-8").partition("Nơi nhận")[0] for p in others]
    extra = iter(sorted(DEV_SET.glob("*.txt")))
    while sum(map(len, parts)) < PAGES * PAGE_CHARS:
        parts.append(next(extra).read_text(encoding="utf-8"))
    return "\n".join(parts) + "\nNơi nhận" + tail


def as_docx(text: str) -> bytes:
    """The text as a Word file: a paragraph per line, a three-column table every 40 lines."""
    document = Document()
    for number, line in enumerate(text.splitlines()):
        document.add_paragraph(line)
        if number % 40 == 39:
            table = document.add_table(rows=2, cols=3)
            for cell, value in zip(
                table.rows[0].cells, ("Nhiệm vụ", "Chủ trì", "Phối hợp"), strict=True
            ):
                cell.text = value
            for cell, value in zip(
                table.rows[1].cells, (line[:80], "Sở Nội vụ", "Sở Y tế"), strict=True
            ):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf(text: str) -> bytes | None:
    """The text as a PDF with real text (fpdf2 and matplotlib's DejaVu Sans); None without fpdf2."""
    try:
        from fpdf import FPDF
    except ImportError:
        return None
    import matplotlib

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(Path(matplotlib.get_data_path()) / "fonts/ttf/DejaVuSans.ttf"))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in text.splitlines():
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def measure(url: str, path: Path) -> dict[str, Any]:
    """One file drafted in a fresh process."""
    return run_child("benchmarks.extraction_child", url, str(path))


def run() -> Result:
    """Each format, best and worst of three."""
    text = plan_text()
    files: dict[str, bytes | None] = {
        "txt": text.encode("utf-8"),
        "docx": as_docx(text),
        "pdf": as_pdf(text),
    }
    numbers: dict[str, Any] = {"characters": len(text)}
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        engine = make_engine(url)
        runtime = Runtime(Settings(database_url=url), engine, lambda: NOW)
        console.prepare(runtime)  # the seeded directory the names are matched against
        runtime.answers.shutdown()
        runtime.background.shutdown()
        engine.dispose()
        for kind, content in files.items():
            if content is None:
                notes.append(f"{kind}: bỏ qua (chưa cài fpdf2 để tạo tệp thử)")
                continue
            path = Path(folder) / f"ke-hoach.{kind}"
            path.write_bytes(content)
            got = [measure(url, path) for _ in range(3)]
            numbers[f"{kind}_bytes"] = len(content)
            numbers[f"{kind}_pages"] = got[0]["pages"]
            numbers[f"{kind}_obligations"] = got[0]["obligations"]
            numbers[f"{kind}_seconds_best_of_3"] = min(g["seconds"] for g in got)
            numbers[f"{kind}_seconds_worst_of_3"] = max(g["seconds"] for g in got)
            numbers[f"{kind}_peak_rss_mb"] = max(g["peak_rss_mb"] for g in got)
    measured = [k for k in files if f"{k}_seconds_worst_of_3" in numbers]
    return Result(
        name="extraction",
        setup=f"kế hoạch {PAGES} trang ({len(text):,} ký tự, không đoạn nào lặp lại: năm văn bản mẫu "
        "rồi các văn bản của bộ phát triển) dạng "
        ".txt, .docx (kèm bảng) và PDF có chữ; extraction.draft_plan như bot và dòng lệnh, "
        "danh bạ đơn vị từ cơ sở dữ liệu; mỗi lần một tiến trình mới; SQLite",
        numbers=numbers,
        target=f"mỗi tệp <= {TARGET_SECONDS:.0f} giây (lần chậm nhất trong ba)",
        met=all(numbers[f"{k}_seconds_worst_of_3"] <= TARGET_SECONDS for k in measured),
        notes=notes,
    )

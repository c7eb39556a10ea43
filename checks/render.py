"""Open the coordinators' outputs in LibreOffice, as a recipient would; draw their first pages.

Usage: `bash checks/render [THƯ_MỤC]` (default `render-check/`). A throw-away database gets the seed
plans and a few answers with real files for «năm 2026» of gia-lai-743; the command line then makes
the Excel table, the chart, the synthesis report and the zip exactly as a coordinator would; each
document is converted to PDF by LibreOffice headless and its first page drawn to PNG. The PNGs are
for a person to look at; the check fails when a conversion fails or a page comes out blank.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image, ImageStat
from sqlalchemy import Engine
from sqlmodel import col, select

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import make_engine, session_scope
from kehoach_bot.db.models import Obligation, Occurrence, Plan, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import ReplyKind
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import answers, console
from kehoach_bot.services.people import accept_invite, issue_invite
from kehoach_bot.services.replies import Attachment

ROOT = Path(__file__).resolve().parents[1]
PLAN, PERIOD, PERIOD_KEY = "gia-lai-743", "năm 2026", "2026"
NOW = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)  # the answers are dated 24/11/2026 10:00
ANSWERS = (  # unit, officer's Telegram id, note, file name
    ("GL-SNV", 9101, "Đã tổng hợp đủ số liệu của các phòng chuyên môn.", "Báo cáo năm 2026.pdf"),
    ("GL-SYT", 9102, "Hoàn thành 12/12 chỉ tiêu; còn vướng kinh phí.", "BC Sở Y tế.docx"),
)


def main(out: Path) -> int:
    """Make the four outputs, convert and render them; 0 when every page came out."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        config = data / "config.toml"
        config.write_text(f'[app]\ndata_dir = "{data.as_posix()}"\n', encoding="utf-8")
        _answers(Settings(data_dir=data))
        made = _outputs(config, out)
    failures = [name for name in made if not _rendered(name, out)]
    for name in failures:
        print(f"LỖI: không dựng được trang đầu của {name}", file=sys.stderr)
    print("Xem các ảnh trang đầu:", *sorted(str(p) for p in out.glob("*.png")), sep="\n  ")
    return 1 if failures else 0


def _answers(settings: Settings) -> None:
    """The seed plans, and two units' answers with real files."""
    engine = make_engine(settings.resolved_database_url)
    runtime = Runtime(settings, engine, lambda: NOW)
    try:
        console.prepare(runtime)
        for unit, user, note, name in ANSWERS:
            with session_scope(engine) as session:
                invite = issue_invite(
                    session, unit_code=unit, role=Role.OFFICER, hours=1, actor="kiểm tra", now=NOW
                )
                accept_invite(
                    session,
                    code=invite.code,
                    telegram_user_id=user,
                    chat_id=user,
                    full_name=f"Cán bộ {unit}",
                    now=NOW,
                )
            content = f"{name}: {note}\n".encode()
            stored = Path("files") / unit / name
            (settings.data_dir / stored).parent.mkdir(parents=True, exist_ok=True)
            (settings.data_dir / stored).write_bytes(content)
            digest = hashlib.sha256(content).hexdigest()
            answers.answer(
                runtime,
                user_id=user,
                occurrence_id=_first_report(engine, unit),
                kind=ReplyKind.SUBMITTED,
                text=note,
                attachment=Attachment(name, stored.as_posix(), len(content), digest),
            )
    finally:
        runtime.answers.shutdown()
        runtime.background.shutdown()
        engine.dispose()


def _first_report(engine: Engine, unit: str) -> int:
    with session_scope(engine) as session:
        found = session.exec(
            select(Occurrence.id)
            .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
            .join(Plan, col(Plan.id) == col(Obligation.plan_id))
            .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
            .where(Plan.code == PLAN, Unit.code == unit, Occurrence.period_key == PERIOD_KEY)
            .order_by(col(Occurrence.due_date))
        ).first()
    if found is None:
        raise SystemExit(f"{unit} không có kỳ {PERIOD} trong {PLAN}")
    return found


def _outputs(config: Path, out: Path) -> list[str]:
    """The four files, made by the command line; the zip's index is taken out to be rendered."""
    made = {
        "bang-theo-doi.xlsx": ["export", "--plan", PLAN, "--period", PERIOD],
        "bieu-do.png": ["chart", "--plan", PLAN],
        "bao-cao-tong-hop.docx": ["synthesis", "--plan", PLAN, "--period", PERIOD],
        "tep-da-nop.zip": ["files", "--plan", PLAN, "--period", PERIOD],
    }
    for name, args in made.items():
        command = [sys.executable, "bot.py", "--config", str(config), *args]
        subprocess.run([*command, "--out", str(out / name)], check=True, cwd=ROOT)
    with zipfile.ZipFile(out / "tep-da-nop.zip") as bundle:
        index = next(n for n in bundle.namelist() if n.endswith(".xlsx"))
        (out / "muc-luc.xlsx").write_bytes(bundle.read(index))
    return ["bang-theo-doi.xlsx", "bieu-do.png", "bao-cao-tong-hop.docx", "muc-luc.xlsx"]


def _rendered(name: str, out: Path) -> bool:
    """Convert to PDF and draw page 1 as PNG (a PNG is looked at as it is); False when blank."""
    source = out / name
    if source.suffix == ".png":
        return _not_blank(source)
    with tempfile.TemporaryDirectory() as profile:  # a private profile: no clash with a desktop
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            capture_output=True,
        )
    pdf = source.with_suffix(".pdf")
    if not pdf.exists():
        return False
    page = out / f"{source.stem}-trang-1"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(page)],
        check=True,
    )
    return _not_blank(page.with_suffix(".png"))


def _not_blank(picture: Path) -> bool:
    with Image.open(picture) as image:
        spread = ImageStat.Stat(image.convert("L")).extrema[0]
    return spread[1] - spread[0] > 64


if __name__ == "__main__":
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        raise SystemExit("Cần LibreOffice và poppler-utils: chạy bash checks/render")
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "render-check")))

"""/xuat, /bieudo, /duthao, /tepnop: a coordinator gets its plan's table, chart, draft synthesis
report and files by buttons; nobody else does."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from PIL import Image
from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Occurrence, Plan
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import State
from kehoach_bot.exports import bundle_zip
from kehoach_bot.exports.bundle_zip import ZipSummary
from kehoach_bot.services.bundle import PlanFiles
from kehoach_bot.telegram.callbacks import Action, encode
from kehoach_bot.telegram.handlers import exports as handler
from kehoach_bot.texts import bundle_vi
from kehoach_bot.texts import exports_vi as t
from tests.auxil.offline_bot import Call
from tests.auxil.snapshot import snapshot
from tests.handlers.conftest import OfflineBot

COORDINATOR, OFFICER = 7301, 7302


def _button(call: Call, label: str) -> str:
    return dict(zip(call.button_texts(), call.callback_data(), strict=True))[label]


def _occurrences(bot: OfflineBot, plan: str, period_key: str) -> int:
    with session_scope(bot.engine) as session:
        return len(
            session.exec(
                select(Occurrence.id)
                .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
                .join(Plan, col(Plan.id) == col(Obligation.plan_id))
                .where(
                    Plan.code == plan,
                    Occurrence.period_key == period_key,
                    col(Occurrence.state).in_([State.OPEN.value, State.DONE.value]),
                )
            ).all()
        )


async def test_a_coordinator_picks_plan_and_period_and_gets_the_workbook(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, name="Hùng")
    asked = await bot.send_text(COORDINATOR, "/xuat")
    assert asked[0].text.startswith(t.CHOOSE_PLAN)
    assert asked[0].button_texts()[:-1] == ["gia-lai-743 · 743/KH-UBND"]  # its plan only
    periods = await bot.press(COORDINATOR, _button(asked[0], "gia-lai-743 · 743/KH-UBND"))
    listing = next(c for c in periods if c.method == "editMessageText")
    calls = await bot.press(COORDINATOR, _button(listing, "năm 2026"))
    [sent] = [c for c in calls if c.method == "sendDocument"]
    assert sent.params["caption"].startswith("📊 Bảng theo dõi gia-lai-743 — năm 2026:")
    workbook = openpyxl.load_workbook(io.BytesIO(next(iter(sent.files.values()))))
    sheet = workbook[t.SHEET_TABLE]
    assert sheet.max_row - 1 == _occurrences(bot, "gia-lai-743", "2026")
    assert {row[3] for row in sheet.iter_rows(min_row=2, values_only=True)} == {"năm 2026"}


async def test_a_plan_not_coordinated_is_refused_and_nothing_is_sent(bot: OfflineBot) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR)
    bot.join(OFFICER, "GL-SNV", Role.OFFICER)
    before = snapshot(bot.engine)
    calls = await bot.send_text(COORDINATOR, "/xuat la-gi-81")
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].text == t.NOT_YOUR_PLAN.format(plan="la-gi-81")
    officer = await bot.send_text(OFFICER, "/xuat gia-lai-743")
    assert [c.method for c in officer] == ["sendMessage"]
    unknown = await bot.send_text(COORDINATOR, "/xuat gia-lai-743 năm 1999")
    assert "không có kỳ" in unknown[0].text
    assert snapshot(bot.engine) == before


async def _submitted(bot: OfflineBot, name: str = "bao-cao.pdf") -> str:
    """Sở Nội vụ Gia Lai submits a report with a file; its period's label."""
    bot.join(OFFICER, "GL-SNV", Role.OFFICER, name="Lan")
    mine = bot.open_occurrences("GL-SNV", due_from=bot.runtime.today())[0]
    await bot.press(OFFICER, encode(Action.SUBMIT, mine))
    await bot.send_document(OFFICER, b"%PDF-1.4 bao cao", name)
    with session_scope(bot.engine) as session:
        occurrence = session.get(Occurrence, mine)
        assert occurrence is not None and occurrence.state == State.DONE.value
        return occurrence.period_label


async def test_the_chart_comes_as_a_picture_of_the_plan_the_person_coordinates(
    bot: OfflineBot,
) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR)
    asked = await bot.send_text(COORDINATOR, "/bieudo")
    assert asked[0].text == t.CHART_CHOOSE_PLAN
    calls = await bot.press(COORDINATOR, _button(asked[0], "gia-lai-743 · 743/KH-UBND"))
    [photo] = [c for c in calls if c.method == "sendPhoto"]
    assert photo.params["caption"].startswith("📈 Biểu đồ tình hình báo cáo gia-lai-743 — mọi kỳ")
    with Image.open(io.BytesIO(next(iter(photo.files.values())))) as image:
        assert image.format == "PNG"
    before = snapshot(bot.engine)
    refused = await bot.send_text(COORDINATOR, "/bieudo la-gi-81")
    assert [c.method for c in refused] == ["sendMessage"]
    assert refused[0].text == t.NOT_YOUR_PLAN.format(plan="la-gi-81")
    assert snapshot(bot.engine) == before


async def test_the_synthesis_always_asks_for_a_period_and_names_who_reported(
    bot: OfflineBot,
) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR)
    period = await _submitted(bot)
    asked = await bot.send_text(COORDINATOR, "/duthao gia-lai-743")  # typed without a period
    assert asked[0].text.startswith(t.SYNTHESIS_CHOOSE_PERIOD.format(plan="gia-lai-743"))
    calls = await bot.press(COORDINATOR, _button(asked[0], period))
    [sent] = [c for c in calls if c.method == "sendDocument"]
    assert "1/" in sent.params["caption"] and "đơn vị đã báo cáo" in sent.params["caption"]
    document = docx.Document(io.BytesIO(next(iter(sent.files.values()))))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Sở Nội vụ tỉnh Gia Lai" in text and "bao-cao.pdf" in text
    unknown = await bot.send_text(COORDINATOR, "/duthao gia-lai-743 năm 1999")
    assert "không có kỳ" in unknown[0].text


async def test_the_files_come_in_one_zip_or_a_clear_word_when_too_big_or_none(
    bot: OfflineBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR)
    nothing = await bot.send_text(COORDINATOR, "/tepnop gia-lai-743 năm 2026")
    assert nothing[0].text == bundle_vi.NO_FILES.format(plan="gia-lai-743", period="năm 2026")
    period = await _submitted(bot)
    calls = await bot.send_text(COORDINATOR, f"/tepnop gia-lai-743 {period}")
    [sent] = [c for c in calls if c.method == "sendDocument"]
    with zipfile.ZipFile(io.BytesIO(next(iter(sent.files.values())))) as archive:
        [report] = [n for n in archive.namelist() if n.endswith(".pdf")]
        assert archive.read(report) == b"%PDF-1.4 bao cao"
    monkeypatch.setattr(bundle_zip, "TELEGRAM_UPLOAD_LIMIT", 100)  # any real zip is bigger
    big = await bot.send_text(COORDINATOR, f"/tepnop gia-lai-743 {period}")
    assert [c.method for c in big] == ["sendMessage"]
    assert "quá giới hạn" in big[0].text and "python bot.py files --plan gia-lai-743" in big[0].text
    refused = await bot.send_text(OFFICER, f"/tepnop gia-lai-743 {period}")
    assert [c.method for c in refused] == ["sendMessage"]


@pytest.mark.parametrize(("name", "zips_written"), [("bao-cao.pdf", 0), ("bao-cao.txt", 1)])
async def test_files_too_big_as_they_lie_are_refused_before_any_zip_is_written(
    bot: OfflineBot, monkeypatch: pytest.MonkeyPatch, name: str, zips_written: int
) -> None:
    """A .pdf goes into the zip as it is: its 16 bytes already pass a 10-byte limit, so no zip is
    written. A .txt may shrink when deflated: the zip is written, then its real size refused."""
    bot.join(COORDINATOR, "GL-SYT", Role.COORDINATOR)
    period = await _submitted(bot, name)
    written: list[Path] = []
    zipped = handler._zipped

    def counted(found: PlanFiles, path: Path) -> ZipSummary:
        written.append(path)
        return zipped(found, path)

    monkeypatch.setattr(handler, "_zipped", counted)
    monkeypatch.setattr(bundle_zip, "TELEGRAM_UPLOAD_LIMIT", 10)
    big = await bot.send_text(COORDINATOR, f"/tepnop gia-lai-743 {period}")
    assert [c.method for c in big] == ["sendMessage"]
    assert "quá giới hạn" in big[0].text and "python bot.py files --plan gia-lai-743" in big[0].text
    assert len(written) == zips_written

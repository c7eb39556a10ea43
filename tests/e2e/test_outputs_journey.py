"""Over real HTTP, as a new coordinator would: after an officer submits a report with its file,
the coordinator gets the Excel table, the chart, the draft synthesis report and the zip of the
files from the bot, by buttons alone, and each file holds what the database holds."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import openpyxl
from PIL import Image
from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Occurrence, Reply
from tests.auxil.fake_telegram import Call
from tests.e2e.conftest import BotEnv
from tests.e2e.test_pickers_journeys import button

OFFICER, COORDINATOR = 1211, 1212
PLAN = "gia-lai-743 · 743/KH-UBND"
REPORT = b"%PDF-1.4 bao cao nam 2026 cua So Noi vu"


def _file(call: Call) -> bytes:
    """The bytes the bot uploaded with a sendDocument or sendPhoto call."""
    [(_, content)] = call.files.values()
    return content


async def _by_buttons(
    bot: BotEnv, command: str, asks: str, period: str | None, method: str
) -> Call:
    """Send `command`, press the plan (and the period), and wait for the file the bot sends."""
    fake = bot.fake
    fake.send_text(COORDINATOR, command, name="Đầu mối")
    plans = await fake.wait_text(COORDINATOR, asks)
    fake.press(COORDINATOR, button(plans, PLAN), name="Đầu mối")
    if period is not None:
        periods = await fake.wait_for(
            lambda c: c.method == "editMessageText" and "kỳ báo cáo nào?" in str(c.params["text"])
        )
        fake.calls.remove(periods)  # the next command's picker edits a message with this text
        fake.press(COORDINATOR, button(periods, period), name="Đầu mối")
    sent = await fake.wait_for(
        lambda c: c.method == method and int(c.params["chat_id"]) == COORDINATOR
    )
    fake.calls.remove(sent)
    return sent


async def test_a_coordinator_gets_every_output_from_the_bot(bot: BotEnv) -> None:
    fake = bot.fake
    await bot.join(COORDINATOR, "GL-SYT", "coordinator", name="Đầu mối")
    await bot.join(OFFICER, "GL-SNV", "officer", name="Lan")
    fake.send_document(OFFICER, REPORT, "Báo cáo năm 2026.pdf")
    which = await fake.wait_text(OFFICER, "Nộp cho báo cáo nào?")
    first = which.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    fake.press(OFFICER, first, name="Lan")
    await fake.wait_text(COORDINATOR, "Sở Nội vụ tỉnh Gia Lai đã nộp")
    with session_scope(bot.engine) as session:
        reply = session.exec(select(Reply).where(col(Reply.file_name).is_not(None))).one()
        submitted = session.get(Occurrence, reply.occurrence_id)
        assert submitted is not None
        period, period_key = submitted.period_label, submitted.period_key

    excel = await _by_buttons(bot, "/xuat", "Xuất bảng Excel", period, "sendDocument")
    sheet = openpyxl.load_workbook(io.BytesIO(_file(excel)))["Bảng theo dõi"]
    headers = [c.value for c in sheet[1]]
    rows = [dict(zip(headers, r, strict=True)) for r in sheet.iter_rows(2, values_only=True)]
    [ours] = [r for r in rows if r["Mã đơn vị"] == "GL-SNV" and r["Tệp đã nộp"]]
    assert ours["Tệp đã nộp"] == "Báo cáo năm 2026.pdf" and ours["Kỳ báo cáo"] == period

    chart = await _by_buttons(bot, "/bieudo", "Vẽ biểu đồ", None, "sendPhoto")
    with Image.open(io.BytesIO(_file(chart))) as image:
        assert image.format == "PNG" and image.width == 1080
        counts = json.loads(image.info["kehoach:counts"])
    [drawn] = [p for p in counts if p["period_key"] == period_key]
    assert drawn["done_on_time"] + drawn["done_late"] == 1

    report = await _by_buttons(bot, "/duthao", "Soạn dự thảo", period, "sendDocument")
    document = docx.Document(io.BytesIO(_file(report)))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    text = "\n".join([*cells, *(p.text for p in document.paragraphs)])
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Sở Nội vụ tỉnh Gia Lai" in text and "Báo cáo năm 2026.pdf" in text

    bundle = await _by_buttons(bot, "/tepnop", "Lấy các tệp", period, "sendDocument")
    with zipfile.ZipFile(io.BytesIO(_file(bundle))) as archive:
        reports = [n for n in archive.namelist() if n.endswith(".pdf")]
        assert len(reports) == 1 and reports[0].startswith("GL-SNV_")
        assert archive.read(reports[0]) == REPORT

"""A plan's outputs downloaded from the board: each file opens with its own library and matches
the database; a plan the viewer does not coordinate is refused, an unknown one is not found."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from docx import Document
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import func
from sqlmodel import col, select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Occurrence, Plan
from kehoach_bot.services import board_admin
from kehoach_bot.services.exports import EXPORTED_STATES
from kehoach_bot.texts import board_admin_vi as t
from kehoach_bot.texts import bundle_vi
from tests.board.conftest import (
    ADMIN,
    COORDINATOR,
    OFFICER,
    OTHER_OFFICER,
    OTHER_PLAN,
    PLAN,
    BoardEnv,
    Client,
)
from tests.board.test_board_admin import ref_of
from tests.board.test_board_http import sign_in

CONTENT = "Báo cáo của Sở Giáo dục và Đào tạo\n".encode() * 200
BASE = f"/ke-hoach/{PLAN}"


def send_file(env: BoardEnv) -> str:
    """The other officer sends its 2026 report with a file; the period's key."""
    occurrence_id = env.occurrence("GL-SGDDT", "gui-so-y-te", date(2026, 11, 25))
    env.submit_file(OTHER_OFFICER, occurrence_id, CONTENT, "Báo cáo năm 2026.pdf")
    with session_scope(env.engine) as session:
        found = session.get(Occurrence, occurrence_id)
        assert found is not None
        return found.period_key


def exported_reports(env: BoardEnv) -> int:
    """How many reports of the plan the table holds (every period)."""
    with session_scope(env.engine) as session:
        return session.exec(
            select(func.count())
            .select_from(Occurrence)
            .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
            .join(Plan, col(Plan.id) == col(Obligation.plan_id))
            .where(Plan.code == PLAN, col(Occurrence.state).in_(EXPORTED_STATES))
        ).one()


def test_the_downloads_list_periods_and_their_files(env: BoardEnv) -> None:
    key = send_file(env)
    found = board_admin.downloads(env.runtime, ref=ref_of(env, COORDINATOR), plan_code=PLAN)
    assert found.plan == PLAN and found.periods
    files = {p.key: p.files for p in found.periods}
    assert files[key] == 1 and sum(files.values()) == 1
    first_dues = [p.key for p in found.periods]
    assert len(first_dues) == len(set(first_dues))


async def test_a_coordinator_downloads_each_output_matching_the_database(
    client: Client, env: BoardEnv
) -> None:
    key = send_file(env)
    await sign_in(client, env, COORDINATOR)
    page = await client.get(f"{BASE}/tai-ve")
    text = await page.text()
    assert page.status == 200
    for link in ("xuat.xlsx", "bieu-do.png", f"tong-hop/{key}.docx", f"tep/{key}.zip"):
        assert f'href="{BASE}/{link}"' in text

    table = await client.get(f"{BASE}/xuat.xlsx")
    assert table.status == 200 and table.content_type == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert table.headers["Content-Disposition"].startswith("attachment; filename=")
    book = load_workbook(io.BytesIO(await table.read()))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert len([r for r in rows[1:] if any(r)]) == exported_reports(env)

    chart = await client.get(f"{BASE}/bieu-do.png")
    assert chart.status == 200 and chart.content_type == "image/png"
    with Image.open(io.BytesIO(await chart.read())) as picture:
        assert picture.format == "PNG" and picture.width > 300

    draft = await client.get(f"{BASE}/tong-hop/{key}.docx")
    assert draft.status == 200 and draft.content_type.endswith("wordprocessingml.document")
    words = "\n".join(p.text for p in Document(io.BytesIO(await draft.read())).paragraphs)
    assert "năm 2026" in words

    bundle = await client.get(f"{BASE}/tep/{key}.zip")
    assert bundle.status == 200 and bundle.content_type == "application/zip"
    disposition = bundle.headers["Content-Disposition"]
    assert t.FILES_NAME.format(plan=PLAN, period=key) in disposition
    with zipfile.ZipFile(io.BytesIO(await bundle.read())) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names[-1] == bundle_vi.INDEX_NAME and len(names) == 2
        assert archive.read(names[0]) == CONTENT


async def test_downloads_are_refused_to_who_may_not_see_the_plan(
    client: Client, env: BoardEnv
) -> None:
    key = send_file(env)
    paths = ("tai-ve", "xuat.xlsx", "bieu-do.png", f"tong-hop/{key}.docx", f"tep/{key}.zip")
    for path in paths:
        assert (await client.get(f"{BASE}/{path}")).status == 403  # signed out
    await sign_in(client, env, OFFICER)  # owes the plan's reports, does not coordinate it
    for path in paths:
        refused = await client.get(f"{BASE}/{path}")
        assert refused.status == 403 and "Content-Disposition" not in refused.headers
    await sign_in(client, env, COORDINATOR)
    for path in ("tai-ve", "xuat.xlsx", "bieu-do.png"):
        assert (await client.get(f"/ke-hoach/{OTHER_PLAN}/{path}")).status == 403
    assert (await client.get("/ke-hoach/khong-co/xuat.xlsx")).status == 404
    assert (await client.get(f"{BASE}/tong-hop/1999.docx")).status == 404
    assert (await client.get(f"{BASE}/tep/1999.zip")).status == 404
    await sign_in(client, env, ADMIN)  # any plan
    assert (await client.get(f"/ke-hoach/{OTHER_PLAN}/xuat.xlsx")).status == 200


def test_a_file_name_is_safe_in_any_browser() -> None:
    from kehoach_bot.board.outputs import disposition

    made = disposition('bảng "đợt" 1/2.xlsx')
    assert made.startswith('attachment; filename="bangdot12.xlsx"; ')
    assert made.endswith("filename*=UTF-8''b%E1%BA%A3ng%20%22%C4%91%E1%BB%A3t%22%201%2F2.xlsx")

"""A cell's details, file downloads, and the grid's search and filters: the services on SQLite
and PostgreSQL, then over HTTP (aiohttp's test client on the real app)."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import pytest
from sqlmodel import col, select

from kehoach_bot.board.app import attachment_header
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Outbox, Reply
from kehoach_bot.domain.status import Status
from kehoach_bot.domain.stored import DeliveryStatus, ExtensionStatus, MessageKind, ReplyKind
from kehoach_bot.services import answers, board, board_grid
from kehoach_bot.services.board_grid import GridFilter
from kehoach_bot.services.errors import Forbidden, InvalidInput, NotFound
from kehoach_bot.services.outbox import Message, enqueue
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
from tests.board.test_board_http import sign_in
from tests.board.test_board_service import signed_in

CONTENT = "Báo cáo năm 2027 của Sở Nội vụ\n".encode() * 50
FILE_NAME = "Báo cáo Sở Nội vụ 2027.docx"


def item_id(env: BoardEnv, unit: str, obligation: str, period: str) -> int:
    """The occurrence id of a unit's report for a period, read from the admin's grid."""
    grid = board_grid.plan_grid(env.runtime, ref=signed_in(env, ADMIN), plan_code=PLAN, mark=None)
    column = [p.key for p in grid.periods].index(period)
    row = next(r for r in grid.rows if r.unit == unit)
    return next(i.occurrence_id for i in row.cells[column] if i.obligation == obligation)


def with_file(env: BoardEnv) -> tuple[int, int]:
    """The officer says «vướng mắc», asks for an extension, then submits a file; one reminder
    could not be delivered. Returns (occurrence id, reply id of the file)."""
    occurrence = item_id(env, "GL-SNV", "gui-so-y-te", "2027")
    env.clock.advance(days=10)  # 04/12/2026: an extension may reach 30/11/2027
    answers.answer(
        env.runtime,
        user_id=OFFICER,
        occurrence_id=occurrence,
        kind=ReplyKind.STUCK,
        text="Chờ số liệu <b>quý 4</b>",
    )
    answers.ask_extension(
        env.runtime,
        user_id=OFFICER,
        occurrence_id=occurrence,
        proposed_text="30/11/2027",
        reason="Thiếu số liệu",
    )
    env.submit_file(OFFICER, occurrence, CONTENT, FILE_NAME)
    with session_scope(env.engine) as session:
        enqueue(
            session,
            [
                Message(
                    key=f"test:{occurrence}",
                    chat_id=OFFICER,
                    kind=MessageKind.REMINDER,
                    stage="truoc-3",
                    occurrence_id=occurrence,
                )
            ],
            now=env.clock(),
        )
        row = session.exec(select(Outbox).where(Outbox.dedupe_key == f"test:{occurrence}")).one()
        row.status = DeliveryStatus.UNDELIVERABLE.value
        reply = session.exec(
            select(Reply.id).where(
                Reply.occurrence_id == occurrence, col(Reply.file_path).is_not(None)
            )
        ).one()
    assert reply is not None
    return occurrence, reply


# --- Services ---------------------------------------------------------------------------------


def test_a_cell_shows_answers_files_extensions_and_reminders(env: BoardEnv) -> None:
    occurrence, reply = with_file(env)
    ref = signed_in(env, COORDINATOR)
    found = board.cell_detail(env.runtime, ref=ref, plan_code=PLAN, occurrence_id=occurrence)
    assert (found.unit, found.period, found.title) == ("GL-SNV", "năm 2027", found.title)
    assert found.status is Status.DONE_ON_TIME and found.may_download
    assert [(a.kind, a.by) for a in found.answers] == [
        (ReplyKind.STUCK, "Cán bộ Sở Nội vụ"),
        (ReplyKind.SUBMITTED, "Cán bộ Sở Nội vụ"),
    ]
    assert found.answers[0].note == "Chờ số liệu <b>quý 4</b>"
    assert found.answers[1].file_name == FILE_NAME and found.answers[1].reply_id == reply
    assert found.answers[1].at.tzinfo is not None and found.answers[1].at.utcoffset() is not None
    (extension,) = found.extensions
    assert extension.proposed == date(2027, 11, 30) and extension.asked_by == "Cán bộ Sở Nội vụ"
    assert extension.status is ExtensionStatus.PENDING and extension.decided_at is None
    kinds = {(r.kind, r.status) for r in found.reminders}
    assert (MessageKind.REMINDER, DeliveryStatus.UNDELIVERABLE) in kinds
    assert (MessageKind.SUBMITTED, DeliveryStatus.PENDING) in kinds  # told the coordinator
    with session_scope(env.engine) as session:
        stored = session.exec(select(Outbox).where(Outbox.occurrence_id == occurrence)).all()
    assert len(found.reminders) == len(stored)


def test_a_cell_is_refused_outside_the_viewers_plans(env: BoardEnv) -> None:
    occurrence, _ = with_file(env)
    runtime = env.runtime
    officer = signed_in(env, OFFICER)
    own = board.cell_detail(runtime, ref=officer, plan_code=PLAN, occurrence_id=occurrence)
    assert own.unit == "GL-SNV"  # the unit itself sees its own cell
    with pytest.raises(Forbidden):
        board.cell_detail(
            runtime, ref=signed_in(env, OTHER_OFFICER), plan_code=PLAN, occurrence_id=occurrence
        )
    coordinator = signed_in(env, COORDINATOR)
    with pytest.raises(NotFound):  # a forged id
        board.cell_detail(runtime, ref=coordinator, plan_code=PLAN, occurrence_id=999_999)
    with pytest.raises(NotFound):  # an id of this plan under another plan's address
        board.cell_detail(runtime, ref=coordinator, plan_code=OTHER_PLAN, occurrence_id=occurrence)
    other = board_grid.plan_grid(
        runtime, ref=signed_in(env, ADMIN), plan_code=OTHER_PLAN, mark=None
    )
    foreign = (
        other.rows[0].cells[0][0].occurrence_id
        if other.rows[0].cells[0]
        else next(i.occurrence_id for c in other.rows[0].cells for i in c)
    )
    with pytest.raises(Forbidden):
        board.cell_detail(runtime, ref=coordinator, plan_code=OTHER_PLAN, occurrence_id=foreign)


def test_files_only_for_the_unit_and_its_coordinators(env: BoardEnv) -> None:
    _, reply = with_file(env)
    found = board.report_file(env.runtime, ref=signed_in(env, COORDINATOR), reply_id=reply)
    assert found.file_name == FILE_NAME and found.path.read_bytes() == CONTENT
    assert board.report_file(env.runtime, ref=signed_in(env, OFFICER), reply_id=reply).path
    with pytest.raises(Forbidden):
        board.report_file(env.runtime, ref=signed_in(env, OTHER_OFFICER), reply_id=reply)
    with pytest.raises(NotFound):
        board.report_file(env.runtime, ref=signed_in(env, ADMIN), reply_id=reply + 1000)


def test_a_stored_path_leading_out_of_the_data_folder_is_never_followed(env: BoardEnv) -> None:
    _, reply = with_file(env)
    secret = env.runtime.settings.data_dir.parent / "secret.txt"
    secret.write_text("không được lộ")
    with session_scope(env.engine) as session:
        row = session.get(Reply, reply)
        assert row is not None
        row.file_path = "../secret.txt"
    with pytest.raises(NotFound):
        board.report_file(env.runtime, ref=signed_in(env, ADMIN), reply_id=reply)


def test_search_period_and_kind_narrow_the_grid_and_its_counts(env: BoardEnv) -> None:
    ref = signed_in(env, COORDINATOR)
    runtime = env.runtime

    def grid(narrow: GridFilter, mark: str | None = None) -> board_grid.PlanGrid:
        return board_grid.plan_grid(runtime, ref=ref, plan_code=PLAN, mark=mark, narrow=narrow)

    whole = grid(GridFilter())
    found = grid(GridFilter(search="  y TE "))
    assert [r.unit_name for r in found.rows] == ["Sở Y tế tỉnh Gia Lai"]
    assert found.total == 3 and sum(found.counts.values()) == 3 < whole.total
    assert [r.unit for r in grid(GridFilter(search="noi vu")).rows] == ["GL-SNV"]
    assert grid(GridFilter(search="Nội Vụ")).total == 6
    year = grid(GridFilter(period="2026"))
    assert [p.key for p in year.periods] == ["2026"] and len(year.all_periods) == 3
    assert year.total == sum(1 for r in whole.rows for i in r.cells[1])
    kinds = grid(GridFilter(kind="don_vi"))
    assert {r.unit for r in kinds.rows} == {"GL-BHXH", "GL-NHCSXH"} and kinds.total == 12
    assert "so" in kinds.kinds and "don_vi" in kinds.kinds  # the choices stay whole
    both = grid(GridFilter(search="so", period="2026", kind="so"), Status.DONE_ON_TIME.value)
    assert [r.unit for r in both.rows] == ["GL-SNV"] and both.counts[Status.DONE_ON_TIME] == 1
    assert grid(GridFilter(search="không có đơn vị này")).rows == ()
    with pytest.raises(InvalidInput):
        grid(GridFilter(kind="boss"))


# --- HTTP -------------------------------------------------------------------------------------


async def test_the_download_sends_the_stored_bytes_as_an_attachment(
    client: Client, env: BoardEnv
) -> None:
    _, reply = with_file(env)
    await sign_in(client, env, COORDINATOR)
    response = await client.get(f"/tep/{reply}")
    assert response.status == 200 and await response.read() == CONTENT
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment; filename=")
    assert f"filename*=UTF-8''{quote(FILE_NAME, safe='')}" in disposition
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert (await client.get(f"/tep/{reply + 1000}")).status == 404
    for bad in ("/tep/..%2F..%2Fetc%2Fpasswd", "/tep/%2e%2e%2fapp.py", "/tep/1x", "/tep/"):
        assert (await client.get(bad)).status == 404, bad
    assert (await client.post(f"/tep/{reply}")).status == 405
    await sign_in(client, env, OTHER_OFFICER)
    refused = await client.get(f"/tep/{reply}")
    assert refused.status == 403 and await refused.read() != CONTENT
    client.session.cookie_jar.clear()
    assert (await client.get(f"/tep/{reply}")).status == 403


def test_the_attachment_header_keeps_vietnamese_names_and_quotes_nothing_raw() -> None:
    header = attachment_header('Báo cáo "Q4"; x.docx')
    assert header == (
        'attachment; filename="B_o c_o _Q4__ x.docx"; '
        "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22Q4%22%3B%20x.docx"
    )


async def test_a_cell_page_over_http(client: Client, env: BoardEnv) -> None:
    occurrence, reply = with_file(env)
    await sign_in(client, env, COORDINATOR)
    grid = await (await client.get(f"/ke-hoach/{PLAN}")).text()
    assert f'href="/ke-hoach/{PLAN}/o/{occurrence}"' in grid
    page = await client.get(f"/ke-hoach/{PLAN}/o/{occurrence}")
    text = await page.text()
    assert page.status == 200 and "Sở Nội vụ tỉnh Gia Lai" in text and "năm 2027" in text
    assert f'href="/tep/{reply}"' in text and "Vướng mắc" in text and "Đã nộp" in text
    assert "Chờ số liệu &lt;b&gt;quý 4&lt;/b&gt;" in text and "30/11/2027" in text
    assert 'data-delivery="undeliverable"' in text
    assert (await client.get(f"/ke-hoach/{PLAN}/o/99999999")).status == 404
    assert (await client.get(f"/ke-hoach/{PLAN}/o/9999999999999")).status == 404
    assert (await client.get(f"/ke-hoach/{OTHER_PLAN}/o/{occurrence}")).status == 404
    await sign_in(client, env, OTHER_OFFICER)
    assert (await client.get(f"/ke-hoach/{PLAN}/o/{occurrence}")).status == 403


async def test_search_and_filters_over_http(client: Client, env: BoardEnv) -> None:
    await sign_in(client, env, COORDINATOR)
    page = await client.get(f"/ke-hoach/{PLAN}", params={"tim": "y te", "ky": "2026"})
    text = await page.text()
    assert page.status == 200 and 'data-unit="GL-SYT"' in text
    assert 'data-unit="GL-SNV"' not in text and "Các số đếm ở trên chỉ tính" in text
    assert 'value="y te"' in text and '<option value="2026" selected>' in text
    assert 'href="/ke-hoach/gia-lai-743?tim=y+te&amp;ky=2026&amp;tinh-trang=qua-han"' in text
    kind = await (await client.get(f"/ke-hoach/{PLAN}?loai=don_vi&tinh-trang=trong-han")).text()
    assert 'data-unit="GL-BHXH"' in kind and 'data-unit="GL-SNV"' not in kind
    assert (await client.get(f"/ke-hoach/{PLAN}?loai=boss")).status == 400
    injected = await (await client.get(f"/ke-hoach/{PLAN}", params={"tim": '"><script>'})).text()
    assert "<script>" not in injected

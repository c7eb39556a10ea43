"""The grid paged by units: each page holds the next units by code, the counts stay the whole
plan's, a page past the last shows the last one, and the pager keeps every filter."""

from __future__ import annotations

from html import unescape
from re import findall

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from kehoach_bot.domain.status import Status
from kehoach_bot.services import board_grid
from kehoach_bot.services.board_grid import PlanGrid
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.exports import plan_table
from tests.board.conftest import COORDINATOR, PLAN, BoardEnv
from tests.board.test_board_http import sign_in
from tests.board.test_board_service import signed_in

Client = TestClient[web.Request, web.Application]
PER_PAGE = 3


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of three units, so the seed plan's units fill several."""
    monkeypatch.setattr(board_grid, "PAGE_UNITS", PER_PAGE)


def whole(env: BoardEnv, mark: str | None = None) -> PlanGrid:
    """The grid on one page, to compare each page with."""
    return board_grid.plan_grid(
        env.runtime, ref=signed_in(env, COORDINATOR), plan_code=PLAN, mark=mark, page=1
    )


def test_each_page_holds_the_next_units_and_the_whole_plans_counts(
    env: BoardEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    env.clock.advance(days=2)
    everything = whole(env)
    assert everything.pages == 1 and len(everything.rows) > 2 * PER_PAGE
    monkeypatch.setattr(board_grid, "PAGE_UNITS", PER_PAGE)
    ref = signed_in(env, COORDINATOR)
    table = plan_table(env.runtime, plan_code=PLAN, period=None, date_from=None, date_to=None)
    units = [row.unit for row in everything.rows]
    assert units == sorted(units)
    seen: list[str] = []
    for page in range(1, everything.unit_total // PER_PAGE + 2):
        grid = board_grid.plan_grid(env.runtime, ref=ref, plan_code=PLAN, mark=None, page=page)
        assert grid.page == page and grid.per_page == PER_PAGE
        assert grid.rows == everything.rows[(page - 1) * PER_PAGE : page * PER_PAGE]
        assert grid.counts == table.counts == everything.counts
        assert (
            grid.total
            == len(table.rows)
            > sum(len(cell) for row in grid.rows for cell in row.cells)
        )
        assert (grid.due_soon, grid.needs_review) == (everything.due_soon, everything.needs_review)
        assert grid.periods == everything.periods and grid.unit_total == len(units)
        seen.extend(row.unit for row in grid.rows)
    assert seen == units
    assert grid.pages == page  # the loop ended on the last page


@pytest.mark.usefixtures("small_pages")
def test_a_page_past_the_last_shows_the_last_and_a_bad_number_is_refused(
    env: BoardEnv,
) -> None:
    ref = signed_in(env, COORDINATOR)
    first = board_grid.plan_grid(env.runtime, ref=ref, plan_code=PLAN, mark=None)
    last = board_grid.plan_grid(env.runtime, ref=ref, plan_code=PLAN, mark=None, page=first.pages)
    beyond = board_grid.plan_grid(env.runtime, ref=ref, plan_code=PLAN, mark=None, page=9999)
    assert first.pages > 2 and beyond.page == first.pages and beyond.rows == last.rows
    assert beyond.rows and beyond.rows != first.rows
    with pytest.raises(InvalidInput):
        board_grid.plan_grid(env.runtime, ref=ref, plan_code=PLAN, mark=None, page=0)
    assert board_grid.parse_page("") == 1 and board_grid.parse_page(" 2 ") == 2
    for bad in ("0", "-1", "abc", "1.5", "9" * 7):
        with pytest.raises(InvalidInput, match="Số trang"):
            board_grid.parse_page(bad)


def test_a_status_filter_pages_only_the_units_it_keeps(
    env: BoardEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    env.clock.advance(days=2)
    overdue = Status.OPEN_OVERDUE.value
    everything = whole(env, overdue)
    assert len(everything.rows) > PER_PAGE
    monkeypatch.setattr(board_grid, "PAGE_UNITS", PER_PAGE)
    ref = signed_in(env, COORDINATOR)
    second = board_grid.plan_grid(env.runtime, ref=ref, plan_code=PLAN, mark=overdue, page=2)
    assert second.rows == everything.rows[PER_PAGE : 2 * PER_PAGE]
    assert second.unit_total == len(everything.rows)
    assert second.counts == whole(env).counts  # the mark hides rows, never the counts
    assert {i.status for row in second.rows for cell in row.cells for i in cell} == {
        Status.OPEN_OVERDUE
    }


def test_narrowed_counts_are_of_every_page_not_this_one(
    env: BoardEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    narrow = board_grid.GridFilter(period="2026")
    ref = signed_in(env, COORDINATOR)
    everything = board_grid.plan_grid(
        env.runtime, ref=ref, plan_code=PLAN, mark=None, narrow=narrow
    )
    monkeypatch.setattr(board_grid, "PAGE_UNITS", PER_PAGE)
    second = board_grid.plan_grid(
        env.runtime, ref=ref, plan_code=PLAN, mark=None, narrow=narrow, page=2
    )
    assert second.counts == everything.counts and second.total == everything.total
    assert second.rows == everything.rows[PER_PAGE : 2 * PER_PAGE]
    assert {p.key[:4] for p in second.periods} == {"2026"}


@pytest.mark.usefixtures("small_pages")
async def test_the_pager_keeps_the_filters_over_http(client: Client, env: BoardEnv) -> None:
    await sign_in(client, env, COORDINATOR)
    response = await client.get(f"/ke-hoach/{PLAN}", params={"ky": "2026", "trang": "2"})
    assert response.status == 200
    page = await response.text()
    found = findall(r'rel="(prev|next)" href="([^"]+)"', page)
    links = {rel: unescape(href) for rel, href in found}
    assert links["prev"] == f"/ke-hoach/{PLAN}?ky=2026"  # the first page has no number
    assert links["next"] == f"/ke-hoach/{PLAN}?ky=2026&trang=3"
    assert "Trang 2/" in page and page.count('<tr data-unit="') == PER_PAGE
    last = await client.get(f"/ke-hoach/{PLAN}", params={"tinh-trang": "trong-han", "trang": "99"})
    text = await last.text()
    assert last.status == 200 and 'rel="next"' not in text
    assert "tinh-trang=trong-han" in unescape(findall(r'rel="prev" href="([^"]+)"', text)[0])
    for bad in ("0", "hai"):
        refused = await client.get(f"/ke-hoach/{PLAN}", params={"trang": bad})
        assert refused.status == 400 and "Số trang" in await refused.text()

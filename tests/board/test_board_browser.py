"""The board in a real headless Chromium (Debian's chromium + chromium-driver, driven by Selenium)
against the real server on 127.0.0.1: sign-in by link, colours and counts, the filter, an
officer's page, screenshots at phone and desktop width. Nothing reaches the internet."""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait

from kehoach_bot.board.server import BoardServer
from kehoach_bot.domain.status import Status
from kehoach_bot.services import board_access
from kehoach_bot.services.exports import plan_table
from kehoach_bot.texts import board_vi as t
from tests.auxil.cli import run_cli
from tests.board.conftest import COORDINATOR, OFFICER, PLAN, BoardEnv

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver;"
    " .ci/test installs them)",
)
PHONE, DESKTOP = (360, 800), (1366, 900)
GREEN, RED = "rgb(200, 230, 201)", "rgb(255, 205, 210)"  # .s-done and .s-overdue


class RunningBoard:
    """The board's server on its own event loop in a thread, as it runs beside the bot."""

    def __init__(self, env: BoardEnv) -> None:
        self.server = BoardServer(env.runtime)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.server.start(port=0), self.loop).result(10)
        return f"http://127.0.0.1:{self.server.port}"

    def __exit__(self, *_: object) -> None:
        asyncio.run_coroutine_threadsafe(self.server.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture
def site(env: BoardEnv) -> Iterator[str]:
    """The server's address; the clock at 26/11/2026, when the 2026 report to Sở Y tế is late."""
    env.clock.advance(days=2)
    with RunningBoard(env) as address:
        yield address


def browser(size: tuple[int, int]) -> WebDriver:
    """Headless Chromium with a fixed window size."""
    assert CHROMIUM is not None and DRIVER is not None
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_argument(f"--window-size={size[0]},{size[1]}")
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.set_window_size(*size)
    return driver


def shots_folder(tmp_path: Path) -> Path:
    """Where screenshots go: $KEHOACH_BOARD_SHOTS when set (to look at them), else the test's."""
    folder = Path(os.environ.get("KEHOACH_BOARD_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def sign_in(driver: WebDriver, env: BoardEnv, address: str, user_id: int) -> None:
    """Open a one-time link as the person would from /bang."""
    url = board_access.issue_link(env.runtime, telegram_user_id=user_id, actor="test").url
    driver.get(address + url.removeprefix(env.runtime.settings.board.base_url))
    assert driver.current_url == address + "/"


def follow(driver: WebDriver, selector: str, *, to: str) -> None:
    """Click a link or button and wait until the page it leads to has loaded: a click returns
    before the navigation it starts is over."""
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 10).until(
        lambda d: (
            to in d.current_url and d.execute_script("return document.readyState") == "complete"
        )
    )


def background(driver: WebDriver, selector: str) -> str:
    """The computed background colour of the first element matching `selector`."""
    element = driver.find_element(By.CSS_SELECTOR, selector)
    return str(
        driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", element)
    )


def calendar_counts(env: BoardEnv, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The plan's reports by status, due soon and waiting for review, as `bot.py calendar
    --plan … --json` lists them."""
    listed = run_cli(
        ["calendar", "--plan", PLAN, "--json"],
        url=env.engine.url.render_as_string(hide_password=False),
        now=env.clock(),
        monkeypatch=monkeypatch,
    ).json()
    counts = Counter(str(entry["status"]) for entry in listed)
    counts["due_soon"] = sum(1 for entry in listed if entry["due_soon"])
    counts["needs_review"] = sum(1 for entry in listed if entry["needs_review"])
    return counts


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_coordinator_sees_the_grid_in_colour_and_filters_overdue(
    env: BoardEnv,
    site: str,
    size: tuple[int, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    listed = calendar_counts(env, monkeypatch)
    driver = browser(size)
    try:
        sign_in(driver, env, site, COORDINATOR)
        follow(driver, f'a[href="/ke-hoach/{PLAN}"]', to=f"/ke-hoach/{PLAN}")
        assert driver.current_url == f"{site}/ke-hoach/{PLAN}"
        table = plan_table(env.runtime, plan_code=PLAN, period=None, date_from=None, date_to=None)
        for status in (*table.counts, "due_soon", "needs_review"):
            shown = driver.find_element(By.CSS_SELECTOR, f'.chip[data-mark="{status}"] .n').text
            assert int(shown) == listed[status], status  # what `calendar --json` lists
            if status in table.counts:
                assert int(shown) == table.counts[Status(status)], status
        assert table.counts[Status.OPEN_OVERDUE] == 8 and table.counts[Status.DONE_ON_TIME] == 1
        submitted = 'tr[data-unit="GL-SNV"] .cell[data-status="done_on_time"]'
        overdue = 'tr[data-unit="GL-SGDDT"] .cell[data-status="open_overdue"]'
        assert background(driver, submitted) == GREEN
        assert background(driver, overdue) == RED
        width = driver.execute_script("return document.documentElement.clientWidth")
        assert width <= size[0]
        # The page itself never scrolls sideways: only the grid does, under a sticky unit column.
        page_width = driver.execute_script("return document.documentElement.scrollWidth")
        assert page_width == width
        driver.save_screenshot(str(shots_folder(tmp_path) / f"grid-{size[0]}.png"))

        follow(driver, '.chip[data-mark="open_overdue"]', to="tinh-trang=qua-han")
        assert driver.current_url.endswith("?tinh-trang=qua-han")
        cells = driver.find_elements(By.CSS_SELECTOR, ".grid .cell")
        assert len(cells) == 8 and {c.get_attribute("data-status") for c in cells} == {
            "open_overdue"
        }
        assert not driver.find_elements(By.CSS_SELECTOR, 'tr[data-unit="GL-SNV"]')
        assert t.GRID_FILTERED.format(label=t.CATEGORY["open_overdue"], units=8) in (
            driver.find_element(By.CSS_SELECTOR, ".filtered").text
        )
        driver.save_screenshot(str(shots_folder(tmp_path) / f"overdue-{size[0]}.png"))
    finally:
        driver.quit()


def test_an_officer_sees_only_its_unit(env: BoardEnv, site: str, tmp_path: Path) -> None:
    driver = browser(PHONE)
    try:
        sign_in(driver, env, site, OFFICER)
        driver.get(f"{site}/don-vi")
        text = driver.find_element(By.TAG_NAME, "main").text
        assert "Sở Nội vụ" in text and "Sở Giáo dục" not in text
        assert "Hoàn thành đúng hạn" not in text  # the submitted report is no longer owed
        history = driver.find_elements(By.CSS_SELECTOR, "table.hist tbody tr")
        assert len(history) == 1
        # On a phone each row is a card: no header row, each value under its column's name.
        assert not driver.find_element(By.CSS_SELECTOR, "table.hist thead").is_displayed()
        first = history[0].find_element(By.TAG_NAME, "td")
        assert first.value_of_css_property("display") == "block"
        label = driver.execute_script(
            "return getComputedStyle(arguments[0], '::before').content", first
        )
        header = driver.find_element(By.CSS_SELECTOR, "table.hist thead th")
        assert label == f'"{header.get_attribute("textContent")}"'
        width = driver.execute_script("return document.documentElement.clientWidth")
        assert driver.execute_script("return document.documentElement.scrollWidth") == width
        driver.save_screenshot(str(shots_folder(tmp_path) / "officer-360.png"))
        driver.get(f"{site}/ke-hoach/{PLAN}")
        assert t.REFUSED_TITLE in driver.find_element(By.TAG_NAME, "h1").text
    finally:
        driver.quit()

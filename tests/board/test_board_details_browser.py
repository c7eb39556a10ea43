"""In a real headless Chromium: search "y te", open a cell, see the answer and the download."""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.common.by import By

from tests.board.conftest import COORDINATOR, PLAN, BoardEnv
from tests.board.test_board_browser import (  # noqa: F401 (the fixture `site`)
    PHONE,
    RunningBoard,
    browser,
    follow,
    pytestmark,
    shots_folder,
    sign_in,
    site,
)
from tests.board.test_board_details import FILE_NAME, with_file


def test_search_open_a_cell_and_see_the_download(env: BoardEnv, tmp_path: Path) -> None:
    occurrence, reply = with_file(env)
    with RunningBoard(env) as address:
        driver = browser(PHONE)
        try:
            sign_in(driver, env, address, COORDINATOR)
            driver.get(f"{address}/ke-hoach/{PLAN}")
            box = driver.find_element(By.CSS_SELECTOR, 'form.filters input[name="tim"]')
            box.send_keys("noi vu")
            follow(driver, "form.filters button", to="tim=noi+vu")
            rows = driver.find_elements(By.CSS_SELECTOR, ".grid tbody tr")
            assert [r.get_attribute("data-unit") for r in rows] == ["GL-SNV"]
            follow(driver, f'a.cell[href$="/o/{occurrence}"]', to=f"/o/{occurrence}")
            assert driver.current_url.endswith(f"/ke-hoach/{PLAN}/o/{occurrence}")
            main = driver.find_element(By.TAG_NAME, "main").text
            assert "Đã nộp" in main and "Vướng mắc" in main
            link = driver.find_element(By.CSS_SELECTOR, "a.download")
            assert link.get_attribute("href") == f"{address}/tep/{reply}"
            assert FILE_NAME in link.text
            width = driver.execute_script("return document.documentElement.clientWidth")
            assert driver.execute_script("return document.documentElement.scrollWidth") == width
            driver.save_screenshot(str(shots_folder(tmp_path) / "cell-360.png"))
            driver.get(f"{address}/ke-hoach/{PLAN}?tim=y+te")
            rows = driver.find_elements(By.CSS_SELECTOR, ".grid tbody tr")
            assert [r.get_attribute("data-unit") for r in rows] == ["GL-SYT"]
        finally:
            driver.quit()

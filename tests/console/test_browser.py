"""The desk in a real browser (Debian's Chromium, headless): what customer service and a
supervisor do with it, click by click."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.console import browser
from tests.console.conftest import CLIP_SECONDS, Desk
from tests.console.seed import CHAPTERS, PASSWORD, jpeg, seed_inspection

WAIT = 30


def sign_in(driver: Any, desk: Desk, login: str) -> None:
    browser.sign_in(driver, desk.server.base_url, login, PASSWORD)


def video(driver: Any, prop: str) -> Any:
    return driver.execute_script(f"return document.querySelector('video.clip').{prop}")


def exports(driver: Any) -> list[str]:
    """The packages listed (read in one go: the page may be reloading)."""
    return list(
        driver.execute_script(
            "return [...document.querySelectorAll('a.export-link')].map((a) => a.textContent)"
        )
    )


def http_as(driver: Any, desk: Desk) -> httpx.Client:
    """The browser's session, for fetching what it would download."""
    cookies = {c["name"]: c["value"] for c in driver.get_cookies()}
    return httpx.Client(base_url=desk.server.base_url, cookies=cookies, timeout=60)


@pytest.fixture
def driver(chromium: Any) -> Any:
    chromium.delete_all_cookies()
    return chromium


def test_customer_service_finds_a_parcel_plays_its_clip_and_exports_for_two_platforms(
    desk: Desk, driver: Any, tmp_path: Path
) -> None:
    sign_in(driver, desk, "kefu")
    box = driver.find_element(By.ID, "q")
    box.send_keys(desk.with_clip.waybill)
    box.submit()
    WebDriverWait(driver, WAIT).until(ec.url_contains("q="))  # the results page, not the first
    link = WebDriverWait(driver, WAIT).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, "#hits a"))
    )
    assert link.text == desk.with_clip.rma_no
    assert len(driver.find_elements(By.CSS_SELECTOR, "#hits tbody tr")) == 1
    link.click()
    WebDriverWait(driver, WAIT).until(lambda d: video(d, "readyState") >= 1)
    assert round(video(driver, "duration")) == CLIP_SECONDS
    at_ms = CHAPTERS[2][0]
    driver.find_element(By.CSS_SELECTOR, f"button.chapter[data-ms='{at_ms}']").click()
    WebDriverWait(driver, WAIT).until(lambda d: video(d, "currentTime") > at_ms / 1000 + 0.3)
    assert not video(driver, "paused")
    assert at_ms / 1000 <= video(driver, "currentTime") < at_ms / 1000 + 5
    current = driver.find_element(By.CSS_SELECTOR, "button.chapter.current")
    assert current.get_attribute("data-ms") == str(at_ms)
    # photos zoom and compare
    driver.find_element(By.CSS_SELECTOR, "img.zoomable").click()
    assert driver.find_element(By.ID, "viewer").is_displayed()
    driver.find_element(By.CSS_SELECTOR, "#viewer .close").click()
    for pick in driver.find_elements(By.CSS_SELECTOR, "input.pick")[:2]:
        pick.click()
    driver.find_element(By.ID, "compare").click()
    assert len(driver.find_elements(By.CSS_SELECTOR, "#viewer .pane img")) == 2
    driver.find_element(By.CSS_SELECTOR, "#viewer .close").click()

    Select(driver.find_element(By.ID, "platform")).select_by_value("shopee")
    driver.find_element(By.ID, "case-id").send_keys("SP-2026-88001")
    driver.find_element(By.CSS_SELECTOR, "#open-dispute button").click()
    WebDriverWait(driver, WAIT).until(ec.url_contains("/desk/disputes/"))
    assert "SP-2026-88001" in driver.find_element(By.TAG_NAME, "h1").text
    statement = driver.find_element(By.ID, "statement").get_attribute("value")
    assert desk.with_clip.rma_no in statement and "发现污渍" in statement

    for platform in ("shopee", "taobao"):
        Select(driver.find_element(By.ID, "export-platform")).select_by_value(platform)
        driver.find_element(By.CSS_SELECTOR, "#export-form button").click()
        WebDriverWait(driver, 120).until(
            lambda d, p=platform: any(f"-{p}-" in t for t in exports(d))
        )
    links = [
        a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.export-link")
    ]
    assert len(links) == 2
    excerpts: dict[str, bool] = {}
    with http_as(driver, desk) as http:
        for n, href in enumerate(links):
            package = tmp_path / f"package-{n}.zip"
            answer = http.get(href)
            assert answer.status_code == 200, answer.text
            package.write_bytes(answer.content)
            folder = tmp_path / f"unpacked-{n}"
            with zipfile.ZipFile(package) as archive:
                archive.extractall(folder)
            checked = subprocess.run(
                [sys.executable, "verify.py", "."],
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert checked.returncode == 0, checked.stdout + checked.stderr
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            [clip] = [f for f in manifest["files"] if f["role"] == "video"]
            excerpts[manifest["platform"]["code"]] = clip["excerpt"]
            assert clip["original"]["sha256"] == desk.with_clip.clip
    assert excerpts == {"shopee": True, "taobao": False}  # Shopee: ≤ 60 s; Taobao: the take


def test_a_supervisor_overturns_and_customer_service_is_refused(desk: Desk, driver: Any) -> None:
    fresh = seed_inspection(desk.api, photos=[jpeg(9)], needs_review=True)
    page = f"{desk.url}/inspections/{fresh.inspection_id}"
    sign_in(driver, desk, "kefu")
    driver.get(page)
    assert not driver.find_elements(By.ID, "decide")
    status = driver.execute_script(
        """const csrf = document.querySelector("input[name=csrf]").value;
        const body = new URLSearchParams({csrf, approve: "yes", reason: "fine"});
        const r = await fetch(location.pathname + "/decision", {method: "POST", body});
        return r.status;"""
    )
    assert status == 403

    sign_in(driver, desk, "zhou")
    driver.get(page)
    driver.find_element(By.ID, "overturn").click()
    Select(driver.find_element(By.ID, "grade")).select_by_value("D")
    Select(driver.find_element(By.ID, "disposition")).select_by_value("destroy")
    Select(driver.find_element(By.ID, "refund-kind")).select_by_value("none")
    driver.find_element(By.ID, "refund-yuan").send_keys("0")
    driver.find_element(By.ID, "decision-reason").send_keys("照片可见人为损坏，不予退款")
    driver.find_element(By.CSS_SELECTOR, "#decide button").click()
    WebDriverWait(driver, WAIT).until(ec.url_contains("#decisions"))
    decisions = driver.find_element(By.ID, "decisions").text
    assert "照片可见人为损坏，不予退款" in decisions and desk.api.supervisor_badge in decisions
    assert "已改判" in driver.find_element(By.CSS_SELECTOR, ".head .tags").text

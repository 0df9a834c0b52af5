"""Screenshots of the dispute desk in Debian's Chromium: docs/screenshots/desk-*.png.

    .venv/bin/python scripts/desk_screenshots.py [zh_CN|en]

A central service on loopback gets what stations send (returns, inspections with photos and an
unboxing clip), a few disputes on them, and the desk's users; then the pages are shown as
customer service and a supervisor see them.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from tests.console import browser  # noqa: E402
from tests.console.browser import chromium  # noqa: E402
from tests.console.seed import (  # noqa: E402
    PASSWORD,
    desk_central,
    jpeg,
    make_clip,
    publish_shipped_template,
    seed_inspection,
)

OUT = ROOT / "docs" / "screenshots"


def sign_in(driver, base: str, login: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    browser.sign_in(driver, base, login, PASSWORD)
    driver.get(f"{base}/desk/lang/{lang}")


def open_dispute(driver, base: str, inspection: str, platform: str, case: str) -> None:  # type: ignore[no-untyped-def]
    driver.get(f"{base}/desk/inspections/{inspection}")
    Select(driver.find_element(By.ID, "platform")).select_by_value(platform)
    driver.find_element(By.ID, "case-id").send_keys(case)
    driver.find_element(By.CSS_SELECTOR, "#open-dispute button").click()
    WebDriverWait(driver, 20).until(ec.url_contains("/desk/disputes/"))


def shoot(driver, name: str, lang: str, height: int | None = None) -> None:  # type: ignore[no-untyped-def]
    if height is not None:
        driver.set_window_size(1400, height)
    suffix = "" if lang == "zh_CN" else "_en"
    path = OUT / f"desk-{name}{suffix}.png"
    driver.save_screenshot(str(path))
    sys.stdout.write(f"{path}\n")


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with desk_central(root, "ST-HZ-07") as (server, api):
            publish_shipped_template(api, "apparel")
            clip = make_clip(root / "clip.mp4", seconds=75, size=(1280, 720))
            case = seed_inspection(
                api, photos=[jpeg(n) for n in (1, 2, 3, 4)], clip=clip, clip_seconds=75
            )
            others = [
                seed_inspection(api, photos=[jpeg(n)], needs_review=n % 2 == 0)
                for n in range(5, 11)
            ]
            base = server.base_url
            with chromium(
                root / "profile", root / "downloads", lang="zh-CN" if lang == "zh_CN" else "en"
            ) as driver:
                sign_in(driver, base, "kefu", lang)
                for n, other in enumerate(others[:3]):
                    open_dispute(
                        driver,
                        base,
                        other.inspection_id,
                        ("douyin", "pinduoduo", "jd")[n],
                        f"CASE-{n + 1}0042",
                    )
                open_dispute(driver, base, case.inspection_id, "taobao", "TB-2026120300017")
                driver.get(f"{base}/desk/search?since=2026-11-01")
                shoot(driver, "search", lang, 760)
                driver.get(f"{base}/desk/inspections/{case.inspection_id}")
                driver.execute_script(
                    "const v=document.querySelector('video'); v.currentTime=12.5;"
                )
                WebDriverWait(driver, 20).until(
                    lambda d: (
                        d.execute_script("return document.querySelector('video').readyState") >= 2
                    )
                )
                shoot(driver, "inspection", lang, 1900)
                driver.get(f"{base}/desk/disputes")
                shoot(driver, "disputes", lang, 700)
                sign_in(driver, base, "zhou", lang)
                driver.get(f"{base}/desk/search?q={case.waybill}")
                driver.find_element(By.CSS_SELECTOR, "#hits a").click()
                dispute = driver.find_element(By.CSS_SELECTOR, "#disputes a").get_attribute("href")
                driver.get(dispute)
                shoot(driver, "dispute", lang, 1100)
                driver.delete_all_cookies()
                driver.get(f"{base}/desk/lang/{lang}")
                driver.get(f"{base}/desk/sign-in")
                shoot(driver, "sign-in", lang, 600)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The dispute desk's pages and clips, from a real browser on loopback.

    python bench/desk.py [--rounds 30] [--database build/bench-console/inspections-1000000.db]

A central service gets an inspection with four photos and a 60-second 720p unboxing clip sent
as a station sends them (on top of a big database when ``--database`` names one, e.g. the
million inspections ``bench/console.py`` builds; it is copied first). Then, signed in as
customer service:

1. the server's time for the inspection page and a waybill search (HTTP, median/p95/max);
2. Debian's Chromium opening the inspection page: navigation start to the load event
   (target < 500 ms);
3. a clip starting: from ``play()`` on the freshly opened page to the ``playing`` event, and
   from a chapter's click to playing at that chapter (target < 1 s).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import summary_ms, table
from central.db.migrate import upgrade
from central.db.session import make_engine
from tests.console.browser import chromium, sign_in
from tests.console.seed import PASSWORD, desk_central, jpeg, make_clip, seed_inspection

START_PLAYING = """
const done = arguments[arguments.length - 1];
const video = document.querySelector('video.clip');
const at = arguments[0];
const t0 = performance.now();
video.addEventListener('playing', () => {
  const now = performance.now();  // since the page's navigation started
  done([now - t0, now]);
}, {once: true});
if (at !== null) { video.currentTime = at; }
video.play().catch(() => done([-1, -1]));
"""


def server_times(base: str, inspection: str, waybill: str, rounds: int) -> list[list[object]]:
    import httpx

    from tests.console.conftest import CSRF

    with httpx.Client(base_url=base, timeout=60) as http:
        form = CSRF.search(http.get("/desk/sign-in").text)
        assert form is not None
        http.post(
            "/desk/sign-in", data={"csrf": form.group(1), "login": "kefu", "password": PASSWORD}
        )
        rows: list[list[object]] = []
        for name, path in (
            ("inspection page", f"/desk/inspections/{inspection}"),
            ("search by waybill", f"/desk/search?q={waybill}"),
        ):
            samples = []
            for _ in range(rounds):
                started = time.perf_counter()
                answer = http.get(path)
                samples.append(time.perf_counter() - started)
                assert answer.status_code == 200, answer.status_code
            rows.append([f"server: {name}", *summary_ms(samples), "< 500 ms"])
    return rows


def browser_times(base: str, inspection: str, rounds: int, folder: Path) -> list[list[object]]:

    page = f"{base}/desk/inspections/{inspection}"
    loads, starts, opened, jumps = [], [], [], []
    with chromium(folder / "profile", folder / "downloads") as driver:
        driver.set_script_timeout(30)
        sign_in(driver, base, "kefu", PASSWORD)
        for n in range(rounds + 1):
            driver.get(page)
            load = driver.execute_script(
                "const e = performance.getEntriesByType('navigation')[0];"
                "return e.loadEventEnd - e.startTime;"
            )
            start, since_open = driver.execute_async_script(START_PLAYING, None)
            jump, _ = driver.execute_async_script(START_PLAYING, 20.0 + n % 30)
            assert min(start, jump) >= 0, "the clip did not play"
            if n:  # the first round warms the browser's caches up
                loads.append(load / 1000)
                starts.append(start / 1000)
                opened.append(since_open / 1000)
                jumps.append(jump / 1000)
    return [
        ["browser: inspection page loaded", *summary_ms(loads), "< 500 ms"],
        ["browser: clip playing after play()", *summary_ms(starts), "< 1000 ms"],
        ["browser: page opened → clip playing", *summary_ms(opened), "< 1000 ms"],
        ["browser: playing at a chapter after its click", *summary_ms(jumps), "< 1000 ms"],
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--database", type=Path, help="a central SQLite database to start from")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        database = root / "central.db"
        if args.database is not None:
            shutil.copy(args.database, database)
            engine = make_engine(f"sqlite:///{database}")
            upgrade(engine)
            engine.dispose()
        with desk_central(root) as (server, api):
            clip = make_clip(root / "clip.mp4", seconds=60, fps=30, size=(1280, 720))
            case = seed_inspection(
                api, photos=[jpeg(n) for n in range(4)], clip=clip, clip_seconds=60
            )
            rows = server_times(server.base_url, case.inspection_id, case.waybill, args.rounds)
            rows += browser_times(server.base_url, case.inspection_id, args.rounds, root)
    scale = f"on {args.database.name}" if args.database else "on an empty database"
    table(
        f"Dispute desk pages and clips ({scale}, {args.rounds} rounds, a 60 s 720p clip)",
        ["what", "median ms", "p95 ms", "max ms", "target"],
        rows,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

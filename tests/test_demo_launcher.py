"""``make run``'s launcher: a central service on loopback, the station against it, and the service
stopped when the station closes."""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_launcher(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py"), "--data-dir", str(data), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def test_launcher_starts_central_then_the_station_and_stops_central_after(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run_launcher(data, "--smoke")
    assert result.returncode == 0, result.stderr
    match = re.search(r"central service: http://127\.0\.0\.1:(\d+)", result.stdout)
    assert match, result.stdout
    assert "screen: login" in result.stdout
    # the service is gone once the station has closed
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", int(match.group(1)))) != 0
    # the administrator's token stays in central's folder; the station got a one-time code
    assert (data / "demo-central" / "admin.token").stat().st_mode & 0o077 == 0
    with sqlite3.connect(data / "demo-central" / "central.db") as db:
        codes = db.execute("SELECT count(*) FROM enrolment_codes").fetchone()[0]
        templates = {row[0] for row in db.execute("SELECT template_id FROM templates")}
    assert codes == 1
    # the desk shows checklist questions from the templates the station uses
    shipped = Path(__file__).resolve().parents[1] / "resources" / "checklists"
    assert templates == {p.stem for p in shipped.glob("*.toml")}
    badge = re.search(r"demo supervisor badge .*: (RSB1-S9002-[A-Z2-7]{26})", result.stdout)
    assert badge, result.stdout
    assert (data / "demo-central" / "badges.txt").stat().st_mode & 0o077 == 0
    assert (data / "demo-central" / "badge-S9002.pdf").stat().st_mode & 0o077 == 0
    # the demo store was created on first start
    assert (data / "station.db").exists()


def test_launcher_keeps_its_token_and_badge_between_runs_and_works_offline(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    assert run_launcher(data, "--smoke").returncode == 0
    badges = (data / "demo-central" / "badges.txt").read_text()
    again = run_launcher(data, "--smoke")
    assert again.returncode == 0, again.stderr
    assert (data / "demo-central" / "badges.txt").read_text() == badges
    assert badges.split()[-1] in again.stdout
    offline = run_launcher(data, "--no-central", "--smoke")
    assert offline.returncode == 0, offline.stderr
    assert "central service" not in offline.stdout

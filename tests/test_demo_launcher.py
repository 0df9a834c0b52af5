"""``make run``'s launcher: a central service on loopback, the station against it, and the service
stopped when the station closes."""

from __future__ import annotations

import os
import re
import socket
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
    key = (data / "demo-central" / "enrollment.key").read_text()
    assert len(key) >= 24
    assert (data / "demo-central" / "enrollment.key").stat().st_mode & 0o077 == 0
    # the demo store was created on first start
    assert (data / "station.db").exists()


def test_launcher_keeps_its_key_between_runs_and_works_offline(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_launcher(data, "--smoke").returncode == 0
    key = (data / "demo-central" / "enrollment.key").read_text()
    offline = run_launcher(data, "--no-central", "--smoke")
    assert offline.returncode == 0, offline.stderr
    assert "central service" not in offline.stdout
    assert (data / "demo-central" / "enrollment.key").read_text() == key

"""The data folders are their user's alone: folders 0700, files 0600 (photos 0400), for the
station and the central service, whatever the umask they were started with, and an earlier
install's folder readable to others is tightened at the next start."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from station import app
from station.protocol.enums import OrderState, PhotoKind
from station.store import files
from station.workflow import InspectionStarted
from tests.conftest import DEMO_ORDERS, TODAY, make_settings
from tests.test_workflow import order_in

ROOT = Path(__file__).resolve().parents[1]


def exposed(root: Path) -> list[str]:
    """Every entry under ``root`` (and itself) the group or others may use."""
    found = []
    for entry in [root, *root.rglob("*")]:
        if entry.is_symlink():
            continue
        if stat.S_IMODE(entry.lstat().st_mode) & 0o077:
            found.append(f"{entry.relative_to(root)} {stat.S_IMODE(entry.stat().st_mode):o}")
    return found


def loosen(root: Path) -> None:
    """What an earlier version left: folders 0755, files 0644 (photos 0444)."""
    for entry in [root, *root.rglob("*")]:
        entry.chmod(0o755 if entry.is_dir() else entry.stat().st_mode | 0o044)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The tests run in one process; the station's own processes set their umask at start.
    An open umask here shows the explicit modes are there without it."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_station_writes_nothing_others_can_read(
    tmp_path: Path, demo_template: Path, open_umask: None
) -> None:
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    for entry in [data, *data.rglob("*")]:  # as the template was made, but private
        entry.chmod(0o700 if entry.is_dir() else stat.S_IMODE(entry.stat().st_mode) & 0o700)
    shutil.rmtree(data / "logs", ignore_errors=True)
    (data / "station.db").unlink()
    station = app.open_station(make_settings(data))
    try:
        app.load_demo_data(station, count=DEMO_ORDERS, today=TODAY)
        app.configure_logging(station.paths)
        inspector = station.auth.login("I1001", "1234")
        order = order_in(station, OrderState.IN_TRANSIT)
        started = station.workflow.scan(order.rma_no, inspector)
        assert isinstance(started, InspectionStarted)
        frame = np.random.default_rng(3).integers(0, 255, (480, 640, 3), dtype=np.uint8)
        station.workflow.take_photo(
            frame, PhotoKind.OVERVIEW, inspector, inspection_id=started.inspection.id
        )
    finally:
        station.close()
    photos = [p for p in (data / "photos").rglob("*.jpg") if "thumbs" not in p.parts]
    assert photos and all(stat.S_IMODE(p.stat().st_mode) == 0o400 for p in photos)
    assert (data / "station.db").exists() and (data / "logs" / "station.log").exists()
    assert exposed(data) == []


def test_an_earlier_install_readable_to_others_is_tightened_at_start(
    tmp_path: Path, demo_template: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    loosen(data)
    assert len(exposed(data)) > 3
    app.open_station(make_settings(data)).close()
    assert exposed(data) == []
    assert files.make_private(data) == 0  # private now: not walked again


def test_make_private_leaves_links_and_what_it_cannot_change(tmp_path: Path) -> None:
    root = tmp_path / "data"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a").write_text("a")
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours to change")
    outside.chmod(0o644)
    (root / "link").symlink_to(outside)
    loosen(root / "sub")
    root.chmod(0o755)
    assert files.make_private(root) == 3  # root, sub, sub/a
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644
    assert files.make_private(tmp_path / "new" / "data") == 0
    assert stat.S_IMODE((tmp_path / "new" / "data").stat().st_mode) == 0o700


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A command started from a shell with the usual umask 022."""
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        preexec_fn=lambda: os.umask(0o022),  # the point of the test
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def test_the_station_command_starts_with_a_private_umask(tmp_path: Path) -> None:
    data = tmp_path / "station-data"
    done = _run(
        [sys.executable, "-m", "station", "--data-dir", str(data), "demo-data", "--count", "5"],
        ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert (data / "station.db").exists()
    assert exposed(data) == []


def test_the_central_command_keeps_its_data_private(tmp_path: Path) -> None:
    data = tmp_path / "central-data"
    data.mkdir()
    (data / "notes.txt").write_text("from an earlier version")
    loosen(data)
    done = _run([sys.executable, "-m", "central", "migrate", "--data-dir", str(data)], ROOT)
    assert done.returncode == 0, done.stderr
    assert (data / "central.db").exists()
    assert exposed(data) == []

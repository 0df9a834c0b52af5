"""Shared fixtures: a station on a temporary data folder, with or without demo data."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from station import app
from station.config import Settings, load_settings
from station.domain.records import UserView

TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
DEMO_ORDERS = 300


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    overrides.setdefault("station_id", "ST-TEST")
    return load_settings(data_dir / "absent.toml", data_dir=data_dir, **overrides)


@pytest.fixture(autouse=True)
def _umask_kept() -> Iterator[None]:
    """Each test starts with the umask the run started with: ``station`` and ``central``
    commands run in-process make it private (077) for the rest of the process."""
    umask = os.umask(0o077)
    os.umask(umask)
    yield
    os.umask(umask)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "data")


@pytest.fixture
def station(settings: Settings) -> Iterator[app.Station]:
    station = app.open_station(settings)
    yield station
    station.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with demo orders and users, built once and copied for each test that wants it."""
    root = tmp_path_factory.mktemp("demo-template")
    station = app.open_station(make_settings(root))
    app.load_demo_data(station, count=DEMO_ORDERS, today=TODAY)
    station.close()
    return root


@pytest.fixture
def demo_station(tmp_path: Path, demo_template: Path) -> Iterator[app.Station]:
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    station = app.open_station(make_settings(data))
    yield station
    station.close()


@pytest.fixture
def inspector(demo_station: app.Station) -> UserView:
    return demo_station.auth.login("I1001", "1234")


# The station's background threads. One a test leaves running outlives it into the next tests
# and into interpreter shutdown, where a thread inside OpenCV or a decoder aborts the process.
STATION_THREADS = frozenset(
    {
        "station-decode",
        "frame-reader",
        "station-sync",
        "station-print",
        "demo-camera-film",
        "station-record",
        "clip-filing",
        "clip-player",
    }
)


@pytest.fixture(autouse=True)
def no_station_thread_left_running() -> Iterator[None]:
    before = {t for t in threading.enumerate() if t.name in STATION_THREADS}
    yield
    left = [
        t
        for t in threading.enumerate()
        if t.name in STATION_THREADS and t not in before and (t.join(2.0) or t.is_alive())
    ]
    assert not left, f"left running: {sorted(t.name for t in left)}"

"""Shared fixtures: a station on a temporary data folder, with or without demo data."""

from __future__ import annotations

import shutil
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

"""The bench under test: a session on the demo store, on a clock the test holds."""

from __future__ import annotations

import pytest

from station import app
from station.domain.records import UserView
from tests.bench.test_session import Bench


@pytest.fixture
def clock() -> list[float]:
    return [1000.0]


@pytest.fixture
def bench(demo_station: app.Station, inspector: UserView, clock: list[float]) -> Bench:
    return Bench(demo_station, inspector, clock)

"""The station knows how far its clock is from central's: every clip records it, and the
window says so loudly when it is off by more than a few seconds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx

from station.sync.client import CentralClient
from tests.central.servers import CentralServer
from tests.sync.conftest import enrolled, open_synced


def test_a_sync_with_central_measures_the_clock_skew(
    central: CentralServer, tmp_path: Path
) -> None:
    station = open_synced(tmp_path / "data", central.base_url, *enrolled(central))
    try:
        station.sync.sync_once()
        skew = station.sync.status.clock_skew_ms
        assert skew is not None and abs(skew) < 1500  # the same machine: within the Date's second
    finally:
        station.close()


def answering_with_a_clock(offset: timedelta) -> httpx.MockTransport:
    """Central's answers as from a server whose clock is ``offset`` from this machine's."""

    def handler(request: httpx.Request) -> httpx.Response:
        now = datetime.now(UTC) + offset
        return httpx.Response(200, headers={"Date": format_datetime(now, usegmt=True)})

    return httpx.MockTransport(handler)


def test_a_station_clock_ahead_of_central_is_measured_to_the_second() -> None:
    client = CentralClient(
        "https://central.test", transport=answering_with_a_clock(timedelta(seconds=-42))
    )
    assert client.healthy()
    assert client.clock_skew_ms is not None and abs(client.clock_skew_ms - 42_000) <= 600


def test_a_malformed_date_leaves_the_skew_unknown() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Date": "yesterday at noon"})

    client = CentralClient("https://central.test", transport=httpx.MockTransport(handler))
    assert client.healthy() and client.clock_skew_ms is None

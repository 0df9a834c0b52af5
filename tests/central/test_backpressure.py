"""A saturated central says so, and one station cannot take every slot from the others."""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from station.sync.client import Busy, CentralClient
from tests.central.client import Api, sha
from tests.central.servers import CentralServer, central_server, wait_until

LIMITS = {
    "CENTRAL_BUSY_REQUESTS": "2",
    "CENTRAL_STATION_REQUESTS": "1",
    "CENTRAL_FAILED_CHECKS_PER_MINUTE": "100000",
}


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with central_server(data_dir=tmp_path_factory.mktemp("busy"), env=LIMITS) as server:
        yield server


def in_flight(server: CentralServer) -> int:
    """Requests being answered, not counting this scrape itself."""
    scrape = httpx.get(
        f"{server.base_url}/metrics",
        timeout=30,
        headers={"Authorization": f"Bearer {server.admin_token}"},
    )
    found = re.search(r"^central_http_requests_in_flight (\S+)$", scrape.text, re.M)
    assert found is not None, scrape.text[:500]
    return int(float(found.group(1))) - 1


@contextmanager
def held_upload(server: CentralServer, api: Api, nth: int = 1) -> Iterator[None]:
    """A blob upload in flight (the ``nth`` held at once): its head and half its body sent,
    the rest held back."""
    data = os.urandom(100_000)
    host, port = server.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        head = (
            f"PUT /v1/blobs/{sha(data)} HTTP/1.1\r\nHost: central\r\n"
            f"Authorization: Bearer {api.token}\r\nContent-Length: {len(data)}\r\n\r\n"
        )
        sock.sendall(head.encode() + data[:50_000])
        wait_until(lambda: in_flight(server) >= nth, 30, "the upload to be in flight")
        yield
        sock.sendall(data[50_000:])
        assert sock.recv(100).startswith(b"HTTP/1.1 201")


def test_a_station_gets_its_share_and_no_more(central: CentralServer) -> None:
    with Api(central) as first, Api(central) as second, Api(central) as third:
        for api in (first, second, third):
            api.register()
        photo = os.urandom(1000)
        with held_upload(central, first):
            again = first.put_blob(photo)
            assert again.status_code == 429
            assert again.headers["retry-after"].isdigit() and "in flight" in again.text
            assert again.headers["station-requests"] == "1"  # what it may have in flight
            stored = second.put_blob(photo)
            assert stored.status_code == 201  # another bench is not held up
            assert stored.headers["station-requests"] == "1"
            with held_upload(central, second, 2):
                busy = third.put_blob(os.urandom(1000))
                assert busy.status_code == 503 and int(busy.headers["retry-after"]) >= 2
                assert third.http.get("/v1/health").status_code == 200  # light ones still go
        assert third.put_blob(os.urandom(1000)).status_code == 201  # and after, all is well


def test_made_up_tokens_are_turned_away_before_they_can_hold_a_slot(
    central: CentralServer,
) -> None:
    """Made-up tokens each looked like a station of their own and an event batch's token was
    checked only once its body was in, so a few connections sending their bodies slowly held
    every slot and every real bench was answered 503."""
    host, port = central.base_url.removeprefix("http://").split(":")
    with Api(central) as api:
        api.register()
        held = []
        try:
            for n in range(4):  # twice the slots there are
                sock = socket.create_connection((host, int(port)), timeout=10)
                head = (
                    f"POST /v1/events HTTP/1.1\r\nHost: central\r\n"
                    f"Authorization: Bearer st_made_up_{n}\r\nContent-Type: application/json\r\n"
                    "Content-Length: 100000\r\n\r\n"
                )
                sock.sendall(head.encode() + b'{"events": [')
                held.append(sock)
            assert api.put_blob(os.urandom(1000)).status_code == 201
            for sock in held:  # answered with their bodies still unsent
                assert sock.recv(200).startswith(b"HTTP/1.1 401")
        finally:
            for sock in held:
                sock.close()
        anonymous = api.http.put(
            f"/v1/blobs/{'cd' * 32}", content=b"x", headers={"Authorization": ""}
        )
        assert anonymous.status_code == 401 and "token is needed" in anonymous.text
        assert in_flight(central) == 0


def test_the_station_hears_busy_and_when_to_come_back(
    central: CentralServer, tmp_path: Path
) -> None:
    with Api(central) as api:
        api.register()
        client = CentralClient(central.base_url, api.token, timeout=10)
        photo = tmp_path / "photo.jpg"
        photo.write_bytes(os.urandom(2000))
        with held_upload(central, api), pytest.raises(Busy) as busy:
            client.put_blob(sha(photo.read_bytes()), photo)
        assert busy.value.status == 429 and 1 <= busy.value.retry_after <= 300
        client.put_blob(sha(photo.read_bytes()), photo)  # its place kept: the same call works
        client.close()


def test_the_metrics_endpoint_is_scraped_with_the_admin_token(central: CentralServer) -> None:
    with Api(central) as api:
        api.register()
        assert api.put_blob(os.urandom(3000)).status_code == 201
        assert api.http.get("/metrics").status_code == 401
        wrong = api.http.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        scrape = api.http.get(
            "/metrics", headers={"Authorization": f"Bearer {central.admin_token}"}
        )
        assert scrape.status_code == 200 and scrape.headers["content-type"].startswith("text/")
        text = scrape.text
        assert (
            'central_http_requests_total{method="PUT",route="/v1/blobs/{sha256}",status="201"}'
            in text
        )
        assert "central_http_request_seconds_bucket" in text
        assert "central_blob_bytes_stored_total" in text
        assert (
            f'central_station_silent_seconds{{station="{api.station_id}",warehouse="MAIN"}}' in text
        )
        assert "central_change_feed_head" in text
        assert 'central_requests_turned_away_total{status="429"}' in text  # from the tests above


def test_made_up_methods_are_counted_under_one_name(central: CentralServer) -> None:
    """Anyone may send any method; a series for each would grow without bound."""
    with httpx.Client(base_url=central.base_url, timeout=30) as http:
        for n in range(20):
            http.request(f"X{n:04d}" + "Z" * 200, "/v1/health")
        scrape = http.get("/metrics", headers={"Authorization": f"Bearer {central.admin_token}"})
    assert "ZZZZ" not in scrape.text
    assert 'central_http_requests_total{method="other",route=' in scrape.text

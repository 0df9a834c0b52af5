"""The service killed (SIGKILL) in the middle of a batch: after a restart the batch is there
whole or not at all, and sending it again loses nothing and stores nothing twice."""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import psycopg
import pytest
from sqlalchemy import text

from tests.central.client import Api, completed_payload, new_id, new_rma, sha
from tests.central.conftest import BACKENDS, backend_urls
from tests.central.servers import CentralServer, central_server, wait_until

BATCH = 500


@pytest.fixture(params=BACKENDS)
def crashable(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CentralServer]:
    database, blobs = backend_urls(request, request.param, tmp_path_factory)
    with central_server(database, blobs, data_dir=tmp_path_factory.mktemp("crash")) as server:
        yield server


def writing(server: CentralServer) -> bool:
    """Is the service inside a write transaction right now?"""
    url = server.database_url
    if url.startswith("sqlite:///"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError as exc:
            return "locked" in str(exc)
        finally:
            conn.close()
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE application_name = 'central' AND backend_xid IS NOT NULL"
        ).fetchone()
        return bool(row and row[0])


def big_batch(api: Api) -> list[dict[str, Any]]:
    events = []
    for _ in range(BATCH):
        payload = completed_payload(new_id(), new_rma(), api.station_id)
        payload["answers"].update({f"q{n}": "看过了 checked" for n in range(30)})
        events.append(api.event("inspection.completed", payload))
    return events


def send_and_kill_mid_transaction(api: Api, events: list[dict[str, Any]]) -> bool:
    """Post ``events`` and SIGKILL the service once it is writing them; False if the batch
    was done before that could be seen."""
    outcome: dict[str, Any] = {}

    def send() -> None:
        try:
            outcome["answer"] = api.post_events(events)
        except httpx.HTTPError as exc:
            outcome["error"] = exc

    sender = threading.Thread(target=send)
    sender.start()
    killed = False
    while sender.is_alive():
        if writing(api.server):
            api.server.kill()
            killed = True
            break
    sender.join()
    if killed:
        assert "error" in outcome or outcome["answer"].status_code >= 500
    return killed


def test_a_batch_killed_mid_transaction_is_all_or_nothing_and_resending_completes_it(
    crashable: CentralServer,
) -> None:
    with Api(crashable) as api:
        api.register()
        api.changes()  # so the batch is the only writer: the token's last-seen is fresh
        for _ in range(5):
            events = big_batch(api)
            if send_and_kill_mid_transaction(api, events):
                break
        else:
            pytest.fail("five batches finished before the service was seen writing one")
        crashable.start()
        ids = [e["event_id"] for e in events]
        inspections = {e["payload"]["inspection_id"] for e in events}

        def counts() -> tuple[int, int]:
            with api.db.connect() as conn:
                rows = conn.execute(text("SELECT id FROM inspections")).scalars().all()
            return api.events_stored(ids), len(inspections & set(rows))

        stored, projected = counts()
        assert (stored, projected) in [(0, 0), (BATCH, BATCH)]
        answer = api.post_events(events)
        assert answer.status_code == 200, answer.text
        result = answer.json()
        assert result["rejected"] == []
        if stored:
            assert result["duplicates"] == ids and result["accepted"] == []
        else:
            assert result["accepted"] == ids and result["duplicates"] == []
        assert counts() == (BATCH, BATCH)


def test_an_upload_killed_half_way_leaves_nothing_after_a_restart(
    crashable: CentralServer,
) -> None:
    data = os.urandom(300_000)
    digest = sha(data)
    with Api(crashable) as api:
        api.register()
        spool = api.store.spool.base
        host, port = crashable.base_url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=30) as sock:
            head = (
                f"PUT /v1/blobs/{digest} HTTP/1.1\r\nHost: central\r\n"
                f"Authorization: Bearer {api.token}\r\nContent-Length: {len(data)}\r\n\r\n"
            )
            sock.sendall(head.encode() + data[:150_000])
            wait_until(lambda: any(spool.rglob("*.part")), 10, "the upload to reach the spool")
            crashable.kill()
        assert any(spool.rglob("*.part"))  # what the killed process left behind
        crashable.start()
        assert not any(spool.rglob("*.part"))
        assert api.http.head(f"/v1/blobs/{digest}", headers=api.auth).status_code == 404
        assert not api.store.exists(digest)
        assert api.put_blob(data).status_code == 201

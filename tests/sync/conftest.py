"""A real central service on loopback for the station's sync tests, stations wired to it, and
the one-by-one comparison every sync test ends with."""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine

from central.blobstore import DiskBlobStore
from central.db.models import BlobRecord, EventRecord
from station import app
from station.store.models import EvidenceItem, OutboxEvent
from tests.central.servers import CentralServer, central_server
from tests.conftest import make_settings


@pytest.fixture(scope="session")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    """One central service (SQLite, blobs on disk) shared by the session; each test's station
    has its own id, so their records never mix."""
    data = tmp_path_factory.mktemp("central")
    with central_server(data_dir=data) as server:
        yield server


@pytest.fixture(scope="session")
def central_db(central: CentralServer) -> Iterator[Engine]:
    engine = create_engine(central.database_url)
    yield engine
    engine.dispose()


def new_station_id() -> str:
    return f"ST-{uuid.uuid4().hex[:12].upper()}"


def enrolled(central: CentralServer) -> tuple[str, str]:
    """(enrolment code, station id) for a new station."""
    station_id = new_station_id()
    return central.enrolment_code(station_id), station_id


def open_synced(
    data: Path, url: str, enrolment_code: str, station_id: str, **overrides: object
) -> app.Station:
    settings = make_settings(
        data,
        central_url=url,
        central_enrolment_code=enrolment_code,
        station_id=station_id,
        **overrides,
    )
    return app.open_station(settings)


@pytest.fixture
def synced(tmp_path: Path, demo_template: Path, central: CentralServer) -> Iterator[app.Station]:
    """A demo station that talks to the central service directly."""
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    station = open_synced(data, central.base_url, *enrolled(central))
    yield station
    station.close()


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def assert_converged(station: app.Station, central_db: Engine, central: CentralServer) -> None:
    """Station and central hold the same records, one by one: nothing lost, nothing twice,
    every photo's bytes at central matching its hash."""
    station_id = station.settings.station_id

    def outbox_rows(session: Any) -> list[tuple[str, str, dict[str, Any], bool, bool]]:
        return [
            (e.event_id, e.kind, e.payload, e.sent_at is not None, e.parked)
            for e in session.scalars(select(OutboxEvent).order_by(OutboxEvent.seq))
        ]

    outbox = station.db.run(outbox_rows)
    photos = station.db.run(lambda s: sorted(set(s.scalars(select(EvidenceItem.sha256)))))
    with central_db.connect() as conn:
        events = conn.execute(
            select(EventRecord.event_id, EventRecord.kind, EventRecord.payload).where(
                EventRecord.station_id == station_id
            )
        ).all()
        blobs = set(conn.scalars(select(BlobRecord.sha256)))
    unsent = [(event_id, kind) for event_id, kind, _, sent, parked in outbox if not sent]
    assert not unsent, f"{len(unsent)} events never reached central: {unsent[:3]}"
    parked = [event_id for event_id, *_, is_parked in outbox if is_parked]
    assert not parked, f"parked events: {parked[:3]}"
    at_central = {event_id: (kind, payload) for event_id, kind, payload in events}
    assert len(at_central) == len(events)  # stored once each (the key makes this so)
    assert set(at_central) == {event_id for event_id, *_ in outbox}, "lost or foreign events"
    for event_id, kind, payload, *_ in outbox:
        central_kind, central_payload = at_central[event_id]
        assert central_kind == kind
        assert _canonical(central_payload) == _canonical(payload), event_id
    missing = [sha for sha in photos if sha not in blobs]
    assert not missing, f"photos never uploaded: {missing[:3]}"
    store = DiskBlobStore(central.data_dir / "blobs")
    for sha in photos:
        digest = hashlib.sha256()
        for chunk in store.open(sha).chunks:
            digest.update(chunk)
        assert digest.hexdigest() == sha, f"blob {sha} altered at central"

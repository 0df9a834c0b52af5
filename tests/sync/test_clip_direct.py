"""The clip lane against a central whose blobs are in S3: the clip's bytes go to the object
store itself, never through central's processes, and central checks them before they count."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from central.blobstore.s3 import S3BlobStore
from station.sync.clips import ClipReport
from tests.central.servers import (
    S3_ACCESS_KEY,
    S3_SECRET_KEY,
    CentralServer,
    central_server,
    create_database,
    postgres_cluster,
    seaweed_s3,
)
from tests.sync.fault_proxy import FaultProxy
from tests.sync.test_clip_upload import Bench, bench, uploaded  # noqa: F401  (the fixture)


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with postgres_cluster() as cluster, seaweed_s3() as s3:
        blobs = s3.blob_url(f"t-{uuid.uuid4().hex[:8]}")
        data = tmp_path_factory.mktemp("central-s3")
        with central_server(create_database(cluster), blobs, data_dir=data) as server:
            yield server


def store_of(central: CentralServer) -> S3BlobStore:
    return S3BlobStore.from_url(
        central.blob_url,
        spool_dir=central.data_dir / "spool-check",
        access_key=S3_ACCESS_KEY,
        secret_key=S3_SECRET_KEY,
    )


def test_a_clip_goes_straight_to_the_object_store_and_central_checks_it(
    bench: Bench,  # noqa: F811
) -> None:
    clip = bench.inspect_and_film()
    with FaultProxy(("127.0.0.1", bench.central.port)) as proxy:
        report = bench.sync(proxy.url).sync_once()
        seen = [(r.method, r.path.split("?")[0]) for r in proxy.seen]
    assert report.clips.uploaded == 1 and report.clips.bytes_sent == clip.size_bytes
    assert uploaded(bench, clip)
    # through central: the plan and the completion, never a byte of the clip
    clip_requests = [(m, p) for m, p in seen if "/clips/" in p or "/uploads/" in p]
    assert clip_requests == [
        ("POST", f"/v1/clips/{clip.sha256}/direct"),
        ("POST", f"/v1/clips/{clip.sha256}/direct/complete"),
    ]
    assert max(len(r.body) for r in proxy.seen if "/clips/" in r.path) < 200
    blob = store_of(bench.central).open(clip.sha256)
    assert blob.size == clip.size_bytes
    assert bench.lane().run(bench.access()()) == ClipReport()  # nothing left to send


def test_a_damaged_clip_is_refused_by_central_and_not_marked_sent(
    bench: Bench,  # noqa: F811
) -> None:
    clip = bench.inspect_and_film()
    path = bench.rig.library.path_for(clip.sha256)
    path.chmod(0o600)
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x01
    path.write_bytes(bytes(data))
    lane = bench.lane()
    report = lane.run(bench.access()())
    assert report.uploaded == 0 and report.skipped == 1
    assert not uploaded(bench, clip)
    assert not store_of(bench.central).exists(clip.sha256)
    assert lane.run(bench.access()()).bytes_sent == 0  # not sent again at once

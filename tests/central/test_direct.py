"""A clip straight into S3: presigned parts, then central checks the SHA-256 before it counts.

On disk the answer is 404 (clips go through /v1/uploads there); on S3 the station PUTs parts
to URLs central signed, a cut upload is asked again for only the missing parts, and a clip
that does not hash to its name is deleted and never becomes a blob."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from central.blobstore.s3 import S3BlobStore
from tests.central.client import Api, sha
from tests.central.conftest import TEST_ENV, backend_urls
from tests.central.servers import CentralServer, central_server
from tests.central.test_blobs import nothing_of

PART = 8 * 1024 * 1024


def start(api: Api, digest: str, size: int) -> httpx.Response:
    return api.http.post(f"/v1/clips/{digest}/direct", json={"size": size}, headers=api.auth)


def complete(api: Api, digest: str, size: int) -> httpx.Response:
    return api.http.post(
        f"/v1/clips/{digest}/direct/complete", json={"size": size}, headers=api.auth
    )


def put_parts(plan: dict[str, Any], data: bytes, only: set[int] | None = None) -> None:
    for part in plan["parts"]:
        if only is not None and part["number"] not in only:
            continue
        first = (part["number"] - 1) * plan["part_size"]
        body = data[first : first + plan["part_size"]]
        assert httpx.put(part["url"], content=body, timeout=60).status_code == 200


def incoming(api: Api) -> list[str]:
    store = api.store
    assert isinstance(store, S3BlobStore)
    found = store.client.list_objects_v2(Bucket=store.bucket, Prefix=f"{store.prefix}incoming/")
    return [item["Key"] for item in found.get("Contents", [])]


@pytest.fixture(scope="module")
def central(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CentralServer]:
    """This module's central keeps its blobs in S3 (``api`` and ``other`` are its stations)."""
    database, blobs = backend_urls(request, "postgres+s3", tmp_path_factory)
    data = tmp_path_factory.mktemp("direct")
    with central_server(database, blobs, data_dir=data, env=TEST_ENV) as server:
        yield server


def test_on_disk_clips_go_through_central(tmp_path: Path) -> None:
    with central_server(data_dir=tmp_path, env=TEST_ENV) as disk, Api(disk) as api:
        api.register()
        answer = start(api, "ab" * 32, 1000)
        assert answer.status_code == 404 and "/v1/uploads" in answer.json()["detail"]


def test_a_clip_goes_to_s3_in_parts_and_central_checks_it(api: Api) -> None:
    data = os.urandom(PART + 300_000)
    digest = sha(data)
    plan = start(api, digest, len(data)).json()
    assert plan["stored"] is False and plan["part_size"] == PART
    assert [p["number"] for p in plan["parts"]] == [1, 2]
    assert all(api.token not in p["url"] for p in plan["parts"])  # the store's URLs
    put_parts(plan, data)
    done = complete(api, digest, len(data))
    assert done.status_code == 200, done.text
    assert done.json() == {"sha256": digest, "created": True}
    got = api.http.get(f"/v1/blobs/{digest}", headers=api.auth)
    assert got.status_code == 200 and got.content == data
    assert incoming(api) == []  # the upload's object is gone once the blob is kept
    assert start(api, digest, len(data)).json() == {"stored": True, "part_size": 0, "parts": []}
    assert complete(api, digest, len(data)).json()["created"] is False


def test_a_cut_upload_is_asked_again_for_only_what_is_missing(api: Api) -> None:
    data = os.urandom(2 * PART + 1000)
    digest = sha(data)
    first = start(api, digest, len(data)).json()
    put_parts(first, data, only={1, 3})
    early = complete(api, digest, len(data))
    assert early.status_code == 409 and "2" in early.json()["detail"]
    again = start(api, digest, len(data)).json()
    assert [p["number"] for p in again["parts"]] == [2]
    put_parts(again, data)
    assert complete(api, digest, len(data)).status_code == 200
    assert api.store.exists(digest)


def test_a_clip_that_does_not_hash_to_its_name_is_deleted_and_never_a_blob(api: Api) -> None:
    data = bytearray(os.urandom(PART + 10))
    digest = sha(bytes(data))
    plan = start(api, digest, len(data)).json()
    data[PART + 5] ^= 0xFF  # a bit flipped on the way
    put_parts(plan, bytes(data))
    refused = complete(api, digest, len(data))
    assert refused.status_code == 400 and "nothing stored" in refused.json()["detail"]
    assert nothing_of(api, digest) and incoming(api) == []


def test_what_a_station_may_not_do(api: Api, other: Api) -> None:
    data = os.urandom(1000)
    digest = sha(data)
    too_big = start(api, digest, 2 << 30)
    assert too_big.status_code == 413
    assert complete(api, digest, len(data)).status_code == 404  # nothing begun
    put_parts(start(api, digest, len(data)).json(), data)
    # another station cannot finish (or see) this station's upload
    assert complete(other, digest, len(data)).status_code == 404
    for bad in ({"size": 0}, {"size": -1}, {"size": "ten"}, {}, {"size": 10, "x": 1}):
        answer = api.http.post(f"/v1/clips/{digest}/direct", json=bad, headers=api.auth)
        assert answer.status_code == 422, bad
    assert api.http.post(f"/v1/clips/{digest}/direct", json={"size": 10}).status_code == 401
    assert (
        api.http.post("/v1/clips/not-a-sha/direct", json={"size": 10}, headers=api.auth).status_code
        == 422
    )
    assert complete(api, digest, len(data)).status_code == 200

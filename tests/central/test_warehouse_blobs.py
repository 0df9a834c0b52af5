"""A station sees only the blobs a station of its own warehouse sent: naming another
warehouse's blob in evidence, or asking the upload endpoints about it, reveals nothing."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.central.client import (
    T0,
    Api,
    new_id,
    new_rma,
    photo_payload,
    sha,
    started_payload,
)
from tests.central.servers import CentralServer


@pytest.fixture
def south(central: CentralServer) -> Iterator[Api]:
    """A station of another warehouse than ``api`` (MAIN)."""
    client = Api(central).register(warehouse="SOUTH")
    yield client
    client.close()


def sent(api: Api, what: bytes) -> tuple[bytes, str]:
    """Bytes of ``what`` no other test has, uploaded by ``api``'s station; and their hash."""
    data = what + os.urandom(16)
    assert api.put_blob(data).status_code == 201
    return data, sha(data)


def recorded(api: Api, payload: dict[str, object], digest: str, kind: str = "photo.added"):
    inspection = str(payload["inspection_id"])
    rma = new_rma()
    return api.post_events(
        [
            api.event("inspection.started", started_payload(inspection, rma, api.station_id)),
            api.event(kind, payload, blobs=[digest] if kind == "photo.added" else []),
        ]
    )


def test_evidence_naming_another_warehouses_photo_is_refused_as_missing(
    api: Api, south: Api
) -> None:
    secret, digest = sent(api, b"a MAIN photo ")
    unknown = sha(os.urandom(16))
    inspection = new_id()
    answer = recorded(south, photo_payload(digest, inspection, south.station_id), digest)
    assert answer.status_code == 200, answer.text
    [refusal] = answer.json()["rejected"]
    assert refusal["error"] == f"missing blob {digest}: upload it before the event"
    # the same answer as for a blob central does not hold at all
    other = recorded(south, photo_payload(unknown, new_id(), south.station_id), unknown)
    assert (
        other.json()["rejected"][0]["error"]
        == f"missing blob {unknown}: upload it before the event"
    )
    assert api.count("SELECT count(*) FROM evidence WHERE sha256 = :sha", sha=digest) == 0
    assert south.http.get(f"/v1/blobs/{digest}", headers=south.auth).status_code == 404
    assert south.http.head(f"/v1/blobs/{digest}", headers=south.auth).status_code == 404
    # its own warehouse, and a supervisor, still read it
    assert api.http.get(f"/v1/blobs/{digest}", headers=api.auth).content == secret
    api.sign_in()
    assert api.http.get(f"/v1/blobs/{digest}", headers=api.supervisor).content == secret


def test_video_evidence_named_before_another_warehouse_uploads_the_bytes_shows_nothing(
    api: Api, south: Api
) -> None:
    later = b"a MAIN clip " + os.urandom(16)
    digest = sha(later)
    clip = {
        "clip_id": "C1",
        "started_at": T0.isoformat(),
        "ended": "stop",
        "chain_head": "0" * 64,
        "chain_end": 0,
        "fragments": 0,
    }
    payload = photo_payload(digest, new_id(), south.station_id) | {
        "media": "video",
        "kind": "unboxing",
        "clip": clip,
    }
    answer = recorded(south, payload, digest, kind="evidence.added")
    assert answer.status_code == 200, answer.text
    assert answer.json()["rejected"] == []  # a clip is sent after its evidence
    assert api.put_blob(later).status_code == 201
    assert south.http.get(f"/v1/blobs/{digest}", headers=south.auth).status_code == 404
    assert south.http.head(f"/v1/blobs/{digest}", headers=south.auth).status_code == 404
    assert api.http.get(f"/v1/blobs/{digest}", headers=api.auth).content == later
    # once the station itself sends the clip, it is its own
    assert south.put_blob(later).status_code in (200, 201)
    assert south.http.get(f"/v1/blobs/{digest}", headers=south.auth).content == later


def test_a_station_sending_bytes_another_warehouse_sent_before_may_use_them(
    api: Api, other: Api, south: Api
) -> None:
    data, digest = sent(api, b"the same bytes ")
    # another station of the same warehouse sees it without sending it
    assert other.http.get(f"/v1/blobs/{digest}", headers=other.auth).content == data
    assert south.put_blob(data).status_code in (200, 201)
    answer = recorded(south, photo_payload(digest, new_id(), south.station_id), digest)
    assert answer.json()["rejected"] == [], answer.text
    assert south.http.get(f"/v1/blobs/{digest}", headers=south.auth).content == data
    assert api.count("SELECT count(*) FROM blobs WHERE sha256 = :sha", sha=digest) == 1


def test_the_upload_endpoints_answer_for_another_warehouses_blob_as_for_an_unknown_one(
    api: Api, south: Api
) -> None:
    data, digest = sent(api, b"a MAIN clip ")
    unknown = sha(os.urandom(16))

    def offsets(digest: str) -> dict[str, str | None]:
        answer = south.http.head(f"/v1/uploads/{digest}", headers=south.auth)
        assert answer.status_code == 200
        return {k: answer.headers.get(k) for k in ("Upload-Offset", "Upload-Length")}

    assert offsets(digest) == offsets(unknown) == {"Upload-Offset": "0", "Upload-Length": None}
    half = len(data) // 2
    headers = {**south.auth, "Upload-Length": str(len(data))}
    first = south.http.patch(
        f"/v1/uploads/{digest}", content=data[:half], headers={**headers, "Upload-Offset": "0"}
    )
    assert first.status_code == 204, first.text
    assert first.headers["Upload-Offset"] == str(half)
    last = south.http.patch(
        f"/v1/uploads/{digest}",
        content=data[half:],
        headers={**headers, "Upload-Offset": str(half)},
    )
    assert last.status_code == 201, last.text
    assert last.json() == {"sha256": digest, "size": len(data), "created": True}
    # stored once; now the station's own
    assert api.count("SELECT count(*) FROM blobs WHERE sha256 = :sha", sha=digest) == 1
    assert south.http.get(f"/v1/blobs/{digest}", headers=south.auth).content == data
    assert offsets(digest) == {"Upload-Offset": str(len(data)), "Upload-Length": str(len(data))}

"""Resumable clip uploads at central: chunks land on the station's own partial file, a resume
starts where central says, a wrong hash stores nothing, and a finished upload is a blob like
any other — on both set-ups (SQLite + disk, PostgreSQL + S3)."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.central.client import (
    T0,
    Api,
    complete_inspection,
    new_id,
    sha,
)
from tests.central.servers import CentralServer, central_server

CLIP = 3 * 1024 * 1024 + 12345  # bytes: a short clip, sent in 1 MiB chunks
MIB = 1024 * 1024


def clip_bytes(size: int = CLIP) -> bytes:
    return os.urandom(size)


def head(api: Api, digest: str) -> httpx.Response:
    return api.http.head(f"/v1/uploads/{digest}", headers=api.auth)


def offset_of(api: Api, digest: str) -> int:
    answer = head(api, digest)
    assert answer.status_code == 200, answer.text
    return int(answer.headers["upload-offset"])


def patch(
    api: Api, digest: str, offset: int, total: int, data: bytes, **headers: str
) -> httpx.Response:
    return api.http.patch(
        f"/v1/uploads/{digest}",
        content=data,
        headers=api.auth
        | {
            "Content-Type": "application/offset+octet-stream",
            "Upload-Offset": str(offset),
            "Upload-Length": str(total),
        }
        | headers,
    )


def send(api: Api, data: bytes, start: int = 0, *, chunk: int = MIB) -> httpx.Response:
    """Send ``data`` from ``start`` in chunks; the last answer."""
    digest, offset = sha(data), start
    while True:
        answer = patch(api, digest, offset, len(data), data[offset : offset + chunk])
        if answer.status_code != 204:
            return answer
        offset = int(answer.headers["upload-offset"])


def stored_bytes(api: Api, digest: str) -> bytes:
    return b"".join(api.store.open(digest).chunks)


def nothing_stored(api: Api, digest: str) -> bool:
    return (
        not api.store.exists(digest)
        and api.count("SELECT count(*) FROM blobs WHERE sha256 = :s", s=digest) == 0
    )


def test_a_clip_sent_in_chunks_is_verified_stored_and_read_back_as_a_blob(api: Api) -> None:
    data = clip_bytes()
    digest = sha(data)
    first = head(api, digest)
    assert first.status_code == 200 and first.headers["upload-offset"] == "0"
    assert "upload-length" not in first.headers

    answer = patch(api, digest, 0, len(data), data[:MIB])
    assert answer.status_code == 204, answer.text
    assert answer.headers["upload-offset"] == str(MIB)
    resumed = head(api, digest)
    assert resumed.headers["upload-offset"] == str(MIB)
    assert resumed.headers["upload-length"] == str(len(data))
    assert nothing_stored(api, digest)  # half a clip is not a blob

    last = send(api, data, MIB)
    assert last.status_code == 201, last.text
    assert last.json() == {"sha256": digest, "size": len(data), "created": True}
    assert stored_bytes(api, digest) == data
    got = api.http.get(f"/v1/blobs/{digest}", headers=api.auth)
    assert got.status_code == 200 and sha(got.content) == digest
    done = head(api, digest)
    assert done.headers["upload-offset"] == done.headers["upload-length"] == str(len(data))
    assert api.count("SELECT count(*) FROM blobs WHERE sha256 = :s", s=digest) == 1


def test_a_chunk_at_the_wrong_offset_gets_409_with_the_offset_central_holds(api: Api) -> None:
    data = clip_bytes(2 * MIB)
    digest = sha(data)
    ahead = patch(api, digest, MIB, len(data), data[MIB:])
    assert ahead.status_code == 409 and ahead.headers["upload-offset"] == "0"
    assert patch(api, digest, 0, len(data), data[:MIB]).status_code == 204
    again = patch(api, digest, 0, len(data), data[:MIB])  # a retry of what landed already
    assert again.status_code == 409 and again.headers["upload-offset"] == str(MIB)
    behind = patch(api, digest, MIB + 7, len(data), data[MIB + 7 :])
    assert behind.status_code == 409 and behind.headers["upload-offset"] == str(MIB)
    assert send(api, data, MIB).status_code == 201
    assert stored_bytes(api, digest) == data  # no chunk was taken twice


def test_chunks_of_odd_sizes_continue_from_offsets_off_any_disk_block(api: Api) -> None:
    """A chunk that ends, or a resume that starts, inside a disk block loses and repeats
    nothing."""
    data = clip_bytes(3 * MIB + 5)
    digest = sha(data)
    assert send(api, data, chunk=1_000_003).status_code == 201
    assert stored_bytes(api, digest) == data


def test_a_wrong_hash_is_refused_and_nothing_is_kept(api: Api) -> None:
    data = clip_bytes(MIB + 100)
    claimed = sha(b"another clip entirely")
    assert patch(api, claimed, 0, len(data), data[:MIB]).status_code == 204
    answer = patch(api, claimed, MIB, len(data), data[MIB:])
    assert answer.status_code == 400 and "SHA-256" in answer.json()["detail"]
    assert nothing_stored(api, claimed) and nothing_stored(api, sha(data))
    assert offset_of(api, claimed) == 0  # the partial is gone: a new try starts afresh
    assert not list(uploads_dir(api).glob(f"*{claimed}*"))


def test_a_clip_over_the_limit_is_413_before_any_byte_is_kept(api: Api) -> None:
    digest = sha(b"huge")
    answer = patch(api, digest, 0, 5 << 30, b"x" * 1000)
    assert answer.status_code == 413, answer.text
    assert offset_of(api, digest) == 0


def test_offsets_and_chunks_past_the_length_are_refused(api: Api) -> None:
    data = clip_bytes(1000)
    digest = sha(data)
    assert patch(api, digest, 1001, 1000, b"").status_code == 400
    assert patch(api, digest, 0, 1000, data[:600]).status_code == 204
    over = patch(api, digest, 600, 1000, data[600:] + b"extra bytes")
    assert over.status_code == 400
    assert offset_of(api, digest) == 600  # the overlong chunk was not kept, not even in part
    other_length = patch(api, digest, 600, 2000, data[600:])
    assert other_length.status_code == 400 and "1,000" in other_length.json()["detail"]
    assert patch(api, digest, 600, 1000, data[600:]).status_code == 201


def test_bad_headers_and_no_token_are_refused(api: Api, anonymous: Api) -> None:
    digest = sha(b"x")
    assert anonymous.http.head(f"/v1/uploads/{digest}").status_code == 401
    nobody = anonymous.http.patch(
        f"/v1/uploads/{digest}", content=b"x", headers={"Upload-Offset": "0", "Upload-Length": "1"}
    )
    assert nobody.status_code == 401
    missing = api.http.patch(f"/v1/uploads/{digest}", content=b"x", headers=api.auth)
    assert missing.status_code == 422
    negative = patch(api, digest, -1, 1, b"x")
    assert negative.status_code == 422
    assert api.http.head("/v1/uploads/not-a-sha", headers=api.auth).status_code == 422


def test_another_station_cannot_continue_or_see_this_stations_partial_upload(
    api: Api, other: Api
) -> None:
    data = clip_bytes(2 * MIB)
    digest = sha(data)
    assert patch(api, digest, 0, len(data), data[:MIB]).status_code == 204
    assert offset_of(other, digest) == 0
    hijack = patch(other, digest, MIB, len(data), b"\0" * MIB)
    assert hijack.status_code == 409 and hijack.headers["upload-offset"] == "0"
    assert offset_of(api, digest) == MIB  # untouched
    assert send(api, data, MIB).status_code == 201
    assert stored_bytes(api, digest) == data


def test_a_blob_already_stored_says_so_and_its_partial_is_dropped(api: Api, other: Api) -> None:
    data = clip_bytes(MIB + 1)
    digest = sha(data)
    assert patch(other, digest, 0, len(data), data[:MIB]).status_code == 204
    assert send(api, data).status_code == 201
    assert offset_of(other, digest) == len(data)  # nothing left to send
    answer = patch(other, digest, len(data), len(data), b"")
    assert answer.status_code == 200 and answer.json()["created"] is False
    assert not list(uploads_dir(api).glob(f"{other.station_id}.*"))
    photo = clip_bytes(5000)
    assert api.put_blob(photo).status_code == 201  # the blob API is as it was
    assert offset_of(api, sha(photo)) == len(photo)


def uploads_dir(api: Api) -> Path:
    return api.server.data_dir / "uploads"


# -- restarts and cuts ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def crashable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    """A service of this module's own, to kill and start again."""
    with central_server(data_dir=tmp_path_factory.mktemp("uploads-central")) as server:
        yield server


def test_a_partial_upload_outlives_a_killed_central_and_resumes(crashable: CentralServer) -> None:
    with Api(crashable) as api:
        api.register()
        data = clip_bytes()
        digest = sha(data)
        assert patch(api, digest, 0, len(data), data[: 2 * MIB]).status_code == 204
        crashable.kill()
        crashable.start()
        assert offset_of(api, digest) == 2 * MIB
        assert send(api, data, 2 * MIB).status_code == 201
        assert stored_bytes(api, digest) == data


def test_a_chunk_cut_mid_way_keeps_what_arrived(crashable: CentralServer) -> None:
    with Api(crashable) as api:
        api.register()
        data = clip_bytes(2 * MIB)
        digest = sha(data)
        sent = 700_000
        head_bytes = (
            f"PATCH /v1/uploads/{digest} HTTP/1.1\r\nHost: central\r\n"
            f"Authorization: Bearer {api.token}\r\nContent-Length: {MIB}\r\n"
            f"Upload-Offset: 0\r\nUpload-Length: {len(data)}\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", crashable.port), timeout=30) as sock:
            sock.sendall(head_bytes + data[:sent])
            sock.shutdown(socket.SHUT_WR)
            sock.recv(1024)  # central notices the cut
        landed = offset_of(api, digest)
        assert 0 < landed <= sent
        assert send(api, data, landed).status_code == 201
        assert stored_bytes(api, digest) == data


# -- a clip's event, filed after the verdict ---------------------------------------------------


def clip_event(
    api: Api, data: bytes, *, inspection_id: str | None = None, unmatched_id: str | None = None
) -> dict[str, Any]:
    payload = {
        "sha256": sha(data),
        "media": "video",
        "kind": "unboxing",
        "evidence_id": 7,
        "inspection_id": inspection_id,
        "unmatched_id": unmatched_id,
        "size_bytes": len(data),
        "width": 1280,
        "height": 720,
        "duration_ms": 42_000,
        "inspector": "I1001",
        "taken_at": T0.isoformat(),
        "clip": {
            "clip_id": "01JCLIP" + new_id().replace("-", "")[:19].upper(),
            "parcel": "RMA-CLIP",
            "started_at": T0.isoformat(),
            "ended": "completed",
            "preroll_ms": 3000,
            "chain_head": sha(b"chain"),
            "chain_end": len(data),
            "fragments": 21,
            "chapters": [
                {"at_ms": 3000, "kind": "scan", "label": "RMA-CLIP"},
                {"at_ms": 40_000, "kind": "verdict", "label": "B"},
            ],
            "gaps": [{"from_ms": 10_000, "to_ms": 11_000}],
        },
    }
    return api.event("evidence.added", payload)


def evidence_rows(api: Api, digest: str) -> list[tuple[Any, ...]]:
    from sqlalchemy import text

    with api.db.connect() as conn:
        return list(
            conn.execute(
                text(
                    "SELECT media, kind, inspection_id, unmatched_id, duration_ms "
                    "FROM evidence WHERE sha256 = :s"
                ),
                {"s": digest},
            )
        )


def test_a_clip_filed_after_the_verdict_is_accepted_before_its_bytes(api: Api) -> None:
    inspection, _ = complete_inspection(api)
    data = clip_bytes(MIB + 3)
    answer = api.post_events([clip_event(api, data, inspection_id=inspection)]).json()
    assert len(answer["accepted"]) == 1, answer  # the verdict came first; no blob needed yet
    assert evidence_rows(api, sha(data)) == [("video", "unboxing", inspection, None, 42_000)]
    assert send(api, data).status_code == 201
    got = api.http.get(f"/v1/blobs/{sha(data)}", headers=api.auth)
    assert got.status_code == 200 and got.content == data


def test_a_clip_of_an_unmatched_parcel_is_accepted(api: Api, other: Api) -> None:
    parcel = new_id()
    received = (T0 + timedelta(minutes=1)).isoformat()
    unmatched = api.event(
        "parcel.unmatched",
        {"unmatched_id": parcel, "code": "SF1234567890123", "received_at": received},
    )
    data = clip_bytes(2000)
    answer = api.post_events([unmatched, clip_event(api, data, unmatched_id=parcel)]).json()
    assert len(answer["accepted"]) == 2, answer
    assert evidence_rows(api, sha(data)) == [("video", "unboxing", None, parcel, 42_000)]
    foreign = other.post_events([clip_event(other, data, unmatched_id=parcel)]).json()
    assert len(foreign["rejected"]) == 1  # another bench's parcel stays out of reach


def test_stale_partials_go_and_a_station_keeps_at_most_its_share(tmp_path: Path) -> None:
    from central.services.uploads import PARTIALS_PER_STATION, STALE_AFTER, Uploads

    now = [1_000_000_000.0]
    uploads = Uploads(tmp_path / "uploads", clock=lambda: now[0])
    old = uploads.begin("ST-OTHER", sha(b"old"), 10)
    os.utime(old.path, (now[0] - STALE_AFTER - 1, now[0] - STALE_AFTER - 1))
    mine = []
    for n in range(PARTIALS_PER_STATION + 3):
        partial = uploads.begin("ST-MINE", sha(f"clip {n}".encode()), 10)
        os.utime(partial.path, (now[0] - 1000 + n, now[0] - 1000 + n))
        mine.append(partial)
    assert not old.path.exists()  # nobody continued it for a week
    kept = [p for p in mine if p.path.exists()]
    assert len(kept) == PARTIALS_PER_STATION
    assert kept == mine[-PARTIALS_PER_STATION:]  # the oldest went first
    assert uploads.claim("ST-MINE", sha(b"clip 0")) and not uploads.claim("ST-MINE", sha(b"clip 0"))
    with pytest.raises(ValueError):
        uploads.key("../../etc", sha(b"x"))

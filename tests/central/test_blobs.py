from __future__ import annotations

import os
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.central.client import Api, sha
from tests.central.conftest import MAX_BLOB_BYTES
from tests.central.servers import wait_until


def photo_bytes(size: int = 200_000) -> bytes:
    return os.urandom(size)


def spool_is_empty(api: Api) -> bool:
    spool: Path = api.store.spool.base  # every process's folder
    return not any(spool.rglob("*.part"))


def nothing_of(api: Api, digest: str) -> bool:
    return (
        api.http.head(f"/v1/blobs/{digest}", headers=api.auth).status_code == 404
        and not api.store.exists(digest)
        and api.count("SELECT count(*) FROM blobs WHERE sha256 = :s", s=digest) == 0
    )


def raw_request(api: Api, head: str, body: bytes = b"", *, close_after: bool = False) -> bytes:
    """Send bytes as they are (a client that lies about its length, or goes away) and return
    whatever the server answers."""
    host, port = api.server.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(head.encode("latin-1") + body)
        if close_after:
            sock.shutdown(socket.SHUT_WR)
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
                if b"\r\n\r\n" in answer and not close_after:
                    break
        except (ConnectionResetError, TimeoutError):
            pass
        return answer


def put_head(api: Api, digest: str, extra: str) -> str:
    return (
        f"PUT /v1/blobs/{digest} HTTP/1.1\r\nHost: central\r\n"
        f"Authorization: Bearer {api.token}\r\nContent-Type: application/octet-stream\r\n"
        f"{extra}\r\n"
    )


def test_a_blob_is_uploaded_checked_and_read_back(api: Api) -> None:
    data = photo_bytes()
    digest = sha(data)
    assert api.http.head(f"/v1/blobs/{digest}", headers=api.auth).status_code == 404
    answer = api.put_blob(data)
    assert answer.status_code == 201, answer.text
    assert answer.json() == {"sha256": digest, "size": len(data), "created": True}
    head = api.http.head(f"/v1/blobs/{digest}", headers=api.auth)
    assert head.status_code == 200 and head.headers["content-length"] == str(len(data))
    got = api.http.get(f"/v1/blobs/{digest}", headers=api.auth)
    assert got.status_code == 200 and got.content == data
    assert got.headers["content-type"] == "application/octet-stream"
    assert api.store.exists(digest)
    assert spool_is_empty(api)


def test_uploading_the_same_blob_again_is_fine_and_stores_it_once(api: Api, other: Api) -> None:
    data = photo_bytes(5000)
    assert api.put_blob(data).status_code == 201
    again = other.put_blob(data)
    assert again.status_code == 200 and again.json()["created"] is False
    assert api.count("SELECT count(*) FROM blobs WHERE sha256 = :s", s=sha(data)) == 1


def test_simultaneous_uploads_of_one_blob_create_it_once(api: Api) -> None:
    data = photo_bytes(300_000)

    def upload(_: int) -> int:
        return api.put_blob(data).status_code

    with ThreadPoolExecutor(6) as pool:
        codes = sorted(pool.map(upload, range(6)))
    assert codes == [200] * 5 + [201]
    assert api.count("SELECT count(*) FROM blobs WHERE sha256 = :s", s=sha(data)) == 1


def test_a_body_that_does_not_hash_to_its_address_is_refused_and_not_stored(api: Api) -> None:
    data = photo_bytes(50_000)
    claimed = sha(data + b"!")
    answer = api.put_blob(data, claimed)
    assert answer.status_code == 400
    assert sha(data) in answer.json()["detail"] and "nothing stored" in answer.json()["detail"]
    assert nothing_of(api, claimed) and nothing_of(api, sha(data))
    assert spool_is_empty(api)


def test_a_declared_size_over_the_limit_is_refused_before_any_byte_is_read(api: Api) -> None:
    digest = "ab" * 32
    answer = raw_request(api, put_head(api, digest, f"Content-Length: {MAX_BLOB_BYTES + 1}\r\n"))
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert nothing_of(api, digest) and spool_is_empty(api)


def test_a_streamed_body_is_refused_as_soon_as_it_passes_the_limit(api: Api) -> None:
    data = photo_bytes(MAX_BLOB_BYTES + 100_000)
    digest = sha(data)
    step = 64 * 1024
    body = b"".join(
        f"{len(data[i : i + step]):x}\r\n".encode() + data[i : i + step] + b"\r\n"
        for i in range(0, len(data), step)
    )
    answer = raw_request(api, put_head(api, digest, "Transfer-Encoding: chunked\r\n"), body)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert nothing_of(api, digest)
    wait_until(lambda: spool_is_empty(api), 10, "the spool file to go")


def test_a_blob_of_exactly_the_limit_is_taken(api: Api) -> None:
    data = photo_bytes(MAX_BLOB_BYTES)
    assert api.put_blob(data).status_code == 201


def test_a_body_cut_short_leaves_nothing(api: Api) -> None:
    data = photo_bytes(100_000)
    digest = sha(data)
    head = put_head(api, digest, f"Content-Length: {len(data)}\r\n")
    raw_request(api, head, data[:40_000], close_after=True)
    wait_until(lambda: spool_is_empty(api), 10, "the spool file of the cut upload to go")
    assert nothing_of(api, digest)
    assert api.put_blob(data).status_code == 201  # and the whole upload works afterwards


def test_an_address_that_is_not_a_sha256_is_refused(api: Api) -> None:
    for bad in ["ABCD" * 16, "ab" * 31, "zz" * 32, "ab" * 33]:
        assert api.http.put(f"/v1/blobs/{bad}", content=b"x", headers=api.auth).status_code == 422
        assert api.http.head(f"/v1/blobs/{bad}", headers=api.auth).status_code in (404, 422)


def test_an_unknown_blob_is_404(api: Api) -> None:
    answer = api.http.get(f"/v1/blobs/{'cd' * 32}", headers=api.auth)
    assert answer.status_code == 404 and "no blob" in answer.json()["detail"]


def test_an_empty_blob_is_a_blob(api: Api) -> None:
    answer = api.put_blob(b"")
    assert answer.status_code == 201 and answer.json()["size"] == 0
    got = api.http.get(f"/v1/blobs/{sha(b'')}", headers=api.auth)
    assert got.status_code == 200 and got.content == b""

"""A group of blobs in one body (POST /v1/blobs): each checked, refused alone, or nothing."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.central.client import Api, sha
from tests.central.conftest import MAX_BLOB_BYTES
from tests.central.servers import central_server, wait_until
from tests.central.test_blobs import nothing_of, photo_bytes, raw_request, spool_is_empty

HEADER = "Blob-List"


def post_group(api: Api, blobs: list[tuple[str, bytes]], **headers: str) -> httpx.Response:
    listed = ",".join(f"{digest}:{len(data)}" for digest, data in blobs)
    return api.http.post(
        "/v1/blobs",
        content=b"".join(data for _digest, data in blobs),
        headers=api.auth | {HEADER: listed, "Content-Type": "application/octet-stream"} | headers,
    )


def named(*sizes: int) -> list[tuple[str, bytes]]:
    return [(sha(data), data) for data in (photo_bytes(size) for size in sizes)]


def test_a_group_is_stored_blob_by_blob_and_read_back(api: Api) -> None:
    blobs = named(200_000, 3, 70_000)
    answer = post_group(api, blobs)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"created": [d for d, _ in blobs], "present": [], "refused": []}
    for digest, data in blobs:
        got = api.http.get(f"/v1/blobs/{digest}", headers=api.auth)
        assert got.status_code == 200 and got.content == data
    assert spool_is_empty(api)


def test_an_empty_blob_and_one_of_several_pieces_are_stored_whole(tmp_path: Path) -> None:
    """A blob of no bytes still gets its file; one of 2.5 MB is hashed and written a MiB at
    a time as it arrives; each reads back exactly. (A central of its own, on its default
    limits: the empty blob is the same blob for every test.)"""
    with central_server(data_dir=tmp_path / "central") as server, Api(server) as api:
        api.register()
        blobs = named(0, 2_500_000, 5)
        answer = post_group(api, blobs)
        assert answer.status_code == 200, answer.text
        assert answer.json()["created"] == [d for d, _ in blobs]
        for digest, data in blobs:
            got = api.http.get(f"/v1/blobs/{digest}", headers=api.auth)
            assert got.status_code == 200 and got.content == data
        assert spool_is_empty(api)


def test_photos_written_together_a_mib_at_a_time_each_keep_their_own_bytes(api: Api) -> None:
    """Central writes a group's pieces a MiB at a time whichever photos they belong to: a MiB
    ends inside a photo, a photo spans two; each is hashed alone, and one whose bytes are not
    its name is refused without its neighbours. (The group, 3.9 MB, is larger than one blob
    may be here: that limit is each photo's, not the group's.)"""
    blobs = named(*(300_001 + i for i in range(12)))
    assert sum(len(data) for _d, data in blobs) > MAX_BLOB_BYTES
    wrong = photo_bytes(300_500)
    blobs.insert(6, (sha(b"another photo"), wrong))
    answer = post_group(api, blobs)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["created"] == [d for d, _ in blobs if d != blobs[6][0]]
    assert [r["sha256"] for r in result["refused"]] == [blobs[6][0]]
    assert sha(wrong) in result["refused"][0]["error"]
    for digest, data in blobs[:6] + blobs[7:]:
        got = api.http.get(f"/v1/blobs/{digest}", headers=api.auth)
        assert got.status_code == 200 and got.content == data
    assert nothing_of(api, blobs[6][0])
    assert spool_is_empty(api)


def test_sending_a_group_again_creates_nothing(api: Api, other: Api) -> None:
    blobs = named(3000, 4000)
    assert api.put_blob(blobs[0][1]).status_code == 201
    answer = post_group(other, blobs)
    assert answer.json() == {
        "created": [blobs[1][0]],
        "present": [blobs[0][0]],
        "refused": [],
    }
    again = post_group(api, blobs)
    assert again.json()["created"] == [] and len(again.json()["present"]) == 2
    for digest, _data in blobs:
        assert api.count("SELECT count(*) FROM blobs WHERE sha256 = :s", s=digest) == 1


def test_a_blob_whose_bytes_are_not_its_name_is_refused_alone(api: Api) -> None:
    good, bad = named(10_000, 20_000)
    forged = (sha(bad[1] + b"!"), bad[1])
    answer = post_group(api, [good, forged])
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["created"] == [good[0]]
    assert [r["sha256"] for r in body["refused"]] == [forged[0]]
    assert bad[0] in body["refused"][0]["error"]
    assert nothing_of(api, forged[0]) and nothing_of(api, bad[0])
    assert api.store.exists(good[0]) and spool_is_empty(api)


def test_a_bad_list_is_refused_with_what_is_wrong_and_nothing_stored(api: Api) -> None:
    (digest, data), (other, more) = named(500, 600)
    cases = {
        "": "missing",
        f"{digest}": "not sha256:size",
        f"{digest.upper()}:500": "not sha256:size",
        f"{digest}:-5": "not sha256:size",
        f"{digest}:500,{digest}:500": "listed twice",
        f"{digest}:{MAX_BLOB_BYTES + 1}": "larger than",
        ",".join(f"{i:064x}:0" for i in range(65)): "at most 64 blobs",
        f"{digest}:500;rm -rf /": "not sha256:size",
    }
    for listed, why in cases.items():
        answer = api.http.post(
            "/v1/blobs", content=data, headers=api.auth | {HEADER: listed} if listed else api.auth
        )
        assert answer.status_code in (400, 413), (listed[:80], answer.status_code)
        assert why in answer.json()["detail"], (listed[:80], answer.json())
    # the body must be exactly the listed bytes
    head = (
        f"POST /v1/blobs HTTP/1.1\r\nHost: central\r\nAuthorization: Bearer {api.token}\r\n"
        f"{HEADER}: {digest}:500,{other}:600\r\nContent-Length: 900\r\n\r\n"
    )
    short = raw_request(api, head, (data + more)[:900])
    assert short.startswith(b"HTTP/1.1 400"), short[:200]
    assert nothing_of(api, digest) and nothing_of(api, other) and spool_is_empty(api)


def test_a_group_cut_short_leaves_nothing(api: Api) -> None:
    (first, data), (second, more) = named(50_000, 80_000)
    head = (
        f"POST /v1/blobs HTTP/1.1\r\nHost: central\r\nAuthorization: Bearer {api.token}\r\n"
        f"{HEADER}: {first}:{len(data)},{second}:{len(more)}\r\n"
        f"Content-Length: {len(data) + len(more)}\r\n\r\n"
    )
    raw_request(api, head, data + more[:10_000], close_after=True)
    wait_until(lambda: spool_is_empty(api), 10, "the spool files of the cut group to go")
    assert nothing_of(api, first) and nothing_of(api, second)


def test_a_group_needs_a_station_token(api: Api) -> None:
    blobs = named(100)
    answer = api.http.post("/v1/blobs", content=blobs[0][1], headers={HEADER: f"{blobs[0][0]}:100"})
    assert answer.status_code == 401
    assert nothing_of(api, blobs[0][0])


def test_a_blob_list_given_twice_is_refused_and_nothing_stored(api: Api) -> None:
    (digest, data), (other, _more) = named(500, 600)
    headers = [
        *api.auth.items(),
        (HEADER, f"{digest}:500"),
        (HEADER, f"{other}:600"),
        ("Content-Type", "application/octet-stream"),
    ]
    answer = api.http.post("/v1/blobs", content=data, headers=headers)
    assert answer.status_code == 400, answer.text
    assert answer.json() == {"detail": "Blob-List given more than once; nothing stored"}
    assert nothing_of(api, digest) and nothing_of(api, other) and spool_is_empty(api)


def test_a_size_written_with_a_digit_that_is_not_ascii_is_not_sha256_size(api: Api) -> None:
    [(digest, data)] = named(2)
    listed = f"{digest}:".encode() + b"\xb2"  # '²', a digit to str.isdigit()
    answer = api.http.post("/v1/blobs", content=data, headers={**api.auth, HEADER: listed})
    assert answer.status_code == 400, answer.text
    assert answer.json() == {"detail": f"'{digest}:\u00b2' is not sha256:size; nothing stored"}
    assert nothing_of(api, digest) and spool_is_empty(api)

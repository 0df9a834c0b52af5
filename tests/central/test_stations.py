from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.central.client import Api, new_station_id


def test_registration_needs_the_enrollment_key(anonymous: Api) -> None:
    api, central = anonymous, anonymous.server
    body = {"station_id": new_station_id()}
    assert api.http.post("/v1/stations", json=body).status_code == 401
    wrong = {"X-Enrollment-Key": central.enrollment_key + "x"}
    assert api.http.post("/v1/stations", json=body, headers=wrong).status_code == 401
    assert api.count("SELECT count(*) FROM stations WHERE id = :id", id=body["station_id"]) == 0


def test_a_registered_station_gets_a_token_stored_only_as_its_hash(api: Api) -> None:
    assert api.token.startswith("st_") and len(api.token) >= 32
    with api.db.connect() as conn:
        stored = conn.execute(
            text("SELECT token_sha256 FROM stations WHERE id = :id"), {"id": api.station_id}
        ).scalar_one()
    assert stored != api.token and len(stored) == 64 and api.token not in stored
    assert api.changes().status_code == 200


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer st_not-a-token-of-this-service-000000000", "Basic dXNlcjpwYXNz"],
    ids=["missing", "empty", "wrong", "basic"],
)
def test_missing_or_wrong_tokens_are_401_everywhere(api: Api, header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header}
    digest = "0" * 64
    for method, url in [
        ("GET", "/v1/changes"),
        ("POST", "/v1/events"),
        ("HEAD", f"/v1/blobs/{digest}"),
        ("GET", f"/v1/blobs/{digest}"),
        ("PUT", f"/v1/blobs/{digest}"),
        ("GET", "/v1/inspections"),
        ("GET", "/v1/inspections/00000000-0000-0000-0000-000000000000"),
    ]:
        answer = api.http.request(method, url, headers=headers, content=b"")
        assert answer.status_code == 401, (method, url, answer.text)
        assert answer.headers.get("www-authenticate") == "Bearer"


def test_registering_again_replaces_the_token(api: Api) -> None:
    with Api(api.server) as second:
        second.register(api.station_id)
        assert second.token != api.token
        assert api.changes().status_code == 401
        assert second.changes().status_code == 200


def test_a_station_id_that_is_not_one_is_refused(anonymous: Api) -> None:
    api = anonymous
    for bad in ["st-lower", "X", "ST 1", "ST-" + "9" * 30, "", "ST-1\x00"]:
        answer = api.http.post("/v1/stations", json={"station_id": bad}, headers=api.enrol)
        assert answer.status_code == 422, bad


def test_a_name_with_a_nul_character_is_refused_and_nothing_registered(anonymous: Api) -> None:
    api = anonymous
    station_id = new_station_id()
    answer = api.http.post(
        "/v1/stations", json={"station_id": station_id, "name": "bench\x00"}, headers=api.enrol
    )
    assert answer.status_code == 422 and "NUL" in answer.text
    assert api.count("SELECT count(*) FROM stations WHERE id = :id", id=station_id) == 0

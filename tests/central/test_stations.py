from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.central.client import Api, new_station_id


def register_with(api: Api, station_id: str, code: str | None) -> int:
    body = {"station_id": station_id, "name": "bench"}
    if code is not None:
        body["enrolment_code"] = code
    return api.http.post("/v1/stations", json=body).status_code


def stations_named(api: Api, station_id: str) -> int:
    return api.count("SELECT count(*) FROM stations WHERE id = :id", id=station_id)


def test_registration_needs_a_code_an_admin_issued_for_that_station(anonymous: Api) -> None:
    api = anonymous
    station_id = new_station_id()
    assert register_with(api, station_id, None) == 422
    assert register_with(api, station_id, "EN-" + "A" * 20) == 401
    for_another = api.enrolment_code(new_station_id())
    assert register_with(api, station_id, for_another) == 401
    assert stations_named(api, station_id) == 0
    code = api.enrolment_code(station_id)
    assert register_with(api, station_id, code) == 201
    assert register_with(api, station_id, code) == 401, "a code is spent by its first use"
    assert stations_named(api, station_id) == 1


def test_only_an_admin_issues_codes(anonymous: Api, api: Api) -> None:
    body = {"station_id": new_station_id()}
    for headers in ({}, {"X-Admin-Token": "adm_wrong-0123456789abcdefghij"}, api.auth):
        answer = anonymous.http.post("/v1/enrolment-codes", json=body, headers=headers)
        assert answer.status_code == 401, answer.text
    assert (
        anonymous.count(
            "SELECT count(*) FROM enrolment_codes WHERE station_id = :id", id=body["station_id"]
        )
        == 0
    )


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


def test_a_known_station_is_registered_again_only_with_a_replacing_code(api: Api) -> None:
    plain = api.http.post(
        "/v1/enrolment-codes", json={"station_id": api.station_id}, headers=api.admin
    )
    assert plain.status_code == 409 and "replace" in plain.text
    with Api(api.server) as second:
        second.register(api.station_id, replace=True)
        assert second.token != api.token
        assert api.changes().status_code == 401
        assert second.changes().status_code == 200


def test_a_station_cannot_move_to_another_warehouse_by_registering_again(api: Api) -> None:
    answer = api.http.post(
        "/v1/enrolment-codes",
        json={"station_id": api.station_id, "warehouse": "OTHER", "replace": True},
        headers=api.admin,
    )
    assert answer.status_code == 409


def test_a_station_id_that_is_not_one_is_refused(anonymous: Api) -> None:
    api = anonymous
    for bad in ["st-lower", "X", "ST 1", "ST-" + "9" * 30, "", "ST-1\x00"]:
        body = {"station_id": bad, "enrolment_code": "EN-" + "A" * 20}
        answer = api.http.post("/v1/stations", json=body)
        assert answer.status_code == 422, bad


def test_a_name_with_a_nul_character_is_refused_and_nothing_registered(anonymous: Api) -> None:
    api = anonymous
    station_id = new_station_id()
    code = api.enrolment_code(station_id)
    answer = api.http.post(
        "/v1/stations", json={"station_id": station_id, "name": "bench\x00", "enrolment_code": code}
    )
    assert answer.status_code == 422 and "NUL" in answer.text
    assert api.count("SELECT count(*) FROM stations WHERE id = :id", id=station_id) == 0

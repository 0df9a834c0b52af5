"""Hostile input: always a 4xx with a reason, never a 500, and nothing half-written."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.central.client import Api, new_id, new_rma, started_payload, user_body
from tests.central.conftest import MAX_REQUEST_BYTES


def post_raw(api: Api, body: bytes, path: str = "/v1/events") -> Any:
    headers = {**api.auth, "Content-Type": "application/json"}
    return api.http.post(path, content=body, headers=headers)


def stored_for(api: Api) -> int:
    return api.count("SELECT count(*) FROM events WHERE station_id = :s", s=api.station_id)


def test_a_huge_json_body_is_413_and_nothing_is_stored(api: Api) -> None:
    event = api.event("inspection.started", started_payload(new_id(), new_rma(), api.station_id))
    event["payload"]["padding"] = "x" * (MAX_REQUEST_BYTES + 10)
    answer = api.post_events([event])
    assert answer.status_code == 413
    assert stored_for(api) == 0


def test_a_huge_body_without_a_length_is_cut_off_at_the_limit(api: Api) -> None:
    def body() -> Any:
        yield b'{"events": [{"payload": "'
        for _ in range(MAX_REQUEST_BYTES // 65536 + 2):
            yield b"x" * 65536
        yield b'"}]}'

    headers = {**api.auth, "Content-Type": "application/json"}
    answer = api.http.post("/v1/events", content=body(), headers=headers)
    assert answer.status_code == 413
    assert stored_for(api) == 0


def test_json_nested_deeper_than_the_parser_goes_is_400(api: Api) -> None:
    depth = 100_000
    body = b'{"events": [' + b"[" * depth + b"]" * depth + b"]}"
    answer = post_raw(api, body)
    assert answer.status_code == 400
    assert stored_for(api) == 0


def nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {"leaf": 1}
    for _ in range(depth - 1):
        value = {"n": value}
    return value


def test_a_deeply_nested_payload_is_refused_and_the_rest_of_the_batch_taken(api: Api) -> None:
    fine = api.event("inspection.started", started_payload(new_id(), new_rma(), api.station_id))
    deep = api.event("inspection.started", {"inspection_id": new_id(), "x": nested(200)})
    answer = api.post_events([fine, deep]).json()
    assert answer["accepted"] == [fine["event_id"]]
    [refusal] = answer["rejected"]
    assert "nested deeper than 32 levels" in refusal["error"]
    assert api.events_stored([deep["event_id"]]) == 0


@pytest.mark.parametrize(
    ("payload", "why"),
    [
        ('{"note": "a\\u0000b"}', "NUL"),
        ('{"a\\u0000": 1}', "NUL"),
        ('{"note": "\\ud800"}', "surrogate"),
        ('{"value": NaN}', "NaN"),
        ('{"value": Infinity}', "NaN or an infinite"),
        ('{"value": 1e999}', "NaN or an infinite"),
    ],
    ids=["nul-value", "nul-key", "surrogate", "nan", "infinity", "overflow"],
)
def test_payloads_no_database_should_hold_are_refused(api: Api, payload: str, why: str) -> None:
    event = api.event("inspection.cancelled", {})
    text = json.dumps({"events": [event]}).replace('"payload": {}', f'"payload": {payload}')
    answer = post_raw(api, text.encode())
    assert answer.status_code == 200, answer.text
    [refusal] = answer.json()["rejected"]
    assert why in refusal["error"]
    assert stored_for(api) == 0


def test_a_payload_over_the_size_limit_is_refused(api: Api) -> None:
    event = api.event("inspection.cancelled", {"blob": ["y" * 1000] * 1100})
    [refusal] = api.post_events([event]).json()["rejected"]
    assert "larger than" in refusal["error"]


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"[]",
        b'{"events": "many"}',
        b'{"events": [1, 2, 3]}',
        b'{"events": [{"event_id": 5}]}',
        b'{"events": null}',
        b"\xff\xfe\x00",
        b'{"events": [' + b"1," * 10_000 + b"1]}",
    ],
    ids=["empty", "text", "list", "string", "ints", "wrong-type", "null", "binary", "long"],
)
def test_wrong_shapes_and_types_are_422_with_a_short_answer(api: Api, body: bytes) -> None:
    answer = post_raw(api, body)
    assert answer.status_code in (400, 422), answer.text
    assert len(answer.content) < 10_000
    assert stored_for(api) == 0


def test_publishing_endpoints_refuse_hostile_bodies_too(api: Api) -> None:
    start = api.cursor_now()
    bad = [
        ("/v1/returns", b'[{"rma_no": ' + b"[" * 50_000 + b"]" * 50_000 + b"}]"),
        ("/v1/users", json.dumps(user_body("A1", "\x00")).encode()),
        ("/v1/users", json.dumps(user_body("A1") | {"pin": "1234\x00"}).encode()),
        ("/v1/templates", b'{"template_id": "x", "version": 1e308, "body": ""}'),
        ("/v1/decisions", b'{"decision_id": null}'),
        ("/v1/returns", b"x" * (MAX_REQUEST_BYTES + 1)),
    ]
    for path, body in bad:
        answer = api.http.post(
            path, content=body, headers={**api.admin, "Content-Type": "application/json"}
        )
        assert 400 <= answer.status_code < 500, (path, answer.status_code, answer.text[:200])
    assert api.all_changes(start) == []


def test_a_query_string_full_of_junk_is_refused(api: Api) -> None:
    for params in [
        {"since": "1" * 5000},
        {"since": "\x00"},
        {"limit": "ten"},
        {"since": "1", "limit": "1e3"},
    ]:
        answer = api.http.get("/v1/changes", params=params, headers=api.auth)
        assert answer.status_code in (400, 422), params

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from station.protocol.events import Decision
from station.protocol.manifest import ManifestOrder
from station.protocol.wire import TemplateChange
from tests.central.client import (
    PIN,
    Api,
    complete_inspection,
    decision_body,
    manifest_row,
    new_id,
    new_rma,
    user_body,
)

CHECKLISTS = Path(__file__).resolve().parents[2] / "resources" / "checklists"


def template(version: int, *, body: str | None = None) -> dict[str, Any]:
    text = (CHECKLISTS / "generic.toml").read_text(encoding="utf-8")
    text = text.replace("version = 1", f"version = {version}", 1)
    return {"template_id": "generic", "version": version, "body": body or text}


def fresh_version() -> int:
    return random.randint(2, 2**30)


def changes_since(api: Api, cursor: str) -> list[dict[str, Any]]:
    return api.all_changes(cursor)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/returns", [manifest_row()]),
        ("/v1/templates", template(7)),
        ("/v1/users", user_body("NOKEY1")),
        ("/v1/decisions", decision_body(new_id())),
    ],
    ids=["returns", "templates", "users", "decisions"],
)
def test_publishing_needs_the_admin_token(api: Api, path: str, body: Any) -> None:
    """A bench's token is not enough, nor is a guess; a decision needs a supervisor."""
    start = api.cursor_now()
    wrong = {"X-Admin-Token": "adm_wrong-0123456789abcdefghijklmn"}
    for headers in ({}, wrong, api.auth, {"X-Enrollment-Key": "x" * 30}):
        assert api.http.post(path, json=body, headers=headers).status_code == 401
    assert changes_since(api, start) == []


def test_returns_are_published_as_return_changes_once(api: Api) -> None:
    start = api.cursor_now()
    rows = [manifest_row(), manifest_row()]
    answer = api.publish("/v1/returns", rows)
    assert answer.status_code == 201
    assert answer.json()["published"] == 2 and answer.json()["unchanged"] == 0
    changes = changes_since(api, start)
    assert [c["kind"] for c in changes] == ["return", "return"]
    assert [c["key"] for c in changes] == [r["rma_no"] for r in rows]
    assert answer.json()["cursor"] == str(changes[-1]["seq"])
    # the station reads a body with the model it reads manifests with: the same order, but
    # the customer only as the station shows them (central keeps the raw data, for a while)
    order = ManifestOrder.model_validate(changes[0]["body"])
    sent = ManifestOrder.model_validate(rows[0])
    assert order.customer_name == order.customer_phone == ""
    assert order.customer_masked == "张* 138****8000"
    assert "13800138000" not in str(changes) and "张三" not in str(changes)
    assert order.model_copy(update={"customer_masked": ""}) == sent.model_copy(
        update={"customer_name": "", "customer_phone": ""}
    )
    assert order.lines[0].unit_price == 19900
    again = api.publish("/v1/returns", rows)
    assert again.status_code == 200 and again.json()["unchanged"] == 2
    assert len(changes_since(api, start)) == 2


def test_a_state_update_of_a_known_return_is_a_new_change(api: Api) -> None:
    row = manifest_row(state="approved")
    api.publish("/v1/returns", [row])
    start = api.cursor_now()
    moved = row | {"state": "in_transit"}
    assert api.publish("/v1/returns", [moved]).json()["published"] == 1
    [change] = changes_since(api, start)
    assert change["key"] == row["rma_no"] and change["body"]["state"] == "in_transit"


def test_a_state_a_return_cannot_move_to_refuses_the_whole_request(api: Api) -> None:
    row = manifest_row(state="in_transit")
    api.publish("/v1/returns", [row])
    start = api.cursor_now()
    fresh = manifest_row()
    answer = api.publish("/v1/returns", [fresh, row | {"state": "requested"}])
    assert answer.status_code == 422
    assert "cannot go from in_transit to requested" in answer.json()["detail"]
    assert changes_since(api, start) == []
    assert api.count("SELECT count(*) FROM returns WHERE rma_no = :r", r=fresh["rma_no"]) == 0


def test_bad_manifest_rows_refuse_the_request(api: Api) -> None:
    start = api.cursor_now()
    rma = new_rma()
    for rows in [
        [],
        [manifest_row() | {"state": "refunded"}],
        [manifest_row() | {"lines": []}],
        [manifest_row() | {"reason_note": "bad\x07char"}],
        [manifest_row(rma), manifest_row(rma)],
        [manifest_row() for _ in range(1001)],
        {"rma_no": rma},
    ]:
        assert api.publish("/v1/returns", rows).status_code == 422
    assert changes_since(api, start) == []


def test_a_template_is_published_once_per_version(api: Api) -> None:
    start = api.cursor_now()
    version = fresh_version()
    body = template(version)
    assert api.publish("/v1/templates", body).status_code == 201
    assert api.publish("/v1/templates", body).status_code == 200
    [change] = changes_since(api, start)
    assert change["kind"] == "template"
    assert TemplateChange.model_validate(change["body"]).version == version
    other_body = body["body"].replace("通用质检", "通用质检 v2")
    conflict = api.publish("/v1/templates", template(version, body=other_body))
    assert conflict.status_code == 409 and "new version" in conflict.json()["detail"]


def test_a_template_that_does_not_load_is_refused(api: Api) -> None:
    start = api.cursor_now()
    version = fresh_version()
    for body in [
        template(version, body="id = 'generic'\nversion = [broken"),
        template(version + 1) | {"version": version},  # the body says another version
        template(version, body="\x00"),
    ]:
        answer = api.publish("/v1/templates", body)
        assert answer.status_code == 422, answer.text
    assert changes_since(api, start) == []


def test_users_are_published_and_updated(api: Api) -> None:
    start = api.cursor_now()
    badge = f"U{random.randint(0, 10**8):08d}"
    first = api.publish("/v1/users", user_body(badge))
    assert first.status_code == 201 and first.json()["badge_code"].startswith(f"RSB1-{badge}-")
    again = api.publish("/v1/users", user_body(badge) | {"pin": None})
    assert again.status_code == 200 and again.json()["badge_code"] is None
    assert api.publish("/v1/users", user_body(badge) | {"active": False}).status_code == 201
    changes = changes_since(api, start)
    assert [c["body"]["active"] for c in changes] == [True, False]
    for bad in [
        user_body("lower"),
        user_body("X") | {"pin": "12a4"},
        user_body("X") | {"role": "god"},
        user_body("X") | {"pin_hash": "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA"},
        user_body("NEWUSER") | {"pin": None},
    ]:
        assert api.publish("/v1/users", bad).status_code == 422, bad


def test_a_decision_made_at_central_reaches_the_warehouses_stations(api: Api, other: Api) -> None:
    inspection, _ = complete_inspection(api, needs_review=True)
    start = other.cursor_now()
    decision = decision_body(inspection)
    assert api.decide(decision).status_code == 201
    assert api.decide(decision).status_code == 200
    [change] = [c for c in changes_since(other, start) if c["kind"] == "decision"]
    made = Decision.model_validate(change["body"])
    assert made.decision_id == decision["decision_id"]
    assert made.decided_by == api.supervisor_badge
    changed = decision | {"reason": "another reason"}
    assert api.decide(changed).status_code == 409
    unknown = api.decide(decision_body(new_id()))
    assert unknown.status_code == 404


def test_a_decision_is_the_signed_in_supervisors_whatever_it_says(api: Api) -> None:
    inspection, _ = complete_inspection(api, needs_review=True)
    api.sign_in()
    start = api.cursor_now()
    assert api.decide(decision_body(inspection) | {"decided_by": "I1003"}).status_code == 201
    [change] = changes_since(api, start)
    assert change["body"]["decided_by"] == api.supervisor_badge


def test_an_inspector_cannot_sign_in_to_decide(api: Api) -> None:
    code = api.add_user(f"I{random.randint(0, 10**8):08d}", role="inspector")
    answer = api.http.post("/v1/sessions", json={"badge_code": code, "pin": PIN})
    assert answer.status_code in (401, 403)


def test_a_refund_beyond_the_order_is_refused(api: Api) -> None:
    inspection, _ = complete_inspection(api, needs_review=True)
    api.sign_in()
    start = api.cursor_now()
    answer = api.decide(decision_body(inspection) | {"refund_fen": 10**15})
    assert answer.status_code == 422 and "worth" in answer.text
    assert changes_since(api, start) == []


def test_a_decision_with_a_nul_in_its_reason_is_refused(api: Api) -> None:
    inspection, _ = complete_inspection(api)
    answer = api.decide(decision_body(inspection) | {"reason": "a\x00b"})
    assert answer.status_code == 422

"""The attacks of one bench (or someone holding its disk) on the rest, against the real central
service on both set-ups: each is refused with a clear reason, and nothing is written."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from station.protocol.badges import parse_code, proof, verify_hash
from station.protocol.events import Decision
from tests.central.client import (
    PIN,
    T0,
    Api,
    complete_inspection,
    decision_body,
    manifest_row,
    new_station_id,
    photo_payload,
    sha,
    user_body,
)
from tests.central.servers import CentralServer, central_server


def decisions_published(api: Api, start: str) -> list[dict[str, object]]:
    return [c for c in api.all_changes(start) if c["kind"] == "decision"]


def verdict_at_central(api: Api, inspection: str) -> tuple[str, bool]:
    query = text("SELECT grade, overturned FROM inspections WHERE id = :i")
    with api.db.connect() as conn:
        grade, overturned = conn.execute(query, {"i": inspection}).one()
    return str(grade), bool(overturned)


# -- 1. a bench forging a supervisor's decision ------------------------------------------------


@pytest.mark.parametrize("decided_by", ["I1003", "", "NOBODY", "S9001"])
def test_a_bench_cannot_forge_a_supervisors_decision(api: Api, other: Api, decided_by: str) -> None:
    victim, _ = complete_inspection(api, needs_review=True, grade="A")
    api.add_user("I1003", role="inspector")
    start = api.cursor_now()
    forged = decision_body(victim, grade="D") | {"decided_by": decided_by}
    forged["disposition"] = "destroy"
    answer = other.post_events([other.event("decision.made", forged)]).json()
    [refused] = answer["rejected"]
    assert answer["accepted"] == [] and refused["error"]
    assert decisions_published(api, start) == []
    assert verdict_at_central(api, victim) == ("A", False)


def test_a_proof_made_with_a_guessed_key_or_for_other_fields_is_refused(
    api: Api, other: Api
) -> None:
    victim, _ = complete_inspection(api, needs_review=True, grade="A")
    signed = api.signed(decision_body(victim, grade="B"))
    start = api.cursor_now()
    tampered = signed | {"grade": "D", "disposition": "destroy"}  # the proof was for B
    guessed = Decision.model_validate(signed | {"proof": None}).model_dump(mode="json")
    guessed["proof"] = proof(b"\0" * 32, guessed)
    for body in (tampered, guessed):
        answer = api.post_events([api.event("decision.made", body)]).json()
        [refused] = answer["rejected"]
        assert "proof does not hold" in refused["error"]
    assert decisions_published(api, start) == []


def test_a_signed_decision_about_another_warehouse_is_refused(api: Api) -> None:
    victim, _ = complete_inspection(api, needs_review=True)
    with Api(api.server) as elsewhere:
        elsewhere.register(warehouse="WH-SOUTH")
        body = elsewhere.signed(decision_body(victim))
        answer = elsewhere.post_events([elsewhere.event("decision.made", body)]).json()
    [refused] = answer["rejected"]
    assert "warehouse" in refused["error"]


def test_a_refund_beyond_the_order_line_is_refused_even_when_signed(api: Api) -> None:
    inspection, _ = complete_inspection(api, needs_review=True)
    start = api.cursor_now()
    body = api.signed(decision_body(inspection) | {"refund_fen": 10**15})
    answer = api.post_events([api.event("decision.made", body)]).json()
    [refused] = answer["rejected"]
    assert "more than the order line is worth" in refused["error"]
    assert decisions_published(api, start) == []


def test_an_inactive_supervisors_badge_signs_nothing(api: Api) -> None:
    inspection, _ = complete_inspection(api, needs_review=True)
    body = api.signed(decision_body(inspection))  # signs in as a fresh supervisor
    grant = user_body(api.supervisor_badge, role="supervisor") | {"pin": None, "active": False}
    assert api.publish("/v1/users", grant).status_code == 201
    answer = api.post_events([api.event("decision.made", body)]).json()
    [refused] = answer["rejected"]
    assert "not an active supervisor" in refused["error"]


# -- 2. enrolment and administration ---------------------------------------------------------


def test_a_bench_cannot_take_over_another_stations_id(api: Api, other: Api) -> None:
    # no code of its own works for the victim's id, and asking for one needs the admin
    own = other.enrolment_code(new_station_id())
    body = {"station_id": api.station_id, "enrolment_code": own}
    assert other.http.post("/v1/stations", json=body).status_code == 401
    ask = {"station_id": api.station_id, "replace": True}
    assert other.http.post("/v1/enrolment-codes", json=ask, headers=other.auth).status_code == 401
    assert api.changes().status_code == 200  # the victim's token still works


def test_a_bench_token_publishes_nothing(api: Api) -> None:
    inspection, _ = complete_inspection(api)
    start = api.cursor_now()
    attempts = [
        ("/v1/users", user_body("EVIL01", role="admin")),
        ("/v1/returns", [manifest_row()]),
        ("/v1/decisions", decision_body(inspection)),
    ]
    for path, body in attempts:
        assert api.http.post(path, json=body, headers=api.auth).status_code == 401
    assert api.all_changes(start) == []


@pytest.fixture
def strict_central(tmp_path: Path) -> Iterator[CentralServer]:
    """A central service with the default budget of wrong credentials."""
    with central_server(data_dir=tmp_path / "central") as server:
        yield server


def test_guessing_codes_or_tokens_is_slowed_down(strict_central: CentralServer) -> None:
    with Api(strict_central) as api:
        statuses = []
        for n in range(14):
            guess = "EN-" + "A" * 19 + "BCDEFGHIJKLMNO"[n]
            body = {"station_id": "ST-GUESS", "enrolment_code": guess}
            statuses.append(api.http.post("/v1/stations", json=body).status_code)
        assert statuses[:9] == [401] * 9 and statuses[-1] == 429
        blocked = api.http.post("/v1/stations", json=body)
        assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
        wrong = {"X-Admin-Token": "adm_" + "x" * 40}
        admin = [
            api.http.post("/v1/enrolment-codes", json={"station_id": "ST-X"}, headers=wrong)
            for _ in range(12)
        ]
        assert admin[-1].status_code == 429


def test_a_flood_of_wrong_tokens_does_not_lock_out_benches_behind_the_same_address(
    strict_central: CentralServer,
) -> None:
    with Api(strict_central) as bench, Api(strict_central) as intruder:
        bench.register()
        wrong = {"Authorization": "Bearer st_" + "x" * 43}
        answers = [intruder.http.get("/v1/changes", headers=wrong) for _ in range(15)]
        assert answers[-1].status_code == 429  # whoever keeps guessing is slowed down
        assert bench.changes().status_code == 200  # a right token is never refused for it


# -- 3. what a bench reads -------------------------------------------------------------------


def test_a_bench_reads_no_inspection_list_and_no_other_warehouses_photos(api: Api) -> None:
    inspection, _ = complete_inspection(api, photos=1)
    assert api.http.get("/v1/inspections", headers=api.auth).status_code == 401
    assert api.http.get(f"/v1/inspections/{inspection}", headers=api.auth).status_code == 401
    digest = sha(f"photo 0 of {inspection}".encode())
    assert api.http.get(f"/v1/blobs/{digest}", headers=api.auth).status_code == 200
    with Api(api.server) as elsewhere:
        elsewhere.register(warehouse="WH-NORTH")
        assert elsewhere.http.get(f"/v1/blobs/{digest}", headers=elsewhere.auth).status_code == 404
        assert elsewhere.http.head(f"/v1/blobs/{digest}", headers=elsewhere.auth).status_code == 404


def test_the_change_feed_holds_no_searchable_pin_hash_and_no_raw_customer(api: Api) -> None:
    start = api.cursor_now()
    code = api.add_user("I7001", role="inspector", pin="1234")
    api.publish("/v1/returns", [manifest_row() | {"customer_phone": "010-62345678"}])
    changes = api.all_changes(start)
    text = str(changes)
    assert "62345678" not in text and "张三" not in text
    [user] = [c["body"] for c in changes if c["kind"] == "user"]
    # all 10,000 four-digit PINs: none opens the hash without the badge's secret
    assert not any(verify_hash(user["pin_hash"], f"{n:04d}") for n in (1234, 0, 9999))
    assert verify_hash(user["pin_hash"], f"{parse_code(code).secret}:1234")


def test_warehouse_returns_reach_only_that_warehouses_benches(api: Api) -> None:
    row = manifest_row()
    with Api(api.server) as north:
        north.register(warehouse="WH-NORTH")
        start_main, start_north = api.cursor_now(), north.cursor_now()
        answer = api.http.post(
            "/v1/returns", params={"warehouse": "WH-NORTH"}, json=[row], headers=api.admin
        )
        assert answer.status_code == 201
        assert [c["key"] for c in north.all_changes(start_north)] == [row["rma_no"]]
        assert api.all_changes(start_main) == []


# -- 4. writing about another station's work --------------------------------------------------


def test_a_bench_cannot_attach_photos_or_labels_to_another_stations_inspection(
    api: Api, other: Api
) -> None:
    victim, _ = complete_inspection(api)
    data = b"not the victim's photo"
    assert other.put_blob(data).status_code == 201
    photo = photo_payload(sha(data), victim, other.station_id)
    label = {"label_id": "0190f3a1-1d2c-7e4f-8a9b-0c1d2e3f4a5b", "inspection_id": victim}
    label |= {"unmatched_id": None, "station_id": other.station_id, "kind": "disposition"}
    events = [
        other.event("photo.added", photo, blobs=[sha(data)]),
        other.event("label.printed", label),
    ]
    answer = other.post_events(events).json()
    assert answer["accepted"] == [] and len(answer["rejected"]) == 2
    assert all("another station" in r["error"] for r in answer["rejected"])
    assert other.count("SELECT count(*) FROM evidence WHERE inspection_id = :i", i=victim) == 0


# -- 7. PINs at central ----------------------------------------------------------------------


def test_wrong_pins_at_central_lock_the_badge_for_every_station(api: Api) -> None:
    code = api.add_user("S7001", role="supervisor")
    start = api.cursor_now()
    for _ in range(5):
        wrong = api.http.post("/v1/sessions", json={"badge_code": code, "pin": "000000"})
        assert wrong.status_code == 401
    locked = api.http.post("/v1/sessions", json={"badge_code": code, "pin": PIN})
    assert locked.status_code == 423  # even the right PIN, while locked
    [change] = [c for c in api.all_changes(start) if c["kind"] == "user"]
    assert change["body"]["badge_id"] == "S7001" and change["body"]["locked_until"]


def test_a_badge_locked_hundreds_of_times_stays_locked_for_a_day_at_most(api: Api) -> None:
    """Benches report wrong PINs, so the count of locks in a row is theirs to inflate: past
    about forty, doubling the lock overflowed, every report was refused and the badge could
    never lock again."""
    code = api.add_user("S7004", role="supervisor")
    reports = [
        api.event(
            "login.failed",
            {"badge_id": "S7004", "station_id": api.station_id, "at": T0.isoformat()},
        )
        for _ in range(250)
    ]
    answer = api.post_events(reports).json()
    assert answer["rejected"] == [] and len(answer["accepted"]) == 250
    with api.db.connect() as conn:
        a_day_later = "UPDATE pin_failures SET locked_until = NULL WHERE badge_id = 'S7004'"
        conn.execute(text(a_day_later))
        conn.commit()
    for _ in range(5):
        wrong = api.http.post("/v1/sessions", json={"badge_code": code, "pin": "000000"})
        assert wrong.status_code == 401
    assert api.http.post("/v1/sessions", json={"badge_code": code, "pin": PIN}).status_code == 423
    with api.db.connect() as conn:
        until = conn.execute(
            text("SELECT locked_until FROM pin_failures WHERE badge_id = 'S7004'")
        ).scalar_one()
    until = datetime.fromisoformat(str(until)).replace(tzinfo=None)
    assert until <= datetime.now(UTC).replace(tzinfo=None) + timedelta(days=1, minutes=1)


def test_a_badge_id_without_its_secret_locks_nobody_out_and_says_nothing(api: Api) -> None:
    """Only someone holding the badge can guess its PIN: wrong PINs sent with a made-up
    secret (a badge id is printed in plain sight) count toward no lock, and are answered as
    for a badge that does not exist, whether or not the real one is locked."""
    code = api.add_user("S7003", role="supervisor")
    forged = code[: code.rindex("-") + 1] + "A" * 26  # the id, not the secret
    unknown = forged.replace("S7003", "S7098")
    start = api.cursor_now()
    for _ in range(8):
        for badge in (forged, unknown):
            answer = api.http.post("/v1/sessions", json={"badge_code": badge, "pin": "000000"})
            assert answer.status_code == 401, answer.text
    for badge_id in ("S7003", "S7098"):
        assert api.count("SELECT count(*) FROM pin_failures WHERE badge_id = :b", b=badge_id) == 0
    assert not [c for c in api.all_changes(start) if c["kind"] == "user"]
    assert api.http.post("/v1/sessions", json={"badge_code": code, "pin": PIN}).status_code == 201
    for _ in range(5):  # the holder's own wrong PINs do lock it ...
        api.http.post("/v1/sessions", json={"badge_code": code, "pin": "000000"})
    assert api.http.post("/v1/sessions", json={"badge_code": code, "pin": PIN}).status_code == 423
    # ... and without the secret, a locked badge still looks like any other
    answer = api.http.post("/v1/sessions", json={"badge_code": forged, "pin": PIN})
    assert answer.status_code == 401


def test_a_locked_or_unknown_badge_costs_as_long_as_a_wrong_pin(api: Api) -> None:
    code = api.add_user("S7002", role="supervisor")
    unknown = code.replace("S7002", "S7099")

    def median_ms(body: dict[str, str]) -> float:
        times = []
        for _ in range(5):
            began = time.perf_counter()
            api.http.post("/v1/sessions", json=body)
            times.append((time.perf_counter() - began) * 1000)
        return sorted(times)[2]

    # a hash check each: neither answer comes back in a fraction of the other's time
    wrong = median_ms({"badge_code": code, "pin": "000001"})
    missing = median_ms({"badge_code": unknown, "pin": "000001"})
    assert missing > wrong / 4 and wrong > missing / 4


def test_plain_http_to_central_off_loopback_is_refused_by_the_station() -> None:
    from station.sync.client import CentralClient, SyncError

    with pytest.raises(SyncError, match="https"):
        CentralClient("http://10.0.0.8:8765", "st_" + "x" * 40)
    assert httpx.URL("https://central.example").scheme == "https"

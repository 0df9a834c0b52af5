"""Events no database column can hold: each is refused alone, the rest of its batch stored.

A sequence number past a SQL BIGINT, a time far ahead or long before any station existed, or a
payload that fails while it is projected used to answer 500 for the whole batch, and the
station sent that batch again forever.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from central.db.session import make_engine, session_factory
from central.services import events as events_service
from central.services.events import ingest_batch
from central.services.stations import AuthenticatedStation
from station.protocol.wire import Event
from tests.central.client import (
    Api,
    completed_payload,
    decision_body,
    manifest_row,
    new_id,
    new_rma,
    started_payload,
)
from tests.central.servers import CentralServer


def started(api: Api, **envelope: Any) -> dict[str, Any]:
    event = api.event("inspection.started", started_payload(new_id(), new_rma(), api.station_id))
    return event | envelope


def _iso(at: datetime) -> str:
    return at.isoformat()


NOW = datetime.now(UTC)


@pytest.mark.parametrize(
    ("envelope", "reason"),
    [
        ({"seq": 2**63}, "seq is larger than 2^63-1"),
        ({"seq": 2**200}, "seq is larger than 2^63-1"),
        ({"created_at": _iso(NOW + timedelta(days=2))}, "more than a day ahead"),
        ({"created_at": "9999-12-31T23:59:59+00:00"}, "more than a day ahead"),
        ({"created_at": "9999-12-31T23:59:59-05:00"}, "out of range"),
        ({"created_at": "0001-01-01T00:00:00+05:00"}, "out of range"),
        ({"created_at": "1970-01-01T00:00:00+00:00"}, "is before 2020"),
    ],
    ids=[
        "seq-2^63",
        "seq-2^200",
        "two-days-ahead",
        "year-9999",
        "year-10000-utc",
        "year-0",
        "1970",
    ],
)
def test_an_event_the_database_cannot_hold_is_refused_alone(
    api: Api, envelope: dict[str, Any], reason: str
) -> None:
    good_before, bad, good_after = started(api), started(api, **envelope), started(api)
    answer = api.post_events([good_before, bad, good_after])
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["accepted"] == [good_before["event_id"], good_after["event_id"]]
    [refusal] = result["rejected"]
    assert refusal["event_id"] == bad["event_id"]
    assert reason in refusal["error"]
    assert api.events_stored([bad["event_id"]]) == 0


def test_the_bounds_themselves_are_accepted(api: Api) -> None:
    events = [
        started(api, seq=2**63 - 1),
        started(api, created_at=_iso(datetime.now(UTC) + timedelta(hours=23))),
        started(api, created_at="2020-01-01T00:00:00+00:00"),
    ]
    answer = api.post_events(events)
    assert answer.status_code == 200, answer.text
    assert answer.json()["accepted"] == [e["event_id"] for e in events]
    assert api.count("SELECT max(seq) FROM events WHERE station_id = :s", s=api.station_id) == (
        2**63 - 1
    )


def test_an_event_that_fails_while_stored_is_refused_and_the_rest_of_the_batch_kept(
    api: Api,
) -> None:
    """A decision dated past the year 9999 in UTC passes the envelope's checks: it is refused
    alone, naming its field, and the rest of the batch is stored."""
    inspection, rma = new_id(), new_rma()
    assert api.publish("/v1/returns", [manifest_row(rma)]).status_code == 201
    batch = [
        api.event("inspection.started", started_payload(inspection, rma, api.station_id)),
        api.event("inspection.completed", completed_payload(inspection, rma, api.station_id)),
    ]
    for _ in range(4):
        batch.append(
            api.event("inspection.started", started_payload(new_id(), new_rma(), api.station_id))
        )
    late = {"decided_at": "9999-12-31T23:59:59-05:00"}  # past the year 9999 in UTC
    poison = api.event("decision.made", api.signed(decision_body(inspection)) | late)
    batch.insert(3, poison)
    answer = api.post_events(batch)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    good = [e["event_id"] for e in batch if e is not poison]
    assert sorted(result["accepted"]) == sorted(good)
    [refusal] = result["rejected"]
    assert refusal["event_id"] == poison["event_id"]
    assert refusal["error"] == "payload decided_at is out of range"
    assert api.events_stored(good) == len(good)
    assert api.events_stored([poison["event_id"]]) == 0
    again = api.post_events(batch).json()  # sent again: the same answers, nothing twice
    assert sorted(again["duplicates"]) == sorted(good)
    assert [r["event_id"] for r in again["rejected"]] == [poison["event_id"]]
    assert "Traceback" not in api.server.log_path.read_text(errors="replace")


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("inspection.started", "started_at", "0001-01-01T00:00:00+14:00"),
        ("inspection.started", "started_at", "9999-12-31T23:59:59-14:00"),
        ("inspection.completed", "completed_at", "9999-12-31T23:59:59-14:00"),
    ],
)
def test_a_payload_time_outside_the_years_of_utc_is_refused_naming_its_field(
    api: Api, kind: str, field: str, value: str
) -> None:
    inspection, rma = new_id(), new_rma()
    started_event = api.event(
        "inspection.started", started_payload(inspection, rma, api.station_id)
    )
    if kind == "inspection.started":
        bad = api.event(kind, started_payload(new_id(), rma, api.station_id) | {field: value})
    else:
        bad = api.event(kind, completed_payload(inspection, rma, api.station_id) | {field: value})
    answer = api.post_events([started_event, bad])
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["accepted"] == [started_event["event_id"]]
    assert result["rejected"] == [
        {"event_id": bad["event_id"], "error": f"payload {field} is out of range"}
    ]
    assert api.events_stored([bad["event_id"]]) == 0
    assert "Traceback" not in api.server.log_path.read_text(errors="replace")


@pytest.mark.parametrize(
    ("kind", "field", "value", "why"),
    [
        ("inspection.started", "started_at", "9999-12-31T23:59:59+00:00", "a day ahead"),
        ("inspection.completed", "completed_at", "2031-01-01T00:00:00+08:00", "a day ahead"),
        ("inspection.completed", "completed_at", "1999-12-31T23:00:00+00:00", "before 2020"),
    ],
)
def test_a_payload_time_no_bench_could_have_meant_is_refused_naming_its_field(
    api: Api, kind: str, field: str, value: str, why: str
) -> None:
    """A time near year 9999 broke every desk page that shows it in the desk's time zone."""
    inspection, rma = new_id(), new_rma()
    started = api.event("inspection.started", started_payload(inspection, rma, api.station_id))
    if kind == "inspection.started":
        bad = api.event(kind, started_payload(new_id(), rma, api.station_id) | {field: value})
    else:
        bad = api.event(kind, completed_payload(inspection, rma, api.station_id) | {field: value})
    result = api.post_events([started, bad]).json()
    assert result["accepted"] == [started["event_id"]]
    [refused] = result["rejected"]
    assert refused["event_id"] == bad["event_id"]
    assert refused["error"].startswith(f"payload {field} ") and why in refused["error"]
    late = _iso(datetime.now(UTC) + timedelta(hours=20))  # a bench's clock a little fast
    fine = api.event(kind, completed_payload(inspection, rma, api.station_id) | {field: late})
    if kind == "inspection.started":
        fine = api.event(kind, started_payload(new_id(), rma, api.station_id) | {field: late})
    assert api.post_events([fine]).json()["accepted"] == [fine["event_id"]]


@pytest.mark.parametrize(
    ("decided_at", "said"),
    [
        ("0001-01-01T00:00:00+14:00", "out of range"),
        ("9999-12-31T23:59:59-14:00", "out of range"),
        ("2099-01-01T00:00:00+00:00", "a day ahead"),  # it would stay the newest for ever
    ],
)
def test_a_decision_at_central_dated_outside_the_years_of_utc_or_ahead_is_422(
    api: Api, decided_at: str, said: str
) -> None:
    inspection, rma = new_id(), new_rma()
    assert api.publish("/v1/returns", [manifest_row(rma)]).status_code == 201
    batch = [
        api.event("inspection.started", started_payload(inspection, rma, api.station_id)),
        api.event("inspection.completed", completed_payload(inspection, rma, api.station_id)),
    ]
    assert len(api.post_events(batch).json()["accepted"]) == 2
    answer = api.decide(decision_body(inspection) | {"decided_at": decided_at})
    assert answer.status_code == 422, answer.text
    assert "decided_at" in answer.text and said in answer.text
    assert api.count("SELECT count(*) FROM decisions WHERE inspection_id = :i", i=inspection) == 0
    assert "Traceback" not in api.server.log_path.read_text(errors="replace")


def test_whatever_makes_one_event_fail_while_stored_it_alone_is_refused(
    api: Api, central: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last line of defence, for a failure no check foresaw (here a read model that
    raises for one event): the batch is taken in halves, each in its own transaction, down to
    that event, which alone is refused; the rest is stored, and nothing twice when it comes
    again."""
    batch = [Event.model_validate(started(api)) for _ in range(7)]
    poison = batch[4].event_id
    projected = events_service.project_all

    def project_all(session: Session, part: Any, station_id: str, now: datetime) -> int:
        if any(event.event_id == poison for event in part):
            raise RuntimeError("a read model's own fault")
        return projected(session, part, station_id, now)

    monkeypatch.setattr(events_service, "project_all", project_all)
    caller = AuthenticatedStation(
        id=api.station_id, name=api.station_id, warehouse=api.warehouse, last_seen_at=None
    )
    engine = make_engine(central.database_url)
    try:
        with session_factory(engine)() as session:
            result = ingest_batch(session, caller, batch, datetime.now(UTC))
            again = ingest_batch(session, caller, batch, datetime.now(UTC))
    finally:
        engine.dispose()
    good = [event.event_id for event in batch if event.event_id != poison]
    assert sorted(result.accepted) == sorted(good)
    [refusal] = result.rejected
    assert refusal.event_id == poison
    assert refusal.error == "central could not store this event (RuntimeError)"
    assert api.events_stored(good) == len(good) and api.events_stored([poison]) == 0
    assert sorted(again.duplicates) == sorted(good) and again.accepted == []

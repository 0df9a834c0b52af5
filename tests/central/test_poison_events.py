"""Events no database column can hold: each is refused alone, the rest of its batch stored.

A sequence number past a SQL BIGINT, a time far ahead or long before any station existed, or a
payload that fails while it is projected used to answer 500 for the whole batch, and the
station sent that batch again forever.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.central.client import (
    Api,
    completed_payload,
    decision_body,
    manifest_row,
    new_id,
    new_rma,
    started_payload,
)


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
    """A decision dated past the year 9999 in UTC passes the envelope's checks and fails while
    it is stored: the batch is taken apart down to that event, which alone is refused."""
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
    poison = api.event("decision.made", api.signed(decision_body(inspection) | late))
    batch.insert(3, poison)
    answer = api.post_events(batch)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    good = [e["event_id"] for e in batch if e is not poison]
    assert sorted(result["accepted"]) == sorted(good)
    [refusal] = result["rejected"]
    assert refusal["event_id"] == poison["event_id"]
    assert "central could not store this event" in refusal["error"]
    assert api.events_stored(good) == len(good)
    assert api.events_stored([poison["event_id"]]) == 0
    again = api.post_events(batch).json()  # sent again: the same answers, nothing twice
    assert sorted(again["duplicates"]) == sorted(good)
    assert [r["event_id"] for r in again["rejected"]] == [poison["event_id"]]
    assert "Traceback" not in api.server.log_path.read_text(errors="replace")

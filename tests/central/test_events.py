from __future__ import annotations

import copy
from typing import Any

from tests.central.client import (
    Api,
    completed_payload,
    new_id,
    new_rma,
    photo_payload,
    sha,
    started_payload,
)


def inspection_events(api: Api, count: int = 3) -> list[dict[str, Any]]:
    events = []
    for _ in range(count):
        inspection, rma = new_id(), new_rma()
        events.append(
            api.event("inspection.started", started_payload(inspection, rma, api.station_id))
        )
        events.append(
            api.event("inspection.completed", completed_payload(inspection, rma, api.station_id))
        )
    return events


def ids(events: list[dict[str, Any]]) -> list[str]:
    return [e["event_id"] for e in events]


def test_a_batch_is_accepted_and_each_event_stored_once(api: Api) -> None:
    events = inspection_events(api)
    answer = api.post_events(events)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"accepted": ids(events), "duplicates": [], "rejected": []}
    assert api.events_stored(ids(events)) == len(events)
    stored = api.count("SELECT count(*) FROM events WHERE station_id = :s", s=api.station_id)
    assert stored == len(events)


def test_the_same_batch_again_is_answered_as_duplicates_and_changes_nothing(api: Api) -> None:
    events = inspection_events(api)
    assert api.post_events(events).json()["accepted"] == ids(events)
    before = api.count("SELECT count(*) FROM inspections WHERE station_id = :s", s=api.station_id)
    again = api.post_events(events).json()
    assert again == {"accepted": [], "duplicates": ids(events), "rejected": []}
    assert api.events_stored(ids(events)) == len(events)
    after = api.count("SELECT count(*) FROM inspections WHERE station_id = :s", s=api.station_id)
    assert before == after == 3


def test_a_batch_overlapping_an_earlier_one_takes_only_the_new_events(api: Api) -> None:
    first = inspection_events(api, 2)
    second = inspection_events(api, 2)
    api.post_events(first)
    answer = api.post_events(first[2:] + second).json()
    assert answer["duplicates"] == ids(first[2:])
    assert answer["accepted"] == ids(second)


def test_an_event_id_reused_for_other_content_is_rejected(api: Api) -> None:
    [started, completed] = inspection_events(api, 1)
    api.post_events([started, completed])
    changed = copy.deepcopy(completed)
    changed["payload"]["verdict"]["grade"] = "A"
    answer = api.post_events([changed]).json()
    assert answer["accepted"] == [] and answer["duplicates"] == []
    [refusal] = answer["rejected"]
    assert refusal["event_id"] == completed["event_id"]
    assert "already used for other content" in refusal["error"]
    grade = api.count(
        "SELECT count(*) FROM inspections WHERE id = :i AND grade = 'B'",
        i=completed["payload"]["inspection_id"],
    )
    assert grade == 1


def test_the_same_id_twice_in_one_batch_is_stored_once(api: Api) -> None:
    [started, _] = inspection_events(api, 1)
    answer = api.post_events([started, started]).json()
    assert answer["accepted"] == [started["event_id"]]
    assert answer["duplicates"] == [started["event_id"]]
    assert api.events_stored([started["event_id"]]) == 1


def test_an_event_of_another_station_is_rejected_and_the_rest_accepted(
    api: Api, other: Api
) -> None:
    mine = inspection_events(api, 1)
    foreign = other.event("inspection.started", started_payload(new_id(), new_rma(), "X"))
    answer = api.post_events([*mine, foreign]).json()
    assert answer["accepted"] == ids(mine)
    [refusal] = answer["rejected"]
    assert refusal["event_id"] == foreign["event_id"]
    assert other.station_id in refusal["error"] and "not this station" in refusal["error"]
    assert api.events_stored([foreign["event_id"]]) == 0


def test_an_event_naming_a_blob_not_uploaded_is_rejected(api: Api) -> None:
    inspection = new_id()
    data = b"jpeg bytes of a photo"
    photo = api.event(
        "photo.added",
        photo_payload(sha(data), inspection, api.station_id),
        blobs=[sha(data)],
    )
    [refusal] = api.post_events([photo]).json()["rejected"]
    assert refusal["error"].startswith(f"missing blob {sha(data)}")
    assert api.events_stored([photo["event_id"]]) == 0
    assert api.count("SELECT count(*) FROM evidence WHERE sha256 = :s", s=sha(data)) == 0
    assert api.put_blob(data).status_code == 201
    assert api.post_events([photo]).json()["accepted"] == [photo["event_id"]]


def test_a_photo_needs_its_blob_even_when_the_event_does_not_list_it(api: Api) -> None:
    digest = sha(b"never uploaded")
    photo = api.event("photo.added", photo_payload(digest, new_id(), api.station_id))
    [refusal] = api.post_events([photo]).json()["rejected"]
    assert "missing blob" in refusal["error"]


def test_a_malformed_envelope_refuses_the_whole_batch_and_stores_nothing(api: Api) -> None:
    good = inspection_events(api, 1)
    broken: list[dict[str, Any]] = []
    for change in [
        {"kind": "inspection.exploded"},
        {"seq": 0},
        {"seq": "one"},
        {"event_id": "not-a-uuid"},
        {"created_at": "2026-11-20T09:30:00"},  # no time zone
        {"payload": ["not", "an", "object"]},
        {"blobs": ["not-a-sha"]},
        {"extra": "field"},
    ]:
        bad = copy.deepcopy(good[0]) | {"event_id": new_id()} | change
        broken.append(bad)
        answer = api.post_events([*good, bad])
        assert answer.status_code == 422, (change, answer.text)
        # the refusal says where and why, without echoing what was sent
        assert all(set(err) == {"loc", "msg", "type"} for err in answer.json()["detail"])
    assert api.events_stored(ids(good) + ids(broken)) == 0


def test_an_empty_or_oversized_batch_is_refused(api: Api) -> None:
    assert api.post_events([]).status_code == 422
    events = [api.event("inspection.cancelled", {"inspection_id": new_id()}) for _ in range(501)]
    assert api.post_events(events).status_code == 422
    assert api.events_stored(ids(events)) == 0


def test_a_payload_the_read_model_cannot_use_is_stored_without_breaking_the_batch(
    api: Api,
) -> None:
    inspection, rma = new_id(), new_rma()
    odd = completed_payload(inspection, rma, api.station_id)
    odd["verdict"]["grade"] = "Z"  # not a grade
    events = [
        api.event("inspection.completed", odd),
        api.event("label.printed", {"label_id": None}),
        *inspection_events(api, 1),
    ]
    answer = api.post_events(events).json()
    assert answer["accepted"] == ids(events)
    assert api.count("SELECT count(*) FROM inspections WHERE id = :i", i=inspection) == 0
    good_inspection = events[-1]["payload"]["inspection_id"]
    assert api.count("SELECT count(*) FROM inspections WHERE id = :i", i=good_inspection) == 1


def test_an_inspection_of_another_station_is_not_taken_over(api: Api, other: Api) -> None:
    [started, completed] = inspection_events(api, 1)
    api.post_events([started, completed])
    payload = copy.deepcopy(completed["payload"])
    payload["verdict"]["grade"] = "D"
    answer = other.post_events([other.event("inspection.completed", payload)]).json()
    [refused] = answer["rejected"]
    assert "station" in refused["error"] and answer["accepted"] == []
    grade = api.count(
        "SELECT count(*) FROM inspections WHERE id = :i AND station_id = :s AND grade = 'B'",
        i=payload["inspection_id"],
        s=api.station_id,
    )
    assert grade == 1


def test_one_event_the_read_model_cannot_take_leaves_the_rest_of_its_run_projected(
    api: Api,
) -> None:
    """A batch's events are projected together; when one of them cannot be (a completed
    inspection cancelled), the others still reach the read models, each once."""
    first, second = inspection_events(api, 1), inspection_events(api, 1)
    inspection = first[0]["payload"]["inspection_id"]
    data = b"\xff\xd8a photo of the run\xff\xd9"
    assert api.put_blob(data).status_code in (200, 201)
    events = [
        *first,
        api.event("inspection.cancelled", {"inspection_id": inspection, "rma_no": "R1"}),
        api.event("evidence.added", photo_payload(sha(data), inspection, api.station_id)),
        api.event(
            "label.printed", {"label_id": new_id(), "kind": "grade", "inspection_id": inspection}
        ),
        *second,
    ]
    answer = api.post_events(events).json()
    assert answer["accepted"] == ids(events) and answer["rejected"] == []
    for done in (inspection, second[0]["payload"]["inspection_id"]):
        state = "SELECT count(*) FROM inspections WHERE id = :i AND state = 'completed'"
        assert api.count(state, i=done) == 1
    assert api.count("SELECT count(*) FROM evidence WHERE inspection_id = :i", i=inspection) == 1
    assert api.count("SELECT count(*) FROM labels WHERE inspection_id = :i", i=inspection) == 1

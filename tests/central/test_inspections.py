from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from station import app
from station.domain.records import UserView
from station.protocol.enums import OrderState
from station.protocol.events import EventKind
from station.protocol.wire import Event, InspectionDetail, InspectionPage
from station.store.models import Inspection, OutboxEvent, ReturnOrder
from tests.central.client import (
    Api,
    complete_inspection,
    completed_payload,
    decision_body,
    manifest_row,
    new_id,
    new_rma,
    photo_payload,
    sha,
    started_payload,
)
from tests.central.servers import CentralServer
from tests.helpers import clean_verdict


def listing(api: Api, **params: Any) -> InspectionPage:
    if not api.supervisor_token:
        api.sign_in()
    answer = api.http.get("/v1/inspections", params=params, headers=api.supervisor)
    assert answer.status_code == 200, answer.text
    return InspectionPage.model_validate(answer.json())


def detail(api: Api, inspection_id: str) -> InspectionDetail:
    if not api.supervisor_token:
        api.sign_in()
    answer = api.http.get(f"/v1/inspections/{inspection_id}", headers=api.supervisor)
    assert answer.status_code == 200, answer.text
    return InspectionDetail.model_validate(answer.json())


def test_a_completed_inspection_with_photos_is_in_the_read_model(api: Api) -> None:
    inspection, rma = complete_inspection(api, photos=2)
    page = listing(api, station=api.station_id)
    assert page.total == 1
    [summary] = page.items
    assert summary.inspection_id == inspection and summary.rma_no == rma
    assert (summary.grade, summary.disposition, summary.refund_kind) == (
        "B",
        "restock_open_box",
        "full",
    )
    assert summary.refund_fen == 19900 and summary.sku == "SKU-1" and summary.inspector == "I1001"
    assert summary.completed_at is not None and summary.completed_at.tzinfo is not None
    assert not summary.needs_review and not summary.overturned
    full = detail(api, inspection)
    assert full.answers == {"item_matches": "6901234567892", "stains": False}
    assert full.rules_fired[0]["zh_CN"] == "已拆封"
    assert [p["kind"] for p in full.photos] == ["overview", "overview"]
    for photo in full.photos:
        blob = api.http.get(photo["url"], headers=api.supervisor)
        assert blob.status_code == 200 and sha(blob.content) == photo["sha256"]
    assert full.decisions == []


def test_the_list_filters_by_station_review_overturned_and_rma(api: Api, other: Api) -> None:
    flagged, _ = complete_inspection(api, needs_review=True)
    plain, plain_rma = complete_inspection(api)
    elsewhere, _ = complete_inspection(other, needs_review=True)
    mine = listing(api, station=api.station_id)
    assert {i.inspection_id for i in mine.items} == {flagged, plain}
    review = listing(api, station=api.station_id, needs_review=True)
    assert [i.inspection_id for i in review.items] == [flagged]
    assert listing(api, rma=plain_rma.lower()).items[0].inspection_id == plain
    everyone = {i.inspection_id for i in listing(api, needs_review=True, limit=500).items}
    assert {flagged, elsewhere} <= everyone and plain not in everyone
    assert listing(api, station=api.station_id, overturned=True).total == 0


def test_paging_the_list_with_limit_and_offset(api: Api) -> None:
    made = {complete_inspection(api)[0] for _ in range(5)}
    first = listing(api, station=api.station_id, limit=2)
    second = listing(api, station=api.station_id, limit=2, offset=2)
    third = listing(api, station=api.station_id, limit=2, offset=4)
    seen = [i.inspection_id for page in (first, second, third) for i in page.items]
    assert first.total == 5 and len(seen) == 5 and set(seen) == made


def test_bad_list_parameters_are_422(api: Api) -> None:
    api.sign_in()
    for params in [{"limit": 0}, {"limit": 501}, {"offset": -1}, {"station": "bad id"}]:
        answer = api.http.get("/v1/inspections", params=params, headers=api.supervisor)
        assert answer.status_code == 422, params
    assert api.http.get("/v1/inspections/not-an-id", headers=api.supervisor).status_code == 422
    missing = api.http.get(f"/v1/inspections/{new_id()}", headers=api.supervisor)
    assert missing.status_code == 404


def test_a_decision_from_a_station_overturns_and_is_published(api: Api, other: Api) -> None:
    inspection, _ = complete_inspection(api, needs_review=True)
    cursor = other.cursor_now()
    decision = api.signed(decision_body(inspection, grade="C"))
    answer = api.post_events([api.event("decision.made", decision)]).json()
    assert len(answer["accepted"]) == 1
    summary = detail(api, inspection)
    assert summary.overturned and not summary.needs_review
    assert [d.decision_id for d in summary.decisions] == [decision["decision_id"]]
    assert listing(api, station=api.station_id, overturned=True).total == 1
    [change] = [c for c in other.all_changes(cursor) if c["kind"] == "decision"]
    assert change["body"]["decision_id"] == decision["decision_id"]
    assert change["body"]["grade"] == "C"


def test_an_approving_decision_closes_the_review_without_overturning(api: Api) -> None:
    inspection, _ = complete_inspection(api, needs_review=True)
    decision = decision_body(inspection, approve=True)
    assert api.decide(decision).status_code == 201
    summary = detail(api, inspection)
    assert not summary.overturned and not summary.needs_review


def test_a_decision_sent_with_its_inspection_in_one_batch_counts(api: Api) -> None:
    """Offline for days: the completion and the supervisor's decision go in one batch."""
    inspection, rma = new_id(), new_rma()
    assert api.publish("/v1/returns", [manifest_row(rma)]).status_code == 201
    completed = completed_payload(inspection, rma, api.station_id, needs_review=True)
    decision = api.signed(decision_body(inspection))
    events = [
        api.event("inspection.completed", completed),
        api.event("decision.made", decision),
    ]
    answer = api.post_events(events).json()
    assert len(answer["accepted"]) == 2, answer
    summary = detail(api, inspection)
    assert summary.overturned and not summary.needs_review


def test_a_decision_before_its_inspection_is_refused_not_lost(api: Api) -> None:
    inspection = new_id()
    decision = api.signed(decision_body(inspection))
    answer = api.post_events([api.event("decision.made", decision)]).json()
    [refused] = answer["rejected"]
    assert "no inspection" in refused["error"]


def test_cancelled_unmatched_and_labels_are_recorded(api: Api) -> None:
    inspection, rma = new_id(), new_rma()
    unmatched, label = new_id(), new_id()
    events = [
        api.event("inspection.started", started_payload(inspection, rma, api.station_id)),
        api.event(
            "inspection.cancelled",
            {"inspection_id": inspection, "rma_no": rma, "state": "received"},
        ),
        api.event(
            "parcel.unmatched",
            {
                "unmatched_id": unmatched,
                "code": "SF1234567890123",
                "station_id": api.station_id,
                "inspector": "I1001",
                "received_at": "2026-11-20T09:31:00+00:00",
            },
        ),
        api.event(
            "label.printed",
            {
                "label_id": label,
                "kind": "unmatched",
                "inspection_id": None,
                "unmatched_id": unmatched,
                "printer": "Zebra ZD421 (203 dpi)",
                "copies": 1,
                "job_ref": "job-7",
                "reprint": False,
                "station_id": api.station_id,
                "printed_at": "2026-11-20T09:32:00+00:00",
            },
        ),
    ]
    assert len(api.post_events(events).json()["accepted"]) == 4
    state = api.count(
        "SELECT count(*) FROM inspections WHERE id = :i AND state = 'cancelled'", i=inspection
    )
    assert state == 1
    parcel = api.count(
        "SELECT count(*) FROM unmatched_parcels WHERE id = :i AND code = 'SF1234567890123'",
        i=unmatched,
    )
    assert parcel == 1
    assert api.count("SELECT count(*) FROM labels WHERE label_id = :l", l=label) == 1


def open_inspection_with_photo(api: Api, evidence_id: int, data: bytes) -> tuple[str, str]:
    """An inspection started, with one photo; (its id, the photo's SHA-256)."""
    inspection, rma = new_id(), new_rma()
    assert api.publish("/v1/returns", [manifest_row(rma)]).status_code == 201
    assert api.put_blob(data).status_code in (200, 201)
    photo = photo_payload(sha(data), inspection, api.station_id, photo_id=evidence_id)
    events = [
        api.event("inspection.started", started_payload(inspection, rma, api.station_id)),
        api.event("evidence.added", photo, blobs=[sha(data)]),
    ]
    assert len(api.post_events(events).json()["accepted"]) == 2
    return inspection, rma


def deleted(inspection: str, evidence_id: int, digest: str | None = None) -> dict[str, object]:
    return {
        "inspection_id": inspection,
        "unmatched_id": None,
        "sha256": digest,
        "reason": "模糊 blurred",
        "evidence_id": evidence_id,
        "deleted_at": "2026-11-20T09:40:00+00:00",
    }


def test_a_deleted_photo_is_marked_not_forgotten(api: Api) -> None:
    inspection, rma = open_inspection_with_photo(api, 1, b"a blurred photo")
    [photo] = detail(api, inspection).photos
    events = [
        api.event("photo.deleted", deleted(inspection, 1, photo["sha256"])),
        api.event("inspection.completed", completed_payload(inspection, rma, api.station_id)),
    ]
    assert len(api.post_events(events).json()["accepted"]) == 2
    [after] = detail(api, inspection).photos
    assert after["deleted_at"] is not None and after["deleted_reason"] == "模糊 blurred"


def test_a_reinstalled_bench_deletes_its_own_photo_not_an_earlier_inspections(api: Api) -> None:
    """A reinstalled bench numbers its evidence from 1 again: the number alone named photo 1
    of every inspection the station ever sent."""
    earlier, rma = open_inspection_with_photo(api, 1, b"old install, photo 1")
    done = api.event("inspection.completed", completed_payload(earlier, rma, api.station_id))
    assert api.post_events([done]).json()["accepted"]
    api.register(api.station_id, replace=True)
    current, _ = open_inspection_with_photo(api, 1, b"new install, photo 1")
    answer = api.post_events([api.event("evidence.deleted", deleted(current, 1))]).json()
    assert answer["accepted"]
    assert detail(api, current).photos[0]["deleted_at"] is not None
    assert detail(api, earlier).photos[0]["deleted_at"] is None


def test_the_evidence_of_a_completed_inspection_cannot_be_deleted(api: Api) -> None:
    inspection, rma = open_inspection_with_photo(api, 1, b"the evidence of a refund")
    done = api.event("inspection.completed", completed_payload(inspection, rma, api.station_id))
    assert api.post_events([done]).json()["accepted"]
    api.post_events([api.event("evidence.deleted", deleted(inspection, 1))])
    assert detail(api, inspection).photos[0]["deleted_at"] is None


def test_a_real_station_inspection_lands_in_the_read_model(
    central: CentralServer, demo_station: app.Station, inspector: UserView
) -> None:
    """The payloads the station's workflow writes today, sent as they are."""

    def received(s: Any) -> str:
        return str(
            s.scalars(
                select(ReturnOrder.rma_no).where(ReturnOrder.state == OrderState.RECEIVED.value)
            ).first()
        )

    rma = demo_station.db.run(received)
    started = demo_station.workflow.scan(rma, inspector)
    verdict = clean_verdict(demo_station, started)
    done = demo_station.workflow.complete(started.inspection.id, verdict, inspector)
    demo_station.workflow.scan("SF9999999999999", inspector)  # an unmatched parcel

    def outbox(s: Any) -> list[dict[str, Any]]:
        rows = s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq))
        return [
            Event(
                event_id=r.event_id,
                seq=r.seq,
                kind=EventKind(r.kind),
                station_id="ST-TEST",
                created_at=r.created_at,
                payload=r.payload,
            ).model_dump(mode="json")
            for r in rows
        ]

    mine = (started.inspection.id, "SF9999999999999")
    events = [
        e
        for e in demo_station.db.run(outbox)
        if e["payload"].get("inspection_id") in mine or e["payload"].get("code") in mine
    ]
    kinds = [e["kind"] for e in events]
    assert kinds[0] == "inspection.started" and kinds[-2:] == [
        "inspection.completed",
        "parcel.unmatched",
    ]
    with Api(central) as api:
        api.register("ST-TEST")
        files = {sha(f.read_bytes()): f for f in demo_station.settings.data_dir.rglob("*.jpg")}
        photos = [e for e in events if e["kind"] == "evidence.added"]
        for event in photos:  # the bytes the station's evidence store kept
            assert api.put_blob(files[event["payload"]["sha256"]].read_bytes()).status_code == 201
        answer = api.post_events(events).json()
        assert answer["rejected"] == [] and len(answer["accepted"]) == len(events)
        summary = detail(api, done.inspection.id)
        assert summary.rma_no == rma and summary.station_id == "ST-TEST"
        assert summary.grade == verdict.grade and summary.refund_fen == verdict.refund_fen
        assert summary.inspector == inspector.badge_id and summary.sku == started.line.sku
        local = demo_station.db.run(lambda s: s.get_one(Inspection, done.inspection.id))
        assert summary.answers == local.answers and summary.rules_fired == local.rules_fired
        assert sorted(p["sha256"] for p in summary.photos) == sorted(
            e["payload"]["sha256"] for e in photos
        )
        parcels = api.count("SELECT count(*) FROM unmatched_parcels WHERE code = 'SF9999999999999'")
        assert parcels == 1


def test_a_batch_with_decisions_between_other_events_is_taken_whole_and_in_order(
    api: Api, other: Api
) -> None:
    """Each decision ends a transaction of its own (the feed's lock is held for it alone);
    the station sees one answer for the batch, and sending it again changes nothing."""
    cursor = other.cursor_now()
    events, decisions, inspections = [], [], []
    for n in range(3):
        inspection, rma = new_id(), new_rma()
        assert api.publish("/v1/returns", [manifest_row(rma)]).status_code == 201
        completed = completed_payload(inspection, rma, api.station_id, needs_review=True)
        events.append(api.event("inspection.completed", completed))
        inspections.append(inspection)
        if n < 2:  # the first two decided on in the same batch, the third left for review
            decision = api.signed(decision_body(inspection, grade="C"))
            decisions.append(decision["decision_id"])
            events.append(api.event("decision.made", decision))
    answer = api.post_events(events).json()
    assert answer["accepted"] == [e["event_id"] for e in events] and answer["rejected"] == []
    assert [detail(api, i).overturned for i in inspections] == [True, True, False]
    assert detail(api, inspections[2]).needs_review
    published = [
        c["body"]["decision_id"] for c in other.all_changes(cursor) if c["kind"] == "decision"
    ]
    assert published == decisions
    again = api.post_events(events).json()
    assert again["duplicates"] == answer["accepted"] and again["accepted"] == []


@pytest.mark.parametrize("value", ["A\x00B", "A\x1fB", "\x7f", "RMA\n1"])
@pytest.mark.parametrize("name", ["rma", "station"])
def test_a_query_parameter_with_a_control_character_is_422(api: Api, name: str, value: str) -> None:
    api.sign_in()
    answer = api.http.get("/v1/inspections", params={name: value}, headers=api.supervisor)
    assert answer.status_code == 422, answer.text
    [error] = answer.json()["detail"]
    assert error["loc"] == ["query", name]
    assert error["msg"] == "holds a control character"
    assert "Traceback" not in api.server.log_path.read_text(errors="replace")


def test_the_change_feed_refuses_a_cursor_with_a_nul(api: Api) -> None:
    answer = api.http.get("/v1/changes", params={"since": "1\x00"}, headers=api.auth)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["msg"] == "holds a control character"

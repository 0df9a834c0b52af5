"""The station against the real central service on loopback, through a proxy that misbehaves.

Every test ends by comparing the station's and central's records one by one.
"""

from __future__ import annotations

import json
import random
import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, select
from uuid6 import uuid7

from station import app
from station.protocol.enums import OrderState
from station.security.users import BadCredentials
from station.store.models import (
    AuditEntry,
    EvidenceItem,
    Inspection,
    OutboxEvent,
    ReturnOrder,
    SyncCursor,
)
from station.sync import push
from station.sync.client import SyncError, Unauthorized, Unavailable
from station.sync.pull import BadPage
from station.sync.push import POISON_AFTER
from station.workflow import InspectionStarted
from tests.central.servers import CentralServer, central_server
from tests.helpers import clean_verdict
from tests.sync.conftest import assert_converged, enrolled, new_station_id, open_synced
from tests.sync.fault_proxy import Fault, FaultProxy, Request, respond
from tests.test_workflow import order_in


def inspect(station: app.Station, count: int = 1) -> list[str]:
    """Complete ``count`` inspections with their photos; their ids."""
    inspector = station.auth.login("I1001", "1234")
    done = []
    for _ in range(count):
        order = order_in(station, OrderState.RECEIVED)
        started = station.workflow.scan(order.rma_no, inspector)
        assert isinstance(started, InspectionStarted)
        verdict = clean_verdict(station, started)
        done.append(station.workflow.complete(started.inspection.id, verdict, inspector))
    return [d.inspection.id for d in done]


def counts(station: app.Station) -> tuple[int, int]:
    def work(s):  # type: ignore[no-untyped-def]
        total = s.scalar(select(func.count()).select_from(OutboxEvent))
        sent = s.scalar(
            select(func.count()).select_from(OutboxEvent).where(OutboxEvent.sent_at.isnot(None))
        )
        return total, sent

    return station.db.run(work)


def manifest_row(rma: str, state: str = "in_transit") -> dict[str, object]:
    return {
        "rma_no": rma,
        "order_no": f"{random.randint(10**17, 10**18 - 1)}",
        "reason": "no_reason_7d",
        "customer_received_on": "2026-11-10",
        "requested_on": "2026-11-12",
        "state": state,
        "tracking": [{"carrier": "SF", "tracking_no": f"SF{random.randint(10**12, 10**13 - 1)}"}],
        "lines": [
            {
                "sku": "AP-TS-01-M",
                "title": "纯棉T恤",
                "category": "apparel",
                "unit_price": "79.00",
                "ean": "6901234567892",
            }
        ],
    }


def publish(central, path: str, body: object) -> httpx.Response:  # type: ignore[no-untyped-def]
    """What an administrator publishes; a decision, as a supervisor signed in at central."""
    if path == "/v1/decisions":
        answer = central.as_supervisor(path, body)
    else:
        answer = central.as_admin(path, body)
    assert answer.status_code in (200, 201), answer.text
    return answer


def test_verdicts_photos_and_labels_reach_central_once(synced, central, central_db) -> None:
    inspect(synced, 3)
    synced.workflow.scan("UNKNOWN-PARCEL-1", synced.auth.login("I1002", "1234"))
    report = synced.sync.sync_once()
    assert report.push.sent >= 3 * 3 and report.push.blobs >= 6
    assert synced.sync.status.online and synced.sync.status.last_success is not None
    assert_converged(synced, central_db, central)
    again = synced.sync.sync_once()
    assert (again.push.sent, again.push.blobs) == (0, 0)
    assert_converged(synced, central_db, central)


def test_the_pull_brings_returns_users_templates_and_decisions(synced, central, central_db):
    [inspection_id] = inspect(synced, 1)
    synced.sync.sync_once()
    rma = f"RMA{datetime.now(UTC):%Y%m%d}{random.randint(0, 999999):06d}"
    publish(central, "/v1/returns", [manifest_row(rma)])
    badge = f"I{random.randint(10000, 99999)}"
    issued = publish(
        central,
        "/v1/users",
        {"badge_id": badge, "display_name": "赵新", "role": "inspector", "pin": "5678"},
    )
    badge_code = issued.json()["badge_code"]
    body = (app.resources_dir() / "checklists" / "food.toml").read_text()
    version = 1000 + random.randint(0, 10**6)
    publish(
        central,
        "/v1/templates",
        {
            "template_id": "food",
            "version": version,
            "body": body.replace("version = 1", f"version = {version}"),
        },
    )
    decision_id = str(uuid.uuid4())
    publish(
        central,
        "/v1/decisions",
        {
            "decision_id": decision_id,
            "inspection_id": inspection_id,
            "decided_by": "S9001",
            "decided_at": datetime.now(UTC).isoformat(),
            "reason": "包装有破损未记录",
            "grade": "B",
            "disposition": "restock_open_box",
        },
    )
    report = synced.sync.sync_once()
    assert report.pull.applied >= 4
    assert synced.workflow.lookup(rma) is not None
    assert synced.auth.login(badge_code, "5678").display_name == "赵新"
    with pytest.raises(BadCredentials):  # the badge itself is needed, not only its number
        synced.auth.login(badge, "5678")
    assert synced.workflow.rulebook.templates["food"].version == version
    row = synced.db.run(lambda s: s.get_one(Inspection, inspection_id))
    assert (row.grade, row.disposition, row.overturned) == ("B", "restock_open_box", True)
    assert row.station_verdict["grade"] == "A"  # the station's own verdict is kept
    actions = synced.db.run(
        lambda s: list(
            s.scalars(
                select(AuditEntry.action).where(AuditEntry.entity == f"inspection:{inspection_id}")
            )
        )
    )
    assert "inspection_completed" in actions and "verdict_overturned" in actions
    cursor = synced.db.run(lambda s: s.get_one(SyncCursor, "changes").cursor)
    assert int(cursor) > 0
    synced.sync.sync_once()  # the same decision again changes nothing
    assert synced.db.run(lambda s: s.get_one(Inspection, inspection_id).grade) == "B"
    assert_converged(synced, central_db, central)


def station_at(tmp_path: Path, demo_template: Path, url: str, server: CentralServer) -> app.Station:
    """A station made from the demo template in ``tmp_path``, enrolled at ``server`` and
    talking to it through ``url``."""
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    return open_synced(data, url, *enrolled(server))


@pytest.fixture
def proxied(tmp_path, demo_template, central):  # type: ignore[no-untyped-def]
    proxy = FaultProxy(("127.0.0.1", central.port))
    station = station_at(tmp_path, demo_template, proxy.url, central)
    yield station, proxy
    station.close()
    proxy.close()


def is_events(request) -> bool:  # type: ignore[no-untyped-def]
    return request.path.startswith("/v1/events")


def is_blob_put(request) -> bool:  # type: ignore[no-untyped-def]
    """An upload of photos: one (PUT) or a group (POST)."""
    return (request.method == "PUT" and request.path.startswith("/v1/blobs/")) or (
        request.method == "POST" and request.path == "/v1/blobs"
    )


def blobs_sent(request) -> list[str]:  # type: ignore[no-untyped-def]
    """The photos an upload request carries."""
    if request.method == "PUT":
        return [request.path.rsplit("/", 1)[1]]
    for line in request.head.decode("latin-1").split("\r\n"):
        name, _, value = line.partition(":")
        if name.strip().lower() == "blob-list":
            return [entry.split(":")[0] for entry in value.strip().split(",")]
    return []


def test_server_errors_and_refusals_are_retried_until_delivered(
    proxied, central, central_db
) -> None:
    station, proxy = proxied
    inspect(station, 2)
    proxy.faults.extend([Fault("error500", when=is_events), Fault("refuse", when=is_events)])
    with pytest.raises(Unavailable):  # the connection refused
        station.sync.sync_once()
    assert not station.sync.status.online
    station.sync.sync_once()  # the 500: sent again in halves, which go through
    assert_converged(station, central_db, central)


def _outbox(station: app.Station) -> list[tuple[str, bool, bool, str]]:
    return station.db.run(
        lambda s: [
            (e.event_id, e.sent_at is not None, e.parked, e.last_error)
            for e in s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq))
        ]
    )


def test_an_event_central_keeps_failing_on_is_isolated_and_parked(
    proxied, central, central_db
) -> None:
    """Central answers 500 whenever one event is in the batch: the station halves the batch
    down to that event, delivers the ones before it, and parks it once central failed on it
    alone in POISON_AFTER rounds while answering its health check; the rest then follow."""
    station, proxy = proxied
    inspect(station, 4)
    events = [event_id for event_id, *_ in _outbox(station)]
    poison = events[len(events) // 2]

    def fails_on_poison(request) -> Fault:  # type: ignore[no-untyped-def]
        if is_events(request) and poison.encode() in request.body:
            return Fault("error500")
        return Fault("pass")

    proxy.default = fails_on_poison
    for _ in range(POISON_AFTER - 1):
        with pytest.raises(Unavailable):
            station.sync.sync_once()
        rows = _outbox(station)
        index = events.index(poison)
        assert all(sent for _, sent, *_ in rows[:index]), "the events before it were delivered"
        assert not any(sent or parked for _, sent, parked, _ in rows[index:])
    posted = sum(is_events(r) for r in proxy.seen)
    report = station.sync.sync_once()
    assert report.push.parked == 1
    assert sum(is_events(r) for r in proxy.seen) - posted <= 2 * len(events).bit_length() + 2
    [(parked_id, sent, _, error)] = [row for row in _outbox(station) if row[2]]
    assert parked_id == poison and not sent
    assert f"central failed on this event {POISON_AFTER} times" in error
    status = station.sync.refresh()
    assert status.outbox.parked == 1 and status.outbox.pending == 0
    audit = station.db.run(lambda s: list(s.scalars(select(AuditEntry.action))))
    assert "event_parked" in audit
    station.db.run(  # the comparison leaves the parked one out
        lambda s: s.execute(OutboxEvent.__table__.delete().where(OutboxEvent.event_id == poison))
    )
    assert_converged(station, central_db, central)


def test_a_central_failing_on_everything_parks_nothing(proxied, central, central_db) -> None:
    """500 for every request, its health check too, is an outage: events wait, none parked."""
    station, proxy = proxied
    inspect(station, 2)
    proxy.default = lambda request: Fault("pass" if is_blob_put(request) else "error500")
    for _ in range(POISON_AFTER + 2):
        with pytest.raises(Unavailable):
            station.sync.sync_once()
    assert not any(parked for _, _, parked, _ in _outbox(station))
    proxy.default = None
    station.sync.sync_once()
    assert_converged(station, central_db, central)


def test_a_lost_answer_is_replayed_without_duplicates(proxied, central, central_db) -> None:
    station, proxy = proxied
    inspect(station, 2)
    proxy.faults.append(Fault("drop_response", when=is_events))  # central commits, we never hear
    with pytest.raises(Unavailable):
        station.sync.sync_once()
    total, sent = counts(station)
    assert sent < total
    report = station.sync.sync_once()
    assert report.push.duplicates > 0
    assert_converged(station, central_db, central)


def test_duplicated_deliveries_are_stored_once(proxied, central, central_db) -> None:
    station, proxy = proxied
    inspect(station, 2)
    proxy.faults.extend([Fault("duplicate", when=is_events), Fault("duplicate", when=is_blob_put)])
    station.sync.sync_once()
    assert_converged(station, central_db, central)


def test_uploads_cut_at_random_byte_offsets(proxied, central, central_db) -> None:
    station, proxy = proxied
    inspect(station, 2)
    rng = random.Random(7)
    cuts = [Fault("cut_upload", value=rng.randint(0, 60_000), when=is_blob_put) for _ in range(8)]
    proxy.faults.extend(cuts)
    for _ in range(20):
        try:
            station.sync.sync_once()
            break
        except SyncError:
            continue
    assert not proxy.faults, "every cut was tried"
    assert_converged(station, central_db, central)


def test_a_push_cut_short_resends_only_the_photos_not_yet_stored(
    proxied, central, central_db, monkeypatch
) -> None:
    station, proxy = proxied
    monkeypatch.setattr(push, "GROUP_BLOBS", 1)  # a request per photo: which ones landed
    inspect(station, 2)
    pending = station.db.run(
        lambda s: list(
            s.scalars(select(EvidenceItem.sha256).where(EvidenceItem.uploaded_at.is_(None)))
        )
    )
    assert len(pending) >= 4
    failing = sorted(pending)[-1]  # the last one sent, after the others have landed
    proxy.faults.append(Fault("refuse", when=lambda r: failing in blobs_sent(r)))
    with pytest.raises(SyncError):
        station.sync.sync_once()
    before = len(proxy.seen)
    station.sync.sync_once()
    resent = [sha for r in proxy.seen[before:] for sha in blobs_sent(r)]
    assert resent == [failing]
    assert_converged(station, central_db, central)


def in_small_batches(
    station: app.Station, monkeypatch: pytest.MonkeyPatch, inspections: int
) -> tuple[list[push.Outgoing], list[list[push.Outgoing]], list[set[str]]]:
    """``inspections`` done, pushed 4 events a batch and a request a photo (so a test sees
    which photo went when): the events, their batches and each batch's photos."""
    monkeypatch.setattr(push, "BATCH", 4)
    monkeypatch.setattr(push, "GROUP_BLOBS", 1)
    inspect(station, inspections)
    events = station.db.run(lambda s: push.due(s, limit=1000))
    batches = [events[i : i + 4] for i in range(0, len(events), 4)]
    return events, batches, [{sha for e in batch for sha in e.blobs} for batch in batches]


def photos_arrived(timeline: list[tuple[str, Request]], before: int) -> set[str]:
    """The photos whose upload reached central before ``timeline[before]``."""
    return {
        sha
        for what, r in timeline[:before]
        if what == "arrived" and is_blob_put(r)
        for sha in blobs_sent(r)
    }


def test_the_next_batchs_photos_go_up_beside_a_slow_one_and_events_wait_for_theirs(
    proxied, central, central_db, monkeypatch
) -> None:
    """Uploads queue one behind the other across batches, not in waves: while one photo of a
    batch is slow, the connections beside it carry the next batch's photos; the batch's
    events still go only once their own photos are stored (central refuses them before)."""
    station, proxy = proxied
    events, batches, photo_sets = in_small_batches(station, monkeypatch, 3)
    photos = [sorted(shas) for shas in photo_sets]
    # the first batch's first photo goes alone (its answer says how many may go at once)
    k = next(
        i
        for i in range(len(batches) - 1)
        if photos[i + 1] and len(photos[i]) >= (2 if i == 0 else 1)
    )
    slow = photos[k][-1]
    proxy.faults.append(Fault("delay", value=2.0, when=lambda r: slow in blobs_sent(r)))
    report = station.sync.sync_once()
    assert report.push.parked == 0 and report.push.sent == len(events)
    timeline = list(proxy.timeline)
    slow_answered = next(
        n for n, (what, r) in enumerate(timeline) if what == "answered" and slow in blobs_sent(r)
    )
    meanwhile = photos_arrived(timeline, slow_answered)
    assert meanwhile & set(photos[k + 1]), "the next batch's photos waited for the slow one"
    ids = {e.event_id for e in batches[k]}
    events_k = next(
        n
        for n, (what, r) in enumerate(timeline)
        if what == "arrived" and is_events(r) and ids & set(_event_ids(r))
    )
    assert events_k > slow_answered  # the batch's events went after its last photo landed
    assert_converged(station, central_db, central)


def test_the_photos_of_batches_ahead_go_up_while_a_batchs_events_are_stored(
    proxied, central, central_db, monkeypatch
) -> None:
    """Storing a batch of events can take as long as a batch's photos take to go up: while
    central holds one batch's events, the photos of the batches after it (not only the next)
    keep the connections busy."""
    station, proxy = proxied
    events, _batches, photos = in_small_batches(station, monkeypatch, 6)
    two_ahead = photos[1] | photos[2]
    assert photos[2] - photos[1], "the test wants photos two batches ahead"
    proxy.faults.append(Fault("delay", value=2.0, when=is_events))  # the first batch's events
    report = station.sync.sync_once()
    assert report.push.parked == 0 and report.push.sent == len(events)
    timeline = list(proxy.timeline)
    held_answered = next(
        n for n, (what, r) in enumerate(timeline) if what == "answered" and is_events(r)
    )
    meanwhile = photos_arrived(timeline, held_answered)
    assert two_ahead <= meanwhile, "photos of the batches ahead waited for the events"
    assert_converged(station, central_db, central)


def _event_ids(request) -> list[str]:  # type: ignore[no-untyped-def]
    return [e["event_id"] for e in json.loads(request.body)["events"]]


def test_the_batches_read_ahead_are_sent_as_read_each_event_read_once(
    proxied, central, central_db, monkeypatch
) -> None:
    """The batches read from the outbox for their photos are the ones sent next, not read
    again when their turn comes."""
    station, proxy = proxied
    events, batches, _photos = in_small_batches(station, monkeypatch, 6)
    assert len(batches) > push.LOOKAHEAD + 1, "the test wants batches beyond the lookahead"
    read: list[str] = []
    outbox_due = push.due

    def counted(session, **kwargs):  # type: ignore[no-untyped-def]
        found = outbox_due(session, **kwargs)
        read.extend(e.event_id for e in found)
        return found

    monkeypatch.setattr(push, "due", counted)
    report = station.sync.sync_once()
    assert report.push.sent == len(events)
    assert sorted(read) == sorted(e.event_id for e in events)
    sent = [_event_ids(r) for r in proxy.seen if is_events(r)]
    assert sent == [[e.event_id for e in batch] for batch in batches]
    assert_converged(station, central_db, central)


def test_what_central_left_unanswered_goes_again_before_the_batches_read_ahead(
    proxied, central, central_db, monkeypatch
) -> None:
    """An answer that accounts for only part of a batch (a proxy that mangles it, an old
    central) leaves the rest unsent: it goes again, first, before the batches read ahead."""
    station, proxy = proxied
    events, batches, _photos = in_small_batches(station, monkeypatch, 3)
    first = [e.event_id for e in batches[0]]

    def half_answered(body: bytes) -> bytes:
        answer = json.loads(body)
        answer["accepted"] = [i for i in answer["accepted"] if i in first[:2]]
        return json.dumps(answer).encode()

    proxy.faults.append(Fault("rewrite", edit=half_answered, when=is_events))
    report = station.sync.sync_once()
    # central stored all four; the station heard of two, sent the other two again
    assert report.push.sent == len(events) - 2 and report.push.duplicates == 2
    assert report.push.parked == 0
    sent = [_event_ids(r) for r in proxy.seen if is_events(r)]
    assert sent[:2] == [first, [*first[2:], *(e.event_id for e in batches[1][:2])]]
    assert_converged(station, central_db, central)


@pytest.mark.timeout(60)  # without the check, the push sends the batch again without end
def test_an_answer_for_none_of_the_batch_ends_the_round_instead_of_sending_it_forever(
    proxied, central, central_db
) -> None:
    """Central answers for every event it is sent; an answer for none of them (a broken
    proxy) would have the push send the same batch without end. The round fails instead, to
    be tried again after the back-off, and nothing is marked sent."""
    station, proxy = proxied
    inspect(station, 2)
    events = station.db.run(lambda s: push.due(s, limit=1000))
    nothing = json.dumps({"accepted": [], "duplicates": [], "rejected": []}).encode()
    proxy.default = lambda r: (
        Fault("respond", response=respond(200, nothing).response) if is_events(r) else Fault("pass")
    )
    with pytest.raises(Unavailable, match="none of the"):
        station.sync.sync_once()
    assert sum(1 for r in proxy.seen if is_events(r)) == 1
    assert len(station.db.run(lambda s: push.due(s, limit=1000))) == len(events)
    proxy.default = None
    station.sync.sync_once()
    assert_converged(station, central_db, central)


def test_photos_go_in_groups_and_one_by_one_to_a_central_without_groups(
    proxied, central, central_db
) -> None:
    station, proxy = proxied
    inspect(station, 3)
    station.sync.sync_once()
    uploads = [r for r in proxy.seen if is_blob_put(r)]
    assert uploads and all(r.method == "POST" for r in uploads)
    assert len(uploads) < sum(len(blobs_sent(r)) for r in uploads)  # several in one request
    assert_converged(station, central_db, central)
    # an older central answers 404 to a group: the photos go one by one, nothing is lost
    proxy.faults.append(
        Fault(
            "respond",
            response=respond(404, b'{"detail":"Not Found"}').response,
            when=lambda r: r.method == "POST" and r.path == "/v1/blobs",
        )
    )
    inspect(station, 2)
    before = len(proxy.seen)
    station.sync.sync_once()
    methods = [r.method for r in proxy.seen[before:] if is_blob_put(r)]
    assert methods[0] == "POST" and set(methods[1:]) == {"PUT"} and len(methods) > 2
    assert_converged(station, central_db, central)


def test_truncated_and_slow_answers(proxied, central, central_db, monkeypatch) -> None:
    station, proxy = proxied
    inspect(station, 1)
    proxy.faults.append(Fault("truncate_response", value=40, when=is_events))
    with pytest.raises(Unavailable):
        station.sync.sync_once()
    station.sync.sync_once()
    assert_converged(station, central_db, central)


HOSTILE = [
    ("wrong types", respond(200, b'{"changes": "lots", "cursor": 5, "more": "no"}')),
    ("not JSON", respond(200, b"<html>gateway</html>", "text/html")),
    (
        "cursor backwards",
        respond(
            200,
            json.dumps(
                {
                    "changes": [
                        {
                            "seq": 1,
                            "kind": "return",
                            "key": "x",
                            "body": {},
                            "at": "2026-11-20T00:00:00Z",
                        }
                    ],
                    "cursor": "1",
                    "more": False,
                }
            ).encode(),
        ),
    ),
    ("huge body", respond(200, b'{"changes": [' + b" " * (33 * 1024 * 1024) + b"]}")),
]


@pytest.mark.parametrize("name,fault", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_answers_are_refused_and_nothing_is_half_applied(
    proxied, central, central_db, name, fault
) -> None:
    station, proxy = proxied
    publish(central, "/v1/returns", [manifest_row(f"RMA2026{uuid.uuid4().int % 10**10:010d}")])
    station.sync.sync_once()
    before_orders = station.db.run(
        lambda s: s.scalar(select(func.count()).select_from(ReturnOrder))
    )
    before_cursor = station.db.run(lambda s: s.get_one(SyncCursor, "changes").cursor)
    publish(central, "/v1/returns", [manifest_row(f"RMA2026{uuid.uuid4().int % 10**10:010d}")])
    proxy.faults.append(
        Fault(fault.kind, response=fault.response, when=lambda r: r.path.startswith("/v1/changes"))
    )
    with pytest.raises((Unavailable, BadPage)):
        station.sync.sync_once()
    assert (
        station.db.run(lambda s: s.scalar(select(func.count()).select_from(ReturnOrder)))
        == before_orders
    )
    assert station.db.run(lambda s: s.get_one(SyncCursor, "changes").cursor) == before_cursor
    station.sync.sync_once()  # the honest answer afterwards is applied
    assert (
        station.db.run(lambda s: s.scalar(select(func.count()).select_from(ReturnOrder)))
        == before_orders + 1
    )
    assert_converged(station, central_db, central)


def test_an_event_central_refuses_is_parked_and_does_not_block(synced, central, central_db) -> None:
    inspect(synced, 1)

    def poison(session) -> None:  # type: ignore[no-untyped-def]
        # a row no payload model would build (a damaged store, an older build's event)
        nested: dict[str, object] = {"leaf": 1}
        for _ in range(40):  # deeper than central accepts
            nested = {"deeper": nested}
        session.add(OutboxEvent(event_id=str(uuid7()), kind="decision.made", payload=nested))

    synced.db.run(poison)
    inspect(synced, 1)
    report = synced.sync.sync_once()
    assert report.push.parked == 1
    status = synced.sync.refresh()
    assert status.outbox.parked == 1 and status.outbox.pending == 0
    parked = synced.db.run(lambda s: s.scalar(select(OutboxEvent).where(OutboxEvent.parked)))
    assert parked.last_error and parked.kind == "decision.made"
    audit = synced.db.run(lambda s: list(s.scalars(select(AuditEntry.action))))
    assert "event_parked" in audit
    parked_id = parked.event_id
    synced.db.run(
        lambda s: s.execute(  # the comparison leaves the parked one out
            OutboxEvent.__table__.delete().where(OutboxEvent.event_id == parked_id)
        )
    )
    assert_converged(synced, central_db, central)


def test_a_server_killed_mid_request_loses_nothing(synced, central, central_db) -> None:
    inspect(synced, 3)
    central.kill()
    with pytest.raises(Unavailable):
        synced.sync.sync_once()
    central.start()
    synced.sync.sync_once()
    assert_converged(synced, central_db, central)


def test_a_wrong_token_says_so(tmp_path, demo_template, central) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    station = open_synced(data, central.base_url, "", new_station_id(), central_token="x" * 40)
    try:
        with pytest.raises(Unauthorized):
            station.sync.sync_once()
    finally:
        station.close()


def test_a_station_without_a_token_or_key_cannot_register(tmp_path, demo_template, central):
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    station = open_synced(data, central.base_url, "", new_station_id())
    try:
        with pytest.raises(SyncError, match="no token"):
            station.sync.sync_once()
    finally:
        station.close()


def test_a_voided_token_waits_for_a_new_code_and_nothing_is_lost(
    tmp_path, demo_template, central, central_db
) -> None:
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    station_id = new_station_id()
    first_code = central.enrolment_code(station_id)
    station = open_synced(data, central.base_url, first_code, station_id)
    try:
        inspect(station, 1)
        station.sync.sync_once()
    finally:
        station.close()
    # an administrator re-enrols the station id (a reinstalled bench): the old token is void
    replacing = central.enrolment_code(station_id)
    with httpx.Client(base_url=central.base_url) as http:
        body = {"station_id": station_id, "enrolment_code": replacing}
        assert http.post("/v1/stations", json=body).status_code == 200
    station = open_synced(data, central.base_url, first_code, station_id)
    try:
        inspect(station, 1)
        with pytest.raises(Unauthorized):  # the spent code is not tried again
            station.sync.sync_once()
    finally:
        station.close()
    station = open_synced(data, central.base_url, central.enrolment_code(station_id), station_id)
    try:
        station.sync.sync_once()  # the new code registers it again; what waited goes out
        assert_converged(station, central_db, central)
    finally:
        station.close()


def test_a_token_from_the_settings_is_not_renewed_behind_the_administrators_back(
    tmp_path, demo_template, central
) -> None:
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    station = open_synced(
        data,
        central.base_url,
        *enrolled(central),
        central_token="y" * 40,
    )
    try:
        with pytest.raises(Unauthorized):
            station.sync.sync_once()
        assert not (station.paths.root / "central-token").exists()
    finally:
        station.close()


@pytest.mark.parametrize("allowed", [2, 4])
def test_the_station_sends_as_many_at_once_as_central_says_it_may(
    tmp_path, demo_template, monkeypatch, allowed
) -> None:
    """Photos go up beside the previous batch's events, as many at once as central's
    Station-Requests says: a drain of several batches is never turned away."""
    monkeypatch.setattr(push, "BATCH", 6)  # several batches, each with photos
    monkeypatch.setattr(push, "GROUP_BLOBS", 1)  # and several uploads at once
    env = {"CENTRAL_STATION_REQUESTS": str(allowed)}
    with central_server(data_dir=tmp_path / "central", env=env) as server:
        station = station_at(tmp_path, demo_template, server.base_url, server)
        try:
            inspect(station, 4)
            report = station.sync.sync_once()
            assert report.push.sent == counts(station)[0] and report.push.blobs >= 8
            scrape = httpx.get(
                f"{server.base_url}/metrics",
                headers={"Authorization": f"Bearer {server.admin_token}"},
                timeout=30,
            ).text
            turned_away = [
                line
                for line in scrape.splitlines()
                if line.startswith("central_requests_turned_away_total")
                and not line.endswith(" 0.0")
            ]
            assert turned_away == [], turned_away
            assert counts(station)[1] == counts(station)[0]
        finally:
            station.close()


def test_a_sync_run_waits_as_long_as_a_busy_central_asks_and_goes_on(
    tmp_path, demo_template, monkeypatch, capsys
) -> None:
    import contextlib

    from station import cli
    from tests.central.client import Api
    from tests.central.test_backpressure import held_upload

    env = {"CENTRAL_BUSY_REQUESTS": "1", "CENTRAL_FAILED_CHECKS_PER_MINUTE": "100000"}
    with (
        central_server(data_dir=tmp_path / "central", env=env) as server,
        Api(server) as other,
        contextlib.ExitStack() as hold,
    ):
        other.register()
        data = tmp_path / "data"
        shutil.copytree(demo_template, data)
        station = open_synced(data, server.base_url, *enrolled(server))
        try:
            inspect(station, 1)
            hold.enter_context(held_upload(server, other))  # another bench has the one slot
            waits: list[float] = []

            def sleep(seconds: float) -> None:  # the other bench's upload ends meanwhile
                waits.append(seconds)
                hold.close()

            monkeypatch.setattr(cli.time, "sleep", sleep)
            report = cli._sync_waiting_when_busy(station)
            assert len(waits) == 1 and 2 <= waits[0] <= 4  # central's Retry-After, jittered
            assert "central is busy (503)" in capsys.readouterr().err
            assert report.push.sent == counts(station)[0] == counts(station)[1]
        finally:
            station.close()


REQUEST_LIMIT = 16 * 1024


@pytest.fixture
def strict_central(tmp_path):  # type: ignore[no-untyped-def]
    """A central that takes no request body larger than REQUEST_LIMIT (answers 413)."""
    env = {"CENTRAL_MAX_REQUEST_BYTES": str(REQUEST_LIMIT)}
    with central_server(data_dir=tmp_path / "central", env=env) as server:
        yield server


def test_a_batch_larger_than_central_takes_goes_in_halves_not_one_by_one(
    tmp_path, demo_template, strict_central
) -> None:
    """A central whose request limit is smaller than a batch answers 413: the station sends
    the batch in halves until they fit, everything arrives, nothing is parked, and it takes
    far fewer requests than one per event."""
    proxy = FaultProxy(("127.0.0.1", strict_central.port))
    station = station_at(tmp_path, demo_template, proxy.url, strict_central)
    try:
        inspect(station, 12)
        events = counts(station)[0]
        report = station.sync.sync_once()
        assert (report.push.sent, report.push.parked) == (events, 0)
        sent = [r for r in proxy.seen if is_events(r)]
        assert max(len(r.body) for r in sent) > REQUEST_LIMIT  # the first was refused
        assert len(sent) < events // 2, f"{len(sent)} requests for {events} events"
        engine = create_engine(strict_central.database_url)
        assert_converged(station, engine, strict_central)
        engine.dispose()
    finally:
        station.close()
        proxy.close()


def test_one_event_larger_than_central_takes_is_parked_alone(
    tmp_path, demo_template, strict_central
) -> None:
    """Among events that fit, one larger than central's request limit on its own (a damaged
    store, an older build's event): halving reaches it, it alone is parked with the 413, and
    the events around it arrive."""
    station = station_at(tmp_path, demo_template, strict_central.base_url, strict_central)
    try:
        inspect(station, 4)
        huge = {"note": "大" * 20_000}  # 60 KB of UTF-8, more than any request may be
        station.db.run(
            lambda s: s.add(OutboxEvent(event_id=str(uuid7()), kind="decision.made", payload=huge))
        )
        inspect(station, 4)
        report = station.sync.sync_once()
        assert report.push.parked == 1
        parked = station.db.run(lambda s: s.scalar(select(OutboxEvent).where(OutboxEvent.parked)))
        assert "413" in parked.last_error
        station.db.run(
            lambda s: s.execute(  # the comparison leaves the parked one out
                OutboxEvent.__table__.delete().where(OutboxEvent.event_id == parked.event_id)
            )
        )
        engine = create_engine(strict_central.database_url)
        assert_converged(station, engine, strict_central)
        engine.dispose()
    finally:
        station.close()

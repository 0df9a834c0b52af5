"""Against a real central service on loopback (SQLite + blobs on disk): other stations'
inspections in the queue, decisions out as events, and a decision coming back through the
pull without being applied twice."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from station import app
from station.domain.records import UserView
from station.protocol.enums import Grade
from station.review.central_source import CentralInspections
from station.review.decisions import DecisionRequest
from station.review.errors import CentralUnavailable
from station.review.rows import QueueFilter, ReviewFlag, RowKind
from station.review.service import ReviewService
from station.store.models import AuditEntry
from station.sync.client import CentralClient
from station.sync.pull import pull_once
from station.sync.push import push_once
from tests.central.client import Api, completed_payload, started_payload
from tests.central.servers import CentralServer, central_server
from tests.review.conftest import REFUSE, Clock, clean_orders, finish


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    root = tmp_path_factory.mktemp("central")
    database, blobs = f"sqlite:///{root / 'central.db'}", (root / "blobs").as_uri()
    with central_server(database, blobs, data_dir=root / "data") as server:
        yield server


@dataclass(frozen=True)
class Linked:
    """A client registered at the service under a station id of its own."""

    client: CentralClient
    station_id: str

    def push(self, station: app.Station) -> None:
        push_once(
            station.db,
            self.client,
            station_id=self.station_id,
            blob_path=station.evidence.path_for,
            clock=lambda: datetime.now(UTC),
        )


@pytest.fixture
def linked(central: CentralServer) -> Iterator[Linked]:
    station_id = f"ST-{uuid.uuid4().hex[:8].upper()}"
    with CentralClient(central.base_url) as anonymous:
        token = anonymous.register(station_id, central.enrollment_key).token
    with CentralClient(central.base_url, token) as client:
        yield Linked(client, station_id)


def test_other_stations_inspections_are_decided_through_events(
    central: CentralServer,
    demo_station: app.Station,
    linked: Linked,
    supervisor: UserView,
    clock: Clock,
) -> None:
    with Api(central) as other:
        other.register()
        theirs = str(uuid.uuid4())
        rma = f"RMA{uuid.uuid4().hex[:12].upper()}"
        answer = other.post_events(
            [
                other.event("inspection.started", started_payload(theirs, rma, other.station_id)),
                other.event(
                    "inspection.completed",
                    completed_payload(theirs, rma, other.station_id, needs_review=True),
                ),
            ]
        )
        assert answer.status_code == 200 and answer.json()["rejected"] == []
    service = ReviewService(
        demo_station.db,
        station_id="ST-TEST",
        rulebook=demo_station.workflow.rulebook,
        evidence=demo_station.evidence,
        remote=CentralInspections(linked.client),
        clock=clock,
    )
    page = service.remote_page(supervisor, QueueFilter(text=rma))
    [row] = page.rows
    assert row.kind is RowKind.REMOTE and row.key == theirs and ReviewFlag.RULE_REVIEW in row.flags
    assert row.station_id == other.station_id and row.grade is Grade.B
    detail = service.evidence(supervisor, row)
    assert detail.remote and detail.rma_no == rma and detail.answers

    made = service.decide(supervisor, row, DecisionRequest("照片清楚，维持", approve=True))
    linked.push(demo_station)
    after = service.remote_page(supervisor, QueueFilter(text=rma, include_decided=True)).rows[0]
    assert ReviewFlag.RULE_REVIEW not in after.flags  # central closed the review
    assert service.evidence(supervisor, after).decision.decision_id == made.decision.decision_id  # type: ignore[union-attr]
    assert service.remote_page(supervisor, QueueFilter(text=rma)).rows == ()


def test_a_local_decision_returns_through_the_pull_and_is_not_applied_twice(
    demo_station: app.Station,
    linked: Linked,
    service: ReviewService,
    supervisor: UserView,
    inspector: UserView,
) -> None:
    done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)
    made = service.decide(supervisor, done.inspection.id, DecisionRequest("改判 B", grade=Grade.B))
    linked.push(demo_station)

    def decisions(s: object) -> int:
        return s.scalar(  # type: ignore[attr-defined]
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.entity == f"inspection:{done.inspection.id}")
            .where(AuditEntry.action.in_(["verdict_overturned", "verdict_approved"]))
        )

    assert demo_station.db.run(decisions) == 1
    report = pull_once(
        demo_station.db, linked.client, station_id="ST-TEST", clock=lambda: datetime.now(UTC)
    )
    assert report.applied >= 1  # our decision came back as a change…
    assert demo_station.db.run(decisions) == 1  # …and was recognised, not applied again
    assert service.evidence(supervisor, done.inspection.id).decision.decision_id == (  # type: ignore[union-attr]
        made.decision.decision_id
    )


def test_an_unreachable_central_service_is_a_clear_error(
    demo_station: app.Station, supervisor: UserView
) -> None:
    service = ReviewService(
        demo_station.db,
        station_id="ST-TEST",
        rulebook=demo_station.workflow.rulebook,
        evidence=demo_station.evidence,
        remote=CentralInspections(lambda: CentralClient("http://127.0.0.1:9", "t", timeout=2)),
    )
    with pytest.raises(CentralUnavailable) as info:
        service.remote_page(supervisor, QueueFilter())
    assert "中心服务" in info.value.message("zh_CN")

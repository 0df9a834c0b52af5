"""Against a real central service on loopback (SQLite + blobs on disk): other stations'
inspections in the queue, decisions out as events, and a decision coming back through the
pull without being applied twice."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

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
from station.store.models import AuditEntry, OutboxEvent
from station.sync.client import CentralClient
from station.sync.enrol import CentralAccess
from station.sync.pull import PullReport, pull_once
from station.sync.push import push_once
from station.sync.sessions import SupervisorSessions
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
    """The demo station's client, registered at the service under the station's id."""

    client: CentralClient
    station_id: str
    access: CentralAccess

    def pull(self, station: app.Station) -> PullReport:
        return pull_once(
            station.db, self.client, station_id=self.station_id, clock=lambda: datetime.now(UTC)
        )

    def push(self, station: app.Station) -> None:
        push_once(
            station.db,
            self.client,
            station_id=self.station_id,
            blob_path=station.evidence.path_for,
            clock=lambda: datetime.now(UTC),
        )


@pytest.fixture
def linked(central: CentralServer, demo_station: app.Station, tmp_path: Path) -> Iterator[Linked]:
    station_id = demo_station.settings.station_id
    with CentralClient(central.base_url) as anonymous:
        token = anonymous.register(station_id, central.enrolment_code(station_id)).token
    access = CentralAccess(
        url=central.base_url, station_id=station_id, token_file=tmp_path / "token", token=token
    )
    with access.client() as client:
        yield Linked(client, station_id, access)


@pytest.fixture
def badge_supervisor(central: CentralServer, demo_station: app.Station, linked: Linked) -> UserView:
    """A supervisor central issued a badge to, signed in at this bench with it."""
    badge = f"S{uuid.uuid4().int % 10**6:06d}"
    grant = {"badge_id": badge, "display_name": "钱主管", "role": "supervisor", "pin": "246810"}
    issued = central.as_admin("/v1/users", grant)
    assert issued.status_code == 201, issued.text
    pull_once(
        demo_station.db,
        linked.client,
        station_id=linked.station_id,
        clock=lambda: datetime.now(UTC),
    )
    user = demo_station.auth.login(issued.json()["badge_code"], "246810")
    assert user.badge is not None
    return user


def test_other_stations_inspections_are_decided_through_events(
    central: CentralServer,
    demo_station: app.Station,
    linked: Linked,
    badge_supervisor: UserView,
    clock: Clock,
) -> None:
    supervisor = badge_supervisor
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
        remote=CentralInspections(
            linked.client, as_supervisor=SupervisorSessions(linked.access).client
        ),
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
    badge_supervisor: UserView,
    inspector: UserView,
) -> None:
    supervisor = badge_supervisor
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
        demo_station.db,
        linked.client,
        station_id=linked.station_id,
        clock=lambda: datetime.now(UTC),
    )
    assert report.applied >= 1  # our decision came back as a change…
    assert demo_station.db.run(decisions) == 1  # …and was recognised, not applied again
    assert service.evidence(supervisor, done.inspection.id).decision.decision_id == (  # type: ignore[union-attr]
        made.decision.decision_id
    )


def test_a_supervisor_made_only_at_this_bench_cannot_decide_for_central(
    demo_station: app.Station,
    linked: Linked,
    service: ReviewService,
    supervisor: UserView,
    inspector: UserView,
) -> None:
    """A bench can make itself any user it likes; central takes decisions from the
    supervisors it issued badges to, signed with the badge."""
    done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)
    made = service.decide(supervisor, done.inspection.id, DecisionRequest("改判 B", grade=Grade.B))
    assert made.decision.proof is None
    linked.push(demo_station)
    row = demo_station.db.run(
        lambda s: s.scalars(select(OutboxEvent).where(OutboxEvent.event_id == made.event_id)).one()
    )
    assert row.parked and "not an active supervisor" in row.last_error


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

from __future__ import annotations

import pytest
from sqlalchemy import select

from station import app
from station.domain.records import UserView
from station.protocol.enums import OrderState, PhotoKind
from station.review.errors import LinkRefused
from station.review.rows import QueueFilter, ReviewFlag
from station.review.service import ReviewService
from station.store.models import (
    AuditEntry,
    OutboxEvent,
    ReturnOrder,
    ReturnTracking,
    UnmatchedParcel,
)
from station.workflow import InspectionStarted, ParcelUnmatched
from tests.helpers import frame
from tests.review.conftest import counts, orders


@pytest.fixture
def parcel(demo_station: app.Station, inspector: UserView) -> str:
    """A parcel whose waybill matched nothing, with two photos taken at the bench."""
    outcome = demo_station.workflow.scan("SF1234567890123", inspector)
    assert isinstance(outcome, ParcelUnmatched)
    for n, kind in enumerate((PhotoKind.SHIPPING_LABEL, PhotoKind.OVERVIEW)):
        demo_station.workflow.take_photo(
            frame(900 + n), kind, inspector, unmatched_id=outcome.parcel.id
        )
    return outcome.parcel.id


def test_unresolved_parcels_are_listed_with_their_photos(
    service: ReviewService, supervisor: UserView, parcel: str
) -> None:
    [row] = service.parcels(supervisor)
    assert (row.id, row.code, row.photos, row.linked_rma) == (parcel, "SF1234567890123", 2, None)
    assert row.inspector == "王芳" and row.station_id == "ST-TEST"
    assert len(service.parcel_photos(supervisor, parcel)) == 2


def test_linking_records_the_order_then_the_bench_inspects_it_as_usual(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    inspector: UserView,
    parcel: str,
) -> None:
    rma = orders(demo_station, states=(OrderState.IN_TRANSIT,))[0]
    tracking = demo_station.db.run(
        lambda s: s.scalars(
            select(ReturnTracking.tracking_no).join(ReturnOrder).where(ReturnOrder.rma_no == rma)
        ).one()
    )
    before = counts(demo_station)
    linked = service.link_parcel(supervisor, parcel, f"  {tracking.lower()} ")
    assert linked.rma_no == rma and linked.order_state is OrderState.IN_TRANSIT
    assert linked.parcel.linked_rma == rma and linked.parcel.linked_by == "陈主管"
    assert linked.parcel.photos == 2  # the photos stay with the parcel
    assert counts(demo_station) == (before[0] + 1, before[1] + 1)
    row = demo_station.db.run(lambda s: s.get_one(UnmatchedParcel, parcel))
    assert row.resolved_by == supervisor.id and row.resolved_at is not None
    event = demo_station.db.run(
        lambda s: s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq.desc())).first()
    )
    assert event.kind == "unmatched.linked" and event.event_id == linked.event_id
    assert event.payload["unmatched_id"] == parcel and event.payload["rma_no"] == rma
    entry = demo_station.db.run(
        lambda s: s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    )
    assert (entry.action, entry.actor, entry.details["photos"]) == (
        "unmatched_linked",
        "user:S9001",
        2,
    )
    assert service.parcels(supervisor) == []
    assert service.queue_page(supervisor, QueueFilter(flag=ReviewFlag.UNMATCHED)).rows == ()

    started = demo_station.workflow.scan(rma, inspector)  # the normal workflow goes on
    assert isinstance(started, InspectionStarted) and started.order.rma_no == rma
    state = demo_station.db.run(
        lambda s: s.scalar(select(ReturnOrder.state).where(ReturnOrder.rma_no == rma))
    )
    assert state == OrderState.INSPECTING.value


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("RMA99999999999999", "No order matches"),
        ("", "not an order code"),
        ("RMA\x00123", "not an order code"),
        ("9" * 5000, "not an order code"),
    ],
)
def test_a_code_that_names_no_order_is_refused_and_nothing_changes(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    parcel: str,
    code: str,
    says: str,
) -> None:
    before = counts(demo_station)
    with pytest.raises(LinkRefused, match=says) as info:
        service.link_parcel(supervisor, parcel, code)
    assert info.value.message("zh_CN")
    assert counts(demo_station) == before
    assert service.parcels(supervisor)[0].linked_rma is None


def test_a_parcel_is_linked_once_and_never_to_a_closed_order(
    demo_station: app.Station, service: ReviewService, supervisor: UserView, parcel: str
) -> None:
    first, second = orders(demo_station)[:2]
    demo_station.db.run(
        lambda s: (
            s.scalars(select(ReturnOrder).where(ReturnOrder.rma_no == second))
            .one()
            .__setattr__("state", OrderState.REFUNDED.value)
        )
    )
    with pytest.raises(LinkRefused, match="refunded"):
        service.link_parcel(supervisor, parcel, second)
    service.link_parcel(supervisor, parcel, first)
    before = counts(demo_station)
    with pytest.raises(LinkRefused, match="already linked"):
        service.link_parcel(supervisor, parcel, first)
    with pytest.raises(LinkRefused, match="no unmatched parcel"):
        service.link_parcel(supervisor, "0190f1e2-0000-7000-8000-000000000009", first)
    assert counts(demo_station) == before
    [linked] = service.parcels(supervisor, include_linked=True)
    assert linked.linked_rma == first

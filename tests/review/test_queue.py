from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from station import app
from station.domain.records import UserView
from station.protocol.enums import Category
from station.review.decisions import DecisionRequest
from station.review.errors import BadInput
from station.review.queue import queue_count
from station.review.queue_inspections import inspection_where
from station.review.rows import QueueFilter, QueueSort, ReviewFlag, RowKind
from station.review.service import ReviewService
from station.store.models import (
    Inspection,
    OutboxEvent,
    ReturnOrder,
    ReturnTracking,
    UnmatchedParcel,
)
from tests.review.conftest import REFUSE, clean_orders, finish, orders


def all_rows(service: ReviewService, user: UserView, f: QueueFilter, **kw: object) -> list:
    rows, after = [], None
    while True:
        page = service.queue_page(user, f, after=after, **kw)  # type: ignore[arg-type]
        rows.extend(page.rows)
        if page.next is None:
            return rows
        after = page.next


@pytest.fixture
def flagged(demo_station: app.Station, inspector: UserView) -> dict[str, str]:
    """One clean inspection and one of each kind a supervisor must see; name → id."""
    clean = finish(demo_station, clean_orders(demo_station)[0], inspector)
    refused = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)
    swapped = finish(demo_station, clean_orders(demo_station)[0], inspector, swap=True)
    pricey = orders(demo_station, where=lambda line: line.unit_price_fen >= 300_000)[0]
    high = finish(demo_station, pricey, inspector)
    demo_station.workflow.scan("SF0000000000001", inspector)  # an unmatched parcel
    return {
        "clean": clean.inspection.id,
        "refused": refused.inspection.id,
        "swapped": swapped.inspection.id,
        "high": high.inspection.id,
    }


def test_the_queue_holds_what_needs_a_second_look_with_its_flags(
    service: ReviewService, supervisor: UserView, flagged: dict[str, str]
) -> None:
    rows = all_rows(service, supervisor, QueueFilter())
    by_key = {r.key: r for r in rows}
    assert flagged["clean"] not in by_key
    assert {ReviewFlag.OVERRIDDEN, ReviewFlag.REFUSED} <= set(by_key[flagged["refused"]].flags)
    assert ReviewFlag.MISMATCH in by_key[flagged["swapped"]].flags
    assert ReviewFlag.REFUSED in by_key[flagged["swapped"]].flags  # suspected swap: refused
    assert {ReviewFlag.HIGH_VALUE, ReviewFlag.RULE_REVIEW} <= set(by_key[flagged["high"]].flags)
    parcels = [r for r in rows if r.kind is RowKind.UNMATCHED]
    assert [r.rma_no for r in parcels] == ["SF0000000000001"]
    assert service.queue_count(supervisor, QueueFilter()).count == len(rows) == 4


def test_filters_narrow_the_queue_in_sql(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    inspector: UserView,
    flagged: dict[str, str],
) -> None:
    def keys(**kw: object) -> set[str]:
        return {r.key for r in all_rows(service, supervisor, QueueFilter(**kw))}  # type: ignore[arg-type]

    assert keys(flag=ReviewFlag.MISMATCH) == {flagged["swapped"]}
    assert keys(flag=ReviewFlag.HIGH_VALUE) == {flagged["high"]}
    assert flagged["refused"] in keys(flag=ReviewFlag.OVERRIDDEN)
    assert len(keys(flag=ReviewFlag.UNMATCHED)) == 1
    other = demo_station.auth.login("I1002", "1234")
    assert keys(inspector_id=other.id) == set()
    assert flagged["swapped"] in keys(inspector_id=inspector.id)

    detail = service.evidence(supervisor, flagged["high"])
    assert detail.category is not None and detail.reason is not None
    assert flagged["high"] in keys(category=detail.category)
    assert flagged["high"] in keys(reason=detail.reason)
    assert keys(category=Category.VIRTUAL) == set()  # parcels have no category either
    assert keys(text=detail.rma_no) == {flagged["high"]}
    assert keys(text=detail.rma_no[:-3].lower()) >= {flagged["high"]}  # prefix, any case
    assert keys(text=detail.order_no) == {flagged["high"]}
    assert flagged["high"] in keys(text=detail.sku)

    tracking = demo_station.db.run(
        lambda s: s.scalars(
            select(ReturnTracking.tracking_no)
            .join(ReturnOrder)
            .where(ReturnOrder.rma_no == detail.rma_no)
        ).first()
    )
    assert keys(text=tracking) == {flagged["high"]}
    assert keys(text="SF00000000000") == {
        r.key for r in all_rows(service, supervisor, QueueFilter(flag=ReviewFlag.UNMATCHED))
    }
    now = service.now()
    assert keys(since=now + timedelta(hours=1)) == set()
    assert len(keys(since=now - timedelta(hours=1), until=now + timedelta(hours=1))) == 4


def test_decided_items_leave_the_default_view_and_a_filter_shows_them(
    service: ReviewService, supervisor: UserView, flagged: dict[str, str]
) -> None:
    service.decide(
        supervisor, flagged["high"], DecisionRequest(reason="价格核实无误", approve=True)
    )
    assert flagged["high"] not in {r.key for r in all_rows(service, supervisor, QueueFilter())}
    shown = {r.key: r for r in all_rows(service, supervisor, QueueFilter(include_decided=True))}
    assert ReviewFlag.DECIDED in shown[flagged["high"]].flags
    decided = all_rows(
        service, supervisor, QueueFilter(flag=ReviewFlag.DECIDED, include_decided=True)
    )
    assert [r.key for r in decided] == [flagged["high"]]


def test_events_parked_by_sync_are_in_the_queue(
    demo_station: app.Station, service: ReviewService, supervisor: UserView
) -> None:
    now = service.now()
    demo_station.db.run(
        lambda s: s.execute(
            insert(OutboxEvent),
            [
                {
                    "event_id": "0190f1e2-0000-7000-8000-000000000001",
                    "kind": "inspection.completed",
                    "payload": {"rma_no": "RMA20261120000099"},
                    "created_at": now,
                    "parked": True,
                    "last_error": "refused (422): rma_no unknown",
                },
                {  # sent: not the supervisor's business
                    "event_id": "0190f1e2-0000-7000-8000-000000000002",
                    "kind": "photo.added",
                    "payload": {},
                    "created_at": now,
                    "sent_at": now,
                },
            ],
        )
    )
    [row] = all_rows(service, supervisor, QueueFilter(flag=ReviewFlag.PARKED))
    assert row.kind is RowKind.PARKED and row.rma_no == "RMA20261120000099"
    assert "rma_no unknown" in row.note and not row.decidable
    assert all_rows(service, supervisor, QueueFilter(text="RMA2026112000009"))[0].key == row.key


@pytest.mark.parametrize(
    "text",
    ["\x00RMA", "RMA\u202e", "A" * 61, "RMA\n2026", "x" * 100_000],
)
def test_hostile_search_text_is_refused_clearly(
    service: ReviewService, supervisor: UserView, text: str
) -> None:
    with pytest.raises(BadInput) as info:
        service.queue_page(supervisor, QueueFilter(text=text))
    assert info.value.message("zh_CN") and info.value.message("en")


def test_quotes_and_wildcards_in_search_text_match_literally(
    service: ReviewService, supervisor: UserView, flagged: dict[str, str]
) -> None:
    for text in ("' OR 1=1 --", "%", "_", "RMA%", '"; DROP TABLE inspections; --'):
        assert service.queue_page(supervisor, QueueFilter(text=text)).rows == ()
    assert len(all_rows(service, supervisor, QueueFilter())) == 4  # nothing happened to them


def test_full_width_search_text_from_a_chinese_ime_is_normalised(
    service: ReviewService, supervisor: UserView, flagged: dict[str, str]
) -> None:
    rma = service.evidence(supervisor, flagged["refused"]).rma_no
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in rma)
    assert [r.key for r in service.queue_page(supervisor, QueueFilter(text=full_width)).rows] == [
        flagged["refused"]
    ]


def test_the_undecided_queue_reads_the_partial_index(demo_station: app.Station) -> None:
    query = select(Inspection.id).where(*inspection_where(QueueFilter(), 300_000))
    sql = str(query.compile(compile_kwargs={"literal_binds": True}))
    plan = demo_station.db.run(
        lambda s: s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all()
    )
    assert any("ix_inspections_review_pending" in str(step) for step in plan), plan


# -- paging: many rows with equal times across all three sources ----------------------------


def _crowd(station: app.Station, count: int, seed: int) -> None:
    """Flagged completed inspections, unmatched parcels and parked events whose times collide
    on purpose (ties are where keyset paging goes wrong)."""
    rng = random.Random(seed)
    base = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
    times = [base + timedelta(minutes=rng.randint(0, 5)) for _ in range(count)]
    extra = count // 5

    def work(s: Session) -> None:
        targets = [(o.id, o.lines[0].id) for o in s.scalars(select(ReturnOrder).limit(count))]
        s.execute(
            insert(Inspection),
            [
                {
                    "id": f"{n:08x}-0000-7000-8000-{n:012x}",
                    "return_id": rid,
                    "return_line_id": lid,
                    "station_id": "ST-TEST",
                    "inspector_id": 1,
                    "refund_kind": rng.choice(["none", "partial", "full"]),
                    "refund_fen": 100,
                    "needs_review": True,
                    "state": "completed",
                    "started_at": times[n],
                    "completed_at": times[n],
                }
                for n, (rid, lid) in enumerate(targets)
            ],
        )
        s.execute(
            insert(OutboxEvent),
            [
                {
                    "event_id": f"{n:08x}-0000-7000-9000-{n:012x}",
                    "kind": "photo.added",
                    "payload": {},
                    "created_at": times[n],
                    "parked": True,
                }
                for n in range(extra)
            ],
        )
        s.execute(
            insert(UnmatchedParcel),
            [
                {
                    "id": f"{n:08x}-0000-7000-a000-{n:012x}",
                    "code": f"SF{n:013d}",
                    "station_id": "ST-TEST",
                    "inspector_id": 1,
                    "received_at": times[-1 - n],
                }
                for n in range(extra)
            ],
        )

    station.db.run(work)


@pytest.mark.parametrize("sort", list(QueueSort))
def test_paging_visits_every_row_once_in_order_whatever_the_ties(
    demo_station: app.Station, service: ReviewService, supervisor: UserView, sort: QueueSort
) -> None:
    _crowd(demo_station, 120, seed=3)
    whole = service.queue_page(supervisor, QueueFilter(), sort=sort, limit=1000).rows
    assert len(whole) == 120 + 24 + 24
    for size in (1, 7, 50):
        paged = all_rows(service, supervisor, QueueFilter(), sort=sort, limit=size)
        assert [r.key for r in paged] == [r.key for r in whole]
    key = {
        QueueSort.OLDEST: lambda r: r.at,
        QueueSort.NEWEST: lambda r: -r.at.timestamp(),
        QueueSort.AMOUNT: lambda r: -(r.amount_fen or 0),
    }[sort]
    assert [key(r) for r in whole] == sorted(key(r) for r in whole)
    assert service.queue_count(supervisor, QueueFilter()).count == len(whole)


def test_counting_stops_at_its_cap(demo_station: app.Station) -> None:
    _crowd(demo_station, 60, seed=5)
    capped = demo_station.db.run(lambda s: queue_count(s, QueueFilter(), cap=50))
    assert capped.capped and capped.count == 50
    exact = demo_station.db.run(lambda s: queue_count(s, QueueFilter(), cap=10_000))
    assert not exact.capped and exact.count == 60 + 12 + 12

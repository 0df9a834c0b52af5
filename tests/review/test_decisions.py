from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from station import app
from station.domain.records import UserView
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility
from station.protocol.events import Decision
from station.protocol.wire import Change, ChangeKind, ChangesPage
from station.review.decisions import DecisionRequest
from station.review.errors import DecisionRefused
from station.review.rows import QueueFilter, QueueRow, ReviewFlag, RowKind
from station.review.service import ReviewService
from station.security import audit
from station.store.models import AuditEntry, Inspection, OutboxEvent
from station.sync.pull import apply_page
from tests.review.conftest import REFUSE, clean_orders, counts, finish


@pytest.fixture
def refused(demo_station: app.Station, inspector: UserView) -> str:
    """An inspection the inspector overrode to a refusal: in the queue, waiting."""
    return finish(
        demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE
    ).inspection.id


def row_of(station: app.Station, inspection_id: str) -> Inspection:
    return station.db.run(lambda s: s.get_one(Inspection, inspection_id))


def new_events(station: app.Station, after: int) -> list[OutboxEvent]:
    return station.db.run(
        lambda s: list(s.scalars(select(OutboxEvent).where(OutboxEvent.seq > after)))
    )


def new_audit(station: app.Station, after: int) -> list[AuditEntry]:
    return station.db.run(
        lambda s: list(s.scalars(select(AuditEntry).where(AuditEntry.seq > after)))
    )


def last_seq(station: app.Station) -> tuple[int, int]:
    def work(s: object) -> tuple[int, int]:
        event = s.scalar(select(OutboxEvent.seq).order_by(OutboxEvent.seq.desc()))  # type: ignore[attr-defined]
        entry = s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()))  # type: ignore[attr-defined]
        return event or 0, entry or 0

    return station.db.run(work)


def test_approving_keeps_the_verdict_and_writes_one_event_and_one_audit_entry(
    demo_station: app.Station, service: ReviewService, supervisor: UserView, refused: str
) -> None:
    before = row_of(demo_station, refused)
    events_at, audit_at = last_seq(demo_station)
    made = service.decide(supervisor, refused, DecisionRequest("核实：确有穿着痕迹", approve=True))
    after = row_of(demo_station, refused)
    assert (after.grade, after.refund_kind, after.refund_fen) == (
        before.grade,
        before.refund_kind,
        before.refund_fen,
    )
    assert not after.needs_review and not after.overturned and not made.overturned
    assert after.station_verdict is not None and after.station_verdict["grade"] == before.grade
    [event] = new_events(demo_station, events_at)
    assert event.kind == "decision.made" and event.event_id == made.event_id
    sent = Decision.model_validate(event.payload)
    assert sent == made.decision and sent.approve and sent.inspection_id == refused
    assert sent.decided_by == "S9001" and sent.reason == "核实：确有穿着痕迹"
    assert len(sent.decision_id) == 36 and sent.decision_id[14] == "7"  # a UUIDv7
    [entry] = new_audit(demo_station, audit_at)
    assert entry.action == "verdict_approved" and entry.actor == "supervisor:S9001"
    assert entry.details["decision_id"] == sent.decision_id
    assert demo_station.db.run(audit.verify).ok


def test_overturning_changes_any_field_and_keeps_the_station_verdict(
    demo_station: app.Station, service: ReviewService, supervisor: UserView, refused: str
) -> None:
    amount = service.evidence(supervisor, refused).amount_fen
    events_at, audit_at = last_seq(demo_station)
    made = service.decide(
        supervisor,
        refused,
        DecisionRequest(
            "照片显示为正常试穿，退全款",
            grade=Grade.B,
            disposition=Disposition.RESTOCK_OPEN_BOX,
            refund_kind=RefundKind.FULL,
            responsibility=Responsibility.CUSTOMER,
        ),
    )
    row = row_of(demo_station, refused)
    assert (row.grade, row.disposition, row.refund_kind, row.refund_fen) == (
        "B",
        "restock_open_box",
        "full",
        amount,
    )
    assert row.overturned and made.overturned
    assert set(made.changed) == {"grade", "disposition", "refund_kind", "refund_fen"}
    assert row.station_verdict is not None and row.station_verdict["refund_kind"] == "none"
    [event] = new_events(demo_station, events_at)
    assert event.payload["refund_kind"] == "full" and event.payload["refund_fen"] == amount
    assert event.payload["responsibility"] is None  # unchanged fields are not sent
    [entry] = new_audit(demo_station, audit_at)
    assert entry.action == "verdict_overturned"
    assert entry.details["decided"]["grade"] == "B"


@pytest.mark.parametrize("reason", ["", "   ", "\t\n", "原因\x07", "\u202e原因", "长" * 501])
def test_an_overturn_without_a_usable_reason_is_refused_and_nothing_is_written(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    refused: str,
    reason: str,
) -> None:
    before, row = counts(demo_station), row_of(demo_station, refused)
    with pytest.raises(DecisionRefused) as info:
        service.decide(supervisor, refused, DecisionRequest(reason, grade=Grade.A))
    assert "reason" in info.value.message("en") and "原因" in info.value.message("zh_CN")
    assert counts(demo_station) == before
    after = row_of(demo_station, refused)
    assert (after.grade, after.decision, after.needs_review) == (row.grade, None, True)


@pytest.mark.parametrize(
    ("request_", "says"),
    [
        (DecisionRequest("x", grade=Grade.C), "Nothing differs"),  # it is C already
        (DecisionRequest("x", approve=True, grade=Grade.A), "approval keeps"),
        (DecisionRequest("x", refund_kind=RefundKind.PARTIAL), "partial refund's amount"),
        (DecisionRequest("x", refund_kind=RefundKind.PARTIAL, refund_fen=0), "more than"),
        (DecisionRequest("x", refund_kind=RefundKind.PARTIAL, refund_fen=10**9), "less than"),
        (DecisionRequest("x", refund_kind=RefundKind.FULL, refund_fen=1), "whole amount"),
        (DecisionRequest("x", refund_fen=-5), "not possible"),
        (DecisionRequest("x", refund_fen=10**15), "not possible"),
        (DecisionRequest("x", refund_kind=RefundKind.NONE, refund_fen=100), "¥0"),
    ],
)
def test_incoherent_decisions_are_refused_with_the_reason(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    refused: str,
    request_: DecisionRequest,
    says: str,
) -> None:
    before = counts(demo_station)
    with pytest.raises(DecisionRefused, match=says):
        service.decide(supervisor, refused, request_)
    assert counts(demo_station) == before


def test_a_partial_refund_between_zero_and_the_amount_is_taken(
    demo_station: app.Station, service: ReviewService, supervisor: UserView, refused: str
) -> None:
    amount = service.evidence(supervisor, refused).amount_fen
    assert amount is not None
    made = service.decide(
        supervisor,
        refused,
        DecisionRequest(
            "轻微穿着，扣30%", refund_kind=RefundKind.PARTIAL, refund_fen=amount * 7 // 10
        ),
    )
    assert made.decision.refund_fen == amount * 7 // 10
    assert row_of(demo_station, refused).refund_kind == "partial"


def test_only_completed_inspections_can_be_decided(
    demo_station: app.Station, service: ReviewService, supervisor: UserView, inspector: UserView
) -> None:
    started = demo_station.workflow.scan(clean_orders(demo_station)[0], inspector)
    before = counts(demo_station)
    for key in (started.inspection.id, "0190f1e2-0000-7000-8000-00000000dead"):  # type: ignore[union-attr]
        with pytest.raises(DecisionRefused):
            service.decide(supervisor, key, DecisionRequest("看过了", approve=True))
    assert counts(demo_station) == before


def _page(decision: Decision, seq: int) -> ChangesPage:
    body = decision.model_dump(mode="json")
    change = Change(
        seq=seq, kind=ChangeKind.DECISION, key=decision.decision_id, body=body, at=datetime.now(UTC)
    )
    return ChangesPage(changes=[change], cursor=str(seq), more=False)


def test_the_decision_coming_back_from_central_is_not_applied_twice(
    demo_station: app.Station, service: ReviewService, supervisor: UserView, refused: str
) -> None:
    made = service.decide(supervisor, refused, DecisionRequest("改为部分退款", grade=Grade.B))
    before_row, before_counts = row_of(demo_station, refused), counts(demo_station)
    demo_station.db.run(
        lambda s: apply_page(
            s, _page(made.decision, 1), previous=None, station_id="ST-TEST", now=datetime.now(UTC)
        )
    )
    after = row_of(demo_station, refused)
    assert after.decision == before_row.decision and after.grade == "B"
    assert counts(demo_station) == before_counts  # no second audit entry, no event
    # another decision on it from central (a second supervisor) does apply
    other = made.decision.model_copy(
        update={"decision_id": "0190f1e2-0000-7000-8000-0000000000aa", "grade": Grade.D}
    )
    demo_station.db.run(
        lambda s: apply_page(
            s, _page(other, 2), previous="1", station_id="ST-TEST", now=datetime.now(UTC)
        )
    )
    assert row_of(demo_station, refused).grade == "D"


def test_a_decision_on_another_stations_inspection_is_sent_not_applied(
    demo_station: app.Station, service: ReviewService, supervisor: UserView
) -> None:
    remote = QueueRow(
        kind=RowKind.REMOTE,
        key="0190f1e2-0000-7000-8000-0000000000bb",
        at=datetime.now(UTC),
        rma_no="RMA20261119000123",
        sku="AP-TS-00-M",
        category=None,
        reason=None,
        inspector="I2001",
        station_id="ST-SH02",
        amount_fen=None,
        grade=Grade.C,
        disposition=Disposition.LIQUIDATE,
        refund_kind=RefundKind.NONE,
        refund_fen=0,
        flags=ReviewFlag.REFUSED,
    )
    events_at, audit_at = last_seq(demo_station)
    made = service.decide(supervisor, remote, DecisionRequest("同意上海仓结论", approve=True))
    [event] = new_events(demo_station, events_at)
    [entry] = new_audit(demo_station, audit_at)
    assert event.kind == "decision.made" and event.payload["inspection_id"] == remote.key
    assert entry.action == "decision_sent" and entry.details["station_id"] == "ST-SH02"
    assert made.decision.approve and not made.overturned
    with pytest.raises(DecisionRefused, match="amount"):
        service.decide(
            supervisor, remote, DecisionRequest("部分退", refund_kind=RefundKind.PARTIAL)
        )


def test_a_decided_inspection_leaves_the_queue(
    service: ReviewService, supervisor: UserView, refused: str
) -> None:
    def keys() -> set[str]:
        return {r.key for r in service.queue_page(supervisor, QueueFilter()).rows}

    assert refused in keys()
    service.decide(supervisor, refused, DecisionRequest("维持拒绝退款", approve=True))
    assert refused not in keys()

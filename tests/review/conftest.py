"""Fixtures for the review service: a supervisor, a clock the test sets, and real inspections
finished through the workflow with the flags a supervisor looks for."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from station import app
from station.domain.records import UserView
from station.protocol.enums import Disposition, Grade, OrderState, RefundKind
from station.protocol.template import QuestionKind
from station.qc.engine import Override, decide
from station.review.service import ReviewService
from station.store.models import AuditEntry, OutboxEvent, ReturnLine, ReturnOrder
from station.store.types import utcnow
from station.workflow import Completion, InspectionStarted
from tests.helpers import add_photos, good_answers


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(utcnow())


@pytest.fixture
def supervisor(demo_station: app.Station) -> UserView:
    return demo_station.auth.login("S9001", "9999")


@pytest.fixture
def admin(demo_station: app.Station) -> UserView:
    return demo_station.auth.login("A0001", "0000")


@pytest.fixture
def service(demo_station: app.Station, clock: Clock) -> ReviewService:
    return ReviewService(
        demo_station.db,
        station_id=demo_station.settings.station_id,
        rulebook=demo_station.workflow.rulebook,
        evidence=demo_station.evidence,
        clock=clock,
        utc_offset_minutes=480,
    )


def orders(
    station: app.Station,
    *,
    states: tuple[OrderState, ...] = (OrderState.RECEIVED, OrderState.IN_TRANSIT),
    where: Callable[[ReturnLine], bool] = lambda _line: True,
) -> list[str]:
    """RMA numbers of one-line demo orders the bench can inspect, whose line fits ``where``."""

    def work(s: object) -> list[str]:
        found = []
        query = select(ReturnOrder).where(ReturnOrder.state.in_([x.value for x in states]))
        for order in s.scalars(query.order_by(ReturnOrder.id)):  # type: ignore[attr-defined]
            if len(order.lines) == 1 and where(order.lines[0]):
                found.append(order.rma_no)
        return found

    return station.db.run(work)


def clean_orders(station: app.Station) -> list[str]:
    """Orders whose clean inspection is a plain full refund: no-reason returns in time, of
    returnable categories, below the high-value amount."""

    def work(s: object) -> list[str]:
        found = []
        query = (
            select(ReturnOrder)
            .where(
                ReturnOrder.state.in_(["received", "in_transit"]),
                ReturnOrder.reason == "no_reason_7d",
            )
            .order_by(ReturnOrder.id)
        )
        for order in s.scalars(query):  # type: ignore[attr-defined]
            line = order.lines[0]
            in_time = (order.requested_on - order.customer_received_on).days <= 7
            plain = line.category not in ("customised", "food") and line.unit_price_fen < 300_000
            if len(order.lines) == 1 and in_time and plain:
                found.append(order.rma_no)
        return found

    return station.db.run(work)


def finish(
    station: app.Station,
    rma: str,
    inspector: UserView,
    *,
    override: Override | None = None,
    swap: bool = False,
) -> Completion:
    """Inspect one item through the real workflow: answers, photos, verdict, completion.
    ``swap`` scans another code at the item check; ``override`` corrects the proposal."""
    started = station.workflow.scan(rma, inspector)
    assert isinstance(started, InspectionStarted), started
    answers = good_answers(started.checklist)
    if swap:
        for q in started.checklist.evaluate(answers).visible:
            if q.kind is QuestionKind.SCAN_MATCH:
                answers[q.id] = "6900000000000"
    first = started.checklist.evaluate(answers, photos={})
    add_photos(station, started, first.missing_photos)
    evaluation = started.checklist.evaluate(answers, photos={k: 1 for k in first.missing_photos})
    assert evaluation.complete, (evaluation.unanswered, evaluation.missing_photos)
    verdict = decide(evaluation, started.checklist.template, started.line.amount_fen, override)
    return station.workflow.complete(started.inspection.id, verdict, inspector)


REFUSE = Override(
    reason="吊牌已剪且有明显穿着痕迹",
    grade=Grade.C,
    disposition=Disposition.RETURN_TO_CUSTOMER,
    refund_kind=RefundKind.NONE,
)


def counts(station: app.Station) -> tuple[int, int]:
    """(outbox events, audit entries)."""
    return station.db.run(
        lambda s: (
            s.scalar(select(func.count()).select_from(OutboxEvent)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )
    )

"""The after-sales time limits a supervisor answers for: the refund is due within
``refund_due_days`` of the warehouse receiving the parcel, and a disputed verdict must be
reviewed within ``dispute_review_hours`` of the inspection. Items at risk come first: overdue
ones, then those with the least time left.

Open refunds are found through the order state's index (only orders the warehouse holds and
has not refunded are in those states); open reviews through the partial index
``ix_inspections_review_pending``. Either way only open items are read, however long the
history is.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from station.domain.labels import Language, label
from station.domain.policy import Policy
from station.protocol.enums import OrderState
from station.review.queue import PENDING
from station.store.models import Inspection, ReturnLine, ReturnOrder

_HELD: Final = (OrderState.RECEIVED, OrderState.INSPECTING, OrderState.INSPECTED)
REFUND_PENDING: Final = and_(
    ReturnOrder.state.in_([s.value for s in _HELD]),
    ReturnOrder.warehouse_received_at.is_not(None),
)


class LimitKind(StrEnum):
    REFUND = "refund"
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class DueItem:
    kind: LimitKind
    key: str  # RMA no. (refund) or inspection id (review)
    rma_no: str
    detail: str  # the order state's code (refund) or the SKU (review)
    since: datetime
    due_at: datetime

    def detail_text(self, language: Language) -> str:
        """The detail as a supervisor reads it: a refund's order state by its name."""
        if self.kind is LimitKind.REFUND:
            return label(OrderState(self.detail), language)
        return self.detail

    def left(self, now: datetime) -> timedelta:
        return self.due_at - now

    def overdue(self, now: datetime) -> bool:
        return self.due_at <= now


@dataclass(frozen=True, slots=True)
class LimitCounts:
    open: int
    overdue: int
    due_soon: int  # not overdue, due within the warning time


@dataclass(frozen=True, slots=True)
class TimeLimits:
    now: datetime
    refunds: LimitCounts
    reviews: LimitCounts
    items: tuple[DueItem, ...]  # at risk first


def _counts(
    session: Session, column: Any, pending: ColumnElement[bool], overdue: datetime, soon: datetime
) -> LimitCounts:
    counts: Any = session.execute(
        select(
            func.count(),
            func.sum(func.iif(column <= overdue, 1, 0)),
            func.sum(func.iif((column > overdue) & (column <= soon), 1, 0)),
        ).where(pending)
    ).one()
    total, late, close = counts
    return LimitCounts(int(total or 0), int(late or 0), int(close or 0))


def time_limits(
    session: Session,
    now: datetime,
    *,
    policy: Policy | None = None,
    warn: timedelta = timedelta(hours=8),
    limit: int = 50,
) -> TimeLimits:
    p = policy or Policy()
    refund_span = timedelta(days=p.refund_due_days)
    review_span = timedelta(hours=p.dispute_review_hours)
    r, i = ReturnOrder, Inspection
    refunds = _counts(
        session,
        r.warehouse_received_at,
        REFUND_PENDING,
        now - refund_span,
        now - refund_span + warn,
    )
    reviews = _counts(session, i.completed_at, PENDING, now - review_span, now - review_span + warn)
    limit = max(1, min(limit, 500))
    refund_rows: list[Any] = list(
        session.execute(
            select(r.rma_no, r.state, r.warehouse_received_at)
            .where(REFUND_PENDING)
            .order_by(r.warehouse_received_at)
            .limit(limit)
        )
    )
    oldest = select(i.id).where(PENDING).order_by(i.completed_at, i.id).limit(limit).subquery()
    review_rows: list[Any] = list(
        session.execute(
            select(i.id, r.rma_no, ReturnLine.sku, i.completed_at)
            .select_from(oldest)
            .join(i, i.id == oldest.c.id)
            .join(r, r.id == i.return_id)
            .join(ReturnLine, ReturnLine.id == i.return_line_id)
        )
    )
    refund_items = [
        DueItem(LimitKind.REFUND, rma, rma, state, at, at + refund_span)
        for rma, state, at in refund_rows
    ]
    review_items = sorted(
        (
            DueItem(LimitKind.REVIEW, key, rma, sku, at, at + review_span)
            for key, rma, sku, at in review_rows
        ),
        key=lambda d: (d.due_at, d.key),
    )
    merged = heapq.merge(refund_items, review_items, key=lambda d: (d.due_at, d.key))
    return TimeLimits(now, refunds, reviews, tuple(merged)[:limit])

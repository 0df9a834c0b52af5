"""Read queries and ORM → record mapping. Functions take the caller's session; none commits."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from station.domain.codes import ORDER_NO_PATTERN, RMA_PATTERN
from station.domain.enums import (
    Carrier,
    Category,
    Disposition,
    Grade,
    InspectionState,
    OrderState,
    RefundKind,
    Responsibility,
    ReturnReason,
)
from station.domain.records import InspectionView, LineView, OrderView, UnmatchedView
from station.store.models import (
    Inspection,
    ReturnLine,
    ReturnOrder,
    ReturnTracking,
    UnmatchedParcel,
)


def line_view(line: ReturnLine) -> LineView:
    return LineView(
        id=line.id,
        line_no=line.line_no,
        sku=line.sku,
        title=line.title,
        category=Category(line.category),
        qty=line.qty,
        unit_price_fen=line.unit_price_fen,
        ean=line.ean,
        expected_serial=line.expected_serial,
        batch=line.batch,
        accessories=tuple(str(a) for a in line.accessories),
    )


def order_view(order: ReturnOrder) -> OrderView:
    return OrderView(
        id=order.id,
        rma_no=order.rma_no,
        order_no=order.order_no,
        state=OrderState(order.state),
        reason=ReturnReason(order.reason),
        customer_received_on=order.customer_received_on,
        requested_on=order.requested_on,
        customer_masked=order.customer_masked,
        lines=tuple(line_view(line) for line in order.lines),
        tracking=tuple((Carrier(t.carrier), t.tracking_no) for t in order.tracking),
        reason_note=order.reason_note,
        platform=order.platform,
    )


def inspection_view(row: Inspection) -> InspectionView:
    return InspectionView(
        id=row.id,
        return_id=row.return_id,
        return_line_id=row.return_line_id,
        station_id=row.station_id,
        inspector_id=row.inspector_id,
        state=InspectionState(row.state),
        started_at=row.started_at,
        completed_at=row.completed_at,
        grade=Grade(row.grade) if row.grade else None,
        disposition=Disposition(row.disposition) if row.disposition else None,
        refund_kind=RefundKind(row.refund_kind) if row.refund_kind else None,
        refund_fen=row.refund_fen,
        refund_reason=row.refund_reason,
        responsibility=Responsibility(row.responsibility) if row.responsibility else None,
        answers=dict(row.answers),
    )


def unmatched_view(row: UnmatchedParcel) -> UnmatchedView:
    return UnmatchedView(
        id=row.id,
        code=row.code,
        station_id=row.station_id,
        inspector_id=row.inspector_id,
        received_at=row.received_at,
        resolved_return_id=row.resolved_return_id,
    )


_LIVE_STATES = (
    OrderState.IN_TRANSIT.value,
    OrderState.RECEIVED.value,
    OrderState.INSPECTING.value,
)


def find_order_id(session: Session, code: str) -> int | None:
    """The order a scanned code names: RMA no., return tracking no., or order no.

    The code's shape decides which index is asked first, so a scan costs one query; the
    others are still tried, because formats vary between platforms and carriers.
    """
    key = code.strip().upper()
    lookups = [_by_rma, _by_tracking, _by_order_no]
    if ORDER_NO_PATTERN.fullmatch(key):
        lookups = [_by_order_no, _by_tracking, _by_rma]
    elif not RMA_PATTERN.fullmatch(key):
        lookups = [_by_tracking, _by_rma, _by_order_no]
    for lookup in lookups:
        found = lookup(session, key)
        if found is not None:
            return found
    return None


def _by_rma(session: Session, key: str) -> int | None:
    return session.scalar(select(ReturnOrder.id).where(ReturnOrder.rma_no == key))


def _by_tracking(session: Session, key: str) -> int | None:
    return session.scalar(select(ReturnTracking.return_id).where(ReturnTracking.tracking_no == key))


def _by_order_no(session: Session, key: str) -> int | None:
    # One order can have several after-sales requests; the live one wins, then the newest.
    live = ReturnOrder.state.in_(_LIVE_STATES)
    return session.scalar(
        select(ReturnOrder.id)
        .where(ReturnOrder.order_no == key)
        .order_by(live.desc(), ReturnOrder.id.desc())
        .limit(1)
    )


def load_order(session: Session, order_id: int) -> ReturnOrder:
    order = (
        session.scalars(
            select(ReturnOrder)
            .where(ReturnOrder.id == order_id)
            .options(joinedload(ReturnOrder.lines), joinedload(ReturnOrder.tracking))
        )
        .unique()
        .first()
    )
    if order is None:
        raise LookupError(f"no after-sales order with id {order_id}")
    return order


def find_order(session: Session, code: str) -> OrderView | None:
    order_id = find_order_id(session, code)
    return None if order_id is None else order_view(load_order(session, order_id))


def open_inspection(session: Session, order_id: int) -> Inspection | None:
    return session.scalar(
        select(Inspection)
        .where(Inspection.return_id == order_id, Inspection.state == InspectionState.OPEN.value)
        .order_by(Inspection.started_at)
    )


def completed_line_ids(session: Session, order_id: int) -> set[int]:
    return set(
        session.scalars(
            select(Inspection.return_line_id).where(
                Inspection.return_id == order_id,
                Inspection.state == InspectionState.COMPLETED.value,
            )
        )
    )


def count_orders(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ReturnOrder)) or 0

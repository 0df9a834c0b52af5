"""Unmatched parcels (无头件): listing them, and linking one to its order once a supervisor
knows which it is.

Linking records the order on the parcel (who, when) in one transaction with an audit entry
and an ``unmatched.linked`` event. The parcel keeps its photos and its holding label; the
order's own state is not touched: scanning the order at a bench then starts its inspection
through the normal workflow, as for any parcel.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from station.capture.scan_text import BadScan, clean_scan
from station.domain.labels import label
from station.domain.records import UserView
from station.evidence.photos import live_evidence
from station.protocol.enums import OrderState
from station.protocol.events import UnmatchedLinked
from station.review.access import check_reviewer
from station.review.errors import LinkRefused
from station.security import audit
from station.security.actors import user_ref as actor
from station.store.models import ReturnOrder, UnmatchedParcel, User
from station.store.queries import find_order_id

MAX_LIST: Final = 2000
# a parcel cannot belong to an order that is already finished with
_CLOSED: Final = frozenset(
    {
        OrderState.REJECTED,
        OrderState.REFUNDED,
        OrderState.PARTIALLY_REFUNDED,
        OrderState.RETURNED_TO_CUSTOMER,
    }
)


@dataclass(frozen=True, slots=True)
class ParcelRow:
    id: str
    code: str
    station_id: str
    inspector: str
    received_at: datetime
    note: str
    photos: int
    linked_rma: str | None = None
    linked_at: datetime | None = None
    linked_by: str | None = None


@dataclass(frozen=True, slots=True)
class ParcelLinked:
    parcel: ParcelRow
    rma_no: str
    order_state: OrderState
    event_id: str


def parcels(
    session: Session,
    *,
    include_linked: bool = False,
    limit: int = MAX_LIST,
    only: str | None = None,
) -> list[ParcelRow]:
    """Unmatched parcels, oldest first (linked ones too if asked), with their photo count."""
    p = UnmatchedParcel
    receiver, linker = aliased(User), aliased(User)
    photos = live_evidence(unmatched_id=p.id).scalar_subquery()
    query = (
        select(
            p.id,
            p.code,
            p.station_id,
            receiver.display_name,
            p.received_at,
            p.note,
            photos,
            ReturnOrder.rma_no,
            p.resolved_at,
            linker.display_name,
        )
        .outerjoin(receiver, receiver.id == p.inspector_id)
        .outerjoin(linker, linker.id == p.resolved_by)
        .outerjoin(ReturnOrder, ReturnOrder.id == p.resolved_return_id)
        .order_by(p.received_at, p.id)
        .limit(max(1, min(limit, MAX_LIST)))
    )
    if only is not None:
        query = query.where(p.id == only)
    elif not include_linked:
        query = query.where(p.resolved_return_id.is_(None))
    rows: list[Any] = list(session.execute(query))
    return [_row(*r) for r in rows]


def _row(
    pid: str,
    code: str,
    station: str,
    receiver: str | None,
    received_at: datetime,
    note: str,
    photos: int,
    rma: str | None,
    linked_at: datetime | None,
    linker: str | None,
) -> ParcelRow:
    return ParcelRow(
        id=pid,
        code=code,
        station_id=sys.intern(station),
        inspector=receiver or "",
        received_at=received_at,
        note=note,
        photos=int(photos or 0),
        linked_rma=rma,
        linked_at=linked_at,
        linked_by=linker,
    )


def parcel(session: Session, parcel_id: str) -> ParcelRow:
    found = parcels(session, only=parcel_id)
    if found:
        return found[0]
    raise LinkRefused(f"There is no unmatched parcel {parcel_id}.", f"没有无头件 {parcel_id}。")


def link_parcel(
    session: Session, parcel_id: str, code: str, *, user: UserView, now: datetime
) -> ParcelLinked:
    """Link a parcel to the order ``code`` names (RMA, order or return tracking no.)."""
    check_reviewer(session, user)
    try:
        key = clean_scan(code)
    except BadScan as exc:
        raise LinkRefused(
            f"That is not an order code: {exc}.", f"这不是有效的单号：{exc}。"
        ) from exc
    row = session.get(UnmatchedParcel, parcel_id)
    if row is None:
        raise LinkRefused(f"There is no unmatched parcel {parcel_id}.", f"没有无头件 {parcel_id}。")
    if row.resolved_return_id is not None:
        linked = session.get(ReturnOrder, row.resolved_return_id)
        rma = linked.rma_no if linked else str(row.resolved_return_id)
        raise LinkRefused(
            f"Parcel {row.code} is already linked to {rma}.", f"包裹 {row.code} 已关联到 {rma}。"
        )
    order_id = find_order_id(session, key)
    if order_id is None:
        raise LinkRefused(
            f"No order matches {key}; check the RMA, order or tracking number.",
            f"没有与 {key} 匹配的售后单，请核对售后单号、订单号或运单号。",
        )
    order = session.get_one(ReturnOrder, order_id)
    state = OrderState(order.state)
    if state in _CLOSED:
        raise LinkRefused(
            f"Order {order.rma_no} is {label(state, 'en').lower()}: a parcel cannot join it.",
            f"售后单 {order.rma_no} 已{label(state, 'zh_CN')}，不能再关联包裹。",
        )
    row.resolved_return_id = order.id
    row.resolved_at = now
    row.resolved_by = user.id
    session.flush()
    photo_count = session.scalar(live_evidence(unmatched_id=row.id))
    event_id = audit.record(
        session,
        UnmatchedLinked(
            unmatched_id=row.id,
            rma_no=order.rma_no,
            code=row.code,
            linked_by=user.badge_id,
            linked_at=now,
        ),
        actor=actor(user),
        action="unmatched_linked",
        entity=f"unmatched:{row.id}",
        details={
            "code": row.code,
            "rma_no": order.rma_no,
            "order_state": state.value,
            "photos": int(photo_count or 0),
        },
        at=now,
    )
    return ParcelLinked(parcel(session, row.id), order.rma_no, state, event_id)

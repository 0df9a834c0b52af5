"""The parcels the demo camera films: the first orders the bench expects back."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.protocol.enums import OrderState
from station.store.models import ReturnOrder
from station.store.queries import load_order, order_view

PARCELS = 8


def expected_parcels(session: Session, limit: int = PARCELS) -> list[dict[str, object]]:
    """Manifest-like rows (RMA, tracking numbers, item codes) of orders still in transit."""
    rows = session.scalars(
        select(ReturnOrder)
        .where(ReturnOrder.state == OrderState.IN_TRANSIT.value)
        .order_by(ReturnOrder.id)
        .limit(limit)
    )
    parcels: list[dict[str, object]] = []
    for row in rows:
        order = order_view(load_order(session, row.id))
        parcels.append(
            {
                "rma_no": order.rma_no,
                "tracking": [{"carrier": c.value, "tracking_no": n} for c, n in order.tracking],
                "lines": [{"ean": line.ean, "sku": line.sku} for line in order.lines],
            }
        )
    return parcels

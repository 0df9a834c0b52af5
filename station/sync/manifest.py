"""Importing expected returns (parsed by :mod:`station.protocol.manifest`) into the store.

The good rows of a manifest are imported together in one transaction, so a manifest is never
half-loaded; bad rows are reported with their row number and reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from station.protocol.enums import OrderState
from station.protocol.manifest import MAX_KEPT_ERRORS, ManifestOrder, ParsedManifest, RowError
from station.protocol.masking import mask_customer, mask_phone
from station.security import audit
from station.store.models import Base, ReturnOrder, ReturnTracking
from station.store.types import utcnow


@dataclass(frozen=True, slots=True)
class ImportReport:
    imported: int
    already_present: int
    errors: tuple[RowError, ...]  # the first of them, by row
    rejected: int


def import_orders(
    session: Session,
    parsed: ParsedManifest,
    *,
    actor: str,
    source: str,
) -> ImportReport:
    """Insert the parsed orders that are not in the store yet, in the caller's transaction.

    Orders already present are left alone (re-importing a manifest is harmless); a tracking
    number that belongs to another order already in the store rejects its row.
    """
    errors = list(parsed.errors)
    rejected = parsed.rejected
    rows = parsed.orders
    existing = existing_values(session, ReturnOrder.rma_no, [o.rma_no for _, o in rows])
    taken = existing_values(
        session, ReturnTracking.tracking_no, [t.tracking_no for _, o in rows for t in o.tracking]
    )
    fresh: list[ManifestOrder] = []
    already_present = 0
    for row, order in rows:
        if order.rma_no in existing:
            already_present += 1
            continue
        clash = next((t.tracking_no for t in order.tracking if t.tracking_no in taken), None)
        if clash is not None:
            errors.append(RowError(row, f"tracking number {clash} belongs to another order"))
            rejected += 1
            continue
        fresh.append(order)
    insert_orders(session, fresh)
    errors.sort(key=lambda e: e.row)
    report = ImportReport(len(fresh), already_present, tuple(errors[:MAX_KEPT_ERRORS]), rejected)
    audit.append(
        session,
        actor=actor,
        action="manifest_imported",
        entity=f"manifest:{source[-100:]}",
        details={
            "imported": report.imported,
            "already_present": report.already_present,
            "rejected": report.rejected,
        },
    )
    return report


def existing_values(session: Session, column: Any, values: list[str], chunk: int = 900) -> set[str]:
    """Which of ``values`` the column already holds (asked in chunks of bound parameters)."""
    found: set[str] = set()
    for start in range(0, len(values), chunk):
        part = values[start : start + chunk]
        found.update(session.scalars(select(column).where(column.in_(part))))
    return found


def insert_orders(session: Session, orders: Iterable[ManifestOrder]) -> None:
    """Bulk insert with ids assigned here, so lines and parcels need no round trip per order."""
    next_id = (session.scalar(select(func.max(ReturnOrder.id))) or 0) + 1
    now = utcnow()
    order_rows: list[dict[str, Any]] = []
    line_rows: list[dict[str, Any]] = []
    tracking_rows: list[dict[str, Any]] = []
    for return_id, order in enumerate(orders, start=next_id):
        order_rows.append(
            {
                "id": return_id,
                "rma_no": order.rma_no,
                "order_no": order.order_no,
                "platform": order.platform,
                "reason": order.reason.value,
                "reason_note": mask_phone(order.reason_note),  # a note may hold a number
                "customer_received_on": order.customer_received_on,
                "requested_on": order.requested_on,
                "customer_masked": order.customer_masked
                or mask_customer(order.customer_name, order.customer_phone),
                "state": order.state.value,
                "warehouse_received_at": now if order.state is OrderState.RECEIVED else None,
                "created_at": now,
                "updated_at": now,
            }
        )
        line_rows.extend(
            {
                "return_id": return_id,
                "line_no": n,
                "sku": line.sku,
                "ean": line.ean,
                "title": line.title,
                "category": line.category.value,
                "qty": line.qty,
                "unit_price_fen": line.unit_price,
                "expected_serial": line.expected_serial,
                "batch": line.batch,
                "accessories": list(line.accessories),
            }
            for n, line in enumerate(order.lines, start=1)
        )
        tracking_rows.extend(
            {"tracking_no": t.tracking_no, "carrier": t.carrier.value, "return_id": return_id}
            for t in order.tracking
        )
    for table, batch in (
        (Base.metadata.tables["returns"], order_rows),
        (Base.metadata.tables["return_lines"], line_rows),
        (Base.metadata.tables["return_tracking"], tracking_rows),
    ):
        if batch:  # Core executemany: the ORM's bulk path costs 5x for no benefit here
            session.execute(insert(table), batch)

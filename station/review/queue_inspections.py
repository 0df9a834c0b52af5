"""The review queue's main source: completed inspections with a reason to look again.

Undecided ones come from the partial index ``ix_inspections_review_pending``, whose WHERE
clause is reused here verbatim, so SQLite can prove the query implies it and reads only the
open items however long the history. The page's ids are chosen on the inspections table
alone (filters on the line or order are correlated EXISTS checks, the search text goes
through the RMA, order, tracking and SKU indexes), then only that page is joined.
"""

from __future__ import annotations

import sys
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    Text,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from station.protocol.enums import (
    Category,
    Disposition,
    Grade,
    InspectionState,
    RefundKind,
    ReturnReason,
)
from station.review.keyset import ArmPage, ordered, rows, within
from station.review.rows import QueueFilter, QueueRow, ReviewFlag, RowKind
from station.review.text import prefix_bounds
from station.store.models import (
    Inspection,
    ReturnLine,
    ReturnOrder,
    ReturnTracking,
    User,
)

PENDING_INDEX: Final = "ix_inspections_review_pending"
_SWAP_RULES = ('"suspected_swap"', '"wrong_item_confirmed"')


def _pending_clause() -> ColumnElement[bool]:
    table = Inspection.__table__
    assert isinstance(table, Table)
    index = next(ix for ix in table.indexes if ix.name == PENDING_INDEX)
    clause: ColumnElement[bool] = index.dialect_options["sqlite"]["where"]
    return clause


PENDING: Final = _pending_clause()

# -- flags as SQL -------------------------------------------------------------------------------

_i, _l = Inspection, ReturnLine


def _high_value(threshold_fen: int) -> ColumnElement[bool]:
    return _l.unit_price_fen >= threshold_fen


def _mismatch() -> ColumnElement[bool]:
    rules = cast(_i.rules_fired, Text)
    return or_(*(func.instr(rules, token) > 0 for token in _SWAP_RULES))


def _flag_condition(flag: ReviewFlag, threshold_fen: int) -> ColumnElement[bool]:
    """The inspection-arm condition of one flag (only inspections, lines in scope)."""
    high = select(_l.id).where(_l.id == _i.return_line_id, _high_value(threshold_fen)).exists()
    conditions: dict[ReviewFlag, ColumnElement[bool]] = {
        ReviewFlag.OVERRIDDEN: _i.overridden.is_(True),
        ReviewFlag.REFUSED: _i.refund_kind == RefundKind.NONE.value,
        ReviewFlag.PARTIAL: _i.refund_kind == RefundKind.PARTIAL.value,
        ReviewFlag.HIGH_VALUE: high,
        ReviewFlag.RULE_REVIEW: _i.needs_review.is_(True),
        ReviewFlag.MISMATCH: _mismatch(),
        ReviewFlag.CARRIER_CLAIM: _i.carrier_claim.is_(True),
        ReviewFlag.DECIDED: _i.decision.is_not(None),
        ReviewFlag.OVERTURNED: _i.overturned.is_(True),
    }
    return conditions.get(flag, false())


def _flags_value(threshold_fen: int) -> ColumnElement[int]:
    """The row's flags as one integer, computed in the query."""
    parts: list[tuple[ColumnElement[bool], ReviewFlag]] = [
        (_i.overridden.is_(True), ReviewFlag.OVERRIDDEN),
        (_i.refund_kind == RefundKind.NONE.value, ReviewFlag.REFUSED),
        (_i.refund_kind == RefundKind.PARTIAL.value, ReviewFlag.PARTIAL),
        (_high_value(threshold_fen), ReviewFlag.HIGH_VALUE),
        (_i.needs_review.is_(True), ReviewFlag.RULE_REVIEW),
        (_mismatch(), ReviewFlag.MISMATCH),
        (_i.carrier_claim.is_(True), ReviewFlag.CARRIER_CLAIM),
        (_i.decision.is_not(None), ReviewFlag.DECIDED),
        (_i.overturned.is_(True), ReviewFlag.OVERTURNED),
    ]
    total: ColumnElement[int] = literal(0)
    for condition, flag in parts:
        total = total + case((condition, int(flag)), else_=0)
    return total


def inspection_where(f: QueueFilter, threshold_fen: int) -> list[ColumnElement[bool]]:
    i, line, order = Inspection, ReturnLine, ReturnOrder
    conditions: list[ColumnElement[bool]] = []
    if f.include_decided:
        conditions.append(i.state == InspectionState.COMPLETED.value)
        conditions.append(
            or_(
                i.needs_review.is_(True),
                i.overridden.is_(True),
                i.refund_kind.in_((RefundKind.PARTIAL.value, RefundKind.NONE.value)),
                i.carrier_claim.is_(True),
                i.decision.is_not(None),
            )
        )
    else:
        conditions.append(PENDING)
    conditions += within(f, i.completed_at, i.inspector_id)
    if f.category is not None:
        conditions.append(
            select(line.id)
            .where(line.id == i.return_line_id, line.category == f.category.value)
            .exists()
        )
    if f.reason is not None:
        conditions.append(
            select(order.id).where(order.id == i.return_id, order.reason == f.reason.value).exists()
        )
    if f.flag is not None:
        conditions.append(_flag_condition(f.flag, threshold_fen))
    if f.text:
        conditions.append(_text_match(f.text))
    return conditions


def inspection_arm(session: Session, asked: ArmPage) -> list[QueueRow]:
    i, line, order = Inspection, ReturnLine, ReturnOrder
    threshold_fen, descending = asked.high_value_fen, asked.sort.descending
    amount = (
        select(line.unit_price_fen * line.qty).where(line.id == i.return_line_id).scalar_subquery()
    )
    sort_value = asked.sort_value(i.completed_at, amount)
    chosen: Select[str, Any] = select(i.id.label("id"), sort_value.label("sv")).where(
        *inspection_where(asked.filters, threshold_fen)
    )
    page = asked.of(chosen, sort_value, i.id, RowKind.INSPECTION).subquery()
    query = (
        select(
            page.c.id,
            i.completed_at,
            order.rma_no,
            line.sku,
            line.category,
            order.reason,
            User.display_name,
            i.station_id,
            line.unit_price_fen * line.qty,
            i.grade,
            i.disposition,
            i.refund_kind,
            i.refund_fen,
            _flags_value(threshold_fen),
            i.override_reason,
        )
        .select_from(page)
        .join(i, i.id == page.c.id)
        .join(line, line.id == i.return_line_id)
        .join(order, order.id == i.return_id)
        .outerjoin(User, User.id == i.inspector_id)
        .order_by(ordered(page.c.sv, descending), ordered(page.c.id, descending))
    )
    shared: dict[int, int] = {}  # amounts repeat: one int object each (rows stay light)
    return [
        QueueRow(
            kind=RowKind.INSPECTION,
            key=key,
            at=at,
            rma_no=rma,
            sku=sys.intern(sku),
            category=Category(category),
            reason=ReturnReason(reason),
            inspector=sys.intern(name or ""),
            station_id=sys.intern(station),
            amount_fen=shared.setdefault(amount_fen, amount_fen),
            grade=Grade(grade) if grade else None,
            disposition=Disposition(disposition) if disposition else None,
            refund_kind=RefundKind(refund_kind) if refund_kind else None,
            refund_fen=None if refund_fen is None else shared.setdefault(refund_fen, refund_fen),
            flags=ReviewFlag(flags),
            note=sys.intern(note[:200]),
        )
        for (
            key,
            at,
            rma,
            sku,
            category,
            reason,
            name,
            station,
            amount_fen,
            grade,
            disposition,
            refund_kind,
            refund_fen,
            flags,
            note,
        ) in rows(session, query)
    ]


def _text_match(text: str) -> ColumnElement[bool]:
    """RMA or SKU by prefix, order or tracking no. exactly: each through its own index."""
    i, line, order = Inspection, ReturnLine, ReturnOrder
    low, high = prefix_bounds(text)
    orders = select(order.id).where(
        or_(and_(order.rma_no >= low, order.rma_no < high), order.order_no == text)
    )
    parcels = select(ReturnTracking.return_id).where(ReturnTracking.tracking_no == text)
    lines = select(line.id).where(line.sku >= low, line.sku < high)
    return or_(i.return_id.in_(orders), i.return_id.in_(parcels), i.return_line_id.in_(lines))

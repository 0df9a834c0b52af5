"""The review queue's other sources: unresolved unmatched parcels, and events the central
service refused (parked by sync). Both tables are small; each arm is one ordered query."""

from __future__ import annotations

import sys
from typing import Any

from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    func,
    literal,
    select,
)
from sqlalchemy.orm import Session

from station.review.keyset import RANK, after, ordered, rows
from station.review.rows import QueueCursor, QueueFilter, QueueRow, QueueSort, ReviewFlag, RowKind
from station.store.models import (
    OutboxEvent,
    UnmatchedParcel,
    User,
)


def unmatched_where(f: QueueFilter) -> list[ColumnElement[bool]] | None:
    p = UnmatchedParcel
    if f.category is not None or f.reason is not None:
        return None
    if f.flag not in (None, ReviewFlag.UNMATCHED, ReviewFlag.DECIDED):
        return None
    conditions: list[ColumnElement[bool]] = []
    if f.flag is ReviewFlag.DECIDED:
        conditions.append(p.resolved_return_id.is_not(None))
    elif not f.include_decided:
        conditions.append(p.resolved_return_id.is_(None))
    if f.since is not None:
        conditions.append(p.received_at >= f.since)
    if f.until is not None:
        conditions.append(p.received_at < f.until)
    if f.inspector_id is not None:
        conditions.append(p.inspector_id == f.inspector_id)
    if f.text:
        conditions.append(func.instr(func.upper(p.code), f.text) > 0)
    return conditions


def unmatched_arm(
    session: Session,
    f: QueueFilter,
    sort: QueueSort,
    cursor: QueueCursor | None,
    limit: int,
    _threshold_fen: int,
) -> list[QueueRow]:
    p = UnmatchedParcel
    conditions = unmatched_where(f)
    if conditions is None:
        return []
    descending = sort is not QueueSort.OLDEST
    sort_value: SQLColumnExpression[Any] = literal(0) if sort is QueueSort.AMOUNT else p.received_at
    conditions.append(after(sort_value, p.id, RANK[RowKind.UNMATCHED], cursor, descending))
    query = (
        select(p.id, p.received_at, p.code, User.display_name, p.station_id, p.note)
        .add_columns(p.resolved_return_id)
        .outerjoin(User, User.id == p.inspector_id)
        .where(*conditions)
        .order_by(ordered(sort_value, descending), ordered(p.id, descending))
        .limit(limit)
    )
    return [
        QueueRow(
            kind=RowKind.UNMATCHED,
            key=key,
            at=at,
            rma_no=code,
            sku="",
            category=None,
            reason=None,
            inspector=sys.intern(name or ""),
            station_id=sys.intern(station),
            amount_fen=None,
            grade=None,
            disposition=None,
            refund_kind=None,
            refund_fen=None,
            flags=ReviewFlag.UNMATCHED | (ReviewFlag.DECIDED if resolved else ReviewFlag.NONE),
            note=note[:200],
        )
        for key, at, code, name, station, note, resolved in rows(session, query)
    ]


def _parked_rma() -> ColumnElement[str]:
    return func.coalesce(func.json_extract(OutboxEvent.payload, "$.rma_no"), "")


def parked_where(f: QueueFilter) -> list[ColumnElement[bool]] | None:
    e = OutboxEvent
    narrowed = f.category is not None or f.reason is not None or f.inspector_id is not None
    if narrowed or f.flag not in (None, ReviewFlag.PARKED):
        return None
    conditions: list[ColumnElement[bool]] = [e.sent_at.is_(None), e.parked.is_(True)]
    if f.since is not None:
        conditions.append(e.created_at >= f.since)
    if f.until is not None:
        conditions.append(e.created_at < f.until)
    if f.text:
        conditions.append(func.instr(func.upper(_parked_rma()), f.text) > 0)
    return conditions


def parked_arm(
    session: Session,
    f: QueueFilter,
    sort: QueueSort,
    cursor: QueueCursor | None,
    limit: int,
    _threshold_fen: int,
) -> list[QueueRow]:
    e = OutboxEvent
    conditions = parked_where(f)
    if conditions is None:
        return []
    descending = sort is not QueueSort.OLDEST
    sort_value: SQLColumnExpression[Any] = literal(0) if sort is QueueSort.AMOUNT else e.created_at
    rma = _parked_rma()
    conditions.append(after(sort_value, e.event_id, RANK[RowKind.PARKED], cursor, descending))
    query = (
        select(e.event_id, e.created_at, rma, e.kind, e.last_error)
        .where(*conditions)
        .order_by(ordered(sort_value, descending), ordered(e.event_id, descending))
        .limit(limit)
    )
    return [
        QueueRow(
            kind=RowKind.PARKED,
            key=key,
            at=at,
            rma_no=str(rma_no),
            sku=kind,
            category=None,
            reason=None,
            inspector="",
            station_id="",
            amount_fen=None,
            grade=None,
            disposition=None,
            refund_kind=None,
            refund_fen=None,
            flags=ReviewFlag.PARKED,
            note=error[:200],
        )
        for key, at, rma_no, kind, error in rows(session, query)
    ]

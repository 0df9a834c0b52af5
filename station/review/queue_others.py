"""The review queue's other sources: unresolved unmatched parcels, and events the central
service refused (parked by sync). Both tables are small; each arm is one ordered query."""

from __future__ import annotations

import sys

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from station.review.keyset import ArmPage, rows, within
from station.review.rows import QueueFilter, QueueRow, ReviewFlag, RowKind
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
    conditions += within(f, p.received_at, p.inspector_id)
    if f.text:
        conditions.append(func.instr(func.upper(p.code), f.text) > 0)
    return conditions


def unmatched_arm(session: Session, asked: ArmPage) -> list[QueueRow]:
    p = UnmatchedParcel
    conditions = unmatched_where(asked.filters)
    if conditions is None:
        return []
    query = (
        select(p.id, p.received_at, p.code, User.display_name, p.station_id, p.note)
        .add_columns(p.resolved_return_id)
        .outerjoin(User, User.id == p.inspector_id)
        .where(*conditions)
    )
    page = asked.of(query, asked.sort_value(p.received_at), p.id, RowKind.UNMATCHED)
    return [
        QueueRow(
            kind=RowKind.UNMATCHED,
            key=key,
            at=at,
            rma_no=code,
            inspector=sys.intern(name or ""),
            station_id=sys.intern(station),
            flags=ReviewFlag.UNMATCHED | (ReviewFlag.DECIDED if resolved else ReviewFlag.NONE),
            note=note[:200],
        )
        for key, at, code, name, station, note, resolved in rows(session, page)
    ]


def _parked_rma() -> ColumnElement[str]:
    return func.coalesce(func.json_extract(OutboxEvent.payload, "$.rma_no"), "")


def parked_where(f: QueueFilter) -> list[ColumnElement[bool]] | None:
    e = OutboxEvent
    narrowed = f.category is not None or f.reason is not None or f.inspector_id is not None
    if narrowed or f.flag not in (None, ReviewFlag.PARKED):
        return None
    conditions: list[ColumnElement[bool]] = [e.sent_at.is_(None), e.parked.is_(True)]
    conditions += within(f, e.created_at)
    if f.text:
        conditions.append(func.instr(func.upper(_parked_rma()), f.text) > 0)
    return conditions


def parked_arm(session: Session, asked: ArmPage) -> list[QueueRow]:
    e = OutboxEvent
    conditions = parked_where(asked.filters)
    if conditions is None:
        return []
    query = select(e.event_id, e.created_at, _parked_rma(), e.kind, e.last_error).where(*conditions)
    page = asked.of(query, asked.sort_value(e.created_at), e.event_id, RowKind.PARKED)
    return [
        QueueRow(
            kind=RowKind.PARKED,
            key=key,
            at=at,
            rma_no=str(rma_no),
            sku=kind,
            flags=ReviewFlag.PARKED,
            note=error[:200],
        )
        for key, at, rma_no, kind, error in rows(session, page)
    ]

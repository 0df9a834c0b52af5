"""The review queue in SQL: what needs a supervisor's second look, filtered, sorted and paged
by the database over indexed columns.

Three sources ("arms") feed the queue: completed inspections with a reason to look again,
unresolved unmatched parcels, and events the central service refused. Each arm is one indexed
query that returns at most a page, in the page's order, after a keyset cursor (so page 500 is
as quick as page 1); the arms' pages are then merged, which touches at most three pages of
rows. Undecided inspections come from the partial index ``ix_inspections_review_pending``,
whose WHERE clause this module reuses verbatim so SQLite can prove the query implies it.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Final

from sqlalchemy import ColumnElement, SQLColumnExpression, func, select
from sqlalchemy.orm import Session

from station.review.keyset import RANK, ArmPage
from station.review.queue_inspections import PENDING, inspection_arm, inspection_where
from station.review.queue_others import parked_arm, parked_where, unmatched_arm, unmatched_where
from station.review.rows import (
    QueueCount,
    QueueCursor,
    QueueFilter,
    QueuePage,
    QueueRow,
    QueueSort,
    RowKind,
)
from station.review.text import clean_search
from station.store.models import Inspection, OutboxEvent, UnmatchedParcel

__all__ = ["MAX_PAGE", "PENDING", "normalised", "queue_count", "queue_page"]

MAX_PAGE: Final = 1000

Arm = Callable[[Session, ArmPage], list[QueueRow]]

_ARMS: Final[tuple[tuple[RowKind, Arm], ...]] = (
    (RowKind.INSPECTION, inspection_arm),
    (RowKind.UNMATCHED, unmatched_arm),
    (RowKind.PARKED, parked_arm),
)


def _sort_key(sort: QueueSort) -> Callable[[QueueRow], tuple[Any, int, str]]:
    def key(row: QueueRow) -> tuple[Any, int, str]:
        value: Any = (row.amount_fen or 0) if sort is QueueSort.AMOUNT else row.at
        return value, RANK[row.kind], row.key

    return key


def normalised(f: QueueFilter) -> QueueFilter:
    """The filter with its search text cleaned (raises :class:`BadInput`)."""
    text = clean_search(f.text) if f.text else ""
    return f if text == f.text else replace(f, text=text)


def queue_page(
    session: Session,
    filters: QueueFilter,
    *,
    sort: QueueSort = QueueSort.OLDEST,
    after: QueueCursor | None = None,
    limit: int = 100,
    high_value_fen: int = 300_000,
) -> QueuePage:
    """One page of the queue, after ``after`` (None: the first page)."""
    limit = max(1, min(limit, MAX_PAGE))
    f = normalised(filters)
    asked = ArmPage(f, sort, after, limit + 1, high_value_fen)  # one more: is there a next?
    streams = [arm(session, asked) for _, arm in _ARMS]
    key = _sort_key(sort)
    merged = list(heapq.merge(*streams, key=key, reverse=sort.descending))
    rows = tuple(merged[:limit])
    if len(merged) <= limit or not rows:
        return QueuePage(rows, None)
    value, rank, last = key(rows[-1])
    return QueuePage(rows, QueueCursor(value, rank, last))


def queue_count(
    session: Session, filters: QueueFilter, *, cap: int = 10_000, high_value_fen: int = 300_000
) -> QueueCount:
    """How many rows the filter selects, counting no further than ``cap``."""
    f = normalised(filters)
    keyed: list[tuple[SQLColumnExpression[Any], list[ColumnElement[bool]] | None]] = [
        (Inspection.id, inspection_where(f, high_value_fen)),
        (UnmatchedParcel.id, unmatched_where(f)),
        (OutboxEvent.seq, parked_where(f)),
    ]
    total = 0
    for key, conditions in keyed:
        if conditions is None:
            continue
        limited = select(key).where(*conditions).limit(cap + 1 - total).subquery()
        total += session.scalar(select(func.count()).select_from(limited)) or 0
        if total > cap:
            return QueueCount(cap, True)
    return QueueCount(total, False)

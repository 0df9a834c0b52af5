"""Keyset paging for the review queue: "the rows after this one" in the order (sort value,
source rank, key), in either direction, as SQL that can start an index scan at the cursor
(page 500 costs what page 1 costs)."""

from __future__ import annotations

from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    and_,
    or_,
    true,
)
from sqlalchemy.orm import Session

from station.review.rows import QueueCursor, RowKind

RANK: Final = {RowKind.INSPECTION: 0, RowKind.UNMATCHED: 1, RowKind.PARKED: 2, RowKind.REMOTE: 3}


def after(
    sort_value: SQLColumnExpression[Any],
    key: SQLColumnExpression[Any],
    rank: int,
    cursor: QueueCursor | None,
    descending: bool,
) -> ColumnElement[bool]:
    """Rows after ``cursor`` in the order (sort value, arm rank, key), both directions; the
    plain bound on the sort value lets SQLite start its index scan at the cursor."""
    if cursor is None:
        return true()
    v = cursor.value
    if descending:
        bound, beyond, before_key = sort_value <= v, sort_value < v, key < cursor.key
    else:
        bound, beyond, before_key = sort_value >= v, sort_value > v, key > cursor.key
    if (rank < cursor.rank) == descending and rank != cursor.rank:
        return bound  # this arm sorts after the cursor's arm on equal values
    if rank != cursor.rank:
        return beyond
    return and_(bound, or_(beyond, and_(sort_value == v, before_key)))


def ordered(expr: SQLColumnExpression[Any], descending: bool) -> ColumnElement[Any]:
    return expr.desc() if descending else expr.asc()


def rows(session: Session, query: Any) -> list[Any]:
    """The result rows, untyped: wide selects are beyond the typed tuple overloads."""
    found: list[Any] = list(session.execute(query))
    return found

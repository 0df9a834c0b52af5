"""Keyset paging for the review queue: "the rows after this one" in the order (sort value,
source rank, key), in either direction, as SQL that can start an index scan at the cursor
(page 500 costs what page 1 costs); and what each source ("arm") of the queue asks the same
way: one page of it (:class:`ArmPage`), and the filter's period and inspector."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    literal,
    or_,
    true,
)
from sqlalchemy.orm import Session

from station.review.rows import QueueCursor, QueueFilter, QueueSort, RowKind

Query = TypeVar("Query", bound="Select[*tuple[Any, ...]]")
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


@dataclass(frozen=True, slots=True)
class ArmPage:
    """One page asked of one arm: its filter, order, starting point and size."""

    filters: QueueFilter
    sort: QueueSort
    cursor: QueueCursor | None
    limit: int
    high_value_fen: int

    def sort_value(
        self, at: SQLColumnExpression[Any], amount: SQLColumnExpression[Any] | None = None
    ) -> SQLColumnExpression[Any]:
        """What the arm's rows sort by: their time, or their amount (none: all alike)."""
        if self.sort is not QueueSort.AMOUNT:
            return at
        return literal(0) if amount is None else amount

    def of(
        self,
        query: Query,
        sort_value: SQLColumnExpression[Any],
        key: SQLColumnExpression[Any],
        kind: RowKind,
    ) -> Query:
        """``query``'s rows after the cursor, in the queue's order, no more than a page."""
        descending = self.sort.descending
        return (
            query.where(after(sort_value, key, RANK[kind], self.cursor, descending))
            .order_by(ordered(sort_value, descending), ordered(key, descending))
            .limit(self.limit)
        )


def within(
    f: QueueFilter,
    at: SQLColumnExpression[Any],
    inspector: SQLColumnExpression[Any] | None = None,
) -> list[ColumnElement[bool]]:
    """The filter's period, and its inspector where the arm knows who, as conditions."""
    conditions: list[ColumnElement[bool]] = []
    if f.since is not None:
        conditions.append(at >= f.since)
    if f.until is not None:
        conditions.append(at < f.until)
    if f.inspector_id is not None and inspector is not None:
        conditions.append(inspector == f.inspector_id)
    return conditions

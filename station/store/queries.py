"""Read queries and ORM → record mapping. Functions take the caller's session; none commits."""

from __future__ import annotations

from dataclasses import fields
from enum import StrEnum
from functools import cache
from types import UnionType
from typing import TYPE_CHECKING, TypeVar, get_args, get_type_hints

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from station.domain.codes import ORDER_NO_PATTERN, RMA_PATTERN, code_or_none
from station.domain.records import InspectionView, LineView, OrderView, UnmatchedView
from station.protocol.enums import Carrier, InspectionState, OrderState
from station.store.models import (
    Inspection,
    ReturnLine,
    ReturnOrder,
    ReturnTracking,
    UnmatchedParcel,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Record = TypeVar("Record", bound="DataclassInstance")


def record_of(kind: type[Record], row: object, **converted: object) -> Record:
    """The record ``kind`` with each field read from ``row``'s attribute of the same name, a
    stored code becoming the enum the field is declared with (None for an empty optional
    one); ``converted`` gives the fields that need more than that (nested records)."""
    codes = _code_fields(kind)
    values = {}
    for name in _field_names(kind):
        if name in converted:
            values[name] = converted[name]
        elif name in codes:
            code, optional = codes[name]
            value = getattr(row, name)
            values[name] = code_or_none(code, value) if optional else code(value)
        else:
            values[name] = getattr(row, name)
    return kind(**values)


@cache
def _field_names(kind: type[DataclassInstance]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


@cache
def _code_fields(kind: type[DataclassInstance]) -> dict[str, tuple[type[StrEnum], bool]]:
    """The fields of ``kind`` declared as a code (``Grade``) or an optional one
    (``Grade | None``): each one's enum, and whether it is optional."""
    found = {}
    for name, hint in get_type_hints(kind).items():
        optional = isinstance(hint, UnionType) and type(None) in get_args(hint)
        for candidate in get_args(hint) if optional else (hint,):
            if isinstance(candidate, type) and issubclass(candidate, StrEnum):
                found[name] = (candidate, optional)
    return found


def line_view(line: ReturnLine) -> LineView:
    return record_of(LineView, line, accessories=tuple(str(a) for a in line.accessories))


def order_view(order: ReturnOrder) -> OrderView:
    return record_of(
        OrderView,
        order,
        lines=tuple(line_view(line) for line in order.lines),
        tracking=tuple((Carrier(t.carrier), t.tracking_no) for t in order.tracking),
    )


def inspection_view(row: Inspection) -> InspectionView:
    return record_of(InspectionView, row, answers=dict(row.answers))


def unmatched_view(row: UnmatchedParcel) -> UnmatchedView:
    return record_of(UnmatchedView, row)


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

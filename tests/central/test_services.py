"""The pure parts of the services: canonical JSON, hostile-JSON checks, cursors, digests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from central.services.changes import parse_cursor
from central.services.errors import Refused
from central.services.events import event_digest
from central.services.jsonsafe import canonical, problem
from central.services.publishing import manifest_body
from station.protocol.manifest import ManifestOrder
from station.protocol.wire import Event
from tests.central.client import manifest_row


def test_canonical_json_does_not_depend_on_key_order() -> None:
    assert canonical({"b": 1, "a": [1, "中"]}) == canonical({"a": [1, "中"], "b": 1})
    assert canonical({"a": "中"}) == '{"a":"中"}'.encode()


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ({"a": "x\x00"}, "NUL"),
        ({"\x00": 1}, "NUL"),
        ({"a": "\udc80"}, "surrogate"),
        ({"a": float("nan")}, "NaN"),
        ({"a": [float("-inf")]}, "infinite"),
        ({"a": {1, 2}}, "not JSON"),
    ],
)
def test_values_a_database_cannot_hold_are_named(value: object, why: str) -> None:
    found = problem(value)
    assert found is not None and why in found


def test_nesting_is_counted_without_recursion() -> None:
    deep: object = 1
    for _ in range(100_000):
        deep = [deep]
    assert problem(deep) == "nested deeper than 32 levels"
    shallow: object = 1
    for _ in range(32):
        shallow = {"k": shallow}
    assert problem(shallow) is None


def test_ordinary_payloads_pass() -> None:
    assert problem({"answers": {"q": True, "n": 1.5, "t": "好", "l": [None, 1]}}) is None


@pytest.mark.parametrize("raw", ["abc", "-1", "1.0", "１", "1\n", "9" * 19, " 1"])
def test_malformed_cursors_are_refused(raw: str) -> None:
    with pytest.raises(Refused):
        parse_cursor(raw)


def test_cursors_are_numbers_and_none_is_the_start() -> None:
    assert parse_cursor(None) == 0 and parse_cursor("") == 0 and parse_cursor("0042") == 42


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10_000_000), places=2))
def test_a_published_return_reads_back_as_the_same_order(price: Decimal) -> None:
    row = manifest_row("RMA0000000001")
    row["lines"][0]["unit_price"] = str(price)
    order = ManifestOrder.model_validate(row)
    # the same order, with the customer as stations get them: masked
    published = ManifestOrder.model_validate(manifest_body(order))
    assert published.customer_masked == "张* 138****8000"
    assert published == order.model_copy(
        update={"customer_name": "", "customer_phone": "", "customer_masked": "张* 138****8000"}
    )


def test_the_event_digest_sees_the_instant_not_its_spelling() -> None:
    base = {
        "event_id": "0190f3a1-1d2c-7e4f-8a9b-0c1d2e3f4a5b",
        "seq": 1,
        "kind": "inspection.cancelled",
        "station_id": "ST-1",
        "payload": {"b": 1, "a": 2},
    }
    at = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    utc = Event.model_validate(base | {"created_at": at})
    beijing = Event.model_validate(
        base | {"created_at": at.astimezone(timezone(timedelta(hours=8)))}
    )
    other = Event.model_validate(base | {"created_at": at, "payload": {"a": 2, "b": 2}})
    assert event_digest(utc) == event_digest(beijing) != event_digest(other)

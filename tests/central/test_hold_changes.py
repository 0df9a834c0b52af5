"""A dispute's hold on an inspection's evidence, published as a change for the warehouse of the
station that recorded the inspection, and for no other."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine

from central.db.session import make_engine, session_factory, write
from central.services.errors import Invalid, NotFound
from central.services.holds import MAX_REASON, fitting, publish_hold
from station.protocol.wire import EvidenceHold
from tests.central.client import Api, complete_inspection
from tests.central.servers import CentralServer


@pytest.fixture
def engine(central: CentralServer) -> Iterator[Engine]:
    engine = make_engine(central.database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def east(central: CentralServer) -> Iterator[Api]:
    """A station of another warehouse."""
    client = Api(central).register(warehouse="EAST")
    yield client
    client.close()


def hold(engine: Engine, inspection_id: str, **fields: Any) -> int:
    """Publish as the dispute desk does, in a transaction of its own."""
    fields = {"held": True, "reason": "case 4471", "dispute_id": str(uuid.uuid4())} | fields
    with session_factory(engine)() as session:
        return write(
            session,
            lambda s: publish_hold(s, inspection_id, now=datetime.now(UTC), **fields),
        )


def holds_for(api: Api, since: str) -> list[dict[str, Any]]:
    return [c for c in api.all_changes(since) if c["kind"] == "hold"]


def test_a_hold_change_goes_to_the_recording_stations_warehouse_only(
    api: Api, other: Api, east: Api, engine: Engine
) -> None:
    inspection_id, _ = complete_inspection(api)
    starts = {client: client.cursor_now() for client in (api, other, east)}
    dispute = str(uuid.uuid4())
    seq = hold(engine, inspection_id, reason="天猫 case 4471: 空箱", dispute_id=dispute)
    [change] = holds_for(api, starts[api])
    assert (change["seq"], change["key"]) == (seq, inspection_id)
    body = EvidenceHold.model_validate(change["body"])
    assert (body.inspection_id, body.held, body.reason, body.dispute) == (
        inspection_id,
        True,
        "天猫 case 4471: 空箱",
        dispute,
    )
    assert holds_for(other, starts[other]) == [change]  # the same warehouse: it skips it
    assert holds_for(east, starts[east]) == []

    released = hold(engine, inspection_id, held=False, reason="", dispute_id=dispute)
    assert released > seq
    [_, lifted] = holds_for(api, starts[api])
    assert lifted["body"]["held"] is False and lifted["seq"] == released
    assert holds_for(east, starts[east]) == []


def test_a_hold_for_another_warehouses_inspection_reaches_that_warehouse(
    api: Api, east: Api, engine: Engine
) -> None:
    inspection_id, _ = complete_inspection(east)
    since, there = api.cursor_now(), east.cursor_now()
    hold(engine, inspection_id)
    assert [c["key"] for c in holds_for(east, there)] == [inspection_id]
    assert holds_for(api, since) == []


def test_an_unknown_inspection_is_not_found_and_nothing_is_published(
    api: Api, engine: Engine
) -> None:
    since = api.cursor_now()
    for unknown in (str(uuid.uuid4()), "x" * 10_000):
        with pytest.raises(NotFound):
            hold(engine, unknown)
    assert holds_for(api, since) == []


@pytest.mark.parametrize("dispute", ["", "x" * 37, "D 1", "D1\n", "../D1"])
def test_a_dispute_id_the_protocol_cannot_carry_is_invalid(
    api: Api, engine: Engine, dispute: str
) -> None:
    inspection_id, _ = complete_inspection(api)
    since = api.cursor_now()
    with pytest.raises(Invalid, match="dispute"):
        hold(engine, inspection_id, dispute_id=dispute)
    assert holds_for(api, since) == []


def test_a_hostile_reason_is_made_to_fit_so_the_hold_still_goes_out(
    api: Api, engine: Engine
) -> None:
    inspection_id, _ = complete_inspection(api)
    since = api.cursor_now()
    hostile = "\x1b[31m退款\u202e说明\r\n\t第二行\x00\u3000end" + "长" * 10_000
    hold(engine, inspection_id, reason=hostile)
    [change] = holds_for(api, since)
    reason = EvidenceHold.model_validate(change["body"]).reason
    assert reason.startswith("[31m退款说明 第二行 end长") and len(reason) == MAX_REASON
    assert all(ch.isprintable() for ch in reason)


@pytest.mark.parametrize(
    "raw,fitted",
    [
        ("  plain  ", "plain"),
        ("two\nlines", "two lines"),
        ("full\u3000width\u00a0spaces", "full width spaces"),
        ("bidi\u202e\u2066gone\u2069", "bidigone"),
        ("\x00\x07", ""),
        ("x" * 199 + " y", "x" * 199),  # no blank left at the end of the cut
    ],
)
def test_fitting_a_reason(raw: str, fitted: str) -> None:
    assert fitting(raw) == fitted
    assert (
        EvidenceHold.model_validate(
            {
                "inspection_id": str(uuid.uuid4()),
                "held": True,
                "reason": fitting(raw),
                "dispute": "D1",
                "at": datetime.now(UTC).isoformat(),
            }
        ).reason
        == fitted
    )

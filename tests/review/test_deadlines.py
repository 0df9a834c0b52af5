from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session

from station import app
from station.review import reports
from station.review.deadlines import LimitKind, time_limits
from station.store.models import Inspection, ReturnOrder

NOW = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)


def _setup(station: app.Station) -> dict[str, str]:
    """Refunds received 4 days, 70 hours, 10 hours ago (and one already refunded); reviews
    waiting 30 hours and 20 hours (and one decided)."""

    def work(s: Session) -> dict[str, str]:
        orders = list(s.scalars(select(ReturnOrder).order_by(ReturnOrder.id).limit(7)))
        ages = {
            0: (96, "inspected"),
            1: (70, "received"),
            2: (10, "inspecting"),
            3: (200, "refunded"),
        }
        for n, (hours, state) in ages.items():
            s.execute(
                update(ReturnOrder)
                .where(ReturnOrder.id == orders[n].id)
                .values(warehouse_received_at=NOW - timedelta(hours=hours), state=state)
            )
        reviews = {4: 30, 5: 20, 6: 40}
        s.execute(
            insert(Inspection),
            [
                {
                    "id": f"{n:08x}-0000-7000-8000-{n:012x}",
                    "return_id": orders[n].id,
                    "return_line_id": orders[n].lines[0].id,
                    "station_id": "ST-TEST",
                    "inspector_id": 1,
                    "needs_review": True,
                    "refund_kind": "full",
                    "state": "completed",
                    "started_at": NOW - timedelta(hours=hours),
                    "completed_at": NOW - timedelta(hours=hours),
                    **({"decision": {"decision_id": "x"}} if n == 6 else {}),
                }
                for n, hours in reviews.items()
            ],
        )
        return {str(n): orders[n].rma_no for n in range(7)}

    return station.db.run(work)


def test_items_at_risk_come_first_overdue_then_least_time_left(demo_station: app.Station) -> None:
    rma = _setup(demo_station)
    limits = demo_station.db.run(lambda s: time_limits(s, NOW, warn=timedelta(hours=8)))
    mine = [i for i in limits.items if i.rma_no in rma.values()]
    assert [(i.kind, i.rma_no) for i in mine] == [
        (LimitKind.REFUND, rma["0"]),  # due 24 h ago
        (LimitKind.REVIEW, rma["4"]),  # due 6 h ago
        (LimitKind.REFUND, rma["1"]),  # due in 2 h
        (LimitKind.REVIEW, rma["5"]),  # due in 4 h
        (LimitKind.REFUND, rma["2"]),  # due in 62 h
    ]
    assert [i.overdue(NOW) for i in mine] == [True, True, False, False, False]
    assert mine[2].left(NOW) == timedelta(hours=2)
    assert (limits.refunds.overdue, limits.refunds.due_soon) == (1, 1)
    assert (limits.reviews.open, limits.reviews.overdue, limits.reviews.due_soon) == (2, 1, 1)


def test_a_refund_s_order_state_is_named_in_the_supervisor_s_language(
    demo_station: app.Station,
) -> None:
    rma = _setup(demo_station)
    limits = demo_station.db.run(lambda s: time_limits(s, NOW))
    states = {i.rma_no: i for i in limits.items}
    refund, review = states[rma["1"]], states[rma["4"]]
    assert refund.detail_text("zh_CN") == "已签收" and refund.detail_text("en") == "Received"
    assert review.detail_text("zh_CN") == review.detail  # the SKU, as it is
    for language, received in (("zh_CN", "已签收"), ("en", "Received")):
        table = reports.limits_table(limits, language)  # type: ignore[arg-type]
        column = [row[2] for row in table.rows if row[1] == rma["1"]]
        assert column == [received]
        assert "received" not in [row[2] for row in table.rows]


def test_the_limits_read_only_open_items_through_indexes(demo_station: app.Station) -> None:
    """Every statement time_limits runs, explained: no table scan, no sort of the history."""
    _setup(demo_station)
    seen: list[tuple[str, object]] = []

    def remember(_conn: object, _cursor: object, sql: str, params: object, *_: object) -> None:
        seen.append((sql, params))

    event.listen(demo_station.db.engine, "before_cursor_execute", remember)
    try:
        demo_station.db.run(lambda s: time_limits(s, NOW))
    finally:
        event.remove(demo_station.db.engine, "before_cursor_execute", remember)
    plans = demo_station.db.run(
        lambda s: [
            str(s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all())
            for sql, params in seen
            if sql.lstrip().upper().startswith("SELECT")
        ]
    )
    assert len(plans) == 4
    joined = " ".join(plans)
    assert "ix_returns_state" in joined and "ix_inspections_review_pending" in joined
    for plan in plans:
        assert "SCAN returns'" not in plan and "SCAN inspections'" not in plan, plan

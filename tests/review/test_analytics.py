from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, insert, select
from sqlalchemy.orm import Session

from station import app
from station.demo.orders import HOT_BATCH, generate_orders
from station.domain.policy import Policy
from station.protocol.enums import ReturnReason
from station.review import analytics as a
from station.review import reports
from station.review.dashboard import build_dashboard
from station.store.models import Inspection, ReturnOrder
from tests.conftest import TODAY, make_settings

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)  # 09:00 in the warehouse (UTC+8)
MONTH = a.Window(datetime(2026, 10, 1, tzinfo=UTC), datetime(2026, 11, 21, tzinfo=UTC))


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[app.Station]:
    """The demo generator's full 2,400 orders (the demo's hot batch among them)."""
    station = app.open_station(make_settings(tmp_path_factory.mktemp("big")))
    app.load_demo_data(station, count=2400, today=TODAY)
    yield station
    station.close()


def test_the_demo_data_s_hot_batch_raises_the_only_batch_alert(big_store: app.Station) -> None:
    alerts = big_store.db.run(lambda s: a.defect_alerts(s, MONTH, a.AlertRule(0.5, 20)))
    batches = [x for x in alerts if x.dimension == "batch"]
    assert [x.key for x in batches] == [HOT_BATCH]
    assert batches[0].share >= 0.5 and batches[0].returns >= 20
    # every SKU alerted really has that share, counted without SQL
    rows = list(generate_orders(2400, today=TODAY, seed=2026))
    per_sku: Counter[str] = Counter()
    defects: Counter[str] = Counter()
    for row in rows:
        for line in row["lines"]:
            per_sku[line["sku"]] += 1
            defects[line["sku"]] += row["reason"] == "quality_defect"
    for alert in (x for x in alerts if x.dimension == "sku"):
        assert (alert.returns, alert.defects) == (per_sku[alert.key], defects[alert.key])
        assert alert.defects / alert.returns >= 0.5 and alert.returns >= 20


def test_the_minimum_count_keeps_small_numbers_from_alerting(big_store: app.Station) -> None:
    loose = big_store.db.run(lambda s: a.defect_alerts(s, MONTH, a.AlertRule(0.5, 2)))
    strict = big_store.db.run(lambda s: a.defect_alerts(s, MONTH, a.AlertRule(0.5, 20)))
    small = [x for x in loose if x.returns < 20]
    assert small, "two of three, one of two… should alert without a minimum"
    assert not [x for x in strict if x.returns < 20]


def test_return_reasons_by_category_match_the_manifest(big_store: app.Station) -> None:
    rows = big_store.db.run(lambda s: a.reasons_by(s, MONTH, "category", top=50))
    expected: Counter[tuple[str, str]] = Counter()
    for order in generate_orders(2400, today=TODAY, seed=2026):
        for line in order["lines"]:
            expected[(line["category"], order["reason"])] += 1
    got = {(r.key, reason.value): n for r in rows for reason, n in r.by_reason}
    assert got == dict(expected)
    assert [r.total for r in rows] == sorted((r.total for r in rows), reverse=True)
    top_batches = big_store.db.run(lambda s: a.reasons_by(s, MONTH, "batch", top=3))
    assert len(top_batches) == 3 and top_batches[0].key == HOT_BATCH


def _completions(station: app.Station, spec: list[tuple[int, str, int, str, str]]) -> None:
    """Completed inspections: (minutes after T0, station, inspector id, grade, disposition)."""

    def work(s: Session) -> None:
        lines = [(o.id, o.lines[0].id) for o in s.scalars(select(ReturnOrder).limit(len(spec)))]
        s.execute(
            insert(Inspection),
            [
                {
                    "id": f"{n:08x}-0000-7000-8000-{n:012x}",
                    "return_id": rid,
                    "return_line_id": lid,
                    "station_id": station_id,
                    "inspector_id": who,
                    "grade": grade,
                    "disposition": disposition,
                    "refund_kind": "full",
                    "state": "completed",
                    "started_at": T0 + timedelta(minutes=minutes - 3),
                    "completed_at": T0 + timedelta(minutes=minutes),
                }
                for n, ((rid, lid), (minutes, station_id, who, grade, disposition)) in enumerate(
                    zip(lines, spec, strict=True)
                )
            ],
        )

    station.db.run(work)


SPEC = [
    (5, "ST-HZ01", 1, "A", "restock"),
    (20, "ST-HZ01", 1, "A", "restock"),
    (50, "ST-HZ01", 1, "B", "restock_open_box"),
    (70, "ST-HZ01", 1, "A", "restock"),  # 10:10 local
    (10, "ST-HZ02", 2, "C", "refurbish"),
    (130, "ST-HZ02", 2, "D", "destroy"),  # 11:10 local
    (-90, "ST-HZ02", 2, "A", "restock"),  # before the window
]


def test_throughput_per_hour_per_inspector_and_per_station(demo_station: app.Station) -> None:
    _completions(demo_station, SPEC)
    day = a.Window(T0, T0 + timedelta(hours=12))
    per_inspector = demo_station.db.run(lambda s: a.throughput(s, day, "inspector"))
    got = {(c.at.strftime("%H:%M"), c.who.split()[-1], c.count) for c in per_inspector}
    assert got == {
        ("09:00", "I1001", 3),
        ("10:00", "I1001", 1),
        ("09:00", "I1002", 1),
        ("11:00", "I1002", 1),
    }
    assert all(c.at.utcoffset() == timedelta(hours=8) for c in per_inspector)
    per_station = demo_station.db.run(lambda s: a.throughput(s, day, "station", "day"))
    assert {(c.who, c.count) for c in per_station} == {("ST-HZ01", 4), ("ST-HZ02", 2)}
    rates = demo_station.db.run(lambda s: a.rates(s, day, "inspector"))
    # on duty from the first completion to the last: 09:05–10:10 and 09:10–11:10
    assert [(r.who.split()[-1], r.inspections, r.hours_on_duty) for r in rates] == [
        ("I1001", 4, pytest.approx(65 / 60)),
        ("I1002", 2, 2.0),
    ]
    assert rates[0].per_hour == pytest.approx(4 / (65 / 60)) and rates[1].per_hour == 1.0


def test_the_hourly_rate_counts_the_time_worked_not_the_clock_hours_touched(
    demo_station: app.Station,
) -> None:
    # five inspections in the quarter hour across 10:00, and one alone an hour later
    _completions(
        demo_station,
        [(m, "ST-HZ01", 1, "A", "restock") for m in (50, 54, 57, 61, 65)]
        + [(120, "ST-HZ02", 2, "A", "restock")],
    )
    day = a.Window(T0, T0 + timedelta(hours=12))
    rates = demo_station.db.run(lambda s: a.rates(s, day, "inspector"))
    worked = {r.who.split()[-1]: (r.inspections, r.hours_on_duty, r.per_hour) for r in rates}
    assert worked["I1001"] == (5, 0.25, 20.0)  # not "2 h on duty, 2.5 an hour"
    assert worked["I1002"] == (1, 0.25, 4.0)  # a lone inspection: the shortest time on duty
    table = reports.rates_table(rates, "zh_CN")
    assert table.header[2] == "在岗小时" and table.rows[0][1:] == (5, 0.25, 20.0)


def test_grade_and_disposition_mix(demo_station: app.Station) -> None:
    _completions(demo_station, SPEC)
    day = a.Window(T0, T0 + timedelta(hours=12))
    grades = demo_station.db.run(lambda s: a.grade_mix(s, day))
    assert [(m.code, m.count) for m in grades] == [("A", 3), ("B", 1), ("C", 1), ("D", 1)]
    assert sum(m.share for m in grades) == pytest.approx(1.0)
    dispositions = demo_station.db.run(lambda s: a.disposition_mix(s, day))
    assert dict((m.code, m.count) for m in dispositions)["restock"] == 3


def _statements(station: app.Station, work: object) -> int:
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(station.db.engine, "before_cursor_execute", count)
    try:
        station.db.run(work)  # type: ignore[arg-type]
    finally:
        event.remove(station.db.engine, "before_cursor_execute", count)
    return len(seen)


def test_the_dashboard_is_a_fixed_number_of_queries_however_much_data(
    demo_station: app.Station,
) -> None:
    day = a.Window(T0 - timedelta(hours=6), T0 + timedelta(hours=12))

    def dashboard(s: Session) -> object:
        return build_dashboard(s, day, now=T0, rule=a.AlertRule(), policy=Policy())

    _completions(demo_station, SPEC[:2])
    few = _statements(demo_station, dashboard)
    _completions_more(demo_station, 200)
    many = _statements(demo_station, dashboard)
    assert few == many < 25


def _completions_more(station: app.Station, count: int) -> None:
    def work(s: Session) -> None:
        orders = list(s.scalars(select(ReturnOrder).offset(10).limit(count)))
        s.execute(
            insert(Inspection),
            [
                {
                    "id": f"{n:08x}-0000-7000-9000-{n:012x}",
                    "return_id": o.id,
                    "return_line_id": o.lines[0].id,
                    "station_id": "ST-HZ03",
                    "inspector_id": 1 + n % 3,
                    "grade": "ABCD"[n % 4],
                    "disposition": "restock",
                    "state": "completed",
                    "started_at": T0,
                    "completed_at": T0 + timedelta(minutes=n),
                }
                for n, o in enumerate(orders)
            ],
        )

    station.db.run(work)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime(2026, 11, 1), datetime(2026, 11, 2, tzinfo=UTC)),  # naive
        (datetime(2026, 11, 2, tzinfo=UTC), datetime(2026, 11, 1, tzinfo=UTC)),  # reversed
        (datetime(2000, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)),  # 26 years
    ],
)
def test_a_window_that_makes_no_sense_is_refused(start: datetime, end: datetime) -> None:
    with pytest.raises(ValueError):
        a.Window(start, end)


@pytest.mark.parametrize(
    "kwargs",
    [{"threshold": 0}, {"threshold": 1.5}, {"minimum": 0}, {"defect_reasons": frozenset()}],
)
def test_an_alert_rule_that_makes_no_sense_is_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        a.AlertRule(**kwargs)  # type: ignore[arg-type]


def test_other_reasons_can_count_as_defects(big_store: app.Station) -> None:
    rule = a.AlertRule(
        0.5, 20, frozenset({ReturnReason.QUALITY_DEFECT, ReturnReason.NOT_AS_DESCRIBED})
    )
    wider = big_store.db.run(lambda s: a.defect_alerts(s, MONTH, rule))
    narrow = big_store.db.run(lambda s: a.defect_alerts(s, MONTH, a.AlertRule(0.5, 20)))
    assert len(wider) >= len(narrow)
    hot = next(x for x in wider if x.key == HOT_BATCH)
    assert hot.defects >= next(x for x in narrow if x.key == HOT_BATCH).defects

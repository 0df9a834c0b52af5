"""Supervisor review and analytics with a large store (target: each query < 300 ms median).

    python bench/analytics.py [--inspections 1000000] [--runs 7] [--model-rows 100000]

Fills a store with a year of completed inspections (one return, one line and one inspection
each, with the flags, decisions, batches and reasons a warehouse sees) by Core bulk inserts,
then times what the supervisor's screen asks: the review queue's first page under the usual
filters, a page deep into the queue, and each dashboard query; and measures the memory of the
review table's model holding 100,000 rows.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from bench._common import summary_ms, table
from station.domain.policy import Policy
from station.protocol.enums import (
    Category,
    InspectionState,
    ReturnReason,
)
from station.review.analytics import (
    AlertRule,
    Window,
    defect_alerts,
    disposition_mix,
    grade_mix,
    rates,
    reasons_by,
    throughput,
)
from station.review.dashboard import bucket_for, build_dashboard, returns_window_for
from station.review.deadlines import time_limits
from station.review.queue import PENDING, queue_count, queue_page
from station.review.rows import (
    QueueCount,
    QueueCursor,
    QueueFilter,
    QueuePage,
    QueueSort,
    ReviewFlag,
)
from station.store.database import Database
from station.store.models import (
    Inspection,
    OutboxEvent,
    ReturnLine,
    ReturnOrder,
    UnmatchedParcel,
    User,
)

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
DAYS = 365
CHUNK = 50_000
HOT_BATCH = "B2611-07"
STATIONS = [f"ST-HZ{n:02d}" for n in range(1, 7)]
INSPECTORS = 40
REASONS = [r.value for r in ReturnReason]
REASON_WEIGHTS = [40, 22, 10, 4, 6, 14, 4]
CATEGORIES = [
    c.value
    for c in (
        Category.APPAREL,
        Category.FOOTWEAR,
        Category.BAGS,
        Category.ELECTRONICS,
        Category.BEAUTY,
        Category.HOME,
        Category.FOOD,
    )
]
CATEGORY_WEIGHTS = [30, 12, 6, 16, 12, 12, 6]
PRICES = [79_00, 159_00, 199_00, 259_00, 329_00, 499_00, 899_00, 1_499_00, 4_999_00, 6_999_00]
PRICE_WEIGHTS = [20, 18, 15, 12, 10, 9, 7, 5, 3, 1]

# (grade, disposition, refund kind, responsibility, rule) with weights: the verdict mix
OUTCOMES: list[tuple[tuple[str, str, str, str, str], int]] = [
    (("A", "restock", "full", "customer", "clean_no_reason"), 560),
    (("B", "restock_open_box", "full", "customer", "clean_no_reason"), 120),
    (("C", "return_to_vendor", "full", "merchant", "defect_confirmed"), 110),
    (("B", "restock_open_box", "partial", "customer", "partial_deduction"), 70),
    (("C", "return_to_customer", "none", "customer", "used_refused"), 50),
    (("A", "return_to_customer", "none", "customer", "window_expired"), 40),
    (("A", "return_to_customer", "none", "customer", "suspected_swap"), 12),
    (("C", "refurbish", "full", "carrier", "carrier_damage"), 25),
    (("A", "restock", "full", "merchant", "wrong_item_confirmed"), 13),
]


def _users() -> list[dict[str, Any]]:
    users = [
        {
            "id": n,
            "badge_id": f"I{1000 + n}",
            "display_name": f"质检员{n:02d}",
            "role": "inspector",
            "pin_hash": "-",
            "active": True,
            "failed_attempts": 0,
            "created_at": NOW,
        }
        for n in range(1, INSPECTORS + 1)
    ]
    users.append(
        {
            "id": 100,
            "badge_id": "S9001",
            "display_name": "主管",
            "role": "supervisor",
            "pin_hash": "-",
            "active": True,
            "failed_attempts": 0,
            "created_at": NOW,
        }
    )
    return users


def _chunks(total: int, rng: random.Random) -> Iterator[tuple[list[Any], list[Any], list[Any]]]:
    outcomes = [o for o, _ in OUTCOMES]
    weights = [w for _, w in OUTCOMES]
    skus = [f"{c[:2].upper()}-{n:03d}" for c in CATEGORIES for n in range(60)]
    sku_category = {s: CATEGORIES[i // 60] for i, s in enumerate(skus)}
    batches = [f"B26{m:02d}-{d:02d}" for m in range(1, 12) for d in range(1, 29)]
    span = DAYS * 86_400
    start = NOW - timedelta(seconds=span)
    step = span / total
    for base in range(0, total, CHUNK):
        returns, lines, inspections = [], [], []
        for n in range(base, min(total, base + CHUNK)):
            rid = n + 1
            # working hours, local time (UTC+8): 00:00-12:00 UTC
            at = start + timedelta(seconds=n * step)
            at = at.replace(hour=at.hour % 12)
            category = rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
            sku = rng.choice(skus[CATEGORIES.index(category) * 60 :][:60])
            hot = category == "apparel" and rng.random() < 0.01
            batch = HOT_BATCH if hot else rng.choice(batches)
            reason = "quality_defect" if hot else rng.choices(REASONS, REASON_WEIGHTS)[0]
            price = rng.choices(PRICES, PRICE_WEIGHTS)[0]
            grade, disposition, refund, resp, rule = rng.choices(outcomes, weights)[0]
            overridden = rng.random() < 0.03
            high = price >= 300_000
            review = overridden or high or rule in ("suspected_swap", "wrong_item_confirmed")
            flagged = review or refund != "full" or rule == "carrier_damage"
            age = NOW - at
            decided = flagged and age > timedelta(days=2)
            requested = (at - timedelta(days=rng.randint(2, 6))).date()
            received_at = at - timedelta(hours=rng.randint(1, 30))
            late = age > timedelta(days=3) and rng.random() > 0.002
            state = "refunded" if late else "inspected"
            returns.append(
                {
                    "id": rid,
                    "rma_no": f"RMA{requested:%Y%m%d}{rid:07d}",
                    "order_no": f"{10**17 + rid * 7919}",
                    "platform": "tmall",
                    "reason": reason,
                    "reason_note": "",
                    "customer_received_on": requested - timedelta(days=2),
                    "requested_on": requested,
                    "customer_masked": "王*",
                    "state": state,
                    "warehouse_received_at": received_at,
                    "created_at": received_at,
                    "updated_at": at,
                }
            )
            lines.append(
                {
                    "id": rid,
                    "return_id": rid,
                    "line_no": 1,
                    "sku": sku,
                    "ean": None,
                    "title": f"商品 {sku}",
                    "category": sku_category[sku],
                    "qty": 1,
                    "unit_price_fen": price,
                    "expected_serial": None,
                    "batch": batch,
                    "accessories": [],
                }
            )
            refund_fen = {"full": price, "none": 0}.get(refund, price * 7 // 10)
            row: dict[str, Any] = {
                "id": f"{rid:08x}-0000-7000-8000-{rid:012x}",
                "return_id": rid,
                "return_line_id": rid,
                "station_id": STATIONS[rid % len(STATIONS)],
                "inspector_id": 1 + rid % INSPECTORS,
                "template_id": category,
                "template_version": 1,
                "answers": {},
                "proposal": {"rules": [rule]},
                "rules_fired": [{"id": rule, "zh_CN": "", "en": ""}],
                "grade": grade,
                "disposition": disposition,
                "refund_kind": refund,
                "refund_fen": refund_fen,
                "refund_reason": "" if refund == "full" else "凭证见附件",
                "responsibility": resp,
                "carrier_claim": rule == "carrier_damage",
                "overridden": overridden,
                "override_reason": "现场复核" if overridden else "",
                "needs_review": review and not decided,
                "overturned": decided and rng.random() < 0.1,
                "state": InspectionState.COMPLETED.value,
                "started_at": at - timedelta(minutes=3),
                "completed_at": at,
                "updated_at": at,
            }
            row["decision"] = (
                {"decision_id": row["id"], "approve": True, "reason": "ok"} if decided else None
            )
            inspections.append(row)
        yield returns, lines, inspections


def bulk_insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """A Core INSERT executed as one DBAPI executemany, each value through its column type's
    own bind processor (so times and JSON are stored exactly as the ORM stores them) but
    without the per-row statement machinery, which would be most of the time."""
    if not rows:
        return
    table = model.__table__
    dialect = session.get_bind().dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(rows[0]))
    keys = list(compiled.positiontup or ())
    processors = [table.c[k].type.dialect_impl(dialect).bind_processor(dialect) for k in keys]
    params = [
        tuple(
            v if (v := row[k]) is None or proc is None else proc(v)
            for k, proc in zip(keys, processors, strict=True)
        )
        for row in rows
    ]
    sql = str(compiled)
    session.connection().exec_driver_sql(sql, params)


def fill(db: Database, total: int, *, seed: int = 7) -> float:
    """Bulk-insert ``total`` inspections with their returns and lines; seconds taken."""
    rng = random.Random(seed)
    t0 = time.perf_counter()
    # a big page cache while filling only: the timed queries run on a fresh connection
    db.run(lambda s: s.connection().exec_driver_sql("PRAGMA cache_size = -400000"))
    db.run(lambda s: bulk_insert(s, User, _users()))
    for returns, lines, inspections in _chunks(total, rng):

        def work(s: Session, chunk: Any = (returns, lines, inspections)) -> None:
            for model, rows in zip((ReturnOrder, ReturnLine, Inspection), chunk, strict=True):
                bulk_insert(s, model, rows)

        db.run(work)
    db.run(lambda s: _extras(s, rng))
    return time.perf_counter() - t0


def _extras(session: Session, rng: random.Random) -> None:
    """Unresolved unmatched parcels and events sync parked: a few hundred of each."""
    bulk_insert(
        session,
        UnmatchedParcel,
        [
            {
                "id": f"{n:08x}-0000-7000-9000-{n:012x}",
                "code": f"SF{rng.randint(10**12, 10**13 - 1)}",
                "station_id": STATIONS[n % len(STATIONS)],
                "inspector_id": 1 + n % INSPECTORS,
                "received_at": NOW - timedelta(hours=n),
                "note": "",
            }
            for n in range(300)
        ],
    )
    bulk_insert(
        session,
        OutboxEvent,
        [
            {
                "event_id": f"{n:08x}-0000-7000-a000-{n:012x}",
                "kind": "inspection.completed",
                "payload": {"inspection_id": "", "rma_no": f"RMA{n:08d}"},
                "created_at": NOW - timedelta(hours=n),
                "attempts": 1,
                "parked": True,
                "last_error": "refused (422): malformed",
            }
            for n in range(100)
        ],
    )


# -- timing ------------------------------------------------------------------------------------


def timed(db: Database, work: Callable[[Session], object], runs: int) -> tuple[list[float], Any]:
    """Each run as the UI runs it: one transaction on the database thread."""
    result: Any = db.run(work)  # warm the statement cache and the pages it reads
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = db.run(work)
        samples.append(time.perf_counter() - t0)
    return samples, result


def _rows(result: Any) -> str:
    if isinstance(result, QueuePage):
        return f"{len(result.rows)}{'+' if result.more else ''}"
    if isinstance(result, list | tuple):
        return str(len(result))
    if isinstance(result, QueueCount):
        return f"{result.count:,}{'+' if result.capped else ''}"
    return "1"


def queue_table(db: Database, runs: int) -> list[list[object]]:
    probe = db.run(
        lambda s: s.execute(
            select(ReturnOrder.rma_no, ReturnLine.sku)
            .join(ReturnLine, ReturnLine.return_id == ReturnOrder.id)
            .where(ReturnOrder.id == 1 + len(STATIONS) * 1234)
        ).one()
    )
    rma, sku = str(probe[0]), str(probe[1])
    cases: list[tuple[str, QueueFilter, QueueSort]] = [
        ("waiting, oldest first (default)", QueueFilter(), QueueSort.OLDEST),
        ("waiting, newest first", QueueFilter(), QueueSort.NEWEST),
        ("waiting, most valuable first", QueueFilter(), QueueSort.AMOUNT),
        ("with decided, newest first", QueueFilter(include_decided=True), QueueSort.NEWEST),
        (
            "with decided, one inspector",
            QueueFilter(inspector_id=7, include_decided=True),
            QueueSort.NEWEST,
        ),
        (
            "with decided, category food",
            QueueFilter(category=Category.FOOD, include_decided=True),
            QueueSort.NEWEST,
        ),
        (
            "with decided, claim missing parts",
            QueueFilter(reason=ReturnReason.MISSING_PARTS, include_decided=True),
            QueueSort.NEWEST,
        ),
        (
            "with decided, flag mismatch",
            QueueFilter(flag=ReviewFlag.MISMATCH, include_decided=True),
            QueueSort.NEWEST,
        ),
        (
            "with decided, one day 60 days ago",
            QueueFilter(
                since=NOW - timedelta(days=60), until=NOW - timedelta(days=59), include_decided=True
            ),
            QueueSort.NEWEST,
        ),
        ("search: an RMA no.", QueueFilter(text=rma, include_decided=True), QueueSort.NEWEST),
        ("search: a SKU", QueueFilter(text=sku, include_decided=True), QueueSort.NEWEST),
        (
            "search: RMA prefix (a day)",
            QueueFilter(text="RMA20260315", include_decided=True),
            QueueSort.NEWEST,
        ),
    ]
    out: list[list[object]] = []
    for name, f, sort in cases:
        samples, page = timed(db, lambda s, f=f, sort=sort: queue_page(s, f, sort=sort), runs)
        out.append([name, _rows(page), *summary_ms(samples)])

    def deep(s: Session) -> QueuePage:
        f = QueueFilter(include_decided=True)
        page = queue_page(s, f, sort=QueueSort.NEWEST, limit=1000)
        for _ in range(49):
            page = queue_page(s, f, sort=QueueSort.NEWEST, after=page.next, limit=1000)
        return queue_page(s, f, sort=QueueSort.NEWEST, after=page.next)

    samples, page = timed(db, deep, max(1, runs // 3))
    per_page = [s / 51 for s in samples]
    out.append(
        ["with decided, page after 50,000 rows (per page)", _rows(page), *summary_ms(per_page)]
    )
    for name, f in (
        ("count waiting", QueueFilter()),
        ("count with decided (cap 10,000)", QueueFilter(include_decided=True)),
    ):
        samples, counted = timed(db, lambda s, f=f: queue_count(s, f), runs)
        out.append([name, _rows(counted), *summary_ms(samples)])
    return out


def dashboard_table(db: Database, runs: int) -> list[list[object]]:
    rule = AlertRule(0.5, 20)
    out: list[list[object]] = []
    for days in (1, 7, 30):
        window = Window.last_days(NOW, days)
        returns = returns_window_for(window)
        bucket = bucket_for(window)
        charts: list[tuple[str, Callable[[Session], object]]] = [
            (
                f"per {bucket} per inspector",
                lambda s, w=window, b=bucket: throughput(s, w, "inspector", b),
            ),
            (
                f"per {bucket} per station",
                lambda s, w=window, b=bucket: throughput(s, w, "station", b),
            ),
            ("per active hour per inspector", lambda s, w=window: rates(s, w, "inspector")),
            ("grade mix", lambda s, w=window: grade_mix(s, w)),
            ("disposition mix", lambda s, w=window: disposition_mix(s, w)),
            ("reasons by category", lambda s, w=returns: reasons_by(s, w, "category")),
            ("reasons by SKU (top 20)", lambda s, w=returns: reasons_by(s, w, "sku")),
            ("reasons by batch (top 20)", lambda s, w=returns: reasons_by(s, w, "batch")),
            ("batch and SKU alerts", lambda s, w=returns: defect_alerts(s, w, rule)),
            ("time limits (counts + 50 at risk)", lambda s: time_limits(s, NOW).items),
            (
                "whole dashboard, one transaction",
                lambda s, w=window: build_dashboard(s, w, now=NOW, rule=rule, policy=Policy()),
            ),
        ]
        for name, work in charts:
            samples, result = timed(db, work, runs)
            out.append([f"{days} d", name, _rows(result), *summary_ms(samples)])
    return out


def model_memory(db: Database, rows: int) -> list[list[object]]:
    """The review table's model holding ``rows`` rows, loaded page by page as it scrolls."""
    from PySide6.QtCore import QCoreApplication

    from station.ui.review.queue_model import QueueModel

    app = QCoreApplication.instance() or QCoreApplication([])
    f = QueueFilter(include_decided=True)

    def page_after(after: QueueCursor | None) -> QueuePage:
        return db.run(lambda s: queue_page(s, f, sort=QueueSort.NEWEST, after=after, limit=1000))

    page_after(None)  # statement caches and the like are not the model's
    gc.collect()
    rss0 = _rss_kb()
    tracemalloc.start()
    model = QueueModel(language="zh_CN")
    generation = model.reset()
    appended, after = 0.0, None
    while model.rowCount() < rows:  # as the view scrolls: a page at a time
        page = page_after(after)
        t0 = time.perf_counter()
        model.append_page(page, generation)
        appended += time.perf_counter() - t0
        after = page.next
        del page
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss1 = _rss_kb()
    t0 = time.perf_counter()
    for row in range(model.rowCount() - 40, model.rowCount()):  # a screenful at the bottom
        for column in range(model.columnCount()):
            model.data(model.index(row, column))
    screen = time.perf_counter() - t0
    del app
    return [
        ["rows in the model", f"{model.rowCount():,}"],
        [
            "Python heap held (tracemalloc)",
            f"{current / 2**20:.1f} MB ({current / model.rowCount():.0f} B/row)",
        ],
        ["Python heap peak while loading", f"{peak / 2**20:.1f} MB"],
        ["RSS growth", f"{(rss1 - rss0) / 1024:.1f} MB"],
        ["appending the pages to the model (total)", f"{appended * 1000:.0f} ms"],
        ["formatting a screenful (40 rows × 11 columns)", f"{screen * 1000:.1f} ms"],
    ]


def _rss_kb() -> int:
    with Path("/proc/self/status").open(encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inspections", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--model-rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        db = Database.open(path)
        seconds = fill(db, args.inspections)
        counts = db.run(
            lambda s: [
                s.scalar(select(func.count()).select_from(Inspection)),
                s.scalar(select(func.count()).select_from(Inspection).where(PENDING)),
                s.scalar(select(func.count()).select_from(ReturnOrder)),
            ]
        )
        db.close()
        size_mb = path.stat().st_size / 2**20
        table(
            f"Store: {args.inspections:,} inspections over {DAYS} days",
            ["inspections", "waiting for review", "returns", "file", "filled in"],
            [
                [
                    f"{counts[0]:,}",
                    f"{counts[1]:,}",
                    f"{counts[2]:,}",
                    f"{size_mb:,.0f} MB",
                    f"{seconds:.0f} s",
                ]
            ],
        )
        db = Database.open(path)  # a fresh connection with SQLite's default page cache
        table(
            f"Review queue, first page of 100 (median of {args.runs}; target < 300 ms)",
            ["query", "rows", "median ms", "p95 ms", "max ms"],
            queue_table(db, args.runs),
        )
        table(
            f"Dashboard queries (median of {args.runs}; target < 300 ms each)",
            ["window", "chart", "rows", "median ms", "p95 ms", "max ms"],
            dashboard_table(db, args.runs),
        )
        table(
            f"Review table model at {args.model_rows:,} rows",
            ["measure", "value"],
            model_memory(db, args.model_rows),
        )
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

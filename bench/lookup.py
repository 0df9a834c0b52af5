"""Scan-to-order lookup with a large store (target: median < 2 ms, p95 < 5 ms at 500,000).

    python bench/lookup.py [--orders 500000] [--lookups 3000]

Builds a store through the real manifest import, then looks codes up through the same path
a scan takes (``Workflow.lookup``: clean the scan, hop to the database thread, query, map
to a record), by RMA no., return tracking no., order no., and codes that match nothing.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import summary_ms, table
from station.demo.orders import generate_orders
from station.protocol.manifest import parse_manifest
from station.store.database import Database
from station.sync.manifest import import_orders
from station.workflow import Workflow

TODAY = date(2026, 11, 20)


def build_store(db: Database, count: int) -> tuple[list[dict], float, float]:
    rows = list(generate_orders(count, today=TODAY, seed=11))
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()
    t0 = time.perf_counter()
    parsed = parse_manifest(io.BytesIO(text))
    t1 = time.perf_counter()
    report = db.run(lambda s: import_orders(s, parsed, actor="bench", source="bench"))
    t2 = time.perf_counter()
    refused = {e.row for e in report.errors}  # random waybill numbers can collide
    kept = [row for n, row in enumerate(rows, start=1) if n not in refused]
    return kept, t1 - t0, t2 - t1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=500_000)
    parser.add_argument("--lookups", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "bench.db")
        rows, parse_s, insert_s = build_store(db, args.orders)
        table(
            f"Manifest import, {args.orders:,} orders",
            ["step", "seconds", "orders/s"],
            [
                ["parse + validate", parse_s, f"{args.orders / parse_s:,.0f}"],
                ["insert (one transaction)", insert_s, f"{args.orders / insert_s:,.0f}"],
            ],
        )
        workflow = Workflow(db, station_id="ST-BENCH")
        rng = random.Random(5)
        picks = rng.sample(rows, min(args.lookups, len(rows)))
        kinds = {
            "RMA no.": [r["rma_no"] for r in picks],
            "tracking no.": [r["tracking"][0]["tracking_no"] for r in picks],
            "order no.": [r["order_no"] for r in picks],
            "no match": [f"SF{rng.randint(10**12, 10**13 - 1)}" for _ in picks],
        }
        for codes in kinds.values():  # warm the page cache and the statement cache
            for code in codes[:50]:
                workflow.lookup(code)
        results = []
        for kind, codes in kinds.items():
            samples = []
            for code in codes:
                t0 = time.perf_counter()
                found = workflow.lookup(code)
                samples.append(time.perf_counter() - t0)
                assert (found is None) == (kind == "no match"), code
            median, p95, worst = summary_ms(samples)
            results.append([kind, len(codes), median, p95, worst])
        table(
            f"Scan-to-order lookup, {args.orders:,} orders in the store (ms)",
            ["code", "lookups", "median", "p95", "max"],
            results,
        )
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Checking the keyed audit log and the rows it binds (target: 10,000 entries well under 1 s).

    python bench/audit_verify.py [--entries 10000] [--runs 5]

Builds a store through the real audit path: one keyed entry per transaction, each binding an
outbox event (``audit.record``) as the station's actions do, plus one entry per evidence-like
action binding its event; then times :func:`station.security.audit.verify` (the chain: one
HMAC per entry, the head marker) and :func:`station.security.audit.check` (the chain and every
bound row re-digested), as ``station audit verify`` runs them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy.orm import Session

from bench._common import summary_ms, table
from station.protocol.events import LabelPrinted
from station.security import audit
from station.store.database import Database
from station.store.types import utcnow


def build(db: Database, entries: int, batch: int) -> float:
    """``entries`` audit entries, each recording an outbox event, ``batch`` per transaction."""

    def work(session: Session, start: int, count: int) -> None:
        for n in range(start, start + count):
            audit.record(
                session,
                LabelPrinted(
                    label_id=f"00000000-0000-7000-8000-{n:012d}",
                    kind="disposition",
                    printer="bench",
                    job_ref=f"job-{n}",
                    reprint=False,
                    printed_at=utcnow(),
                ),
                actor="user:I1001",
                action="label_printed",
                entity=f"label:{n}",
                details={"n": n, "printer": "bench", "note": "检验"},
            )

    t0 = time.perf_counter()
    for start in range(0, entries, batch):
        db.run(lambda s, start=start: work(s, start, min(batch, entries - start)))
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=100, help="entries per transaction")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "station.db")
        try:
            build_s = build(db, args.entries, args.batch)
            chain, whole = [], []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                report = db.run(audit.verify)
                t1 = time.perf_counter()
                checked = db.run(audit.check)
                t2 = time.perf_counter()
                assert report.ok and checked.ok, (report, checked.lines()[:3])
                chain.append(t1 - t0)
                whole.append(t2 - t1)
        finally:
            db.close()
    table(
        f"Audit log check, {report.checked:,} keyed entries, {len(checked.chain.bound):,} "
        f"bound rows ({args.runs} runs, ms)",
        ["check", "median", "p95", "max"],
        [
            ["chain (MACs, head marker)", *summary_ms(chain)],
            ["chain + bound rows (station audit verify)", *summary_ms(whole)],
        ],
    )
    sys.stdout.write(
        f"\nwriting them: {build_s:.1f} s, {args.batch} entries per transaction "
        f"({args.entries / build_s:,.0f} entries/s)\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The dispute desk's search at a million inspections (target: p95 < 300 ms for every kind).

    python bench/console.py [--inspections 1000000] [--queries 200] [--postgres]

Fills a migrated central database with ``--inspections`` inspections as a warehouse makes
them: 40 stations, 400 inspectors, 20,000 SKUs of Zipf-like popularity (a tenth written in
lower case), returns of 1–3 lines under an order number (some orders with two returns) and
1–2 waybills, 180 days of completions, 3 % review requested (2 % still waiting), 3 %
overridden, 1 % overturned, 0.5 % disputed, 0.6 % never completed (open or cancelled), two
photos and (mostly) a clip each, and unmatched parcels. Bulk Core inserts, one transaction per
chunk; the SQLite file is built once and kept in ``build/bench-console/`` for the next run
(made anew when the schema changes). Then each kind of query the desk asks — by code, filters,
flags, days, deep pages, and codes that name nothing — runs ``--queries`` times with keys drawn
from the data, each in its own read transaction, through :func:`central.console.search.search`.

``--postgres`` runs the same on a throw-away PostgreSQL 15 cluster (filled anew each time,
then ANALYZEd as autovacuum would).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, create_engine, event, func, insert, select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateIndex, CreateTable

from bench._common import summary_ms, table
from central.console.search import Flag, Query, search
from central.db.migrate import upgrade
from central.db.models import (
    Base,
    DisputeRecord,
    EvidenceRecord,
    InspectionRecord,
    ReturnRecord,
    ReturnWaybill,
    UnmatchedRecord,
)
from central.db.session import make_engine

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "bench-console"
NOW = datetime(2026, 12, 1, tzinfo=UTC)
DAYS = 180
STATIONS = [f"ST-{city}{n:02d}" for city in ("HZ", "SH", "GZ", "CD") for n in range(1, 11)]
INSPECTORS = [f"I{1001 + n}" for n in range(400)]
HOME = {badge: STATIONS[n % len(STATIONS)] for n, badge in enumerate(INSPECTORS)}
SKU_COUNT = 20_000
ZIPF_S = 1.0
CHUNK = 20_000  # returns per transaction
DATA_VERSION = "1"  # bump when the rows made change: the cached file is made anew
TARGET_MS = 300.0
CARRIERS = [("SF", 12), ("YT", 13), ("JDVA", 11), ("ZT", 12), ("ST", 12), ("EM", 11)]
PLATFORMS = ["tmall", "jd", "douyin", "pdd"]
CATEGORIES = ["AP", "FW", "BG", "EL", "BT", "HM", "FD"]
# (grade, disposition, refund kind, fen, responsibility, rule) and their weights
OUTCOMES = [
    (("A", "restock", "full", 19900, "customer", "clean_no_reason"), 56),
    (("B", "restock_open_box", "full", 25900, "customer", "clean_no_reason"), 12),
    (("C", "return_to_vendor", "full", 49900, "merchant", "defect_confirmed"), 11),
    (("B", "restock_open_box", "partial", 8000, "customer", "partial_deduction"), 7),
    (("C", "return_to_customer", "none", 0, "customer", "used_refused"), 5),
    (("A", "return_to_customer", "none", 0, "customer", "window_expired"), 4),
    (("C", "refurbish", "full", 89900, "carrier", "carrier_damage"), 5),
]


# -- the data ------------------------------------------------------------------------------


def uuid_at(at: datetime, rng: random.Random) -> str:
    """A UUIDv7 of the instant, as stations make ids: time-ordered, random below."""
    bits = (int(at.timestamp() * 1000) << 80) | (0x7 << 76) | rng.getrandbits(76)
    bits = (bits & ~(0b11 << 62)) | (0b10 << 62)
    h = f"{bits:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def waybill(rng: random.Random) -> str:
    prefix, digits = rng.choice(CARRIERS)
    return prefix + "".join(rng.choices("0123456789", k=digits))


def catalogue(rng: random.Random) -> list[str]:
    """SKUs, most popular first; a tenth written in lower case as some catalogues do."""
    skus = [
        f"{CATEGORIES[n % len(CATEGORIES)]}-{n:05d}-{rng.choice('SMLX')}" for n in range(SKU_COUNT)
    ]
    rng.shuffle(skus)
    return [s.lower() if rng.random() < 0.1 else s for s in skus]


@dataclass(slots=True)
class Chunk:
    returns: list[dict[str, Any]] = field(default_factory=list)
    waybills: list[dict[str, Any]] = field(default_factory=list)
    inspections: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    disputes: list[dict[str, Any]] = field(default_factory=list)
    unmatched: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Maker:
    """Makes the rows, return by return, in the order the warehouse received them."""

    total: int
    rng: random.Random = field(default_factory=lambda: random.Random(20261201))
    skus: list[str] = field(default_factory=list)
    sku_weights: list[float] = field(default_factory=list)
    made: int = 0  # inspections so far
    returns: int = 0
    order: int = 0
    evidence: int = 0

    def __post_init__(self) -> None:
        self.skus = catalogue(self.rng)
        self.sku_weights = list(
            itertools.accumulate(1 / (rank + 1) ** ZIPF_S for rank in range(SKU_COUNT))
        )

    def chunks(self) -> Iterator[Chunk]:
        while self.made < self.total:
            chunk = Chunk()
            for _ in range(CHUNK):
                if self.made >= self.total:
                    break
                self.one_return(chunk)
            yield chunk

    def one_return(self, chunk: Chunk) -> None:
        rng = self.rng
        self.returns += 1
        if rng.random() >= 0.05:  # one order in twenty has two returns
            self.order += 1
        rma = f"RMA26{self.returns:09d}"
        order_no = f"TB{3_100_000_000 + self.order * 7:012d}"
        lines = min(rng.choices([1, 2, 3], [80, 15, 5])[0], self.total - self.made)
        skus = rng.choices(self.skus, cum_weights=self.sku_weights, k=lines)
        bills = sorted({waybill(rng) for _ in range(rng.choice([1, 1, 1, 2]))})
        when = NOW - timedelta(days=DAYS) + timedelta(days=DAYS * self.made / self.total)
        chunk.returns.append(self.return_row(rma, order_no, skus, bills, when))
        chunk.waybills.extend({"waybill": w, "rma_no": rma} for w in bills)
        inspector = rng.choice(INSPECTORS)
        for line, sku in enumerate(skus, 1):
            self.inspection(chunk, rma, line, sku, inspector, when)
        if rng.random() < 0.003:
            self.unmatched_parcel(chunk, rma, when)

    def return_row(
        self, rma: str, order_no: str, skus: list[str], bills: list[str], when: datetime
    ) -> dict[str, Any]:
        body = {
            "rma_no": rma,
            "order_no": order_no,
            "platform": self.rng.choice(PLATFORMS),
            "reason": "size_fit",
            "customer_received_on": (when - timedelta(days=6)).date().isoformat(),
            "requested_on": (when - timedelta(days=4)).date().isoformat(),
            "customer_masked": "张* 138****8000",
            "state": "in_transit",
            "tracking": [{"carrier": "SF", "tracking_no": b} for b in bills],
            "lines": [
                {"sku": s, "title": "连帽卫衣 Hoodie", "category": "apparel", "qty": 1}
                | {"unit_price": "199.00"}
                for s in skus
            ],
        }
        return {
            "rma_no": rma,
            "state": "inspected",
            "body": body,
            "body_sha256": f"{self.rng.getrandbits(256):064x}",
            "change_seq": self.returns,
            "updated_at": when - timedelta(days=4),
            "warehouse": None,
            "order_no": order_no,
            "personal": None,
        }

    def inspection(
        self, chunk: Chunk, rma: str, line: int, sku: str, inspector: str, when: datetime
    ) -> None:
        rng = self.rng
        self.made += 1
        station = HOME[inspector]
        done = when + timedelta(seconds=rng.uniform(0, 7200))
        iid = uuid_at(done, rng)
        fate = rng.random()
        state = "completed" if fate >= 0.006 else "cancelled" if fate >= 0.001 else "open"
        completed = done if state == "completed" else None
        ((grade, disposition, refund, fen, responsible, rule),) = rng.choices(
            [o for o, _ in OUTCOMES], [w for _, w in OUTCOMES]
        )
        flags = rng.random()
        requested = flags < 0.03  # two in three still wait for a supervisor
        chunk.inspections.append(
            {
                "id": iid,
                "station_id": station,
                "rma_no": rma,
                "line_no": line,
                "sku": sku,
                "inspector": inspector,
                "state": state,
                "template_id": "apparel",
                "template_version": 3,
                "grade": grade if completed else None,
                "disposition": disposition if completed else None,
                "refund_kind": refund if completed else None,
                "refund_fen": fen if completed else None,
                "responsibility": responsible if completed else None,
                "verdict": {"grade": grade, "disposition": disposition, "refund_kind": refund}
                | {"refund_fen": fen, "responsibility": responsible, "carrier_claim": False},
                "review_requested": requested and completed is not None,
                "needs_review": flags < 0.02 and completed is not None,
                "overridden": 0.03 <= flags < 0.06,
                "overturned": 0.02 <= flags < 0.03,
                "answers": {"outer_box": "intact", "tags_attached": True, "signs_of_use": False},
                "rules_fired": [rule],
                "started_at": done - timedelta(minutes=4),
                "completed_at": completed,
                "cancelled_at": done if state == "cancelled" else None,
                "updated_at": done,
            }
        )
        self.evidence_of(chunk, iid, station, inspector, done, clip=completed is not None)
        if completed is not None and rng.random() < 0.005:
            self.dispute(chunk, iid, rma, done)

    def evidence_of(
        self, chunk: Chunk, iid: str, station: str, inspector: str, at: datetime, *, clip: bool
    ) -> None:
        media = ["photo", "photo"] + (["video"] if clip and self.rng.random() < 0.92 else [])
        for kind in media:
            self.evidence += 1
            deleted = kind == "video" and self.rng.random() < 0.01
            chunk.evidence.append(
                {
                    "event_id": uuid_at(at, self.rng),
                    "sha256": f"{self.rng.getrandbits(256):064x}",
                    "media": kind,
                    "station_id": station,
                    "station_evidence_id": self.evidence,
                    "inspection_id": iid,
                    "unmatched_id": None,
                    "kind": "unboxing" if kind == "video" else "overview",
                    "size_bytes": 40_000_000 if kind == "video" else 350_000,
                    "width": 1280,
                    "height": 720,
                    "duration_ms": 150_000 if kind == "video" else None,
                    "inspector": inspector,
                    "taken_at": at,
                    "deleted_at": at + timedelta(days=30) if deleted else None,
                    "deleted_reason": "retention" if deleted else "",
                }
            )

    def dispute(self, chunk: Chunk, iid: str, rma: str, at: datetime) -> None:
        closed = self.rng.random() < 0.7
        chunk.disputes.append(
            {
                "id": uuid_at(at, self.rng),
                "inspection_id": iid,
                "rma_no": rma,
                "platform": self.rng.choice(PLATFORMS),
                "case_id": f"C{self.rng.getrandbits(60):018d}",
                "reason": "not_as_described",
                "category": "apparel",
                "status": "closed" if closed else "open",
                "anchor_at": at + timedelta(days=2),
                "deadline_at": at + timedelta(days=4),
                "opened_by": "cs01",
                "opened_at": at + timedelta(days=2),
                "updated_at": at + timedelta(days=2),
                "closed_at": at + timedelta(days=3) if closed else None,
                "amount_fen": 19900,
                "note": "",
            }
        )

    def unmatched_parcel(self, chunk: Chunk, rma: str, at: datetime) -> None:
        linked = self.rng.random() < 0.6
        chunk.unmatched.append(
            {
                "id": uuid_at(at, self.rng),
                "station_id": self.rng.choice(STATIONS),
                "code": waybill(self.rng),
                "inspector": self.rng.choice(INSPECTORS),
                "received_at": at,
                "linked_rma": rma if linked else None,
                "linked_at": at + timedelta(hours=2) if linked else None,
            }
        )


def fill(engine: Engine, total: int) -> None:
    tables = [
        (ReturnRecord, "returns"),
        (ReturnWaybill, "waybills"),
        (InspectionRecord, "inspections"),
        (EvidenceRecord, "evidence"),
        (DisputeRecord, "disputes"),
        (UnmatchedRecord, "unmatched"),
    ]
    maker = Maker(total)
    for n, chunk in enumerate(maker.chunks(), 1):
        with engine.begin() as conn:
            for model, name in tables:
                rows = getattr(chunk, name)
                if rows:
                    conn.execute(insert(model), rows)
        if n % 10 == 0:
            print(f"  … {maker.made:,} inspections", flush=True)


def fast_sqlite(path: Path) -> Engine:
    """For the fill only: no fsync, a big cache (the searches use the service's engine)."""
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous=OFF")
        dbapi_connection.execute("PRAGMA cache_size=-1000000")

    return engine


def schema_key() -> str:
    """What the cached file depends on: the schema (the migrations build the models' one, a
    test makes sure) and the data's version."""
    dialect = sqlite.dialect()
    digest = hashlib.sha256(DATA_VERSION.encode())
    for model_table in Base.metadata.sorted_tables:
        digest.update(str(CreateTable(model_table).compile(dialect=dialect)).encode())
        for index in sorted(model_table.indexes, key=lambda i: str(i.name)):
            digest.update(str(CreateIndex(index).compile(dialect=dialect)).encode())
    return digest.hexdigest()[:10]


def sqlite_database(total: int) -> tuple[str, float | None]:
    """The cached SQLite file for ``total`` inspections (made first if missing) and how long
    the fill took (None: it was there already)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"central-{total}-{schema_key()}.db"
    if path.exists():
        return f"sqlite:///{path}", None
    for stale in CACHE.glob(f"central-{total}-*"):  # another schema, or a fill cut short
        stale.unlink()
    building = path.with_suffix(".building")
    began = time.perf_counter()
    service = make_engine(f"sqlite:///{building}")
    upgrade(service)
    service.dispose()
    engine = fast_sqlite(building)
    fill(engine, total)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    seconds = time.perf_counter() - began
    building.rename(path)
    return f"sqlite:///{path}", seconds


def postgres_database(cluster_url: str, total: int) -> tuple[str, float]:
    from tests.central.servers import create_database

    url = create_database(cluster_url, "console_bench")
    began = time.perf_counter()
    engine = make_engine(url)
    upgrade(engine)
    fill(engine, total)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
    engine.dispose()
    return url, time.perf_counter() - began


# -- the queries ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Keys:
    """Values drawn from the data, for queries that find something."""

    waybills: list[str]
    rmas: list[str]
    orders: list[str]
    popular_skus: list[str]
    rare_skus: list[str]
    inspectors: list[str]
    stations: list[str]
    unmatched: list[str]


def draw(session: Session, column: Any, count: int) -> list[str]:
    return list(session.scalars(select(column).order_by(func.random()).limit(count)))


def keys_of(engine: Engine, count: int) -> Keys:
    with Session(engine) as s:
        by_sku = (
            select(InspectionRecord.sku, func.count().label("n"))
            .group_by(InspectionRecord.sku)
            .subquery()
        )
        ranked = list(s.scalars(select(by_sku.c.sku).order_by(by_sku.c.n.desc())))
        return Keys(
            waybills=draw(s, ReturnWaybill.waybill, count),
            rmas=draw(s, InspectionRecord.rma_no, count),
            orders=draw(s, ReturnRecord.order_no, count),
            popular_skus=ranked[:20],
            rare_skus=ranked[len(ranked) // 2 :],
            inspectors=sorted(set(s.scalars(select(InspectionRecord.inspector).distinct()))),
            stations=sorted(set(s.scalars(select(InspectionRecord.station_id).distinct()))),
            unmatched=draw(s, UnmatchedRecord.code, count),
        )


def window(rng: random.Random, days: int) -> tuple[date, date]:
    last = NOW.date() - timedelta(days=rng.randrange(0, DAYS - days))
    return last - timedelta(days=days - 1), last


def kinds(keys: Keys, count: int, rng: random.Random) -> list[tuple[str, list[Query]]]:
    """Each kind of query the desk asks, ``count`` times with its keys."""

    def many(make: Callable[[], Query]) -> list[Query]:
        return [make() for _ in range(count)]

    def dated(days: int, **fields: Any) -> Query:
        since, until = window(rng, days)
        return Query(since=since, until=until, **fields)

    def flag(*flags: Flag) -> Callable[[], Query]:
        return lambda: Query(flags=frozenset(flags), page=rng.randint(1, 3))

    def miss() -> Query:
        return Query(text=rng.choice(["SF", "RMA26", "TB", "yt"]) + str(rng.getrandbits(40)))

    return [
        ("waybill", many(lambda: Query(text=rng.choice(keys.waybills)))),
        (
            "waybill typed in lower case",
            many(lambda: Query(text=rng.choice(keys.waybills).lower())),
        ),
        ("RMA", many(lambda: Query(text=rng.choice(keys.rmas)))),
        ("order no.", many(lambda: Query(text=rng.choice(keys.orders)))),
        ("SKU, popular (top 20)", many(lambda: Query(text=rng.choice(keys.popular_skus)))),
        ("SKU, rare (bottom half)", many(lambda: Query(text=rng.choice(keys.rare_skus)))),
        (
            "SKU, popular, typed in upper case",
            many(lambda: Query(text=rng.choice(keys.popular_skus).upper())),
        ),
        ("unmatched parcel's code", many(lambda: Query(text=rng.choice(keys.unmatched)))),
        ("a code that names nothing", many(miss)),
        ("inspector", many(lambda: Query(inspector=rng.choice(keys.inspectors)))),
        ("station + 7 days", many(lambda: dated(7, station=rng.choice(keys.stations)))),
        ("station + 30 days", many(lambda: dated(30, station=rng.choice(keys.stations)))),
        ("flags: needs_review", many(flag(Flag.NEEDS_REVIEW))),
        ("flags: review_requested", many(flag(Flag.REVIEW_REQUESTED))),
        ("flags: overridden", many(flag(Flag.OVERRIDDEN))),
        ("flags: overturned", many(flag(Flag.OVERTURNED))),
        ("flags: disputed", many(flag(Flag.DISPUTED))),
        ("flags: has_clip", many(flag(Flag.HAS_CLIP))),
        ("flags: cancelled", many(flag(Flag.CANCELLED))),
        ("flags: overridden + has_clip", many(flag(Flag.OVERRIDDEN, Flag.HAS_CLIP))),
        (
            "flags: review_requested + overridden (none)",
            many(flag(Flag.REVIEW_REQUESTED, Flag.OVERRIDDEN)),
        ),
        ("1 day, no text", many(lambda: dated(1))),
        ("30 days, no text", many(lambda: dated(30))),
        (
            "popular SKU + station + 30 days + has_clip",
            many(
                lambda: dated(
                    30,
                    text=rng.choice(keys.popular_skus),
                    station=rng.choice(keys.stations),
                    flags=frozenset({Flag.HAS_CLIP}),
                )
            ),
        ),
        (
            "inspector + 30 days + disputed",
            many(
                lambda: dated(
                    30, inspector=rng.choice(keys.inspectors), flags=frozenset({Flag.DISPUTED})
                )
            ),
        ),
        ("90 days, page 50", many(lambda: dated(90, page=50))),
        ("everything, page 200 (the cap)", many(lambda: Query(page=200))),
    ]


def measure(engine: Engine, queries: list[Query]) -> tuple[list[float], list[int]]:
    """Seconds of each search in its own read transaction, and the totals it found."""
    seconds, totals = [], []
    for query in queries:
        began = time.perf_counter()
        with Session(engine) as session, session.begin():
            results = search(session, query)
        seconds.append(time.perf_counter() - began)
        totals.append(results.total + len(results.unmatched))
    return seconds, totals


def run(engine: Engine, title: str, count: int) -> list[list[object]]:
    keys = keys_of(engine, count)
    rng = random.Random(7)
    rows: list[list[object]] = []
    for name, queries in kinds(keys, count, rng):
        measure(engine, queries[:10])  # warm the caches a little, untimed
        seconds, totals = measure(engine, queries)
        median, p95, worst = summary_ms(seconds)
        found = sorted(totals)[len(totals) // 2]
        verdict = "ok" if p95 < TARGET_MS else "MISSED"
        rows.append([name, f"{found:,}", median, p95, worst, f"< {TARGET_MS:.0f}", verdict])
    table(
        title,
        ["query", "found (median)", "median ms", "p95 ms", "max ms", "p95 target ms", "verdict"],
        rows,
    )
    return rows


def store_facts(engine: Engine) -> list[object]:
    models = (
        InspectionRecord,
        ReturnRecord,
        ReturnWaybill,
        EvidenceRecord,
        DisputeRecord,
        UnmatchedRecord,
    )
    with Session(engine) as s:
        return [f"{s.scalar(select(func.count()).select_from(m)):,}" for m in models]


def report_store(title: str, engine: Engine, fill_s: float | None, size: str) -> None:
    filled = "cached" if fill_s is None else f"{fill_s:.0f} s"
    table(
        title,
        [
            "inspections",
            "returns",
            "waybills",
            "evidence",
            "disputes",
            "unmatched",
            "size",
            "filled in",
        ],
        [[*store_facts(engine), size, filled]],
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inspections", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    url, fill_s = sqlite_database(args.inspections)
    engine = make_engine(url)
    size = f"{Path(url.removeprefix('sqlite:///')).stat().st_size / 1e6:,.0f} MB"
    report_store("SQLite store", engine, fill_s, size)
    rows = run(engine, f"Search on SQLite ({args.queries} queries each)", args.queries)
    engine.dispose()
    if args.postgres:
        rows += postgres(args.inspections, args.queries)
    sys.exit(1 if any(r[-1] != "ok" for r in rows) else 0)


def postgres(total: int, count: int) -> list[list[object]]:
    from tests.central.servers import postgres_cluster

    with postgres_cluster() as cluster_url:
        url, fill_s = postgres_database(cluster_url, total)
        engine = make_engine(url)
        with engine.connect() as conn:
            size = conn.scalar(text("SELECT pg_size_pretty(pg_database_size(current_database()))"))
        report_store("PostgreSQL store", engine, fill_s, str(size))
        rows = run(engine, f"Search on PostgreSQL ({count} queries each)", count)
        engine.dispose()
        return rows


if __name__ == "__main__":
    main()

"""Prometheus metrics at ``/metrics``: requests, their latency, events, bytes, what is in
flight and turned away, and how far behind each station is.

Several worker processes of one service share their counts through
``PROMETHEUS_MULTIPROC_DIR`` (prometheus_client's multiprocess mode, docs/DEPLOYMENT.md);
without it each process reports its own.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.core.metrics import IN_FLIGHT, LATENCY, REQUESTS
from central.db.models import ChangeRecord, Station
from central.db.types import utcnow

# Anyone can send any method: each one of its own would make a series of its own.
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


class Metrics:
    """ASGI middleware counting every request under its route's template (never the raw
    path: ids would make a series each) and a method HTTP defines (any other is "other")."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        IN_FLIGHT.inc()
        try:
            await self.app(scope, receive, sending)
        finally:
            IN_FLIGHT.dec()
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            method = scope["method"] if scope["method"] in _METHODS else "other"
            REQUESTS.labels(method, route, str(status)).inc()
            LATENCY.labels(method, route).observe(time.perf_counter() - started)


class StationLag(Collector):
    """How long since each station was last heard from, and the change feed's head: read
    from the database at each scrape (one small query each)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def collect(self) -> Iterator[GaugeMetricFamily]:
        now = utcnow()
        lag = GaugeMetricFamily(
            "central_station_silent_seconds",
            "Seconds since the station last sent anything",
            labels=["station", "warehouse"],
        )
        with self.sessions() as session:
            for station, warehouse, seen in session.execute(
                select(Station.id, Station.warehouse, Station.last_seen_at)
            ):
                since = (now - seen).total_seconds() if seen is not None else float("inf")
                lag.add_metric([station, warehouse], since)
            head = session.scalar(select(func.max(ChangeRecord.seq))) or 0
        yield lag
        yield GaugeMetricFamily(
            "central_change_feed_head", "The newest change published to stations", value=head
        )


def exposition(sessions: sessionmaker[Session]) -> tuple[bytes, str]:
    """The metrics as Prometheus scrapes them: every worker's when they share a folder, and
    what the database says now."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        counted = CollectorRegistry()
        MultiProcessCollector(counted)  # type: ignore[no-untyped-call]
    else:
        counted = REGISTRY
    database = CollectorRegistry(auto_describe=False)
    database.register(StationLag(sessions))
    return generate_latest(counted) + generate_latest(database), CONTENT_TYPE_LATEST

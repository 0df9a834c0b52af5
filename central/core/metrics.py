"""The service's Prometheus metrics, counted where things happen (exposed by
central/api/metrics.py at ``/metrics``)."""

from __future__ import annotations

from typing import Final

from prometheus_client import Counter, Gauge, Histogram

REQUESTS: Final = Counter(
    "central_http_requests", "HTTP requests answered", ["method", "route", "status"]
)
LATENCY: Final = Histogram(
    "central_http_request_seconds",
    "Time to answer, by route",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
IN_FLIGHT: Final = Gauge(
    "central_http_requests_in_flight", "Requests being answered", multiprocess_mode="livesum"
)
EVENTS: Final = Counter("central_events", "Events stations sent, by outcome", ["outcome"])
BYTES_IN: Final = Counter("central_blob_bytes_stored", "Bytes of new blobs stored")
TURNED_AWAY: Final = Counter(
    "central_requests_turned_away", "Heavy requests refused by back-pressure", ["status"]
)

"""Back-pressure: what a saturated central says, and fairness between stations.

The heavy requests — a batch of events, a blob, a clip's chunk — are admitted up to
``busy_requests`` at a time in this process; past that the answer is 503 with ``Retry-After``
before the body is read, so a warehouse of benches coming back online at once queues at the
benches (each keeps its place: unsent events stay in its outbox, a clip's offset at central)
instead of in this process's memory and threads. One station may have at most
``station_requests`` of them in flight (429 with ``Retry-After`` past that), so a bench with a
huge backlog or many connections cannot take every slot from the others.

Stations are told apart by their bearer token (hashed; whether it is valid is checked later,
by the route), so admission costs no database query.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.core.metrics import TURNED_AWAY
from station.protocol.wire import STATION_REQUESTS_HEADER

log = logging.getLogger("central.http")

HEAVY: Final = (
    ("POST", "/v1/events"),
    ("POST", "/v1/blobs"),
    ("PUT", "/v1/blobs/"),
    ("PATCH", "/v1/uploads/"),
    ("POST", "/v1/clips/"),  # completing one reads the whole clip back from S3 to hash it
)


def heavy(method: str, path: str) -> bool:
    return any(
        method == m and (path == p or (p.endswith("/") and path.startswith(p))) for m, p in HEAVY
    )


@dataclass(slots=True)
class Admission:
    """ASGI middleware; the counts live on the event loop's thread, so plain integers do."""

    app: ASGIApp
    busy_requests: int
    station_requests: int
    retry_after: int = 2
    in_flight: int = 0
    per_station: Counter[str] = field(default_factory=Counter)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not heavy(scope["method"], scope["path"]):
            await self.app(scope, receive, send)
            return
        caller = _caller(scope)
        if self.per_station[caller] >= self.station_requests:
            await self._refuse(
                send,
                429,
                "this station has as many requests in flight as it "
                "may; send the next when one is answered",
            )
            return
        if self.in_flight >= self.busy_requests:
            await self._refuse(send, 503, "central is busy; try again after Retry-After seconds")
            return
        self.in_flight += 1
        self.per_station[caller] += 1
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                self.in_flight -= 1
                self.per_station[caller] -= 1
                if not self.per_station[caller]:
                    del self.per_station[caller]

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                # what a station may have in flight, so it sizes its uploads to it
                message["headers"] = [*message.get("headers", ()), self._allowance]
            # freed before the answer's last bytes go out: a client that has its answer may
            # send the next request at once and find its slot free
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                release()
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            release()

    @property
    def _allowance(self) -> tuple[bytes, bytes]:
        return (STATION_REQUESTS_HEADER.lower().encode(), str(self.station_requests).encode())

    async def _refuse(self, send: Send, status: int, detail: str) -> None:
        TURNED_AWAY.labels(str(status)).inc()
        # spread the retries: benches turned away together do not all come back together
        wait = self.retry_after + random.randint(0, self.retry_after)
        body = json.dumps({"detail": detail}).encode()
        headers: list[tuple[bytes, bytes]] = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(wait).encode()),
            (b"connection", b"close"),  # its body is not read: this connection is done
            self._allowance,
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _caller(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            return hashlib.sha256(value).hexdigest()[:32]
    client = scope.get("client") or ("unknown", 0)
    return f"address:{client[0]}"

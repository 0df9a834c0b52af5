"""Back-pressure: what a saturated central says, and fairness between stations.

The heavy requests — a batch of events, a blob, a clip's chunk — are admitted up to
``busy_requests`` at a time in this process; past that the answer is 503 with ``Retry-After``
before the body is read, so a warehouse of benches coming back online at once queues at the
benches (each keeps its place: unsent events stay in its outbox, a clip's offset at central)
instead of in this process's memory and threads. One station may have at most
``station_requests`` of them in flight (429 with ``Retry-After`` past that), so a bench with a
huge backlog or many connections cannot take every slot from the others.

Stations are told apart by their bearer token. A token is checked against the stations (one
query, in a worker thread) the first time it comes, before it may hold a slot: made-up tokens
each looked like a station of their own, so a few connections sending their bodies slowly took
every slot from the real benches. A missing or unknown token is answered 401 at once, and
counts against its address as the routes count it. Tokens that named a station are remembered
(the newest ``KNOWN_TOKENS``), so a bench's further requests cost no query; the route still
checks each one, so a token replaced since is refused there.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from fastapi import HTTPException
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.api.throttle import FailureThrottle
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


KNOWN_TOKENS: Final = 10_000
UNKNOWN_TOKEN: Final = "unknown station token (never issued, or replaced by a newer one)"


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
    # whether a bearer token names a station (a database query: run in a worker thread)
    names_station: Callable[[str], bool]
    throttle: FailureThrottle
    retry_after: int = 2
    in_flight: int = 0
    per_station: Counter[str] = field(default_factory=Counter)
    known: OrderedDict[str, None] = field(default_factory=OrderedDict)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not heavy(scope["method"], scope["path"]):
            await self.app(scope, receive, send)
            return
        token = _bearer(scope)
        caller = hashlib.sha256(token.encode()).hexdigest()[:32] if token else ""
        if caller not in self.known:
            checked = await run_in_threadpool(self._check, token, _address(scope))
            if isinstance(checked, tuple):
                await self._refuse(send, *checked)
                return
            if checked:
                self.known[caller] = None
                while len(self.known) > KNOWN_TOKENS:
                    self.known.popitem(last=False)
        if self.per_station[caller] >= self.station_requests:
            await self._refuse(
                send,
                429,
                "this station has as many requests in flight as it "
                "may; send the next when one is answered",
                self._spread(),
            )
            return
        if self.in_flight >= self.busy_requests:
            busy = "central is busy; try again after Retry-After seconds"
            await self._refuse(send, 503, busy, self._spread())
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

    def _check(self, token: str | None, address: str) -> bool | tuple[int, str, int | None]:
        """True when the token names a station; why a request with it may not even send its
        body (status, detail, Retry-After); False when it could not be told (the database is
        out: the route answers for that). A wrong token counts against its address as the
        routes count one, and a right one is never refused for the wrong ones of others
        (benches share an address behind a NAT)."""
        try:
            if token is not None and self.names_station(token):
                return True
        except SQLAlchemyError:
            log.warning("could not check a station token; its route will", exc_info=True)
            return False
        try:
            self.throttle.check("token", address)
        except HTTPException as blocked:
            wait = int((blocked.headers or {}).get("Retry-After", self.retry_after))
            return blocked.status_code, str(blocked.detail), wait
        self.throttle.fail("token", address)
        needed = "a station token is needed: Authorization: Bearer <token>"
        return 401, UNKNOWN_TOKEN if token is not None else needed, None

    def _spread(self) -> int:
        """A Retry-After that spreads the retries: benches turned away together do not all
        come back together."""
        return self.retry_after + random.randint(0, self.retry_after)

    async def _refuse(self, send: Send, status: int, detail: str, wait: int | None) -> None:
        """Answer ``status`` without reading the body; ``wait`` is its Retry-After, None for
        an answer no waiting changes."""
        TURNED_AWAY.labels(str(status)).inc()
        body = json.dumps({"detail": detail}).encode()
        headers: list[tuple[bytes, bytes]] = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),  # its body is not read: this connection is done
            self._allowance,
        ]
        if wait is not None:
            headers.append((b"retry-after", str(wait).encode()))
        if status == 401:
            headers.append((b"www-authenticate", b"Bearer"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _bearer(scope: Scope) -> str | None:
    """The bearer token the request carries, if any."""
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            token = token.strip()
            return token if scheme.lower() == "bearer" and token else None
    return None


def _address(scope: Scope) -> str:
    client = scope.get("client") or ("unknown", 0)
    return str(client[0])

"""Deadlines for what a client sends, and a cap on connections.

uvicorn bounds the idle time between requests (``timeout_keep_alive``) and the size of a
request's head (h11's incomplete-event limit), but not the time a client takes to send them:
headers or a body trickled at a byte a second held a connection, and its descriptor, forever.
Here:

- :class:`DeadlineH11Protocol` closes a connection whose request head is not complete within
  ``header_timeout`` of the connection opening or the previous answer, and turns away a
  connection past ``max_connections`` at once (a short 503) before it holds anything;
- :class:`BodyDeadline` (ASGI) answers 408 and closes the connection when a request's body
  has not arrived within ``body_timeout`` plus its declared length at ``min_upload_rate``.

Each of these logs through ``central.http``, which :mod:`central.core.logthrottle` keeps to
one line per kind per interval.
"""

from __future__ import annotations

import asyncio
import logging
import resource
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from central.core.config import CentralSettings

log = logging.getLogger("central.http")

RESERVED_DESCRIPTORS = 64  # the database, the blob store, logs, spooled uploads
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n"
    b"content-length: 46\r\nconnection: close\r\n\r\n"
    b'{"detail":"too many connections; try again"}\r\n'
)
assert len(_BUSY.split(b"\r\n\r\n", 1)[1]) == 46


class DeadlineH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request's head and a connection cap
    (set on a subclass by :func:`protocol_class`)."""

    header_timeout: float = 10.0
    max_connections: int = 200

    _head_deadline: asyncio.TimerHandle | None = None
    _turned_away = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        if len(self.connections) >= self.max_connections:
            self._turned_away = True
            log.warning("more than %d connections: one turned away", self.max_connections)
            transport.write(_BUSY)
            transport.close()
            return
        super().connection_made(transport)
        self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._head_arrived()
        if not self._turned_away:
            super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._turned_away:
            return

        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._head_arrived()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self._await_head()

    def _await_head(self) -> None:
        self._head_arrived()
        self._head_deadline = self.loop.call_later(self.header_timeout, self._head_too_slow)

    def _head_arrived(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_too_slow(self) -> None:
        self._head_deadline = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
            return
        log.warning(
            "a request's head did not arrive within %g s: connection closed", self.header_timeout
        )
        self.transport.close()


def max_connections(wanted: int) -> int:
    """``wanted``, or fewer when the process may not open that many descriptors."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(1, min(wanted, soft - RESERVED_DESCRIPTORS))


def protocol_class(settings: CentralSettings) -> type[DeadlineH11Protocol]:
    return type(
        "CentralH11Protocol",
        (DeadlineH11Protocol,),
        {
            "header_timeout": settings.header_timeout,
            "max_connections": max_connections(settings.max_connections),
        },
    )


class _BodyTooSlow(BaseException):
    """Raised out of ``receive`` through the application (whose handlers catch Exception and
    would answer 400 or 500) to :class:`BodyDeadline`."""


class BodyDeadline:
    """ASGI middleware: a request's body must arrive within its deadline."""

    def __init__(self, app: Any, *, body_timeout: float, min_upload_rate: int) -> None:
        self.app = app
        self.body_timeout = body_timeout
        self.min_upload_rate = min_upload_rate

    def budget(self, scope: dict[str, Any]) -> float:
        declared = 0
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit():
                declared = int(value)
        return self.body_timeout + declared / self.min_upload_rate

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        budget = self.budget(scope)
        deadline = loop.time() + budget
        body_done = False
        started = False

        async def timed_receive() -> dict[str, Any]:
            nonlocal body_done
            if body_done:
                message: dict[str, Any] = await receive()
                return message
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                raise _BodyTooSlow from None
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_done = True
            return message

        async def tracked_send(message: dict[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, timed_receive, tracked_send)
        except _BodyTooSlow:
            log.warning("a request's body did not arrive within %.0f s: answered 408", budget)
            if not started:
                await send(
                    {
                        "type": "http.response.start",
                        "status": 408,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"connection", b"close"),
                        ],
                    }
                )
                await send(
                    {
                        "type": "http.response.body",
                        "body": b'{"detail":"the request body was not received in time"}',
                    }
                )

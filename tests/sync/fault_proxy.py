"""A loopback HTTP proxy that misbehaves on purpose, between a station and the central service.

Each request is handled on its own connection (the proxy answers ``Connection: close``), and
the next fault in the queue decides what happens to it: passed through, refused, answered
with a 500 or a canned response, delayed, cut at a byte offset on the way up, delivered twice,
or delivered with its response lost, truncated or its body altered on the way back.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

Predicate = Callable[["Request"], bool]


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str
    head: bytes
    body: bytes


@dataclass(frozen=True, slots=True)
class Fault:
    kind: str  # pass | refuse | error500 | respond | delay | cut_upload | duplicate |
    #            drop_response | truncate_response | rewrite
    value: float = 0
    response: bytes = b""
    when: Predicate | None = None  # only requests it matches use up this fault
    edit: Callable[[bytes], bytes] | None = None  # rewrite: central's answer body, altered


def respond(status: int, body: bytes, content_type: str = "application/json") -> Fault:
    reason = {200: "OK", 500: "Internal Server Error"}.get(status, "X")
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    return Fault("respond", response=head + body)


@dataclass
class FaultProxy:
    upstream: tuple[str, int]
    faults: deque[Fault] = field(default_factory=deque)
    seen: list[Request] = field(default_factory=list)
    # what happened in order: ("arrived", request) once read, ("answered", request) once
    # central's answer is back, before the station gets it
    timeline: list[tuple[str, Request]] = field(default_factory=list)
    default: Callable[[Request], Fault] | None = None

    def __post_init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._stop.set()
        # closing a listening socket does not wake a thread blocked in accept(): a connection
        # does, and the loop then sees it is to stop
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        self._thread.join(5)
        self._server.close()

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- serving ----------------------------------------------------------------------------

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            if self._stop.is_set():
                client.close()
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _next_fault(self, request: Request) -> Fault:
        for fault in list(self.faults):
            if fault.when is None or fault.when(request):
                self.faults.remove(fault)
                return fault
        return self.default(request) if self.default else Fault("pass")

    def _handle(self, client: socket.socket) -> None:
        with contextlib.suppress(OSError):  # the station gave up on this connection
            self._relay(client)

    def _relay(self, client: socket.socket) -> None:
        with client:
            client.settimeout(30)
            request = _read_request(client)
            if request is None:
                return
            self.seen.append(request)
            self.timeline.append(("arrived", request))
            fault = self._next_fault(request)
            kind = fault.kind
            if kind == "refuse":
                return
            if kind in ("error500", "respond"):
                body = fault.response or respond(500, b'{"detail":"injected"}').response
                client.sendall(body)
                return
            if kind == "delay":
                time.sleep(fault.value)
            if kind == "cut_upload":
                _forward(self.upstream, request, limit=int(fault.value))
                return
            if kind == "duplicate":
                _forward(self.upstream, request)
            answer = _forward(self.upstream, request)
            self.timeline.append(("answered", request))
            if kind == "drop_response":
                return
            if kind == "truncate_response":
                answer = answer[: int(fault.value)]
            if kind == "rewrite" and fault.edit is not None:
                answer = _rewritten(answer, fault.edit)
            client.sendall(answer)


def _read_request(conn: socket.socket) -> Request | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    length = 0
    chunked = False
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
        if name.strip().lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while not body.endswith(b"0\r\n\r\n"):
            chunk = conn.recv(65536)
            if not chunk:
                return None
            body += chunk
        body = _dechunk(body)
        lines = [line for line in lines if not line.lower().startswith("transfer-encoding")]
        lines.append(f"Content-Length: {len(body)}")
    else:
        while len(body) < length:
            chunk = conn.recv(min(65536, length - len(body)))
            if not chunk:
                # the client died mid-body: like a reverse proxy that buffers request bodies
                # (nginx's default), forward nothing rather than half a request
                return None
            body += chunk
    kept = [line for line in lines if not line.lower().startswith("connection")]
    new_head = ("\r\n".join([*kept, "Connection: close"]) + "\r\n\r\n").encode("latin-1")
    return Request(method, path, new_head, body)


def _rewritten(answer: bytes, edit: Callable[[bytes], bytes]) -> bytes:
    """The response with its body passed through ``edit`` and its length set to match."""
    head, _, body = answer.partition(b"\r\n\r\n")
    body = edit(body)
    lines = [
        line
        for line in head.decode("latin-1").split("\r\n")
        if not line.lower().startswith(("content-length", "transfer-encoding"))
    ]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _dechunk(raw: bytes) -> bytes:
    out, rest = b"", raw
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out += rest[:size]
        rest = rest[size + 2 :]
    return out


def _forward(upstream: tuple[str, int], request: Request, limit: int | None = None) -> bytes:
    """Send the request upstream and return the whole response (or cut the upload)."""
    with socket.create_connection(upstream, timeout=30) as conn:
        payload = request.head + request.body
        if limit is not None:
            conn.sendall(payload[: len(request.head) + limit])
            conn.shutdown(socket.SHUT_RDWR)
            return b""
        conn.sendall(payload)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)

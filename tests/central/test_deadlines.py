"""Clients that send slowly, or not at all, against a real central process on loopback.

A request's head trickled a byte at a time, a connection that says nothing, a body trickled
after its head: each is closed within its deadline, while other clients keep being answered;
a flood of such connections under a small descriptor limit is turned away at a cap instead of
starving the server, and the log says so in a few lines, not one per connection.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import resource
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from central.core.logthrottle import Throttle
from tests.central.client import Api
from tests.central.servers import CentralServer, central_server

HEADER_TIMEOUT = 1.5
BODY_TIMEOUT = 2.0
SLACK = 1.5  # the event loop's timer, the test's own pacing
ENV = {
    "CENTRAL_HEADER_TIMEOUT": str(HEADER_TIMEOUT),
    "CENTRAL_BODY_TIMEOUT": str(BODY_TIMEOUT),
    "CENTRAL_MIN_UPLOAD_RATE": str(10 * 1024 * 1024),  # the declared length adds nothing
}
HEAD = b"POST /v1/events HTTP/1.1\r\nHost: central\r\nContent-Type: application/json\r\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with central_server(data_dir=tmp_path_factory.mktemp("deadlines"), env=ENV) as running:
        yield running


def connect(server: CentralServer) -> socket.socket:
    conn = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    conn.setblocking(False)
    return conn


def closed(conn: socket.socket, received: bytearray) -> bool:
    """Whether the server has closed ``conn``; what it said so far is added to ``received``,
    which is kept across calls: an answer and the close that follows it may arrive in
    different polls."""
    while True:
        try:
            chunk = conn.recv(4096)
        except BlockingIOError:
            return False
        except ConnectionResetError:
            return True
        if not chunk:
            return True
        received += chunk


@dataclass
class Trickled:
    ended: dict[int, float]  # when each connection was closed (seconds from the start)
    answers: dict[int, bytes]  # what the server said on each before closing it


def trickle(conns: list[socket.socket], data: bytes, *, for_at_most: float) -> Trickled:
    """Send ``data`` a byte at a time to each connection, a byte every 0.1 s, until each is
    closed or time is up."""
    start = time.monotonic()
    done = Trickled(ended={}, answers={})
    received = [bytearray() for _ in conns]
    position = 0
    while len(done.ended) < len(conns) and time.monotonic() - start < for_at_most:
        byte = data[position : position + 1] if data else b""
        position = (position + 1) % max(len(data), 1)
        for index, conn in enumerate(conns):
            if index in done.ended:
                continue
            if closed(conn, received[index]):
                done.ended[index] = time.monotonic() - start
                done.answers[index] = bytes(received[index])
                continue
            if byte:
                with contextlib.suppress(BlockingIOError, BrokenPipeError, ConnectionResetError):
                    conn.send(byte)
        time.sleep(0.1)  # the pace of the attack itself, not a wait for a result
    return done


def health(server: CentralServer) -> int:
    return httpx.get(f"{server.base_url}/v1/health", timeout=5).status_code


def log_lines(server: CentralServer) -> int:
    return len(server.log_path.read_text(errors="replace").splitlines())


def test_a_head_trickled_a_byte_at_a_time_is_cut_off(server: CentralServer) -> None:
    conn = connect(server)
    try:
        ended = trickle([conn], HEAD * 100, for_at_most=HEADER_TIMEOUT + 10).ended
        assert 0 in ended, "the connection was never closed"
        assert ended[0] <= HEADER_TIMEOUT + SLACK
    finally:
        conn.close()
    assert health(server) == 200


def test_a_connection_that_says_nothing_is_closed(server: CentralServer) -> None:
    conn = connect(server)
    try:
        ended = trickle([conn], b"", for_at_most=HEADER_TIMEOUT + 10).ended  # sends nothing
        assert 0 in ended and ended[0] <= HEADER_TIMEOUT + SLACK
    finally:
        conn.close()


def test_an_idle_keep_alive_connection_is_closed(server: CentralServer) -> None:
    with httpx.Client(base_url=server.base_url) as client:
        assert client.get("/v1/health").status_code == 200
    conn = connect(server)
    try:
        conn.setblocking(True)
        conn.sendall(b"GET /v1/health HTTP/1.1\r\nHost: central\r\n\r\n")
        assert b" 200 " in conn.recv(4096).split(b"\r\n", 1)[0] + b" "
        conn.setblocking(False)
        ended = trickle([conn], b"", for_at_most=15).ended  # silence after the answer
        assert 0 in ended
    finally:
        conn.close()


def test_a_body_trickled_after_its_head_is_answered_408_and_closed(
    server: CentralServer,
) -> None:
    with Api(server) as api:  # a bench's own token: a made-up one is refused before its body
        api.register()
        token = api.token
    conn = connect(server)
    try:
        conn.setblocking(True)
        conn.sendall(HEAD + f"Authorization: Bearer {token}\r\n".encode())
        conn.sendall(b"Content-Length: 100000\r\n\r\n")  # a whole head
        conn.setblocking(False)
        done = trickle([conn], b'{"events": [', for_at_most=BODY_TIMEOUT + 10)
        assert 0 in done.ended, "the connection was never closed"
        assert done.ended[0] <= BODY_TIMEOUT + SLACK
        answer = done.answers[0]
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    finally:
        conn.close()
    assert health(server) == 200
    assert "Traceback" not in server.log_path.read_text(errors="replace")


def test_other_clients_are_answered_while_a_few_trickle(server: CentralServer) -> None:
    conns = [connect(server) for _ in range(20)]
    try:
        start = time.monotonic()
        answered = []
        while time.monotonic() - start < HEADER_TIMEOUT:
            for conn in conns:
                with contextlib.suppress(BlockingIOError, OSError):
                    conn.send(b"P")
            began = time.monotonic()
            answered.append((health(server), time.monotonic() - began))
        assert all(code == 200 and took < 1.0 for code, took in answered), answered
    finally:
        for conn in conns:
            conn.close()


def test_a_flood_under_a_small_descriptor_limit_is_capped_and_logged_briefly(
    tmp_path: Path,
) -> None:
    """250 slow uploads at a server allowed 256 descriptors: the ones past the cap are turned
    away at once, the server keeps answering, all are gone after the deadline, and the log
    grows by a few lines."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, hard))  # inherited by the server
    try:
        context = central_server(data_dir=tmp_path / "central", env=ENV)
        flood_server = context.__enter__()
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    try:
        before = log_lines(flood_server)
        conns = []
        for _ in range(250):
            try:
                conns.append(connect(flood_server))
            except OSError as exc:  # the listen backlog is full: that is the server's cap too
                assert exc.errno in (errno.ECONNREFUSED, errno.ETIMEDOUT, errno.EAGAIN)
        try:
            done = trickle(conns, HEAD * 100, for_at_most=HEADER_TIMEOUT + 10)
            still_open = len(conns) - len(done.ended)
            assert not still_open, f"{still_open} connections still open"
            busy = [i for i, said in done.answers.items() if said.startswith(b"HTTP/1.1 503")]
            assert busy, "no connection was turned away at the cap"
            assert max(done.ended.values()) <= HEADER_TIMEOUT + SLACK + 1
        finally:
            for conn in conns:
                conn.close()
        assert health(flood_server) == 200
        grown = log_lines(flood_server) - before
        assert grown < 20, flood_server.log_tail(40)
    finally:
        context.__exit__(None, None, None)


def test_the_throttle_lets_one_line_per_kind_through_and_counts_the_rest() -> None:
    now = [0.0]
    throttle = Throttle(["central.http"], interval=10, clock=lambda: now[0])

    def record(msg: str, name: str = "central.http", level: int = logging.WARNING) -> bool:
        return throttle.filter(logging.LogRecord(name, level, __file__, 1, msg, (), None))

    assert record("head too slow")
    assert not any(record("head too slow") for _ in range(500))
    assert record("body too slow")  # another kind
    assert record("head too slow", name="central.services.events")  # not a noisy logger
    assert record("head too slow", level=logging.INFO)  # below warnings: never held back
    now[0] = 10.5
    passed = logging.LogRecord(
        "central.http", logging.WARNING, __file__, 1, "head too slow", (), None
    )
    assert throttle.filter(passed)
    assert passed.getMessage() == "head too slow (500 more like this in the last 10 s)"

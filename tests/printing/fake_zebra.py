"""A ZPL printer on loopback for tests: takes raw TCP like a Zebra on port 9100, answers the
``~HS`` status query, and can be told to be out of paper or to drop a connection mid-label."""

from __future__ import annotations

import re
import socket
import struct
import threading
from dataclasses import dataclass, field


def status_reply(
    *, paper_out: bool = False, paused: bool = False, head_open: bool = False
) -> bytes:
    one = f"030,{int(paper_out)},{int(paused)},1245,000,0,0,0,000,0,0,0"
    two = f"000,0,{int(head_open)},0,0,2,6,0,00000000,1,000"
    return b"".join(b"\x02" + s.encode() + b"\x03\r\n" for s in (one, two, "1234,0"))


@dataclass
class FakeZebra:
    paper_out: bool = False
    paused: bool = False
    head_open: bool = False
    answer_status: bool = True
    drop_after: int | None = None  # reset the next connection after this many bytes
    switched_on: bool = True  # off: the port refuses connections until switch_on()
    connections: list[bytes] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))  # bound but not listening: connections refused
        self.port = int(self._server.getsockname()[1])
        self._lock = threading.Condition()
        if self.switched_on:
            self.switch_on()

    def switch_on(self) -> None:
        self._server.listen(8)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        received = b""
        answered = 0
        with self._lock:
            drop_after, self.drop_after = self.drop_after, None
        with conn:
            conn.settimeout(10)
            while True:
                try:
                    chunk = conn.recv(4096)
                except OSError:
                    break
                if not chunk:
                    break
                received += chunk
                if drop_after is not None and len(received) >= drop_after:
                    received = received[:drop_after]
                    # SO_LINGER 0: close with a reset, as a printer that loses power does
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    break
                while self.answer_status and received.count(b"~HS") > answered:
                    answered += 1
                    conn.sendall(
                        status_reply(
                            paper_out=self.paper_out, paused=self.paused, head_open=self.head_open
                        )
                    )
        with self._lock:
            self.connections.append(received)
            self._lock.notify_all()

    def wait_connections(self, count: int, timeout: float = 10) -> list[bytes]:
        with self._lock:
            if not self._lock.wait_for(lambda: len(self.connections) >= count, timeout):
                raise TimeoutError(f"{len(self.connections)} of {count} connections arrived")
            return list(self.connections)

    def labels(self) -> list[bytes]:
        """Every complete ``^XA … ^XZ`` format received so far (on closed connections)."""
        with self._lock:
            return self._labels()

    def _labels(self) -> list[bytes]:
        return [m for data in self.connections for m in re.findall(rb"\^XA.*?\^XZ", data, re.S)]

    def wait_labels(self, count: int, timeout: float = 10) -> list[bytes]:
        """The labels once ``count`` have arrived (a connection is recorded when it closes)."""
        with self._lock:
            if not self._lock.wait_for(lambda: len(self._labels()) >= count, timeout):
                raise TimeoutError(f"{len(self._labels())} of {count} labels arrived")
            return self._labels()

    def close(self) -> None:
        self._server.close()


def closed_port() -> int:
    """A loopback port nobody listens on: connecting is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])

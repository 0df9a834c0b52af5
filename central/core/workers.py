"""Several worker processes on one listening socket: ``central serve --workers N``.

One Python process answers on about one core (the event loop, the HTTP parser and the work
under the GIL). On a host with more cores, ``--workers N`` binds the address once and starts
N ordinary ``central serve`` processes that accept on that socket (the kernel hands each new
connection to one of them); they share nothing else, as processes on separate hosts share
nothing but the database and the blob store. This process only supervises: a worker that
dies is started again, SIGTERM or SIGINT ends them all gracefully.

Each worker is a fresh interpreter (not a fork): it imports prometheus_client after
``PROMETHEUS_MULTIPROC_DIR`` is set, so ``/metrics`` on any worker counts all of them, and it
opens its own database pool.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import FrameType

log = logging.getLogger(__name__)

LISTEN_BACKLOG = 2048  # uvicorn's own default
RESPAWN_PAUSE = 1.0  # a worker that dies at once is not started again in a tight loop
STOP_GRACE = 15.0  # uvicorn's graceful shutdown (10 s) and a little more
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def listening_socket(host: str, port: int) -> socket.socket:
    """The address bound once, for every worker to accept on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise OSError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(LISTEN_BACKLOG)
    sock.set_inheritable(True)
    return sock


class Workers:
    """Runs ``count`` copies of ``command`` (each given the socket's descriptor) until
    SIGTERM or SIGINT, starting again any that ends."""

    def __init__(
        self,
        command: Sequence[str],
        count: int,
        sock: socket.socket,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.command = list(command)
        self.sock = sock
        self.env = dict(os.environ if env is None else env)
        self.metrics: Path | None = None
        self.slots: list[subprocess.Popen[bytes] | None] = [None] * count
        self.started_at = [0.0] * count
        self.stopping = threading.Event()

    def run(self) -> int:
        if "PROMETHEUS_MULTIPROC_DIR" not in self.env:
            # a folder of this host's own for prometheus_client's multiprocess files (a data
            # folder may be shared between hosts); empty, so no earlier run's counts are added
            self.metrics = Path(tempfile.mkdtemp(prefix="central-metrics-"))
            self.env = self.env | {"PROMETHEUS_MULTIPROC_DIR": str(self.metrics)}
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            while not self.stopping.is_set():
                for slot, process in enumerate(self.slots):
                    if process is None or process.poll() is not None:
                        self._start(slot, process)
                self.stopping.wait(0.5)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self._end_all()
        return 0

    def _start(self, slot: int, gone: subprocess.Popen[bytes] | None) -> None:
        if gone is not None:
            if time.monotonic() - self.started_at[slot] < RESPAWN_PAUSE:
                return  # ended at once: a later round starts it
            log.warning(
                "worker %d (pid %d) ended with %s: starting it again",
                slot,
                gone.pid,
                gone.returncode,
                extra={"worker": slot, "exit": gone.returncode},
            )
        fd = self.sock.fileno()
        process = subprocess.Popen(
            [*self.command, "--listen-fd", str(fd), "--supervisor", str(os.getpid())],
            pass_fds=(fd,),
            env=self.env,
        )
        self.slots[slot] = process
        self.started_at[slot] = time.monotonic()
        log.info("worker %d started (pid %d)", slot, process.pid, extra={"worker": slot})

    def _stop(self, signum: int, _frame: FrameType | None) -> None:
        log.info("%s: stopping the workers", signal.Signals(signum).name)
        self.stopping.set()

    def _end_all(self) -> None:
        running = [p for p in self.slots if p is not None and p.poll() is None]
        for process in running:
            process.terminate()
        deadline = time.monotonic() + STOP_GRACE
        for process in running:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.sock.close()
        if self.metrics is not None:
            shutil.rmtree(self.metrics, ignore_errors=True)


def end_with_supervisor(supervisor: int) -> None:
    """Have the kernel send this worker SIGTERM when its supervisor dies, however it dies
    (SIGKILL included): a worker never serves on without the process that restarts it."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != supervisor:  # it died before the line above
        signal.raise_signal(signal.SIGTERM)


def worker_command(argv: Sequence[str]) -> list[str]:
    """``central`` with this process's own arguments, as one worker that migrates nothing."""
    return [sys.executable, "-m", "central", *argv, "--workers", "1", "--no-migrate"]

"""Printers: CUPS queues through ``lp`` and ZPL printers on a raw TCP port (9100).

A backend renders a :class:`PrintJob` in its printer's language and hands it over. It returns
the printer's reference for the job or raises :class:`PrintError` with the printer's own words;
``retryable`` says whether trying again later can help (the printer is off, out of paper, not
accepting) or not (the label cannot be rendered). Backends hold no state between jobs and may
be used from any thread; the print queue calls them from its worker.

Every backend class is also a kind of printer in :mod:`station.printing.registry`: it is built
from the part of a printer setting after the colon (``from_target``), lists the printers of its
kind this computer knows (``choices``) and says, without printing, whether its printer is there
and ready (``check``).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import socket
import subprocess
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol, Self, runtime_checkable

from station.domain.labels import Language
from station.printing.barcodes import BarcodeError
from station.printing.compose import DEFAULT_DPI
from station.printing.data import LabelData, LabelDataError
from station.printing.fonts import FontMissing
from station.printing.layout import LayoutError
from station.printing.pdf import render_pdf
from station.printing.samples import printer_check_label
from station.printing.sizes import LabelSize, SizeError, parse_size
from station.printing.zpl import ZplError, ZplOptions, render_zpl

log = logging.getLogger(__name__)

RENDER_ERRORS = (LayoutError, SizeError, BarcodeError, LabelDataError, FontMissing, ZplError)


class PrintError(Exception):
    """The printer did not take the job; the message is the printer's reason."""

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


@dataclass(frozen=True, slots=True)
class PrintJob:
    data: LabelData
    size: str
    copies: int = 1
    title: str = ""

    @property
    def job_title(self) -> str:
        return self.title or f"label-{self.data.label_id}"


@runtime_checkable
class PrinterBackend(Protocol):
    name: str

    def print_job(self, job: PrintJob) -> str:
        """Render and send ``job``; the printer's reference for it, or :class:`PrintError`."""
        ...


class Readiness(StrEnum):
    READY = "ready"
    NOT_FOUND = "not_found"  # no such printer, or nothing answers there
    NOT_READY = "not_ready"  # it is there but cannot print now (stopped, no paper, read-only)


@dataclass(frozen=True, slots=True)
class PrinterCheck:
    """What a printer says before anything is printed on it; ``detail`` in its own words."""

    readiness: Readiness
    detail: str = ""


def render_failure(exc: Exception) -> PrintError:
    return PrintError(f"label cannot be rendered: {exc}", retryable=False)


def render_job_pdf(job: PrintJob, *, dpi: int = DEFAULT_DPI, layouts: Path | None = None) -> bytes:
    """The job's label as PDF, for every backend that prints PDF: a label that cannot be
    rendered is a :class:`PrintError` that retrying will not help."""
    try:
        return render_pdf(job.data, job.size, dpi=dpi, layouts=layouts)
    except RENDER_ERRORS as exc:
        raise render_failure(exc) from exc


def print_test_label(
    backend: PrinterBackend,
    size: str = "60x40",
    language: Language = "zh_CN",
    title: str = "station-test-print",
) -> str:
    """Print the test label on ``backend``: it names the printer and carries both barcodes."""
    data = printer_check_label(backend.name, language)
    return backend.print_job(PrintJob(data, size, 1, title=title))


# -- CUPS ------------------------------------------------------------------------------------

_TITLE_JUNK = re.compile(r"[^A-Za-z0-9._-]+")
_REQUEST_ID = re.compile(r"request id is (\S+)")


@dataclass(frozen=True, slots=True)
class QueueState:
    enabled: bool
    reason: str = ""


class CupsBackend:
    """A CUPS queue, through the ``lp``/``lpstat`` commands (cups-client).

    ``server`` is ``host[:port]`` of a CUPS server other than the default. A job counts as
    printed once CUPS has accepted it; a stopped queue is reported before anything is sent,
    because CUPS would otherwise accept the job and hold it silently.
    """

    def __init__(
        self,
        queue: str,
        *,
        server: str | None = None,
        dpi: int = DEFAULT_DPI,
        timeout: float = 20.0,
        layouts: Path | None = None,
    ) -> None:
        if not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,126}", queue):
            raise ValueError(f"not a CUPS queue name: {queue!r}")
        self.queue = queue
        self.server = server
        self.dpi = dpi
        self.timeout = timeout
        self.layouts = layouts
        self.name = f"cups:{queue}"

    @classmethod
    def from_target(cls, target: str, *, layouts: Path | None = None) -> Self:
        """``QUEUE`` or ``QUEUE@HOST[:PORT]`` (a CUPS server other than this computer's)."""
        queue, _, server = target.partition("@")
        return cls(queue, server=server or None, layouts=layouts)

    @classmethod
    def choices(cls, timeout: float = 5.0) -> list[str]:
        return cups_queues(timeout=timeout)

    def check(self, timeout: float = 3.0) -> PrinterCheck:
        probe = CupsBackend(self.queue, server=self.server, timeout=timeout)
        try:
            state = probe.state()
        except PrintError as exc:
            return PrinterCheck(Readiness.NOT_FOUND, str(exc))
        if not state.enabled:
            return PrinterCheck(Readiness.NOT_READY, f"{self.queue}: {state.reason}")
        return PrinterCheck(Readiness.READY, f"CUPS queue {self.queue} is ready")

    def _env(self) -> dict[str, str]:
        env = dict(os.environ, LC_ALL="C", LANG="C")  # parse CUPS' English messages
        if self.server:
            env["CUPS_SERVER"] = self.server
        return env

    def _run(
        self, args: list[str], stdin: bytes | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        try:
            return subprocess.run(
                args,
                input=stdin,
                capture_output=True,
                timeout=self.timeout,
                env=self._env(),
                check=False,
            )
        except FileNotFoundError:
            raise PrintError(
                f"'{args[0]}' is not installed (Debian package cups-client)", retryable=False
            ) from None
        except subprocess.TimeoutExpired:
            raise PrintError(f"CUPS did not answer within {self.timeout:g} s") from None

    def state(self) -> QueueState:
        done = self._run(["lpstat", "-p", self.queue])
        out = done.stdout.decode(errors="replace")
        if done.returncode != 0 or not out.startswith("printer "):
            if not self._scheduler_running():
                where = self.server or "this computer"
                raise PrintError(f"the CUPS print service is not running on {where}")
            raise PrintError(_message(done, f"CUPS does not know the printer {self.queue}"))
        first, _, rest = out.partition("\n")
        if " disabled " in first:
            reason = " ".join(rest.split()) or "stopped"
            return QueueState(False, reason)
        return QueueState(True)

    def _scheduler_running(self) -> bool:
        done = self._run(["lpstat", "-r"])
        return done.returncode == 0 and b"not running" not in done.stdout

    def print_job(self, job: PrintJob) -> str:
        pdf = render_job_pdf(job, dpi=self.dpi, layouts=self.layouts)
        return self.print_pdf(pdf, copies=job.copies, title=job.job_title, size=job.size)

    def print_pdf(
        self,
        pdf: bytes,
        *,
        copies: int = 1,
        title: str = "label",
        size: LabelSize | str | None = None,
    ) -> str:
        """Submit a PDF; returns the CUPS job id (``QUEUE-123``)."""
        if not 1 <= copies <= 99:
            raise PrintError(f"copies must be 1-99, got {copies}", retryable=False)
        state = self.state()
        if not state.enabled:
            raise PrintError(f"printer {self.queue} is stopped: {state.reason}")
        args = ["lp", "-d", self.queue, "-n", str(copies), "-t", _safe_title(title)]
        if size is not None:
            page = parse_size(size)
            # Without it CUPS fits the page onto the queue's default medium (often A4).
            args += ["-o", f"media=Custom.{page.width_mm}x{page.height_mm}mm"]
        done = self._run([*args, "-"], stdin=pdf)
        out = done.stdout.decode(errors="replace")
        match = _REQUEST_ID.search(out)
        if done.returncode != 0 or match is None:
            raise PrintError(_message(done, f"CUPS did not accept the job for {self.queue}"))
        log.info("label %s sent to %s as %s", title, self.queue, match[1])
        return match[1]


def cups_queues(server: str | None = None, timeout: float = 5.0) -> list[str]:
    """The CUPS queues this computer (or ``server``, ``host:port``) knows; empty without CUPS."""
    if shutil.which("lpstat") is None:
        return []
    env = dict(os.environ, LC_ALL="C")
    if server:
        env["CUPS_SERVER"] = server
    try:
        done = subprocess.run(
            ["lpstat", "-e"], capture_output=True, timeout=timeout, check=False, text=True, env=env
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    return sorted(line.strip() for line in done.stdout.splitlines() if line.strip())


def _safe_title(title: str) -> str:
    # cups-pdf and many drivers turn the title into a file name
    return _TITLE_JUNK.sub("_", title)[:60] or "label"


def _message(done: subprocess.CompletedProcess[bytes], fallback: str) -> str:
    text = " ".join((done.stderr or done.stdout).decode(errors="replace").split())
    return text[:400] or fallback


# -- raw TCP (ZPL on port 9100) ---------------------------------------------------------------

_STX, _ETX = 0x02, 0x03


@dataclass(frozen=True, slots=True)
class ZebraStatus:
    """What ``~HS`` says; the flags that stop a printer from printing."""

    paper_out: bool
    paused: bool
    buffer_full: bool
    head_open: bool
    ribbon_out: bool

    def problems(self) -> list[str]:
        names = {
            "paper out": self.paper_out,
            "paused": self.paused,
            "receive buffer full": self.buffer_full,
            "print head open": self.head_open,
            "ribbon out": self.ribbon_out,
        }
        return [name for name, on in names.items() if on]


def parse_host_status(raw: bytes) -> ZebraStatus:
    """Parse the three STX…ETX strings a Zebra answers to ``~HS``."""
    strings = re.findall(rb"\x02([^\x03]*)\x03", raw)
    if len(strings) < 2:
        raise PrintError(f"printer sent an unreadable status: {raw[:80]!r}")
    one = strings[0].decode("ascii", errors="replace").split(",")
    two = strings[1].decode("ascii", errors="replace").split(",")
    if len(one) < 6 or len(two) < 5:
        raise PrintError(f"printer sent an unreadable status: {raw[:80]!r}")
    thermal_transfer = two[4].strip() == "1"
    return ZebraStatus(
        paper_out=one[1].strip() == "1",
        paused=one[2].strip() == "1",
        buffer_full=one[5].strip() == "1",
        head_open=two[2].strip() == "1",
        ribbon_out=thermal_transfer and two[3].strip() == "1",
    )


class RawTcpBackend:
    """A ZPL printer listening on a TCP port (9100: "raw", "JetDirect", "AppSocket").

    With ``status_query`` (Zebra and most ZPL printers) the printer is asked ``~HS`` before
    the label, so paper out, pause or an open head are reported instead of sending into the
    void, and again after it: the answer proves the printer read the whole label. A printer
    that does not answer ``~HS`` needs ``status_query=False``; then a connection that drops is
    still noticed, one that silently loses data is not.
    """

    def __init__(
        self,
        host: str,
        port: int = 9100,
        *,
        connect_timeout: float = 3.0,
        io_timeout: float = 10.0,
        status_query: bool = True,
        options: ZplOptions | None = None,
        layouts: Path | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.connect_timeout = connect_timeout
        self.io_timeout = io_timeout
        self.status_query = status_query
        self.options = options or ZplOptions()
        self.layouts = layouts
        self.name = f"zpl:{host}:{port}"

    @classmethod
    def from_target(cls, target: str, *, layouts: Path | None = None) -> Self:
        """``HOST`` or ``HOST:PORT`` (9100 by default); an IPv6 address without a port."""
        host, _, port = target.rpartition(":") if target.count(":") == 1 else (target, "", "")
        if port and not port.isdigit():
            raise ValueError("the port must be a number")
        return cls(host or target, int(port) if port else 9100, layouts=layouts)

    @classmethod
    def choices(cls, timeout: float = 5.0) -> list[str]:
        return []  # printers on the network are not discovered; the address is typed

    def check(self, timeout: float = 3.0) -> PrinterCheck:
        where = f"{self.host}:{self.port}"
        try:
            with socket.create_connection((self.host, self.port), timeout=timeout):
                pass
        except OSError as exc:
            return PrinterCheck(Readiness.NOT_FOUND, f"{where}: {exc}")
        return PrinterCheck(Readiness.READY, f"{where} answers")

    def print_job(self, job: PrintJob) -> str:
        try:
            zpl = render_zpl(
                job.data, job.size, copies=job.copies, options=self.options, layouts=self.layouts
            )
        except RENDER_ERRORS as exc:
            raise render_failure(exc) from exc
        return self.send(zpl)

    def send(self, payload: bytes) -> str:
        where = f"{self.host}:{self.port}"
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except ConnectionRefusedError:
            raise PrintError(f"printer {where} refused the connection (is it on?)") from None
        except TimeoutError:
            raise PrintError(
                f"printer {where} did not answer within {self.connect_timeout:g} s"
            ) from None
        except OSError as exc:
            raise PrintError(f"printer {where} cannot be reached: {exc.strerror or exc}") from None
        with sock:
            sock.settimeout(self.io_timeout)
            try:
                if self.status_query:
                    problems = self._status(sock).problems()
                    if problems:
                        raise PrintError(f"printer {where}: {', '.join(problems)}")
                sock.sendall(payload)
                if self.status_query:
                    self._status(sock)
                else:
                    self._close_cleanly(sock)
            except TimeoutError:
                raise PrintError(
                    f"printer {where} stopped answering (no reply within {self.io_timeout:g} s)"
                ) from None
            except OSError as exc:
                raise PrintError(
                    f"printer {where} dropped the connection: {exc.strerror or exc}"
                ) from None
        log.info("%d bytes of ZPL sent to %s", len(payload), where)
        return f"{where}/{len(payload)}B"

    def _status(self, sock: socket.socket) -> ZebraStatus:
        sock.sendall(b"~HS\r\n")
        received = b""
        while received.count(bytes([_ETX])) < 3:
            chunk = sock.recv(1024)
            if not chunk:
                if received.count(bytes([_ETX])) >= 2:
                    break
                raise ConnectionResetError("connection closed while waiting for ~HS")
            received += chunk
            if len(received) > 4096:
                break
        return parse_host_status(received)

    def _close_cleanly(self, sock: socket.socket) -> None:
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(min(self.io_timeout, 0.5))
        try:
            while sock.recv(1024):
                pass
        except TimeoutError:
            pass  # a printer may keep the connection open; the data left without error

"""A private CUPS server on loopback with the cups-pdf virtual printer, for tests and benches.

It runs its own ``cupsd`` with every file (config, spool, state, logs) in a temporary folder
and listens only on ``127.0.0.1:PORT``; it neither needs nor touches a system CUPS. cups-pdf
writes where ``/etc/cups/cups-pdf.conf`` says (``Out``, per job owner) and that cannot be
changed per server, so every job gets a title unique to this server and only those files are
read and removed. cups-pdf runs as root, so this needs root.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

CUPSD = Path("/usr/sbin/cupsd")
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
QUEUE = "LabelPDF"


def unavailable_reason() -> str | None:
    """Why this machine cannot run the server, or None."""
    if os.geteuid() != 0:
        return "cups-pdf runs only as root"
    for path in (CUPSD, CUPS_PDF_BACKEND, CUPS_PDF_PPD):
        if not path.exists():
            return f"{path} is missing (packages cups, printer-driver-cups-pdf)"
    if shutil.which("lp") is None:
        return "lp is missing (package cups-client)"
    return None


def cups_pdf_output_dir() -> Path:
    """Where cups-pdf puts the current user's jobs (its ``Out`` setting)."""
    out = "/var/spool/cups-pdf/${USER}"
    if CUPS_PDF_CONF.exists():
        for line in CUPS_PDF_CONF.read_text(errors="replace").splitlines():
            parts = line.split(None, 1)
            if len(parts) == 2 and parts[0] == "Out":
                out = parts[1].strip()
    user = pwd.getpwuid(os.getuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(condition: object, timeout: float, what: str, step: float = 0.02) -> None:
    """Poll ``condition()`` until true; a subprocess's progress cannot be waited on otherwise."""
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up after {timeout:g} s waiting for {what}")
        time.sleep(step)


class CupsServer:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="station-cups-"))
        self.root.chmod(0o755)  # filters run as user lp and read the spool
        self.port = _free_port()
        self.server = f"127.0.0.1:{self.port}"
        self.tag = f"st{uuid.uuid4().hex[:8]}"
        self.output_dir = cups_pdf_output_dir()
        self.process: subprocess.Popen[bytes] | None = None
        self._write_config()

    # -- life cycle -------------------------------------------------------------------------

    def _write_config(self) -> None:
        for sub in ("etc/ppd", "spool/tmp", "state", "cache", "log"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        (self.root / "etc/cupsd.conf").write_text(
            f"""LogLevel info
Listen 127.0.0.1:{self.port}
WebInterface No
Browsing Off
DefaultAuthType None
MaxJobs 200
<Location />
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
        )
        (self.root / "etc/cups-files.conf").write_text(
            f"""ServerRoot {self.root}/etc
RequestRoot {self.root}/spool
TempDir {self.root}/spool/tmp
StateDir {self.root}/state
CacheDir {self.root}/cache
ErrorLog {self.root}/log/error_log
AccessLog {self.root}/log/access_log
PageLog {self.root}/log/page_log
SystemGroup root
"""
        )

    def start(self) -> CupsServer:
        self.process = subprocess.Popen(
            [
                str(CUPSD),
                "-f",
                "-c",
                str(self.root / "etc/cupsd.conf"),
                "-s",
                str(self.root / "etc/cups-files.conf"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=(self.root / "log/cupsd.out").open("ab"),
        )
        atexit.register(self.stop)  # even if the test run is interrupted
        wait_until(self._listening, 10, f"cupsd on {self.server}")
        return self

    def _listening(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(f"cupsd exited: {self.log_tail()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 0.2):
            return True
        return False

    def stop(self) -> None:
        atexit.unregister(self.stop)
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def close(self) -> None:
        self.stop()
        for path in self.output_dir.glob(f"{self.tag}*"):
            path.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self, lines: int = 20) -> str:
        text = ""
        for name in ("cupsd.out", "error_log"):
            path = self.root / "log" / name
            if path.exists():
                text += path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    # -- administration ---------------------------------------------------------------------

    @property
    def env(self) -> dict[str, str]:
        return dict(os.environ, CUPS_SERVER=self.server, LC_ALL="C", LANG="C")

    def run(self, *args: str) -> str:
        done = subprocess.run(args, env=self.env, capture_output=True, timeout=30, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)}: {done.stderr.decode(errors='replace')}")
        return done.stdout.decode(errors="replace")

    def add_pdf_printer(self, name: str = QUEUE) -> str:
        self.run("lpadmin", "-p", name, "-E", "-v", "cups-pdf:/", "-P", str(CUPS_PDF_PPD))
        # poppler's cairo renderer keeps the PDF's text extractable through cups-pdf
        self.run("lpadmin", "-p", name, "-o", "pdftops-renderer-default=pdftocairo")
        return name

    def disable(self, name: str = QUEUE, reason: str = "paper jam") -> None:
        self.run("cupsdisable", "-r", reason, name)

    def enable(self, name: str = QUEUE) -> None:
        self.run("cupsenable", name)

    def reject(self, name: str = QUEUE, reason: str = "queue full") -> None:
        self.run("cupsreject", "-r", reason, name)

    def accept(self, name: str = QUEUE) -> None:
        self.run("cupsaccept", name)

    def pending_jobs(self, name: str = QUEUE) -> list[str]:
        out = self.run("lpstat", "-o", name)
        return [line.split()[0] for line in out.splitlines() if line.strip()]

    def cancel_all(self, name: str = QUEUE) -> None:
        self.run("cancel", "-a", name)

    # -- output -------------------------------------------------------------------------------

    def title(self, name: str) -> str:
        """A job title whose cups-pdf output belongs to this server alone."""
        clean = re.sub(r"[^A-Za-z0-9_-]+", "_", name)
        return f"{self.tag}-{clean}-{uuid.uuid4().hex[:6]}"

    def outputs(self, title: str) -> list[Path]:
        return sorted(self.output_dir.glob(f"{title}*.pdf"))

    def wait_for_output(self, title: str, job_id: str | None = None, timeout: float = 30) -> Path:
        """The PDF cups-pdf wrote for ``title``, once the job has left the queue (the file
        exists, empty, while the job still runs)."""

        def finished() -> bool:
            if job_id is not None and job_id in self.pending_jobs():
                return False
            found = self.outputs(title)
            return bool(found) and found[0].stat().st_size > 0 and not self.pending_jobs()

        wait_until(finished, timeout, f"cups-pdf output for {title}", step=0.05)
        return self.outputs(title)[0]

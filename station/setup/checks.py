"""The checks behind "test connection", the camera check and "test print".

Each answers with a :class:`Check`: a code the screens translate, and the technical detail
(what the library or the server said) for the log and the support desk. Every check has its
own time limit, so a missing device or a dead address is reported within seconds. They block:
the screens run them on a worker.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import httpx

from station.capture.frames import FrameSource, SourceError, open_source
from station.printing.backends import PrinterBackend, PrintError, Readiness, print_test_label
from station.printing.registry import backend_from_spec
from station.sync.client import (
    Refused,
    SyncError,
    Unauthorized,
    certificate_check,
    plain_http_problem,
)
from station.sync.enrol import CentralAccess

log = logging.getLogger(__name__)

URL = re.compile(r"https?://[^\s/$.?#][^\s]*")


class Outcome(StrEnum):
    OK = "ok"
    BAD_VALUE = "bad_value"  # the setting itself cannot be right
    UNREACHABLE = "unreachable"  # nothing answers there
    NOT_CENTRAL = "not_central"  # something answers, but not a central service
    NO_CREDENTIALS = "no_credentials"  # reachable; no token or enrolment code to sync with
    REFUSED = "refused"  # the token or enrolment code was refused
    NOT_FOUND = "not_found"  # no such camera or printer
    NOT_READY = "not_ready"  # it is there but cannot work now (no frames, queue stopped…)
    FAILED = "failed"  # anything else; see the detail


@dataclass(frozen=True, slots=True)
class Check:
    outcome: Outcome
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK


def check_central(
    url: str,
    *,
    station_id: str,
    token_file: Path,
    token: str = "",
    enrolment_code: str = "",
    ca_file: Path | None = None,
    timeout: float = 5.0,
) -> Check:
    """Is a central service at ``url``, and will it take this station's token or key?

    With an enrolment code and no token that works, the station registers, and keeps the
    token it is given in ``token_file`` (exactly what its first sync would do).
    """
    url = url.strip().rstrip("/")
    if not URL.fullmatch(url):
        return Check(Outcome.BAD_VALUE, "an http:// or https:// address, e.g. http://central:8765")
    if (problem := plain_http_problem(url)) is not None:
        return Check(Outcome.BAD_VALUE, problem)
    try:
        verify = certificate_check(ca_file)
    except SyncError as exc:
        return Check(Outcome.BAD_VALUE, str(exc))
    try:
        answer = httpx.get(f"{url}/v1/health", timeout=timeout, verify=verify)
    except httpx.HTTPError as exc:
        return Check(Outcome.UNREACHABLE, _network_detail(exc))
    if answer.status_code != 200 or "application/json" not in answer.headers.get(
        "content-type", ""
    ):
        return Check(Outcome.NOT_CENTRAL, f"/v1/health answered HTTP {answer.status_code}")
    if not token and not enrolment_code and not _stored(token_file):
        return Check(Outcome.NO_CREDENTIALS, "neither a token nor an enrolment code")
    access = CentralAccess(
        url=url,
        station_id=station_id,
        token_file=token_file,
        token=token.strip(),
        enrolment_code=enrolment_code.strip(),
        ca_file=ca_file,
        timeout=timeout,
    )
    try:
        _read_one_change(access)
    except Unauthorized as exc:
        if token or not enrolment_code:
            return Check(Outcome.REFUSED, str(exc))
        # a token kept from another service (or a revoked one): register again with the key
        token_file.unlink(missing_ok=True)
        try:
            _read_one_change(access)
        except Unauthorized as again:
            return Check(Outcome.REFUSED, str(again))
        except SyncError as again:
            return _sync_failure(again)
    except SyncError as exc:
        return _sync_failure(exc)
    return Check(Outcome.OK, f"{url} accepts {station_id}")


def _read_one_change(access: CentralAccess) -> None:
    with access.client() as client:
        client.get_changes(None, limit=1)


def _sync_failure(exc: SyncError) -> Check:
    if isinstance(exc, Refused) and exc.status in (401, 403):
        return Check(Outcome.REFUSED, str(exc))
    return Check(Outcome.FAILED, str(exc))


def _stored(token_file: Path) -> bool:
    try:
        return bool(token_file.read_text(encoding="utf-8").strip())
    except OSError:
        return False


def _network_detail(exc: Exception) -> str:
    cause = exc.__cause__ or exc.__context__
    said = f"{type(exc).__name__}: {exc}"
    return said + (f" ({cause})" if cause and str(cause) != str(exc) else "")


def check_camera(
    spec: str,
    *,
    width: int = 1280,
    height: int = 720,
    fps: float = 30.0,
    timeout: float = 5.0,
    default: FrameSource | None = None,
) -> Check:
    """Does the camera open and deliver a frame within ``timeout``? The detail says the size
    it actually delivers (a camera may not offer the one asked for). An empty ``spec`` means
    ``default`` (the demo camera in demo mode), else the first camera."""
    if spec.strip() == "none":
        return Check(Outcome.OK, "no camera: scans come from the hand scanner only")
    if not spec.strip() and default is not None:
        return check_source(default, timeout)
    try:
        source = open_source(spec or "camera:0", width=width, height=height, fps=fps, pace=False)
    except ValueError as exc:
        return Check(Outcome.BAD_VALUE, str(exc))
    except SourceError as exc:
        return Check(Outcome.NOT_FOUND, str(exc))
    return check_source(source, timeout)


def check_source(source: FrameSource, timeout: float = 5.0) -> Check:
    """Open ``source`` and wait up to ``timeout`` for its first frame."""
    try:
        source.open()
    except SourceError as exc:
        return Check(Outcome.NOT_FOUND, str(exc))
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                frame = source.read()
            except SourceError as exc:
                return Check(Outcome.NOT_READY, str(exc))
            except Exception as exc:  # EndOfStream and driver errors alike
                return Check(Outcome.NOT_READY, f"{type(exc).__name__}: {exc}")
            if frame is not None:
                h, w = frame.shape[:2]
                return Check(Outcome.OK, f"{source.name}: {w}×{h}")
        return Check(Outcome.NOT_READY, f"{source.name} gave no picture within {timeout:g} s")
    finally:
        source.close()


_PRINTER_OUTCOMES = {
    Readiness.READY: Outcome.OK,
    Readiness.NOT_FOUND: Outcome.NOT_FOUND,
    Readiness.NOT_READY: Outcome.NOT_READY,
}


def check_printer(spec: str, *, default_folder: Path, timeout: float = 3.0) -> Check:
    """Is the printer there and ready, without printing? No setting means PDFs filed in
    ``default_folder``."""
    try:
        backend = backend_from_spec(spec.strip() or f"file:{default_folder}")
    except ValueError as exc:
        return Check(Outcome.BAD_VALUE, str(exc))
    said = backend.check(timeout)
    return Check(_PRINTER_OUTCOMES[said.readiness], said.detail)


def print_check_label(backend: PrinterBackend, size: str, language: str = "zh_CN") -> Check:
    """Print the printer-check label; OK once the printer (or CUPS) has taken it."""
    try:
        reference = print_test_label(backend, size, "en" if language == "en" else "zh_CN")
    except PrintError as exc:
        return Check(Outcome.NOT_READY, str(exc))
    except (OSError, ValueError) as exc:
        return Check(Outcome.FAILED, f"{type(exc).__name__}: {exc}")
    return Check(Outcome.OK, reference)

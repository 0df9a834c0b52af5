"""The station's HTTP client for the central service.

Every answer is validated against :mod:`station.protocol.wire` before anyone uses it, and read with
a size limit, so a broken or hostile server cannot make the station apply half a page or run
out of memory. Failures come out as one of three kinds, which decide what the sync loop does:

- :class:`Unavailable` — network down, timeout, 5xx, a malformed answer: try again later
  (:class:`ServerError` for a 500: the server failed, perhaps on what was sent);
- :class:`Refused` — the server says this request will never work (4xx): park it;
- :class:`Unauthorized` — the token is wrong: stop and tell someone.
"""

from __future__ import annotations

import json
import logging
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from station.protocol.wire import (
    BLOB_LIST_HEADER,
    MAX_PAGE,
    STATION_REQUESTS_HEADER,
    AnchorState,
    BatchResult,
    Change,
    ChangesPage,
    DirectDone,
    DirectPlan,
    DirectStart,
    EventBatch,
    GroupStored,
    InspectionDetail,
    InspectionPage,
    RegisterStation,
    StationToken,
    SupervisorLogin,
    SupervisorSession,
    ascii_digits,
    blob_list,
)

log = logging.getLogger(__name__)

MAX_RESPONSE_BYTES = 32 * 1024 * 1024
CHUNK = 256 * 1024
M = TypeVar("M", bound=BaseModel)


class SyncError(Exception):
    """Base of the client's failures; ``str()`` is safe to show."""


class Unavailable(SyncError):
    pass


class Busy(Unavailable):
    """Central is saturated (503) or this station has as many requests in flight as it may
    (429): nothing is wrong, the station keeps its place and tries again after
    ``retry_after`` seconds, as central asked."""

    def __init__(self, status: int, detail: str, retry_after: float) -> None:
        self.status, self.retry_after = status, retry_after
        super().__init__(f"central is busy ({status}): {detail}")


MAX_RETRY_AFTER = 300.0  # what a station waits at most, whatever central asks


def _retry_after(headers: httpx.Headers) -> float | None:
    value = headers.get("retry-after", "").strip()
    if not ascii_digits(value) or len(value) > 6:
        return None  # absent, or a date: the station's own backoff decides
    return min(max(float(value), 1.0), MAX_RETRY_AFTER)


class ServerError(Unavailable):
    """The server failed on the request (HTTP 500): perhaps on something in it."""

    def __init__(self, status: int, detail: str) -> None:
        self.status = status
        super().__init__(f"central answered {status}: {detail}")


class Refused(SyncError):
    def __init__(self, status: int, detail: str) -> None:
        self.status = status
        super().__init__(f"refused ({status}): {detail}")


class Unauthorized(SyncError):
    pass


class OffsetMismatch(Refused):
    """Central holds another number of bytes of an upload than the chunk assumed (409):
    ``offset`` is where to send from."""

    def __init__(self, offset: int, detail: str) -> None:
        self.offset = offset
        super().__init__(409, detail)


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


def plain_http_problem(base_url: str) -> str | None:
    """Why talking plain HTTP to ``base_url`` would be wrong: tokens, PINs and evidence would
    cross the network readable and changeable by anyone on it. Loopback is fine."""
    parts = urlsplit(base_url)
    if parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS):
        return None
    return (
        f"{base_url} is not https: the central service must be reached over TLS "
        "(https://…) unless it runs on this PC"
    )


def certificate_check(ca_file: Path | None) -> ssl.SSLContext | bool:
    """How central's certificate is checked: against ``ca_file`` (PEM), else the system's CAs;
    a CA file that cannot be read is a :class:`SyncError`."""
    if ca_file is None:
        return True
    try:
        return ssl.create_default_context(cafile=str(ca_file))
    except (OSError, ssl.SSLError) as exc:
        raise SyncError(f"cannot read the CA file {ca_file}: {exc}") from exc


class CentralClient:
    """``ca_file``: the CA bundle that signs central's certificate (none: the system's).
    The certificate is always checked."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: float = 20.0,
        ca_file: Path | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if transport is None and (problem := plain_http_problem(base_url)) is not None:
            raise SyncError(problem)
        headers = {"User-Agent": "returns-station"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        verify = certificate_check(ca_file)
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            transport=transport,
            verify=verify,
        )
        # for a clip's parts, PUT straight to the object store at URLs central signed: the
        # same certificate checks, never the station's token
        self._store = httpx.Client(
            headers={"User-Agent": "returns-station"},
            timeout=httpx.Timeout(max(timeout, 60.0), connect=min(timeout, 5.0)),
            transport=transport,
            verify=verify,
        )
        self._transport = transport
        # this PC's clock minus central's (ms), from the last quick answer's Date header
        self.clock_skew_ms: int | None = None
        # heavy requests central lets this station have in flight: it says so in its answers
        # to them (None: not heard yet)
        self.station_requests: int | None = None

    def close(self) -> None:
        self._http.close()
        self._store.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- endpoints --------------------------------------------------------------------------

    def register(self, station_id: str, enrolment_code: str, name: str = "") -> StationToken:
        """Trade an administrator's one-time code for this station's token."""
        try:
            body = RegisterStation(
                station_id=station_id, name=name, enrolment_code=enrolment_code.strip().upper()
            )
        except ValidationError:
            raise SyncError("not an enrolment code: EN- and 20 letters and digits") from None
        return self._json("POST", "/v1/stations", StationToken, json=body.model_dump(mode="json"))

    def open_session(self, badge_code: str, pin: str) -> SupervisorSession:
        """A supervisor's session at central, for reading and deciding in their name."""
        body = SupervisorLogin(badge_code=badge_code, pin=pin).model_dump(mode="json")
        return self._json("POST", "/v1/sessions", SupervisorSession, json=body)

    def has_blob(self, sha256: str) -> bool:
        return self._send("HEAD", f"/v1/blobs/{sha256}", ok=(200, 404)).status == 200

    def put_blob(self, sha256: str, path: Path) -> None:
        """Upload a blob from disk, streamed; the server verifies the hash."""
        size = path.stat().st_size
        self._send(
            "PUT",
            f"/v1/blobs/{sha256}",
            ok=(200, 201),
            content=_chunks(path),
            headers={"Content-Type": "application/octet-stream", "Content-Length": str(size)},
        )

    def put_blobs(self, blobs: list[tuple[str, Path, int]]) -> GroupStored:
        """Upload a group of blobs in one streamed body (``POST /v1/blobs``); the server
        checks each one's hash. :class:`Refused` with 404 or 405 from a central that does not
        take groups."""
        sized = blobs  # (sha256, file, its size)

        def body() -> Iterator[bytes]:
            for _sha, path, _size in sized:
                yield from _chunks(path)

        return self._json(
            "POST",
            "/v1/blobs",
            GroupStored,
            content=body(),
            headers={
                "Content-Type": "application/octet-stream",
                "Content-Length": str(sum(size for _sha, _path, size in sized)),
                BLOB_LIST_HEADER: blob_list([(sha, size) for sha, _path, size in sized]),
            },
        )

    def start_direct_upload(self, sha256: str, size: int) -> DirectPlan:
        """Presigned URLs for the parts of a clip the object store does not hold yet;
        :class:`Refused` 404 from a central whose clips go through ``/v1/uploads``."""
        return self._json(
            "POST",
            f"/v1/clips/{sha256}/direct",
            DirectPlan,
            json=DirectStart(size=size).model_dump(),
        )

    def put_part(self, url: str, data: bytes) -> None:
        """One part, to the object store itself."""
        if self._transport is None and (problem := plain_http_problem(url)) is not None:
            raise Refused(400, f"central handed out a part URL that cannot be used: {problem}")
        try:
            answer = self._store.put(url, content=data)
        except httpx.HTTPError as exc:
            raise Unavailable(f"the object store: {type(exc).__name__}: {exc}") from exc
        if answer.status_code != 200:
            raise Unavailable(f"the object store answered {answer.status_code} to a part")

    def complete_direct_upload(self, sha256: str, size: int) -> DirectDone:
        """Central joins the parts, checks the clip's SHA-256 and keeps it; :class:`Refused`
        400 when the clip does not hash to its name, 409 when parts are missing."""
        return self._json(
            "POST",
            f"/v1/clips/{sha256}/direct/complete",
            DirectDone,
            json=DirectStart(size=size).model_dump(),
        )

    def upload_offset(self, sha256: str) -> int:
        """How many bytes of this station's resumable upload of ``sha256`` central holds
        (its whole size when the blob is stored already)."""
        answer = self._send("HEAD", f"/v1/uploads/{sha256}", ok=(200,))
        return _offset_of(answer, f"/v1/uploads/{sha256}")

    def upload_chunk(self, sha256: str, offset: int, total: int, data: bytes) -> int:
        """Send ``data``, the bytes of a ``total``-byte blob from ``offset``; the offset
        central holds after it. Central verifies the hash when the last byte lands and stores
        the blob: the answer is then ``total``. :class:`OffsetMismatch` when central holds
        another offset; :class:`Refused` (400) when the whole does not hash to ``sha256``."""
        url = f"/v1/uploads/{sha256}"
        answer = self._send(
            "PATCH",
            url,
            ok=(200, 201, 204, 409),
            content=data,
            headers={
                "Content-Type": "application/offset+octet-stream",
                "Upload-Offset": str(offset),
                "Upload-Length": str(total),
            },
        )
        held = _offset_of(answer, url)
        if held > total:
            raise Unavailable(f"central claims {held} bytes of a {total}-byte upload")
        if answer.status == 409:
            raise OffsetMismatch(held, _detail(answer.body))
        if answer.status == 204 and held >= total:
            raise Unavailable("central took the last chunk without storing the blob")
        if answer.status in (200, 201) and held != total:
            raise Unavailable(f"central stored {held} bytes of a {total}-byte upload")
        return held

    def post_events(self, batch: EventBatch) -> BatchResult:
        # pydantic's own encoder takes a third of the time of dicts and then json.dumps
        result = self._json(
            "POST",
            "/v1/events",
            BatchResult,
            content=batch.model_dump_json(),
            headers={"Content-Type": "application/json"},
        )
        sent = {e.event_id for e in batch.events}
        answered = {*result.accepted, *result.duplicates, *(r.event_id for r in result.rejected)}
        if not answered <= sent:
            raise Unavailable("the server answered for events that were not sent")
        if sent and not answered:  # sent again, it would be answered so again, without end
            raise Unavailable(f"the server answered for none of the {len(sent)} events sent")
        return result

    def healthy(self) -> bool:
        """Whether the server and its database answer at all."""
        try:
            self._send("GET", "/v1/health", ok=(200,))
        except SyncError:
            return False
        return True

    def get_changes(self, since: str | None, limit: int = MAX_PAGE) -> ChangesPage:
        params: dict[str, Any] = {"limit": limit}
        if since is not None:
            params["since"] = since
        answer = self._send("GET", "/v1/changes", ok=(200,), params=params)
        try:
            data = json.loads(answer.body)
            raw = data["changes"] if isinstance(data, dict) else None
            if not isinstance(raw, list):
                raise ValueError("changes is not a list")
            # one change at a time: a validator call that lets other threads (the window) run
            # between changes, instead of holding the interpreter for a whole page
            changes = [Change.model_validate(item) for item in raw]
            return ChangesPage(changes=changes, cursor=data.get("cursor"), more=data.get("more"))
        except (KeyError, TypeError, ValueError, ValidationError) as exc:
            raise Unavailable(f"malformed answer from /v1/changes: {_short(exc)}") from exc

    def get_inspections(self, params: dict[str, Any]) -> InspectionPage:
        """The supervisors' read API: a page of inspections (filters as query parameters)."""
        return self._json("GET", "/v1/inspections", InspectionPage, params=params)

    def get_inspection(self, inspection_id: str) -> InspectionDetail:
        return self._json("GET", f"/v1/inspections/{inspection_id}", InspectionDetail)

    def get_anchor(self) -> AnchorState:
        return self._json("GET", "/v1/stations/me/anchor", AnchorState)

    # -- plumbing ---------------------------------------------------------------------------

    def _json(self, method: str, url: str, model: type[M], **kwargs: Any) -> M:
        answer = self._send(method, url, ok=(200, 201), **kwargs)
        try:
            return model.model_validate(json.loads(answer.body))
        except (ValueError, ValidationError) as exc:
            raise Unavailable(f"malformed answer from {url}: {_short(exc)}") from exc

    def _send(self, method: str, url: str, *, ok: tuple[int, ...], **kwargs: Any) -> _Answer:
        sent = time.time()
        try:
            with self._http.stream(method, url, **kwargs) as response:
                answer = _Answer(response.status_code, _read_limited(response), response.headers)
        except httpx.HTTPError as exc:
            raise Unavailable(f"{type(exc).__name__}: {exc}") from exc
        self._note_clock(answer.headers.get("date", ""), sent, time.time())
        allowed = answer.headers.get(STATION_REQUESTS_HEADER, "")
        if ascii_digits(allowed) and 1 <= int(allowed) <= 100:
            self.station_requests = int(allowed)
        status = answer.status
        if status in ok:
            return answer
        detail = _detail(answer.body)
        if status == 401:
            raise Unauthorized(f"the central service refused the station's token: {detail}")
        if status == 500:
            raise ServerError(status, detail)
        if status in (429, 503) and (wait := _retry_after(answer.headers)) is not None:
            raise Busy(status, detail, wait)
        if status > 500 or status in (408, 429):
            raise Unavailable(f"central answered {status}: {detail}")
        raise Refused(status, detail)

    def _note_clock(self, date: str, sent: float, received: float) -> None:
        """The skew from an answer's Date header (whole seconds: its middle is assumed); only
        a quick answer is close enough to tell."""
        if not date or received - sent > 2.0:
            return
        try:
            server = parsedate_to_datetime(date).timestamp() + 0.5
        except (TypeError, ValueError):
            return
        self.clock_skew_ms = round(((sent + received) / 2 - server) * 1000)


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    body: bytes
    headers: httpx.Headers = field(default_factory=httpx.Headers)


def _offset_of(answer: _Answer, url: str) -> int:
    value = answer.headers.get("upload-offset", "")
    if not ascii_digits(value) or len(value) > 19:
        raise Unavailable(f"malformed answer from {url}: no Upload-Offset")
    return int(value)


def _read_limited(response: httpx.Response) -> bytes:
    declared = response.headers.get("content-length", "")
    if ascii_digits(declared) and int(declared) > MAX_RESPONSE_BYTES:
        raise Unavailable(f"answer of {declared} bytes is larger than the station accepts")
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > MAX_RESPONSE_BYTES:
            raise Unavailable("answer larger than the station accepts")
    return bytes(body)


def _detail(body: bytes) -> str:
    try:
        data = json.loads(body)
        detail = data.get("detail", data) if isinstance(data, dict) else data
    except ValueError:
        detail = body[:200].decode("utf-8", "replace")
    return _short(detail)


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 300 else text[:297] + "..."


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            yield chunk

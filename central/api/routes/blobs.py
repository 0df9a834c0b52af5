"""Content-addressed blobs (photos): upload streamed and verified, then stored atomically.

The body goes to a spool file while it is hashed, never whole into memory. It is refused with
413 the moment it passes the size limit, with 400 when its SHA-256 is not the one in the
address; either way, and when the client goes away half-way, the spool file is removed and
nothing is stored. The ``blobs`` row is written only after the store has the bytes.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import threading
from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from starlette.requests import ClientDisconnect

from central.api.deps import CallerDep, RuntimeDep, SessionDep, StationDep
from central.api.models import BlobStored, Problem
from central.blobstore import SPOOL_SUFFIX, BlobMissing, BlobStore
from central.blobstore.unbuffered import UnbufferedFile
from central.db.session import read
from central.services.blobs import blob_size, keep_group, keep_verified
from central.services.stations import AuthenticatedStation
from station.protocol.ids import SHA256
from station.protocol.wire import (
    BLOB_LIST_HEADER,
    GroupRefusal,
    GroupStored,
    GroupTooLarge,
    parse_blob_list,
)

log = logging.getLogger(__name__)

router = APIRouter(tags=["blobs"], responses={401: {"model": Problem}})

ABSORB_BYTES = 1024 * 1024  # of an upload, hashed and written in one go off the loop

ShaPath = Annotated[str, Path(pattern=SHA256.pattern, description="lower-case hex SHA-256")]


def _too_large(limit: int) -> HTTPException:
    return HTTPException(
        status.HTTP_413_CONTENT_TOO_LARGE, f"a blob is at most {limit:,} bytes; nothing stored"
    )


class _SpoolFile:
    """One blob's spool file, made, written and hashed off the event loop: :meth:`take`
    gathers the pieces as they arrive and :func:`_absorb` hands what several files gathered
    to a worker thread in one go, so the loop only moves bytes from the socket, a slow disk
    holds up this upload and not every request the process is answering, and a group of
    photos costs a thread hop per MiB, not one per photo."""

    def __init__(self, folder: FilePath, sha256: str, *, around_cache: bool) -> None:
        self._folder = folder
        self._prefix = f"{sha256[:16]}."
        self._around_cache = around_cache
        self._pieces: list[bytes] = []
        self._last = False
        self.buffered = 0
        self._fh: UnbufferedFile | None = None
        # a request cancelled while a piece is being written discards the file from the
        # loop; the lock keeps the worker from making the file after that
        self._lock = threading.Lock()
        self._discarded = False
        self.path: FilePath | None = None
        self.hasher = hashlib.sha256()

    def take(self, piece: bytes, *, last: bool = False) -> None:
        """The next piece of the blob, kept until :func:`_absorb`; ``last``: the blob is
        complete (an empty blob still gets its file)."""
        self._pieces.append(piece)
        self.buffered += len(piece)
        self._last = last

    def write_taken(self) -> None:
        """In a worker thread: write and hash what was taken (the file made first)."""
        with self._lock:
            pieces, last = self._pieces, self._last
            self._pieces, self.buffered = [], 0
            if self._discarded:
                return
            if self._fh is None:
                fd, name = tempfile.mkstemp(
                    dir=self._folder, prefix=self._prefix, suffix=SPOOL_SUFFIX
                )
                self.path = FilePath(name)
                self._fh = UnbufferedFile(fd, around_cache=self._around_cache)
            # one hash update and one write for what was taken: each lets go of the GIL, and
            # a hand-over per 64 KiB piece cost more than copying the pieces together
            data = b"".join(pieces)
            self.hasher.update(data)
            self._fh.write(data)
            if last:
                self._fh.close()

    def discard(self) -> None:
        """Remove what was spooled (nothing is left once the store has taken the file)."""
        with self._lock:
            self._discarded = True
            if self._fh is not None:
                self._fh.abandon()
            if self.path is not None:
                self.path.unlink(missing_ok=True)


def _spool_file(store: BlobStore, sha256: str) -> _SpoolFile:
    return _SpoolFile(store.spool_dir(), sha256, around_cache=store.spool_around_cache)


async def _absorb(spools: list[_SpoolFile]) -> None:
    """Write what ``spools`` have taken, in one worker thread hop."""

    def write_all() -> None:
        for spool in spools:
            spool.write_taken()

    await run_in_threadpool(write_all)


def _warehouse(caller: object) -> str | None:
    """A station sees its warehouse's blobs; a supervisor every blob."""
    return caller.warehouse if isinstance(caller, AuthenticatedStation) else None


@router.head("/v1/blobs/{sha256}", operation_id="has_blob", responses={404: {}})
def has_blob(sha256: ShaPath, caller: CallerDep, session: SessionDep) -> Response:
    warehouse = _warehouse(caller)
    size = read(session, lambda s: blob_size(s, sha256, warehouse))
    if size is None:
        return Response(status_code=status.HTTP_404_NOT_FOUND)
    return Response(headers={"Content-Length": str(size), "ETag": f'"{sha256}"'})


@router.get(
    "/v1/blobs/{sha256}",
    operation_id="get_blob",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"application/octet-stream": {}}},
        404: {"model": Problem},
    },
)
def get_blob(
    sha256: ShaPath, caller: CallerDep, session: SessionDep, runtime: RuntimeDep
) -> StreamingResponse:
    warehouse = _warehouse(caller)
    if read(session, lambda s: blob_size(s, sha256, warehouse)) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no blob {sha256}")
    try:
        blob = runtime.blobs.open(sha256)
    except BlobMissing:
        log.error("blob %s is recorded but missing from the %s store", sha256, runtime.blobs.name)
        raise HTTPException(
            status.HTTP_500_INTERNAL_SERVER_ERROR, f"blob {sha256} is missing from the store"
        ) from None
    return StreamingResponse(
        blob.chunks,
        media_type="application/octet-stream",
        headers={
            "Content-Length": str(blob.size),
            "ETag": f'"{sha256}"',
            "Cache-Control": "private, max-age=31536000, immutable",
        },
    )


@router.put(
    "/v1/blobs/{sha256}",
    operation_id="put_blob",
    status_code=status.HTTP_201_CREATED,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/octet-stream": {"schema": {"type": "string"}}},
        }
    },
    responses={
        200: {"model": BlobStored, "description": "Already stored"},
        400: {"model": Problem, "description": "The body's SHA-256 differs; nothing stored"},
        413: {"model": Problem, "description": "Larger than the limit; nothing stored"},
    },
)
async def put_blob(
    sha256: ShaPath,
    request: Request,
    response: Response,
    station: StationDep,
    session: SessionDep,
    runtime: RuntimeDep,
) -> BlobStored:
    limit = runtime.settings.max_blob_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    spool = _spool_file(runtime.blobs, sha256)
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            spool.take(chunk)
            # the file made with the first bytes: a process killed half-way leaves it for
            # the next start to clear
            if spool.buffered >= ABSORB_BYTES or spool.path is None:
                await _absorb([spool])
        spool.take(b"", last=True)
        await _absorb([spool])
        assert spool.path is not None
        actual = spool.hasher.hexdigest()
        if actual != sha256:
            raise HTTPException(
                status.HTTP_400_BAD_REQUEST,
                f"the body's SHA-256 is {actual}, not the {sha256} it was sent as; nothing stored",
            )
        created = await run_in_threadpool(
            keep_verified, runtime.blobs, session, sha256, spool.path, size, station.id
        )
    except ClientDisconnect:
        log.info("upload of %s from %s cut short after %d bytes", sha256, station.id, size)
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "upload cut short") from None
    finally:
        spool.discard()
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return BlobStored(sha256=sha256, size=size, created=created)


@router.post(
    "/v1/blobs",
    operation_id="post_blobs",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/octet-stream": {"schema": {"type": "string"}}},
        },
        "parameters": [
            {
                "name": BLOB_LIST_HEADER,
                "in": "header",
                "required": True,
                "description": "sha256:size of each blob, in the order of the body",
                "schema": {"type": "string"},
            }
        ],
    },
    responses={
        400: {"model": Problem, "description": "A bad list, or the body cut short"},
        413: {"model": Problem, "description": "Larger than the limits; nothing stored"},
    },
)
async def post_blobs(
    request: Request, station: StationDep, session: SessionDep, runtime: RuntimeDep
) -> GroupStored:
    """A group of blobs in one body, one after another as the ``Blob-List`` header lists
    them: each streamed to a spool file while it is hashed, those that hash to their names
    stored, their rows written in one transaction. One whose bytes do not hash to its name
    is refused alone (nothing of it stored)."""
    if len(request.headers.getlist(BLOB_LIST_HEADER)) > 1:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST, f"{BLOB_LIST_HEADER} given more than once; nothing stored"
        )
    try:
        listed = parse_blob_list(
            request.headers.get(BLOB_LIST_HEADER, ""), max_size=runtime.settings.max_blob_bytes
        )
    except ValueError as exc:
        status_code = (
            status.HTTP_413_CONTENT_TOO_LARGE
            if isinstance(exc, GroupTooLarge)
            else status.HTTP_400_BAD_REQUEST
        )
        raise HTTPException(status_code, f"{exc}; nothing stored") from None
    total = sum(size for _sha, size in listed)
    declared = request.headers.get("content-length", "")
    if not declared.isdigit() or int(declared) != total:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST,
            f"the body must be the listed blobs' {total:,} bytes, with a Content-Length",
        )
    spooled: list[_SpoolFile] = []
    try:
        received = await _receive_group(request, listed, runtime.blobs, spooled, station.id)
        good = [
            (sha, path, size)
            for (sha, size), (path, actual) in zip(listed, received, strict=True)
            if actual == sha
        ]
        refused = [
            GroupRefusal(sha256=sha, error=f"the bytes' SHA-256 is {actual}; nothing of it stored")
            for (sha, _size), (_path, actual) in zip(listed, received, strict=True)
            if actual != sha
        ]
        created = await run_in_threadpool(keep_group, runtime.blobs, session, good, station.id)
    finally:
        for spool in spooled:
            spool.discard()
    return GroupStored(
        created=[sha for sha, _p, _s in good if sha in created],
        present=[sha for sha, _p, _s in good if sha not in created],
        refused=refused,
    )


async def _receive_group(
    request: Request,
    listed: list[tuple[str, int]],
    store: BlobStore,
    spooled: list[_SpoolFile],
    station_id: str,
) -> list[tuple[FilePath, str]]:
    """Each listed blob's spool file and the SHA-256 of its bytes; 400 when the body ends
    early (``Content-Length`` was checked, so it cannot run over)."""
    stream = request.stream()
    pending = b""
    taken: list[_SpoolFile] = []  # files with pieces not yet written
    held = 0  # bytes they hold
    try:
        for sha, size in listed:
            spool = _spool_file(store, sha)
            spooled.append(spool)
            taken.append(spool)
            left = size
            while True:
                if left and not pending:
                    pending = await anext(stream, b"")
                    if not pending:
                        raise HTTPException(
                            status.HTTP_400_BAD_REQUEST, "the body ended early; nothing stored"
                        )
                piece, pending = pending[:left], pending[left:]
                left -= len(piece)
                spool.take(piece, last=not left)
                held += len(piece)
                if held >= ABSORB_BYTES:
                    await _absorb(taken)
                    taken, held = ([spool] if left else []), 0
                if not left:
                    break
        if taken:
            await _absorb(taken)
    except ClientDisconnect:
        log.info("group upload from %s cut short", station_id)
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "upload cut short") from None
    results = []
    for spool in spooled:
        assert spool.path is not None
        results.append((spool.path, spool.hasher.hexdigest()))
    return results

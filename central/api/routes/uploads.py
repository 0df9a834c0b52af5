"""Resumable uploads of large blobs (unboxing clips) by SHA-256, for stations.

``HEAD /v1/uploads/{sha256}`` says how many bytes of this station's upload central holds
(``Upload-Offset``; ``Upload-Length`` once known; offset = length when the blob is stored).
``PATCH`` sends the next chunk: ``Upload-Offset`` must be what central holds (else 409 with
the right one), ``Upload-Length`` the total. The chunk is streamed onto the station's partial
file, never held whole in memory; a chunk cut short keeps what arrived. The chunk that
completes the file has it hashed: a wrong hash is 400 and the partial is gone, a right one is
stored as ``PUT /v1/blobs`` would store it, 201. Intermediate chunks are answered 204.
"""

from __future__ import annotations

import logging
import shutil
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Path, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from starlette.requests import ClientDisconnect

from central.api.deps import Runtime, RuntimeDep, SessionDep, StationDep
from central.api.models import BlobStored, Problem
from central.db.session import read
from central.services.blobs import blob_size
from central.services.uploads import Partial, UploadMismatch, Uploads, finish, sync_file
from station.protocol.ids import SHA256

log = logging.getLogger(__name__)

router = APIRouter(tags=["uploads"], responses={401: {"model": Problem}})

ShaPath = Annotated[str, Path(pattern=SHA256.pattern, description="lower-case hex SHA-256")]
MAX_OFFSET = 1 << 62
FREE_MARGIN = 512 * 1024 * 1024  # bytes of disk left free after an upload is begun


def get_uploads(request: Request, runtime: RuntimeDep) -> Uploads:
    uploads = getattr(request.app.state, "uploads", None)
    if uploads is None:
        uploads = Uploads(runtime.settings.data_dir / "uploads")
        request.app.state.uploads = uploads
    return uploads


def _offsets(offset: int, length: int | None) -> dict[str, str]:
    headers = {"Upload-Offset": str(offset), "Cache-Control": "no-store"}
    if length is not None:
        headers["Upload-Length"] = str(length)
    return headers


def _conflict(detail: str, offset: int, length: int | None) -> HTTPException:
    return HTTPException(status.HTTP_409_CONFLICT, detail, headers=_offsets(offset, length))


@router.head("/v1/uploads/{sha256}", operation_id="upload_offset")
def upload_offset(
    sha256: ShaPath, request: Request, station: StationDep, session: SessionDep, runtime: RuntimeDep
) -> Response:
    """How much of this station's upload of ``sha256`` central holds (a blob its warehouse
    may not see is answered as one central does not hold)."""
    uploads = get_uploads(request, runtime)
    stored = read(session, lambda s: blob_size(s, sha256, station.warehouse))
    partial = uploads.find(station.id, sha256)
    if stored is not None:
        if partial is not None and uploads.claim(station.id, sha256):
            try:
                uploads.discard(partial)
            finally:
                uploads.release(station.id, sha256)
        return Response(headers=_offsets(stored, stored))
    if partial is None:
        return Response(headers=_offsets(0, None))
    return Response(headers=_offsets(partial.offset, partial.length))


@router.patch(
    "/v1/uploads/{sha256}",
    operation_id="upload_chunk",
    status_code=status.HTTP_204_NO_CONTENT,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/offset+octet-stream": {"schema": {"type": "string"}}},
        }
    },
    responses={
        200: {"model": BlobStored, "description": "Already stored"},
        201: {"model": BlobStored, "description": "The last chunk: verified and stored"},
        204: {"description": "Appended; Upload-Offset says how far"},
        400: {"model": Problem, "description": "Past the length, or a wrong SHA-256"},
        409: {"model": Problem, "description": "Not at central's offset (Upload-Offset)"},
        413: {"model": Problem, "description": "Longer than the clip limit"},
        507: {"model": Problem, "description": "Not enough disk at central"},
    },
)
async def upload_chunk(
    sha256: ShaPath,
    request: Request,
    station: StationDep,
    session: SessionDep,
    runtime: RuntimeDep,
    upload_offset: Annotated[int, Header(ge=0, le=MAX_OFFSET)],
    upload_length: Annotated[int, Header(ge=0, le=MAX_OFFSET)],
) -> Response:
    limit = runtime.settings.max_clip_bytes
    if upload_length > limit:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            f"a clip is at most {limit:,} bytes, not {upload_length:,}; nothing stored",
        )
    if upload_offset > upload_length:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST,
            f"offset {upload_offset:,} is past the length {upload_length:,}",
        )
    stored = await run_in_threadpool(
        read, session, lambda s: blob_size(s, sha256, station.warehouse)
    )
    uploads = get_uploads(request, runtime)
    if not uploads.claim(station.id, sha256):
        partial = uploads.find(station.id, sha256)
        raise _conflict(
            "another request is sending this upload; ask for the offset again",
            partial.offset if partial else 0,
            partial.length if partial else None,
        )
    try:
        partial = uploads.find(station.id, sha256)
        if stored is not None:
            if partial is not None:
                uploads.discard(partial)
            return _stored(sha256, stored, created=False)
        partial = _check(uploads, partial, station.id, sha256, upload_offset, upload_length)
        declared = request.headers.get("content-length", "")
        room = upload_length - upload_offset
        if declared.isdigit() and int(declared) > room:
            raise HTTPException(
                status.HTTP_400_BAD_REQUEST,
                f"{int(declared):,} bytes from offset {upload_offset:,} go past the length "
                f"{upload_length:,}",
            )
        if partial is None:
            partial = await run_in_threadpool(
                _begin, uploads, runtime, station.id, sha256, upload_length
            )
        offset = await _append(request, partial, upload_offset, room, station.id, sha256)
        if offset < upload_length:
            return Response(
                status_code=status.HTTP_204_NO_CONTENT, headers=_offsets(offset, upload_length)
            )
        try:
            await run_in_threadpool(finish, runtime.blobs, session, partial, sha256, station.id)
        except UploadMismatch as exc:
            log.warning("upload of %s from %s refused: %s", sha256, station.id, exc)
            raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from None
        # new to this station's warehouse, even when another's sent the same bytes before
        return _stored(sha256, upload_length, created=True)
    finally:
        uploads.release(station.id, sha256)


def _stored(sha256: str, size: int, *, created: bool) -> Response:
    body = BlobStored(sha256=sha256, size=size, created=created)
    return JSONResponse(
        body.model_dump(mode="json"),
        status_code=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        headers=_offsets(size, size),
    )


def _check(
    uploads: Uploads,
    partial: Partial | None,
    station_id: str,
    sha256: str,
    offset: int,
    length: int,
) -> Partial | None:
    """The partial the chunk continues (None: it begins one); refused if it does not fit."""
    if partial is not None and partial.length != length:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST,
            f"this upload was begun with a length of {partial.length:,}, not {length:,}",
        )
    held = partial.offset if partial is not None else 0
    if offset != held:
        raise _conflict(
            f"central holds {held:,} bytes of this upload, not {offset:,}: send from there",
            held,
            partial.length if partial is not None else None,
        )
    return partial


def _begin(
    uploads: Uploads, runtime: Runtime, station_id: str, sha256: str, length: int
) -> Partial:
    uploads.root.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(uploads.root).free
    if length + FREE_MARGIN > free:
        log.error("no room for an upload of %d bytes from %s (%d free)", length, station_id, free)
        raise HTTPException(
            status.HTTP_507_INSUFFICIENT_STORAGE, "central is short of disk; try again later"
        )
    return uploads.begin(station_id, sha256, length)


async def _append(
    request: Request, partial: Partial, offset: int, room: int, station_id: str, sha256: str
) -> int:
    """Stream the body onto the partial file; the offset after it. A body cut short keeps
    what arrived; one that runs past the length is refused and leaves the file as it was."""
    received = 0
    with partial.path.open("r+b") as fh:
        fh.seek(offset)
        try:
            async for chunk in request.stream():
                received += len(chunk)
                if received > room:
                    fh.truncate(offset)
                    raise HTTPException(
                        status.HTTP_400_BAD_REQUEST,
                        f"the chunk goes past the length {offset + room:,}; not kept",
                    )
                fh.write(chunk)
        except ClientDisconnect:
            fh.flush()
            await run_in_threadpool(sync_file, partial.path)
            log.info(
                "upload of %s from %s cut at %d bytes; kept to resume",
                sha256,
                station_id,
                offset + received,
            )
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "upload cut short") from None
        fh.flush()
    await run_in_threadpool(sync_file, partial.path)
    return offset + received

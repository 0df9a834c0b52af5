"""A station's clip straight into S3 (central/blobstore/direct.py): presigned part URLs, then
central checks the whole clip's SHA-256 before it is a blob. Where the store is not S3 the
answer is 404 and the station sends the clip through ``/v1/uploads`` instead."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, status

from central.api.deps import Runtime, RuntimeDep, SessionDep, StationDep
from central.api.models import Problem
from central.blobstore import StoreUnavailable
from central.blobstore.direct import DirectUploads, Mismatch, NotComplete
from central.blobstore.s3 import S3BlobStore
from central.core.metrics import BYTES_IN
from central.db.session import read, write
from central.db.types import utcnow
from central.services.blobs import blob_size, record_blobs
from station.protocol.ids import SHA256
from station.protocol.wire import DirectDone, DirectPart, DirectPlan, DirectStart

log = logging.getLogger(__name__)

router = APIRouter(tags=["uploads"], responses={401: {"model": Problem}, 404: {"model": Problem}})

ShaPath = Annotated[str, Path(pattern=SHA256.pattern, description="lower-case hex SHA-256")]


def _direct(runtime: Runtime, size: int) -> DirectUploads:
    if not isinstance(runtime.blobs, S3BlobStore):
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, "clips go to this central through /v1/uploads"
        )
    if size > runtime.settings.max_clip_bytes:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            f"a clip is at most {runtime.settings.max_clip_bytes:,} bytes",
        )
    return DirectUploads(runtime.blobs)


def _unavailable(exc: StoreUnavailable) -> HTTPException:
    log.warning("direct upload: %s", exc)
    return HTTPException(
        status.HTTP_503_SERVICE_UNAVAILABLE, "the blob store is unavailable; try again later"
    )


@router.post(
    "/v1/clips/{sha256}/direct",
    operation_id="start_direct_upload",
    responses={413: {"model": Problem}},
)
def start_direct_upload(
    sha256: ShaPath,
    body: DirectStart,
    station: StationDep,
    session: SessionDep,
    runtime: RuntimeDep,
) -> DirectPlan:
    """Presigned URLs for the parts of this station's upload of the clip that S3 does not
    hold yet (all of them the first time); ``stored`` when central has the clip already and
    this station's warehouse may see it."""
    uploads = _direct(runtime, body.size)
    if read(session, lambda s: blob_size(s, sha256, station.warehouse)) is not None:
        return DirectPlan(stored=True)
    try:
        plan = uploads.plan(station.id, sha256, body.size)
    except StoreUnavailable as exc:
        raise _unavailable(exc) from exc
    return DirectPlan(
        stored=False,
        part_size=plan.part_size,
        parts=[DirectPart(number=n, url=url) for n, url in plan.parts],
    )


@router.post(
    "/v1/clips/{sha256}/direct/complete",
    operation_id="complete_direct_upload",
    responses={400: {"model": Problem}, 409: {"model": Problem}, 413: {"model": Problem}},
)
def complete_direct_upload(
    sha256: ShaPath,
    body: DirectStart,
    station: StationDep,
    session: SessionDep,
    runtime: RuntimeDep,
) -> DirectDone:
    """Every part there: S3 joins them, central hashes the result and keeps it as the blob
    (400 and deleted when it does not hash to ``sha256``; 409 with the missing parts)."""
    uploads = _direct(runtime, body.size)
    if read(session, lambda s: blob_size(s, sha256, station.warehouse)) is not None:
        return DirectDone(sha256=sha256, created=False)
    try:
        uploads.complete(station.id, sha256, body.size)
    except NotComplete as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None
    except Mismatch as exc:
        log.warning("direct upload of %s from %s refused: %s", sha256, station.id, exc)
        raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from None
    except LookupError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None
    except StoreUnavailable as exc:
        raise _unavailable(exc) from exc
    now = utcnow()
    created = write(session, lambda s: record_blobs(s, [(sha256, body.size)], station.id, now))
    if created:
        BYTES_IN.inc(body.size)
        log.info(
            "clip %s (%d bytes) stored straight from %s",
            sha256,
            body.size,
            station.id,
            extra={"station": station.id, "sha256": sha256, "bytes": body.size},
        )
    # new to this station's warehouse, even when another's sent the same bytes before
    return DirectDone(sha256=sha256, created=True)

"""Photos and clips for the browser, with HTTP range requests (RFC 9110 §14) so a video player
can start at once and jump to a chapter without fetching the whole clip."""

from __future__ import annotations

import re
from typing import Final

from fastapi import Response
from fastapi.responses import StreamingResponse

from central.blobstore import BlobStore

_RANGE: Final = re.compile(r"^bytes=([0-9]*)-([0-9]*)$")
TYPES: Final = {"photo": "image/jpeg", "video": "video/mp4"}


class Unsatisfiable(ValueError):
    """A range wholly past the end of the blob (416)."""


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The one range asked for, inclusive, clamped to the blob; None: the whole blob (no
    header, several ranges, or one this parser does not read — the whole is a valid answer)."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        length = _offset(last)
        if length == 0 or size == 0:
            raise Unsatisfiable(header)
        return max(size - length, 0), size - 1
    start = _offset(first)
    end = min(_offset(last), size - 1) if last else size - 1
    if start >= size or (last and _offset(last) < start):
        raise Unsatisfiable(header)
    return start, end


def _offset(digits: str) -> int:
    """A byte offset as written, however many leading zeros; one past any blob's size when it
    has more digits than any size (cutting the digits read 0000…0001 as 0)."""
    significant = digits.lstrip("0") or "0"
    return int(significant) if len(significant) <= 18 else 10**18


def blob_response(
    store: BlobStore, sha256: str, size: int, media: str, range_header: str | None
) -> Response:
    headers = {
        "Accept-Ranges": "bytes",
        "ETag": f'"{sha256}"',
        "Cache-Control": "private, max-age=86400, immutable",
        "X-Content-Type-Options": "nosniff",
    }
    try:
        wanted = byte_range(range_header, size)
    except Unsatisfiable:
        return Response(status_code=416, headers=headers | {"Content-Range": f"bytes */{size}"})
    if wanted is None:
        blob = store.open(sha256)
        headers["Content-Length"] = str(blob.size)
        return StreamingResponse(blob.chunks, media_type=TYPES[media], headers=headers)
    first, last = wanted
    blob = store.open(sha256, first, last)
    headers["Content-Length"] = str(last - first + 1)
    headers["Content-Range"] = f"bytes {first}-{last}/{blob.size}"
    return StreamingResponse(blob.chunks, status_code=206, media_type=TYPES[media], headers=headers)

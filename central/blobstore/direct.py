"""Clips straight into S3: presigned multipart uploads, checked by central before they count.

A clip's bytes need not pass through central's processes where the store is S3. Central opens
(or finds again) a multipart upload under ``<prefix>incoming/<station>/<sha256>`` — a key no
reader ever looks at, one per station and clip — and hands the station presigned URLs for the
parts S3 does not hold yet; the station PUTs them to S3 itself. When the station says it is
done, central completes the upload from S3's own list of parts, reads the object once to hash
it, and only if it hashes to its name copies it (inside S3) to the blob's key and deletes the
incoming object: nothing unverified is ever a blob. A cut upload is resumed by asking again
(S3 keeps the parts); a wrong one is deleted.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from central.blobstore.base import CHUNK, StoreUnavailable
from central.blobstore.s3 import S3BlobStore

PART_MIN = 8 * 1024 * 1024  # S3 wants 5 MiB at least but for the last part
MAX_PARTS = 10_000  # S3's limit
URL_SECONDS = 3600  # a presigned part URL is good for an hour


class NotComplete(LookupError):
    """Parts are missing (or of the wrong size); ``missing`` lists their numbers."""

    def __init__(self, missing: list[int]) -> None:
        self.missing = missing
        shown = ", ".join(map(str, missing[:10])) + (" …" if len(missing) > 10 else "")
        super().__init__(f"parts {shown} have not arrived; ask for the upload again")


class Mismatch(ValueError):
    def __init__(self, expected: str, actual: str) -> None:
        super().__init__(
            f"the uploaded clip's SHA-256 is {actual}, not the {expected} it was sent as; "
            "it was deleted, nothing stored"
        )


@dataclass(frozen=True, slots=True)
class Plan:
    part_size: int
    parts: list[tuple[int, str]]  # (number, presigned URL) of the parts S3 does not hold


def part_size(size: int) -> int:
    """Parts of at least 8 MiB, whole MiB, few enough for S3's 10,000."""
    need = math.ceil(size / MAX_PARTS)
    return max(PART_MIN, math.ceil(need / (1 << 20)) * (1 << 20))


def _expected(size: int, part: int) -> dict[int, int]:
    count = max(1, math.ceil(size / part))
    return {n: min(part, size - (n - 1) * part) for n in range(1, count + 1)}


class DirectUploads:
    """The presigned-multipart side of an :class:`S3BlobStore`."""

    def __init__(self, store: S3BlobStore) -> None:
        self.store = store
        self.client: Any = store.client
        self.bucket = store.bucket

    def key(self, station_id: str, sha256: str) -> str:
        return f"{self.store.prefix}incoming/{station_id}/{sha256}"

    def plan(self, station_id: str, sha256: str, size: int) -> Plan:
        key = self.key(station_id, sha256)
        part = part_size(size)
        try:
            upload_id = (
                self._upload_id(key)
                or self.client.create_multipart_upload(
                    Bucket=self.bucket, Key=key, ContentType="video/mp4"
                )["UploadId"]
            )
            held = self._parts(key, upload_id)
            parts = [
                (number, self._url(key, upload_id, number))
                for number, length in _expected(size, part).items()
                if held.get(number, (None, ""))[0] != length
            ]
        except (BotoCoreError, ClientError) as exc:
            raise StoreUnavailable(f"S3 multipart upload of {sha256} failed: {exc}") from exc
        return Plan(part, parts)

    def complete(self, station_id: str, sha256: str, size: int) -> None:
        """Complete, verify and keep the station's upload as the blob; raises
        :class:`NotComplete`, :class:`Mismatch` or ``LookupError`` (no upload begun)."""
        key = self.key(station_id, sha256)
        try:
            upload_id = self._upload_id(key)
            if upload_id is None:
                raise LookupError(f"no upload of {sha256} has been begun")
            held = self._parts(key, upload_id)
            expected = _expected(size, part_size(size))
            missing = [n for n, length in expected.items() if held.get(n, (None, ""))[0] != length]
            if missing or len(held) != len(expected):
                raise NotComplete(missing or sorted(set(held) - set(expected)))
            self.client.complete_multipart_upload(
                Bucket=self.bucket,
                Key=key,
                UploadId=upload_id,
                MultipartUpload={
                    "Parts": [{"PartNumber": n, "ETag": held[n][1]} for n in sorted(held)]
                },
            )
            actual = self._sha256(key)
            if actual != sha256:
                self.client.delete_object(Bucket=self.bucket, Key=key)
                raise Mismatch(sha256, actual)
            self.client.copy(
                {"Bucket": self.bucket, "Key": key}, self.bucket, self.store.key(sha256)
            )
            self.client.delete_object(Bucket=self.bucket, Key=key)
        except (BotoCoreError, ClientError) as exc:
            raise StoreUnavailable(f"S3 completing the upload of {sha256} failed: {exc}") from exc

    def _upload_id(self, key: str) -> str | None:
        found = self.client.list_multipart_uploads(Bucket=self.bucket, Prefix=key)
        ids = [u["UploadId"] for u in found.get("Uploads", []) if u.get("Key") == key]
        return ids[-1] if ids else None

    def _parts(self, key: str, upload_id: str) -> dict[int, tuple[int, str]]:
        held: dict[int, tuple[int, str]] = {}
        marker = 0
        while True:
            page = self.client.list_parts(
                Bucket=self.bucket, Key=key, UploadId=upload_id, PartNumberMarker=marker
            )
            for part in page.get("Parts", []):
                held[int(part["PartNumber"])] = (int(part["Size"]), str(part["ETag"]))
            if not page.get("IsTruncated"):
                return held
            marker = int(page["NextPartNumberMarker"])

    def _url(self, key: str, upload_id: str, number: int) -> str:
        return str(
            self.client.generate_presigned_url(
                "upload_part",
                Params={
                    "Bucket": self.bucket,
                    "Key": key,
                    "UploadId": upload_id,
                    "PartNumber": number,
                },
                ExpiresIn=URL_SECONDS,
            )
        )

    def _sha256(self, key: str) -> str:
        digest = hashlib.sha256()
        body = self.client.get_object(Bucket=self.bucket, Key=key)["Body"]
        try:
            for chunk in body.iter_chunks(4 * CHUNK):
                digest.update(chunk)
        finally:
            body.close()
        return digest.hexdigest()

"""Blobs as objects in an S3-compatible bucket, uploaded from the verified spool file.

``s3://BUCKET[/PREFIX]?endpoint=http://HOST:PORT&region=REGION``; credentials from the
settings or boto3's usual chain (``AWS_ACCESS_KEY_ID``…). Path-style addressing, so any
S3-compatible store (SeaweedFS, MinIO, Ceph) works by address alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import boto3
from boto3.exceptions import S3UploadFailedError
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from central.blobstore.base import CHUNK, BlobMissing, Spool, StoredBlob, StoreUnavailable
from station.protocol.wire import ascii_digits

log = logging.getLogger(__name__)

_MISSING = {"404", "NoSuchKey", "NotFound"}
_PUTS = ThreadPoolExecutor(16, thread_name_prefix="s3-put")  # a group's PUTs side by side


class S3BlobStore:
    name = "s3"
    spool_around_cache = False  # the spool file is read straight back to be sent

    def __init__(self, client: Any, bucket: str, prefix: str, spool_dir: Path) -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix
        self.spool = Spool(spool_dir)

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        spool_dir: Path,
        access_key: str | None = None,
        secret_key: str | None = None,
    ) -> S3BlobStore:
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        prefix = parts.path.strip("/")
        client = boto3.client(
            "s3",
            endpoint_url=query.get("endpoint", [None])[0],
            region_name=query.get("region", ["us-east-1"])[0],
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
            config=Config(
                s3={"addressing_style": "path"},
                # S3-compatible stores do not all know the newer default checksums
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
                retries={"max_attempts": 3, "mode": "standard"},
                connect_timeout=5,
                read_timeout=60,
            ),
        )
        return cls(client, parts.netloc, f"{prefix}/" if prefix else "", spool_dir)

    def key(self, sha256: str) -> str:
        return f"{self.prefix}{sha256}"

    def spool_dir(self) -> Path:
        return self.spool.folder()

    def store(self, sha256: str, source: Path) -> None:
        # a single PUT (or a multipart upload completed at the end) is atomic in S3
        try:
            self.client.upload_file(
                str(source),
                self.bucket,
                self.key(sha256),
                ExtraArgs={"ContentType": "application/octet-stream"},
            )
        except (BotoCoreError, ClientError, S3UploadFailedError) as exc:
            raise StoreUnavailable(f"S3 upload of {sha256} failed: {exc}") from exc
        source.unlink(missing_ok=True)

    def store_all(self, blobs: Sequence[tuple[str, Path]]) -> None:
        list(_PUTS.map(lambda blob: self.store(*blob), blobs))

    def exists(self, sha256: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self.key(sha256))
        except ClientError as exc:
            if _code(exc) in _MISSING:
                return False
            raise StoreUnavailable(f"S3 HEAD of {sha256} failed: {exc}") from exc
        except BotoCoreError as exc:
            raise StoreUnavailable(f"S3 HEAD of {sha256} failed: {exc}") from exc
        return True

    def open(self, sha256: str, first: int = 0, last: int | None = None) -> StoredBlob:
        part = {} if first == 0 and last is None else {"Range": f"bytes={first}-{_end(last)}"}
        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self.key(sha256), **part)
        except ClientError as exc:
            if _code(exc) in _MISSING:
                raise BlobMissing(sha256) from None
            raise StoreUnavailable(f"S3 GET of {sha256} failed: {exc}") from exc
        except BotoCoreError as exc:
            raise StoreUnavailable(f"S3 GET of {sha256} failed: {exc}") from exc
        # a ranged answer says the whole size after the slash of "bytes a-b/size"
        whole = str(answer.get("ContentRange", "")).rpartition("/")[2]
        size = int(whole) if ascii_digits(whole) else int(answer["ContentLength"])
        return StoredBlob(size, _read(answer["Body"]))

    def check(self) -> None:
        self.spool_dir()
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except (BotoCoreError, ClientError) as exc:
            raise RuntimeError(f"S3 bucket {self.bucket!r} cannot be used: {exc}") from exc


def _end(last: int | None) -> str:
    return "" if last is None else str(last)


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _read(body: Any) -> Iterator[bytes]:
    try:
        yield from body.iter_chunks(CHUNK)
    finally:
        body.close()

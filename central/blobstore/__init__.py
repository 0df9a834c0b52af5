"""Where blob bytes live: a folder on disk or an S3-compatible bucket, chosen by ``blob_url``."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from central.blobstore.base import (
    SPOOL_SUFFIX,
    BlobMissing,
    BlobStore,
    Spool,
    StoredBlob,
    StoreUnavailable,
    clean_spool,
)
from central.blobstore.disk import DiskBlobStore
from central.blobstore.s3 import S3BlobStore
from central.core.config import CentralSettings

__all__ = [
    "SPOOL_SUFFIX",
    "BlobMissing",
    "BlobStore",
    "DiskBlobStore",
    "S3BlobStore",
    "Spool",
    "StoreUnavailable",
    "StoredBlob",
    "clean_spool",
    "open_store",
]


def open_store(settings: CentralSettings) -> BlobStore:
    parts = urlsplit(settings.blob_url)
    if parts.scheme == "file":
        return DiskBlobStore(Path(url2pathname(parts.path)))
    access = settings.s3_access_key.get_secret_value() if settings.s3_access_key else None
    secret = settings.s3_secret_key.get_secret_value() if settings.s3_secret_key else None
    return S3BlobStore.from_url(
        settings.blob_url,
        spool_dir=settings.data_dir / "spool",
        access_key=access,
        secret_key=secret,
    )

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from central.blobstore import (
    BlobMissing,
    BlobStore,
    DiskBlobStore,
    S3BlobStore,
    Spool,
    StoreUnavailable,
    clean_spool,
    open_store,
)
from central.core.config import load_settings
from central.db.models import BlobRecord
from central.db.session import make_engine, session_factory
from central.services.blobs import keep_group
from station.store import files
from tests.central.servers import CentralServer, S3Endpoint, free_port


@pytest.fixture(params=["disk", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> BlobStore:
    if request.param == "disk":
        return DiskBlobStore(tmp_path / "blobs")
    s3: S3Endpoint = request.getfixturevalue("s3")
    return S3BlobStore.from_url(
        s3.blob_url(f"unit-{os.urandom(4).hex()}"),
        spool_dir=tmp_path / "spool",
        access_key=s3.access_key,
        secret_key=s3.secret_key,
    )


def spooled(store: BlobStore, data: bytes, name: str = "upload") -> tuple[str, Path]:
    path = store.spool_dir() / f"{name}.part"
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest(), path


def test_a_stored_blob_reads_back_whole(store: BlobStore) -> None:
    data = os.urandom(700_000)
    digest, path = spooled(store, data)
    assert not store.exists(digest)
    store.store(digest, path)
    assert store.exists(digest) and not path.exists()
    blob = store.open(digest)
    assert blob.size == len(data) and b"".join(blob.chunks) == data


def test_a_group_stored_together_reads_back_whole(store: BlobStore) -> None:
    """A group of photos is stored with one wait; each is there whole afterwards."""
    blobs = [os.urandom(n) for n in (0, 1, 206_000, 206_001, 1_000_000)]
    group = [spooled(store, data, f"upload-{i}") for i, data in enumerate(blobs)]
    store.store_all(group)
    for (digest, path), data in zip(group, blobs, strict=True):
        assert not path.exists()
        assert b"".join(store.open(digest).chunks) == data


def test_a_part_of_a_blob_reads_without_the_rest(store: BlobStore) -> None:
    """What a video player's range requests read (the desk's clips)."""
    data = os.urandom(600_000)
    digest, path = spooled(store, data)
    store.store(digest, path)
    for first, last in ((0, 0), (1000, 299_999), (599_990, None), (599_000, 10_000_000)):
        blob = store.open(digest, first, last)
        end = len(data) if last is None else min(last, len(data) - 1) + 1
        assert blob.size == len(data) and b"".join(blob.chunks) == data[first:end]


def test_storing_the_same_blob_again_is_harmless(store: BlobStore) -> None:
    data = b"same bytes"
    for _ in range(2):
        digest, path = spooled(store, data)
        store.store(digest, path)
    assert b"".join(store.open(digest).chunks) == data


def test_a_missing_blob_is_blob_missing(store: BlobStore) -> None:
    with pytest.raises(BlobMissing):
        store.open("0" * 64)
    assert not store.exists("0" * 64)


def test_the_store_checks_out(store: BlobStore) -> None:
    store.check()


def test_a_missing_bucket_fails_the_check_with_its_name(s3: S3Endpoint, tmp_path: Path) -> None:
    missing = S3BlobStore.from_url(
        S3Endpoint(s3.endpoint, "absent-bucket").blob_url(),
        spool_dir=tmp_path,
        access_key=s3.access_key,
        secret_key=s3.secret_key,
    )
    with pytest.raises(RuntimeError, match="absent-bucket"):
        missing.check()


def test_disk_blobs_are_files_named_by_their_hash(tmp_path: Path) -> None:
    store = DiskBlobStore(tmp_path)
    digest, path = spooled(store, b"abc")
    store.store(digest, path)
    assert (tmp_path / digest[:2] / digest[2:4] / digest).read_bytes() == b"abc"


def test_the_store_is_chosen_by_url(tmp_path: Path) -> None:
    disk = open_store(load_settings(data_dir=tmp_path))
    assert isinstance(disk, DiskBlobStore) and disk.root == tmp_path / "blobs"
    s3 = open_store(
        load_settings(data_dir=tmp_path, blob_url="s3://bkt/some/prefix?endpoint=http://h:1")
    )
    assert isinstance(s3, S3BlobStore) and s3.bucket == "bkt" and s3.prefix == "some/prefix/"


def test_half_written_uploads_are_cleaned_from_the_spool(tmp_path: Path) -> None:
    (tmp_path / "abc.123.part").write_bytes(b"half")  # as versions before owner folders left it
    (tmp_path / "keep.txt").write_bytes(b"other")
    gone = tmp_path / "4242-deadbeef"  # a process that was killed: nobody holds its owner file
    gone.mkdir()
    (gone / "x.part").write_bytes(b"half")
    (tmp_path / "4242-deadbeef.owner").write_bytes(b"")
    assert clean_spool(tmp_path) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_a_live_processs_upload_in_flight_survives_another_starting(tmp_path: Path) -> None:
    """Processes beside each other share the spool's folder; one starting up cleans it."""
    running = Spool(tmp_path)
    in_flight = running.folder() / "abc.part"
    in_flight.write_bytes(b"arriving")
    assert clean_spool(tmp_path) == 0
    assert in_flight.read_bytes() == b"arriving"
    assert Spool(tmp_path).folder() != running.folder()  # each its own


def test_an_unreachable_s3_store_is_unavailable_not_missing(tmp_path: Path) -> None:
    store = S3BlobStore.from_url(
        f"s3://bucket?endpoint=http://127.0.0.1:{free_port()}",
        spool_dir=tmp_path,
        access_key="k",
        secret_key="s",
    )
    digest, path = spooled(store, b"bytes")
    with pytest.raises(StoreUnavailable):
        store.store(digest, path)
    assert path.exists()  # kept for the caller to clean up or retry
    with pytest.raises(StoreUnavailable):
        store.exists(digest)
    with pytest.raises(StoreUnavailable):
        store.open(digest)


def test_a_blob_file_a_crash_cut_short_before_its_flush_is_written_over(tmp_path: Path) -> None:
    """A group's files are renamed into place before the one flush that makes them durable,
    so a power cut can leave one short; it has no row, and the upload sent again mends it."""
    store = DiskBlobStore(tmp_path)
    data = os.urandom(300_000)
    digest, path = spooled(store, data)
    torn = store.path(digest)
    torn.parent.mkdir(parents=True)
    torn.write_bytes(data[:4096])
    store.store_all([(digest, path)])
    assert b"".join(store.open(digest).chunks) == data


def _failing_flush(fd: int) -> int:
    ctypes.set_errno(errno.EIO)
    return -1


def test_a_disk_that_fails_the_flush_records_nothing_and_the_group_can_come_again(
    central: CentralServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk reports a failed write-back: the photos are not acknowledged, no row says
    central has them, and the station's retry stores them."""
    store = DiskBlobStore(tmp_path / "blobs")
    blobs = [os.urandom(50_000) for _ in range(3)]
    group = [spooled(store, data, f"upload-{i}") for i, data in enumerate(blobs)]
    rows = [(digest, path, len(data)) for (digest, path), data in zip(group, blobs, strict=True)]
    shas = [digest for digest, _path in group]
    engine = make_engine(central.database_url)
    sessions = session_factory(engine)

    def recorded() -> set[str]:
        with sessions() as session:
            return set(
                session.scalars(select(BlobRecord.sha256).where(BlobRecord.sha256.in_(shas)))
            )

    try:
        monkeypatch.setattr(files, "_SYNCFS", _failing_flush)
        with sessions() as session, pytest.raises(StoreUnavailable, match="Input/output error"):
            keep_group(store, session, rows, "BENCH-FLUSH")
        assert recorded() == set()
        monkeypatch.undo()
        again = [spooled(store, data, f"again-{i}") for i, data in enumerate(blobs)]
        retry = [(d, p, len(b)) for (d, p), b in zip(again, blobs, strict=True)]
        with sessions() as session:
            assert keep_group(store, session, retry, "BENCH-FLUSH") == set(shas)
        assert recorded() == set(shas)
    finally:
        engine.dispose()
    for digest, data in zip(shas, blobs, strict=True):
        assert b"".join(store.open(digest).chunks) == data

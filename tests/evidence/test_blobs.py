from __future__ import annotations

import errno
import hashlib
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from station.evidence.blobs import BlobStore, check_digest, hash_file
from station.evidence.errors import BlobCorrupt, BlobMissing, StorageError
from station.store import files

REPO = Path(__file__).resolve().parents[2]
DATA = b"\xff\xd8\xff\xe0 not really a jpeg, but bytes are bytes" * 100


def leftovers(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_a_blob_is_stored_under_its_sha256_and_read_back(tmp_path: Path) -> None:
    store = BlobStore.open(tmp_path / "photos")
    stored = store.put(DATA)
    sha = hashlib.sha256(DATA).hexdigest()
    assert stored.sha256 == sha and stored.created and stored.size == len(DATA)
    assert stored.path == tmp_path / "photos" / sha[:2] / f"{sha[2:]}.jpg"
    assert store.read(sha) == DATA
    assert list(store.digests()) == [sha]
    assert not stored.path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def test_storing_the_same_bytes_again_is_a_no_op(tmp_path: Path) -> None:
    store = BlobStore.open(tmp_path)
    first = store.put(DATA)
    before = first.path.stat()
    again = store.put(DATA)
    assert again.path == first.path and not again.created
    after = first.path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert leftovers(tmp_path) == [first.path]


def test_an_altered_blob_is_never_overwritten_even_by_its_true_bytes(tmp_path: Path) -> None:
    store = BlobStore.open(tmp_path)
    path = store.put(DATA).path
    path.chmod(0o644)
    tampered = b"X" + DATA[1:]
    path.write_bytes(tampered)
    with pytest.raises(BlobCorrupt, match="altered"):
        store.put(DATA)
    assert path.read_bytes() == tampered  # left for the investigation, not "repaired"


def test_reading_checks_the_content_against_the_name(tmp_path: Path) -> None:
    store = BlobStore.open(tmp_path)
    stored = store.put(DATA)
    stored.path.chmod(0o644)
    stored.path.write_bytes(DATA[:-1] + b"!")
    with pytest.raises(BlobCorrupt) as caught:
        store.read(stored.sha256)
    assert "已被改动" in caught.value.message("zh_CN")
    assert store.read(stored.sha256, verify=False).endswith(b"!")
    with pytest.raises(BlobCorrupt):
        store.verify(stored.sha256)
    stored.path.unlink()
    with pytest.raises(BlobMissing, match="missing"):
        store.read(stored.sha256)


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "A" * 64, "ab", "", "0" * 63 + "g", "0" * 64 + "\n"]
)
def test_only_well_formed_digests_name_a_path(tmp_path: Path, name: str) -> None:
    store = BlobStore.open(tmp_path)
    with pytest.raises(ValueError, match="not a SHA-256"):
        store.path_for(name)
    with pytest.raises(ValueError):
        check_digest(name)


def test_hashing_a_file_streams_it_in_chunks(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    content = os.urandom(3 * 4096 + 17)
    path.write_bytes(content)
    assert hash_file(path, chunk=4096) == (hashlib.sha256(content).hexdigest(), len(content))


def test_two_threads_storing_the_same_photo_write_it_once(tmp_path: Path) -> None:
    store = BlobStore.open(tmp_path)
    results = []
    barrier = threading.Barrier(4)

    def put() -> None:
        barrier.wait()
        results.append(store.put(DATA))

    threads = [threading.Thread(target=put) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r.created for r in results) == 1
    assert len(leftovers(tmp_path)) == 1


def test_a_full_disk_gives_a_clear_error_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore.open(tmp_path)
    real_write = os.write

    def disk_fills_up(fd: int, data: bytes) -> None:
        real_write(fd, data[: len(data) // 2])  # part of it reached the disk
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_write_all", disk_fills_up)
    with pytest.raises(StorageError) as caught:
        store.put(DATA)
    assert "disk is full" in str(caught.value)
    assert "磁盘已满" in caught.value.message("zh_CN")
    assert leftovers(tmp_path) == []


def test_a_failed_rename_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore.open(tmp_path)

    def rename_fails(temp: Path, target: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(files, "_publish", rename_fails)
    with pytest.raises(StorageError, match="Input/output error"):
        store.put(DATA)
    assert leftovers(tmp_path) == []


CRASH_BEFORE_RENAME = """
import os, sys
from pathlib import Path
from station.store import files
from station.evidence.blobs import BlobStore

files._publish = lambda temp, target: os._exit(17)  # the process dies: no cleanup runs
BlobStore.open(Path(sys.argv[1])).put(bytes.fromhex(sys.argv[2]))
"""


def test_a_crash_between_temp_file_and_rename_leaves_no_half_photo(tmp_path: Path) -> None:
    root = tmp_path / "photos"
    done = subprocess.run(
        [sys.executable, "-c", CRASH_BEFORE_RENAME, str(root), DATA.hex()],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 17, done.stderr
    left = leftovers(root)
    assert len(left) == 1 and files.is_temp_file(left[0])  # the crash hit after the write
    store = BlobStore.open(root)  # the next start
    assert leftovers(root) == []
    assert not store.exists(hashlib.sha256(DATA).hexdigest())
    assert store.put(DATA).created  # and the photo can be taken again

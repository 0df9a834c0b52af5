"""Spool files written around the page cache: every byte lands, in order, whatever the sizes."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from central.blobstore import unbuffered
from central.blobstore.unbuffered import BLOCK, BUFFER, UnbufferedFile

O_DIRECT = getattr(os, "O_DIRECT", 0)


def pieces_of(sizes: list[int]) -> list[bytes]:
    return [os.urandom(size) for size in sizes]


def write(path: Path, pieces: list[bytes], *, around_cache: bool = True) -> UnbufferedFile:
    file = UnbufferedFile(
        os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), around_cache=around_cache
    )
    for piece in pieces:
        file.write(piece)
    file.close()
    return file


SIZES = [
    [],
    [0],
    [1],
    [BLOCK - 1],
    [BLOCK],
    [BLOCK + 1],
    [BUFFER - 1, 2],
    [BUFFER + 1],
    [7, BLOCK - 7, 3, 65_536, 1, BUFFER, 250_000],
    [3 * BUFFER + 7],
]


@pytest.mark.parametrize("sizes", SIZES, ids=lambda sizes: "+".join(map(str, sizes)) or "none")
@pytest.mark.parametrize("around_cache", [True, False], ids=["around", "through"])
def test_the_file_holds_every_byte_in_order(
    tmp_path: Path, sizes: list[int], around_cache: bool
) -> None:
    pieces = pieces_of(sizes)
    write(tmp_path / "blob.part", pieces, around_cache=around_cache)
    assert (tmp_path / "blob.part").read_bytes() == b"".join(pieces)


def direct_io_works(folder: Path) -> bool:
    if not O_DIRECT:
        return False
    try:
        fd = os.open(folder / "probe", os.O_WRONLY | os.O_CREAT | O_DIRECT, 0o600)
    except OSError:
        return False
    os.close(fd)
    return True


def test_the_bytes_bypass_the_page_cache_where_the_file_system_allows(tmp_path: Path) -> None:
    path = tmp_path / "blob.part"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    file = UnbufferedFile(fd)
    file.write(os.urandom(BUFFER + 100))
    flags = int(
        next(
            line.split()[1]
            for line in Path(f"/proc/self/fdinfo/{fd}").read_text().splitlines()
            if line.startswith("flags:")
        ),
        8,
    )
    file.close()
    assert file.around_cache is direct_io_works(tmp_path)
    assert bool(flags & O_DIRECT) is file.around_cache
    assert path.stat().st_size == BUFFER + 100


def test_a_file_system_that_refuses_the_write_gets_it_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some file systems take O_DIRECT when the file is opened and refuse the first write."""
    real_write = os.write
    refused = []

    def refusing(fd: int, data: bytes | memoryview) -> int:
        if not refused:
            refused.append(len(data))
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_write(fd, data)

    monkeypatch.setattr(unbuffered.os, "write", refusing)
    pieces = pieces_of([BLOCK * 3 + 5, BUFFER])
    file = write(tmp_path / "blob.part", pieces)
    assert refused, "no write was tried around the cache"
    assert not file.around_cache
    assert (tmp_path / "blob.part").read_bytes() == b"".join(pieces)


def test_another_error_is_not_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(fd: int, data: bytes | memoryview) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(unbuffered.os, "write", disk_full)
    file = UnbufferedFile(os.open(tmp_path / "blob.part", os.O_WRONLY | os.O_CREAT, 0o600))
    with pytest.raises(OSError) as caught:
        file.write(os.urandom(BUFFER))
    assert caught.value.errno == errno.ENOSPC
    file.close()  # the descriptor is let go all the same


def test_closing_twice_closes_once(tmp_path: Path) -> None:
    """A spool file closed when its last piece is written and again when it is discarded
    must not close a descriptor the process has since given to another file."""
    file = UnbufferedFile(os.open(tmp_path / "a.part", os.O_WRONLY | os.O_CREAT, 0o600))
    file.write(b"abc")
    file.close()
    other = os.open(tmp_path / "b", os.O_WRONLY | os.O_CREAT, 0o600)  # may reuse the number
    try:
        file.close()
        os.write(other, b"still open")
    finally:
        os.close(other)
    assert (tmp_path / "a.part").read_bytes() == b"abc"
    assert (tmp_path / "b").read_bytes() == b"still open"


def test_a_file_thrown_away_on_a_full_disk_closes_without_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upload cut short is discarded; what it holds back is not written first."""
    file = UnbufferedFile(os.open(tmp_path / "blob.part", os.O_WRONLY | os.O_CREAT, 0o600))
    file.write(os.urandom(BLOCK + 10))

    def disk_full(fd: int, data: bytes | memoryview) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(unbuffered.os, "write", disk_full)
    file.abandon()
    file.close()  # again, nothing

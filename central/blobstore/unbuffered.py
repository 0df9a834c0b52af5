"""New files written around the page cache (Linux ``O_DIRECT``), for bytes nobody reads soon.

A blob central takes is written once and read rarely, days later, for a review or a dispute.
Written through the page cache, each byte is first copied into memory the kernel must find
(taking it from the database's cache) and then written back; at a drain's rate that copy is
a share of the machine's CPU of its own. On a virtual machine whose host backs the guest's
memory only when it is first touched, and takes freed memory back, it is worse: there, 800 MB
written into the page cache cost 2.1 s of kernel time, against 0.04 s written around it.

Writing around the cache needs whole blocks from page-aligned memory at block-aligned offsets:
the bytes pass through one page-aligned buffer per thread, whole blocks go to the disk as
they fill, and the last partial block is written through the cache when the file is closed.
A file system that refuses ``O_DIRECT``, at open or at the first write, is written through the
cache throughout, as any file is.
"""

from __future__ import annotations

import errno
import fcntl
import mmap
import os
import threading

BLOCK = 4096  # a multiple of every logical block size of Linux disks (512 or 4096 bytes)
BUFFER = 1 << 20  # bytes handed to the disk in one write at the most
_O_DIRECT = getattr(os, "O_DIRECT", 0)  # Linux only

_local = threading.local()


def _buffer() -> memoryview:
    """This thread's page-aligned buffer (an anonymous mapping is), made once."""
    view: memoryview | None = getattr(_local, "view", None)
    if view is None:
        view = _local.view = memoryview(mmap.mmap(-1, BUFFER))
    return view


def _set_direct(fd: int, on: bool) -> bool:
    """Turn ``O_DIRECT`` on or off for ``fd``; False where the file system refuses it."""
    if not _O_DIRECT:
        return False
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    try:
        fcntl.fcntl(fd, fcntl.F_SETFL, flags | _O_DIRECT if on else flags & ~_O_DIRECT)
    except OSError:
        return False
    return True


def _write_all(fd: int, data: memoryview | bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class UnbufferedFile:
    """A new, empty file opened for writing as ``fd``, written in order and then closed; what
    :meth:`write` takes may be of any size. Not for several threads at once (one thread at a
    time may write, as a spool file's lock ensures)."""

    def __init__(self, fd: int, *, around_cache: bool = True) -> None:
        self._fd = fd
        self._tail = b""  # taken bytes past the last whole block: written with the next
        self.around_cache = around_cache and _set_direct(fd, True)

    def write(self, data: bytes) -> None:
        if not self.around_cache:
            _write_all(self._fd, self._tail)  # what an earlier write kept back, first
            self._tail = b""
            _write_all(self._fd, data)
            return
        buffer = _buffer()
        new = memoryview(data)
        while new:
            held = len(self._tail)
            buffer[:held] = self._tail
            taken = min(BUFFER - held, len(new))
            buffer[held : held + taken] = new[:taken]
            new = new[taken:]
            filled = held + taken
            whole = filled - filled % BLOCK
            self._tail = bytes(buffer[whole:filled])
            if whole:
                self._write_blocks(buffer[:whole])

    def _write_blocks(self, blocks: memoryview) -> None:
        while blocks:
            try:
                blocks = blocks[os.write(self._fd, blocks) :]
            except OSError as exc:
                if exc.errno != errno.EINVAL or not self.around_cache:
                    raise
                # the file system took the flag but not the write: through the cache from here
                _set_direct(self._fd, False)
                self.around_cache = False

    def abandon(self) -> None:
        """Close the file without writing what is left: it is being thrown away (and a disk
        that is full must not turn throwing it away into an error)."""
        self._tail = b""
        self.close()

    def close(self) -> None:
        """Write what is left (less than a block, through the cache) and close the file;
        again, nothing."""
        if self._fd < 0:
            return
        fd, self._fd = self._fd, -1
        try:
            if self._tail:
                if self.around_cache:
                    _set_direct(fd, False)
                _write_all(fd, self._tail)
                self._tail = b""
        finally:
            os.close(fd)

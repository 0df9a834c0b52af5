"""The small text files the station and central read: settings, checklists, policies, label
layouts, platforms' rules.

Each is read whole, so a path to /dev/zero or to a huge file took over 2 GB of memory before
any size check, and a FIFO hung every command: here a file is a regular file of a bounded
size, or an ``OSError`` saying why not. And ``tomllib`` recurses into each nested table and
array, so a file nested a few thousand deep raised ``RecursionError`` (a traceback, a station
that would not start): here it is a TOML error like any other, which every reader already
words for its user.
"""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from pathlib import Path
from typing import Any


def toml_loads(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("nested too deeply") from None


class FileTooLarge(OSError):
    def __init__(self, path: Path, most: int) -> None:
        super().__init__(errno.EFBIG, f"larger than {most:,} bytes", str(path))


def read_text(path: Path, *, most: int) -> str:
    """The file read whole as UTF-8: a regular file of at most ``most`` bytes."""
    with open(path, "rb", opener=_open_nonblocking) as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        data = fh.read(most + 1)
    if len(data) > most:
        raise FileTooLarge(path, most)
    return data.decode("utf-8")


def _open_nonblocking(name: str, flags: int) -> int:
    """Opening a FIFO for reading waits for a writer; non-blocking, it does not."""
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))

"""Crash-safe file writing: photos, and the settings, token and exports beside them.

A file is written under a hidden temporary name in its final folder, flushed to the disk,
then renamed into place and the folder itself flushed, so after a power cut a name either
holds the complete file or does not exist. A crash can leave only temporary files behind,
which :func:`clean_temp_files` removes when the station starts.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"
_CHUNK = 1 << 16


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new entry in ``folder`` durable."""
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals renames.
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) durably: its parent's entry is flushed too."""
    if folder.is_dir():
        return
    ensure_dir(folder.parent)
    with contextlib.suppress(FileExistsError):  # another thread made it first
        folder.mkdir()
        fsync_dir(folder.parent)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


def _publish(temp: Path, target: Path) -> None:
    """The rename that makes a written file visible under its final name."""
    temp.replace(target)


def write_atomically(
    target: Path,
    data: bytes,
    *,
    mode: int = 0o644,
    replace: Callable[[Path], bool] | None = None,
) -> bool:
    """Write ``data`` to ``target`` all or nothing; return whether ``target`` was written.

    If ``target`` exists and ``replace`` is None or returns False for it, nothing is
    written. Any error removes the temporary file before it propagates.
    """
    if target.exists() and not (replace and replace(target)):
        return False
    ensure_dir(target.parent)
    fd, name = tempfile.mkstemp(
        dir=target.parent, prefix=f"{TEMP_PREFIX}{target.name}.", suffix=TEMP_SUFFIX
    )
    temp = Path(name)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        temp.chmod(mode)
        _publish(temp, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return True


def is_temp_file(path: Path) -> bool:
    return path.name.startswith(TEMP_PREFIX) and path.name.endswith(TEMP_SUFFIX)


def clean_temp_files(root: Path, *, depth: int = 3) -> int:
    """Remove temporary files a crash left under ``root`` (down to ``depth`` folders).

    Only call it when no writer is running on ``root``: at start, before photos are taken.
    """
    removed = 0
    if not root.is_dir():
        return 0
    for entry in os.scandir(root):
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False) and depth > 1:
            removed += clean_temp_files(path, depth=depth - 1)
        elif entry.is_file(follow_symlinks=False) and is_temp_file(path):
            try:
                path.unlink()
            except OSError as exc:
                log.warning("cannot remove the unfinished file %s: %s", path, exc)
            else:
                removed += 1
                log.warning("removed an unfinished file left by a crash: %s", path)
    return removed

"""Crash-safe file writing, the one way the station and the central service write files.

A file is written under a hidden temporary name in its final folder, flushed to the disk,
then renamed into place and the folder itself flushed, so after a power cut a name either
holds the complete file or does not exist. A crash can leave only temporary files behind,
which :func:`clean_temp_files` (a whole tree) or :func:`remove_leftovers` (one file's) remove.

Everything written is the owner's alone: folders 0700, files 0600 (photos 0400), whatever
the umask; :func:`private_umask` sets the process's umask so libraries that create files
themselves (SQLite, the log handler) do the same, and :func:`make_private` tightens a data
folder an earlier version left readable to others.

This module imports nothing of the station, so the central service may use it too.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
READ_ONLY = 0o400
_OTHERS = 0o077  # the group's and everyone else's bits
_CHUNK = 1 << 16
# what a file system answers when it cannot flush a folder (some network and FUSE mounts)
_NO_FOLDER_FLUSH = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP})
_NO_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV})


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new entry in ``folder`` durable."""
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals renames.
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _NO_FOLDER_FLUSH:
            raise
    finally:
        os.close(fd)


def ensure_dir(folder: Path, *, flush: bool = True) -> None:
    """Create ``folder`` (and parents) durably, mode 0700: its parent's entry is flushed too
    (``flush=False``: by the caller, with everything else it wrote)."""
    if folder.is_dir():
        return
    ensure_dir(folder.parent, flush=flush)
    with contextlib.suppress(FileExistsError):  # another thread made it first
        folder.mkdir(mode=PRIVATE_DIR)
        if flush:
            fsync_dir(folder.parent)


def private_umask() -> int:
    """Files and folders this process creates are its owner's only; the umask before."""
    return os.umask(_OTHERS)


def create_private(path: Path) -> None:
    """Create ``path`` empty, mode 0600, unless it exists: for a file a library opens by name
    and creates with the umask's mode (SQLite, which gives its WAL the database's mode; a log
    file)."""
    ensure_dir(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def make_private(root: Path) -> int:
    """Create ``root`` (0700), or take the group's and others' access away from it and
    everything in it when it has any (a data folder of an earlier version); how many entries
    were changed. A folder already private is not walked, so this costs nothing at each
    start."""
    if not root.exists():
        root.mkdir(mode=PRIVATE_DIR, parents=True)
        return 0
    if os.name == "nt" or not root.stat().st_mode & _OTHERS:
        return 0
    changed = 0
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            changed += _restrict(Path(folder) / name)
    changed += _restrict(root)
    if changed:
        log.warning("%s: took access to %d entries away from other users", root, changed)
    return changed


def _restrict(path: Path) -> int:
    try:
        mode = path.lstat().st_mode
        if path.is_symlink() or not mode & _OTHERS:
            return 0
        path.chmod(mode & 0o7777 & ~_OTHERS)
    except OSError as exc:  # a file removed meanwhile, or not ours
        log.warning("cannot make %s private: %s", path, exc)
        return 0
    return 1


def write_atomically(
    target: Path,
    data: bytes,
    *,
    mode: int = PRIVATE_FILE,
    replace: Callable[[Path], bool] | None = None,
    parents: bool = True,
    exclusive: bool = False,
) -> bool:
    """Write ``data`` to ``target`` all or nothing; return whether ``target`` was written.

    If ``target`` exists and ``replace`` is None or returns False for it, nothing is
    written. Missing folders are created unless ``parents`` is False (then the folder must
    exist). Any error removes the temporary file before it propagates.

    ``exclusive``: the file is created only if no other writer created it first, even one
    racing this one (a key made once): it is published by a hard link, which never replaces.
    """
    if target.exists() and not (replace and replace(target)):
        return False
    fd, temp = _open_temp(target, suffix="", parents=parents)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if exclusive:
            temp.chmod(mode)
            try:
                os.link(temp, target)
            except FileExistsError:
                return False
            finally:
                _discard(temp)
            fsync_dir(target.parent)
        else:
            _finish(temp, target, mode)
    except BaseException:
        _discard(temp)
        raise
    return True


@contextlib.contextmanager
def atomic_path(
    target: Path, *, mode: int = PRIVATE_FILE, parents: bool = True, suffix: str | None = None
) -> Iterator[Path]:
    """A temporary path beside ``target`` for a library that writes files by name (a PDF
    canvas, a video encoder); when the block ends without an error the file is flushed and
    renamed to ``target``, on an error it is removed.

    The temporary name ends with ``suffix`` (by default ``target``'s), since such libraries
    often choose the format by it.
    """
    fd, temp = _open_temp(
        target, suffix=target.suffix if suffix is None else suffix, parents=parents
    )
    os.close(fd)
    try:
        yield temp
        _fsync_file(temp)
        _finish(temp, target, mode)
    except BaseException:
        _discard(temp)
        raise


def move_into_place(source: Path, target: Path) -> None:
    """Make ``source``, a file finished elsewhere on the same file system (an upload spooled
    while it was hashed), durable and rename it to ``target``."""
    ensure_dir(target.parent)
    _fsync_file(source)
    _publish(source, target)
    fsync_dir(target.parent)


def move_all_into_place(moves: Sequence[tuple[Path, Path]]) -> None:
    """:func:`move_into_place` for a group of files on one file system (a group of uploads):
    all put in place, then made durable together by one flush of that file system (Linux's
    ``syncfs``), where one file alone waits out up to three (its new folder's parent, the
    file, its folder). Until this returns, a new target may hold less than its source did if
    the machine stops, so a caller records the files only afterwards and writes over a
    target it has not recorded. A target that is already there (a file someone may count on,
    or one a crash left short) is replaced only by a copy made durable first, as
    :func:`move_into_place` does; so is every file where there is no ``syncfs``."""
    flush = _SYNCFS
    for source, target in moves:
        if flush is None:
            move_into_place(source, target)
            continue
        ensure_dir(target.parent, flush=False)
        if not _link_new(source, target):
            move_into_place(source, target)
    if flush is not None and moves:
        _flush_file_system(moves[0][1].parent, flush)


def _link_new(source: Path, target: Path) -> bool:
    """Give ``source`` the name ``target`` if no file has it yet: a hard link is made
    atomically and never replaces one (a rename would). False if the name is taken, or
    the file system makes no links."""
    try:
        os.link(source, target)
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno in _NO_LINKS:
            return False
        raise
    source.unlink()
    return True


def _load_syncfs() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):  # a C library without it
        return None
    syncfs.argtypes = [ctypes.c_int]
    syncfs.restype = ctypes.c_int
    return syncfs


_SYNCFS = _load_syncfs()


def _flush_file_system(folder: Path, syncfs: Callable[[int], int]) -> None:
    """Write out everything of the file system holding ``folder``: data, inodes, folders
    (Linux 5.8 and later report a failed write-back here, as fsync does)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        if syncfs(fd) != 0:
            code = ctypes.get_errno()
            raise OSError(code, f"flushing the file system of {folder}: {os.strerror(code)}")
    finally:
        os.close(fd)


def is_temp_file(path: Path) -> bool:
    """Whether ``path`` is a temporary file of this writer (left by a crash, or in use)."""
    name = path.name
    return name.startswith(TEMP_PREFIX) and TEMP_SUFFIX in (
        path.suffix,
        Path(name.removesuffix(path.suffix)).suffix,
    )


def remove_leftovers(target: Path) -> int:
    """Remove what a process killed while writing ``target`` left beside it.

    Only call it when nobody is writing ``target``.
    """
    removed = 0
    if not target.parent.is_dir():
        return 0
    prefix = f"{TEMP_PREFIX}{target.name}."
    for path in target.parent.iterdir():
        if path.name.startswith(prefix) and is_temp_file(path):
            removed += _remove_leftover(path)
    return removed


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
            removed += _remove_leftover(path)
    return removed


# -- the steps ---------------------------------------------------------------------------------


class NotARegularFile(OSError):
    """A target that is a device, a pipe, a folder or a link: never replaced by a written file
    (``--out /dev/null`` turned the device into a file)."""

    def __init__(self, target: Path) -> None:
        super().__init__(errno.EEXIST, "not a regular file: it is not replaced", str(target))


def _check_target(target: Path) -> None:
    try:
        kind = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(kind):
        raise NotARegularFile(target)


def _open_temp(target: Path, *, suffix: str, parents: bool) -> tuple[int, Path]:
    _check_target(target)  # before any work: a node is refused, not written over at the end
    if parents:
        ensure_dir(target.parent)
    elif not target.parent.is_dir():
        raise FileNotFoundError(f"folder {target.parent} does not exist")
    fd, name = tempfile.mkstemp(
        dir=target.parent, prefix=f"{TEMP_PREFIX}{target.name}.", suffix=TEMP_SUFFIX + suffix
    )
    return fd, Path(name)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows flushes only writers
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _finish(temp: Path, target: Path, mode: int) -> None:
    temp.chmod(mode)
    _publish(temp, target)
    fsync_dir(target.parent)


def _publish(temp: Path, target: Path) -> None:
    """The rename that makes a written file visible under its final name."""
    _check_target(target)  # again: it may have become a node while the file was written
    temp.replace(target)


def _discard(temp: Path) -> None:
    with contextlib.suppress(OSError):
        temp.unlink()


def _remove_leftover(path: Path) -> int:
    try:
        path.unlink()
    except OSError as exc:
        log.warning("cannot remove the unfinished file %s: %s", path, exc)
        return 0
    log.warning("removed an unfinished file left by a crash: %s", path)
    return 1

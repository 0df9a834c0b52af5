"""The crash-safe writer: a file is there whole or not at all, and a crash leaves only debris
the next start removes."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from station.store import files

REPO = Path(__file__).resolve().parents[2]


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_file_is_written_whole_with_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "token"
    assert files.write_atomically(target, b"secret\n", mode=0o600)
    assert target.read_bytes() == b"secret\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert names(target.parent) == ["token"]


def test_an_existing_file_is_kept_unless_the_caller_agrees_to_replace_it(tmp_path: Path) -> None:
    target = tmp_path / "photo.jpg"
    target.write_bytes(b"first")
    assert not files.write_atomically(target, b"second")
    assert not files.write_atomically(target, b"second", replace=lambda _: False)
    assert target.read_bytes() == b"first"
    assert files.write_atomically(target, b"second", replace=lambda _: True)
    assert target.read_bytes() == b"second"


def test_an_exclusive_write_never_replaces_a_file_made_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "audit.key"
    assert files.write_atomically(target, b"first", mode=0o600, exclusive=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    # another writer makes the file after this one checked it was not there
    monkeypatch.setattr(Path, "exists", lambda _self: False)
    assert not files.write_atomically(target, b"second", exclusive=True)
    monkeypatch.undo()
    assert target.read_bytes() == b"first" and names(tmp_path) == ["audit.key"]


def test_a_read_only_file_can_be_replaced(tmp_path: Path) -> None:
    target = tmp_path / "settings.toml"
    files.write_atomically(target, b"old", mode=0o444)
    files.write_atomically(target, b"new", mode=0o444, replace=lambda _: True)
    assert target.read_bytes() == b"new"
    assert not target.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def test_a_failed_write_leaves_the_old_file_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "station.toml"
    target.write_bytes(b"old")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        files.write_atomically(target, b"new", replace=lambda _: True)
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["station.toml"]


def test_a_missing_folder_can_be_refused_instead_of_made(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        files.write_atomically(tmp_path / "nowhere" / "label.pdf", b"%PDF", parents=False)
    with (
        pytest.raises(FileNotFoundError, match="does not exist"),
        files.atomic_path(tmp_path / "nowhere" / "clip.avi", parents=False),
    ):
        pass
    assert names(tmp_path) == []


def test_a_library_that_writes_by_name_gets_a_path_with_the_target_suffix(tmp_path: Path) -> None:
    target = tmp_path / "clip.avi"
    with files.atomic_path(target) as temp:
        assert temp.parent == tmp_path and temp.suffix == ".avi" and temp != target
        temp.write_bytes(b"frames")
        assert not target.exists()  # nothing under the final name until the block ends
    assert target.read_bytes() == b"frames"
    assert names(tmp_path) == ["clip.avi"]
    with files.atomic_path(tmp_path / "clip", suffix=".avi") as temp:
        assert temp.suffix == ".avi"
        temp.write_bytes(b"more frames")
    assert (tmp_path / "clip").read_bytes() == b"more frames"


def test_a_library_that_fails_leaves_the_old_file_and_no_debris(tmp_path: Path) -> None:
    target = tmp_path / "commands.pdf"
    target.write_bytes(b"old sheet")
    with pytest.raises(RuntimeError, match="encoder"), files.atomic_path(target) as temp:
        temp.write_bytes(b"half a sheet")
        raise RuntimeError("encoder gave up")
    assert target.read_bytes() == b"old sheet"
    assert names(tmp_path) == ["commands.pdf"]


def test_a_finished_file_is_moved_into_a_new_folder(tmp_path: Path) -> None:
    spooled = tmp_path / "spool" / "upload.part"
    spooled.parent.mkdir()
    spooled.write_bytes(b"blob")
    target = tmp_path / "ab" / "cd" / "abcd"
    files.move_into_place(spooled, target)
    assert target.read_bytes() == b"blob" and not spooled.exists()


@pytest.mark.parametrize("flush", ["one flush of the file system", "file by file"])
def test_a_group_of_finished_files_is_moved_into_new_private_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flush: str
) -> None:
    if flush == "file by file":  # a system without syncfs
        monkeypatch.setattr(files, "_SYNCFS", None)
    elif sys.platform.startswith("linux"):
        assert files._SYNCFS is not None
    spool = tmp_path / "spool"
    spool.mkdir()
    moves = []
    for name in ("abcd", "abef", "cdef"):
        (spool / f"{name}.part").write_bytes(name.encode())
        moves.append((spool / f"{name}.part", tmp_path / name[:2] / name[2:] / name))
    files.move_all_into_place(moves)
    for source, target in moves:
        assert target.read_bytes() == target.name.encode() and not source.exists()
        assert stat.S_IMODE(target.parent.stat().st_mode) == files.PRIVATE_DIR
    assert list(spool.iterdir()) == []


def test_a_file_already_at_a_target_is_replaced_only_by_a_copy_flushed_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A group's new files wait for the one flush at the end; but a name that is taken may
    be a file someone counts on (another process stored the same blob a moment ago), so it
    is replaced only by a copy already on the disk: a power cut cannot leave it short."""
    flushed: list[str] = []
    real = files._fsync_file

    def spy(path: Path) -> None:
        flushed.append(path.name)
        real(path)

    monkeypatch.setattr(files, "_fsync_file", spy)
    spool = tmp_path / "spool"
    spool.mkdir()
    taken = tmp_path / "ab" / "taken"
    taken.parent.mkdir()
    taken.write_bytes(b"bytes")
    moves = []
    for name, target in (("new.part", tmp_path / "cd" / "new"), ("again.part", taken)):
        (spool / name).write_bytes(b"bytes")
        moves.append((spool / name, target))
    files.move_all_into_place(moves)
    if files._SYNCFS is not None:
        assert flushed == ["again.part"]
    assert taken.read_bytes() == b"bytes" and (tmp_path / "cd" / "new").read_bytes() == b"bytes"
    assert list(spool.iterdir()) == []


def test_a_file_system_that_cannot_flush_folders_still_gets_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def no_folder_flush(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", no_folder_flush)
    files.write_atomically(tmp_path / "a", b"kept")
    assert (tmp_path / "a").read_bytes() == b"kept"


@pytest.mark.skipif(os.name == "nt", reason="folders are not flushed on Windows")
def test_a_failing_disk_under_a_folder_is_still_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def broken_folder(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", broken_folder)
    with pytest.raises(OSError, match="Input/output"):
        files.write_atomically(tmp_path / "a", b"lost")


KILLED_WHILE_WRITING = """
import os, sys
from pathlib import Path
from station.store.files import atomic_path, write_atomically

target = Path(sys.argv[1])
if sys.argv[2] == "path":
    with atomic_path(target) as temp:
        temp.write_bytes(b"half a clip")
        os._exit(9)  # killed: no cleanup runs
import station.store.files as files
files._publish = lambda temp, target: os._exit(9)
write_atomically(target, b"whole, but never renamed")
"""


@pytest.mark.parametrize("how", ["bytes", "path"])
def test_what_a_killed_writer_leaves_is_removed_at_the_next_start(tmp_path: Path, how: str) -> None:
    target = tmp_path / "demo-camera.avi"
    other = tmp_path / "station.db"
    other.write_bytes(b"not debris")
    done = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_WRITING, str(target), how],
        cwd=REPO,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 9, done.stderr
    (debris,) = (p for p in tmp_path.iterdir() if p != other)
    assert files.is_temp_file(debris) and not target.exists()
    assert files.remove_leftovers(target) == 1
    assert names(tmp_path) == ["station.db"]


def test_temp_files_are_cleaned_through_a_tree_and_nothing_else_is(tmp_path: Path) -> None:
    (tmp_path / "ab").mkdir()
    debris = tmp_path / "ab" / ".cdef.jpg.k2j3.tmp"
    debris.write_bytes(b"half")
    kept = [tmp_path / "ab" / "cdef.jpg", tmp_path / ".hidden", tmp_path / "notes.tmp"]
    for path in kept:
        path.write_bytes(b"keep")
    assert files.clean_temp_files(tmp_path) == 1
    assert not debris.exists() and all(p.exists() for p in kept)


def test_the_central_service_can_import_the_writer_without_the_station() -> None:
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, station.store.files; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('station', 'sqlalchemy')))",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert loaded.stdout.strip() == "['station', 'station.store', 'station.store.files']"


def _nodes(tmp_path: Path) -> list[Path]:
    """Names that are not regular files: a pipe, a folder, a link (to a file it could be
    written through)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me")
    link = tmp_path / "link"
    link.symlink_to(target)
    return [fifo, folder, link]


def test_a_pipe_a_folder_or_a_link_is_never_written_over(tmp_path: Path) -> None:
    """`--out /dev/null` turned the device into a file, and a FIFO given as --out became one."""
    for node in _nodes(tmp_path):
        before = os.lstat(node).st_mode
        with pytest.raises(files.NotARegularFile):
            files.write_atomically(node, b"data", replace=lambda _: True)
        with pytest.raises(files.NotARegularFile), files.atomic_path(node) as temp:
            temp.write_bytes(b"data")
        assert os.lstat(node).st_mode == before
    assert (tmp_path / "elsewhere.txt").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "elsewhere.txt",
        "folder",
        "link",
        "pipe",
    ]  # no temporary file left behind

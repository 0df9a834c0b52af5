"""Filing finished takes: the clip folder, content-addressed like the photos.

A take is recorded into ``clips/recording/<clip id>.mp4`` with its journal. Filing it:

1. a take cut short by a crash is cut back to the last fragment its journal vouches for
   (what follows is a fragment half written and proves nothing);
2. the chapters box is appended (once: filing again finds it);
3. the whole file is hashed, and its fragment chain recomputed from the bytes;
4. it is linked into ``clips/ab/cdef….mp4`` under its SHA-256 and made read-only.

The caller then records the clip in the store and calls :meth:`ClipLibrary.forget`, which
removes the take's recording names. Each step can run again after a crash at any point, so
the next start files whatever a crash left behind (:meth:`ClipLibrary.unfinished`).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station.evidence.blobs import BlobStore, hash_file
from station.evidence.video.chapters import (
    CHAPTERS_UUID,
    Chapter,
    chapters_box,
    read_chapters_box,
)
from station.evidence.video.fragments import check_chain
from station.evidence.video.journal import read_journal
from station.evidence.video.takes import RecordedClip
from station.store.files import READ_ONLY, atomic_path, ensure_dir, fsync_dir

log = logging.getLogger(__name__)

SUFFIX = ".mp4"
CUT_SHORT = "cut short"


@dataclass(frozen=True, slots=True)
class FiledClip:
    clip: RecordedClip
    sha256: str
    size: int
    chain_head: str  # the fragment chain's value at ``chain_end``
    chain_end: int  # bytes of the file the chain covers
    fragments: int
    path: Path

    @property
    def cut_short(self) -> bool:
        return self.clip.ended == CUT_SHORT


class ClipLibrary:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.recording = root / "recording"
        self.blobs = BlobStore(root, suffix=SUFFIX)

    def path_for(self, sha256: str) -> Path:
        return self.blobs.path_for(sha256)

    def file(self, clip: RecordedClip) -> FiledClip:
        """Cut back, close with the chapters, hash and link into the library."""
        state = read_journal(clip.journal)
        check = check_chain(clip.path, clip.clip_id, state.links)
        # a take filed once already (a crash came before its record) ends in its chapters box
        # right after the chain: cutting it again would write to the filed, read-only copy
        refiled = _closed_at(clip.path, check.verified_to)
        if (clip.ended == CUT_SHORT or not check.ok) and not refiled:
            if not check.ok:
                log.warning(
                    "clip %s: %s; kept to %d bytes", clip.clip_id, check.problem, check.verified_to
                )
            os.truncate(clip.path, check.verified_to)
        if read_chapters_box(clip.path) is None:
            with clip.path.open("ab") as fh:
                fh.write(chapters_box(clip.clip_id, clip.chapters, clip.gaps))
                fh.flush()
                os.fsync(fh.fileno())
        sha, size = hash_file(clip.path)
        target = self.path_for(sha)
        if not target.exists():
            _link_or_copy(clip.path, target)
        target.chmod(READ_ONLY)
        return FiledClip(clip, sha, size, check.head, check.verified_to, check.fragments, target)

    def forget(self, clip: RecordedClip) -> None:
        """The take is on record: drop its recording names (the filed copy stays)."""
        for path in (clip.path, clip.journal):
            path.unlink(missing_ok=True)
        fsync_dir(self.recording)

    def unfinished(self) -> Iterator[RecordedClip]:
        """Takes a crash (or a failed filing) left in the recording folder, ready to file."""
        if not self.recording.is_dir():
            return
        for journal in sorted(self.recording.glob("*.journal")):
            state = read_journal(journal)
            video = journal.with_suffix(SUFFIX)
            if not state.facts or not video.exists():
                log.warning("%s has no clip to go with it; removed", journal.name)
                journal.unlink(missing_ok=True)
                video.unlink(missing_ok=True)
                continue
            ended = state.ending.get("ended", CUT_SHORT)
            duration = state.ending.get("duration_ms")
            yield RecordedClip(
                clip_id=journal.stem,
                path=video,
                journal=journal,
                facts=state.facts,
                chapters=tuple(Chapter.from_json(c) for c in state.chapters),
                gaps=tuple(state.gaps),
                duration_ms=int(duration) if duration is not None else _duration_ms(video),
                width=int(state.facts.get("width", 0)),
                height=int(state.facts.get("height", 0)),
                ended=ended,
                frames=0,
            )

    def digests(self) -> Iterator[str]:
        return self.blobs.digests()

    def free_bytes(self) -> int:
        if not self.root.is_dir():
            ensure_dir(self.root)
        return shutil.disk_usage(self.root).free


def _link_or_copy(source: Path, target: Path) -> None:
    """File ``source`` under ``target``: a hard link (no second copy of tens of MB), or, on a
    file system without them (FAT, exFAT), a copy made whole before it takes the name."""
    ensure_dir(target.parent)
    try:
        os.link(source, target)
    except OSError as exc:
        log.info("no hard link for %s (%s); copying it", target.name, exc.strerror or exc)
        with atomic_path(target, mode=READ_ONLY) as temp:
            shutil.copyfile(source, temp)
    else:
        fsync_dir(target.parent)


def _closed_at(path: Path, end: int) -> bool:
    """Whether the file runs from ``end`` to its last byte as exactly one chapters box."""
    size = path.stat().st_size
    if size - end < 24:
        return False
    with path.open("rb") as fh:
        fh.seek(end)
        header = fh.read(24)
    return (
        int.from_bytes(header[:4], "big") == size - end
        and header[4:8] == b"uuid"
        and header[8:24] == CHAPTERS_UUID
    )


def _duration_ms(path: Path) -> int:
    """How long a (possibly cut) clip plays; 0 when not even that can be read."""
    import av  # only a take cut short needs it: the library stays light to import

    from station.evidence.video.reading import last_frame_ms

    try:
        return last_frame_ms(path)
    except (av.FFmpegError, OSError):
        log.warning("cannot read %s to time it", path.name, exc_info=True)
        return 0


def clip_facts(filed: FiledClip) -> dict[str, Any]:
    """What the store keeps of a filed clip besides the evidence item."""
    return {
        "chain_head": filed.chain_head,
        "chain_end": filed.chain_end,
        "fragments": filed.fragments,
        "ended": filed.clip.ended,
    }

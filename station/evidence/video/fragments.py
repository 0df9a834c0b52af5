"""A clip's bytes as a chain of fragments, so a clip cut short still proves itself to its end.

A fragmented MP4 is a run of top-level boxes: the initialisation segment (``ftyp`` + ``moov``),
then one ``moof`` + ``mdat`` pair per fragment (one second of video), then, in a clip that was
closed properly, the tail (``mfra`` and the chapters box). A *segment* is the bytes from the end
of the previous one to the end of a ``moov`` or ``mdat`` box. Each segment extends the chain::

    link[0] = SHA-256("clip-chain-v1" | clip id)
    link[i] = SHA-256(link[i-1] | SHA-256(segment i) | end offset of segment i, 8 bytes BE)

The recorder writes each link to the clip's journal as soon as its segment is on the disk, so
after a crash the file verifies up to the last link written, and anything after it (a fragment
half written when the power went) is cut off, never passed off as evidence.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

CHAIN_VERSION = b"clip-chain-v1"
# boxes that close a segment: the initialisation segment, then each fragment's media data
_SEGMENT_ENDS = frozenset({b"moov", b"mdat"})
_READ_CHUNK = 1 << 20


def chain_start(clip_id: str) -> str:
    return hashlib.sha256(CHAIN_VERSION + b"|" + clip_id.encode()).hexdigest()


def chain_next(previous: str, segment_sha256: bytes, end: int) -> str:
    return hashlib.sha256(
        bytes.fromhex(previous) + segment_sha256 + struct.pack(">Q", end)
    ).hexdigest()


@dataclass(frozen=True, slots=True)
class Link:
    end: int  # the offset just past the segment
    digest: str  # the chain's value after it (hex)


class SegmentHasher:
    """Fed a file's bytes in order (as a muxer writes them), yields a :class:`Link` whenever a
    segment is complete. Understands 32- and 64-bit box sizes; a box claiming to run to the
    end of the file (size 0) never completes."""

    def __init__(self, clip_id: str) -> None:
        self.head = chain_start(clip_id)
        self.offset = 0  # bytes seen
        self._segment = hashlib.sha256()
        self._header = bytearray()  # the part of a box header read so far
        self._left = 0  # bytes of the current box's body still to come
        self._box = b""
        self._open_ended = False

    def feed(self, data: bytes | memoryview) -> list[Link]:
        links: list[Link] = []
        view = memoryview(data)
        while view:
            if self._left or self._open_ended:
                take = len(view) if self._open_ended else min(self._left, len(view))
                self._consume(view[:take])
                view = view[take:]
                if not self._open_ended:
                    self._left -= take
                    if self._left == 0:
                        links.extend(self._box_done())
                continue
            need = (16 if self._wide() else 8) - len(self._header)
            take = min(need, len(view))
            self._header += view[:take]
            self._consume(view[:take])
            view = view[take:]
            if (len(self._header) == 8 and not self._wide()) or len(self._header) == 16:
                self._start_box()
                if self._left == 0 and not self._open_ended:
                    links.extend(self._box_done())
        return links

    def _wide(self) -> bool:
        return len(self._header) >= 4 and struct.unpack(">I", self._header[:4])[0] == 1

    def _start_box(self) -> None:
        size = struct.unpack(">I", self._header[:4])[0]
        self._box = bytes(self._header[4:8])
        header_len = len(self._header)
        if size == 1:
            size = struct.unpack(">Q", self._header[8:16])[0]
        self._header.clear()
        if size == 0:
            self._open_ended = True
        elif size < header_len:
            raise ValueError(f"a box claims {size} bytes, less than its own header")
        else:
            self._left = size - header_len

    def _consume(self, chunk: memoryview) -> None:
        self._segment.update(chunk)
        self.offset += len(chunk)

    def _box_done(self) -> list[Link]:
        if self._box not in _SEGMENT_ENDS:
            return []
        self.head = chain_next(self.head, self._segment.digest(), self.offset)
        self._segment = hashlib.sha256()
        return [Link(self.offset, self.head)]


def links_of_file(path: Path, clip_id: str) -> Iterator[Link]:
    """The chain a file's bytes make, segment by segment."""
    hasher = SegmentHasher(clip_id)
    with path.open("rb") as fh:
        while block := fh.read(_READ_CHUNK):
            yield from hasher.feed(block)


@dataclass(frozen=True, slots=True)
class ChainCheck:
    verified_to: int  # the file verifies from its start up to this offset
    fragments: int  # links that matched (the initialisation segment counts as one)
    head: str  # the chain's value at ``verified_to``
    problem: str  # empty when every recorded link matched

    @property
    def ok(self) -> bool:
        return not self.problem


def check_chain(path: Path, clip_id: str, recorded: Iterable[Link]) -> ChainCheck:
    """Compare the chain a file makes with the links recorded while it was written."""
    expected = list(recorded)
    matched = 0
    verified_to = 0
    head = chain_start(clip_id)
    for link in links_of_file(path, clip_id):
        if matched == len(expected):
            break
        want = expected[matched]
        if link != want:
            return ChainCheck(
                verified_to, matched, head, f"fragment {matched + 1} does not match its link"
            )
        matched += 1
        verified_to, head = link.end, link.digest
    if matched < len(expected):
        return ChainCheck(
            verified_to,
            matched,
            head,
            f"the file ends after {matched} of {len(expected)} recorded fragments",
        )
    return ChainCheck(verified_to, matched, head, "")

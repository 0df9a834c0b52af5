"""Reading a clip back: every frame's time, a frame by its number, pictures at given moments.

One decoder serves the review screen's player (frame by frame, forward and back) and the
evidence pack's frames at chapters: it indexes the packets once without decoding, jumps to
the key frame before a frame and decodes forward (key frames are a second apart).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np


@dataclass(frozen=True, slots=True)
class ClipIndex:
    """Every frame's time in the clip (ms from its start) and which frames are key frames."""

    times_ms: tuple[int, ...]
    keys: tuple[int, ...]  # frame numbers, ascending

    @property
    def frames(self) -> int:
        return len(self.times_ms)

    @property
    def duration_ms(self) -> int:
        return self.times_ms[-1] if self.times_ms else 0

    def frame_at(self, ms: int) -> int:
        """The frame on screen at ``ms``: the last one that started by then."""
        return max(0, min(self.frames - 1, bisect.bisect_right(self.times_ms, ms) - 1))

    def key_before(self, frame: int) -> int:
        n = bisect.bisect_right(self.keys, frame) - 1
        return self.keys[n] if n >= 0 else 0

    def key_between(self, after: int, upto: int) -> bool:
        """Whether a key frame lies in (after, upto]: decoding forward would cross it."""
        n = bisect.bisect_right(self.keys, after)
        return n < len(self.keys) and self.keys[n] <= upto


class ClipDecoder:
    """One clip file open for decoding. Used by one thread at a time (the player's worker)."""

    def __init__(self, path: Path) -> None:
        self._container = av.open(str(path))
        try:
            self._stream = self._container.streams.video[0]
            self._base = self._stream.time_base or Fraction(1, 1000)
            self.index, self._pts = self._read_index()
            if not self.index.frames:
                raise ValueError("the clip has no frames")
        except Exception:
            self._container.close()
            raise
        self._by_pts = {pts: n for n, pts in enumerate(self._pts)}
        self._frames: Iterator[av.VideoFrame] | None = None
        self.position: int | None = None  # the frame last decoded
        self._last: av.VideoFrame | None = None
        self.problem = ""  # why decoding stopped short, until read

    def _read_index(self) -> tuple[ClipIndex, list[int]]:
        """Every packet's time, without decoding (the file is read once, quickly)."""
        found: list[tuple[int, bool]] = []
        for packet in self._container.demux(self._stream):
            if packet.pts is not None and packet.size:
                found.append((int(packet.pts), bool(packet.is_keyframe)))
        found.sort()
        pts = [p for p, _key in found]
        keys = tuple(n for n, (_p, key) in enumerate(found) if key) or (0,)
        times = tuple(int(p * self._base * 1000) for p in pts)
        self._container.seek(0, stream=self._stream, backward=True)
        return ClipIndex(times, keys), pts

    def close(self) -> None:
        self._frames = None
        self._container.close()

    def frame(self, n: int) -> av.VideoFrame | None:
        """Frame ``n`` decoded: forward from the frame before when no key frame lies between,
        else from the key frame before it."""
        n = max(0, min(self.index.frames - 1, n))
        if n == self.position and self._last is not None:
            return self._last
        ahead = self.position is not None and self.position < n
        jumped = not ahead or self._frames is None or self.index.key_between(self.position or 0, n)
        if jumped:
            self._jump(self.index.key_before(n))
        target = self._pts[n]
        while True:
            frame = self._next()
            if frame is None:
                return self._last
            pts = frame.pts if frame.pts is not None else target
            if jumped and pts > target and self.index.key_before(n) > 0:
                # the demuxer landed past the key frame asked for: from the start instead
                self._jump(0)
                jumped = False
                continue
            jumped = False
            self._last = frame
            self.position = self._by_pts.get(pts, n)
            if pts >= target:
                return frame

    def _jump(self, key: int) -> None:
        self._container.seek(self._pts[key], stream=self._stream, backward=True, any_frame=False)
        self._frames = self._decode()
        self.position = None

    def _decode(self) -> Iterator[av.VideoFrame]:
        return itertools.chain.from_iterable(
            packet.decode() for packet in self._container.demux(self._stream)
        )

    def _next(self) -> av.VideoFrame | None:
        if self._frames is None:
            return None
        try:
            return next(self._frames)
        except StopIteration:
            self._frames = None
        except av.FFmpegError as exc:  # a damaged or cut-off stretch: the last good frame stays
            self._frames = None
            self.problem = str(exc)
        return None


def frames_at(path: Path, times_ms: list[int], *, width: int = 480) -> list[np.ndarray]:
    """The frame on screen at each time (BGR, ``width`` pixels wide); a time past the end
    gives the last frame."""
    decoder = ClipDecoder(path)
    pictures: list[np.ndarray] = []
    try:
        for wanted in times_ms:
            frame = decoder.frame(decoder.index.frame_at(wanted))
            if frame is None:
                continue
            image = frame.to_ndarray(format="bgr24")
            h, w = image.shape[:2]
            pictures.append(
                cv2.resize(image, (width, h * width // w), interpolation=cv2.INTER_AREA)
            )
    finally:
        decoder.close()
    return pictures


def last_frame_ms(path: Path) -> int:
    """The time of a file's last frame, from its packets (no decoding): how long a clip cut
    short plays, or an export measured against its ranges."""
    last = 0
    with av.open(str(path)) as container:
        for packet in container.demux(video=0):
            if packet.pts is not None and packet.time_base is not None:
                last = max(last, int(packet.pts * packet.time_base * 1000))
    return last

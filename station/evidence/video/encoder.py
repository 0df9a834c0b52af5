"""H.264 for the bench camera: one encoder that runs while the camera does, a ring of the last
seconds for the pre-roll, and a muxer per clip writing fragmented MP4.

The encoder never stops between parcels, so a clip can begin seconds *before* the scan that
starts it: the ring keeps whole groups of pictures (each opens with a key frame, one a second),
and a new clip starts with the oldest group that covers the pre-roll. Packets are kept as bytes
with their times, because a muxer rewrites a packet's times in place and the same seconds may
open two clips.

x264 runs with ``tune=zerolatency`` (no look-ahead, no B-frames: a packet leaves with its
frame), one thread (the recorder yields to the GUI, and decoding needs the other core), a
constant-quality target capped by a bit rate so a busy picture cannot blow the file up, and a
key frame forced every second of *time*, whatever frame rate the camera manages. Fragmented MP4
(``frag_keyframe+empty_moov``, packets flushed as they are muxed) keeps every finished fragment
playable after a crash; see :mod:`station.evidence.video.fragments` for how each is chained.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Final

import av
import numpy as np

TIME_BASE: Final = Fraction(1, 1000)  # packet times are milliseconds
KEY_EVERY_MS: Final = 1000
MP4_OPTIONS: Final = {
    "movflags": "frag_keyframe+empty_moov+default_base_moof",
    "flush_packets": "1",
}


@dataclass(frozen=True, slots=True)
class Quality:
    crf: int
    max_kbps: int
    preset: str = "superfast"


QUALITIES: Final = {
    "low": Quality(30, 1500),
    "standard": Quality(27, 2500),
    "high": Quality(23, 3000),
}


@dataclass(frozen=True, slots=True)
class Chunk:
    """One encoded frame, kept apart from any muxer."""

    data: bytes
    pts: int  # milliseconds on the encoder's clock
    key: bool


class H264Encoder:
    """Encodes I420 frames (``cv2.COLOR_BGR2YUV_I420`` layout) of a fixed size."""

    def __init__(self, width: int, height: int, fps: float, quality: Quality) -> None:
        self.width, self.height = width, height
        # The stream that carries the encoder's parameters to each clip's muxer: a container
        # that is never written to, started only so its stream holds the codec's headers.
        self._shell = av.open(os.devnull, "w", format="mp4")
        stream = self._shell.add_stream("libx264", rate=max(1, round(fps)))
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        stream.time_base = TIME_BASE
        context = stream.codec_context
        context.time_base = TIME_BASE
        context.gop_size = max(2, round(fps)) * 4  # the forced key frames come first
        context.bit_rate = quality.max_kbps * 1000
        context.options = {
            "preset": quality.preset,
            "tune": "zerolatency",
            "crf": str(quality.crf),
            "maxrate": f"{quality.max_kbps}k",
            "bufsize": f"{quality.max_kbps * 2}k",
            "forced-idr": "1",
            "threads": "1",
        }
        context.thread_count = 1
        self._shell.start_encoding()
        self.stream = stream
        self._last_key: int | None = None
        self._last_pts = -1

    def encode(self, yuv: np.ndarray, pts_ms: int) -> list[Chunk]:
        """Encode one frame; frames must come in time order (a repeated time is dropped)."""
        if pts_ms <= self._last_pts:
            return []
        self._last_pts = pts_ms
        frame = av.VideoFrame.from_ndarray(yuv, format="yuv420p")
        frame.pts, frame.time_base = pts_ms, TIME_BASE
        if self._last_key is None or pts_ms - self._last_key >= KEY_EVERY_MS:
            frame.pict_type = av.video.frame.PictureType.I
            self._last_key = pts_ms
        return [
            Chunk(bytes(p), int(p.pts or 0), bool(p.is_keyframe)) for p in self.stream.encode(frame)
        ]

    def close(self) -> None:
        self._shell.close()


class GopRing:
    """The last few seconds of encoded video, as groups each opening with a key frame."""

    def __init__(self, keep_ms: int) -> None:
        self.keep_ms = keep_ms
        self._groups: deque[list[Chunk]] = deque()

    def add(self, chunks: Iterable[Chunk]) -> None:
        for chunk in chunks:
            if chunk.key or not self._groups:
                self._groups.append([])
            self._groups[-1].append(chunk)
        newest = self._groups[-1][-1].pts if self._groups and self._groups[-1] else 0
        # keep every group that still reaches into the window
        while len(self._groups) > 1 and newest - self._groups[1][0].pts >= self.keep_ms:
            self._groups.popleft()

    def since(self, pts_ms: int) -> list[Chunk]:
        """The chunks from the newest key frame at or before ``pts_ms`` (or the oldest kept)."""
        groups = [g for g in self._groups if g and g[0].key]
        start = 0
        for i, group in enumerate(groups):
            if group[0].pts <= pts_ms:
                start = i
        return [c for g in groups[start:] for c in g]

    def clear(self) -> None:
        self._groups.clear()


class ClipMuxer:
    """Writes one clip's fragmented MP4 to ``sink`` (a binary file-like object)."""

    def __init__(self, sink: Any, encoder: H264Encoder, zero_pts: int) -> None:
        self._out = av.open(sink, "w", format="mp4", options=dict(MP4_OPTIONS))
        self._stream = self._out.add_stream_from_template(encoder.stream)
        self._stream.time_base = TIME_BASE
        self.zero = zero_pts
        self.last_pts = zero_pts
        self.frames = 0

    def write(self, chunks: Iterable[Chunk]) -> None:
        for chunk in chunks:
            if chunk.pts < self.zero:
                continue
            packet = av.Packet(chunk.data)
            packet.pts = packet.dts = chunk.pts - self.zero
            packet.time_base = TIME_BASE
            packet.is_keyframe = chunk.key
            packet.stream = self._stream
            self._out.mux(packet)
            self.last_pts = chunk.pts
            self.frames += 1

    @property
    def duration_ms(self) -> int:
        return self.last_pts - self.zero

    def close(self) -> None:
        self._out.close()


class SinkFile:
    """The file-like object a muxer writes to: bytes go to ``fd`` unbuffered, and whatever
    watches them (the fragment chain) sees each write after it reached the file."""

    def __init__(self, fd: int, watch: Callable[[memoryview], None]) -> None:
        self._fd = fd
        self._watch = watch
        self.written = 0

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while view:
            done = os.write(self._fd, view)
            view = view[done:]
        self.written += len(data)
        self._watch(memoryview(data))  # seen in place: no copy of every write
        return len(data)

    def tell(self) -> int:
        return self.written

    def seekable(self) -> bool:
        return False

    def flush(self) -> None:
        pass

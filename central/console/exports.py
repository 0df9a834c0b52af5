"""The dispute desk's export package: one zip with what a platform's dispute form takes.

Customer service answers a platform's return dispute with evidence, and every platform has its
own limits (``platforms.toml``). A package holds:

- the clip: the original bytes unchanged when the platform wants the whole take or the
  original fits its limits; otherwise an *excerpt*, the seconds around the chosen chapters
  (5 s before to 10 s after each, merged where they overlap, clamped to the clip) cut by
  stream copy: packets are copied from the key frame at or before each range (one a second)
  into one ordinary faststart MP4, with continuous times. Nothing is re-encoded, so every
  picture is the camera's own; ranges longer together than the limit are each shortened by
  the same factor;
- images: the photos as stored, then pictures decoded from the clip at the chosen chapters, up
  to the platform's count; one over the size limit is re-encoded (lower quality, then smaller)
  and the manifest names its original;
- ``statement.txt``: the reasons for refusing the return, within the platform's characters;
- ``manifest.json``: the case, the limits used, and every file's role, size and SHA-256
  (the video's place in the original, each frame's time); its own SHA-256 goes in central's
  audit log;
- ``verify.py`` (a copy of :mod:`central.console.verify_export`) and ``README.txt``, so the
  receiver can check the package with nothing but Python.

File names inside are fixed or made of sanitized ASCII; no user text reaches a path. The zip
is written through the crash-safe writer, so its name holds a whole package or nothing.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import itertools
import json
import math
import re
import shutil
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

import av
import cv2
import numpy as np

from central.console.platforms import MB, Platform
from central.console.verify_export import FORMAT, MANIFEST, README, VERIFIER
from station.images import MAX_PIXELS, ImageError, ImageTooLarge, decode_image
from station.store.files import atomic_path, ensure_dir

BEFORE_MS: Final = 5_000  # an excerpt's range starts this long before a chosen time …
AFTER_MS: Final = 10_000  # … and ends this long after it
MIN_RANGE_MS: Final = 1_000  # shortening never leaves a range shorter than this
# kept under the platform's seconds: players and platforms round a clip's length up
LIMIT_MARGIN_MS: Final = 500
DEFAULT_KINDS: Final = frozenset({"scan", "photo", "verdict", "override", "label"})
FRAME_QUALITY: Final = 90
QUALITIES: Final = (85, 75, 65, 55, 45)  # a photo's re-encoding tries these, then shrinks
SHRINK: Final = 0.75
MIN_SIDE: Final = 360  # below this a photo no longer shows a scratch or a serial number
CHUNK: Final = 1 << 20
MS: Final = Fraction(1, 1000)
VERIFIER_SOURCE: Final = Path(__file__).with_name("verify_export.py")

STATEMENT_NAME: Final = "statement.txt"
ORIGINAL_NAME: Final = "video-original.mp4"
EXCERPT_NAME: Final = "video-excerpt.mp4"

README_TEXT: Final = """\
争议举证包 · 校验说明

本包由退货质检中心生成。manifest.json 列出包内每个文件的用途、大小和 SHA-256 校验值。
校验方法（需要 Python 3.8 或更高版本，无需安装其他软件）：

    python3 verify.py <本 zip 文件或解压后的文件夹>

在解压后的文件夹内也可直接运行 python3 verify.py（Windows 上用 py verify.py）。
每个文件显示 OK 且最后一行为 ALL GOOD，即表示包内文件与清单一致、未被改动；
出现 BAD 或 FAILED 表示包已被改动或不完整。屏幕上显示的清单 SHA-256 可与我方记录核对。

Dispute evidence package · how to verify

This package was made by the returns-inspection centre. manifest.json lists every file in it
with its role, size and SHA-256. To check it (Python 3.8 or newer, nothing else to install):

    python3 verify.py <this zip or the unpacked folder>

Inside the unpacked folder, python3 verify.py is enough (on Windows: py verify.py). Every
file OK and ALL GOOD on the last line mean the files are the ones the manifest lists,
unaltered; BAD or FAILED means the package was changed or is incomplete. The manifest's
SHA-256 it prints can be compared with the one on our record.
"""


# -- what goes in ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportCase:
    """The dispute and the return it is about, as the manifest states them."""

    dispute_id: str
    platform: str
    case_id: str
    inspection_id: str
    rma_no: str
    order_no: str = ""
    sku: str = ""
    grade: str | None = None
    disposition: str | None = None
    refund_fen: int | None = None
    opened_by: str = ""


@dataclass(frozen=True, slots=True)
class ExportPhoto:
    sha256: str
    kind: str
    taken_at: datetime


@dataclass(frozen=True, slots=True)
class ExportClip:
    sha256: str
    size: int
    duration_ms: int
    chapters: Sequence[tuple[int, str, str]]  # (at_ms, kind, label)
    chain_head: str
    fragments: int
    started_at: datetime


# -- what comes out ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PackedFile:
    name: str
    sha256: str
    size: int
    role: str  # video, photo, frame or statement


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    manifest_sha256: str
    size: int
    files: tuple[PackedFile, ...]
    notes: tuple[str, ...]


class ExportRefused(Exception):
    """A package that cannot be made as asked; the message tells the user what to change."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh

    def message(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


Fetch = Callable[[str, Path], None]  # (sha256, path): the blob's bytes streamed to the path


@dataclass(frozen=True, slots=True)
class Range:
    """A stretch of the original in an excerpt, ms from the original's first frame."""

    from_ms: int
    to_ms: int

    @property
    def length_ms(self) -> int:
        return self.to_ms - self.from_ms


# -- building ----------------------------------------------------------------------------------


def build_package(
    dest: Path,
    *,
    platform: Platform,
    case: ExportCase,
    statement: str,
    photos: Sequence[ExportPhoto],
    clip: ExportClip | None,
    chosen_ms: Sequence[int],
    fetch: Fetch,
    work_dir: Path,
    now: datetime,
) -> ExportResult:
    """Write the package for ``platform`` to ``dest`` (one zip, all or nothing).

    ``chosen_ms``: the moments of the clip the answer is about; none chosen means the chapters
    of the default kinds. Raises :class:`ExportRefused` when the package cannot be made within
    the platform's limits (the statement's length, a clip nothing fits, a blob that does not
    match its SHA-256)."""
    text = _statement(statement, platform)  # before any download: the quickest refusal
    if case.platform != platform.code:
        raise ValueError(f"case of {case.platform!r} exported for {platform.code!r}")
    ensure_dir(work_dir)
    with tempfile.TemporaryDirectory(prefix="dispute-export-", dir=work_dir) as temp:
        stage = _Stage(Path(temp), fetch)
        stage.add_bytes(STATEMENT_NAME, "statement", text.encode("utf-8", "replace"), {})
        times = _wanted_times(clip, chosen_ms) if clip is not None else []
        if clip is not None:
            _pack_video(stage, platform, clip, times)
        _pack_images(stage, platform, photos, clip, times)
        manifest = _json_bytes(_manifest(platform, case, stage, now))
        size = _write_zip(dest, manifest, stage, now)
    return ExportResult(
        path=dest,
        manifest_sha256=hashlib.sha256(manifest).hexdigest(),
        size=size,
        files=tuple(PackedFile(f.name, f.sha256, f.size, f.role) for f in stage.files),
        notes=tuple(stage.notes),
    )


def package_name(case: ExportCase, now: datetime) -> str:
    """A file name for the package, safe on every system: ASCII letters, digits and dashes."""
    platform = slug(case.platform, 20) or "platform"
    return f"dispute-{platform}-{slug(case.case_id, 40) or 'case'}-{now:%Y%m%d-%H%M%S}.zip"


def claim_package_path(folder: Path, name: str) -> Path:
    """``folder/name``, or the name numbered -2, -3… when taken, created empty here so that
    no package built meanwhile takes it: each package keeps its own file (two built in the
    same second had one name, and the second replaced the first under both audit entries)."""
    stem = name.removesuffix(".zip")
    for n in itertools.count(1):
        path = folder / (name if n == 1 else f"{stem}-{n}.zip")
        try:
            path.touch(exist_ok=False)
        except FileExistsError:
            continue
        return path
    raise AssertionError("unreachable")


def slug(text: str, limit: int) -> str:
    """``text`` reduced to lower-case ASCII letters, digits and single dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")


@dataclass(slots=True)
class _Staged:
    name: str
    role: str
    path: Path
    sha256: str
    size: int
    meta: dict[str, Any]


@dataclass(slots=True)
class _Stage:
    """The package's files while they are made, in a private temporary folder."""

    folder: Path
    fetch: Fetch
    files: list[_Staged] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    blobs: dict[str, Path] = field(default_factory=dict)

    def fetched(self, sha256: str, what: str) -> Path:
        """The blob downloaded once, and checked: a package never carries bytes that are not
        the ones on record."""
        if sha256 in self.blobs:
            return self.blobs[sha256]
        path = self.folder / f"blob-{len(self.blobs)}"
        try:
            self.fetch(sha256, path)
        except LookupError:
            raise ExportRefused(
                f"{what} ({sha256[:12]}) is missing from the blob store.",
                f"{_zh(what)}（{sha256[:12]}）在存储中缺失。",
            ) from None
        if _hash_file(path)[0] != sha256:
            raise ExportRefused(
                f"{what} ({sha256[:12]}) in the blob store does not match its SHA-256;"
                " nothing was exported. Tell an administrator.",
                f"存储中的{_zh(what)}（{sha256[:12]}）与其 SHA-256 不符，未导出。请告知管理员。",
            )
        self.blobs[sha256] = path
        return path

    def add_file(self, name: str, role: str, path: Path, meta: dict[str, Any]) -> None:
        sha, size = _hash_file(path)
        self.files.append(_Staged(name, role, path, sha, size, meta))

    def add_bytes(self, name: str, role: str, data: bytes, meta: dict[str, Any]) -> None:
        path = self.folder / f"file-{len(self.files)}"
        path.write_bytes(data)
        self.add_file(name, role, path, meta)


def _zh(what: str) -> str:
    return "视频" if what == "the clip" else "照片"


# -- the statement -----------------------------------------------------------------------------


def _statement(text: str, platform: Platform) -> str:
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not cleaned:
        raise ExportRefused(
            "The statement is empty: write why the return is refused.",
            "申诉说明为空：请写明拒绝退货的理由。",
        )
    count, most = len(cleaned), platform.text_max_chars
    if count > most:
        raise ExportRefused(
            f"The statement has {count} characters; {platform.name_en} takes at most {most}."
            f" Shorten it by {count - most}.",
            f"申诉说明共 {count} 字，{platform.name_zh} 最多 {most} 字，请删减 {count - most} 字。",
        )
    return cleaned + "\n"


# -- the video ---------------------------------------------------------------------------------


def _wanted_times(clip: ExportClip, chosen_ms: Sequence[int]) -> list[int]:
    if chosen_ms:
        return sorted({int(t) for t in chosen_ms})
    return sorted({int(at) for at, kind, _label in clip.chapters if kind in DEFAULT_KINDS})


def _pack_video(stage: _Stage, platform: Platform, clip: ExportClip, times: list[int]) -> None:
    source = stage.fetched(clip.sha256, "the clip")
    max_ms = platform.video_max_seconds * 1000
    fits = clip.duration_ms <= max_ms and clip.size <= platform.video_max_bytes
    if platform.video_original or fits:
        if not fits:
            raise _original_too_big(platform, clip)
        stage.add_file(ORIGINAL_NAME, "video", source, _video_meta(clip, clip.duration_ms))
        why = (
            f"{platform.name_en} takes the whole take"
            if platform.video_original
            else f"it fits {platform.name_en}'s limits"
        )
        stage.notes.append(f"original clip kept byte for byte: {why}")
        return
    try:
        timeline = _probe(source)
        ranges, factor = plan_ranges(times, timeline.keys_ms, timeline.end_ms, max_ms)
        excerpt = stage.folder / "excerpt.mp4"
        copied = _copy_ranges(source, timeline, ranges, excerpt)
    except _VIDEO_ERRORS as exc:
        raise _unreadable(clip, exc) from exc
    if not copied:  # every range fell in a stretch the camera lost
        raise _unreadable(clip, "no frames in the chosen ranges")
    duration = sum(r.length_ms for r in copied)
    size = excerpt.stat().st_size
    if size > platform.video_max_bytes or duration > max_ms:
        raise _excerpt_too_big(platform, size, duration, len(copied))
    meta = _video_meta(clip, duration, [_range_json(r, clip) for r in copied])
    stage.add_file(EXCERPT_NAME, "video", excerpt, meta)
    at = ", ".join(_clock(t) for t in times)
    stage.notes.append(
        f"excerpt of {len(copied)} range(s) around chapters at {at}, cut by stream copy"
        f" (no re-encoding): {duration / 1000:.1f} s, {size / MB:.1f} MB"
    )
    if factor < 1:
        stage.notes.append(
            f"each range shortened by the same factor ({factor:.2f}) to fit"
            f" {platform.video_max_seconds} s"
        )


def _video_meta(
    clip: ExportClip, duration_ms: int, ranges: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "duration_ms": duration_ms,
        "excerpt": ranges is not None,
        "original": {
            "sha256": clip.sha256,
            "size": clip.size,
            "duration_ms": clip.duration_ms,
            "started_at": clip.started_at.isoformat(),
            "chain_head": clip.chain_head,
            "fragments": clip.fragments,
        },
    }
    if ranges is None:
        meta["copy"] = "the original's bytes, unchanged"
    else:
        meta["copy"] = "stream copy from the key frame at or before each range; no re-encoding"
        meta["ranges"] = ranges
    return meta


def _range_json(r: Range, clip: ExportClip) -> dict[str, Any]:
    held = [
        {"at_ms": at, "kind": kind, "label": label}
        for at, kind, label in clip.chapters
        if r.from_ms <= at < r.to_ms
    ]
    return {"from_ms": r.from_ms, "to_ms": r.to_ms, "chapters": held}


class _Unplayable(Exception):
    """A file the demuxer opens but that holds no video to cut."""


# a stored clip that is not a video: no stream, no packets, or bytes FFmpeg cannot parse
_VIDEO_ERRORS: Final = (av.FFmpegError, IndexError, _Unplayable)


@dataclass(frozen=True, slots=True)
class _Timeline:
    """A clip's clock: ms from its first packet, and the stream's ticks."""

    origin: int  # the first packet's time, in the stream's ticks
    time_base: Fraction
    keys: tuple[int, ...] = ()  # the key frames' times, in ticks
    end: int = 0  # where the last frame ends, in ticks

    @property
    def keys_ms(self) -> list[int]:
        return [self.ms(k) for k in self.keys]

    @property
    def end_ms(self) -> int:
        return self.ms(self.end)

    def ticks(self, ms: int) -> int:
        return self.origin + round(Fraction(ms, 1000) / self.time_base)

    def ms(self, ticks: int) -> int:
        return round((ticks - self.origin) * self.time_base * 1000)


def _probe(source: Path) -> _Timeline:
    """The clip's key frames, read from its packets (nothing decoded)."""
    keys: list[int] = []
    origin: int | None = None
    end = 0
    with av.open(str(source)) as container:
        if "mp4" not in container.format.name.split(","):  # stream copy keeps the container
            raise _Unplayable(f"a {container.format.name} file, not an MP4 clip")
        stream = container.streams.video[0]
        time_base = stream.time_base or MS
        for packet in container.demux(stream):
            if packet.pts is None:
                continue  # the demuxer's end-of-stream marker
            origin = packet.pts if origin is None else origin
            if packet.is_keyframe:
                keys.append(packet.pts)
            end = max(end, packet.pts + (packet.duration or 0))
    if origin is None or not keys:
        raise _Unplayable("no video packets")
    return _Timeline(origin, time_base, tuple(keys), end)


def plan_ranges(
    times: Sequence[int], keys_ms: Sequence[int], end_ms: int, max_ms: int
) -> tuple[list[Range], float]:
    """The ranges around ``times`` (each from the key frame at or before 5 s earlier to 10 s
    later, clamped to the clip, merged where they overlap or touch), and the factor each was
    shortened by to keep them together under ``max_ms`` less a margin (1: none)."""
    snapped = sorted(
        (_key_at_or_before(keys_ms, max(0, t - BEFORE_MS)), min(end_ms, t + AFTER_MS))
        for t in times
        if 0 <= t < end_ms
    )
    merged: list[list[int]] = []
    for start, end in snapped:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        elif end > start:
            merged.append([start, end])
    if not merged:
        raise ExportRefused(
            "The clip is over the platform's limits and no chapter was chosen to cut around;"
            " choose the moments to keep.",
            "视频超出平台限制，且未选择截取的章节；请选择要保留的时刻。",
        )
    budget = max_ms - LIMIT_MARGIN_MS
    total = sum(end - start for start, end in merged)
    factor = min(1.0, budget / total)
    return [_shortened(keys_ms, start, end, factor, times) for start, end in merged], factor


def _shortened(
    keys_ms: Sequence[int], start: int, end: int, factor: float, times: Sequence[int]
) -> Range:
    if factor >= 1:
        return Range(start, end)
    length = math.floor((end - start) * factor)
    if length < MIN_RANGE_MS:
        raise ExportRefused(
            "The chosen moments cannot all fit in the platform's seconds; choose fewer.",
            "所选时刻无法全部放入平台的时长限制，请少选几个。",
        )
    inside = [t for t in times if start <= t < end]
    # keep the chosen moment in view, with a third of the range before it
    if inside and inside[0] >= start + length:
        start = _key_at_or_before(keys_ms, max(start, inside[0] - length // 3))
    return Range(start, min(end, start + length))


def _key_at_or_before(keys_ms: Sequence[int], at: int) -> int:
    return keys_ms[max(0, bisect.bisect_right(keys_ms, at) - 1)]


def _copy_ranges(
    source: Path, timeline: _Timeline, ranges: list[Range], target: Path
) -> list[Range]:
    """Copy each range's packets, from its key frame, into one faststart MP4 whose times run
    on without gaps; the ranges as copied (ending with the last whole frame)."""
    copied: list[Range] = []
    tolerance = max(1, timeline.ticks(1) - timeline.origin)  # a ms: key times were rounded
    with (
        av.open(str(source)) as src,
        av.open(str(target), "w", format="mp4", options={"movflags": "+faststart"}) as out,
    ):
        vin = src.streams.video[0]
        vout = out.add_stream_from_template(vin)
        cursor = 0  # where the next range starts in the excerpt, in ticks
        for r in ranges:
            first, last_end = timeline.ticks(r.from_ms), timeline.ticks(r.to_ms)
            src.seek(first + tolerance, stream=vin, backward=True, any_frame=False)
            span = _copy_range(src, vin, vout, out, first - tolerance, last_end, cursor)
            if span is not None:
                start, stop, last_dts = span
                # the next range starts where this one's pictures end, and after its last
                # decoding time (which B-frames could put later)
                cursor = max(cursor + stop - start, last_dts + 1)
                copied.append(Range(timeline.ms(start), timeline.ms(stop)))
    return copied


def _copy_range(
    src: av.container.InputContainer,
    vin: av.VideoStream,
    vout: av.VideoStream,
    out: av.container.OutputContainer,
    start: int,
    end: int,
    cursor: int,
) -> tuple[int, int, int] | None:
    """Mux the packets from the first key frame at or after ``start`` to the last frame ending
    by ``end`` (ticks of the original), shifted to begin at ``cursor``; the span copied and the
    last decoding time written (in the excerpt), or None if nothing was copied."""
    shift: int | None = None
    first = stop = last_dts = 0
    for packet in src.demux(vin):
        if packet.pts is None or packet.pts + (packet.duration or 0) > end:
            break  # a frame ending past the range would lengthen it past the plan
        if shift is None:
            if packet.pts < start or not packet.is_keyframe:
                continue
            first = packet.pts
            # by decoding time, so it only ever grows across ranges, B-frames or not
            shift = cursor - (packet.dts if packet.dts is not None else packet.pts)
        stop = max(stop, packet.pts + (packet.duration or 1))  # a tick keeps times rising
        packet.pts += shift
        packet.dts = last_dts = packet.pts if packet.dts is None else packet.dts + shift
        packet.stream = vout
        out.mux(packet)
    return None if shift is None else (first, stop, last_dts)


# -- the images --------------------------------------------------------------------------------


def _pack_images(
    stage: _Stage,
    platform: Platform,
    photos: Sequence[ExportPhoto],
    clip: ExportClip | None,
    times: list[int],
) -> None:
    room = platform.images_max
    for n, photo in enumerate(photos[:room], 1):
        _pack_photo(stage, platform, n, photo)
    if len(photos) > room:
        stage.notes.append(
            f"{len(photos) - room} photo(s) left out: {platform.name_en} takes at most"
            f" {room} images"
        )
    room -= min(room, len(photos))
    if clip is None:
        return
    times = [t for t in times if 0 <= t <= clip.duration_ms]
    if not times:
        return
    if len(times) > room:
        stage.notes.append(
            f"{len(times) - room} key frame(s) left out: {platform.name_en} takes at most"
            f" {platform.images_max} images"
        )
    if room:
        _pack_frames(stage, platform, clip, times[:room])


def _pack_photo(stage: _Stage, platform: Platform, n: int, photo: ExportPhoto) -> None:
    path = stage.fetched(photo.sha256, "a photo")
    data = path.read_bytes()
    name = f"photo-{n:02d}-{slug(photo.kind, 24) or 'photo'}.jpg"
    meta: dict[str, Any] = {"kind": photo.kind, "taken_at": photo.taken_at.isoformat()}
    limit = platform.image_max_bytes
    if len(data) <= limit and data.startswith(b"\xff\xd8\xff"):
        stage.add_bytes(name, "photo", data, meta)
        return
    try:  # a few kB can claim gigapixels: the header is checked before any pixel is decoded
        picture = decode_image(data)
    except ImageTooLarge as exc:
        raise ExportRefused(
            f"Photo {n} ({photo.sha256[:12]}): {exc}; no bench takes such a photo.",
            f"照片 {n}（{photo.sha256[:12]}）自称 {exc.megapixels} 百万像素，超过"
            f" {exc.limit_megapixels} 百万像素，不是检验台拍的照片。",
        ) from exc
    except ImageError as exc:
        raise ExportRefused(
            f"Photo {n} ({photo.sha256[:12]}) is not a picture that can be read.",
            f"照片 {n}（{photo.sha256[:12]}）无法读取。",
        ) from exc
    fitted = _fit_jpeg(picture, limit)
    if fitted is None:
        raise _image_too_big(platform, f"photo {n}", f"照片 {n}")
    jpeg, quality, width, height = fitted
    meta["original_sha256"] = photo.sha256
    meta["reencoded"] = {"quality": quality, "width": width, "height": height}
    stage.add_bytes(name, "photo", jpeg, meta)
    stage.notes.append(
        f"photo {n} re-encoded to fit {platform.image_max_kb} kB (JPEG quality {quality},"
        f" {width}x{height}); original SHA-256 {photo.sha256}"
    )


def _pack_frames(stage: _Stage, platform: Platform, clip: ExportClip, times: list[int]) -> None:
    source = stage.fetched(clip.sha256, "the clip")
    labels = {int(at): (kind, label) for at, kind, label in clip.chapters}
    try:
        frames = list(_decode_at(source, times))
    except _VIDEO_ERRORS as exc:
        raise _unreadable(clip, exc) from exc
    for n, (at, frame_ms, picture) in enumerate(frames, 1):
        kind, label = labels.get(at, ("", ""))
        fitted = _fit_jpeg(picture, platform.image_max_bytes, first=FRAME_QUALITY)
        if fitted is None:
            raise _image_too_big(platform, f"the frame at {_clock(at)}", f"{_clock(at)} 的画面")
        name = f"frame-{n:02d}-{slug(kind, 24) or 'moment'}-{_clock(at).replace(':', 'm')}s.jpg"
        meta = {"clip_sha256": clip.sha256, "at_ms": at, "frame_ms": frame_ms}
        if kind:
            meta["chapter"] = {"kind": kind, "label": label}
        stage.add_bytes(name, "frame", fitted[0], meta)


def _decode_at(source: Path, times: list[int]) -> Iterator[tuple[int, int, np.ndarray]]:
    """For each time, the first picture at or after it (the last one past the clip's end):
    (the time asked, the picture's time, the picture in BGR)."""
    with av.open(str(source)) as container:
        stream = container.streams.video[0]
        pixels = (stream.codec_context.width or 0) * (stream.codec_context.height or 0)
        if pixels > MAX_PIXELS:  # each decoded frame would be that large
            raise _Unplayable(f"frames of {pixels // 1_000_000} megapixels")
        timeline = _Timeline(_first_pts(container, stream), stream.time_base or MS)
        for at in times:
            target = timeline.ticks(at)
            container.seek(target, stream=stream, backward=True, any_frame=False)
            found: av.VideoFrame | None = None
            for frame in container.decode(stream):
                if frame.pts is None:
                    continue
                found = frame
                if frame.pts >= target:
                    break
            if found is not None and found.pts is not None:
                yield at, timeline.ms(found.pts), found.to_ndarray(format="bgr24")


def _first_pts(container: av.container.InputContainer, stream: av.VideoStream) -> int:
    for packet in container.demux(stream):
        if packet.pts is not None:
            return packet.pts
    raise _Unplayable("no video packets")


def _fit_jpeg(
    picture: np.ndarray, max_bytes: int, *, first: int | None = None
) -> tuple[bytes, int, int, int] | None:
    """A JPEG of ``picture`` within ``max_bytes``: at lower qualities first, then smaller,
    never below :data:`MIN_SIDE`; (bytes, quality, width, height), or None."""
    qualities = (first, *QUALITIES) if first is not None else QUALITIES
    image = picture
    while True:
        height, width = image.shape[:2]
        for quality in qualities:
            ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
            if ok and encoded.size <= max_bytes:
                return encoded.tobytes(), quality, width, height
        smaller = (round(width * SHRINK), round(height * SHRINK))
        if min(smaller) < MIN_SIDE:
            return None
        image = cv2.resize(image, smaller, interpolation=cv2.INTER_AREA)


# -- the manifest and the zip ------------------------------------------------------------------


def _manifest(platform: Platform, case: ExportCase, stage: _Stage, now: datetime) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "created_at": now.isoformat(),
        "platform": {
            "code": platform.code,
            "name": platform.name_en,
            "limits": {
                "video_original": platform.video_original,
                "video_max_seconds": platform.video_max_seconds,
                "video_max_bytes": platform.video_max_bytes,
                "images_max": platform.images_max,
                "image_max_bytes": platform.image_max_bytes,
                "text_max_chars": platform.text_max_chars,
            },
        },
        "case": dataclasses.asdict(case),
        "files": [
            {"name": f.name, "role": f.role, "sha256": f.sha256, "size": f.size, **f.meta}
            for f in stage.files
        ],
        "notes": stage.notes,
        "verifier": {"name": VERIFIER, "sha256": _hash_file(VERIFIER_SOURCE)[0]},
    }


# Characters a text editor would not show as they are (controls, direction overrides, zero
# widths, unpaired surrogates): written as \\u escapes, which JSON reads back unchanged.
_HIDDEN: Final = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _json_bytes(value: Any) -> bytes:
    text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    return ("".join(_escaped(c) for c in text) + "\n").encode("utf-8")


def _escaped(char: str) -> str:
    # a raw line feed is the indentation's: JSON escapes the ones inside strings itself
    if char == "\n" or unicodedata.category(char) not in _HIDDEN:
        return char
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _write_zip(dest: Path, manifest: bytes, stage: _Stage, now: datetime) -> int:
    when = _zip_time(now)
    with atomic_path(dest) as temp, zipfile.ZipFile(temp, "w") as package:
        package.writestr(_member(README, when), README_TEXT.encode("utf-8"))
        package.writestr(_member(MANIFEST, when), manifest)
        package.writestr(_member(VERIFIER, when), VERIFIER_SOURCE.read_bytes())
        for staged in stage.files:
            info = _member(staged.name, when, staged.size, stored=staged.role != "statement")
            with staged.path.open("rb") as src, package.open(info, "w") as out:
                shutil.copyfileobj(src, out, CHUNK)
    return dest.stat().st_size


def _member(name: str, when: _ZipTime, size: int = 0, *, stored: bool = False) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when)
    # pictures and video are compressed already: deflating them would only spend time
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.file_size = size  # tells the writer whether the member needs ZIP64
    return info


_ZipTime = tuple[int, int, int, int, int, int]


def _zip_time(now: datetime) -> _ZipTime:
    t = max(now, datetime(1980, 1, 1, tzinfo=now.tzinfo)).timetuple()  # zip's calendar starts then
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


# -- small things ------------------------------------------------------------------------------


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def _clock(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


def _original_too_big(platform: Platform, clip: ExportClip) -> ExportRefused:
    limit = f"{platform.video_max_seconds} s / {platform.video_max_mb} MB"
    found = f"{clip.duration_ms / 1000:.1f} s / {clip.size / MB:.1f} MB"
    return ExportRefused(
        f"{platform.name_en} takes the original clip whole, and it ({found}) is over the limit"
        f" of {limit}. Send it through the platform's own channel.",
        f"{platform.name_zh} 需要完整原始视频，但视频（{found}）超出 {limit} 的限制，"
        "请通过平台的其他渠道提交。",
    )


def _excerpt_too_big(platform: Platform, size: int, duration: int, count: int) -> ExportRefused:
    limit = f"{platform.video_max_seconds} s / {platform.video_max_mb} MB"
    found = f"{duration / 1000:.1f} s, {size / MB:.1f} MB"
    return ExportRefused(
        f"The excerpt of {count} range(s) came to {found}, over {platform.name_en}'s limit of"
        f" {limit}; choose fewer moments.",
        f"截取的 {count} 段视频为 {found}，超出 {platform.name_zh} 的 {limit} 限制，"
        "请少选几个时刻。",
    )


def _image_too_big(platform: Platform, en: str, zh: str) -> ExportRefused:
    limit = f"{platform.image_max_kb} kB"
    return ExportRefused(
        f"{en.capitalize()} does not fit {platform.name_en}'s {limit} even re-encoded smaller.",
        f"{zh}即使压缩后也超出 {platform.name_zh} 的 {limit} 限制。",
    )


def _unreadable(clip: ExportClip, why: object) -> ExportRefused:
    return ExportRefused(
        f"The clip ({clip.sha256[:12]}) cannot be read as video ({why}); nothing was exported.",
        f"视频（{clip.sha256[:12]}）无法读取（{why}），未导出。",
    )

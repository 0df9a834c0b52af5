"""A filed clip as a platform takes it: the original copied byte for byte, or an excerpt.

Platforms take a return's clip under their own limits: Taobao wants the whole continuous take
(the original), Shopee at most 30 MB and 60 s, others similar. An *excerpt* is the seconds
around the chapters a dispute is about (5 s before to 10 s after each, merged where they
overlap, clamped to the clip), re-encoded with x264 in time order into one ordinary
(non-fragmented, faststart) MP4 sized for the limit: a bit rate chosen from the limit's bytes
and the excerpt's seconds, the picture scaled down (never below 480 lines, where the band's
text and code still read) when that rate is too thin for it. Ranges longer together than the
limit's seconds are each cut by the same factor, and the manifest says so. The band burned
into every frame goes along: it is part of the picture.

Every export has a manifest beside it (``<export>.json``, UTF-8): the clip's facts and the
original's SHA-256, fragment chain head and count, the export's own SHA-256, size and
duration, and for an excerpt every range's place in the original with the chapters it holds.
:func:`verify_export` checks an export against its manifest, and against the original when it
is at hand. Files are written through the crash-safe writer (:mod:`station.store.files`), so a
crash never leaves a half export under its final name.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

import av

from station.evidence.blobs import READ_CHUNK, hash_file
from station.evidence.errors import EvidenceError
from station.evidence.video.chapters import read_chapters_box
from station.evidence.video.fragments import links_of_file
from station.evidence.video.reading import last_frame_ms
from station.evidence.video.records import ClipView
from station.store.files import atomic_path, write_atomically

log = logging.getLogger(__name__)

MANIFEST_FORMAT: Final = "station-clip-export/1"
MB: Final = 1_000_000  # platforms' megabytes: the smaller reading is the safe one
BEFORE_MS: Final = 5_000  # an excerpt starts this long before a chosen chapter …
AFTER_MS: Final = 10_000  # … and ends this long after it
MIN_RANGE_MS: Final = 1_000  # a cut never leaves a range shorter than this
HEADROOM: Final = 0.85  # of the byte limit the encoder aims at (the container, rate control)
MIN_KBPS: Final = 200  # below this not even 480 lines keep the waybill legible
MAX_KBPS: Final = 8_000
# what x264 needs per pixel and frame for the band's code to read on a busy bench (a moving,
# textured test scene at 1280×720, 10 fps: 600 kbit/s reads, 400 does not)
BITS_PER_PIXEL: Final = 0.065
# the rungs a picture is scaled down by: 480 lines directly, as platforms re-encode to it (a
# picture at 540 lines scaled again to 480 loses the code's modules)
MAX_HEIGHT: Final = 720
LOWER_HEIGHTS: Final = (480,)
ENCODE_TRIES: Final = 3
TIME_BASE: Final = Fraction(1, 1000)


class ExportRefused(EvidenceError):
    """An export that cannot be made (a purged clip, a missing or altered original, a chapter
    the clip does not have, a limit nothing fits in, a folder that cannot be written)."""


@dataclass(frozen=True, slots=True)
class PlatformLimit:
    """What a platform takes: ``max_bytes``/``max_seconds`` None means the original, whole."""

    name: str
    max_bytes: int | None = None
    max_seconds: float | None = None

    @property
    def whole(self) -> bool:
        """The platform takes the original take, not a re-encoded excerpt."""
        return self.max_bytes is None and self.max_seconds is None

    @classmethod
    def custom(cls, max_mb: float, max_seconds: float) -> PlatformLimit:
        if not (math.isfinite(max_mb) and max_mb > 0):
            raise _impossible(f"{max_mb} MB", f"{max_mb} MB")
        if not (math.isfinite(max_seconds) and max_seconds >= 1):
            raise _impossible(f"{max_seconds} s", f"{max_seconds} 秒")
        return cls("custom", int(max_mb * MB), float(max_seconds))

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "max_bytes": self.max_bytes, "max_seconds": self.max_seconds}


ORIGINAL: Final = PlatformLimit("original")
TAOBAO: Final = PlatformLimit("taobao")  # the whole continuous take, waybill legible
SHOPEE: Final = PlatformLimit("shopee", 30 * MB, 60.0)
GENERIC: Final = PlatformLimit("generic", 100 * MB, 180.0)
PLATFORMS: Final = {p.name: p for p in (ORIGINAL, TAOBAO, SHOPEE, GENERIC)}


@dataclass(frozen=True, slots=True)
class ExportRange:
    """A stretch of the original in an excerpt (ms from the original's first frame)."""

    from_ms: int
    to_ms: int
    requested_from_ms: int  # before a cut to the limit's seconds
    requested_to_ms: int
    chapters: tuple[int, ...] = ()  # indexes into the clip's chapters inside the range

    @property
    def length_ms(self) -> int:
        return self.to_ms - self.from_ms

    @property
    def cut(self) -> bool:
        return (self.from_ms, self.to_ms) != (self.requested_from_ms, self.requested_to_ms)


@dataclass(frozen=True, slots=True)
class ExportResult:
    kind: str  # "original" or "excerpt"
    path: Path
    manifest: Path
    sha256: str
    size_bytes: int
    duration_ms: int
    width: int
    height: int
    ranges: tuple[ExportRange, ...] = ()
    cut: bool = False  # ranges were shortened to fit the limit's seconds
    video_kbps: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


Progress = Callable[[float], None]  # the share of the work done, 0 to 1


# -- the original -------------------------------------------------------------------------


def export_original(
    clip: ClipView, source: Path, folder: Path, *, station_id: str = ""
) -> ExportResult:
    """A byte-identical copy of the filed clip, its SHA-256 checked while copying, and its
    manifest beside it."""
    _check_exportable(clip, source)
    target = folder / f"{clip.id}.mp4"
    with _writing(folder):
        with atomic_path(target) as temp:
            digest = hashlib.sha256()
            size = 0
            with source.open("rb") as src, temp.open("wb") as out:
                while block := src.read(READ_CHUNK):
                    digest.update(block)
                    out.write(block)
                    size += len(block)
            if digest.hexdigest() != clip.sha256 or size != clip.size_bytes:
                raise _altered(clip)
        result = ExportResult(
            kind="original",
            path=target,
            manifest=_manifest_path(target),
            sha256=clip.sha256,
            size_bytes=size,
            duration_ms=clip.duration_ms,
            width=clip.width,
            height=clip.height,
        )
        _write_manifest(result, clip, ORIGINAL, station_id)
    return result


# -- excerpts -----------------------------------------------------------------------------


def chapter_ranges(clip: ClipView, chapters: Sequence[int]) -> list[tuple[int, int]]:
    """The seconds around each chosen chapter (indexes into ``clip.chapters``)."""
    found = []
    for index in chapters:
        if not 0 <= index < len(clip.chapters):
            raise ExportRefused(
                f"Clip {clip.id} has no chapter {index + 1}: it has {len(clip.chapters)}.",
                f"片段 {clip.id} 没有第 {index + 1} 个章节：共有 {len(clip.chapters)} 个。",
            )
        at = clip.chapters[index].at_ms
        found.append((at - BEFORE_MS, at + AFTER_MS))
    return found


def plan_ranges(
    clip: ClipView, wanted: Sequence[tuple[int, int]], max_ms: int | None
) -> tuple[list[ExportRange], bool]:
    """Clamp ``wanted`` to the clip, merge what overlaps, and cut every range by the same
    factor if together they run over ``max_ms``; the ranges and whether any was cut."""
    duration = clip.duration_ms
    clamped = sorted(
        (max(0, int(a)), min(duration, int(b)))
        for a, b in wanted
        if min(duration, int(b)) > max(0, int(a))
    )
    if not clamped:
        raise ExportRefused(
            f"The chosen times fall outside clip {clip.id} ({duration / 1000:.1f} s).",
            f"所选时间不在片段 {clip.id} 之内（{duration / 1000:.1f} 秒）。",
        )
    merged: list[list[int]] = []
    for a, b in clamped:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    total = sum(b - a for a, b in merged)
    budget = total if max_ms is None else max_ms
    factor = 1.0 if total <= budget else budget / total
    if factor < 1.0 and any(math.floor((b - a) * factor) < MIN_RANGE_MS for a, b in merged):
        raise ExportRefused(
            f"{len(merged)} stretches of clip {clip.id} cannot fit in {budget / 1000:.0f} s;"
            " choose fewer chapters.",
            f"片段 {clip.id} 的 {len(merged)} 段无法放入 {budget / 1000:.0f} 秒，请少选几个章节。",
        )
    ranges = []
    for a, b in merged:
        start, end = a, b
        if factor < 1.0:
            length = math.floor((b - a) * factor)
            inside = [c.at_ms for c in clip.chapters if a <= c.at_ms < b]
            # keep the stretch's opening (the seconds before its first chapter), unless that
            # would lose the chapter itself
            if inside and inside[0] >= a + length:
                start = max(a, inside[0] - length // 3)
            end = min(b, start + length)
        held = tuple(i for i, c in enumerate(clip.chapters) if start <= c.at_ms < end)
        ranges.append(ExportRange(start, end, a, b, held))
    return ranges, factor < 1.0


def export_excerpt(
    clip: ClipView,
    source: Path,
    folder: Path,
    *,
    chapters: Sequence[int] | None = None,
    around: Sequence[tuple[int, int]] | None = None,
    limit: PlatformLimit,
    station_id: str = "",
    progress: Progress | None = None,
) -> ExportResult:
    """The stretches around ``chapters`` (or the ``around`` ranges, or the whole take when
    neither is given) re-encoded into one MP4 within ``limit``."""
    if limit.whole:
        raise ExportRefused(
            f"{limit.name} takes the whole original take; export the original instead.",
            f"{limit.name} 需要完整的原始片段，请导出原片。",
        )
    _check_exportable(clip, source)
    if chapters is not None and around is not None:
        raise ValueError("chapters or around, not both")
    if chapters is not None:
        if not chapters:
            raise ExportRefused("No chapter was chosen.", "未选择任何章节。")
        wanted = chapter_ranges(clip, chapters)
    elif around is not None:
        wanted = [(int(a), int(b)) for a, b in around]
    else:
        wanted = [(0, clip.duration_ms)]
    max_ms = None if limit.max_seconds is None else int(limit.max_seconds * 1000) - 500
    ranges, cut = plan_ranges(clip, wanted, max_ms)
    _verify_source(clip, source)  # before minutes of encoding, and so nothing altered is used

    seconds = sum(r.length_ms for r in ranges) / 1000
    kbps = _bit_rate(limit, seconds, clip)
    fps = _frame_rate(source)
    width, height = _picture_size(clip.width, clip.height, kbps, fps)
    suffix = "excerpt" if limit.name == "custom" else limit.name
    target = folder / f"{clip.id}-{suffix}.mp4"
    with _writing(folder):
        with atomic_path(target) as temp:
            for attempt in range(ENCODE_TRIES):
                _encode(source, ranges, temp, width, height, fps, kbps, progress)
                size = temp.stat().st_size
                if limit.max_bytes is None or size <= limit.max_bytes:
                    break
                log.info("excerpt of %s: %d bytes at %d kbit/s, over; again", clip.id, size, kbps)
                kbps = max(MIN_KBPS, int(kbps * 0.9 * limit.max_bytes / size))
                if attempt == ENCODE_TRIES - 1:
                    raise _impossible(
                        f"{limit.max_bytes / MB:g} MB", f"{limit.max_bytes / MB:g} MB"
                    )
            sha, size = hash_file(temp)
            duration = _duration_ms(temp)
        notes = []
        if cut:
            asked = sum(r.requested_to_ms - r.requested_from_ms for r in ranges) / 1000
            notes.append(
                f"cut from {asked:.1f} s to {seconds:.1f} s to fit {limit.max_seconds:g} s;"
                " each stretch shortened by the same share"
            )
        if (width, height) != (clip.width, clip.height):
            notes.append(f"scaled from {clip.width}x{clip.height} to {width}x{height}")
        result = ExportResult(
            kind="excerpt",
            path=target,
            manifest=_manifest_path(target),
            sha256=sha,
            size_bytes=size,
            duration_ms=duration,
            width=width,
            height=height,
            ranges=tuple(ranges),
            cut=cut,
            video_kbps=kbps,
            notes=tuple(notes),
        )
        _write_manifest(result, clip, limit, station_id)
    if progress is not None:
        progress(1.0)
    return result


def _bit_rate(limit: PlatformLimit, seconds: float, clip: ClipView) -> int:
    """The video rate that keeps ``seconds`` of excerpt under the limit's bytes, never more
    than the original spends."""
    original = clip.size_bytes * 8 / max(clip.duration_ms, 1)  # kbit/s
    ceiling = min(MAX_KBPS, max(int(original * 1.25), 800))
    if limit.max_bytes is None:
        return ceiling
    kbps = int(limit.max_bytes * 8 * HEADROOM / max(seconds, 1.0) / 1000)
    if kbps < MIN_KBPS:
        raise _impossible(
            f"{limit.max_bytes / MB:g} MB for {seconds:.0f} s",
            f"{seconds:.0f} 秒仅 {limit.max_bytes / MB:g} MB",
        )
    return min(kbps, ceiling)


def _picture_size(width: int, height: int, kbps: int, fps: float) -> tuple[int, int]:
    """The largest picture the rate keeps sharp: the original's (at most 720 lines), else 480
    lines; an original smaller than that stays as it is."""
    top = min(height, MAX_HEIGHT)
    size = (width, height)
    for rung in (top, *(h for h in LOWER_HEIGHTS if h < top)):
        size = (width, height) if rung == height else (_even(width * rung / height), rung)
        if kbps * 1000 >= BITS_PER_PIXEL * size[0] * size[1] * fps:
            break
    return size


def _even(value: float) -> int:
    return max(2, round(value / 2) * 2)


def _frame_rate(source: Path) -> float:
    with av.open(str(source)) as container:
        stream = container.streams.video[0]
        rate = stream.average_rate or stream.guessed_rate or stream.base_rate
    return float(rate) if rate else 10.0


def _encode(
    source: Path,
    ranges: Sequence[ExportRange],
    target: Path,
    width: int,
    height: int,
    fps: float,
    kbps: int,
    progress: Progress | None,
) -> None:
    total = sum(r.length_ms for r in ranges) or 1
    done = 0
    with (
        av.open(str(source)) as src,
        av.open(str(target), "w", format="mp4", options={"movflags": "+faststart"}) as out,
    ):
        vin = src.streams.video[0]
        stream = out.add_stream("libx264", rate=max(1, round(fps)))
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        stream.time_base = TIME_BASE
        context = stream.codec_context
        context.time_base = TIME_BASE
        context.bit_rate = kbps * 1000
        context.gop_size = max(2, round(fps)) * 2
        context.options = {
            "preset": "veryfast",
            "maxrate": f"{kbps}k",
            "bufsize": f"{kbps}k",
        }
        offset = 0
        last_pts = -1
        for r in ranges:
            src.seek(r.from_ms * 1000, backward=True, any_frame=False)  # microseconds
            for frame in src.decode(vin):
                if frame.pts is None or frame.time_base is None:
                    continue  # a frame without a time has no place in a range
                at = round(frame.pts * frame.time_base * 1000)
                if at < r.from_ms:
                    continue
                if at >= r.to_ms:
                    break
                pts = offset + at - r.from_ms
                if pts <= last_pts:
                    continue
                last_pts = pts
                picture = frame.reformat(
                    width=width, height=height, format="yuv420p", interpolation="LANCZOS"
                )
                picture.pts, picture.time_base = pts, TIME_BASE
                picture.pict_type = av.video.frame.PictureType.NONE
                for packet in stream.encode(picture):
                    out.mux(packet)
                if progress is not None:
                    progress(min(0.99, (done + at - r.from_ms) / total))
            offset += r.length_ms
            done += r.length_ms
        for packet in stream.encode(None):
            out.mux(packet)


def _duration_ms(path: Path) -> int:
    """How long a file plays, as a player reads it from the container."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        if stream.duration is not None and stream.time_base is not None:
            return int(stream.duration * stream.time_base * 1000)
        return int((container.duration or 0) / 1000)


# -- the manifest ------------------------------------------------------------------------


def _manifest_path(export: Path) -> Path:
    return export.with_suffix(".json")


def tool_version() -> str:
    try:
        return importlib.metadata.version("returns-station")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _write_manifest(
    result: ExportResult, clip: ClipView, limit: PlatformLimit, station_id: str
) -> None:
    chapters = [c.to_json() for c in clip.chapters]
    manifest: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "tool": {"name": "station", "version": tool_version()},
        "exported_at": datetime.now(UTC).astimezone().isoformat(),
        "platform": limit.to_json(),
        "clip": {
            "id": clip.id,
            "parcel": clip.parcel_code,
            "station": station_id,
            "inspection_id": clip.inspection_id,
            "unmatched_id": clip.unmatched_id,
            "started_at": clip.started_at.isoformat(),
            "ended": clip.ended,
            "sha256": clip.sha256,
            "size_bytes": clip.size_bytes,
            "duration_ms": clip.duration_ms,
            "width": clip.width,
            "height": clip.height,
            "chain_head": clip.chain_head,
            "chain_end": clip.chain_end,
            "fragments": clip.fragments,
            "chapters": chapters,
        },
        "export": {
            "kind": result.kind,
            "file": result.path.name,
            "sha256": result.sha256,
            "size_bytes": result.size_bytes,
            "duration_ms": result.duration_ms,
            "width": result.width,
            "height": result.height,
            "video_kbps": result.video_kbps or None,
        },
        "ranges": [
            {
                "from_ms": r.from_ms,
                "to_ms": r.to_ms,
                "requested_from_ms": r.requested_from_ms,
                "requested_to_ms": r.requested_to_ms,
                "cut": r.cut,
                "chapters": [{"index": i, **chapters[i]} for i in r.chapters],
            }
            for r in result.ranges
        ],
        "cut": result.cut,
        "notes": list(result.notes),
    }
    data = json.dumps(manifest, ensure_ascii=False, indent=2).encode() + b"\n"
    write_atomically(result.manifest, data, replace=lambda _path: True)


# -- checking ----------------------------------------------------------------------------


def verify_export(manifest_path: Path, original: Path | None = None) -> list[str]:
    """What is wrong with an export (empty: nothing): the export's bytes against its
    manifest, and with ``original`` at hand the original's bytes, chapters and the ranges'
    times against it."""
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        clip, export, ranges = manifest["clip"], manifest["export"], manifest["ranges"]
        name = str(export["file"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [f"{manifest_path.name}: not a readable export manifest ({exc})"]
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        return [f"{manifest_path.name}: not an export manifest of this station"]
    if Path(name).name != name or not name:
        return [f"{manifest_path.name}: names a file outside its folder: {name!r:.80}"]
    video = manifest_path.parent / name
    if not video.is_file():
        return [f"{name}: missing"]
    try:
        return _check_export(video, manifest, clip, export, ranges, original)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        return [f"{manifest_path.name}: a malformed entry ({exc!r:.80})"]


def _check_export(
    video: Path,
    manifest: dict[str, Any],
    clip: dict[str, Any],
    export: dict[str, Any],
    ranges: list[dict[str, Any]],
    original: Path | None,
) -> list[str]:
    name = video.name
    problems: list[str] = []
    sha, size = hash_file(video)
    if sha != export.get("sha256") or size != export.get("size_bytes"):
        problems.append(f"{name}: altered: its SHA-256 is not the one its manifest records")
    if export.get("kind") == "original" and export.get("sha256") != clip.get("sha256"):
        problems.append(f"{name}: the manifest's original and copy differ")
    limit = manifest.get("platform") or {}
    if limit.get("max_bytes") is not None and size > int(limit["max_bytes"]):
        problems.append(f"{name}: {size:,} bytes, over the limit of {int(limit['max_bytes']):,}")
    if export.get("kind") == "excerpt" and not problems:
        problems += _check_excerpt_times(video, export, ranges, limit)
    if original is not None:
        problems += _check_against_original(original, clip, export, ranges)
    return problems


def _check_excerpt_times(
    video: Path, export: dict[str, Any], ranges: list[dict[str, Any]], limit: dict[str, Any]
) -> list[str]:
    problems = []
    try:
        plays = _duration_ms(video)
    except (av.FFmpegError, OSError, IndexError) as exc:
        return [f"{video.name}: does not play ({exc})"]
    claimed = sum(int(r["to_ms"]) - int(r["from_ms"]) for r in ranges)
    slack = 250 + 150 * len(ranges)  # a frame's duration at each join
    if abs(plays - claimed) > slack:
        problems.append(
            f"{video.name}: plays {plays / 1000:.1f} s but its ranges add up to"
            f" {claimed / 1000:.1f} s"
        )
    if limit.get("max_seconds") is not None and plays > float(limit["max_seconds"]) * 1000:
        problems.append(f"{video.name}: plays {plays / 1000:.1f} s, over {limit['max_seconds']} s")
    if export.get("duration_ms") is not None and abs(plays - int(export["duration_ms"])) > 100:
        problems.append(f"{video.name}: plays {plays / 1000:.1f} s, not what its manifest says")
    return problems


def _check_against_original(
    original: Path, clip: dict[str, Any], export: dict[str, Any], ranges: list[dict[str, Any]]
) -> list[str]:
    if not original.is_file():
        return [f"the original {original}: missing"]
    sha, size = hash_file(original)
    if sha != clip.get("sha256") or size != clip.get("size_bytes"):
        return [f"the original {original.name}: altered, or not this export's original"]
    problems: list[str] = []
    if export.get("kind") == "original":
        return problems
    try:
        length = last_frame_ms(original)
    except (av.FFmpegError, OSError) as exc:
        return [f"the original {original.name}: cannot be read ({exc})"]
    boxed = read_chapters_box(original) or {}
    chapters = boxed.get("chapters") or []
    previous_end = -1
    for n, r in enumerate(ranges, 1):
        start, end = int(r["from_ms"]), int(r["to_ms"])
        if not 0 <= start < end or end > length + 1000 or start < previous_end:
            problems.append(
                f"range {n} ({start}-{end} ms) does not lie in the original"
                f" ({length / 1000:.1f} s) in order"
            )
        previous_end = end
        for held in r.get("chapters", []):
            index = held.get("index")
            if not (isinstance(index, int) and 0 <= index < len(chapters)):
                problems.append(f"range {n}: the original has no chapter {index}")
            elif chapters[index].get("at_ms") != held.get("at_ms") or not (
                start <= int(held.get("at_ms", -1)) < end
            ):
                problems.append(f"range {n}: chapter {index} is not where the manifest says")
    return problems


def check_clip(clip: ClipView, path: Path) -> list[str]:
    """What is wrong with a filed clip's file (empty: nothing): its SHA-256 and size, its
    fragment chain against the stored head, its chapters box against the stored chapters."""
    if not path.is_file():
        return ["file missing"]
    sha, size = hash_file(path)
    if sha != clip.sha256 or size != clip.size_bytes:
        return ["altered: the file's SHA-256 is not the one on record"]
    problems = []
    try:
        links = list(links_of_file(path, clip.id))
    except ValueError as exc:
        return [f"fragment chain unreadable: {exc}"]
    ends = [n for n, link in enumerate(links) if link.end == clip.chain_end]
    if not ends or links[ends[0]].digest != clip.chain_head:
        problems.append("fragment chain does not end at the recorded head")
    elif ends[0] + 1 != clip.fragments or len(links) != clip.fragments:
        problems.append(f"fragment chain has {len(links)} fragments, {clip.fragments} on record")
    boxed = read_chapters_box(path)
    if boxed is None:
        problems.append("chapters box missing")
    elif boxed.get("clip_id") != clip.id or boxed.get("chapters") != [
        c.to_json() for c in clip.chapters
    ]:
        problems.append("chapters box differs from the chapters on record")
    return problems


# -- refusals ----------------------------------------------------------------------------


def _check_exportable(clip: ClipView, source: Path) -> None:
    if clip.purged:
        raise ExportRefused(
            f"Clip {clip.id} was deleted at the end of its retention; there is nothing to export.",
            f"片段 {clip.id} 已在保留期满后删除，无法导出。",
        )
    if not source.is_file():
        raise ExportRefused(
            f"The file of clip {clip.id} is missing from the clip folder.",
            f"片段 {clip.id} 的文件在片段文件夹中缺失。",
        )


def _verify_source(clip: ClipView, source: Path) -> None:
    if hash_file(source) != (clip.sha256, clip.size_bytes):
        raise _altered(clip)


def _altered(clip: ClipView) -> ExportRefused:
    return ExportRefused(
        f"The file of clip {clip.id} has been altered: it no longer matches its SHA-256."
        " Nothing was exported; run `station video verify` and tell a supervisor.",
        f"片段 {clip.id} 的文件已被改动，与其 SHA-256 不符。未导出任何内容；"
        "请运行 `station video verify` 并报告主管。",
    )


def _impossible(en: str, zh: str) -> ExportRefused:
    return ExportRefused(
        f"No legible export fits a limit of {en}; allow more megabytes or fewer seconds.",
        f"{zh} 的限制内无法导出清晰的视频，请放宽大小或缩短时长。",
    )


@contextmanager
def _writing(folder: Path) -> Iterator[None]:
    """Turns a folder that cannot be written into a refusal that says which."""
    try:
        yield
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportRefused(
            f"The folder {folder} cannot be written ({reason}); nothing was exported.",
            f"无法写入文件夹 {folder}（{reason}），未导出任何内容。",
        ) from exc

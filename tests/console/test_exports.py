"""The dispute desk's export package and its offline verifier, on a real clip and real photos."""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import json
import re
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import cv2
import numpy as np
import pytest

from central.console import verify_export
from central.console.exports import (
    ExportCase,
    ExportClip,
    ExportPhoto,
    ExportRefused,
    ExportResult,
    build_package,
    claim_package_path,
    package_name,
    plan_ranges,
)
from central.console.platforms import Platform, load_platforms

FPS = 10
SECONDS = 72  # over Shopee's 60 s, so Shopee gets an excerpt
WIDTH, HEIGHT = 480, 270
BITS = 12  # the frame number, drawn as blocks a decoder reads back
NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
CHAPTERS = [
    (3_000, "scan", "RMA-1001"),
    (12_000, "answer", "screen intact? yes"),
    (20_500, "photo", "front"),
    (45_200, "verdict", "B"),
    (50_000, "camera_lost", ""),
    (68_000, "label", "L-77"),
]
STATEMENT = "退回商品屏幕有划痕，与发货时不符。The screen is scratched; it left us intact."
PYTHON3 = shutil.which("python3") or sys.executable


def platform(code: str, **changes: Any) -> Platform:
    return dataclasses.replace(load_platforms()[code], **changes)


# -- the clip and the photos, made once ---------------------------------------------------------


def draw_frame(index: int, noise: np.ndarray) -> np.ndarray:
    picture = np.full((HEIGHT, WIDTH, 3), 60, np.uint8)
    for bit in range(BITS):
        x = 8 + bit * 36
        picture[8:32, x : x + 28] = 255 if (index >> bit) & 1 else 0
    text = f"{index * 1000 // FPS / 1000:.1f} s"
    cv2.putText(picture, text, (20, 120), cv2.FONT_HERSHEY_SIMPLEX, 1.5, (255, 255, 255), 3)
    picture[190:250, 340:460] = noise  # a busy corner, so the clip weighs a few megabytes
    return picture


def frame_number(picture: np.ndarray) -> int:
    """The frame number drawn into a picture (BGR), read back from its blocks."""
    value = 0
    for bit in range(BITS):
        x = 8 + bit * 36
        if picture[14:26, x + 6 : x + 22].mean() > 128:
            value |= 1 << bit
    return value


def make_clip(path: Path) -> None:
    """A clip as the station records it: H.264, a key frame every second, fragmented MP4."""
    rng = np.random.default_rng(7)
    options = {"movflags": "frag_keyframe+empty_moov+default_base_moof"}
    with av.open(str(path), "w", format="mp4", options=options) as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.time_base = stream.codec_context.time_base = Fraction(1, 1000)
        stream.codec_context.gop_size = FPS * 4
        stream.codec_context.options = {
            "preset": "ultrafast",
            "tune": "zerolatency",
            "forced-idr": "1",
            "crf": "23",
        }
        for index in range(FPS * SECONDS):
            noise = rng.integers(0, 256, (60, 120, 3), dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(draw_frame(index, noise), format="bgr24")
            frame.pts, frame.time_base = index * 1000 // FPS, Fraction(1, 1000)
            if index % FPS == 0:
                frame.pict_type = av.video.frame.PictureType.I
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def make_photo(path: Path, *, noise: bool, text: str = "") -> None:
    if noise:  # noise does not compress: over 2 MB at a high quality
        picture = np.random.default_rng(3).integers(0, 256, (1300, 1700, 3), dtype=np.uint8)
        quality = 95
    else:
        picture = np.zeros((600, 800, 3), np.uint8)
        picture[:, :, 1] = np.linspace(0, 255, 800, dtype=np.uint8)
        cv2.putText(picture, text, (200, 300), cv2.FONT_HERSHEY_SIMPLEX, 3, (255,) * 3, 5)
        quality = 90
    ok, data = cv2.imencode(".jpg", picture, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    path.write_bytes(data.tobytes())


@dataclasses.dataclass
class Assets:
    clip_path: Path
    clip: ExportClip
    photos: list[ExportPhoto]
    blobs: dict[str, Path]

    def fetch(self, sha256: str, path: Path) -> None:
        shutil.copyfile(self.blobs[sha256], path)  # a KeyError is the store's BlobMissing


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def assets(tmp_path_factory: pytest.TempPathFactory) -> Assets:
    root = tmp_path_factory.mktemp("blobs")
    clip_path = root / "clip.mp4"
    make_clip(clip_path)
    blobs = {sha256_of(clip_path): clip_path}
    photos = []
    for n, (kind, noise) in enumerate([("front", False), ("damage", True), ("label", False)]):
        path = root / f"photo-{n}.jpg"
        make_photo(path, noise=noise, text=kind)
        blobs[sha256_of(path)] = path
        photos.append(ExportPhoto(sha256_of(path), kind, NOW))
    clip = ExportClip(
        sha256=sha256_of(clip_path),
        size=clip_path.stat().st_size,
        duration_ms=SECONDS * 1000,
        chapters=CHAPTERS,
        chain_head="ab" * 32,
        fragments=SECONDS,
        started_at=NOW,
    )
    return Assets(clip_path, clip, photos, blobs)


CASE = ExportCase(
    dispute_id="d-1",
    platform="shopee",
    case_id="SP-2026-0001",
    inspection_id="i-1",
    rma_no="RMA-1001",
    order_no="SO-77",
    sku="PHONE-X",
    grade="C",
    disposition="refuse",
    refund_fen=0,
    opened_by="cs:ana",
)


def build(
    assets: Assets, tmp_path: Path, target: Platform, **overrides: Any
) -> tuple[ExportResult, dict[str, Any]]:
    args: dict[str, Any] = {
        "platform": target,
        "case": dataclasses.replace(CASE, platform=target.code),
        "statement": STATEMENT,
        "photos": assets.photos,
        "clip": assets.clip,
        "chosen_ms": [],
        "fetch": assets.fetch,
        "work_dir": tmp_path / "work",
        "now": NOW,
    }
    args.update(overrides)
    result = build_package(tmp_path / "out" / "package.zip", **args)
    with zipfile.ZipFile(result.path) as package:
        manifest = json.loads(package.read("manifest.json"))
    return result, manifest


def entry(manifest: dict[str, Any], role: str) -> list[dict[str, Any]]:
    return [f for f in manifest["files"] if f["role"] == role]


def packets(path: Path) -> list[tuple[int, bytes]]:
    """(ms, bytes) of every video packet."""
    found = []
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert stream.time_base is not None
        for packet in container.demux(stream):
            if packet.pts is not None:
                found.append((round(packet.pts * stream.time_base * 1000), bytes(packet)))
    return found


def top_boxes(data: bytes) -> list[bytes]:
    boxes, offset = [], 0
    while offset + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        boxes.append(kind)
        offset += size
    return boxes


# -- the video ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["taobao", "jd"])
def test_the_original_is_kept_byte_for_byte_when_wanted_or_within_the_limits(
    assets: Assets, tmp_path: Path, code: str
) -> None:
    result, manifest = build(assets, tmp_path, platform(code))

    with zipfile.ZipFile(result.path) as package:
        assert package.read("video-original.mp4") == assets.clip_path.read_bytes()
    (video,) = entry(manifest, "video")
    assert video["excerpt"] is False
    assert video["sha256"] == video["original"]["sha256"] == assets.clip.sha256
    assert video["original"]["chain_head"] == "ab" * 32
    assert video["original"]["fragments"] == SECONDS
    assert "ranges" not in video
    assert any("byte for byte" in note for note in result.notes)
    assert (
        result.manifest_sha256
        == hashlib.sha256(zipfile.ZipFile(result.path).read("manifest.json")).hexdigest()
    )


def test_shopee_gets_an_excerpt_around_the_default_chapters_cut_by_stream_copy(
    assets: Assets, tmp_path: Path
) -> None:
    result, manifest = build(assets, tmp_path, platform("shopee"))

    (video,) = entry(manifest, "video")
    assert video["name"] == "video-excerpt.mp4" and video["excerpt"] is True
    # scan 3 s, photo 20.5 s, verdict 45.2 s, label 68 s: each from the key frame at or
    # before 5 s earlier to 10 s later, clamped to the clip
    spans = [(r["from_ms"], r["to_ms"]) for r in video["ranges"]]
    assert spans == [(0, 13_000), (15_000, 30_500), (40_000, 55_200), (63_000, 72_000)]
    held = [[c["kind"] for c in r["chapters"]] for r in video["ranges"]]
    assert held == [["scan", "answer"], ["photo"], ["verdict", "camera_lost"], ["label"]]
    assert video["duration_ms"] == 52_700
    assert video["original"]["sha256"] == assets.clip.sha256

    excerpt = tmp_path / "excerpt.mp4"
    excerpt.write_bytes(zipfile.ZipFile(result.path).read("video-excerpt.mp4"))
    assert excerpt.stat().st_size == video["size"] <= 30_000_000
    boxes = top_boxes(excerpt.read_bytes())
    assert boxes.index(b"moov") < boxes.index(b"mdat") and b"moof" not in boxes  # faststart
    with av.open(str(excerpt)) as container:
        stream = container.streams.video[0]
        assert stream.duration is not None and stream.time_base is not None
        assert float(stream.duration * stream.time_base) == pytest.approx(52.7, abs=0.05)
        seen = [
            (round(frame.time * 1000), frame_number(frame.to_ndarray(format="bgr24")))
            for frame in container.decode(stream)
            if frame.time is not None
        ]
    assert len(seen) == 527
    # every picture is the original's picture at the time its range maps it to
    starts, cursor = [], 0
    for start, end in spans:
        starts.append((cursor, start))
        cursor += end - start
    for at, number in seen:
        offset, origin = max(s for s in starts if s[0] <= at)
        assert number * 1000 // FPS == origin + at - offset
    # nothing re-encoded: the excerpt's packets are the original's, byte for byte
    original = dict(packets(assets.clip_path))
    copied = packets(excerpt)
    for at, data in copied:
        offset, origin = max(s for s in starts if s[0] <= at)
        assert original[origin + at - offset] == data
    assert any("stream copy" in note for note in result.notes)


def test_ranges_over_the_limit_are_each_shortened_by_the_same_factor(
    assets: Assets, tmp_path: Path
) -> None:
    tight = platform("shopee", video_max_seconds=20)

    result, manifest = build(assets, tmp_path, tight, chosen_ms=[10_000, 50_000])

    (video,) = entry(manifest, "video")
    # asked: 5-20 s and 45-60 s (30 s); 19.5 s allowed: each 65 %, to the last whole frame
    spans = [(r["from_ms"], r["to_ms"]) for r in video["ranges"]]
    assert spans == [(5_000, 14_700), (45_000, 54_700)]
    assert video["duration_ms"] == 19_400 <= 20_000
    assert any("same factor (0.65)" in note for note in result.notes)


def test_ranges_snap_to_key_frames_merge_and_stay_inside_the_clip() -> None:
    keys = list(range(0, 72_000, 1_000))

    ranges, factor = plan_ranges([9_000, 3_000, 40_500, 71_000, 99_000], keys, 72_000, 60_000)

    # 3 s and 9 s overlap (0-13 s, 4-19 s); 40.5 s starts at the key frame of 35 s; 71 s is
    # clamped to the clip's end; 99 s lies outside it
    assert [(r.from_ms, r.to_ms) for r in ranges] == [
        (0, 19_000),
        (35_000, 50_500),
        (66_000, 72_000),
    ]
    assert factor == 1.0


def test_a_stored_clip_that_is_not_a_video_is_refused(assets: Assets, tmp_path: Path) -> None:
    photo = assets.photos[0].sha256
    fake = dataclasses.replace(assets.clip, sha256=photo, size=assets.blobs[photo].stat().st_size)

    with pytest.raises(ExportRefused, match="cannot be read as video"):
        build(assets, tmp_path, platform("shopee"), clip=fake)


def test_an_excerpt_over_the_byte_limit_is_refused(assets: Assets, tmp_path: Path) -> None:
    with pytest.raises(ExportRefused) as refused:
        build(assets, tmp_path, platform("shopee", video_max_mb=1))

    assert "limit of 60 s / 1 MB" in refused.value.en
    assert re.search(r"came to 52\.7 s, \d+\.\d MB", refused.value.en)
    assert "1 MB" in refused.value.zh
    assert not (tmp_path / "out" / "package.zip").exists()


def test_an_original_wanted_whole_but_over_the_limit_is_refused(
    assets: Assets, tmp_path: Path
) -> None:
    with pytest.raises(
        ExportRefused, match=r"takes the original clip whole.*limit of 900 s / 1 MB"
    ):
        build(assets, tmp_path, platform("taobao", video_max_mb=1))


def test_a_clip_over_the_limit_with_nothing_to_cut_around_is_refused(
    assets: Assets, tmp_path: Path
) -> None:
    bare = dataclasses.replace(assets.clip, chapters=[(12_000, "answer", "q1")])

    with pytest.raises(ExportRefused, match="choose the moments to keep"):
        build(assets, tmp_path, platform("shopee"), clip=bare)


# -- the images --------------------------------------------------------------------------------


def test_photos_come_first_then_key_frames_up_to_the_platforms_count(
    assets: Assets, tmp_path: Path
) -> None:
    result, manifest = build(assets, tmp_path, platform("shopee"))  # at most 5 images

    photos, frames = entry(manifest, "photo"), entry(manifest, "frame")
    assert [p["name"] for p in photos] == [
        "photo-01-front.jpg",
        "photo-02-damage.jpg",
        "photo-03-label.jpg",
    ]
    assert [(f["at_ms"], f["chapter"]["kind"]) for f in frames] == [
        (3_000, "scan"),
        (20_500, "photo"),
    ]
    assert "2 key frame(s) left out: Shopee takes at most 5 images" in result.notes
    with zipfile.ZipFile(result.path) as package:
        assert (
            package.read("photo-01-front.jpg") == assets.blobs[assets.photos[0].sha256].read_bytes()
        )
        for frame in frames:
            assert frame["clip_sha256"] == assets.clip.sha256
            picture = cv2.imdecode(np.frombuffer(package.read(frame["name"]), np.uint8), 1)
            assert frame_number(picture) * 1000 // FPS == frame["frame_ms"] == frame["at_ms"]


def test_a_photo_over_the_size_limit_is_re_encoded_and_names_its_original(
    assets: Assets, tmp_path: Path
) -> None:
    big = assets.photos[1]
    assert assets.blobs[big.sha256].stat().st_size > 2_048_000

    result, manifest = build(assets, tmp_path, platform("shopee"))

    damage = entry(manifest, "photo")[1]
    assert damage["size"] <= 2_048_000
    assert damage["original_sha256"] == big.sha256 != damage["sha256"]
    assert damage["reencoded"]["quality"] < 95
    assert any(n.startswith("photo 2 re-encoded to fit 2048 kB") for n in result.notes)
    assert "original_sha256" not in entry(manifest, "photo")[0]  # the others as stored


def test_the_image_count_leaves_out_photos_too(assets: Assets, tmp_path: Path) -> None:
    result, manifest = build(assets, tmp_path, platform("shopee", images_max=2))

    assert [p["kind"] for p in entry(manifest, "photo")] == ["front", "damage"]
    assert entry(manifest, "frame") == []
    assert "1 photo(s) left out: Shopee takes at most 2 images" in result.notes


def test_chosen_moments_give_the_key_frames(assets: Assets, tmp_path: Path) -> None:
    _result, manifest = build(assets, tmp_path, platform("jd"), photos=[], chosen_ms=[33_333])

    (frame,) = entry(manifest, "frame")
    assert (frame["at_ms"], frame["frame_ms"]) == (33_333, 33_400)  # the first picture from then
    assert "chapter" not in frame


# -- the statement -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        (" \n\t ", "The statement is empty"),
        ("字" * 301, "has 301 characters; Pinduoduo takes at most 300. Shorten it by 1."),
    ],
)
def test_a_statement_empty_or_too_long_is_refused_before_anything_is_fetched(
    assets: Assets, tmp_path: Path, statement: str, message: str
) -> None:
    def no_fetch(sha256: str, path: Path) -> None:
        raise AssertionError("fetched")

    with pytest.raises(ExportRefused, match=re.escape(message)):
        build(assets, tmp_path, platform("pinduoduo"), statement=statement, fetch=no_fetch)


def test_the_statement_is_written_as_utf8_text(assets: Assets, tmp_path: Path) -> None:
    result, manifest = build(assets, tmp_path, platform("pinduoduo"), statement="字" * 300)

    assert zipfile.ZipFile(result.path).read("statement.txt").decode("utf-8") == "字" * 300 + "\n"
    (statement,) = entry(manifest, "statement")
    assert statement["name"] == "statement.txt"


# -- integrity ---------------------------------------------------------------------------------


def test_each_package_keeps_its_own_file_when_two_are_built_in_one_second(
    tmp_path: Path,
) -> None:
    """Two packages of one case built in the same second had one name: the second replaced
    the first, and both audit entries pointed at it."""
    name = package_name(CASE, NOW)
    claimed = [claim_package_path(tmp_path, name) for _ in range(3)]
    stem = name.removesuffix(".zip")
    assert [p.name for p in claimed] == [name, f"{stem}-2.zip", f"{stem}-3.zip"]
    assert all(p.is_file() for p in claimed)


def png_claiming(width: int, height: int) -> bytes:
    """A PNG of a few bytes whose header claims ``width`` x ``height`` 1-bit pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 1000)  # the start of the first rows; nobody gets further
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


@pytest.mark.parametrize(
    ("side", "said", "zh"),
    [(20_000, "400 megapixels is", "400 百万像素"), (8_000, "8000×8000 pixels is", "64 百万像素")],
)
def test_a_photo_claiming_gigapixels_is_refused_before_it_is_decoded(
    assets: Assets, tmp_path: Path, side: int, said: str, zh: str
) -> None:
    """48 kB of PNG claiming 20000x20000 took 2.4 GB and 26 s to re-encode."""
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_claiming(side, side))
    blobs = dict(assets.blobs) | {sha256_of(bomb): bomb}
    photo = ExportPhoto(sha256_of(bomb), "damage", NOW)

    def fetch(sha256: str, path: Path) -> None:
        shutil.copyfile(blobs[sha256], path)

    with pytest.raises(ExportRefused, match=f"{said} more than 24 megapixels") as refused:
        build(assets, tmp_path, platform("shopee"), photos=[photo], fetch=fetch)
    assert zh in refused.value.zh


def test_a_clip_of_frames_larger_than_any_camera_is_refused(assets: Assets, tmp_path: Path) -> None:
    big = tmp_path / "big.mp4"
    with av.open(str(big), "w") as container:
        stream = container.add_stream("libx264", rate=1)
        stream.width, stream.height, stream.pix_fmt = 6000, 4100, "yuv420p"
        stream.options = {"preset": "ultrafast"}
        frame = av.VideoFrame.from_ndarray(np.zeros((4100, 6000, 3), np.uint8), format="bgr24")
        for packet in [*stream.encode(frame), *stream.encode()]:
            container.mux(packet)
    blobs = dict(assets.blobs) | {sha256_of(big): big}
    clip = dataclasses.replace(assets.clip, sha256=sha256_of(big), size=big.stat().st_size)

    def fetch(sha256: str, path: Path) -> None:
        shutil.copyfile(blobs[sha256], path)

    with pytest.raises(ExportRefused, match="frames of 24 megapixels"):
        build(assets, tmp_path, platform("shopee"), clip=clip, fetch=fetch, chosen_ms=[0])


def test_a_blob_that_does_not_match_its_sha256_is_refused(assets: Assets, tmp_path: Path) -> None:
    def corrupt(sha256: str, path: Path) -> None:
        assets.fetch(sha256, path)
        if sha256 == assets.clip.sha256:
            with path.open("r+b") as fh:
                fh.seek(5000)
                fh.write(b"\x00" * 16)

    with pytest.raises(ExportRefused, match="does not match its SHA-256"):
        build(assets, tmp_path, platform("taobao"), fetch=corrupt)
    assert not (tmp_path / "out" / "package.zip").exists()
    assert list((tmp_path / "work").iterdir()) == []  # the downloads went with the refusal


def test_the_package_carries_the_verifier_and_a_readme(assets: Assets, tmp_path: Path) -> None:
    result, manifest = build(assets, tmp_path, platform("shopee"))

    source = Path(verify_export.__file__).read_bytes()
    with zipfile.ZipFile(result.path) as package:
        assert package.read("verify.py") == source
        readme = package.read("README.txt").decode("utf-8")
        names = package.namelist()
    assert readme.index("校验") < readme.index("how to verify")
    assert "python3 verify.py" in readme
    assert manifest["verifier"]["sha256"] == hashlib.sha256(source).hexdigest()
    assert manifest["format"] == "dispute-export/1"
    assert manifest["created_at"] == NOW.isoformat()
    assert manifest["platform"]["limits"]["video_max_bytes"] == 30_000_000
    assert manifest["case"]["case_id"] == "SP-2026-0001"
    assert {f.name for f in result.files} | {"manifest.json", "verify.py", "README.txt"} == set(
        names
    )


def run_verifier(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON3, "verify.py", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def shopee_package(assets: Assets, tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    return build(assets, tmp_path_factory.mktemp("shopee"), platform("shopee"))[0]


def unpack(package: Path, folder: Path) -> Path:
    with zipfile.ZipFile(package) as source:
        source.extractall(folder)
    return folder


def test_the_verifier_passes_on_the_zip_and_on_the_unpacked_folder(
    shopee_package: ExportResult, tmp_path: Path
) -> None:
    folder = unpack(shopee_package.path, tmp_path / "unpacked")
    shutil.copy(shopee_package.path, tmp_path / "package.zip")

    for args in [(), (".",), ("../package.zip",)]:
        done = run_verifier(*args, cwd=folder)
        assert done.returncode == 0, done.stdout + done.stderr
        assert done.stdout.rstrip().endswith("ALL GOOD")
        assert f"manifest SHA-256: {shopee_package.manifest_sha256}" in done.stdout
        assert done.stdout.count(" OK") == len(shopee_package.files) + 1  # and verify.py
    report = verify_export.verify(shopee_package.path)
    assert report.ok and report.manifest_sha256 == shopee_package.manifest_sha256


def rezip(source: Path, target: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    with zipfile.ZipFile(source) as package:
        members = {name: package.read(name) for name in package.namelist()}
    change(members)
    with zipfile.ZipFile(target, "w") as package:
        for name, data in members.items():
            package.writestr(name, data)
    return target


def _tamper(members: dict[str, bytes]) -> None:
    data = bytearray(members["photo-01-front.jpg"])
    data[1000] ^= 0xFF
    members["photo-01-front.jpg"] = bytes(data)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (_tamper, r"photo-01-front\.jpg +photo +BAD +altered"),
        (lambda m: m.pop("statement.txt"), r"statement\.txt +statement +BAD +missing"),
        (lambda m: m.update({"extra.jpg": b"x"}), r"extra\.jpg +- +BAD +not listed"),
        (lambda m: m.update({"../evil.txt": b"x"}), r"unsafe file name \.\./evil\.txt"),
        (lambda m: m.update({"manifest.json": b"{"}), r"manifest\.json is not readable JSON"),
        (lambda m: m.update({"verify.py": b"print('ok')"}), r"verify\.py +verifier +BAD +altered"),
    ],
    ids=["tampered", "missing", "added", "traversal", "bad-manifest", "swapped-verifier"],
)
def test_the_verifier_fails_clearly_on_a_changed_zip(
    shopee_package: ExportResult,
    tmp_path: Path,
    change: Callable[[dict[str, bytes]], None],
    says: str,
) -> None:
    changed = rezip(shopee_package.path, tmp_path / "changed.zip", change)
    shutil.copy(verify_export.__file__, tmp_path / "verify.py")  # a trusted copy

    done = run_verifier("changed.zip", cwd=tmp_path)

    assert done.returncode == 1
    assert re.search(says, done.stdout), done.stdout
    assert "FAILED: " in done.stdout.splitlines()[-1]
    assert "Traceback" not in done.stderr + done.stdout
    assert not verify_export.verify(changed).ok


def test_the_verifier_fails_clearly_on_a_changed_folder(
    shopee_package: ExportResult, tmp_path: Path
) -> None:
    folder = unpack(shopee_package.path, tmp_path / "unpacked")
    (folder / "photo-03-label.jpg").write_bytes(b"another picture")
    (folder / "notes.txt").write_text("added later")
    (folder / ".DS_Store").write_bytes(b"\0")  # what a file manager leaves: not a failure

    done = run_verifier(cwd=folder)

    assert done.returncode == 1
    assert re.search(r"photo-03-label\.jpg +photo +BAD +15 bytes, the manifest says", done.stdout)
    assert "notes.txt" in done.stdout and "not listed in the manifest" in done.stdout
    assert "(ignored .DS_Store" in done.stdout
    assert "FAILED: 2 of 9 files do not match the manifest" in done.stdout


def test_the_verifier_refuses_what_is_not_a_package(tmp_path: Path) -> None:
    shutil.copy(verify_export.__file__, tmp_path / "verify.py")
    (tmp_path / "notes.txt").write_text("not a zip")
    (tmp_path / "link").symlink_to("/etc/passwd")

    for name, says in [
        ("notes.txt", "not a readable zip file"),
        ("absent.zip", "no such file or folder"),
        (".", "link is a link"),
    ]:
        done = run_verifier(name, cwd=tmp_path)
        assert done.returncode == 1, name
        assert says in done.stdout.splitlines()[-1]
        assert "Traceback" not in done.stderr


def test_the_verifier_refuses_zip_bombs_without_unpacking_them(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", "{}")
        with package.open("video-excerpt.mp4", "w") as member:
            for _ in range(64):
                member.write(bytes(1 << 20))
    crowd = tmp_path / "crowd.zip"
    with zipfile.ZipFile(crowd, "w") as package:
        for n in range(verify_export.MAX_MEMBERS + 1):
            package.writestr(f"f{n}.txt", "")

    assert "a zip bomb" in verify_export.verify(bomb).reason
    assert "never has more than" in verify_export.verify(crowd).reason


def test_the_verifier_needs_only_python_3_8_and_its_standard_library() -> None:
    source = Path(verify_export.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source, feature_version=(3, 8))
    imported = {
        alias.name for n in ast.walk(tree) if isinstance(n, ast.Import) for alias in n.names
    }
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}


# -- hostile text ------------------------------------------------------------------------------


def test_hostile_case_text_and_labels_never_reach_a_path(assets: Assets, tmp_path: Path) -> None:
    hostile = "../../etc/\u202egpj.exe\x00\n\u200b" + "x" * 5000 + "\ud800"
    case = dataclasses.replace(CASE, case_id=hostile, sku="/root/.ssh", opened_by="\x1b[31m")
    clip = dataclasses.replace(
        assets.clip, chapters=[(at, kind, hostile) for at, kind, _label in CHAPTERS]
    )
    photos = [dataclasses.replace(assets.photos[0], kind="../\u202e" + hostile)]

    result, manifest = build(
        assets, tmp_path, platform("shopee"), case=case, clip=clip, photos=photos
    )

    names = zipfile.ZipFile(result.path).namelist()
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}", name) for name in names), names
    assert "photo-01-etc-gpj-exe-xxxxxxxxxxxx.jpg" in names
    raw = zipfile.ZipFile(result.path).read("manifest.json")
    for hidden in ("\u202e", "\u200b", "\x00", "\x1b", "\n\u202e"):
        assert hidden.encode("utf-8", "surrogatepass") not in raw
    assert manifest["case"]["case_id"] == hostile
    assert manifest["case"]["opened_by"] == "\x1b[31m"
    (video,) = entry(manifest, "video")
    assert video["ranges"][0]["chapters"][0]["label"] == hostile
    assert verify_export.verify(result.path).ok
    name = package_name(case, NOW)
    assert name == "dispute-shopee-etc-gpj-exe-" + "x" * 28 + "-20261120-093000.zip"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["package.zip"]  # no leftovers


def test_a_package_without_a_clip_holds_the_photos_and_the_statement(
    assets: Assets, tmp_path: Path
) -> None:
    result, manifest = build(assets, tmp_path, platform("wechat"), clip=None)

    assert [f["role"] for f in manifest["files"]] == ["statement", "photo", "photo", "photo"]
    assert verify_export.verify(result.path).ok
    assert result.path.stat().st_size == result.size

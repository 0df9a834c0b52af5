"""Exports of a filed clip for a platform: the original byte for byte, or an excerpt around
chapters within a platform's limits, each with a manifest that checks it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import av
import pytest

from station import app
from station.evidence.video.chapters import ChapterKind
from station.evidence.video.export import (
    SHOPEE,
    TAOBAO,
    ExportRefused,
    PlatformLimit,
    export_excerpt,
    export_original,
    verify_export,
)
from station.evidence.video.recorder import ClipStart, RecordingSettings, new_clip_id
from station.evidence.video.records import ClipView, clip_by_id, clips
from station.evidence.video.service import mark_purged
from station.protocol.enums import Role
from station.store.types import utcnow
from tests.conftest import make_settings
from tests.evidence.video.rig import BENCH, Rig, band_codes, scene

PARCEL = "SF1234567890123"
# a 45 s take: the scan after 3 s of pre-roll, then what the inspector did
TAKE_S = 42.0
STEPS = (
    (8.0, ChapterKind.ANSWER, "外观 look: ok"),
    (20.0, ChapterKind.PHOTO, "damage"),
    (38.0, ChapterKind.VERDICT, "A 退款 refund"),
)


def film_take(
    station: app.Station,
    *,
    seconds: float,
    steps: tuple[tuple[float, ChapterKind, str], ...],
    settings: RecordingSettings = BENCH,
) -> ClipView:
    """Record and file one take: ``seconds`` after the scan, a chapter at each step's time."""
    clock = [1000.0]
    rig = Rig(station.db, station.paths.clips, clock=clock, settings=settings)
    size = (settings.width, settings.height)

    def film(span: float) -> None:  # the rig's camera, at the recording's own size
        for _ in range(round(span * settings.fps)):
            clock[0] += 1 / settings.fps
            rig.frames += 1
            rig.recorder.process((scene(rig.frames, *size), clock[0]))

    film(3)
    rig.recorder.start(
        ClipStart(clip_id=new_clip_id(), parcel=PARCEL, at=clock[0], station="ST-TEST")
    )
    done = 0.0
    for at, kind, label in steps:
        film(at - done)
        rig.recorder.chapter(kind, label)
        done = at
    film(seconds - done)
    rig.recorder.stop("completed")
    film(0.2)
    rig.settle()
    rig.recorder.close()
    return station.db.run(lambda s: clips(s))[0]


@pytest.fixture(scope="module")
def take_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with one filed 45 s take at 1280×720, 10 fps; copied for each test."""
    root = tmp_path_factory.mktemp("take")
    station = app.open_station(make_settings(root))
    app.create_user(station, badge="I7001", name="检验员", role=Role.INSPECTOR, pin="135790")
    film_take(station, seconds=TAKE_S, steps=STEPS)
    station.close()
    return root


@pytest.fixture
def filed(tmp_path: Path, take_template: Path) -> Iterator[tuple[app.Station, ClipView, Path]]:
    data = tmp_path / "data"
    shutil.copytree(take_template, data)
    station = app.open_station(make_settings(data))
    clip = station.db.run(lambda s: clips(s))[0]
    yield station, clip, app.clip_library(station).path_for(clip.sha256)
    station.close()


def probe(path: Path) -> tuple[float, int, tuple[int, int], bool]:
    """What a player finds: seconds, frames decoded, picture size, whether it is faststart."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        seconds = float(stream.duration * stream.time_base)
        frames = list(container.decode(video=0))
    head = path.read_bytes()[:4096]
    faststart = head.find(b"moov") != -1 and head.find(b"moov") < max(head.find(b"mdat"), 0)
    return seconds, len(frames), (frames[0].width, frames[0].height), faststart


def alter(path: Path, at: int) -> None:
    path.chmod(0o600)
    data = bytearray(path.read_bytes())
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))


def test_the_original_is_exported_byte_for_byte_with_a_manifest_that_verifies(
    filed, tmp_path: Path
) -> None:
    _, clip, source = filed
    out = tmp_path / "export"
    result = export_original(clip, source, out, station_id="ST-TEST")
    assert result.path.read_bytes() == source.read_bytes()
    assert sorted(p.name for p in out.iterdir()) == [f"{clip.id}.json", f"{clip.id}.mp4"]
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert manifest["clip"]["id"] == clip.id and manifest["clip"]["parcel"] == PARCEL
    assert manifest["clip"]["station"] == "ST-TEST"
    assert manifest["clip"]["sha256"] == clip.sha256 == manifest["export"]["sha256"]
    assert manifest["clip"]["chain_head"] == clip.chain_head
    assert manifest["clip"]["fragments"] == clip.fragments > 40
    assert manifest["clip"]["duration_ms"] == clip.duration_ms
    assert manifest["tool"]["version"]
    assert [c["label"] for c in manifest["clip"]["chapters"]][1:] == [s[2] for s in STEPS]
    assert verify_export(result.manifest, source) == []
    assert verify_export(result.manifest) == []


def test_a_shopee_excerpt_of_two_chapters_fits_plays_and_verifies(filed, tmp_path: Path) -> None:
    _, clip, source = filed
    seen: list[float] = []
    result = export_excerpt(
        clip, source, tmp_path / "out", chapters=[1, 3], limit=SHOPEE, progress=seen.append
    )
    answer, verdict = clip.chapters[1].at_ms, clip.chapters[3].at_ms
    assert [(r.from_ms, r.to_ms) for r in result.ranges] == [
        (answer - 5000, answer + 10000),
        (verdict - 5000, clip.duration_ms),  # clamped to the end of the take
    ]
    assert [r.chapters for r in result.ranges] == [(1,), (3,)] and not result.cut
    seconds, frames, size, faststart = probe(result.path)
    assert result.size_bytes <= 30 * 1_000_000 and seconds <= 60
    expected = sum(r.length_ms for r in result.ranges) / 1000
    assert abs(seconds - expected) < 0.3 and abs(frames - expected * 10) <= 2
    assert size == (1280, 720) and faststart
    assert seen and seen == sorted(seen) and seen[-1] == 1.0

    # the band survives the re-encode: its code still names the clip and the parcel
    with av.open(str(result.path)) as container:
        frame = next(f for f in container.decode(video=0) if f.time > 1.0)
    codes = band_codes(frame.to_ndarray(format="bgr24"))
    assert codes and codes[0][0] == clip.id and codes[0][2] == PARCEL
    # and its clock shows the second range comes from the verdict's part of the take
    second = result.ranges[1]
    with av.open(str(result.path)) as container:
        at = result.ranges[0].length_ms / 1000 + 2.0  # 2 s into the second range
        frame = next(f for f in container.decode(video=0) if f.time >= at)
    (code,) = band_codes(frame.to_ndarray(format="bgr24"))
    filmed = clip.started_at.timestamp() + (second.from_ms + 2000) / 1000
    assert abs(code[1] - filmed) <= 1

    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert manifest["export"]["sha256"] == result.sha256 != clip.sha256
    assert manifest["ranges"][0]["chapters"][0]["kind"] == "answer"
    assert manifest["ranges"][1]["to_ms"] == clip.duration_ms and manifest["cut"] is False
    assert verify_export(result.manifest, source) == []


def test_a_long_take_is_cut_to_the_limit_and_the_manifest_says_so(
    station: app.Station, tmp_path: Path
) -> None:
    app.create_user(station, badge="I7001", name="检验员", role=Role.INSPECTOR, pin="135790")
    small = RecordingSettings(width=640, height=360, fps=2, preroll_s=3.0)
    steps = tuple((float(t), ChapterKind.ANSWER, f"step {t}") for t in range(15, 170, 20))
    clip = film_take(station, seconds=180, steps=steps, settings=small)
    assert clip.duration_ms > 180_000
    source = app.clip_library(station).path_for(clip.sha256)

    chosen = list(range(1, len(clip.chapters)))  # every step: 8 stretches of 15 s
    result = export_excerpt(clip, source, tmp_path / "out", chapters=chosen, limit=SHOPEE)

    seconds, _, _, _ = probe(result.path)
    assert seconds <= 60 and result.cut and all(r.cut for r in result.ranges)
    # every stretch still shows its chapter, and each was shortened by the same share
    assert [r.chapters for r in result.ranges] == [(i,) for i in chosen]
    shares = [r.length_ms / (r.requested_to_ms - r.requested_from_ms) for r in result.ranges]
    assert max(shares) - min(shares) < 0.001 and max(shares) < 0.5
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert manifest["cut"] is True and "cut from 120.0 s" in manifest["notes"][0]
    assert all(r["requested_to_ms"] - r["requested_from_ms"] == 15000 for r in manifest["ranges"])
    assert verify_export(result.manifest, source) == []


def test_a_tight_limit_scales_the_picture_down_and_still_fits(filed, tmp_path: Path) -> None:
    _, clip, source = filed
    limit = PlatformLimit.custom(max_mb=1.25, max_seconds=30)  # 15 s: under 600 kbit/s
    result = export_excerpt(clip, source, tmp_path / "out", chapters=[2], limit=limit)
    seconds, _, size, _ = probe(result.path)
    assert result.size_bytes <= 1_250_000 and seconds <= 30
    assert size == (854, 480) and result.notes == ("scaled from 1280x720 to 854x480",)
    with av.open(str(result.path)) as container:
        sampled = [f.to_ndarray(format="bgr24") for f in container.decode(video=0)][5::10]
    read = [codes[0] for codes in map(band_codes, sampled) if codes]
    assert len(read) >= len(sampled) // 2 and {r[0] for r in read} == {clip.id}
    assert verify_export(result.manifest, source) == []


def test_an_altered_export_or_original_is_reported(filed, tmp_path: Path) -> None:
    _, clip, source = filed
    result = export_excerpt(clip, source, tmp_path / "out", chapters=[2], limit=SHOPEE)
    copy = export_original(clip, source, tmp_path / "orig")

    alter(result.path, result.size_bytes // 2)
    assert any("altered" in p for p in verify_export(result.manifest, source))

    # a manifest that moves a range away from its chapter no longer matches the original
    manifest = json.loads(copy.manifest.read_text(encoding="utf-8"))
    assert verify_export(copy.manifest, source) == []
    alter(source, clip.size_bytes // 2)
    assert any("original" in p and "altered" in p for p in verify_export(copy.manifest, source))
    assert verify_export(copy.manifest) == []  # the copy itself is still what was exported

    manifest["platform"] = {"max_bytes": "lots"}
    copy.manifest.write_text(json.dumps(manifest), encoding="utf-8")
    assert "malformed" in verify_export(copy.manifest, source.with_name("absent.mp4"))[0]
    manifest["export"]["file"] = "../../etc/passwd"
    copy.manifest.write_text(json.dumps(manifest), encoding="utf-8")
    assert "outside its folder" in verify_export(copy.manifest)[0]
    copy.manifest.write_text("{not json", encoding="utf-8")
    assert "not a readable export manifest" in verify_export(copy.manifest)[0]


def test_a_moved_range_is_caught_against_the_original(filed, tmp_path: Path) -> None:
    _, clip, source = filed
    result = export_excerpt(clip, source, tmp_path / "out", chapters=[2], limit=SHOPEE)
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    manifest["ranges"][0]["from_ms"] += 3000
    manifest["ranges"][0]["to_ms"] += 3000
    manifest["ranges"][0]["chapters"][0]["at_ms"] += 3000
    result.manifest.write_text(json.dumps(manifest), encoding="utf-8")
    assert any("chapter 2 is not where" in p for p in verify_export(result.manifest, source))


def test_an_altered_or_missing_original_is_refused_and_nothing_is_left(
    filed, tmp_path: Path
) -> None:
    _, clip, source = filed
    out = tmp_path / "out"
    alter(source, clip.size_bytes - 100)
    for export in (
        lambda: export_original(clip, source, out),
        lambda: export_excerpt(clip, source, out, chapters=[1], limit=SHOPEE),
    ):
        with pytest.raises(ExportRefused) as refused:
            export()
        assert "altered" in str(refused.value) and "改动" in refused.value.zh
        assert not out.exists() or list(out.iterdir()) == []
    source.unlink()
    with pytest.raises(ExportRefused, match="missing"):
        export_original(clip, source, out)


def test_hostile_requests_are_refused_clearly(filed, tmp_path: Path) -> None:
    _, clip, source = filed
    out = tmp_path / "out"
    with pytest.raises(ExportRefused, match="has no chapter 10: it has 4") as refused:
        export_excerpt(clip, source, out, chapters=[9], limit=SHOPEE)
    assert "没有第 10 个章节" in refused.value.zh
    with pytest.raises(ExportRefused, match="no chapter 0"):
        export_excerpt(clip, source, out, chapters=[-1], limit=SHOPEE)
    with pytest.raises(ExportRefused, match="outside clip"):
        export_excerpt(clip, source, out, around=[(500_000, 600_000)], limit=SHOPEE)
    with pytest.raises(ExportRefused, match="whole original"):
        export_excerpt(clip, source, out, chapters=[1], limit=TAOBAO)
    for mb, seconds in ((0, 60), (-1, 60), (30, 0), (float("nan"), 60)):
        with pytest.raises(ExportRefused, match="No legible export fits"):
            PlatformLimit.custom(max_mb=mb, max_seconds=seconds)
    starved = PlatformLimit.custom(max_mb=0.1, max_seconds=60)
    with pytest.raises(ExportRefused, match="No legible export fits") as refused:
        export_excerpt(clip, source, out, chapters=[1], limit=starved)
    assert "无法导出清晰的视频" in refused.value.zh

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportRefused, match="cannot be written") as refused:
        export_original(clip, source, blocker / "exports")
    assert "无法写入文件夹" in refused.value.zh
    assert not out.exists()


def test_a_purged_clip_is_refused(filed, tmp_path: Path) -> None:
    station, clip, source = filed
    station.db.run(lambda s: mark_purged(s, clip_id=clip.id, at=utcnow() + timedelta(days=200)))
    source.chmod(0o600)
    source.unlink()
    purged = station.db.run(lambda s: clip_by_id(s, clip.id))
    assert purged is not None and purged.purged
    with pytest.raises(ExportRefused, match="deleted at the end of its retention") as refused:
        export_original(purged, source, tmp_path / "out")
    assert "保留期满" in refused.value.zh

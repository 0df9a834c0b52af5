"""``station video``: the clips on record, their exports for a platform, their check, holds."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import av
import pytest

from station import app
from station.cli import main
from station.evidence.video.chapters import ChapterKind
from station.evidence.video.export import verify_export
from station.evidence.video.records import ClipView, clips
from station.protocol.enums import Role
from tests.conftest import make_settings
from tests.evidence.video.test_export import PARCEL, alter, film_take

STEPS = ((6.0, ChapterKind.ANSWER, "外观 ok"), (15.0, ChapterKind.VERDICT, "A 退款"))


@pytest.fixture(scope="module")
def clip_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with one filed 20 s take (1280×720, 10 fps); copied for each test."""
    root = tmp_path_factory.mktemp("clip-data")
    station = app.open_station(make_settings(root))
    app.create_user(station, badge="I7001", name="检验员", role=Role.INSPECTOR, pin="135790")
    film_take(station, seconds=20, steps=STEPS)
    station.close()
    return root


@pytest.fixture
def data(tmp_path: Path, clip_template: Path) -> Path:
    shutil.copytree(clip_template, tmp_path / "data")
    return tmp_path / "data"


def the_clip(data: Path) -> tuple[ClipView, Path]:
    station = app.open_station(make_settings(data))
    try:
        (clip,) = station.db.run(lambda s: clips(s))
        return clip, app.clip_library(station).path_for(clip.sha256)
    finally:
        station.close()


def video(data: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(
        [
            "--data-dir",
            str(data),
            "--config",
            str(data / "none.toml"),
            "--station-id",
            "ST-TEST",
            "video",
            *args,
        ]
    )
    out, err = capsys.readouterr()
    return code, out, err


def test_list_and_show_describe_the_clips(data: Path, capsys) -> None:
    clip, _ = the_clip(data)
    code, out, _ = video(data, capsys, "list")
    assert code == 0
    header, row = out.splitlines()
    assert header.split()[:3] == ["CLIP", "PARCEL", "STARTED"]
    fields = row.split()
    assert fields[0] == clip.id and fields[1] == PARCEL
    assert fields[-4:] == ["completed", "3", "no", "-"]  # ended, chapters, uploaded, hold
    assert float(fields[4]) == pytest.approx(clip.duration_ms / 1000, abs=0.05)

    code, out, _ = video(data, capsys, "list", "--inspection", "no-such-inspection")
    assert code == 0 and out == "no clips\n"

    code, out, _ = video(data, capsys, "show", clip.id)
    lines = out.splitlines()
    assert code == 0 and clip.sha256 in lines[1]
    assert [line.split()[0] for line in lines[2:]] == ["1", "2", "3"]
    assert "answer" in lines[3] and "外观 ok" in lines[3] and "verdict" in lines[4]


def test_export_the_original_then_a_shopee_excerpt(data: Path, capsys, tmp_path: Path) -> None:
    clip, source = the_clip(data)
    out_dir = tmp_path / "for-taobao"
    code, out, err = video(data, capsys, "export", clip.id, "--to", str(out_dir))
    assert code == 0 and err == ""
    written = out_dir / f"{clip.id}.mp4"
    assert f"wrote {written}" in out and written.read_bytes() == source.read_bytes()
    manifest = Path(out.splitlines()[-1].removeprefix("manifest: "))
    assert verify_export(manifest, source) == []

    code, out, err = video(
        data, capsys, "export", clip.id, "--to", str(tmp_path / "shopee"), "--platform", "shopee",
        "--chapters", "2",
    )  # fmt: skip
    assert code == 0, err
    assert err.splitlines()[-1] == "encoding: 100%"  # progress goes to stderr
    assert "range 1:" in out and "chapters 2" in out
    manifest = Path(out.splitlines()[-1].removeprefix("manifest: "))
    facts = json.loads(manifest.read_text(encoding="utf-8"))
    assert facts["platform"]["name"] == "shopee" and facts["clip"]["station"] == "ST-TEST"
    assert facts["export"]["size_bytes"] <= 30_000_000
    with av.open(str(manifest.with_suffix(".mp4"))) as container:
        stream = container.streams.video[0]
        assert float(stream.duration * stream.time_base) == pytest.approx(15.0, abs=0.3)
    assert verify_export(manifest, source) == []

    code, out, _ = video(
        data, capsys, "export", clip.id, "--to", str(tmp_path / "custom"), "--max-seconds", "8",
        "--chapters", "1,2",
    )  # fmt: skip
    assert code == 0 and "(cut)" in out and "note: cut from" in out


def test_export_refuses_hostile_requests_in_both_languages(
    data: Path, capsys, tmp_path: Path
) -> None:
    clip, _ = the_clip(data)
    to = ["--to", str(tmp_path / "out")]
    code, _, err = video(data, capsys, "export", "NOSUCHCLIP", *to)
    assert code == 2 and "no clip 'NOSUCHCLIP'" in err
    code, _, err = video(data, capsys, "export", clip.id, *to, "--platform", "shopee",
                         "--chapters", "9")  # fmt: skip
    assert code == 2 and "没有第 9 个章节" in err and "has no chapter 9: it has 3" in err
    assert err.count("\n") == 1  # one line, no traceback
    code, _, err = video(data, capsys, "export", clip.id, *to, "--chapters", "two")
    assert code == 2 and "chapter numbers" in err
    code, _, err = video(data, capsys, "export", clip.id, *to, "--platform", "taobao",
                         "--chapters", "1")  # fmt: skip
    assert code == 2 and "whole original" in err
    code, _, err = video(data, capsys, "export", clip.id, *to, "--max-mb", "0")
    assert code == 2 and "No legible export fits" in err and "无法导出清晰的视频" in err
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    code, _, err = video(data, capsys, "export", clip.id, "--to", str(blocker))
    assert code == 2 and "cannot be written" in err and "无法写入文件夹" in err
    assert not (tmp_path / "out").exists()


def test_verify_finds_altered_files_and_rows(data: Path, capsys) -> None:
    clip, source = the_clip(data)
    code, out, _ = video(data, capsys, "verify")
    assert code == 0 and out.splitlines() == [
        f"{clip.id}: intact",
        "1 clip(s): 1 intact, 0 purged, 0 with problems",
    ]

    with sqlite3.connect(data / "station.db") as db:
        db.execute("UPDATE clips SET chain_head = ?, chapters = '[]'", ("0" * 64,))
    code, out, _ = video(data, capsys, "verify", clip.id)
    assert code == 1
    assert "fragment chain does not end at the recorded head" in out
    assert "chapters box differs" in out

    alter(source, clip.size_bytes // 3)
    code, out, _ = video(data, capsys, "verify", clip.id)
    assert code == 1 and f"{clip.id}: FAILED: altered" in out
    source.unlink()
    code, out, _ = video(data, capsys, "verify")
    assert code == 1 and "file missing" in out

    with sqlite3.connect(data / "station.db") as db:
        db.execute("UPDATE clips SET purged_at = '2027-06-01 00:00:00.000000'")
    code, out, _ = video(data, capsys, "verify")
    assert code == 0 and "purged after its retention" in out
    code, _, err = video(data, capsys, "verify", "NOSUCHCLIP")
    assert code == 2 and "no clip" in err


def test_hold_and_release(data: Path, capsys) -> None:
    clip, _ = the_clip(data)
    code, out, _ = video(data, capsys, "hold", clip.id, "--reason", "Shopee 争议 #8812")
    assert code == 0 and "on hold (Shopee 争议 #8812)" in out
    _, out, _ = video(data, capsys, "list")
    assert out.splitlines()[1].endswith("Shopee 争议 #8812")
    assert the_clip(data)[0].hold == "Shopee 争议 #8812"

    code, out, _ = video(data, capsys, "hold", clip.id, "--release")
    assert code == 0 and "hold released" in out and the_clip(data)[0].hold == ""

    code, _, err = video(data, capsys, "hold", clip.id, "--reason", "   ")
    assert code == 2 and "--reason must say why" in err
    code, _, err = video(data, capsys, "hold", "NOSUCHCLIP", "--reason", "x")
    assert code == 2 and "no clip" in err
    for hostile, said in [
        ("claim \x1b[2J#9", "control or direction"),  # it cleared the terminal of `video list`
        ("claim \u202e9988", "control or direction"),
        ("central dispute JD-1", "cannot start with 'central dispute'"),  # central would lift it
        ("x" * 201, "longer than 200"),
    ]:
        code, _, err = video(data, capsys, "hold", clip.id, "--reason", hostile)
        assert code == 2 and said in err, err
    assert the_clip(data)[0].hold == ""
    with pytest.raises(SystemExit) as usage:
        video(data, capsys, "hold", clip.id)
    assert usage.value.code == 2

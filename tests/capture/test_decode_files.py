from __future__ import annotations

import io
import json
import os
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from station.capture.decode_files import EXIT_BAD_FILE, EXIT_NO_CODE, EXIT_OK, run
from station.demo.video import barcode_bitmap

RMA = "RMA20261120000123"


def label_png(path: Path, fmt: str = "PNG") -> Path:
    page = np.full((600, 900), 240, np.uint8)
    bars = barcode_bitmap("code128", RMA, module_px=3)
    qr = barcode_bitmap("qr", "SF1402318765432", module_px=6)
    page[40 : 40 + bars.shape[0], 40 : 40 + bars.shape[1]] = bars
    page[300 : 300 + qr.shape[0], 600 : 600 + qr.shape[1]] = qr
    Image.fromarray(page).save(path, fmt)
    return path


def png(width: int, height: int, pixels: bytes) -> bytes:
    """A greyscale PNG whose header says ``width`` x ``height``, whatever the pixels are."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def decode(*paths: str | Path, backend: str = "pipeline") -> tuple[int, list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    status = run([str(p) for p in paths], out, err, backend=backend)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    return status, lines, err.getvalue()


@pytest.mark.parametrize("backend", ["pipeline", "zxing", "pyzbar"])
def test_every_code_in_an_image_is_one_json_line(tmp_path: Path, backend: str) -> None:
    image = label_png(tmp_path / "label.png")
    status, lines, err = decode(image, backend=backend)
    assert status == EXIT_OK and err == ""
    assert sorted((r["symbology"], r["text"]) for r in lines) == [
        ("code128", RMA),
        ("qr", "SF1402318765432"),
    ]
    for record in lines:
        assert record["file"] == str(image)
        assert len(record["corners"]) == 4 and all(len(p) == 2 for p in record["corners"])
        assert record["ms"] >= 0 and record["backend"] in ("zxing", "pyzbar")


def test_jpeg_and_bmp_photos_are_read(tmp_path: Path) -> None:
    status, lines, _ = decode(
        label_png(tmp_path / "a.jpg", "JPEG"), label_png(tmp_path / "b.bmp", "BMP")
    )
    assert status == EXIT_OK
    assert {(Path(r["file"]).name, r["text"]) for r in lines} >= {("a.jpg", RMA), ("b.bmp", RMA)}


def test_an_image_without_a_code_says_so_on_stderr(tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    Image.new("L", (320, 240), 200).save(blank)
    status, lines, err = decode(blank)
    assert (status, lines) == (EXIT_NO_CODE, [])
    assert "blank.png: no code found" in err


def hostile_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (file, what the error must say)."""
    (tmp / "folder.png").mkdir()
    (tmp / "empty.png").write_bytes(b"")
    (tmp / "notes.png").write_text("这不是图片 not an image\n", encoding="utf-8")
    whole = label_png(tmp / "whole.png").read_bytes()
    (tmp / "truncated.png").write_bytes(whole[: len(whole) // 2])
    (tmp / "lying.png").write_bytes(png(200, 200, b"\x00" * 10))  # pixels for far less
    (tmp / "bomb.png").write_bytes(png(60_000, 60_000, b"\x00" * 100))  # 3.6 gigapixels
    return {
        "missing": (tmp / "missing.png", "no such file"),
        "directory": (tmp / "folder.png", "is a directory"),
        "zero bytes": (tmp / "empty.png", "empty file"),
        "text": (tmp / "notes.png", "not an image"),
        "truncated": (tmp / "truncated.png", "truncated or corrupt"),
        "lying header": (tmp / "lying.png", "truncated or corrupt"),
        "bomb": (tmp / "bomb.png", "image too large"),
    }


def test_hostile_files_get_a_clear_error_line_each_and_no_traceback(tmp_path: Path) -> None:
    cases = hostile_files(tmp_path)
    status, lines, err = decode(*(path for path, _ in cases.values()))
    assert status == EXIT_BAD_FILE
    assert [r["file"] for r in lines] == [str(path) for path, _ in cases.values()]
    for (path, reason), record in zip(cases.values(), lines, strict=True):
        assert set(record) == {"file", "error"}
        assert reason in record["error"], (path.name, record["error"])
        assert f"station decode: {path}: " in err
    assert "Traceback" not in err


def test_a_real_200_megapixel_image_is_refused_from_its_header(tmp_path: Path) -> None:
    huge = tmp_path / "huge.png"
    Image.new("1", (20_000, 10_000), 1).save(huge)  # 200 Mpx of white: small on disk
    assert huge.stat().st_size < 2_000_000
    status, lines, _ = decode(huge)
    assert status == EXIT_BAD_FILE
    assert "image too large (limit 24 megapixels, this one is 200 megapixels)" in lines[0]["error"]


def test_an_image_just_over_the_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    Image.new("1", (8_000, 7_000), 1).save(big)  # 56 Mpx: below Pillow's own alarm
    status, lines, _ = decode(big)
    assert status == EXIT_BAD_FILE
    assert "this one is 8000x7000" in lines[0]["error"]


def test_good_files_still_decode_next_to_bad_ones(tmp_path: Path) -> None:
    good = label_png(tmp_path / "good.png")
    status, lines, _ = decode(tmp_path / "missing.png", good)
    assert status == EXIT_BAD_FILE
    assert "error" in lines[0]
    assert {r["text"] for r in lines[1:]} == {RMA, "SF1402318765432"}


def test_control_characters_and_undecodable_bytes_in_names_stay_harmless(
    tmp_path: Path,
) -> None:
    odd = tmp_path / "scan\n\x1b[31mred\x07.png"
    label_png(odd)
    raw = os.fsencode(tmp_path) + b"/\xff\xfe-latin1.png"
    Path(os.fsdecode(raw)).write_bytes(odd.read_bytes())
    out, err = io.StringIO(), io.StringIO()
    status = run([str(odd), os.fsdecode(raw), str(tmp_path / "gone\r\n.png")], out, err)
    assert status == EXIT_BAD_FILE
    for line in out.getvalue().splitlines():
        record = json.loads(line)
        assert not any(ord(ch) < 32 for ch in record["file"])
    message = err.getvalue()
    assert "\x1b" not in message and "\x07" not in message
    assert len(message.strip().splitlines()) == 1  # one message, not split by the name's newline
    out.getvalue().encode("utf-8")  # nothing unencodable reaches the stream


def test_bad_invocations(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run([], out, err) == EXIT_BAD_FILE and "no image files" in err.getvalue()
    err = io.StringIO()
    assert run([str(tmp_path)], out, err, backend="opencv") == EXIT_BAD_FILE
    assert "unknown backend 'opencv'" in err.getvalue()
    assert out.getvalue() == ""


def test_tiny_images_are_an_error_not_a_crash(tmp_path: Path) -> None:
    dot = tmp_path / "dot.png"
    Image.new("L", (3, 3), 0).save(dot)
    status, lines, _ = decode(dot)
    assert status == EXIT_BAD_FILE and "too small" in lines[0]["error"]


def phone_photo(path: Path, symbology: str, text: str, module_px: int) -> Path:
    """A 7-megapixel phone photo held upright, of a code printed light on a dark box, stored
    as phones store it: the sensor's pixels on their side, and an EXIF tag saying to turn them
    (orientation 6). The code lies in the top third of the picture as seen."""
    rng = np.random.default_rng(4)
    upright = np.clip(rng.normal(45, 6, (3024, 2268)), 0, 255).astype(np.uint8)  # dark box
    code = barcode_bitmap(symbology, text, module_px)
    if symbology == "code128":
        code = np.repeat(code[:1], code.shape[1] // 3, axis=0)  # a printed code's height
    h, w = code.shape
    upright[500 : 500 + h, 400 : 400 + w] = np.where(code > 128, 40, 220)  # light print
    stored = np.rot90(upright, 1)  # the sensor's rows: the phone was held on its side
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.fromarray(np.ascontiguousarray(stored)).save(path, "JPEG", quality=90, exif=exif)
    return path


@pytest.mark.parametrize(
    ("symbology", "text", "module_px"),
    [("qr", "https://returns.example.cn/r/" + RMA, 24), ("code128", RMA, 9)],
)
def test_a_phone_photo_of_light_print_is_read_where_it_is_seen(
    tmp_path: Path, symbology: str, text: str, module_px: int
) -> None:
    photo = phone_photo(tmp_path / "IMG_0001.jpg", symbology, text, module_px)
    status, lines, _ = decode(photo)
    assert status == EXIT_OK
    assert [r["text"] for r in lines] == [text]
    xs, ys = zip(*lines[0]["corners"], strict=True)
    assert max(xs) < 2268 and max(ys) < 1500  # in the upright picture, where the code is

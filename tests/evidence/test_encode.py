from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from PIL import Image

from station.evidence.encode import (
    DEFAULT_QUALITY,
    MAX_FILE_BYTES,
    check_frame,
    decode_jpeg,
    encode_jpeg,
    load_image_bytes,
    load_image_file,
)
from station.evidence.errors import ImageRejected
from tests.evidence.conftest import LABEL_CODE, textured_frame


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body))
        + kind
        + body
        + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    )


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width × height`` pixels, with no pixel data at all."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IEND", b"")


def png_bomb(width: int, height: int) -> bytes:
    """A real, valid grey PNG of ``width × height`` black pixels: a few kilobytes that
    would take width × height bytes to decode. Compressed row by row to stay cheap."""
    packer = zlib.compressobj(9)
    row = b"\x00" * (width + 1)  # filter byte + pixels
    parts = [packer.compress(row) for _ in range(height)]
    data = b"".join(parts) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


def test_a_1080p_photo_fits_the_budget_and_its_label_still_reads() -> None:
    frame = textured_frame(1920, 1080, seed=3)
    encoded = encode_jpeg(frame)
    assert DEFAULT_QUALITY == 85
    assert encoded.data[:3] == b"\xff\xd8\xff"
    assert (encoded.width, encoded.height) == (1920, 1080)
    assert len(encoded.data) <= 400 * 1024
    decoded = decode_jpeg(encoded.data)
    assert decoded.shape == frame.shape
    assert [b.text for b in zxingcpp.read_barcodes(decoded)] == [LABEL_CODE]


def test_encoding_is_deterministic() -> None:
    frame = textured_frame(seed=1)
    assert encode_jpeg(frame).data == encode_jpeg(frame).data


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (np.zeros((480, 640, 3), np.float32), "8-bit"),
        (np.zeros((480, 640, 4), np.uint8), "8-bit"),
        (np.zeros((8, 8, 3), np.uint8), "too small"),
        (np.broadcast_to(np.uint8(0), (10_000, 8_000, 3)), "too large"),  # no memory used
        ("not a frame", "image array"),
    ],
)
def test_unusable_frames_are_refused(frame: object, message: str) -> None:
    with pytest.raises(ImageRejected, match=message):
        check_frame(frame)


def test_an_imported_photo_is_decoded_upright(tmp_path: Path) -> None:
    frame = textured_frame(320, 240)
    image = Image.fromarray(frame[:, :, ::-1])
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view": how phones store portrait shots
    path = tmp_path / "phone.jpg"
    image.save(path, "JPEG", exif=exif)
    loaded = load_image_file(path)
    assert loaded.shape == (320, 240, 3) and loaded.dtype == np.uint8
    png = tmp_path / "scan.PNG"
    cv2.imwrite(str(png), frame)
    assert np.array_equal(load_image_file(png), frame)


def test_a_truncated_jpeg_is_refused_as_damaged(tmp_path: Path) -> None:
    data = encode_jpeg(textured_frame()).data
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImageRejected, match=r"cut\.jpg is damaged or incomplete") as caught:
        load_image_file(path)
    assert "已损坏" in caught.value.message("zh_CN")


@pytest.mark.parametrize(
    "content",
    [
        b"Invoice 2026-11-20\n total 159.00\n",
        b"",
        b"\x00" * 4096,
        b"\xff\xd8\xff\xe0" + b"\x00" * 16,  # a JPEG signature and nothing else
        b"%PDF-1.7\n",
    ],
)
def test_a_file_that_is_not_an_image_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(content)
    with pytest.raises(ImageRejected, match=r"photo\.jpg"):
        load_image_file(path)


def test_a_header_claiming_200_megapixels_is_refused_before_decoding() -> None:
    data = png_header_only(20_000, 10_000)
    assert len(data) < 100
    with pytest.raises(ImageRejected, match=r"huge\.png is too large") as caught:
        load_image_bytes(data, name="huge.png")
    assert "damaged" not in str(caught.value)  # it never got as far as the (absent) pixels


@pytest.mark.parametrize(("width", "height"), [(8_000, 7_000), (10_000, 9_000)])
def test_a_decompression_bomb_is_refused(width: int, height: int) -> None:
    # 56 MP is over the station's limit only; 90 MP over Pillow's own warning limit too.
    data = png_bomb(width, height)
    assert len(data) < 200_000  # tens of megapixels in a small file
    with pytest.raises(ImageRejected, match=r"bomb\.png is too large") as caught:
        load_image_bytes(data, name="bomb.png")
    assert f"{width}×{height}" in str(caught.value)
    assert "上限 24" in caught.value.message("zh_CN")


def test_a_file_too_large_in_bytes_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.jpg"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    with pytest.raises(ImageRejected, match=r"huge\.jpg is too large"):
        load_image_file(path)


def test_missing_files_and_folders_are_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(ImageRejected, match="does not exist"):
        load_image_file(tmp_path / "gone.jpg")
    (tmp_path / "folder.jpg").mkdir()
    with pytest.raises(ImageRejected, match="not an image"):
        load_image_file(tmp_path / "folder.jpg")


def test_an_animated_or_palette_image_gives_its_first_frame_in_colour() -> None:
    frames = [Image.new("P", (40, 30), colour) for colour in (1, 2)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "PNG", save_all=True, append_images=frames[1:])
    loaded = load_image_bytes(buffer.getvalue())
    assert loaded.shape == (30, 40, 3)

from __future__ import annotations

import re

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from station.printing.barcodes import (
    BarcodeError,
    check_code128,
    check_qr,
    code128_runs,
    module_dots,
    qr_matrix,
)


@pytest.mark.parametrize(
    "payload,reason",
    [
        ("", "empty"),
        ("A" * 49, "49 characters, at most 48"),
        ("标签", "only printable ASCII, found U+6807"),
        ("AB\x00", "only printable ASCII, found U+0000"),
        ("tab\there", "found U+0009"),
    ],
)
def test_code128_refuses_what_it_cannot_carry(payload: str, reason: str) -> None:
    with pytest.raises(BarcodeError, match=re.escape(reason)):
        check_code128(payload)


def test_qr_is_bounded_in_bytes_not_characters() -> None:
    check_qr("无" * 133)  # 399 bytes
    with pytest.raises(BarcodeError, match="402 bytes, at most 400"):
        check_qr("无" * 134)
    with pytest.raises(BarcodeError, match="empty"):
        check_qr("")


def test_digits_pack_two_to_a_code128_symbol() -> None:
    # 26 digits: start C + 13 symbols + check = 15 × 11 modules, plus the 13-module stop
    assert sum(code128_runs("17636283004110482957316450")) == 15 * 11 + 13
    assert len(code128_runs("17636283004110482957316450")) % 2 == 1  # starts and ends with a bar


def _draw(matrix: tuple[tuple[bool, ...], ...], scale: int = 4) -> Image.Image:
    size = (len(matrix) + 8) * scale
    image = Image.new("L", (size, size), 255)
    draw = ImageDraw.Draw(image)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                x, y = (c + 4) * scale, (r + 4) * scale
                draw.rectangle([x, y, x + scale - 1, y + scale - 1], fill=0)
    return image


@pytest.mark.parametrize("payload", ["SF1402318765432", "无头件 ^XA~JR", "]C1\x1d0106901234567892"])
def test_the_qr_matrix_reads_back_as_its_payload(payload: str) -> None:
    found = zxingcpp.read_barcodes(_draw(qr_matrix(payload).dark))
    assert [r.bytes.decode("utf-8") for r in found] == [payload]


def test_modules_are_whole_dots_as_wide_as_fit() -> None:
    assert module_dots(198, 456) == 2
    assert module_dots(198, 800) == 4
    with pytest.raises(BarcodeError, match="needs 198 dots"):
        module_dots(198, 150)

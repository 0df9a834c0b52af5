from __future__ import annotations

import numpy as np
import pytest

from station.capture.decoders import (
    DEFAULT_SYMBOLOGIES,
    Decoded,
    DecoderError,
    PyzbarDecoder,
    ZxingDecoder,
    make_decoder,
)
from station.demo.video import barcode_bitmap

CODES = {
    "code128": "RMA20261120000123",
    "code39": "SN48219374",
    "ean13": "6901234567892",
    "ean8": "96385074",
    "upca": "036000291452",
    "itf": "16901234567894",
    "qr": "RMA20261120000123",
    "datamatrix": "SN4821937465",
}


def on_page(bitmap: np.ndarray, size: tuple[int, int] = (720, 1280)) -> np.ndarray:
    """A printed code in the middle of a light-grey page."""
    page = np.full(size, 235, np.uint8)
    h, w = bitmap.shape
    y, x = (size[0] - h) // 2, (size[1] - w) // 2
    page[y : y + h, x : x + w] = bitmap
    return page


@pytest.mark.parametrize("symbology", sorted(CODES))
def test_zxing_reads_every_symbology_under_one_name(symbology: str) -> None:
    page = on_page(barcode_bitmap(symbology, CODES[symbology], module_px=3))
    found = ZxingDecoder().decode(page)
    assert [(d.symbology, d.text, d.backend) for d in found] == [
        (symbology, CODES[symbology], "zxing")
    ]


@pytest.mark.parametrize("symbology", sorted(set(CODES) - {"datamatrix"}))
def test_pyzbar_reads_the_same_names_and_texts(symbology: str) -> None:
    page = on_page(barcode_bitmap(symbology, CODES[symbology], module_px=3))
    found = PyzbarDecoder().decode(page)
    assert [(d.symbology, d.text, d.backend) for d in found] == [
        (symbology, CODES[symbology], "pyzbar")
    ]


def test_pyzbar_cannot_read_datamatrix_and_says_nothing() -> None:
    page = on_page(barcode_bitmap("datamatrix", CODES["datamatrix"], module_px=4))
    assert PyzbarDecoder().decode(page) == []
    assert "datamatrix" not in PyzbarDecoder().symbologies


def test_upca_is_twelve_digits_from_both_backends_even_when_only_ean13_is_asked() -> None:
    page = on_page(barcode_bitmap("upca", "036000291452", module_px=3))
    for decoder in (ZxingDecoder({"ean13"}), PyzbarDecoder({"ean13"})):
        assert [(d.symbology, d.text) for d in decoder.decode(page)] == [("ean13", "0036000291452")]


def test_corners_surround_the_code() -> None:
    bitmap = barcode_bitmap("code128", CODES["code128"], module_px=3)
    page = on_page(bitmap)
    h, w = bitmap.shape
    top, left = (720 - h) // 2, (1280 - w) // 2
    for decoder in (ZxingDecoder(), PyzbarDecoder()):
        (code,) = decoder.decode(page)
        assert len(code.corners) == 4
        xs = [x for x, _ in code.corners]
        ys = [y for _, y in code.corners]
        assert left - 2 <= min(xs) and max(xs) <= left + w + 2
        assert top - 2 <= min(ys) and max(ys) <= top + h + 2
        assert max(xs) - min(xs) > w * 0.7  # spans the bars, not a point


def test_two_codes_in_one_image_are_both_read() -> None:
    page = np.full((720, 1280), 235, np.uint8)
    a = barcode_bitmap("code128", "SF1402318765432", module_px=3)
    b = barcode_bitmap("qr", "RMA20261120000123", module_px=6)
    page[50 : 50 + a.shape[0], 50 : 50 + a.shape[1]] = a
    page[400 : 400 + b.shape[0], 900 : 900 + b.shape[1]] = b
    for decoder in (ZxingDecoder(), PyzbarDecoder()):
        assert {d.key for d in decoder.decode(page)} == {
            ("code128", "SF1402318765432"),
            ("qr", "RMA20261120000123"),
        }


def test_itf_fragments_are_not_reported_as_codes() -> None:
    # ITF has no start/stop guard worth the name: a short ITF is what a clipped scan line of a
    # longer one looks like, so only ITF-14 counts unless asked otherwise.
    page = on_page(barcode_bitmap("itf", "123456", module_px=3))
    assert ZxingDecoder().decode(page) == []
    assert PyzbarDecoder().decode(page) == []
    assert [d.text for d in ZxingDecoder(itf_lengths={6}).decode(page)] == ["123456"]
    assert [d.text for d in PyzbarDecoder(itf_lengths={6}).decode(page)] == ["123456"]


def test_symbologies_not_asked_for_are_not_reported() -> None:
    page = on_page(barcode_bitmap("qr", "hello", module_px=6))
    assert ZxingDecoder({"code128"}).decode(page) == []
    assert PyzbarDecoder({"code128"}).decode(page) == []


def test_noise_and_blank_images_read_nothing() -> None:
    rng = np.random.default_rng(7)
    noise = rng.integers(0, 256, (480, 640), dtype=np.uint8)
    blank = np.zeros((480, 640), np.uint8)
    for decoder in (ZxingDecoder(), PyzbarDecoder()):
        assert decoder.decode(noise) == []
        assert decoder.decode(blank) == []


@pytest.mark.parametrize(
    "image",
    [
        np.zeros((100, 100, 3), np.uint8),  # colour: the caller converts
        np.zeros((100, 100), np.float32),
        np.zeros((4, 400), np.uint8),  # too small to hold a code
        np.zeros((0, 0), np.uint8),
        np.zeros(100, np.uint8),
    ],
    ids=["colour", "float", "sliver", "empty", "1-d"],
)
def test_bad_images_are_refused_clearly(image: np.ndarray) -> None:
    for decoder in (ZxingDecoder(), PyzbarDecoder()):
        with pytest.raises(DecoderError, match=r"grey image|too small"):
            decoder.decode(image)


def test_non_contiguous_views_are_fine() -> None:
    page = on_page(barcode_bitmap("code128", CODES["code128"], module_px=3))
    wide = np.zeros((720, 2560), np.uint8)
    wide[:, ::2] = page
    view = wide[:, ::2]
    assert not view.flags.c_contiguous
    assert [d.text for d in ZxingDecoder().decode(view)] == [CODES["code128"]]
    assert [d.text for d in PyzbarDecoder().decode(view)] == [CODES["code128"]]


def test_unknown_backends_and_symbologies_are_refused() -> None:
    with pytest.raises(DecoderError, match="unknown decoder backend 'opencv'"):
        make_decoder("opencv")
    with pytest.raises(DecoderError, match="cannot read klingon"):
        ZxingDecoder({"code128", "klingon"})
    with pytest.raises(DecoderError, match="cannot read"):
        PyzbarDecoder({"aztec"})
    with pytest.raises(DecoderError, match="any of the symbologies"):
        PyzbarDecoder({"datamatrix"})
    assert make_decoder("pyzbar").name == "pyzbar"
    assert make_decoder("zxing", DEFAULT_SYMBOLOGIES).name == "zxing"


def test_a_read_is_a_frozen_value() -> None:
    code = Decoded("qr", "x", ((0, 0), (1, 0), (1, 1), (0, 1)), "zxing")
    assert code.key == ("qr", "x")
    with pytest.raises(AttributeError):
        code.text = "y"  # type: ignore[misc]

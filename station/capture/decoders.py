"""Barcode decoders behind one interface: what a backend read, in names that do not depend on it.

Two backends, because neither reads everything: zbar (through pyzbar) is better on long Code128
and motion blur, zxing-cpp on perspective, defocus and DataMatrix (which zbar cannot read). Both
release the GIL while they work, so a decoder may run on any thread; one instance may be shared
by threads (they keep no state between calls).

Symbology names are normalised ("code128", "ean13", "upca", "qr", "datamatrix", ...). A UPC-A
is reported as ``upca`` with its 12 printed digits by both backends (zxing-cpp reports it as an
EAN-13 with a leading zero).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Protocol

import cv2
import numpy as np
import zxingcpp
from pyzbar import pyzbar
from pyzbar.pyzbar import ZBarSymbol

Point = tuple[int, int]

# What the station asks for unless told otherwise: parcel labels (Code128, Code39, ITF on some
# waybills, QR), item codes (EAN/UPC), serial numbers (Code128, DataMatrix).
DEFAULT_SYMBOLOGIES: Final = frozenset(
    {"code128", "code39", "ean13", "ean8", "upca", "itf", "qr", "datamatrix"}
)

_ZXING_FORMATS: Final[dict[str, zxingcpp.BarcodeFormat]] = {
    "code128": zxingcpp.BarcodeFormat.Code128,
    "code39": zxingcpp.BarcodeFormat.Code39,
    "code93": zxingcpp.BarcodeFormat.Code93,
    "codabar": zxingcpp.BarcodeFormat.Codabar,
    "ean13": zxingcpp.BarcodeFormat.EAN13,
    "ean8": zxingcpp.BarcodeFormat.EAN8,
    "upca": zxingcpp.BarcodeFormat.UPCA,
    "upce": zxingcpp.BarcodeFormat.UPCE,
    "itf": zxingcpp.BarcodeFormat.ITF,
    "qr": zxingcpp.BarcodeFormat.QRCode,
    "datamatrix": zxingcpp.BarcodeFormat.DataMatrix,
    "pdf417": zxingcpp.BarcodeFormat.PDF417,
    "aztec": zxingcpp.BarcodeFormat.Aztec,
}
_ZXING_NAMES: Final = {
    "Code128": "code128",
    "Code39": "code39",
    "Code39Std": "code39",
    "Code39Ext": "code39",
    "Code93": "code93",
    "Codabar": "codabar",
    "EAN13": "ean13",
    "EAN8": "ean8",
    "UPCA": "upca",
    "UPCE": "upce",
    "ITF": "itf",
    "ITF14": "itf",
    "QRCode": "qr",
    "QRCodeModel2": "qr",
    "DataMatrix": "datamatrix",
    "PDF417": "pdf417",
    "Aztec": "aztec",
    "AztecCode": "aztec",
}
_ZBAR_SYMBOLS: Final[dict[str, ZBarSymbol]] = {
    "code128": ZBarSymbol.CODE128,
    "code39": ZBarSymbol.CODE39,
    "code93": ZBarSymbol.CODE93,
    "codabar": ZBarSymbol.CODABAR,
    "ean13": ZBarSymbol.EAN13,
    "ean8": ZBarSymbol.EAN8,
    "upca": ZBarSymbol.UPCA,
    "upce": ZBarSymbol.UPCE,
    "itf": ZBarSymbol.I25,
    "qr": ZBarSymbol.QRCODE,
}
_ZBAR_NAMES: Final = {symbol.name: name for name, symbol in _ZBAR_SYMBOLS.items()}

BACKENDS: Final = ("zxing", "pyzbar")
# ITF has no start/stop robustness: a scan line that clips the code reads a shorter, wrong
# number. Logistics ITF is ITF-14 (a carton's GTIN-14), so only that length counts by default.
ITF_LENGTHS: Final = frozenset({14})


class DecoderError(ValueError):
    """A decoder was asked for something it cannot do (unknown backend, bad image)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """One code read from an image; ``corners`` are four (x, y) points in image pixels."""

    symbology: str
    text: str
    corners: tuple[Point, ...]
    backend: str

    @property
    def key(self) -> tuple[str, str]:
        """What makes two reads the same code, whichever backend read it."""
        return (self.symbology, self.text)


class Decoder(Protocol):
    name: str

    def decode(self, gray: np.ndarray) -> list[Decoded]:
        """Every code found in an 8-bit single-channel image."""
        ...


def check_gray(gray: np.ndarray) -> np.ndarray:
    """``gray`` as a C-contiguous 2-D uint8 array, or :class:`DecoderError`."""
    if not isinstance(gray, np.ndarray) or gray.ndim != 2 or gray.dtype != np.uint8:
        shape = getattr(gray, "shape", None)
        dtype = getattr(gray, "dtype", None)
        raise DecoderError(f"expected a 2-D uint8 grey image, got shape {shape} dtype {dtype}")
    if gray.shape[0] < 8 or gray.shape[1] < 8:
        raise DecoderError(f"image too small to hold a code: {gray.shape[1]}x{gray.shape[0]}")
    return np.ascontiguousarray(gray)


def _check_symbologies(symbologies: Iterable[str], known: Iterable[str], backend: str) -> None:
    unknown = sorted(set(symbologies) - set(known))
    if unknown:
        raise DecoderError(f"{backend} cannot read {', '.join(unknown)}")


def _plausible(symbology: str, text: str, itf_lengths: frozenset[int]) -> bool:
    return bool(text) and (symbology != "itf" or len(text) in itf_lengths)


def _upca(symbology: str, text: str) -> tuple[str, str]:
    # zxing-cpp reads a UPC-A as the EAN-13 with a leading zero; report the 12 printed digits.
    if symbology in ("ean13", "upca") and len(text) == 13 and text.startswith("0"):
        return "upca", text[1:]
    return symbology, text


class ZxingDecoder:
    """zxing-cpp; reads DataMatrix too. ``try_invert`` finds light-on-dark codes at extra cost."""

    name = "zxing"

    def __init__(
        self,
        symbologies: Iterable[str] = DEFAULT_SYMBOLOGIES,
        *,
        try_rotate: bool = True,
        try_downscale: bool = True,
        try_invert: bool = False,
        itf_lengths: Iterable[int] = ITF_LENGTHS,
    ) -> None:
        wanted = frozenset(symbologies)
        _check_symbologies(wanted, _ZXING_FORMATS, "zxing-cpp")
        self.symbologies = wanted
        self.itf_lengths = frozenset(itf_lengths)
        self._formats = zxingcpp.BarcodeFormats([_ZXING_FORMATS[n] for n in sorted(wanted)])
        self._try_rotate, self._try_downscale, self._try_invert = (
            try_rotate,
            try_downscale,
            try_invert,
        )

    def decode(self, gray: np.ndarray) -> list[Decoded]:
        image = check_gray(gray)
        found = zxingcpp.read_barcodes(
            image,
            formats=self._formats,
            try_rotate=self._try_rotate,
            try_downscale=self._try_downscale,
            try_invert=self._try_invert,
            text_mode=zxingcpp.TextMode.Plain,
        )
        out: list[Decoded] = []
        for barcode in found:
            symbology = _ZXING_NAMES.get(barcode.format.name, barcode.format.name.lower())
            symbology, text = _upca(symbology, barcode.text)
            if symbology == "upca" and "upca" not in self.symbologies:
                symbology = "ean13"
                text = barcode.text
            if symbology not in self.symbologies or not _plausible(
                symbology, text, self.itf_lengths
            ):
                continue
            pos = barcode.position
            corners = tuple(
                (int(p.x), int(p.y))
                for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
            )
            out.append(Decoded(symbology, text, corners, self.name))
        return out


class PyzbarDecoder:
    """zbar through pyzbar; strong on long Code128 and motion blur, no DataMatrix."""

    name = "pyzbar"

    def __init__(
        self,
        symbologies: Iterable[str] = DEFAULT_SYMBOLOGIES,
        *,
        itf_lengths: Iterable[int] = ITF_LENGTHS,
    ) -> None:
        # DataMatrix is asked for by default but zbar has no reader for it: drop it quietly,
        # refuse only names zbar has never heard of.
        wanted = frozenset(symbologies) - {"datamatrix"}
        _check_symbologies(wanted, _ZBAR_SYMBOLS, "pyzbar")
        if not wanted:
            raise DecoderError("pyzbar cannot read any of the symbologies asked for")
        self.symbologies = wanted
        self.itf_lengths = frozenset(itf_lengths)
        self._symbols = [_ZBAR_SYMBOLS[name] for name in sorted(wanted)]
        if "upca" not in wanted and "ean13" in wanted:
            self._symbols.append(ZBarSymbol.UPCA)  # else zbar drops UPC-A read as EAN-13

    def decode(self, gray: np.ndarray) -> list[Decoded]:
        image = check_gray(gray)
        out: list[Decoded] = []
        for symbol in pyzbar.decode(image, symbols=self._symbols):
            symbology = _ZBAR_NAMES.get(symbol.type, str(symbol.type).lower())
            text = symbol.data.decode("utf-8", errors="replace")
            if symbology == "upca" and "upca" not in self.symbologies:
                symbology, text = "ean13", "0" + text
            if symbology not in self.symbologies or not _plausible(
                symbology, text, self.itf_lengths
            ):
                continue
            out.append(Decoded(symbology, text, _quad(symbol.polygon), self.name))
        return out


def _quad(polygon: Iterable[tuple[int, int]]) -> tuple[Point, ...]:
    points = np.array([(int(x), int(y)) for x, y in polygon], dtype=np.float32).reshape(-1, 2)
    if len(points) == 4:
        return tuple((int(x), int(y)) for x, y in points)
    if len(points) < 3:  # a single scan line: widen to a thin box so there is something to draw
        points = np.vstack([points, points + np.float32(1)]).astype(np.float32)
    box = cv2.boxPoints(cv2.minAreaRect(points))
    return tuple((round(float(x)), round(float(y))) for x, y in box)


def make_decoder(backend: str, symbologies: Iterable[str] = DEFAULT_SYMBOLOGIES) -> Decoder:
    """A decoder by backend name: ``"zxing"`` or ``"pyzbar"``."""
    if backend == "zxing":
        return ZxingDecoder(symbologies)
    if backend == "pyzbar":
        return PyzbarDecoder(symbologies)
    raise DecoderError(f"unknown decoder backend {backend!r} (choose from {', '.join(BACKENDS)})")

"""The band burned into every frame of a clip: who, what, where and when, and a 2D code.

A platform re-encodes an uploaded clip (480p is common), so the band is sized from the frame's
height (about a seventh of it) and drawn as dark text on white: legible after that, and
placed at the top or the bottom so it never covers the middle of the bench where the item is.
Its QR code carries the clip id, the parcel code and the frame's time to the second
(``RSCLIP1:clip:unix seconds:parcel``), so any frame, even a reviewer's screenshot, leads back
to the clip and its hash. The code changes every second, and a busy picture leaves the encoder
few bits for it: its modules are three pixels wide at 720p, which keeps it readable where two
pixels fail on one frame in three. For that it must stay a version 3 code: the payload is
written in QR's alphanumeric alphabet (upper case, digits, ``:``), the parcel is cut to 24
characters, and the code uses the low error-correction level (the band is not damaged in
place; it is blurred, which bigger modules answer better than more redundancy).

The band is drawn once a second (the clock is to the second) in BGR with the station's CJK
font, converted to the encoder's YUV 4:2:0 planes, and copied into each frame's planes: a frame
costs three slice copies, not a text render.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Literal

import cv2
import numpy as np
import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from station.domain.text import BAD_CHARS
from station.fonts import find_font

Position = Literal["top", "bottom"]
QR_PREFIX: Final = "RSCLIP1"
QR_PARCEL_CHARS: Final = 24  # bytes: with the rest, a version 3 code in its alphanumeric mode
FIELD_CHARS: Final = 48  # a field longer than this is cut with an ellipsis


def shown(raw: object, limit: int = FIELD_CHARS) -> str:
    """``raw`` as it may appear in the band: control and direction characters dropped, runs
    of blanks made one, at most ``limit`` characters."""
    text = unicodedata.normalize("NFC", str(raw or ""))
    text = " ".join(BAD_CHARS.sub(" ", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class OverlayFacts:
    """What the band says besides the time; the recorder replaces it as the inspection moves."""

    clip_id: str = ""
    parcel: str = ""  # the code that was scanned (waybill or RMA)
    order: str = ""  # the after-sales order, once known
    station: str = ""
    inspector: str = ""
    step: str = ""  # what the inspector is doing now

    def lines(self, when: datetime) -> tuple[str, str]:
        """The band's two lines: the time first (it must never be cut off), then the parcel;
        then who films where, and the step."""
        stamp = when.strftime("%Y-%m-%d %H:%M:%S ") + _zone(when)
        first = [stamp, shown(self.parcel) or "—"]
        if self.order and not self.parcel.startswith(self.order):
            first.append(shown(self.order))
        second = [f"站 Station {shown(self.station, 20)}"]
        if self.inspector:
            second.append(f"检验员 {shown(self.inspector, 32)}")
        if self.step:
            second.append(shown(self.step))
        return "  ·  ".join(first), "  ·  ".join(second)

    def qr_text(self, when: datetime) -> str:
        # the parcel's first code (the RMA where there is one; the band text shows the rest)
        parcel = shown(self.parcel.split(" / ")[0], QR_PARCEL_CHARS)
        # bytes, not characters, size the code: a parcel code in Chinese is cut sooner
        while len(parcel.encode()) > QR_PARCEL_CHARS:
            parcel = parcel[:-1]
        return f"{QR_PREFIX}:{self.clip_id or '-'}:{int(when.timestamp())}:{parcel}"


def parse_qr(text: str) -> tuple[str, int, str] | None:
    """(clip id, unix seconds, parcel) from a band's QR code; None for anything else."""
    parts = text.split(":", 3)
    if len(parts) != 4 or parts[0] != QR_PREFIX or not parts[2].isdigit():
        return None
    return parts[1], int(parts[2]), parts[3]


def _zone(when: datetime) -> str:
    offset = when.strftime("%z")  # +0800
    name = when.tzname() or ""
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return f"{zone} {name}" if name and not name.startswith(("UTC", "+", "-")) else zone


@dataclass(frozen=True, slots=True)
class Band:
    """A rendered band as YUV 4:2:0 rows, ready to copy into a frame of the same width."""

    top: int  # first row in the frame (even)
    y: np.ndarray  # (rows, width)
    u: np.ndarray  # flat, rows/2 × width/2
    v: np.ndarray


class OverlayPainter:
    def __init__(self, width: int, height: int, position: Position = "bottom") -> None:
        if width % 2 or height % 2:
            raise ValueError("a recording's width and height must be even")
        self.width, self.height, self.position = width, height, position
        self.rows = max(48, (height // 7) // 2 * 2)
        font = find_font()
        self._font = ImageFont.truetype(str(font.path), self.rows * 3 // 10, index=font.index)
        self._cache: tuple[tuple[OverlayFacts, int], Band] | None = None

    def band(self, facts: OverlayFacts, when: datetime) -> Band:
        key = (facts, int(when.timestamp()))
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self._render(facts, when))
        return self._cache[1]

    def apply(self, yuv: np.ndarray, band: Band) -> None:
        """Copy the band into an I420 frame (cv2's layout: Y rows, then U, then V)."""
        w, h, top, rows = self.width, self.height, band.top, band.y.shape[0]
        yuv[top : top + rows] = band.y
        flat = yuv.reshape(-1)
        quarter = w * h // 4
        start = w * h + (top // 2) * (w // 2)
        flat[start : start + band.u.size] = band.u
        start += quarter
        flat[start : start + band.v.size] = band.v

    def _render(self, facts: OverlayFacts, when: datetime) -> Band:
        rows, width = self.rows, self.width
        image = Image.new("RGB", (width, rows), (255, 255, 255))
        qr = self._qr(facts.qr_text(when))
        qr_side = qr.shape[0]
        pad = max(1, (rows - qr_side) // 2)
        text_left = pad * 2 + qr_side
        draw = ImageDraw.Draw(image)
        first, second = facts.lines(when)
        line_h = rows // 2
        room = width - text_left - pad
        for i, line in enumerate((first, second)):
            y = i * line_h + (line_h - self._font.size) // 2
            draw.text((text_left, y), self._fitted(line, room), font=self._font, fill=(0, 0, 0))
        bgr = np.ascontiguousarray(np.asarray(image)[:, :, ::-1])
        bgr[pad : pad + qr_side, pad : pad + qr_side] = qr[:, :, None]
        i420 = cv2.cvtColor(bgr, cv2.COLOR_BGR2YUV_I420).reshape(-1)
        y_size = rows * width
        top = 0 if self.position == "top" else self.height - rows
        return Band(
            top,
            i420[:y_size].reshape(rows, width),
            i420[y_size : y_size + y_size // 4].copy(),
            i420[y_size + y_size // 4 :].copy(),
        )

    def _fitted(self, line: str, room: float) -> str:
        """``line`` cut with an ellipsis where it would run off the frame."""
        if self._font.getlength(line) <= room:
            return line
        while line and self._font.getlength(line + "…") > room:
            line = line[:-1]
        return line + "…"

    def _qr(self, text: str) -> np.ndarray:
        barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="L")
        # the white band is the code's quiet zone: only a two-module margin is drawn here
        modules = np.pad(
            np.asarray(barcode.to_image(scale=1, add_quiet_zones=False)), 2, constant_values=255
        )
        # whole pixels a module, as many as fit: a blurred module is what fails after re-encoding
        scale = max(1, (self.rows - 2) // modules.shape[0])
        return np.kron(modules, np.ones((scale, scale), np.uint8))

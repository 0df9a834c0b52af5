"""Captioned copies of photos for reports: time, station, RMA, inspector and the original's
SHA-256 burned into a band added below the picture (the photo's own pixels are not covered).

A captioned copy is derived: it lives in ``<photos>/captioned/ab/cdef…-<caption>.jpg``,
is never hashed into the evidence chain and never replaces the original, whose SHA-256 it
prints so a reader can find and check the original. Chinese needs a CJK font, so the text
is drawn with Pillow (OpenCV's fonts are ASCII only).
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Final

from PIL import Image, ImageDraw, ImageFont

from station.domain.labels import label
from station.evidence.blobs import BlobStore, check_digest
from station.evidence.encode import decode_jpeg
from station.evidence.errors import ImageRejected, storage_error
from station.fonts import FontFile, FontMissing, find_font
from station.protocol.enums import PhotoKind
from station.store.files import write_atomically

CAPTION_QUALITY: Final = 88
MAX_FIELD: Final = 60
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e]")


def clean_field(value: str, limit: int = MAX_FIELD) -> str:
    """One line of caption text: control and direction-override characters removed (they
    could hide or reorder what is printed), at most ``limit`` characters."""
    text = _CONTROL.sub("", str(value)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def local_time(at: datetime, tz: tzinfo | None = None) -> str:
    """``2026-11-20 17:30:05 +08:00``: in ``tz``, or the station's own zone when None."""
    text = at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S %z")
    return f"{text[:-2]}:{text[-2:]}" if text[-5:-4] in "+-" else text


@dataclass(frozen=True, slots=True)
class Caption:
    taken_at: datetime
    station_id: str
    rma_no: str
    inspector: str  # name and badge, as it should be printed
    kind: PhotoKind
    sha256: str

    def lines(self, tz: tzinfo | None = None) -> list[str]:
        when = local_time(self.taken_at, tz)
        kind = f"{label(self.kind, 'zh_CN')} {label(self.kind, 'en')}"
        return [
            "   ".join(
                [
                    when,
                    f"工作台 Station {clean_field(self.station_id)}",
                    f"RMA {clean_field(self.rma_no)}",
                ]
            ),
            "   ".join([f"质检员 Inspector {clean_field(self.inspector)}", kind]),
            f"SHA-256 {check_digest(self.sha256)}",
        ]

    def key(self, tz: tzinfo | None = None) -> str:
        """Names the copy: the same photo captioned differently is a different file."""
        text = "\n".join(self.lines(tz))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def _font(font: FontFile, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font.path), size, index=font.index)


def render_captioned(
    jpeg: bytes, caption: Caption, *, tz: tzinfo | None = None, font: FontFile | None = None
) -> bytes:
    """The photo with a caption band below it, as JPEG bytes."""
    try:
        chosen = font or find_font()
    except FontMissing as exc:
        raise ImageRejected(
            "No Chinese font is installed, so captions cannot be drawn (install fonts-wqy-zenhei).",
            "未安装中文字体，无法生成带说明的照片（请安装 fonts-wqy-zenhei）。",
        ) from exc
    photo = Image.fromarray(decode_jpeg(jpeg)[:, :, ::-1])  # within the pixel budget
    width, height = photo.size
    lines = caption.lines(tz)
    size = max(12, round(width / 60))
    face = _font(chosen, size)
    margin = max(6, size // 2)
    draw = ImageDraw.Draw(photo)
    widest = max(draw.textlength(line, font=face) for line in lines)
    if widest > width - 2 * margin:  # narrow photo: shrink the text to fit
        size = max(8, int(size * (width - 2 * margin) / widest))
        face = _font(chosen, size)
    line_height = round(size * 1.35)
    band = 2 * margin + line_height * len(lines)
    out = Image.new("RGB", (width, height + band), (20, 20, 20))
    out.paste(photo, (0, 0))
    draw = ImageDraw.Draw(out)
    for n, line in enumerate(lines):
        draw.text((margin, height + margin + n * line_height), line, font=face, fill="white")
    buffer = io.BytesIO()
    out.save(buffer, "JPEG", quality=CAPTION_QUALITY)
    return buffer.getvalue()


class CaptionedCopies:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, caption: Caption, tz: tzinfo | None = None) -> Path:
        sha = check_digest(caption.sha256)
        return self.root / sha[:2] / f"{sha[2:]}-{caption.key(tz)}.jpg"

    def ensure(self, caption: Caption, blobs: BlobStore, *, tz: tzinfo | None = None) -> Path:
        """The captioned copy's path, made from the verified original if not cached."""
        path = self.path_for(caption, tz)
        if path.exists():
            return path
        data = render_captioned(blobs.read(caption.sha256, verify=True), caption, tz=tz)
        try:
            write_atomically(path, data)
        except OSError as exc:
            raise storage_error(exc, "the captioned copy", "带说明的照片副本") from exc
        return path

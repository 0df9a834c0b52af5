"""The CJK font labels are printed with.

It must be a TrueType-outline font: reportlab can embed only those (Noto CJK is CFF, so it is
not a candidate), and a PDF whose font is not embedded prints as boxes on a printer without
it. WenQuanYi Zen Hei is the Debian package ``fonts-wqy-zenhei``; on Windows SimHei and
Microsoft YaHei qualify. ``STATION_LABEL_FONT=path[#index]`` picks another.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

PDF_FONT_NAME = "StationCJK"


class FontMissing(RuntimeError):
    """No usable CJK font; the message says where the station looked and what to install."""


@dataclass(frozen=True, slots=True)
class FontFile:
    path: Path
    index: int = 0  # sub-font of a .ttc collection


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def candidates() -> list[FontFile]:
    """Where the font is looked for, in order of preference."""
    found = [
        FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")),  # Debian, Ubuntu
        FontFile(Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc")),  # Fedora, Arch
        FontFile(Path("/usr/share/fonts/truetype/wqy-zenhei/wqy-zenhei.ttc")),
        FontFile(_windows_fonts() / "simhei.ttf"),
        FontFile(_windows_fonts() / "msyh.ttc"),
        FontFile(Path("/Library/Fonts/Arial Unicode.ttf")),  # macOS
    ]
    override = os.environ.get("STATION_LABEL_FONT")
    if override:
        path, _, index = override.partition("#")
        found.insert(0, FontFile(Path(path), int(index) if index.isdigit() else 0))
    return found


@lru_cache(maxsize=1)
def find_font() -> FontFile:
    for font in candidates():
        if font.path.is_file():
            log.info("label font: %s (#%d)", font.path, font.index)
            return font
    looked = "; ".join(str(f.path) for f in candidates())
    raise FontMissing(
        "no Chinese TrueType font for labels. Install fonts-wqy-zenhei (Debian/Ubuntu) "
        f"or set STATION_LABEL_FONT to a .ttf/.ttc file. Looked in: {looked}"
    )


_register_lock = threading.Lock()


def pdf_font() -> str:
    """Register the font with reportlab once and return its name."""
    with _register_lock:
        if PDF_FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            register_pdf_font(find_font(), PDF_FONT_NAME)
    return PDF_FONT_NAME


def register_pdf_font(font: FontFile, name: str) -> None:
    try:
        face = TTFont(name, str(font.path), subfontIndex=font.index)
    except Exception as exc:  # reportlab raises several types for unusable fonts
        raise FontMissing(f"{font.path} cannot be embedded in a PDF: {exc}") from exc
    pdfmetrics.registerFont(face)


@lru_cache(maxsize=64)
def raster_font(size_px: int) -> ImageFont.FreeTypeFont:
    """The same font for drawing text into bitmaps (ZPL graphic fields)."""
    font = find_font()
    return ImageFont.truetype(str(font.path), size=max(1, size_px), index=font.index)

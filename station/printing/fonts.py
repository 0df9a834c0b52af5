"""The Chinese font registered with reportlab for PDF labels, and drawn into ZPL bitmaps.

Which file it is comes from :mod:`station.fonts`.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from PIL import ImageFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from station.fonts import FontFile, FontMissing, find_font

__all__ = ["PDF_FONT_NAME", "FontFile", "FontMissing", "pdf_font", "raster_font"]

PDF_FONT_NAME = "StationCJK"


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

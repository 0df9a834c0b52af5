"""Label sizes: millimetres, written ``WIDTHxHEIGHT`` as in the layout file names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


class SizeError(ValueError):
    """A label size that cannot be parsed or has no layout."""


@dataclass(frozen=True, slots=True, order=True)
class LabelSize:
    width_mm: int
    height_mm: int

    def __str__(self) -> str:
        return f"{self.width_mm}x{self.height_mm}"


_SIZE = re.compile(r"\s*([0-9]{1,4})\s*[x×X*]\s*([0-9]{1,4})\s*(?:mm)?\s*")


def parse_size(text: str | LabelSize) -> LabelSize:
    """``"100x150"`` (also ``100×150``, ``100x150mm``) → :class:`LabelSize`, in millimetres."""
    if isinstance(text, LabelSize):
        return text
    match = _SIZE.fullmatch(unicodedata.normalize("NFKC", text)[:40])
    if match is None:
        raise SizeError(f"label size {text[:40]!r}: expected WIDTHxHEIGHT in mm, e.g. 100x150")
    width, height = int(match[1]), int(match[2])
    for side in (width, height):
        if not 20 <= side <= 300:
            raise SizeError(f"label size {text[:40]!r}: each side must be 20-300 mm")
    return LabelSize(width, height)

"""Fitting text into a box: shrink down to a minimum size, wrap, then cut with an ellipsis.

The renderers pass their own ``measure`` (reportlab metrics for PDF, FreeType for bitmaps),
so what is measured is what is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Measure = Callable[[str, float], float]  # (text, size) -> width, in the box's unit
ELLIPSIS = "…"
LINE_SPACING = 1.15

# Latin words and numbers stay whole; everything else (CJK, punctuation) may break anywhere.
_ATOM = re.compile(r"\s+|[0-9A-Za-z][0-9A-Za-z._\-/]*|.", re.DOTALL)


@dataclass(frozen=True, slots=True)
class FittedText:
    size: float
    lines: tuple[str, ...]


def _wrap(text: str, measure: Measure, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for atom in _ATOM.findall(text):
        candidate = current + atom
        if measure(candidate, size) <= width or not current.strip():
            current = candidate
        else:
            lines.append(current.rstrip())
            current = "" if atom.isspace() else atom
        while measure(current, size) > width and len(current) > 1:
            # one atom wider than the box: break it where it overflows
            cut = len(current) - 1
            while cut > 1 and measure(current[:cut], size) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def _join(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        # wrapping dropped a space between Latin words; CJK had none to drop
        out += line if not (out[-1:].isascii() and line[:1].isascii()) else " " + line
    return out


def truncate(
    text: str, measure: Measure, size: float, width: float, ellipsis: str = ELLIPSIS
) -> str:
    if measure(text, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if measure(text[:mid].rstrip() + ellipsis, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ellipsis if low else ""


def block_height(size: float, lines: int, unit_per_pt: float) -> float:
    """Height of ``lines`` lines of text at ``size`` points, in the box's unit."""
    return size * unit_per_pt * (1 + LINE_SPACING * (max(lines, 1) - 1))


def fit_text(
    text: str,
    measure: Measure,
    *,
    width: float,
    height: float,
    unit_per_pt: float,
    size: float,
    min_size: float,
    lines: int = 1,
    ellipsis: str = ELLIPSIS,
) -> FittedText:
    """The largest size from ``size`` down to ``min_size`` at which ``text`` fits the box in
    at most ``lines`` lines; at ``min_size`` what still does not fit is cut off."""
    text = " ".join(text.split())
    if not text:
        return FittedText(size, ())
    tallest = height / block_height(1.0, 1, unit_per_pt)
    if lines == 1:
        start = max(min_size, min(size, tallest))
        natural = measure(text, start)
        fitted = start if natural <= width else max(min_size, start * width / natural)
        while fitted > min_size and measure(text, fitted) > width:
            fitted = max(min_size, fitted * 0.97)  # hinting and kerning are not linear
        return FittedText(fitted, (truncate(text, measure, fitted, width, ellipsis),))
    current = max(min_size, min(size, tallest))
    while True:
        wrapped = _wrap(text, measure, current, width)
        fits_height = block_height(current, len(wrapped), unit_per_pt) <= height * 1.0001
        if len(wrapped) <= lines and fits_height:
            return FittedText(current, tuple(wrapped))
        if current <= min_size:
            kept = wrapped[: lines - 1]
            rest = _join(wrapped[lines - 1 :])
            kept.append(truncate(rest + ellipsis, measure, current, width, ellipsis))
            return FittedText(current, tuple(kept))
        current = max(min_size, current * 0.93)

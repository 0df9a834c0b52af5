"""Labels as ZPL II for Zebra-compatible thermal printers, from the same layouts as the PDF.

Nothing from a label's data reaches the printer raw: every field is sent with ``^FH`` and any
byte outside plain printable ASCII, and ``^``, ``~`` and ``\\`` themselves, travel as ``\\XX``
hex escapes. So a scanned ``^XA^IDR:*.*^XZ`` or ``~JR`` prints as text and can never end a
field, start a format or run a control command; the whole stream is 7-bit ASCII. Fields are
cut to fit their box and to :data:`MAX_FIELD_BYTES`.

Chinese: a stock Zebra has no CJK font, and sending ``^CI28`` with Chinese text to one prints
empty boxes. So by default (``cjk="graphic"``) text that is not plain ASCII is rasterised here
with the station's CJK font and sent as a ``^GFA`` graphic (compressed), which every ZPL
printer prints; ASCII text uses the printer's own ``^A0`` font. A printer that has a Unicode
font installed (e.g. SimSun downloaded to ``E:``) can take ``cjk="font"`` with that font's
name instead: smaller jobs, but it depends on the font being there.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PIL import Image, ImageDraw
from reportlab.pdfbase import pdfmetrics

from station.printing.compose import (
    DEFAULT_DPI,
    Prepared,
    code128_geometry,
    dots,
    prepare,
    qr_geometry,
)
from station.printing.data import LabelData
from station.printing.fonts import pdf_font, raster_font
from station.printing.layout import (
    Code128Element,
    QrElement,
    RuleElement,
    TextElement,
)
from station.printing.sizes import LabelSize
from station.printing.textfit import LINE_SPACING, block_height, fit_text

MAX_FIELD_BYTES = 1024
MAX_COPIES = 99
_SAFE = frozenset(chr(c) for c in range(0x20, 0x7F)) - {"^", "~", "\\"}
_ASCII_TEXT = frozenset(chr(c) for c in range(0x20, 0x7F))
# ^A0 (CG Triumvirate Bold Condensed) is narrower than Helvetica Bold: measuring with the
# latter never overflows a box.
_NATIVE_METRICS = "Helvetica-Bold"
_JUSTIFY = {"left": "L", "center": "C", "right": "R"}

CjkMode = Literal["graphic", "font"]
_RUNS = re.compile(r"(.)\1{2,}")
_FONT_NAME = re.compile(r"[A-Za-z]:[A-Za-z0-9_-]{1,16}\.[A-Za-z]{3}")


class ZplError(ValueError):
    """The label cannot be expressed in ZPL (the message says which field and why)."""


@dataclass(frozen=True, slots=True)
class ZplOptions:
    dpi: int = DEFAULT_DPI
    cjk: CjkMode = "graphic"
    cjk_font: str = "E:SIMSUN.TTF"  # only for cjk="font": a Unicode font on the printer

    def __post_init__(self) -> None:
        if self.dpi not in (152, 203, 300, 600):
            raise ZplError(f"dpi: {self.dpi}, ZPL printers have 152, 203, 300 or 600")
        if self.cjk not in ("graphic", "font"):
            raise ZplError(f"cjk: {self.cjk!r}, expected 'graphic' or 'font'")
        if not _FONT_NAME.fullmatch(self.cjk_font):
            raise ZplError(f"cjk_font: {self.cjk_font!r} is not a printer font like E:SIMSUN.TTF")


def fh_escape(text: str, limit: int = MAX_FIELD_BYTES) -> str:
    """Field data for ``^FH\\``: safe ASCII as is, everything else as ``\\XX`` per UTF-8 byte;
    whole characters only, at most ``limit`` bytes of escaped output."""
    out: list[str] = []
    used = 0
    for ch in text:
        piece = ch if ch in _SAFE else "".join(f"\\{b:02X}" for b in ch.encode("utf-8"))
        if used + len(piece) > limit:
            break
        out.append(piece)
        used += len(piece)
    return "".join(out)


def _hex_run(count: int, char: str) -> str:
    """ZPL ASCII-hex compression of ``count`` repeats of ``char`` (G-Y = 1-19, g-z = 20-400)."""
    out = []
    while count > 0:
        part = min(count, 419)
        twenties, ones = divmod(part, 20)
        code = (chr(ord("f") + twenties) if twenties else "") + (
            chr(ord("F") + ones) if ones else ""
        )
        out.append(char if part == 1 else code + char)
        count -= part
    return "".join(out)


def compress_rows(rows: list[bytes]) -> str:
    """Rows of packed 1-bit pixels as compressed ``^GFA`` data."""
    out: list[str] = []
    previous = None
    for row in rows:
        if row == previous:
            out.append(":")
            continue
        previous = row
        text = row.hex().upper()
        tail = ""
        if text.endswith("0"):
            text, tail = text.rstrip("0"), ","
        elif text.endswith("F"):
            text, tail = text.rstrip("F"), "!"
        # Runs of one or two cost as much spelled out; only longer ones get a count.
        out.append(_RUNS.sub(lambda run: _hex_run(len(run[0]), run[1]), text))
        out.append(tail)
    return "".join(out)


def graphic_field(image: Image.Image) -> str:
    """``^GFA`` for a mode-"1" image whose set pixels (1) are black dots."""
    row_bytes = math.ceil(image.width / 8)
    raw = image.tobytes()
    rows = [raw[r * row_bytes : (r + 1) * row_bytes] for r in range(image.height)]
    total = row_bytes * image.height
    return f"^GFA,{total},{total},{row_bytes},{compress_rows(rows)}"


class _Writer:
    def __init__(self, prepared: Prepared, options: ZplOptions) -> None:
        self.prepared = prepared
        self.options = options
        # Thermal heads are whole dots per millimetre: "203 dpi" is 8 dots/mm, "300 dpi" 12.
        self.dpi = round(options.dpi / 25.4) * 25.4
        self.parts: list[str] = []
        self.cjk_font = pdf_font()

    def d(self, mm: float) -> int:
        return dots(mm, self.dpi)

    def rule(self, element: RuleElement) -> None:
        b = element.box
        w, h = max(1, self.d(b.w)), max(1, self.d(b.h))
        self.parts.append(f"^FO{self.d(b.x)},{self.d(b.y)}^GB{w},{h},{min(w, h)},B,0^FS")

    def text(self, element: TextElement) -> None:
        text = element.text(self.prepared.values, self.prepared.data.language)
        if not text.strip():
            return
        native = set(text) <= _ASCII_TEXT
        if native or self.options.cjk == "font":
            self._native_text(element, text, native)
        else:
            self._graphic_text(element, text)

    def _native_text(self, element: TextElement, text: str, ascii_only: bool) -> None:
        b = element.box
        pad = self.d(1.0) if element.invert else 0
        width, height = self.d(b.w) - 2 * pad, self.d(b.h)
        metrics = _NATIVE_METRICS if ascii_only else self.cjk_font
        unit = self.dpi / 72  # dots per point
        fitted = fit_text(
            text,
            lambda t, s: pdfmetrics.stringWidth(t, metrics, s) * unit,
            width=width,
            height=height,
            unit_per_pt=unit,
            size=element.size,
            min_size=element.min_size,
            lines=element.lines,
            ellipsis="..." if ascii_only else "…",
        )
        if element.invert:
            self.parts.append(
                f"^FO{self.d(b.x)},{self.d(b.y)}^GB{self.d(b.w)},{height},{height},B,0^FS"
            )
        char = max(10, round(fitted.size * unit))
        block = block_height(fitted.size, len(fitted.lines), unit)
        top = self.d(b.y) + max(0, round((height - block) / 2))
        font = "^A0N," + str(char) if ascii_only else f"^A@N,{char},{char},{self.options.cjk_font}"
        reverse = "^FR" if element.invert else ""
        for n, line in enumerate(fitted.lines):
            y = top + round(n * fitted.size * LINE_SPACING * unit)
            self.parts.append(
                f"^FO{self.d(b.x) + pad},{y}{reverse}{font}"
                f"^FB{width},1,0,{_JUSTIFY[element.align]},0^FH\\^FD{fh_escape(line)}^FS"
            )

    def _graphic_text(self, element: TextElement, text: str) -> None:
        b = element.box
        pad = self.d(1.0) if element.invert else 0
        width, height = self.d(b.w), self.d(b.h)
        unit = self.dpi / 72
        fitted = fit_text(
            text,
            lambda t, s: pdfmetrics.stringWidth(t, self.cjk_font, s) * unit,
            width=width - 2 * pad,
            height=height,
            unit_per_pt=unit,
            size=element.size,
            min_size=element.min_size,
            lines=element.lines,
        )
        ink, paper = (0, 1) if element.invert else (1, 0)
        image = Image.new("1", (width, height), paper)
        draw = ImageDraw.Draw(image)
        px = round(fitted.size * unit)
        font = raster_font(px)
        block = block_height(fitted.size, len(fitted.lines), unit)
        top = (height - block) / 2
        stroke = max(1, round(px * 0.03)) if element.bold else 0
        for n, line in enumerate(fitted.lines):
            baseline = top + n * fitted.size * LINE_SPACING * unit + px * 0.8
            line_width = font.getlength(line)
            x = float(pad)
            if element.align == "center":
                x = (width - line_width) / 2
            elif element.align == "right":
                x = width - pad - line_width
            draw.text(
                (x, baseline),
                line,
                font=font,
                fill=ink,
                anchor="ls",
                stroke_width=stroke,
                stroke_fill=ink,
            )
        box = image.getbbox() if not element.invert else (0, 0, width, height)
        if box is None:
            return
        cropped = image.crop(box)  # only the inked part travels
        self.parts.append(
            f"^FO{self.d(b.x) + box[0]},{self.d(b.y) + box[1]}{graphic_field(cropped)}^FS"
        )

    def code128(self, element: Code128Element) -> None:
        value = self.prepared.values[element.field]
        if ">" in value:
            # '>' starts a subset switch in ZPL's Code128 field data
            raise ZplError(f"{element.field}: '>' cannot be printed in a ZPL Code128")
        g = code128_geometry(element, value, self.dpi)
        if g.rotate == 0:
            across, orientation = g.height, "N"
        else:
            across, orientation = g.width, "B"  # reads bottom to top, like the PDF
        self.parts.append(
            f"^FO{g.x},{g.y}^BY{g.module},3,{across}^BC{orientation},{across},N,N,N,A"
            f"^FH\\^FD{fh_escape(value)}^FS"
        )

    def qr(self, element: QrElement) -> None:
        value = self.prepared.values[element.field]
        g = qr_geometry(element, value, self.dpi, draw=False)
        module = min(10, g.module)
        self.parts.append(f"^FO{g.x},{g.y}^BQN,2,{module}^FH\\^FDMA,{fh_escape(value)}^FS")


def zpl_document(
    prepared: Prepared, *, copies: int = 1, options: ZplOptions | None = None
) -> bytes:
    opts = options or ZplOptions()
    if not 1 <= copies <= MAX_COPIES:
        raise ZplError(f"copies: {copies}, must be 1-{MAX_COPIES}")
    size = prepared.layout.size
    writer = _Writer(prepared, opts)
    writer.parts += [
        "^XA",
        "^CI28",  # UTF-8: what ^FH hex escapes of non-ASCII text decode to
        f"^PW{writer.d(size.width_mm)}",
        f"^LL{writer.d(size.height_mm)}",
        "^LH0,0",
    ]
    for element in prepared.elements:
        if isinstance(element, RuleElement):
            writer.rule(element)
        elif isinstance(element, TextElement):
            writer.text(element)
        elif isinstance(element, Code128Element):
            writer.code128(element)
        elif isinstance(element, QrElement):
            writer.qr(element)
    writer.parts += [f"^PQ{copies},0,1,Y", "^XZ"]
    document = "\n".join(writer.parts) + "\n"
    return document.encode("ascii")


def render_zpl(
    data: LabelData,
    size: LabelSize | str,
    *,
    copies: int = 1,
    options: ZplOptions | None = None,
    layouts: Path | None = None,
) -> bytes:
    """One label (``copies`` times) as a ZPL II job; 7-bit ASCII whatever the data holds.

    Raises :class:`ZplError`, :class:`~station.printing.barcodes.BarcodeError` or the layout
    and font errors of :func:`~station.printing.pdf.render_pdf`.
    """
    return zpl_document(prepare(data, size, layouts), copies=copies, options=options)

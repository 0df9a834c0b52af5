"""Labels as PDF (reportlab): one page of exactly the label's size, the CJK font embedded.

Barcodes are drawn module by module on the printer's dot grid (``dpi``), each symbol as one
filled path so a rasteriser leaves no seams between modules.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from station.printing.compose import (
    DEFAULT_DPI,
    BarGeometry,
    Prepared,
    QrGeometry,
    code128_geometry,
    prepare,
    qr_geometry,
)
from station.printing.data import LabelData
from station.printing.fonts import pdf_font
from station.printing.layout import (
    PT_MM,
    Code128Element,
    QrElement,
    RuleElement,
    TextElement,
)
from station.printing.sizes import LabelSize
from station.printing.textfit import LINE_SPACING, fit_text

_INVERT_PAD_MM = 1.0


class _Page:
    def __init__(self, canvas: Canvas, size: LabelSize, dpi: int) -> None:
        self.canvas = canvas
        self.height_mm = size.height_mm
        self.dot = 72 / dpi  # one printer dot in points
        self.height_dots = size.height_mm * dpi / 25.4

    def rect_mm(self, x: float, y: float, w: float, h: float) -> None:
        self.canvas.rect(x * mm, (self.height_mm - y - h) * mm, w * mm, h * mm, stroke=0, fill=1)

    def dots_path_rect(self, path: object, x: int, y: int, w: int, h: int) -> None:
        # Dots count from the top-left, like the printer's; PDF counts from the bottom.
        d = self.dot
        path.rect(x * d, (self.height_dots - y - h) * d, w * d, h * d)  # type: ignore[attr-defined]


def _text(page: _Page, element: TextElement, text: str, font: str) -> None:
    box = element.box
    pad = _INVERT_PAD_MM if element.invert else 0.0
    canvas = page.canvas
    if element.invert:
        canvas.setFillGray(0)
        page.rect_mm(box.x, box.y, box.w, box.h)
    fitted = fit_text(
        text,
        lambda t, s: pdfmetrics.stringWidth(t, font, s) / mm,
        width=box.w - 2 * pad,
        height=box.h,
        unit_per_pt=PT_MM,
        size=element.size,
        min_size=element.min_size,
        lines=element.lines,
    )
    if not fitted.lines:
        return
    size = fitted.size
    ascent, descent = pdfmetrics.getAscentDescent(font, size)
    em_mm = (ascent - descent) / mm
    step_mm = size * LINE_SPACING / mm
    block_mm = em_mm + step_mm * (len(fitted.lines) - 1)
    top = box.y + (box.h - block_mm) / 2
    canvas.setFillGray(1 if element.invert else 0)
    for n, line in enumerate(fitted.lines):
        baseline_mm = top + n * step_mm + ascent / mm
        width = pdfmetrics.stringWidth(line, font, size) / mm
        left = box.x + pad
        if element.align == "center":
            left = box.x + (box.w - width) / 2
        elif element.align == "right":
            left = box.x + box.w - pad - width
        canvas.saveState()  # the text render mode would otherwise outlive this element
        text_object = canvas.beginText(left * mm, (page.height_mm - baseline_mm) * mm)
        text_object.setFont(font, size)
        # The CJK font has one weight: bold strokes the outline as well as filling it.
        text_object.setTextRenderMode(2 if element.bold else 0)
        if element.bold:
            canvas.setLineWidth(size * 0.035)
            canvas.setStrokeGray(1 if element.invert else 0)
        text_object.textLine(line)
        canvas.drawText(text_object)
        canvas.restoreState()
    canvas.setFillGray(0)


def _code128(page: _Page, geometry: BarGeometry) -> None:
    path = page.canvas.beginPath()
    offset = 0
    for n, run in enumerate(geometry.runs):
        length = run * geometry.module
        if n % 2 == 0:  # bars at even positions
            if geometry.rotate == 0:
                page.dots_path_rect(path, geometry.x + offset, geometry.y, length, geometry.height)
            else:  # reads upwards: the first bar is at the bottom
                bottom = geometry.y + geometry.height
                page.dots_path_rect(
                    path, geometry.x, bottom - offset - length, geometry.width, length
                )
        offset += length
    page.canvas.drawPath(path, stroke=0, fill=1)


def _qr(page: _Page, geometry: QrGeometry) -> None:
    path = page.canvas.beginPath()
    module = geometry.module
    assert geometry.matrix is not None
    for r, row in enumerate(geometry.matrix.dark):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            page.dots_path_rect(
                path,
                geometry.x + start * module,
                geometry.y + r * module,
                (c - start) * module,
                module,
            )
    page.canvas.drawPath(path, stroke=0, fill=1)


def draw(canvas: Canvas, prepared: Prepared, dpi: int = DEFAULT_DPI) -> None:
    """Draw one label on the current page of ``canvas``."""
    font = pdf_font()
    layout, values = prepared.layout, prepared.values
    page = _Page(canvas, layout.size, dpi)
    canvas.setFillGray(0)
    for element in prepared.elements:
        if isinstance(element, RuleElement):
            b = element.box
            page.rect_mm(b.x, b.y, b.w, b.h)
        elif isinstance(element, TextElement):
            _text(page, element, element.text(values, prepared.data.language), font)
        elif isinstance(element, Code128Element):
            _code128(page, code128_geometry(element, values[element.field], dpi))
        elif isinstance(element, QrElement):
            _qr(page, qr_geometry(element, values[element.field], dpi))


def render_pdf(
    data: LabelData,
    size: LabelSize | str,
    *,
    dpi: int = DEFAULT_DPI,
    layouts: Path | None = None,
) -> bytes:
    """One label as a one-page PDF of exactly the layout's size.

    ``dpi`` is the target printer's resolution: barcode modules are whole dots of it.
    Raises :class:`~station.printing.layout.LayoutError`,
    :class:`~station.printing.sizes.SizeError`,
    :class:`~station.printing.barcodes.BarcodeError` or
    :class:`~station.printing.fonts.FontMissing` with the reason.
    """
    prepared = prepare(data, size, layouts)
    return pdf_document([prepared], dpi=dpi)


def pdf_document(labels: list[Prepared], *, dpi: int = DEFAULT_DPI) -> bytes:
    buffer = io.BytesIO()
    first = labels[0].layout.size
    canvas = Canvas(buffer, pagesize=(first.width_mm * mm, first.height_mm * mm), invariant=True)
    canvas.setCreator("returns-station")
    data = labels[0].data
    canvas.setTitle(f"label {data.label_id}")
    canvas.setAuthor(data.station_id)
    for prepared in labels:
        size = prepared.layout.size
        canvas.setPageSize((size.width_mm * mm, size.height_mm * mm))
        draw(canvas, prepared, dpi)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()

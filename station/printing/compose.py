"""What the PDF and ZPL renderers share: the layout and values for a label, checked, and
barcode geometry in whole printer dots."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from station.printing.barcodes import (
    QUIET_MODULES_CODE128,
    QUIET_MODULES_QR,
    BarcodeError,
    QrMatrix,
    check_code128,
    check_qr,
    code128_runs,
    module_dots,
    qr_matrix,
    qr_size,
)
from station.printing.data import LabelData, label_fields, label_flags
from station.printing.layout import (
    Box,
    Code128Element,
    Element,
    Layout,
    QrElement,
    layout_for,
)
from station.printing.sizes import LabelSize

DEFAULT_DPI = 203


def dots(mm: float, dpi: float) -> int:
    return round(mm * dpi / 25.4)


@dataclass(frozen=True, slots=True)
class Prepared:
    layout: Layout
    values: dict[str, str]
    data: LabelData
    elements: tuple[Element, ...]  # what this label shows of its layout, in order


def prepare(data: LabelData, size: LabelSize | str, layouts: Path | None = None) -> Prepared:
    """The layout for ``data`` with its values; barcode payloads are checked here, so a label
    that cannot be printed fails before anything is drawn or stored."""
    layout = layout_for(data.kind, size, layouts)
    values = label_fields(data)
    elements = layout.shown(label_flags(data))
    for element in elements:
        if isinstance(element, Code128Element | QrElement):
            value = values[element.field]
            try:
                if isinstance(element, Code128Element):
                    check_code128(value)
                else:
                    check_qr(value)
            except BarcodeError as exc:
                raise BarcodeError(f"{element.field}: {exc}") from None
    return Prepared(layout, values, data, elements)


@dataclass(frozen=True, slots=True)
class BarGeometry:
    """A Code128 symbol placed on the dot grid. Runs alternate bar/space, starting with a bar,
    along x (``rotate`` 0) or upwards along y (``rotate`` 90)."""

    runs: tuple[int, ...]
    module: int  # dots
    x: int  # top-left of the bars, dots
    y: int
    width: int  # dots, as drawn on the page
    height: int
    rotate: int


def _span(start_mm: float, length_mm: float, used: int, dpi: float) -> int:
    """First dot of ``used`` dots centred in a span."""
    first = math.ceil(start_mm * dpi / 25.4)
    room = math.floor((start_mm + length_mm) * dpi / 25.4) - first
    return first + max(0, (room - used) // 2)


def code128_geometry(element: Code128Element, value: str, dpi: float) -> BarGeometry:
    runs = tuple(code128_runs(value))
    modules = sum(runs)
    box: Box = element.box
    length_mm, across_mm = (box.w, box.h) if element.rotate == 0 else (box.h, box.w)
    available = math.floor(length_mm * dpi / 25.4)
    try:
        module = module_dots(modules + 2 * QUIET_MODULES_CODE128, available)
    except BarcodeError as exc:
        raise BarcodeError(f"{element.field}: Code128 does not fit its box: {exc}") from None
    length = modules * module
    across = dots(across_mm, dpi)
    if element.rotate == 0:
        return BarGeometry(
            runs, module, _span(box.x, box.w, length, dpi), dots(box.y, dpi), length, across, 0
        )
    return BarGeometry(
        runs, module, dots(box.x, dpi), _span(box.y, box.h, length, dpi), across, length, 90
    )


@dataclass(frozen=True, slots=True)
class QrGeometry:
    modules: int  # per side
    module: int  # dots
    x: int
    y: int
    matrix: QrMatrix | None = None  # when the caller draws the symbol itself


def qr_geometry(element: QrElement, value: str, dpi: float, *, draw: bool = True) -> QrGeometry:
    """Where the QR symbol goes; with ``draw`` also its modules (a ZPL printer encodes it)."""
    matrix = qr_matrix(value) if draw else None
    modules = matrix.size if matrix is not None else qr_size(value)
    box = element.box
    available = math.floor(box.w * dpi / 25.4)
    try:
        module = module_dots(modules + 2 * QUIET_MODULES_QR, available, most=12)
    except BarcodeError as exc:
        raise BarcodeError(f"{element.field}: QR does not fit its box: {exc}") from None
    side = modules * module
    return QrGeometry(
        modules, module, _span(box.x, box.w, side, dpi), _span(box.y, box.h, side, dpi), matrix
    )

"""Printing through Qt's QPrinter: any printer the platform knows, Windows printers included.

The one module of :mod:`station.printing` that uses Qt. The label PDF is rasterised with
QtPdf at the printer's resolution, thresholded to black and white (a label printer has no
grey, and dithered bar edges do not scan) and painted onto a page of exactly the label's size.
QPainter may paint on a QPrinter from any thread, so the print queue's worker can call this;
a Qt application object must exist (the station's UI provides it).
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Self

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from station.printing.backends import PrinterCheck, PrintError, PrintJob, Readiness, render_job_pdf
from station.printing.compose import DEFAULT_DPI

log = logging.getLogger(__name__)

_BLACK_AND_WHITE = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.MonoOnly


def printer_names() -> list[str]:
    """Printers the platform offers (CUPS queues on Linux and macOS, Windows printers)."""
    return list(QPrinterInfo.availablePrinterNames())


class QPrinterBackend:
    def __init__(
        self, printer: str, *, dpi: int = DEFAULT_DPI, layouts: Path | None = None
    ) -> None:
        self.printer = printer
        self.dpi = dpi
        self.layouts = layouts
        self.name = f"qprinter:{printer}"

    @classmethod
    def from_target(cls, target: str, *, layouts: Path | None = None) -> Self:
        return cls(target, layouts=layouts)

    @classmethod
    def choices(cls, timeout: float = 5.0) -> list[str]:
        return printer_names()

    def check(self, timeout: float = 3.0) -> PrinterCheck:
        if QGuiApplication.instance() is None:
            return PrinterCheck(
                Readiness.NOT_READY, "checking a system printer needs the application running"
            )
        if QPrinterInfo.printerInfo(self.printer).isNull():
            return PrinterCheck(Readiness.NOT_FOUND, f"no printer named {self.printer!r}")
        return PrinterCheck(Readiness.READY, self.printer)

    def print_job(self, job: PrintJob) -> str:
        pdf = render_job_pdf(job, dpi=self.dpi, layouts=self.layouts)
        return self.print_pdf(pdf, copies=job.copies, title=job.job_title)

    def print_pdf(self, pdf: bytes, *, copies: int = 1, title: str = "label") -> str:
        if QGuiApplication.instance() is None:
            raise PrintError("printing through Qt needs the application running", retryable=False)
        info = QPrinterInfo.printerInfo(self.printer)
        if info.isNull():
            known = ", ".join(printer_names()) or "none"
            raise PrintError(f"no printer named {self.printer!r} (available: {known})")
        with tempfile.TemporaryDirectory(prefix="station-label-") as folder:
            path = Path(folder) / "label.pdf"
            path.write_bytes(pdf)
            document = QPdfDocument()
            error = document.load(str(path))
            if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
                raise PrintError(f"the label PDF cannot be opened ({error.name})", retryable=False)
            try:
                self._paint(document, info, copies, title)
            finally:
                document.close()
        log.info("label %s sent to %s through Qt", title, self.printer)
        return self.printer

    def _paint(self, document: QPdfDocument, info: QPrinterInfo, copies: int, title: str) -> None:
        points = document.pagePointSize(0)
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        printer.setCopyCount(copies)
        printer.setFullPage(True)
        page_size = QPageSize(
            QSizeF(points.width(), points.height()),
            QPageSize.Unit.Point,
            "label",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
        layout = QPageLayout(
            page_size,
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Point,
        )
        if not printer.setPageLayout(layout):
            log.warning("printer %s did not take the label's page size", self.printer)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(f"printer {self.printer} could not start a job")
        try:
            for page in range(document.pageCount()):
                if page:
                    printer.newPage()
                size = document.pagePointSize(page)
                pixels = QSize(
                    round(size.width() * self.dpi / 72), round(size.height() * self.dpi / 72)
                )
                image = document.render(page, pixels)
                if image.isNull():
                    raise PrintError("the label could not be rasterised", retryable=False)
                mono = _on_white(image).convertToFormat(QImage.Format.Format_Mono, _BLACK_AND_WHITE)
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                painter.drawImage(QRectF(target), mono)
        finally:
            painter.end()


def _on_white(image: QImage) -> QImage:
    # QtPdf leaves unpainted areas transparent, which would threshold to black.
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper

"""Printing through QPrinter (offscreen) to the private CUPS server's cups-pdf queue."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.printing.backends import PrintError, PrintJob, Readiness
from station.printing.data import LabelKind
from station.printing.qprinter_backend import QPrinterBackend, printer_names
from station.printing.samples import sample
from tests.printing.conftest import assert_reads, page_size_mm, rasterise
from tests.printing.cups_server import QUEUE, CupsServer


@pytest.fixture
def qt_cups(cups: CupsServer, qapp: object) -> Iterator[CupsServer]:
    """Qt's CUPS support finds the server through libcups, which reads CUPS_SERVER once per
    thread and keeps it: a test before this one in the process may have asked the default
    server already, so libcups is told the private one (and the default again after)."""
    libcups = ctypes.CDLL(ctypes.util.find_library("cups") or "libcups.so.2")
    libcups.cupsSetServer.argtypes = [ctypes.c_char_p]
    saved = os.environ.get("CUPS_SERVER")
    os.environ["CUPS_SERVER"] = cups.server
    libcups.cupsSetServer(cups.server.encode())
    yield cups
    if saved is None:
        os.environ.pop("CUPS_SERVER", None)
    else:
        os.environ["CUPS_SERVER"] = saved
    libcups.cupsSetServer(None)  # back to what the environment says


def test_qt_sees_the_cups_queue(qt_cups: CupsServer) -> None:
    assert QUEUE in printer_names()
    assert QUEUE in QPrinterBackend.choices()


def test_a_system_printer_is_checked_without_printing(qt_cups: CupsServer) -> None:
    ready = QPrinterBackend(QUEUE).check()
    assert ready.readiness is Readiness.READY and ready.detail == QUEUE
    gone = QPrinterBackend("Gone").check()
    assert gone.readiness is Readiness.NOT_FOUND and "'Gone'" in gone.detail


@pytest.mark.parametrize("size,expected", [("60x40", (60, 40)), ("100x150", (100, 150))])
def test_a_label_printed_through_qprinter_reads_back(
    qt_cups: CupsServer, tmp_path: Path, size: str, expected: tuple[int, int]
) -> None:
    data = sample(LabelKind.DISPOSITION)
    title = qt_cups.title(f"qt-{size}")
    assert QPrinterBackend(QUEUE).print_job(PrintJob(data, size, title=title)) == QUEUE
    printed = qt_cups.wait_for_output(title)
    assert page_size_mm(printed) == pytest.approx(expected, abs=0.5)
    (page,) = rasterise(printed, tmp_path)
    assert_reads(page, code128=data.label_id, qr=data.inspection_id)


def test_an_unknown_printer_is_reported_with_the_ones_there_are(qt_cups: CupsServer) -> None:
    with pytest.raises(PrintError, match=rf"no printer named 'Zebra' \(available: .*{QUEUE}"):
        QPrinterBackend("Zebra").print_job(PrintJob(sample(LabelKind.HOLDING), "60x40"))

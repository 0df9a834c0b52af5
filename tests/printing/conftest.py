"""Fixtures for the printing tests: a private CUPS server with the cups-pdf printer (one per
session, put back in shape after every test), a fake ZPL printer, a store, and decoding."""

from __future__ import annotations

import io
import subprocess
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image
from pyzbar import pyzbar
from sqlalchemy.orm import Session

from station.printing.queue import PrintEvent, PrintEventKind
from station.security import audit
from station.store.database import Database
from station.store.models import Inspection, ReturnLine, ReturnOrder, UnmatchedParcel, User
from tests.printing.cups_server import QUEUE, CupsServer, unavailable_reason
from tests.printing.fake_zebra import FakeZebra

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
INSPECTION_ID = "0190f3a1-1d2c-7e4f-8a9b-0c1d2e3f4a5b"
UNMATCHED_ID = "0190f3a3-0000-7abc-8def-0123456789ab"


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    reason = unavailable_reason()
    if reason is not None:
        pytest.skip(f"cannot run a private CUPS server here: {reason}")
    server = CupsServer().start()
    try:
        server.add_pdf_printer()
        yield server
    finally:
        server.close()


@pytest.fixture
def cups(cups_server: CupsServer) -> Iterator[CupsServer]:
    """The session's CUPS server, running with its queue enabled and accepting, and left so."""
    yield cups_server
    if cups_server.process is None:
        cups_server.start()
    cups_server.enable(QUEUE)
    cups_server.accept(QUEUE)
    cups_server.cancel_all(QUEUE)


@pytest.fixture
def zebra() -> Iterator[FakeZebra]:
    printer = FakeZebra()
    yield printer
    printer.close()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A store holding one completed inspection and one unmatched parcel to label."""
    database = Database.open(tmp_path / "station.db")

    def seed(s: Session) -> None:
        user = User(badge_id="I1001", display_name="Wang Jian", role="inspector", pin_hash="x")
        order = ReturnOrder(
            rma_no="RMA20261120000123",
            order_no="2026111912345678",
            reason="quality_defect",
            customer_received_on=date(2026, 11, 15),
            requested_on=date(2026, 11, 17),
            state="inspected",
        )
        order.lines.append(
            ReturnLine(
                line_no=1,
                sku="SKU-AP-88213-BLK-M",
                title="针织开衫",
                category="apparel",
                unit_price_fen=12900,
            )
        )
        s.add_all([user, order])
        s.flush()
        s.add(
            Inspection(
                id=INSPECTION_ID,
                return_id=order.id,
                return_line_id=order.lines[0].id,
                station_id="ST-HZ01",
                inspector_id=user.id,
                state="completed",
                grade="B",
                disposition="restock_open_box",
            )
        )
        s.add(
            UnmatchedParcel(
                id=UNMATCHED_ID, code="SF1402318765432", station_id="ST-HZ01", inspector_id=user.id
            )
        )

    database.run(seed)
    database.run(audit.seal)  # as the station does when it opens its store
    yield database
    database.close()


class EventLog:
    """Collects print-queue events (they arrive on the worker thread) and waits for them."""

    def __init__(self) -> None:
        self.events: list[PrintEvent] = []
        self._cond = threading.Condition()

    def __call__(self, event: PrintEvent) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def kinds(self, label_id: str) -> list[PrintEventKind]:
        with self._cond:
            return [e.kind for e in self.events if e.label_id == label_id]

    def wait_for(
        self, predicate: Callable[[list[PrintEvent]], bool], timeout: float = 30
    ) -> list[PrintEvent]:
        with self._cond:
            if not self._cond.wait_for(lambda: predicate(self.events), timeout):
                raise AssertionError(f"events so far: {self.events}")
            return list(self.events)

    def wait_kind(self, label_id: str, kind: PrintEventKind, count: int = 1) -> PrintEvent:
        events = self.wait_for(
            lambda evs: sum(e.label_id == label_id and e.kind is kind for e in evs) >= count
        )
        return [e for e in events if e.label_id == label_id and e.kind is kind][count - 1]


def rasterise(pdf: Path | bytes, tmp_path: Path, dpi: int = 203) -> list[Image.Image]:
    """Pages as grey images, the way the tests' "printer" sees them (pdftoppm, 203 dpi)."""
    source = pdf if isinstance(pdf, Path) else tmp_path / "label.pdf"
    if isinstance(pdf, bytes):
        source.write_bytes(pdf)
    prefix = tmp_path / f"raster-{source.stem}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", str(source), str(prefix)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return [Image.open(p).convert("L") for p in sorted(tmp_path.glob(f"{prefix.name}*.pgm"))]


def decoded(image: Image.Image) -> dict[str, set[tuple[str, str]]]:
    """What pyzbar and zxing-cpp each read: {(symbology, text)}."""
    zbar = {(d.type, d.data.decode("utf-8")) for d in pyzbar.decode(image)}
    names = {zxingcpp.BarcodeFormat.Code128: "CODE128", zxingcpp.BarcodeFormat.QRCode: "QRCODE"}
    zxing = {
        (names.get(r.format, str(r.format)), r.bytes.decode("utf-8", errors="replace"))
        for r in zxingcpp.read_barcodes(image)
    }
    return {"pyzbar": zbar, "zxing-cpp": zxing}


def assert_reads(image: Image.Image, *, code128: str, qr: str) -> None:
    expected = {("CODE128", code128), ("QRCODE", qr)}
    for decoder, found in decoded(image).items():
        assert expected <= found, f"{decoder} read {found}, expected {expected}"


def page_size_mm(pdf: Path | bytes) -> tuple[float, float]:
    reader = pypdf.PdfReader(pdf if isinstance(pdf, Path) else io.BytesIO(pdf))
    page = reader.pages[0]
    width = float(page.mediabox.width) * 25.4 / 72
    height = float(page.mediabox.height) * 25.4 / 72
    return (height, width) if page.rotation % 180 == 90 else (width, height)


def pdf_text(pdf: Path | bytes) -> str:
    reader = pypdf.PdfReader(pdf if isinstance(pdf, Path) else io.BytesIO(pdf))
    return "".join(page.extract_text() for page in reader.pages)

"""What ``station label render`` and ``station label print`` do, without the argument parsing.

The CLI loads the inspection (or unmatched parcel) from the store and calls
:func:`label_data_from_records`, then :func:`render` or :func:`print_now`. Files are written
whole or not at all.
"""

from __future__ import annotations

import logging
import unicodedata
from datetime import date
from pathlib import Path
from typing import Literal

from station.domain.labels import Language
from station.domain.records import InspectionView, OrderView, UnmatchedView
from station.printing.backends import PrintJob
from station.printing.compose import DEFAULT_DPI
from station.printing.data import MAX_CHARS, LabelData, LabelKind, new_label_id, unprintable
from station.printing.pdf import render_pdf
from station.printing.registry import backend_from_spec
from station.printing.sizes import LabelSize, parse_size
from station.printing.zpl import ZplOptions, render_zpl
from station.protocol.enums import Disposition
from station.store.files import write_atomically

log = logging.getLogger(__name__)

Format = Literal["pdf", "zpl"]


def parse_label_size(text: str) -> LabelSize:
    """``"100x150"`` → 100 × 150 mm; :class:`~station.printing.sizes.SizeError` otherwise."""
    return parse_size(text)


def clean_text(text: str, limit: int) -> str:
    """Free text (titles, reasons) made fit for a label: unprintable characters and line breaks
    become spaces, runs of spaces one, and it is cut to ``limit`` with an ellipsis."""
    spaced = "".join(" " if unprintable(ch) or ch.isspace() else ch for ch in text)
    flat = " ".join(unicodedata.normalize("NFC", spaced).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def initials(name: str) -> str:
    """``"Wang Jian"`` → ``"WJ"``; a Chinese name is short enough to print whole (≤ 3)."""
    words = name.split()
    if not words:
        return "?"
    if all(w.isascii() for w in words):
        return "".join(w[0] for w in words).upper()[: MAX_CHARS["inspector_initials"]]
    return "".join(words)[:3]


def label_data_from_records(
    *,
    station_id: str,
    inspector_name: str,
    inspection: InspectionView | None = None,
    order: OrderView | None = None,
    unmatched: UnmatchedView | None = None,
    refusal_reason: str | None = None,
    on: date | None = None,
    language: Language = "zh_CN",
    label_id: str | None = None,
    decision_id: str = "",
    decided_by: str = "",
) -> LabelData:
    """The label for a completed inspection (with its order) or an unmatched parcel.

    The kind follows the verdict: ``return_to_customer`` gets the return label, with the
    refusal reason (the inspection's refund reason unless one is given); everything else the
    disposition label; an unmatched parcel the holding label. An inspection waiting for a
    supervisor is marked pending review; with ``decision_id`` the label is the correction a
    supervisor's decision calls for.
    """
    common = {
        "label_id": label_id or new_label_id(),
        "station_id": station_id,
        "inspector_initials": initials(inspector_name),
        "date": on or date.today(),
        "language": language,
    }
    if unmatched is not None:
        return LabelData(
            kind=LabelKind.HOLDING,
            unmatched_id=unmatched.id,
            scanned_code=unmatched.code,
            **common,  # type: ignore[arg-type]
        )
    if inspection is None or order is None:
        raise ValueError("a label needs an inspection with its order, or an unmatched parcel")
    line = next((ln for ln in order.lines if ln.id == inspection.return_line_id), None)
    if line is None:
        raise ValueError(f"inspection {inspection.id} is not for an item of {order.rma_no}")
    item = {
        "inspection_id": inspection.id,
        "rma_no": order.rma_no,
        "sku": line.sku,
        "title": clean_text(line.title, MAX_CHARS["title"]),
        "grade": inspection.grade,
        "pending_review": inspection.needs_review and not decision_id,
        "decision_id": decision_id,
        "decided_by": clean_text(decided_by, MAX_CHARS["decided_by"]),
    }
    if inspection.disposition is Disposition.RETURN_TO_CUSTOMER:
        reason = refusal_reason if refusal_reason is not None else inspection.refund_reason
        return LabelData(
            kind=LabelKind.RETURN_TO_CUSTOMER,
            refusal_reason=clean_text(reason, MAX_CHARS["refusal_reason"]),
            **item,  # type: ignore[arg-type]
            **common,  # type: ignore[arg-type]
        )
    return LabelData(
        kind=LabelKind.DISPOSITION,
        disposition=inspection.disposition,
        refund_kind=inspection.refund_kind,
        refund_fen=inspection.refund_fen,
        **item,  # type: ignore[arg-type]
        **common,  # type: ignore[arg-type]
    )


def render_bytes(
    data: LabelData, size: str, fmt: Format = "pdf", *, dpi: int = DEFAULT_DPI, copies: int = 1
) -> bytes:
    if fmt == "zpl":
        return render_zpl(data, size, copies=copies, options=ZplOptions(dpi=dpi))
    return render_pdf(data, size, dpi=dpi)


def render(
    data: LabelData, size: str, out: Path, *, fmt: Format | None = None, dpi: int = DEFAULT_DPI
) -> None:
    """Write the label to ``out`` (PDF, or ZPL for a ``.zpl`` file or ``fmt="zpl"``).

    Rendering finishes before the file is touched, and the file appears whole (written beside
    it, then renamed), so a failure leaves no half-written label behind.
    """
    chosen: Format = fmt or ("zpl" if out.suffix.lower() == ".zpl" else "pdf")
    body = render_bytes(data, size, chosen, dpi=dpi)
    write_atomically(out.expanduser(), body, replace=lambda _: True, parents=False)
    log.info("label %s written to %s", data.label_id, out)


def print_now(data: LabelData, size: str, printer: str, *, copies: int = 1) -> str:
    """Print straight away, without the queue (``station label print``); the printer's job
    reference or :class:`~station.printing.backends.PrintError`. ``printer`` is a spec such as
    ``cups:LabelPDF`` or ``zpl:192.168.1.50``."""
    backend = backend_from_spec(printer)
    return backend.print_job(PrintJob(data, size, copies))

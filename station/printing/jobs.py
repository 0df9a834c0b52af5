"""Label rows: the persistent side of printing. Session functions, none commits.

The workflow calls :func:`create_label` inside the transaction that completes an inspection or
receives an unmatched parcel, so the label exists exactly when the change does; the print
queue then moves it ``queued → printing → printed`` (or back to ``queued`` with the printer's
error while it retries, or to ``failed`` when retrying cannot help). A label is printed at
least once: a crash while ``printing`` puts it back in the queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.printing.compose import prepare
from station.printing.data import LabelData, LabelDataError, LabelKind
from station.printing.sizes import parse_size
from station.protocol import events
from station.security import audit
from station.store.models import Inspection, Label, UnmatchedParcel
from station.store.types import utcnow

QUEUE_ACTOR = "system:print-queue"
MAX_COPIES = 20
PAYLOAD_VERSION = 1


class LabelStatus(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class LabelJobError(ValueError):
    """A label operation that is refused; the message is meant for the inspector."""


@dataclass(frozen=True, slots=True)
class LabelView:
    id: str
    kind: LabelKind
    size: str
    printer: str
    copies: int
    status: LabelStatus
    last_error: str
    created_at: datetime
    printed_at: datetime | None
    inspection_id: str | None
    unmatched_id: str | None
    data: LabelData
    requested_by: str
    job_ref: str = ""
    reprints: int = 0


def _view(row: Label) -> LabelView:
    body: dict[str, Any] = row.payload if isinstance(row.payload, dict) else {}
    try:
        data = LabelData.from_payload(body.get("data"))
    except LabelDataError as exc:
        raise LabelJobError(f"label {row.id} has an unreadable payload: {exc}") from exc
    return LabelView(
        id=row.id,
        kind=LabelKind(row.kind),
        size=str(body.get("size", "")),
        printer=row.printer,
        copies=row.copies,
        status=LabelStatus(row.status),
        last_error=row.last_error,
        created_at=row.created_at,
        printed_at=row.printed_at,
        inspection_id=row.inspection_id,
        unmatched_id=row.unmatched_id,
        data=data,
        requested_by=str(body.get("requested_by", "")),
        job_ref=str(body.get("job_ref", "")),
        reprints=int(body.get("reprints", 0)),
    )


def _row(session: Session, label_id: str) -> Label:
    row = session.get(Label, label_id)
    if row is None:
        raise LabelJobError(f"no label {label_id}")
    return row


def _update_payload(row: Label, **changes: object) -> None:
    # A new dict, so SQLAlchemy sees the JSON column change.
    row.payload = {**row.payload, **changes}


def _audit(
    session: Session,
    row: Label,
    action: str,
    details: dict[str, Any],
    *,
    actor: str,
    at: datetime | None,
) -> None:
    """A label's audit entry; the label itself is what every such entry is about."""
    audit.append(
        session, actor=actor, action=action, entity=f"label:{row.id}", details=details, at=at
    )


def create_label(
    session: Session,
    data: LabelData,
    *,
    printer: str,
    size: str,
    actor: str,
    copies: int = 1,
    at: datetime | None = None,
    layouts: Path | None = None,
) -> LabelView:
    """Queue a label for printing, in the caller's transaction.

    The label is rendered-checked first (layout for its kind and size, barcode payloads), so a
    label that could never print is refused here with the reason and nothing is written.
    """
    page = parse_size(size)
    prepare(data, page, layouts)
    if not 1 <= copies <= MAX_COPIES:
        raise LabelJobError(f"copies must be 1-{MAX_COPIES}, got {copies}")
    if not printer.strip() or len(printer) > 100:
        raise LabelJobError("a label needs a printer name (at most 100 characters)")
    if session.get(Label, data.label_id) is not None:
        raise LabelJobError(f"label {data.label_id} already exists; reprint it instead")
    if data.inspection_id and session.get(Inspection, data.inspection_id) is None:
        raise LabelJobError(f"no inspection {data.inspection_id}")
    if data.unmatched_id and session.get(UnmatchedParcel, data.unmatched_id) is None:
        raise LabelJobError(f"no unmatched parcel {data.unmatched_id}")
    when = at or utcnow()
    row = Label(
        id=data.label_id,
        inspection_id=data.inspection_id or None,
        unmatched_id=data.unmatched_id or None,
        kind=data.kind.value,
        payload={
            "v": PAYLOAD_VERSION,
            "size": str(page),
            "data": data.to_payload(),
            "requested_by": actor,
            "reprints": 0,
        },
        printer=printer,
        status=LabelStatus.QUEUED.value,
        copies=copies,
        created_at=when,
    )
    session.add(row)
    session.flush()
    _audit(
        session,
        row,
        "label_requested",
        {
            "kind": row.kind,
            "size": str(page),
            "printer": printer,
            "copies": copies,
            "inspection_id": row.inspection_id,
            "unmatched_id": row.unmatched_id,
        }
        | ({"decision_id": data.decision_id} if data.decision_id else {}),
        actor=actor,
        at=when,
    )
    return _view(row)


def get_label(session: Session, label_id: str) -> LabelView:
    return _view(_row(session, label_id))


def mark_printing(session: Session, label_id: str) -> LabelView | None:
    """Claim a queued label for the printer; None if it is no longer queued (cancelled)."""
    row = session.get(Label, label_id)
    if row is None or row.status != LabelStatus.QUEUED.value:
        return None
    row.status = LabelStatus.PRINTING.value
    session.flush()
    return _view(row)


def mark_printed(
    session: Session,
    label_id: str,
    *,
    job_ref: str = "",
    actor: str = QUEUE_ACTOR,
    at: datetime | None = None,
) -> LabelView:
    """The printer took the label: status, an outbox event ``label.printed`` and an audit entry."""
    row = _row(session, label_id)
    when = at or utcnow()
    row.status = LabelStatus.PRINTED.value
    row.printed_at = when
    row.last_error = ""
    _update_payload(row, job_ref=job_ref[:200])
    session.flush()
    view = _view(row)
    printed = events.LabelPrinted(
        label_id=row.id,
        kind=row.kind,
        inspection_id=row.inspection_id,
        unmatched_id=row.unmatched_id,
        printer=row.printer,
        copies=row.copies,
        job_ref=view.job_ref,
        reprint=view.reprints > 0,
        printed_at=when,
    )
    audit.record(
        session,
        printed,
        actor=actor,
        action="label_printed",
        entity=f"label:{row.id}",
        details=printed.model_dump(include={"printer", "copies", "job_ref"})
        | {"requested_by": view.requested_by},
        at=when,
    )
    return view


def mark_failed(
    session: Session,
    label_id: str,
    error: str,
    *,
    final: bool,
    actor: str = QUEUE_ACTOR,
    at: datetime | None = None,
) -> LabelView:
    """Record the printer's error. Not ``final``: the label stays queued for another attempt.
    ``final``: it is ``failed`` (audited) until someone reprints or cancels it."""
    row = _row(session, label_id)
    row.last_error = " ".join(error.split())[:500]
    row.status = (LabelStatus.FAILED if final else LabelStatus.QUEUED).value
    session.flush()
    if final:
        details = {"printer": row.printer, "error": row.last_error[:200]}
        _audit(session, row, "label_failed", details, actor=actor, at=at)
    return _view(row)


def reprint(
    session: Session,
    label_id: str,
    *,
    actor: str,
    printer: str | None = None,
    copies: int | None = None,
    at: datetime | None = None,
) -> LabelView:
    """Queue an existing label again, same id and content, optionally on another printer."""
    row = _row(session, label_id)
    if row.status in (LabelStatus.QUEUED.value, LabelStatus.PRINTING.value):
        raise LabelJobError(f"label {label_id} is still {row.status}")
    if copies is not None:
        if not 1 <= copies <= MAX_COPIES:
            raise LabelJobError(f"copies must be 1-{MAX_COPIES}, got {copies}")
        row.copies = copies
    if printer is not None:
        if not printer.strip() or len(printer) > 100:
            raise LabelJobError("a label needs a printer name (at most 100 characters)")
        row.printer = printer
    before = row.status
    row.status = LabelStatus.QUEUED.value
    row.last_error = ""
    _update_payload(row, reprints=int(row.payload.get("reprints", 0)) + 1, requested_by=actor)
    session.flush()
    details = {"was": before, "printer": row.printer, "copies": row.copies}
    _audit(session, row, "label_reprint_requested", details, actor=actor, at=at)
    return _view(row)


def cancel(session: Session, label_id: str, *, actor: str, at: datetime | None = None) -> LabelView:
    row = _row(session, label_id)
    if row.status not in (LabelStatus.QUEUED.value, LabelStatus.FAILED.value):
        raise LabelJobError(f"label {label_id} is {row.status} and cannot be cancelled")
    row.status = LabelStatus.CANCELLED.value
    session.flush()
    _audit(session, row, "label_cancelled", {"printer": row.printer}, actor=actor, at=at)
    return _view(row)


def requeue_interrupted(session: Session) -> int:
    """Labels left ``printing`` by a crash go back to the queue; how many."""
    rows = session.scalars(select(Label).where(Label.status == LabelStatus.PRINTING.value)).all()
    for row in rows:
        row.status = LabelStatus.QUEUED.value
        row.last_error = "interrupted while printing; printing again"
    session.flush()
    return len(rows)


def pending(session: Session) -> list[LabelView]:
    """Labels waiting for a printer (queued or printing), oldest first."""
    rows = session.scalars(
        select(Label)
        .where(Label.status.in_([LabelStatus.QUEUED.value, LabelStatus.PRINTING.value]))
        .order_by(Label.created_at, Label.id)
    )
    return [_view(row) for row in rows]


def failed(session: Session) -> list[LabelView]:
    rows = session.scalars(
        select(Label).where(Label.status == LabelStatus.FAILED.value).order_by(Label.created_at)
    )
    return [_view(row) for row in rows]


def history(
    session: Session, inspection_id: str | None = None, *, unmatched_id: str | None = None
) -> list[LabelView]:
    """Every label of an inspection (or of an unmatched parcel), oldest first."""
    if (inspection_id is None) == (unmatched_id is None):
        raise LabelJobError("give either an inspection id or an unmatched parcel id")
    column = Label.inspection_id if inspection_id is not None else Label.unmatched_id
    key = inspection_id if inspection_id is not None else unmatched_id
    rows = session.scalars(select(Label).where(column == key).order_by(Label.created_at))
    return [_view(row) for row in rows]

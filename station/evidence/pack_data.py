"""What an evidence pack shows, as plain values read in one short transaction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from station.evidence.errors import PhotoRefused
from station.evidence.photos import evidence_for
from station.evidence.quality import QualityFlag
from station.protocol.enums import (
    Disposition,
    Grade,
    InspectionState,
    MediaKind,
    PhotoKind,
    RefundKind,
    Responsibility,
    ReturnReason,
)
from station.store.models import Inspection, User
from station.store.queries import load_order


@dataclass(frozen=True, slots=True)
class PackLine:
    line_no: int
    sku: str
    title: str
    qty: int
    unit_price_fen: int
    inspected_here: bool  # the line this inspection was about


@dataclass(frozen=True, slots=True)
class PackPhoto:
    photo_id: int
    sha256: str
    kind: PhotoKind
    taken_at: datetime
    width: int
    height: int
    size_bytes: int
    quality_flags: tuple[QualityFlag, ...] = ()


@dataclass(frozen=True, slots=True)
class EvidencePackData:
    rma_no: str
    order_no: str
    platform: str
    reason: ReturnReason
    reason_note: str
    customer_masked: str
    lines: tuple[PackLine, ...]
    inspection_id: str
    inspection_state: InspectionState
    station_id: str
    inspector_name: str
    inspector_badge: str
    started_at: datetime
    completed_at: datetime | None
    grade: Grade | None
    disposition: Disposition | None
    refund_kind: RefundKind | None
    refund_fen: int | None
    refund_reason: str
    responsibility: Responsibility | None
    carrier_claim: bool
    overridden: bool
    override_reason: str
    photos: tuple[PackPhoto, ...]

    def fingerprint(self) -> str:
        """SHA-256 over the closing list (one "photo id, kind, SHA-256" line per photo): one
        number that pins the whole set of photos."""
        text = "".join(f"{p.photo_id} {p.kind.value} {p.sha256}\n" for p in self.photos)
        return hashlib.sha256(text.encode()).hexdigest()


def pack_data(session: Session, inspection_id: str) -> EvidencePackData:
    """Everything the pack shows for one inspection (deleted photos are not evidence and
    are left out)."""
    row = session.get(Inspection, inspection_id)
    if row is None:
        raise PhotoRefused(
            f"There is no inspection {inspection_id}.", f"没有质检记录 {inspection_id}。"
        )
    order = load_order(session, row.return_id)
    user = session.get(User, row.inspector_id)
    photos = tuple(
        PackPhoto(
            photo_id=p.id,
            sha256=p.sha256,
            kind=p.kind,
            taken_at=p.taken_at,
            width=p.width,
            height=p.height,
            size_bytes=p.size_bytes,
            quality_flags=p.quality_flags,
        )
        for p in evidence_for(session, inspection_id)
        if p.media is MediaKind.PHOTO
    )
    lines = tuple(
        PackLine(
            line_no=line.line_no,
            sku=line.sku,
            title=line.title,
            qty=line.qty,
            unit_price_fen=line.unit_price_fen,
            inspected_here=line.id == row.return_line_id,
        )
        for line in order.lines
    )
    return EvidencePackData(
        rma_no=order.rma_no,
        order_no=order.order_no,
        platform=order.platform,
        reason=ReturnReason(order.reason),
        reason_note=order.reason_note,
        customer_masked=order.customer_masked,
        lines=lines,
        inspection_id=row.id,
        inspection_state=InspectionState(row.state),
        station_id=row.station_id,
        inspector_name=user.display_name if user else "",
        inspector_badge=user.badge_id if user else str(row.inspector_id),
        started_at=row.started_at,
        completed_at=row.completed_at,
        grade=Grade(row.grade) if row.grade else None,
        disposition=Disposition(row.disposition) if row.disposition else None,
        refund_kind=RefundKind(row.refund_kind) if row.refund_kind else None,
        refund_fen=row.refund_fen,
        refund_reason=row.refund_reason,
        responsibility=Responsibility(row.responsibility) if row.responsibility else None,
        carrier_claim=row.carrier_claim,
        overridden=row.overridden,
        override_reason=row.override_reason,
        photos=photos,
    )

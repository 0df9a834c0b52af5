"""The supervisors' read API over the inspection read model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ScalarResult, Select, func, select
from sqlalchemy.orm import Session

from central.db.models import DecisionRecord, EvidenceRecord, InspectionRecord
from station.protocol.enums import Disposition, Grade, RefundKind
from station.protocol.events import Decision
from station.protocol.wire import InspectionDetail, InspectionPage, InspectionSummary


@dataclass(frozen=True, slots=True)
class Filters:
    station: str | None = None
    needs_review: bool | None = None
    overturned: bool | None = None
    rma: str | None = None


def _where(query: Select[Any], f: Filters) -> Select[Any]:
    if f.station is not None:
        query = query.where(InspectionRecord.station_id == f.station)
    if f.needs_review is not None:
        query = query.where(InspectionRecord.needs_review.is_(f.needs_review))
    if f.overturned is not None:
        query = query.where(InspectionRecord.overturned.is_(f.overturned))
    if f.rma is not None:
        query = query.where(InspectionRecord.rma_no == f.rma)
    return query


def _summary_fields(row: InspectionRecord) -> dict[str, Any]:
    return {
        "inspection_id": row.id,
        "station_id": row.station_id,
        "rma_no": row.rma_no,
        "sku": row.sku,
        "inspector": row.inspector,
        "completed_at": row.completed_at,
        "grade": Grade(row.grade) if row.grade else None,
        "disposition": Disposition(row.disposition) if row.disposition else None,
        "refund_kind": RefundKind(row.refund_kind) if row.refund_kind else None,
        "refund_fen": row.refund_fen,
        "needs_review": row.needs_review,
        "overturned": row.overturned,
    }


def list_inspections(session: Session, filters: Filters, limit: int, offset: int) -> InspectionPage:
    total = session.scalar(_where(select(func.count()).select_from(InspectionRecord), filters))
    rows = session.scalars(
        _where(select(InspectionRecord), filters)
        .order_by(InspectionRecord.completed_at.desc().nulls_last(), InspectionRecord.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return InspectionPage(
        items=[InspectionSummary(**_summary_fields(r)) for r in rows], total=int(total or 0)
    )


def inspection_detail(session: Session, inspection_id: str) -> InspectionDetail | None:
    row = session.get(InspectionRecord, inspection_id)
    if row is None:
        return None
    photos = session.scalars(
        select(EvidenceRecord)
        .where(EvidenceRecord.inspection_id == inspection_id)
        .order_by(EvidenceRecord.taken_at, EvidenceRecord.id)
    )
    decisions: ScalarResult[dict[str, Any]] = session.scalars(
        select(DecisionRecord.body)
        .where(DecisionRecord.inspection_id == inspection_id)
        .order_by(DecisionRecord.decided_at, DecisionRecord.received_at)
    )
    return InspectionDetail(
        **_summary_fields(row),
        answers=dict(row.answers),
        rules_fired=list(row.rules_fired),
        photos=[_photo(p) for p in photos],
        decisions=[Decision.model_validate(body) for body in decisions],
    )


def _photo(p: EvidenceRecord) -> dict[str, Any]:
    return {
        "sha256": p.sha256,
        "media": p.media,
        "kind": p.kind,
        "url": f"/v1/blobs/{p.sha256}",
        "size_bytes": p.size_bytes,
        "width": p.width,
        "height": p.height,
        "inspector": p.inspector,
        "taken_at": p.taken_at.isoformat(),
        "deleted_at": p.deleted_at.isoformat() if p.deleted_at else None,
        "deleted_reason": p.deleted_reason,
    }

"""Everything the inspection page shows, read in one transaction: the order (customer masked),
the verdict and the rules behind it, the answers with their questions, photos and clips with
their chapters and hashes, supervisors' decisions, labels, disputes and the desk's own audit
entries about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.console.audit import Entry, entries
from central.console.disputes import disputes_of
from central.db.models import (
    DecisionRecord,
    DisputeRecord,
    EventRecord,
    EvidenceRecord,
    InspectionRecord,
    LabelRecord,
    ReturnRecord,
    TemplateRecord,
)
from station.protocol.errors import QcFileError
from station.protocol.template_parse import parse_template


@dataclass(frozen=True, slots=True)
class Chapter:
    at_ms: int
    kind: str
    label: str

    @property
    def clock(self) -> str:
        seconds = self.at_ms // 1000
        return f"{seconds // 60:02d}:{seconds % 60:02d}"

    @property
    def telling(self) -> bool:
        """A moment a platform's reviewer is shown first: the scan, a photo, the verdict, the
        label."""
        return self.kind in {"scan", "photo", "verdict", "label"}


@dataclass(frozen=True, slots=True)
class Item:
    """A photo or a clip."""

    sha256: str
    media: str
    kind: str
    size_bytes: int | None
    width: int | None
    height: int | None
    duration_ms: int | None
    taken_at: datetime
    inspector: str
    deleted_at: datetime | None
    deleted_reason: str
    event_sha256: str  # of the event that recorded it, as the station sent it
    chapters: tuple[Chapter, ...] = ()
    chain_head: str = ""
    fragments: int = 0
    clip_started_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    question_id: str
    question: str
    value: str


@dataclass(slots=True)
class InspectionView:
    row: InspectionRecord
    order: dict[str, Any] | None
    personal_kept: bool
    answers: list[Answer]
    rules: list[dict[str, str]]
    photos: list[Item]
    clips: list[Item]
    decisions: list[dict[str, Any]]
    labels: list[LabelRecord]
    disputes: list[DisputeRecord]
    trail: list[Entry] = field(default_factory=list)
    template_missing: str = ""  # "apparel v3": answers shown by question code, see _questions

    @property
    def subject(self) -> str:
        return f"inspection:{self.row.id}"


def _questions(session: Session, row: InspectionRecord, lang: str) -> dict[str, str] | None:
    """Each question's text in ``lang`` by its code; None when the inspection's template
    version was never published to central (or does not load), so only codes can be shown."""
    if row.template_id is None or row.template_version is None:
        return {}
    kept = session.get(TemplateRecord, (row.template_id, row.template_version))
    if kept is None:
        return None
    try:
        template = parse_template(kept.body, f"{kept.template_id} v{kept.version}")
    except QcFileError:
        return None
    return {q.id: q.text.get(lang) for q in template.questions}


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "✔" if value else "✘"
    if isinstance(value, list | tuple):
        return ", ".join(_shown(v) for v in value)
    return str(value)


def _moment(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _item(row: EvidenceRecord, event: EventRecord | None) -> Item:
    clip = (event.payload.get("clip") if event is not None else None) or {}
    chapters = tuple(
        Chapter(int(c.get("at_ms", 0)), str(c.get("kind", "")), str(c.get("label", "")))
        for c in clip.get("chapters", [])
        if isinstance(c, dict)
    )
    return Item(
        sha256=row.sha256,
        media=row.media,
        kind=row.kind,
        size_bytes=row.size_bytes,
        width=row.width,
        height=row.height,
        duration_ms=row.duration_ms,
        taken_at=row.taken_at,
        inspector=row.inspector,
        deleted_at=row.deleted_at,
        deleted_reason=row.deleted_reason,
        event_sha256=event.payload_sha256 if event is not None else "",
        chapters=chapters,
        chain_head=str(clip.get("chain_head", "")),
        fragments=int(clip.get("fragments", 0) or 0),
        clip_started_at=_moment(clip.get("started_at")),
    )


def inspection_view(session: Session, inspection_id: str, lang: str) -> InspectionView | None:
    row = session.get(InspectionRecord, inspection_id)
    if row is None:
        return None
    order = session.get(ReturnRecord, row.rma_no)
    evidence = session.scalars(
        select(EvidenceRecord)
        .where(EvidenceRecord.inspection_id == inspection_id)
        .order_by(EvidenceRecord.taken_at, EvidenceRecord.id)
    ).all()
    events = {
        e.event_id: e
        for e in session.scalars(
            select(EventRecord).where(EventRecord.event_id.in_([e.event_id for e in evidence]))
        )
    }
    items = [_item(e, events.get(e.event_id)) for e in evidence]
    questions = _questions(session, row, lang)
    decisions: Sequence[dict[str, Any]] = session.scalars(
        select(DecisionRecord.body)
        .where(DecisionRecord.inspection_id == inspection_id)
        .order_by(DecisionRecord.decided_at, DecisionRecord.received_at)
    ).all()
    labels = session.scalars(
        select(LabelRecord)
        .where(LabelRecord.inspection_id == inspection_id)
        .order_by(LabelRecord.printed_at)
    ).all()
    return InspectionView(
        row=row,
        order=dict(order.body) if order is not None else None,
        personal_kept=order is not None and order.personal is not None,
        answers=[
            Answer(qid, (questions or {}).get(qid, qid), _shown(value))
            for qid, value in dict(row.answers).items()
        ],
        template_missing=(
            f"{row.template_id} v{row.template_version}"
            if questions is None and row.answers
            else ""
        ),
        rules=[r for r in row.rules_fired if isinstance(r, dict)],
        photos=[i for i in items if i.media == "photo"],
        clips=[i for i in items if i.media == "video"],
        decisions=[dict(d) for d in decisions],
        labels=list(labels),
        disputes=list(disputes_of(session, inspection_id)),
        trail=list(entries(session, subject=f"inspection:{inspection_id}", limit=50)),
    )


def customer(session: Session, rma_no: str) -> dict[str, Any] | None:
    """The raw name and phone, for a reveal; None once erased (personal_data_days)."""
    order = session.get(ReturnRecord, rma_no)
    return None if order is None or order.personal is None else dict(order.personal)


def evidence_media(session: Session, sha256: str) -> str | None:
    """'photo' or 'video' when ``sha256`` is a piece of evidence of some inspection or parcel;
    the desk serves nothing else of the blob store."""
    return session.scalar(
        select(EvidenceRecord.media).where(EvidenceRecord.sha256 == sha256).limit(1)
    )

"""Clips on record: filing a take in the store, and reading clips back.

A filed take becomes, in one transaction, an evidence item (media ``video``, bound to the
audit chain like a photo), its ``clips`` row, the audit entry and the ``evidence.added`` event
with the clip's chapters and chain. Unlike a photo, a clip is recorded after its inspection
was completed (completing never waits for the file), and recording it again after a crash is
a no-op.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.evidence.records import evidence_added
from station.evidence.video.chapters import Chapter
from station.evidence.video.library import FiledClip
from station.protocol import events
from station.protocol.enums import MediaKind, Role, VideoKind
from station.security import audit
from station.security.actors import user_ref
from station.store.models import Clip, EvidenceItem, Inspection, UnmatchedParcel, User
from station.store.types import utcnow


@dataclass(frozen=True, slots=True)
class ClipView:
    id: str
    evidence_id: int
    sha256: str
    size_bytes: int
    duration_ms: int
    width: int
    height: int
    inspection_id: str | None
    unmatched_id: str | None
    parcel_code: str
    started_at: datetime
    ended: str
    preroll_ms: int
    chapters: tuple[Chapter, ...]
    gaps: tuple[dict[str, Any], ...]
    chain_head: str
    chain_end: int
    fragments: int
    clock_skew_ms: int | None
    kind: str  # unboxing (the bench camera) or closeup
    sibling_of: str | None
    hold: str
    purged: bool
    uploaded: bool


def clip_view(clip: Clip, item: EvidenceItem) -> ClipView:
    return ClipView(
        id=clip.id,
        evidence_id=item.id,
        sha256=item.sha256,
        size_bytes=item.size_bytes,
        duration_ms=item.duration_ms or 0,
        width=item.width,
        height=item.height,
        inspection_id=clip.inspection_id,
        unmatched_id=clip.unmatched_id,
        parcel_code=clip.parcel_code,
        started_at=clip.started_at,
        ended=clip.ended,
        preroll_ms=clip.preroll_ms,
        chapters=tuple(Chapter.from_json(c) for c in clip.chapters),
        gaps=tuple(clip.gaps),
        chain_head=clip.chain_head,
        chain_end=clip.chain_end,
        fragments=clip.fragments,
        clock_skew_ms=clip.clock_skew_ms,
        kind=item.kind,
        sibling_of=clip.sibling_of,
        hold=clip.hold,
        purged=clip.purged_at is not None,
        uploaded=item.uploaded_at is not None,
    )


def record_clip(session: Session, filed: FiledClip, *, station_id: str) -> ClipView:
    """File a take in the store (idempotent by clip id)."""
    clip = filed.clip
    existing = session.get(Clip, clip.clip_id)
    if existing is not None:
        item = session.get(EvidenceItem, existing.evidence_id)
        assert item is not None
        return clip_view(existing, item)
    facts = clip.facts
    inspection_id = _existing(session, Inspection, facts.get("inspection_id"))
    unmatched_id = _existing(session, UnmatchedParcel, facts.get("unmatched_id"))
    inspector = session.get(User, facts.get("inspector_id")) if facts.get("inspector_id") else None
    started = _started_at(facts.get("started_at"))
    row = EvidenceItem(
        sha256=filed.sha256,
        media=MediaKind.VIDEO.value,
        inspection_id=inspection_id,
        unmatched_id=unmatched_id,
        kind=str(facts.get("kind") or VideoKind.UNBOXING.value),
        size_bytes=filed.size,
        width=clip.width,
        height=clip.height,
        duration_ms=clip.duration_ms,
        quality_flags=[],
        station_id=station_id,
        inspector_id=inspector.id if inspector is not None else _system_user(session),
        taken_at=started,
    )
    session.add(row)
    session.flush()
    chapters = [c.to_json() for c in clip.chapters]
    clip_row = Clip(
        id=clip.clip_id,
        evidence_id=row.id,
        inspection_id=inspection_id,
        unmatched_id=unmatched_id,
        parcel_code=str(facts.get("parcel", ""))[:200],
        started_at=started,
        ended=clip.ended[:20],
        preroll_ms=int(facts.get("preroll_ms") or 0),
        chapters=chapters,
        gaps=list(clip.gaps),
        chain_head=filed.chain_head,
        chain_end=filed.chain_end,
        fragments=filed.fragments,
        camera=str(facts.get("camera", ""))[:200],
        clock_skew_ms=facts.get("clock_skew_ms"),
        sibling_of=facts.get("sibling_of"),
        hold="",
    )
    session.add(clip_row)
    session.flush()
    actor = user_ref(inspector) if inspector is not None else "system"
    payload = evidence_added(
        row,
        inspector=actor if inspector is not None else "",
        clip=events.ClipFacts(
            clip_id=clip.clip_id,
            parcel=clip_row.parcel_code,
            started_at=started,
            ended=clip_row.ended,
            preroll_ms=clip_row.preroll_ms,
            chain_head=filed.chain_head,
            chain_end=filed.chain_end,
            fragments=filed.fragments,
            chapters=[events.ClipChapter.model_validate(c) for c in chapters],
            gaps=[events.ClipGap.model_validate(g) for g in clip.gaps],
            clock_skew_ms=clip_row.clock_skew_ms,
            camera=clip_row.camera,
        ),
    )
    audit.record(
        session,
        payload,
        actor=actor,
        action="clip_recorded",
        entity=f"clip:{clip.clip_id}",
        details={
            "evidence_id": row.id,
            "sha256": row.sha256,
            "chain_head": filed.chain_head,
            "ended": clip_row.ended,
        },
        at=utcnow(),
        binds=[row],
    )
    return clip_view(clip_row, row)


def clips(
    session: Session, *, inspection_id: str | None = None, limit: int = 200
) -> list[ClipView]:
    query = select(Clip, EvidenceItem).join(EvidenceItem, EvidenceItem.id == Clip.evidence_id)
    if inspection_id is not None:
        query = query.where(Clip.inspection_id == inspection_id)
    query = query.order_by(Clip.started_at.desc()).limit(limit)
    return [clip_view(c, e) for c, e in session.execute(query)]


def clip_by_id(session: Session, clip_id: str) -> ClipView | None:
    found = session.execute(
        select(Clip, EvidenceItem)
        .join(EvidenceItem, EvidenceItem.id == Clip.evidence_id)
        .where(Clip.id == clip_id)
    ).first()
    return clip_view(found[0], found[1]) if found is not None else None


def _existing(
    session: Session, model: type[Inspection] | type[UnmatchedParcel], key: Any
) -> str | None:
    if not key:
        return None
    return str(key) if session.get(model, str(key)) is not None else None


def _started_at(raw: Any) -> datetime:
    try:
        when = datetime.fromisoformat(str(raw))
    except ValueError:
        return utcnow()
    return when if when.tzinfo is not None else utcnow()


def _system_user(session: Session) -> int:
    """A clip whose inspector is unknown (a parcel scanned before anyone logged in cannot
    happen, but a journal can be damaged) is filed under the first admin there is, else the
    first user."""
    user = session.scalar(select(User).order_by((User.role != Role.ADMIN.value), User.id).limit(1))
    if user is None:
        raise LookupError("no user to file the clip under")
    return user.id

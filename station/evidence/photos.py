"""Taking a photo into evidence, in two halves on two threads.

1. :func:`prepare_photo` (a worker thread, no database): check the frame, score it, encode
   it, hash it, write its thumbnail and then the original into the content-addressed store.
2. :func:`record_photo` (the database thread, in the caller's transaction): the ``photos``
   row, an audit entry and an outbox event, refused unless the inspection is still open.

If step 2 fails (or never runs) after step 1, the original stays on disk with no row
pointing at it. That is harmless: it is content-addressed, so taking the same photo again
maps to the same file, and the evidence check only counts such files.

Photos are never removed: :func:`delete_photo` marks one deleted (with a reason, audited)
while its inspection is open; once the inspection is completed its photos are immutable.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from station.domain.errors import BilingualError
from station.domain.text import reason_text
from station.evidence.blobs import sha256_hex
from station.evidence.encode import DEFAULT_QUALITY, Frame, encode_jpeg, load_image_file
from station.evidence.errors import PhotoRefused, StorageError
from station.evidence.quality import DEFAULT_THRESHOLDS, QualityThresholds, assess
from station.evidence.records import EvidenceView, PreparedPhoto, evidence_added, evidence_view
from station.evidence.storage import EvidenceStore
from station.protocol import events
from station.protocol.enums import InspectionState, MediaKind, PhotoKind
from station.security import audit
from station.security.actors import user_ref
from station.store.models import EvidenceItem, Inspection, ReturnOrder, UnmatchedParcel, User
from station.store.types import utcnow

__all__ = [
    "EvidenceStore",
    "EvidenceView",
    "PreparedPhoto",
    "delete_photo",
    "evidence_for",
    "evidence_for_unmatched",
    "photo_kinds_present",
    "prepare_imported",
    "prepare_photo",
    "record_photo",
]


# -- the worker-thread half ---------------------------------------------------------------


def prepare_photo(
    frame: Frame,
    kind: PhotoKind,
    store: EvidenceStore,
    *,
    jpeg_quality: int = DEFAULT_QUALITY,
    thresholds: QualityThresholds = DEFAULT_THRESHOLDS,
) -> PreparedPhoto:
    """Score, encode, hash and store a camera frame (blocking; call it off the GUI thread).

    Raises :class:`~station.evidence.errors.ImageRejected` for an unusable frame and
    :class:`~station.evidence.errors.StorageError` when the disk refuses; either way no
    file is left half written.
    """
    kind = PhotoKind(kind)
    report = assess(frame, kind, thresholds)
    encoded = encode_jpeg(frame, jpeg_quality)
    sha = sha256_hex(encoded.data)
    thumb_path, thumb_new = store.thumbnails.write(sha, frame)
    try:
        stored = store.blobs.put(encoded.data)
    except StorageError:
        if thumb_new:  # nothing refers to it and the original is not there: leave nothing
            store.thumbnails.discard(sha)
        raise
    return PreparedPhoto(
        sha256=stored.sha256,
        kind=kind,
        size_bytes=stored.size,
        width=encoded.width,
        height=encoded.height,
        quality=report,
        blob_path=stored.path,
        thumbnail_path=thumb_path,
    )


def prepare_imported(
    path: Path,
    kind: PhotoKind,
    store: EvidenceStore,
    *,
    jpeg_quality: int = DEFAULT_QUALITY,
    thresholds: QualityThresholds = DEFAULT_THRESHOLDS,
) -> PreparedPhoto:
    """Like :func:`prepare_photo` for an image file picked from disk (a phone photo, a
    scan); the file is checked before it is decoded and re-encoded like a camera frame."""
    return prepare_photo(
        load_image_file(path), kind, store, jpeg_quality=jpeg_quality, thresholds=thresholds
    )


# -- the database half: session functions, none commits ----------------------------------


def inspection_or_refuse(
    session: Session, inspection_id: str, refused: type[BilingualError] = PhotoRefused
) -> Inspection:
    """The inspection, or ``refused`` saying there is none: the photos, the evidence pack and
    the review all say it in the same words."""
    row = session.get(Inspection, inspection_id)
    if row is None:
        raise refused(f"There is no inspection {inspection_id}.", f"没有质检记录 {inspection_id}。")
    return row


def _check_open_inspection(session: Session, inspection_id: str, doing_en: str) -> Inspection:
    row = inspection_or_refuse(session, inspection_id)
    if row.state != InspectionState.OPEN.value:
        raise PhotoRefused(
            f"Inspection {inspection_id} is {row.state}: its photos can no longer change"
            f" ({doing_en} refused).",
            f"质检 {inspection_id} 已{'完成' if row.state == 'completed' else '取消'}，"
            "其照片不能再更改。",
        )
    return row


def _check_open_parcel(session: Session, unmatched_id: str) -> UnmatchedParcel:
    row = session.get(UnmatchedParcel, unmatched_id)
    if row is None:
        raise PhotoRefused(
            f"There is no unmatched parcel {unmatched_id}.", f"没有无头件 {unmatched_id}。"
        )
    if row.resolved_return_id is not None:
        raise PhotoRefused(
            f"Unmatched parcel {unmatched_id} has been matched to an order; its photos can no"
            " longer change.",
            f"无头件 {unmatched_id} 已匹配到订单，其照片不能再更改。",
        )
    return row


def _check_open_owner(
    session: Session, inspection_id: str | None, unmatched_id: str | None, doing_en: str
) -> None:
    """Refuse unless the photo's owner may still change: an open inspection, or an unmatched
    parcel not yet matched to an order."""
    if inspection_id is not None:
        _check_open_inspection(session, inspection_id, doing_en)
    elif unmatched_id is not None:
        _check_open_parcel(session, unmatched_id)


def _actor_for(session: Session, user_id: int) -> str:
    user = session.get(User, user_id)
    if user is None:
        raise PhotoRefused(f"There is no user {user_id}.", f"没有用户 {user_id}。")
    return user_ref(user)


def record_photo(
    session: Session,
    prepared: PreparedPhoto,
    *,
    inspection_id: str | None = None,
    unmatched_id: str | None = None,
    station_id: str,
    inspector_id: int,
    taken_at: datetime | None = None,
) -> EvidenceView:
    """Record a prepared photo against an open inspection or an unmatched parcel.

    A picture identical to one already on record — the same bytes, anywhere — is refused: a
    camera never takes the same picture twice unless it froze, and the same file imported
    twice is not a second piece of evidence.
    """
    if (inspection_id is None) == (unmatched_id is None):
        raise ValueError("a photo belongs to exactly one inspection or unmatched parcel")
    when = taken_at or utcnow()
    if when.tzinfo is None:
        raise ValueError("taken_at must be an aware datetime (UTC)")
    _check_open_owner(session, inspection_id, unmatched_id, "adding a photo")
    if not prepared.blob_path.is_file() or prepared.blob_path.stat().st_size != prepared.size_bytes:
        raise PhotoRefused(
            "The photo's file is not in the photo folder; take the photo again.",
            "照片文件不在照片文件夹中，请重新拍摄。",
        )
    actor = _actor_for(session, inspector_id)
    same = session.scalar(
        select(EvidenceItem).where(EvidenceItem.sha256 == prepared.sha256).limit(1)
    )
    if same is not None:
        here = (same.inspection_id, same.unmatched_id) == (inspection_id, unmatched_id)
        raise _identical(session, same, here=here)
    row = EvidenceItem(
        sha256=prepared.sha256,
        media=MediaKind.PHOTO.value,
        inspection_id=inspection_id,
        unmatched_id=unmatched_id,
        kind=prepared.kind.value,
        size_bytes=prepared.size_bytes,
        width=prepared.width,
        height=prepared.height,
        sharpness=prepared.quality.score,
        exposure=prepared.quality.mean_luma,
        quality_flags=[flag.value for flag in prepared.quality.flags],
        station_id=station_id,
        inspector_id=inspector_id,
        taken_at=when,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        evidence_added(row, inspector=actor),
        actor=actor,
        action="photo_added",
        entity=f"photo:{row.id}",
        details={
            "inspection_id": inspection_id,
            "unmatched_id": unmatched_id,
            "kind": row.kind,
            "sha256": row.sha256,
            "size_bytes": row.size_bytes,
            "quality_flags": list(row.quality_flags),
        },
        at=when,
        binds=[row],
    )
    return evidence_view(row)


def _identical(session: Session, same: EvidenceItem, *, here: bool) -> PhotoRefused:
    if here:
        return PhotoRefused(
            "This picture is identical to a photo already taken here: is the camera picture "
            "frozen? Check the camera and take it again.",
            "这张照片与本次已拍的照片完全相同：摄像头画面可能卡住了，请检查摄像头后重拍。",
        )
    owner = (
        session.scalar(
            select(ReturnOrder.rma_no).join(Inspection).where(Inspection.id == same.inspection_id)
        )
        if same.inspection_id
        else same.unmatched_id
    )
    return PhotoRefused(
        f"This picture is identical to a photo kept for {owner}: the camera picture has not "
        "changed. Check the camera and take it again.",
        f"这张照片与 {owner} 已保存的照片完全相同：摄像头画面没有变化，请检查摄像头后重拍。",
    )


def keep_photo(
    session: Session, photo_id: int, *, actor: str, at: datetime | None = None
) -> EvidenceView:
    """The inspector keeps a flagged photo as it is (the item cannot be shown better): from
    now on it counts toward the photos the verdict needs. Recorded in the audit log."""
    row = session.get(EvidenceItem, photo_id)
    if row is None or row.deleted_at is not None:
        raise PhotoRefused(f"There is no photo {photo_id}.", f"没有照片 {photo_id}。")
    _check_open_owner(session, row.inspection_id, row.unmatched_id, "keeping a photo")
    if row.kept or not row.quality_flags:
        return evidence_view(row)
    row.kept = True
    session.flush()
    audit.append(
        session,
        actor=actor,
        action="photo_kept",
        entity=f"photo:{row.id}",
        details={"quality_flags": list(row.quality_flags), "sha256": row.sha256},
        at=at,
        binds=[row],
    )
    return evidence_view(row)


def _clean_reason(reason: str) -> str:
    return reason_text(
        reason,
        missing=("Say why the photo is deleted.", "请填写删除照片的原因。"),
        refuse=PhotoRefused,
        lines=True,
    )


def delete_photo(
    session: Session,
    photo_id: int,
    *,
    actor: str,
    reason: str,
    at: datetime | None = None,
) -> EvidenceView:
    """Mark a photo deleted (its file stays: evidence is never destroyed). Refused once
    its inspection is completed or cancelled, or its unmatched parcel matched."""
    text = _clean_reason(reason)
    row = session.get(EvidenceItem, photo_id)
    if row is None:
        raise PhotoRefused(f"There is no photo {photo_id}.", f"没有照片 {photo_id}。")
    if row.deleted_at is not None:
        raise PhotoRefused(f"Photo {photo_id} is already deleted.", f"照片 {photo_id} 已删除。")
    _check_open_owner(session, row.inspection_id, row.unmatched_id, "deleting a photo")
    when = at or utcnow()
    row.deleted_at = when
    session.flush()
    deleted = events.EvidenceDeleted(
        evidence_id=row.id,
        sha256=row.sha256,
        inspection_id=row.inspection_id,
        unmatched_id=row.unmatched_id,
        reason=text,
        deleted_at=when,
    )
    audit.record(
        session,
        deleted,
        actor=actor,
        action="photo_deleted",
        entity=f"photo:{row.id}",
        details=deleted.model_dump(include={"inspection_id", "unmatched_id", "sha256", "reason"}),
        at=when,
        binds=[row],
    )
    return evidence_view(row)


def evidence_for(
    session: Session, inspection_id: str, *, include_deleted: bool = False
) -> list[EvidenceView]:
    """An inspection's photos in the order they were taken."""
    return _evidence_of(session, EvidenceItem.inspection_id == inspection_id, include_deleted)


def evidence_for_unmatched(
    session: Session, unmatched_id: str, *, include_deleted: bool = False
) -> list[EvidenceView]:
    """An unmatched parcel's photos in the order they were taken."""
    return _evidence_of(session, EvidenceItem.unmatched_id == unmatched_id, include_deleted)


def _evidence_of(
    session: Session, owner: ColumnElement[bool], include_deleted: bool
) -> list[EvidenceView]:
    """One owner's photos in the order they were taken: inspections and parcels alike (its
    clips are listed by :mod:`station.evidence.video.records`)."""
    query = select(EvidenceItem).where(owner, EvidenceItem.media == MediaKind.PHOTO.value)
    if not include_deleted:
        query = query.where(EvidenceItem.deleted_at.is_(None))
    return [
        evidence_view(r)
        for r in session.scalars(query.order_by(EvidenceItem.taken_at, EvidenceItem.id))
    ]


def live_evidence(*, unmatched_id: object) -> Select[int]:
    """How many pieces of evidence (not deleted) an unmatched parcel has, as a query: the id
    may be a column, for a subquery."""
    return select(func.count(EvidenceItem.id)).where(
        EvidenceItem.unmatched_id == unmatched_id, EvidenceItem.deleted_at.is_(None)
    )


def photo_kinds_present(session: Session, inspection_id: str) -> Counter[PhotoKind]:
    """How many photos of each kind count as evidence for an inspection ("photos still
    needed"): live ones, without quality flags or kept on purpose despite them."""
    rows = session.execute(
        select(EvidenceItem.kind, EvidenceItem.quality_flags, EvidenceItem.kept).where(
            EvidenceItem.inspection_id == inspection_id,
            EvidenceItem.media == MediaKind.PHOTO.value,
            EvidenceItem.deleted_at.is_(None),
        )
    )
    return Counter(PhotoKind(str(kind)) for kind, flags, kept in rows if kept or not flags)

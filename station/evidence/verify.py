"""Checking the evidence: does every photo and clip the records point at still exist, unaltered?

Each referenced original is re-hashed (read in chunks, so a huge file never sits in
memory) and compared with the SHA-256 its row expects, which is also its file name. Soft-
deleted photos are checked too: deleting hides a photo, it never removes the file. A clip's
fragment chain is recomputed from its bytes and must end where its record says; a clip whose
file was deleted after its retention is not looked for.

It runs in two halves so the database thread is not held while files are read:
:func:`referenced_evidence` (a quick query) and :func:`check_evidence` (disk only; any
thread). :func:`verify_evidence` does both, for the ``station verify-evidence`` command.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.evidence.blobs import BlobStore, hash_file
from station.evidence.storage import EvidenceStore
from station.evidence.video.fragments import links_of_file
from station.protocol.enums import MediaKind
from station.store.models import Clip, EvidenceItem

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (checked so far, total)


class Problem(StrEnum):
    MISSING = "missing"
    ALTERED = "altered"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    evidence_id: int
    media: MediaKind
    sha256: str
    size_bytes: int
    inspection_id: str | None
    unmatched_id: str | None
    deleted: bool
    clip: tuple[str, str, int] | None = None  # a clip's id, chain head and the bytes it covers


@dataclass(frozen=True, slots=True)
class Finding:
    problem: Problem
    evidence_id: int
    media: MediaKind
    inspection_id: str | None
    unmatched_id: str | None
    expected_sha256: str
    path: Path
    actual_sha256: str | None = None
    detail: str = ""

    def describe(self) -> str:
        owner = (
            f"inspection {self.inspection_id}"
            if self.inspection_id
            else f"unmatched parcel {self.unmatched_id}"
        )
        text = (
            f"{self.media} {self.evidence_id} ({owner}) {self.problem}: "
            f"expected {self.expected_sha256}"
        )
        if self.actual_sha256:
            text += f", found {self.actual_sha256}"
        if self.detail:
            text += f" ({self.detail})"
        return f"{text} at {self.path}"


@dataclass(frozen=True, slots=True)
class VerifyReport:
    items: int  # rows checked
    files: int  # distinct files re-hashed
    bytes_read: int
    findings: tuple[Finding, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.findings

    def of(self, problem: Problem) -> list[Finding]:
        return [f for f in self.findings if f.problem is problem]

    @property
    def missing(self) -> list[Finding]:
        return self.of(Problem.MISSING)

    @property
    def altered(self) -> list[Finding]:
        return self.of(Problem.ALTERED)


def referenced_evidence(session: Session) -> list[EvidenceRef]:
    """Every evidence row (deleted ones too, not clips past their retention), as plain values."""
    rows = session.execute(
        select(
            EvidenceItem.id,
            EvidenceItem.media,
            EvidenceItem.sha256,
            EvidenceItem.size_bytes,
            EvidenceItem.inspection_id,
            EvidenceItem.unmatched_id,
            EvidenceItem.deleted_at,
            Clip.id.label("clip_id"),
            Clip.chain_head,
            Clip.chain_end,
        )
        .outerjoin(Clip, Clip.evidence_id == EvidenceItem.id)
        .where(Clip.purged_at.is_(None))
        .order_by(EvidenceItem.id)
    )
    return [
        EvidenceRef(
            evidence_id=r.id,
            media=MediaKind(r.media),
            sha256=r.sha256,
            size_bytes=r.size_bytes,
            inspection_id=r.inspection_id,
            unmatched_id=r.unmatched_id,
            deleted=r.deleted_at is not None,
            clip=(r.clip_id, r.chain_head, r.chain_end) if r.clip_id else None,
        )
        for r in rows
    ]


def _check_file(path: Path, expected: str) -> tuple[Problem | None, str | None, int, str]:
    try:
        actual, size = hash_file(path)
    except FileNotFoundError:
        return Problem.MISSING, None, 0, ""
    except OSError as exc:
        return Problem.UNREADABLE, None, 0, exc.strerror or str(exc)
    if actual != expected:
        return Problem.ALTERED, actual, size, ""
    return None, actual, size, ""


def check_evidence(
    refs: Iterable[EvidenceRef], photos_root: Path, *, progress: Progress | None = None
) -> VerifyReport:
    """Re-hash the originals of ``refs``; each file once, however many rows share it."""
    refs = list(refs)
    store = EvidenceStore(photos_root)
    by_blob: dict[tuple[str, MediaKind], list[EvidenceRef]] = {}
    for ref in refs:
        by_blob.setdefault((ref.sha256, ref.media), []).append(ref)
    findings: list[Finding] = []
    bytes_read = 0
    done = 0
    total = len(refs)
    for (sha, media), sharing in by_blob.items():
        problem: Problem | None
        try:
            path = store.path_for(sha, media)
        except ValueError:  # a malformed digest in the row itself
            path = photos_root
            problem, actual, size = Problem.ALTERED, None, 0
            detail = "the record's SHA-256 is malformed"
        else:
            problem, actual, size, detail = _check_file(path, sha)
            clip = sharing[0].clip
            if problem is None and clip is not None:
                detail = _check_chain(path, *clip)
                problem = Problem.ALTERED if detail else None
        bytes_read += size
        if problem is not None:
            for ref in sharing:
                finding = Finding(
                    problem=problem,
                    evidence_id=ref.evidence_id,
                    media=ref.media,
                    inspection_id=ref.inspection_id,
                    unmatched_id=ref.unmatched_id,
                    expected_sha256=sha,
                    path=path,
                    actual_sha256=actual,
                    detail=detail,
                )
                findings.append(finding)
                log.warning("evidence check: %s", finding.describe())
        done += len(sharing)
        if progress is not None:
            progress(done, total)
    findings.sort(key=lambda f: f.evidence_id)
    return VerifyReport(len(refs), len(by_blob), bytes_read, tuple(findings))


def _check_chain(path: Path, clip_id: str, head: str, end: int) -> str:
    """What is wrong with a clip's fragment chain ("" if nothing)."""
    last = None
    for link in links_of_file(path, clip_id):
        if link.end > end:
            break
        last = link
    if last is None or (last.end, last.digest) != (end, head):
        return "its fragment chain does not end where its record says"
    return ""


def verify_evidence(
    session: Session, photos_root: Path, *, progress: Progress | None = None
) -> VerifyReport:
    """Check every evidence file the database refers to (holds the session while files are read:
    from the UI, run :func:`referenced_evidence` and :func:`check_evidence` separately)."""
    return check_evidence(referenced_evidence(session), photos_root, progress=progress)


def unreferenced_blobs(refs: Iterable[EvidenceRef], photos_root: Path) -> list[str]:
    """Originals no row points at: left by a transaction that failed after its file was
    written. Harmless and kept (never deleted automatically); listed for information."""
    known = {ref.sha256 for ref in refs}
    return [sha for sha in BlobStore(photos_root).digests() if sha not in known]

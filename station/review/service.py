"""The review service: what the supervisor's screen (and a command line) can ask for.

Every method takes the acting user first and refuses anyone who may not review with
:class:`~station.review.access.NotAllowed` — before touching anything, and again against the
user's row inside the transaction. Methods block (database thread, disk, network), so the UI
calls them through its task runner. Results are plain values.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.domain.labels import Language
from station.domain.outcome import Outcome
from station.domain.policy import Policy
from station.domain.records import UserView
from station.evidence.errors import EvidenceError
from station.evidence.pack import BuiltPack, build_pack, pack_data
from station.evidence.photos import evidence_for, evidence_for_unmatched
from station.evidence.records import EvidenceView
from station.evidence.storage import EvidenceStore
from station.evidence.video.export import (
    PLATFORMS,
    ExportRefused,
    ExportResult,
    export_excerpt,
    export_original,
)
from station.evidence.video.records import ClipView, clip_by_id, clips
from station.review import decisions, queue, unmatched
from station.review.access import check_reviewer, require_reviewer
from station.review.analytics import AlertRule, Window
from station.review.central_source import RemoteInspections, remote_detail, remote_page
from station.review.csv_export import ReportTable, write_table
from station.review.dashboard import Dashboard, build_dashboard
from station.review.decisions import DecisionMade, DecisionRequest
from station.review.errors import BadInput, ExportFailed
from station.review.evidence import EvidenceDetail, evidence_detail
from station.review.rows import QueueCount, QueueCursor, QueueFilter, QueuePage, QueueRow, QueueSort
from station.review.unmatched import ParcelLinked, ParcelRow
from station.rulebook import Rulebook
from station.security import users
from station.store.database import Database
from station.store.models import Inspection, User
from station.store.types import utcnow

log = logging.getLogger(__name__)

T = TypeVar("T")


class ClipState(StrEnum):
    PLAYABLE = "playable"
    PURGED = "purged"  # deleted after its retention time (central keeps it)
    MISSING = "missing"  # on record, but its file is not on this station


@dataclass(frozen=True, slots=True)
class ReviewClip:
    """A clip of an inspection and where its file is (None unless it can be played)."""

    clip: ClipView
    path: Path | None
    state: ClipState


def local_offset_minutes() -> int:
    offset = datetime.now().astimezone().utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


class ReviewService:
    def __init__(
        self,
        db: Database,
        *,
        station_id: str,
        rulebook: Rulebook,
        evidence: EvidenceStore,
        remote: RemoteInspections | None = None,
        clock: Callable[[], datetime] = utcnow,
        alert_rule: AlertRule | None = None,
        utc_offset_minutes: int | None = None,
    ) -> None:
        self._db = db
        self.station_id = station_id
        self.rulebook = rulebook
        self.evidence_store = evidence
        self.remote = remote
        self._clock = clock
        self.alert_rule = alert_rule or AlertRule()
        self.utc_offset_minutes = (
            local_offset_minutes() if utc_offset_minutes is None else utc_offset_minutes
        )

    @property
    def policy(self) -> Policy:
        return self.rulebook.policy.windows

    def now(self) -> datetime:
        return self._clock()

    def _run(self, user: UserView, work: Callable[[Session], T]) -> T:
        require_reviewer(user)

        def checked(session: Session) -> T:
            check_reviewer(session, user)
            return work(session)

        return self._db.run(checked)

    # -- the queue ---------------------------------------------------------------------------

    def queue_page(
        self,
        user: UserView,
        filters: QueueFilter,
        *,
        sort: QueueSort = QueueSort.OLDEST,
        after: QueueCursor | None = None,
        limit: int = 100,
    ) -> QueuePage:
        threshold = self.policy.high_value_fen
        return self._run(
            user,
            lambda s: queue.queue_page(
                s, filters, sort=sort, after=after, limit=limit, high_value_fen=threshold
            ),
        )

    def queue_count(self, user: UserView, filters: QueueFilter) -> QueueCount:
        threshold = self.policy.high_value_fen
        return self._run(user, lambda s: queue.queue_count(s, filters, high_value_fen=threshold))

    def inspectors(self, user: UserView) -> list[UserView]:
        """Everyone who inspects, for the queue's inspector filter."""

        def work(session: Session) -> list[UserView]:
            return [users.view(u) for u in session.scalars(select(User).order_by(User.badge_id))]

        return self._run(user, work)

    @property
    def has_remote(self) -> bool:
        return self.remote is not None

    def remote_page(
        self,
        user: UserView,
        filters: QueueFilter,
        *,
        after: QueueCursor | None = None,
        limit: int = 100,
    ) -> QueuePage:
        """Other stations' inspections through the central service (read-only rows)."""
        require_reviewer(user)
        if self.remote is None:
            raise BadInput("No central service is set up.", "未配置中心服务。")
        f = queue.normalised(filters)
        self._run(user, lambda _s: None)  # the store's word on the user, before the network
        return remote_page(self.remote.for_user(user), f, after, limit)

    # -- evidence and decisions --------------------------------------------------------------

    def evidence(self, user: UserView, row: QueueRow | str) -> EvidenceDetail:
        key = row if isinstance(row, str) else row.key
        hours = self.policy.dispute_review_hours
        if self._is_local(user, key) or self.remote is None:
            return self._run(
                user, lambda s: evidence_detail(s, key, self.rulebook, review_hours=hours)
            )
        return remote_detail(self.remote.for_user(user).inspection(key))

    def _is_local(self, user: UserView, key: str) -> bool:
        return self._run(user, lambda s: s.get(Inspection, key) is not None)

    def decide(self, user: UserView, row: QueueRow | str, request: DecisionRequest) -> DecisionMade:
        """Approve or overturn; another station's inspection is decided through an event."""
        now = self._clock()
        key = row if isinstance(row, str) else row.key
        if isinstance(row, str) or self._is_local(user, key):
            made = self._run(user, lambda s: decisions.decide(s, key, request, user=user, now=now))
        else:
            current = Outcome(row.grade, row.disposition, row.refund_kind, row.refund_fen, None)
            made = self._run(
                user,
                lambda s: decisions.decide_remote(
                    s, key, current, request, station_id=row.station_id, user=user, now=now
                ),
            )
        log.info(
            "decision %s on %s by %s (%s)",
            made.decision.decision_id,
            key,
            user.badge_id,
            ", ".join(made.changed) or "approved",
        )
        return made

    def evidence_of(self, user: UserView, inspection_id: str) -> list[EvidenceView]:
        return self._run(user, lambda s: evidence_for(s, inspection_id))

    def clips(self, user: UserView, inspection_id: str) -> list[ReviewClip]:
        """An inspection's unboxing clips, the first take first, each with its file (blocking:
        the files are looked for on the caller's thread). Another station's inspection has
        none here."""
        found = self._run(user, lambda s: clips(s, inspection_id=inspection_id))
        return [self._located(c) for c in sorted(found, key=lambda c: c.started_at)]

    def _located(self, clip: ClipView) -> ReviewClip:
        if clip.purged:
            return ReviewClip(clip, None, ClipState.PURGED)
        try:
            path = self.evidence_store.clips.path_for(clip.sha256)
            present = path.is_file()
        except (OSError, ValueError):  # an unreadable folder, a digest that is no digest
            present = False
        if not present:
            log.warning("clip %s: its file is missing", clip.id)
            return ReviewClip(clip, None, ClipState.MISSING)
        return ReviewClip(clip, path, ClipState.PLAYABLE)

    def export_clip(
        self,
        user: UserView,
        clip: ClipView,
        folder: Path,
        *,
        platform: str,
        chapters: Sequence[int] | None = None,
        progress: Callable[[float], None] | None = None,
    ) -> ExportResult:
        """A platform-ready copy of a clip with its manifest (blocking: copying, hashing and
        re-encoding run on the caller's thread): the original for platforms that want the
        whole take, else an excerpt around ``chapters`` (indexes) within the platform's
        limits."""
        current = self._run(user, lambda s: clip_by_id(s, clip.id))
        if current is None:
            raise ExportRefused(f"There is no clip {clip.id}.", f"没有视频 {clip.id}。")
        located = self._located(current)
        if located.path is None:
            raise ExportRefused(
                f"The clip {clip.id} is not on this station ({located.state.value}).",
                f"视频 {clip.id} 不在本站（{located.state.value}）。",
            )
        limit = PLATFORMS[platform]
        if limit.whole:
            return export_original(current, located.path, folder, station_id=self.station_id)
        return export_excerpt(
            current,
            located.path,
            folder,
            chapters=list(chapters) if chapters else None,
            limit=limit,
            station_id=self.station_id,
            progress=progress,
        )

    def export_pack(
        self, user: UserView, inspection_id: str, out_path: Path, *, language: Language = "zh_CN"
    ) -> BuiltPack:
        """The evidence pack PDF (blocking: hashing and rendering run on the caller's thread)."""
        data = self._run(user, lambda s: pack_data(s, inspection_id))
        if out_path.is_dir() or not out_path.parent.is_dir():
            raise ExportFailed(
                f"Cannot write the evidence pack to {out_path}.", f"无法将证据包写入 {out_path}。"
            )
        try:
            return build_pack(data, out_path, self.evidence_store, captioned=True)
        except EvidenceError as exc:
            raise ExportFailed(exc.en, exc.zh) from exc

    # -- unmatched parcels -------------------------------------------------------------------

    def parcels(self, user: UserView, *, include_linked: bool = False) -> list[ParcelRow]:
        return self._run(user, lambda s: unmatched.parcels(s, include_linked=include_linked))

    def parcel_photos(self, user: UserView, parcel_id: str) -> list[EvidenceView]:
        return self._run(user, lambda s: evidence_for_unmatched(s, parcel_id))

    def link_parcel(self, user: UserView, parcel_id: str, code: str) -> ParcelLinked:
        now = self._clock()
        return self._run(
            user, lambda s: unmatched.link_parcel(s, parcel_id, code, user=user, now=now)
        )

    # -- the numbers -------------------------------------------------------------------------

    def window(self, days: int) -> Window:
        return Window.last_days(self._clock(), days, self.utc_offset_minutes)

    def dashboard(self, user: UserView, window: Window, rule: AlertRule | None = None) -> Dashboard:
        now = self._clock()
        chosen = rule or self.alert_rule
        if window.utc_offset_minutes != self.utc_offset_minutes:
            window = replace(window, utc_offset_minutes=self.utc_offset_minutes)
        return self._run(
            user,
            lambda s: build_dashboard(s, window, now=now, rule=chosen, policy=self.policy),
        )

    def export_table(self, user: UserView, table: ReportTable, path: Path) -> int:
        """Save a dashboard table (or the queue) as CSV for Excel."""
        require_reviewer(user)
        tz = Window.last_days(self._clock(), 1, self.utc_offset_minutes).tz
        return write_table(path, table, tz=tz)

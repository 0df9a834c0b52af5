"""What the bench does, as the parcel's clip: takes and chapters from the session's events.

A parcel's scan opening it (an inspection, or an unmatched parcel) starts a take; the take's
band names the parcel, its order, the inspector and the step. Every code, answer, photo,
verdict, override and label is a chapter. The take ends when the parcel leaves the bench:
completed (a multi-item order's take runs on through its next item), parked (another parcel
was scanned while it was open), or abandoned (cancelled, logged out).

Nothing here imports Qt; the window connects it (tests drive it through the session alone).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

from station.bench.checklist import ChecklistModel
from station.bench.session import BenchSession
from station.capture.classify import Command, ScanCode
from station.domain.labels import label
from station.evidence.records import EvidenceView
from station.evidence.video.chapters import ChapterKind
from station.evidence.video.recorder import new_clip_id
from station.evidence.video.takes import ClipStart
from station.protocol.enums import MediaKind
from station.workflow import Completion, InspectionStarted, NotInspectable, ParcelUnmatched

log = logging.getLogger(__name__)


class Takes(Protocol):
    """The part of the clip service the bench drives."""

    def begin(self, request: ClipStart) -> bool: ...
    def chapter(self, kind: ChapterKind, label: str = "") -> None: ...
    def step(self, text: str) -> None: ...
    def stop(self, ended: str) -> None: ...


class ClipDirector:
    def __init__(
        self,
        session: BenchSession,
        takes: Takes,
        *,
        station_id: str,
        camera: str = "",
        clock_skew_ms: Callable[[], int | None] = lambda: None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.session = session
        self.takes = takes
        self.station_id = station_id
        self.camera = camera
        self._skew = clock_skew_ms
        self._clock = clock
        self.clip_id: str | None = None
        self._order_id: int | None = None  # the order the take is about
        self._answers: dict[str, object] = {}
        self._photos: set[int] = set()
        self._step = ""
        events = session.events
        self._disconnect = [
            events.parcel.connect(self._parcel),
            events.handled.connect(self._handled),
            events.checklist.connect(self._checklist),
            events.photos.connect(self._photos_changed),
        ]

    def close(self, ended: str = "abandoned") -> None:
        for disconnect in self._disconnect:
            disconnect()
        self._end(ended)

    def logged_out(self) -> None:
        self._end("abandoned")

    # -- the session's events --------------------------------------------------------------

    def _parcel(self, outcome: object) -> None:
        match outcome:
            case InspectionStarted(order=order, inspection=inspection):
                if self.clip_id is not None and order.id == self._order_id:
                    self.takes.chapter(ChapterKind.SCAN, f"{order.rma_no} · {inspection.id[:8]}")
                    return
                self._end("parked")
                parcel = " / ".join([order.rma_no, *(number for _, number in order.tracking)])
                self._begin(parcel, order.rma_no, inspection_id=inspection.id)
                self._order_id = order.id
            case ParcelUnmatched(parcel=parcel):
                self._end("parked")
                self._begin(parcel.code, "", unmatched_id=parcel.id)
            case NotInspectable():
                self._end("parked")
            case Completion() as done:
                self._completed(done)
            case None:
                self._end("abandoned")

    def _handled(self, value: object) -> None:
        if self.clip_id is None:
            return
        if isinstance(value, ScanCode):
            self.takes.chapter(ChapterKind.SCAN, value.text)
        elif value is Command.PRINT:  # a label printed again, at the bench
            self.takes.chapter(ChapterKind.LABEL, "PRINT")
        elif isinstance(value, Command):
            self.takes.chapter(ChapterKind.SCAN, value.value.upper())

    def _checklist(self, model: ChecklistModel | None) -> None:
        if self.clip_id is None or model is None:
            return
        language = self.session.language
        for question_id, value in model.answers.items():
            if self._answers.get(question_id, _UNSET) == value:
                continue
            try:
                text = model.checklist.template.question(question_id).text.get(language)
            except KeyError:
                text = question_id
            self.takes.chapter(ChapterKind.ANSWER, f"{text}: {_shown_value(value)}")
        self._answers = dict(model.answers)
        steps = model.steps
        step = (
            f"{steps[model.step_index].title.get(language)} {model.step_index + 1}/{len(steps)}"
            if model.step_index < len(steps)
            else f"{len(steps)}/{len(steps)} ✓"
        )
        if step != self._step:
            self._step = step
            self.takes.step(step)

    def _photos_changed(self, photos: list[EvidenceView]) -> None:
        if self.clip_id is None:
            return
        for photo in photos:
            if photo.media is MediaKind.PHOTO and photo.id not in self._photos:
                self._photos.add(photo.id)
                self.takes.chapter(
                    ChapterKind.PHOTO, f"{label(photo.kind, self.session.language)} #{photo.id}"
                )

    def _completed(self, done: Completion) -> None:
        if self.clip_id is None:
            return
        inspection = done.inspection
        parts = [
            label(v, self.session.language)
            for v in (inspection.grade, inspection.disposition, inspection.refund_kind)
            if v
        ]
        self.takes.chapter(ChapterKind.VERDICT, " · ".join(parts))
        if inspection.overridden:
            self.takes.chapter(ChapterKind.OVERRIDE, inspection.refund_reason[:200])
        if done.label is not None:
            self.takes.chapter(ChapterKind.LABEL, done.label.kind)
        if done.next_line is None:
            self._end("completed")

    # -- takes -----------------------------------------------------------------------------

    def _begin(
        self,
        parcel: str,
        order: str,
        *,
        inspection_id: str | None = None,
        unmatched_id: str | None = None,
    ) -> None:
        user = self.session.user
        seen = self.session.last_scan_seen_at
        clip_id = new_clip_id()
        request = ClipStart(
            clip_id=clip_id,
            parcel=parcel,
            at=seen if seen is not None else self._clock(),
            order=order,
            inspection_id=inspection_id,
            unmatched_id=unmatched_id,
            station=self.station_id,
            inspector=f"{user.display_name} {user.badge_id}" if user else "",
            inspector_id=user.id if user else None,
            clock_skew_ms=self._skew(),
            camera=self.camera,
        )
        if self.takes.begin(request):
            self.clip_id = clip_id
            self._answers, self._photos, self._step = {}, set(), ""

    def _end(self, ended: str) -> None:
        if self.clip_id is not None:
            self.takes.stop(ended)
        self.clip_id = None
        self._order_id = None


_UNSET = object()


def _shown_value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)[:80]

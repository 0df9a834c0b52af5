"""The bench session: what a code means now, and what the inspection on the bench does next.

Every code — hand scanner, typed, camera, command card — comes to :meth:`BenchSession.code`,
is classified once, and is given its meaning here from the state of the bench: a command card
drives the checklist, an item code answers its scan-match question, a parcel code starts or
resumes an inspection. The session owns the checklist's navigation, the photo target, retake
and cancel, and announces every change through its emitters (:class:`BenchEvents`); screens
subscribe and render, and decide nothing.

The camera sees more than the inspector means: the next parcel's waybill, other items on the
bench. So while a parcel is open, a camera code never switches to another parcel (the hand
scanner does, deliberately), and the camera answers an item step only with a code the order
expects; a mismatch is recorded only from the hand scanner.

Work that touches the database, the disk or a printer goes to ``runner`` (a worker in the
window, inline in tests); its result comes back to the session on the session's own thread.
Nothing here imports Qt.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

import numpy as np

from station.bench.checklist import ChecklistModel, StepResult
from station.bench.decisions import DecisionInbox
from station.bench.notices import Notice, Say, Sound, Tone
from station.capture.classify import Command, ScanCode, ScanKind, classify
from station.capture.scan_text import BadScan
from station.domain.errors import BilingualError
from station.domain.labels import Language, label
from station.domain.records import UserView, Verdict
from station.evidence.quality import reason
from station.evidence.records import EvidenceView
from station.protocol.enums import MediaKind, PhotoKind
from station.qc.engine import Override, OverrideError, decide
from station.runtime.emitter import Emitter
from station.workflow import (
    Completion,
    IncompleteInspection,
    InspectionStarted,
    NotInspectable,
    ParcelUnmatched,
    ScanOutcome,
    Workflow,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
# The codes of one camera frame that may open a parcel, most telling first: an EAN-shaped
# waybill is tried before a code of no known shape, but never received under.
_OPENING_RANK = {
    ScanKind.RMA: 0,
    ScanKind.ORDER_NO: 1,
    ScanKind.TRACKING: 2,
    ScanKind.EAN: 3,
    ScanKind.OTHER: 4,
}
CANCEL_CONFIRM_S = 10.0


class Runner(Protocol):
    """Runs blocking work off the caller's thread and answers on it."""

    def submit(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None: ...


class InlineRunner:
    """Runs work at once on the calling thread (the command line and tests)."""

    def submit(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        try:
            result = work()
        except Exception as exc:
            if on_error is None:
                raise
            on_error(exc)
            return
        if on_done is not None:
            on_done(result)


@dataclass(frozen=True, slots=True)
class PhotoTarget:
    """What the next photo is evidence of, and which kind it is."""

    kind: PhotoKind
    missing: tuple[PhotoKind, ...] = ()  # what the verdict still needs
    inspection_id: str | None = None
    unmatched_id: str | None = None

    @property
    def ids(self) -> dict[str, str]:
        if self.inspection_id is not None:
            return {"inspection_id": self.inspection_id}
        if self.unmatched_id is not None:
            return {"unmatched_id": self.unmatched_id}
        return {}


@dataclass(slots=True)
class BenchEvents:
    """What screens subscribe to. Each emits on the session's thread."""

    notice: Emitter[Notice] = field(default_factory=lambda: Emitter("notice"))
    sound: Emitter[Sound] = field(default_factory=lambda: Emitter("sound"))
    # the parcel on the bench changed: a new outcome, a completion, or nothing (cleared)
    parcel: Emitter[ScanOutcome | Completion | None] = field(
        default_factory=lambda: Emitter("parcel")
    )
    checklist: Emitter[ChecklistModel | None] = field(default_factory=lambda: Emitter("checklist"))
    photos: Emitter[list[EvidenceView]] = field(default_factory=lambda: Emitter("photos"))
    photo_target: Emitter[PhotoTarget] = field(default_factory=lambda: Emitter("photo_target"))
    completed: Emitter[Completion] = field(default_factory=lambda: Emitter("completed"))
    # every code, once its meaning is settled: the outcome, a command, or why it was refused
    handled: Emitter[object] = field(default_factory=lambda: Emitter("handled"))
    typed_answer: Emitter[str] = field(default_factory=lambda: Emitter("typed_answer"))


class BenchSession:
    def __init__(
        self,
        workflow: Workflow,
        runner: Runner,
        *,
        language: Language,
        frames: Callable[[], np.ndarray | None] = lambda: None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.workflow = workflow
        self.runner = runner
        self.language: Language = language
        self.frames = frames  # the camera's newest full-resolution frame, for photos
        self._clock = clock
        self.events = BenchEvents()
        self.user: UserView | None = None
        self.outcome: ScanOutcome | None = None
        self.checklist: ChecklistModel | None = None
        self.photos: list[EvidenceView] = []
        self.photo_kind = PhotoKind.OVERVIEW
        self.retake_candidate: EvidenceView | None = None
        self.last_labelled: dict[str, str] = {}  # what PRINT reprints: inspection or parcel
        self.last_scan_seen_at: float | None = None  # when the camera saw the scan's frame
        self._cancel_armed_at = 0.0
        self._opening = False  # a parcel scan is on its way to the store
        # supervisors' decisions about this bench's inspections, queued for whoever is here
        self.decisions = DecisionInbox(language=language)

    # -- who is at the bench -----------------------------------------------------------------

    def start(self, user: UserView) -> None:
        self.end()
        self.user = user
        self._say(Say.HELLO, Tone.INFO, user.display_name)

    def suspend(self) -> None:
        """Idle lock: nobody may act, but what is on the bench stays for whoever returns."""
        self.user = None

    def resume(self, user: UserView) -> None:
        self.user = user
        self._say(Say.WELCOME_BACK, Tone.INFO, user.display_name)

    def end(self) -> None:
        """Logout: the bench is cleared."""
        self.user = None
        self._clear_parcel()

    # -- codes -------------------------------------------------------------------------------

    @property
    def inspection(self) -> InspectionStarted | None:
        return self.outcome if isinstance(self.outcome, InspectionStarted) else None

    def code(self, raw: str, source: str = "scanner", seen_at: float | None = None) -> None:
        """A scan from any source, or a typed code."""
        if self.user is None:
            return
        self.last_scan_seen_at = seen_at
        try:
            code = classify(raw, source=source)
        except BadScan as exc:
            self._refused(exc)
            return
        self._handle(code)

    def camera_codes(self, raws: Sequence[str], seen_at: float | None = None) -> None:
        """The codes one camera frame showed for the first time, together.

        A parcel's label often carries several: the waybill's barcode, an order number, a QR
        code. Which of them the decoders list first means nothing, so with nothing open the
        parcel is opened by whichever names one, and otherwise received as unmatched under
        the most parcel-like; the rest are that label's other codes. While a parcel is open,
        each code counts on its own, as the camera's codes do (:meth:`_camera_ignores`)."""
        if self.user is None:
            return
        self.last_scan_seen_at = seen_at
        codes: list[ScanCode] = []
        for raw in raws:
            try:
                codes.append(classify(raw, source="camera"))
            except BadScan as exc:  # a box's multi-line QR text, say: nobody aimed at it
                self._say(Say.BAD_SCAN, Tone.INFO, str(exc))
        parcel = sorted(
            (c for c in codes if c.kind in _OPENING_RANK), key=lambda c: _OPENING_RANK[c.kind]
        )
        if not parcel or not self._camera_may_open():
            for code in codes:
                self._handle(code)
            return
        for code in codes:  # a QR code beside a parcel's number is that label's, and says nothing
            if code.kind is ScanKind.COMMAND:
                self._handle(code)
        self._open(parcel, next((c for c in parcel if c.kind.names_a_parcel), None))

    def _handle(self, code: ScanCode) -> None:
        if code.kind is ScanKind.COMMAND:
            assert code.command is not None
            self._sound(Sound.SUCCESS)
            self.command(code.command)
            self.events.handled.emit(code.command)
            return
        camera = code.source == "camera"
        if camera and self._camera_ignores(code):
            self.events.handled.emit(code)
            return
        if self._answers_item_step(code):
            self.events.handled.emit(code)
            return
        if code.kind is ScanKind.TEXT:
            self._text_code(code)
            return
        if camera and self._opening:
            self.events.handled.emit(code)  # the parcel's other label, read while it opens
            return
        # an item's barcode opens a parcel only if it names one (a waybill number can have an
        # EAN's shape); anything else names a parcel, known or not
        self._open([code], None if code.kind is ScanKind.EAN else code)

    def _open(self, codes: list[ScanCode], receive: ScanCode | None) -> None:
        """Open the parcel the first of ``codes`` names, or receive it under ``receive``; with
        neither, the codes were items': scan the parcel first."""
        user = self.user
        assert user is not None

        def answered(outcome: ScanOutcome | None) -> None:
            if outcome is not None:
                self._show(outcome)
                return
            self._opening = False
            self._sound(Sound.UNKNOWN)
            self._say(Say.ITEM_CODE_FIRST, Tone.WARN, codes[0].text)
            self.events.handled.emit(codes[0])

        self._opening = True
        self.runner.submit(
            lambda: self.workflow.scan_first_known(codes, user, receive=receive),
            answered,
            self._refused,
        )

    def _text_code(self, code: ScanCode) -> None:
        """Text (a web address, data) where a parcel's or an item's number is wanted: nothing
        is received or recorded under it. The camera says so quietly: it sees every QR code
        on the bench."""
        if code.source == "camera":
            self._say(Say.TEXT_CODE, Tone.INFO, _shortened(code.text))
        else:
            self._sound(Sound.UNKNOWN)
            self._say(Say.TEXT_CODE, Tone.WARN, _shortened(code.text))
        self.events.handled.emit(code)

    def command(self, command: Command) -> None:
        """A command card, or the key that stands for it."""
        if command is Command.CANCEL:
            self.cancel()
        elif command is Command.PHOTO:
            self.take_photo()
        elif command is Command.PRINT:
            self.reprint()
        elif not self._checklist_command(command):
            self._say(Say.NOTHING_TO_DO, Tone.WARN, command.value.upper())

    @property
    def _parcel_open(self) -> bool:
        """A parcel is on the bench (one that cannot be inspected does not count)."""
        return not (self.outcome is None or isinstance(self.outcome, NotInspectable))

    def _camera_may_open(self) -> bool:
        """Whether a camera code may open a parcel now: nothing is open or on its way."""
        return not self._opening and not self._parcel_open

    def _camera_ignores(self, code: ScanCode) -> bool:
        """Whether a code the camera saw must not act on the open parcel (and says why). While
        a parcel is open, the camera only answers an item step with the code it expects."""
        if not self._parcel_open:
            return False
        model = self.checklist
        if model is not None and model.waits_for_item_scan():
            if model.expects_item(code.text):
                return False  # the item's own code answers its step, whatever it looks like
            if code.kind.item_like:
                self._say(Say.CAMERA_OTHER_ITEM, Tone.INFO, code.text)
                return True
        if code.kind.names_a_parcel and not self._is_open_parcel(code.text):
            self._say(Say.CAMERA_OTHER_PARCEL, Tone.INFO, code.text)
        return True  # the open parcel's own label still in view, or a code naming no parcel

    def _is_open_parcel(self, text: str) -> bool:
        outcome = self.outcome
        if isinstance(outcome, InspectionStarted):
            order = outcome.order
            codes = {order.rma_no, order.order_no, *(number for _, number in order.tracking)}
            return text.upper() in {c.upper() for c in codes}
        if isinstance(outcome, ParcelUnmatched):
            return text.upper() == outcome.parcel.code.upper()
        return False

    def _answers_item_step(self, code: ScanCode) -> bool:
        """While a checklist waits for an item scan, item-like codes answer it, and so does the
        item's own barcode whatever else it looks like."""
        model = self.checklist
        if model is None:
            return False
        if not code.kind.item_like and not model.expects_item(code.text):
            return False
        scanned = model.item_scanned(code.text)
        if scanned is None:
            return False
        if scanned.matched:
            self._say(Say.ITEM_MATCHES, Tone.OK)
            self._sound(Sound.SUCCESS)
        else:
            self._say(Say.ITEM_MISMATCH, Tone.ERROR, scanned.code)
            self._sound(Sound.ERROR)
        self._checklist_changed(save=True)
        return True

    def _show(self, outcome: ScanOutcome) -> None:
        self._opening = False
        current = self.inspection
        if (
            isinstance(outcome, InspectionStarted)
            and current is not None
            and outcome.inspection.id == current.inspection.id
        ):  # another code of the parcel already on the bench: nothing to reload
            self._say(Say.ALREADY_INSPECTING, Tone.INFO, outcome.order.rma_no)
            self.events.handled.emit(outcome)
            return
        self.outcome = outcome
        self.retake_candidate = None
        self._cancel_armed_at = 0.0
        match outcome:
            case InspectionStarted(order=order, line=line, resumed=resumed):
                self.checklist = ChecklistModel(outcome.checklist, line)
                say = Say.RESUMED if resumed else Say.INSPECTING
                self._say(say, Tone.OK, order.rma_no)
                self._sound(Sound.SUCCESS)
            case ParcelUnmatched(parcel=parcel):
                self.checklist = None
                self.last_labelled = {"unmatched_id": parcel.id}
                self._sound(Sound.UNKNOWN)
                self._say(Say.UNMATCHED, Tone.WARN, parcel.code)
            case NotInspectable(order=order, reason=why):
                log.info("not inspectable: %s", why)
                self.checklist = None
                self._say(
                    Say.NOT_INSPECTABLE, Tone.WARN, order.rma_no, label(order.state, self.language)
                )
                self._sound(Sound.UNKNOWN)
        self.events.parcel.emit(outcome)
        self.events.checklist.emit(self.checklist)
        self._target_changed()
        self.refresh_photos()
        self.events.handled.emit(outcome)

    def scan_cut_short(self, partial: str) -> None:
        """A scanner's burst ended without its suffix: nothing of it is used; scan again."""
        if self.user is None:
            return
        self._sound(Sound.ERROR)
        self._say(Say.SCAN_CUT_SHORT, Tone.WARN, partial[:40])

    def _text(self, error: BaseException) -> str:
        """An error as the inspector reads it: in their language when it has both."""
        return error.message(self.language) if isinstance(error, BilingualError) else str(error)

    def _refused(self, error: BaseException) -> None:
        self._opening = False
        self._sound(Sound.ERROR)
        if isinstance(error, BadScan):
            self._say(Say.BAD_SCAN, Tone.ERROR, str(error))
        else:
            log.error("scan failed", exc_info=error)
            self._say(Say.SCAN_FAILED, Tone.ERROR, self._text(error))
        self.events.handled.emit(error)

    # -- the checklist -----------------------------------------------------------------------

    def _checklist_command(self, command: Command) -> bool:
        model = self.checklist
        if model is None:
            return False
        match command:
            case Command.PASS:
                if model.on_confirm_page:
                    self.accept()
                    return True
                result, blocking = model.confirm_step()
                if result is StepResult.BLOCKED and blocking is not None:
                    self._say(Say.ANSWER_FIRST, Tone.WARN, blocking.text.get(self.language))
            case Command.FAIL:
                model.mark_problem()
            case Command.NEXT:
                model.shift(1)
            case Command.BACK:
                model.shift(-1)
            case _:
                return False
        self._checklist_changed(save=command in (Command.PASS, Command.FAIL))
        return True

    def pick(self, index: int) -> None:
        """A digit key: the question at ``index`` of the step flips, or asks to be typed."""
        model = self.checklist
        if model is None:
            return
        typed = model.pick(index)
        self._checklist_changed(save=typed is None)
        if typed is not None:
            self.events.typed_answer.emit(typed.id)

    def answer(self, question_id: str, value: object) -> None:
        """An answer given on the screen (a button, a typed number)."""
        if self.checklist is not None:
            self.checklist.set_answer(question_id, value)
            self._checklist_changed(save=True)

    def go_to_step(self, index: int) -> None:
        if self.checklist is not None:
            self.checklist.go_to_step(index)
            self._checklist_changed(save=False)

    def _checklist_changed(self, *, save: bool) -> None:
        model = self.checklist
        self.events.checklist.emit(model)
        self._target_changed()
        started, user = self.inspection, self.user
        if save and model is not None and started is not None and user is not None:
            answers, inspection_id = dict(model.answers), started.inspection.id
            self.runner.submit(lambda: self.workflow.save_answers(inspection_id, answers))

    def missing_text(self) -> tuple[str, ...]:
        """What the verdict still needs, in the inspector's words."""
        model = self.checklist
        if model is None:
            return ()
        return tuple(q.text.get(self.language) for q in model.evaluation.unanswered) + tuple(
            label(kind, self.language) for kind in model.evaluation.missing_photos
        )

    # -- the verdict -------------------------------------------------------------------------

    def accept(self) -> None:
        """PASS on the last page, Enter or the button: the proposed verdict."""
        model = self.checklist
        if model is None:
            return
        verdict = model.verdict()
        if verdict is None:
            self._say(Say.STILL_NEEDED, Tone.WARN, "; ".join(self.missing_text()))
            return
        self.complete(verdict)

    def override(self, change: Override) -> None:
        """The inspector changes the proposal (with a reason; a supervisor will look)."""
        model, started = self.checklist, self.inspection
        if model is None or started is None:
            return
        try:
            verdict = decide(
                model.evaluation, started.checklist.template, started.line.amount_fen, change
            )
        except OverrideError as exc:
            self._say(Say.OVERRIDE_REFUSED, Tone.ERROR, str(exc))
            return
        self.complete(verdict)

    def complete(self, verdict: Verdict) -> None:
        started, user = self.inspection, self.user
        if started is None or user is None:
            return
        self.runner.submit(
            lambda: self.workflow.complete(started.inspection.id, verdict, user),
            self._completed,
            self._completion_refused,
        )

    def _completed(self, done: Completion) -> None:
        inspection = done.inspection
        parts = [
            label(value, self.language)
            for value in (inspection.grade, inspection.disposition, inspection.refund_kind)
            if value
        ]
        if inspection.needs_review:  # overridden, or a verdict the rules send for review
            self._say(Say.DONE_FOR_REVIEW, Tone.INFO, done.order.rma_no, " · ".join(parts))
        else:
            self._say(Say.DONE, Tone.OK, done.order.rma_no, " · ".join(parts))
        self.outcome = None
        self.checklist = None
        self.retake_candidate = None
        self.last_labelled = {"inspection_id": inspection.id}
        if done.label_error:
            self._say(Say.DONE_NO_LABEL, Tone.ERROR, done.label_error)
        self.events.parcel.emit(done)
        self.events.checklist.emit(None)
        self._target_changed()
        self.refresh_photos()
        self.events.completed.emit(done)
        if done.next_line is not None and self.user is not None:
            user, order_id = self.user, done.order.id
            self.runner.submit(
                lambda: self.workflow.next_line(order_id, user), self._show, self._refused
            )

    def _completion_refused(self, error: BaseException) -> None:
        if isinstance(error, IncompleteInspection):
            self._say(Say.STILL_NEEDED, Tone.WARN, "; ".join(self.missing_text()))
        else:
            log.error("completion refused", exc_info=error)
            self._say(Say.NOT_COMPLETED, Tone.ERROR, self._text(error))

    # -- photos ------------------------------------------------------------------------------

    @property
    def photo_target(self) -> PhotoTarget:
        missing = self.checklist.evaluation.missing_photos if self.checklist else ()
        if self.inspection is not None:
            return PhotoTarget(
                self.photo_kind, missing, inspection_id=self.inspection.inspection.id
            )
        if isinstance(self.outcome, ParcelUnmatched):
            return PhotoTarget(self.photo_kind, missing, unmatched_id=self.outcome.parcel.id)
        return PhotoTarget(self.photo_kind, missing)

    def choose_photo_kind(self, kind: PhotoKind) -> None:
        self.photo_kind = kind
        self.events.photo_target.emit(self.photo_target)

    def _target_changed(self) -> None:
        """The next photo defaults to the first kind the verdict still needs."""
        missing = self.checklist.evaluation.missing_photos if self.checklist else ()
        if missing and self.photo_kind not in missing:
            self.photo_kind = missing[0]
        self.events.photo_target.emit(self.photo_target)

    def take_photo(self, *, retake: bool = False) -> None:
        """PHOTO card, F9, the pedal or the button: keep the camera's current frame."""
        user, target = self.user, self.photo_target
        if user is None or not target.ids:
            self._say(Say.PHOTO_NEEDS_PARCEL, Tone.WARN)
            return
        frame = self.frames()
        if frame is None:
            self._say(Say.NO_CAMERA_PICTURE, Tone.ERROR)
            return
        replaced = self.retake_candidate if retake else None
        self.retake_candidate = None
        # a retake replaces the flagged photo with one of the same kind
        kind = replaced.kind if replaced is not None else target.kind
        ids, workflow = target.ids, self.workflow

        def work() -> EvidenceView:
            photo = workflow.take_photo(frame.copy(), kind, user, **ids)
            if replaced is not None:
                flags = ", ".join(f.value for f in replaced.quality_flags)
                workflow.delete_photo(replaced.id, user, f"retaken: {flags}")
            return photo

        self.runner.submit(work, self._photo_taken, self._photo_refused)

    def retake(self) -> bool:
        """R: take the flagged photo again; False when there is nothing to retake."""
        if self.retake_candidate is None:
            return False
        self.take_photo(retake=True)
        return True

    def keep_flagged(self) -> bool:
        """K: keep the flagged photo as it is (recorded), so it counts; False when none."""
        photo, user = self.retake_candidate, self.user
        if photo is None or user is None:
            return False
        self.retake_candidate = None
        self.runner.submit(
            lambda: self.workflow.keep_photo(photo.id, user), self._photo_kept, self._photo_refused
        )
        return True

    def _photo_taken(self, photo: EvidenceView) -> None:
        if photo.quality_flags:
            self.retake_candidate = photo
            reasons = "; ".join(reason(f, self.language) for f in photo.quality_flags)
            self._say(Say.PHOTO_FLAGGED, Tone.WARN, reasons)
        else:
            self._say(Say.PHOTO_TAKEN, Tone.OK, label(photo.kind, self.language))
        self.refresh_photos()

    def _photo_kept(self, photo: EvidenceView) -> None:
        self._say(Say.PHOTO_KEPT, Tone.INFO, label(photo.kind, self.language))
        self.refresh_photos()

    def _photo_refused(self, error: BaseException) -> None:
        self._say(Say.PHOTO_REFUSED, Tone.ERROR, self._text(error))

    def refresh_photos(self) -> None:
        ids = self.photo_target.ids
        if not ids:
            self._photos_loaded([])
            return
        workflow = self.workflow
        if "inspection_id" in ids:
            inspection_id = ids["inspection_id"]
            self.runner.submit(lambda: workflow.evidence_of(inspection_id), self._photos_loaded)
        else:
            unmatched_id = ids["unmatched_id"]
            self.runner.submit(
                lambda: workflow.evidence_of_unmatched(unmatched_id), self._photos_loaded
            )

    def _photos_loaded(self, photos: list[EvidenceView]) -> None:
        self.photos = list(photos)
        if self.checklist is not None:
            counts: dict[PhotoKind, int] = {}
            for photo in photos:  # a flagged photo counts only when kept on purpose
                if photo.counts and photo.media is MediaKind.PHOTO:
                    counts[photo.kind] = counts.get(photo.kind, 0) + 1
            self.checklist.set_photos(counts)
            self.events.checklist.emit(self.checklist)
            self._target_changed()
        self.events.photos.emit(self.photos)

    # -- labels and cancelling ---------------------------------------------------------------

    def reprint(self) -> None:
        user, target = self.user, dict(self.last_labelled)
        if user is None or not target:
            self._say(Say.NO_LABEL_YET, Tone.WARN)
            return
        self.runner.submit(
            lambda: self.workflow.reprint(inspector=user, **target),
            lambda _label: self._say(Say.REPRINTING, Tone.INFO),
            lambda error: self._say(Say.REPRINT_FAILED, Tone.ERROR, self._text(error)),
        )

    def cancel(self) -> None:
        """CANCEL twice within a few seconds cancels the inspection on the bench."""
        started, user = self.inspection, self.user
        if started is None or user is None:
            self._say(Say.NOTHING_TO_CANCEL, Tone.WARN)
            return
        now = self._clock()
        if now - self._cancel_armed_at > CANCEL_CONFIRM_S:
            self._cancel_armed_at = now
            self._say(Say.CANCEL_AGAIN, Tone.WARN, started.order.rma_no)
            return
        self._cancel_armed_at = 0.0
        self.runner.submit(
            lambda: self.workflow.cancel(started.inspection.id, user, "cancelled at the bench"),
            self._cancelled,
            self._refused,
        )

    def _cancelled(self, _order: object) -> None:
        self._clear_parcel()
        self._say(Say.CANCELLED, Tone.INFO)

    def _clear_parcel(self) -> None:
        self.outcome = None
        self.checklist = None
        self.retake_candidate = None
        self._cancel_armed_at = 0.0
        self.photos = []
        self.events.parcel.emit(None)
        self.events.checklist.emit(None)
        self.events.photos.emit([])
        self._target_changed()

    # -- telling ------------------------------------------------------------------------------

    def _say(self, say: Say, tone: Tone, *args: str) -> None:
        self.events.notice.emit(Notice(say, tone, args))

    def _sound(self, sound: Sound) -> None:
        self.events.sound.emit(sound)


def _shortened(text: str, most: int = 40) -> str:
    """A code as a notice can show it: a QR code may hold hundreds of characters."""
    return text if len(text) <= most else text[: most - 1] + "…"

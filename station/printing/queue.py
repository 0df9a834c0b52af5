"""The print queue: one worker thread that prints queued labels and never loses one.

Every job is a row in ``labels`` (see :mod:`station.printing.jobs`) before the worker sees it,
so a restart resumes whatever was queued. Each printer has its own lane, printed in order: when
a printer fails, its head label waits (backing off, 1 s, 2 s, 4 s … up to a minute) and the
labels behind it wait too, so they never come out of order, while other printers carry on.
After a few failed attempts the printer's error is reported; the label stays queued and prints
as soon as the printer is back. Errors that retrying cannot fix (a label that cannot be
rendered) mark the label ``failed`` at once.

``events`` announces a :class:`PrintEvent` for every step, on the worker thread: the UI
forwards them to the GUI thread through a queued signal.

Labels owed by a supervisor's decision are requested in the store by whoever applied it (see
:mod:`station.printing.corrections`); the queue hears the commit, makes them and prints them
in the lane of the inspection's earlier label.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from station.printing import corrections, jobs
from station.printing.backends import PrinterBackend, PrintError, PrintJob
from station.printing.data import LabelData
from station.printing.jobs import LabelView
from station.runtime.backoff import Backoff
from station.runtime.emitter import Emitter
from station.runtime.worker import Worker
from station.store.database import Database

log = logging.getLogger(__name__)


class PrintEventKind(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    PRINTED = "printed"
    RETRYING = "retrying"  # failed, trying again soon; not yet worth bothering anyone
    PRINTER_ERROR = "printer_error"  # still failing after several attempts: tell the user
    FAILED = "failed"  # retrying cannot help; the label needs a reprint or a cancel
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class PrintEvent:
    kind: PrintEventKind
    label_id: str
    printer: str
    attempt: int = 0
    error: str = ""
    job_ref: str = ""
    retry_in: float | None = None


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    first_delay: float = 1.0
    factor: float = 2.0
    max_delay: float = 60.0
    report_after: int = 3

    def backoff(self) -> Backoff:
        # no jitter: only this station talks to its printer
        return Backoff(self.first_delay, self.max_delay, self.factor, jitter=False)


@dataclass
class _Lane:
    backoff: Backoff  # its failures are the head label's attempts so far
    labels: deque[str] = field(default_factory=deque)
    due: float = 0.0

    def reset(self) -> None:
        self.backoff.reset()
        self.due = 0.0


class PrintQueue:
    def __init__(
        self,
        db: Database,
        printers: Mapping[str, PrinterBackend],
        *,
        retry: RetryPolicy | None = None,
        layouts: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._db = db
        self._printers = dict(printers)
        self._retry = retry or RetryPolicy()
        self._layouts = layouts
        self._clock = clock
        self._lanes: dict[str, _Lane] = {}
        self.events: Emitter[PrintEvent] = Emitter("print queue")  # on the print worker
        self._cond = threading.Condition()
        self._busy: str | None = None
        self._worker: Worker | None = None
        # set on the database thread, which must never wait for _cond (a caller holding it
        # may be waiting for the database): an Event needs no lock of ours
        self._requests = threading.Event()
        self._fulfilling = False
        self._unlisten: Callable[[], None] | None = None

    # -- life cycle ---------------------------------------------------------------------------

    def start(self) -> int:
        """Resume what the store says is pending and start the worker; how many resumed."""
        if self._worker is not None:
            raise RuntimeError("the print queue is already running")
        self._db.run(jobs.requeue_interrupted)
        waiting = self._db.run(jobs.pending)
        with self._cond:
            for view in waiting:
                lane = self._lane(view.printer)
                if view.id not in lane.labels:
                    lane.labels.append(view.id)
            self._worker = Worker("station-print", self._round)
        self._requests.set()  # labels owed from before a restart
        self._unlisten = self._db.changes.connect(self._heard)
        self._worker.start()
        if waiting:
            log.info("print queue resumed %d label(s)", len(waiting))
        return len(waiting)

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the label being printed, if any; queued labels stay in the store."""
        with self._cond:
            worker, self._worker = self._worker, None
            unlisten, self._unlisten = self._unlisten, None
        if unlisten is not None:
            unlisten()
        if worker is not None:
            worker.stop(timeout)

    def set_printer(self, name: str, backend: PrinterBackend) -> None:
        """Add or replace a printer (settings changed); its waiting labels try again now."""
        with self._cond:
            self._printers[name] = backend
            lane = self._lanes.get(name)
            if lane is not None:
                lane.due = 0.0
            self._changed()

    # -- requests (any thread) -----------------------------------------------------------------

    def submit(
        self, data: LabelData, *, printer: str, size: str, actor: str, copies: int = 1
    ) -> LabelView:
        """Create the label row (own transaction) and queue it."""
        view = self._db.run(
            lambda s: jobs.create_label(
                s,
                data,
                printer=printer,
                size=size,
                actor=actor,
                copies=copies,
                layouts=self._layouts,
            )
        )
        self.enqueue(view)
        return view

    def enqueue(self, label: LabelView | str) -> None:
        """Queue a label whose row the caller created in its own (committed) transaction."""
        view = (
            label
            if isinstance(label, LabelView)
            else self._db.run(lambda s: jobs.get_label(s, label))
        )
        with self._cond:
            lane = self._lane(view.printer)
            if view.id not in lane.labels:
                lane.labels.append(view.id)
            self._changed()
        self._emit(PrintEvent(PrintEventKind.QUEUED, view.id, view.printer))

    def reprint(
        self,
        label_id: str,
        *,
        actor: str,
        printer: str | None = None,
        copies: int | None = None,
    ) -> LabelView:
        view = self._db.run(
            lambda s: jobs.reprint(s, label_id, actor=actor, printer=printer, copies=copies)
        )
        self.enqueue(view)
        return view

    def cancel(self, label_id: str, *, actor: str) -> LabelView:
        with self._cond:
            if self._busy == label_id:
                raise jobs.LabelJobError(f"label {label_id} is printing now")
            view = self._db.run(lambda s: jobs.cancel(s, label_id, actor=actor))
            for lane in self._lanes.values():
                if label_id in lane.labels:
                    lane.labels.remove(label_id)
                    lane.reset()
            self._changed()
        self._emit(PrintEvent(PrintEventKind.CANCELLED, label_id, view.printer))
        return view

    def retry_now(self, printer: str | None = None) -> None:
        """The user says the printer is fixed: skip the rest of the back-off."""
        with self._cond:
            for name, lane in self._lanes.items():
                if printer is None or name == printer:
                    lane.due = 0.0
            self._changed()

    def waiting(self) -> dict[str, int]:
        """Labels waiting per printer."""
        with self._cond:
            return {name: len(lane.labels) for name, lane in self._lanes.items() if lane.labels}

    def wait_idle(self, timeout: float) -> bool:
        """Block until nothing is queued, owed or printing (for the CLI and tests)."""
        with self._cond:
            return self._cond.wait_for(
                lambda: (
                    self._busy is None
                    and not self._fulfilling
                    and not self._requests.is_set()
                    and not any(lane.labels for lane in self._lanes.values())
                ),
                timeout,
            )

    # -- the worker ----------------------------------------------------------------------------

    def _lane(self, printer: str) -> _Lane:
        lane = self._lanes.get(printer)
        if lane is None:
            lane = self._lanes[printer] = _Lane(self._retry.backoff())
        return lane

    def _changed(self) -> None:
        """Tell the waiters and the worker that lanes changed (hold ``_cond``)."""
        self._cond.notify_all()
        if self._worker is not None:
            self._worker.wake()

    def _next(self) -> tuple[str, str] | float | None:
        """(printer, label) due now, else seconds until the next one is, else None."""
        now = self._clock()
        soonest: float | None = None
        for name, lane in self._lanes.items():
            if not lane.labels:
                continue
            if lane.due <= now:
                return name, lane.labels[0]
            wait = lane.due - now
            soonest = wait if soonest is None else min(soonest, wait)
        return soonest

    def _heard(self, tables: frozenset[str]) -> None:
        """A commit (on the database thread): a label request means a label to make."""
        if "label_requests" in tables:
            self._requests.set()
            worker = self._worker
            if worker is not None:
                worker.wake()

    def _fulfil(self) -> None:
        """Make the labels owed (own transaction) and queue them; cancelled ones leave."""
        with self._cond:
            self._fulfilling = self._requests.is_set()
            self._requests.clear()
        if not self._fulfilling:
            return
        try:
            done = self._db.run(lambda s: corrections.fulfil(s, layouts=self._layouts))
        except Exception:
            self._requests.set()  # tried again after the worker's pause
            raise
        finally:
            with self._cond:
                self._fulfilling = False
                self._cond.notify_all()
        with self._cond:
            for view in done.cancelled:
                lane = self._lanes.get(view.printer)
                if lane is not None and view.id in lane.labels:
                    lane.labels.remove(view.id)
                    lane.reset()
            for view in done.labels:
                lane = self._lane(view.printer)
                if view.id not in lane.labels:
                    lane.labels.append(view.id)
            self._changed()
        for view in done.cancelled:
            self._emit(PrintEvent(PrintEventKind.CANCELLED, view.id, view.printer))
        for view in done.labels:
            self._emit(PrintEvent(PrintEventKind.QUEUED, view.id, view.printer))

    def _round(self) -> float | None:
        """Make the labels owed, then print the label that is due, if any; the pause before
        the next round (None: until something changes)."""
        self._fulfil()
        with self._cond:
            picked = self._next()
            if not isinstance(picked, tuple):
                return picked
            printer, label_id = picked
            self._busy = label_id
        try:
            self._attempt(printer, label_id)
        except Exception as exc:  # the worker must outlive any one label
            log.exception("print queue: label %s", label_id)
            self._recover(printer, label_id, exc)
        finally:
            with self._cond:
                self._busy = None
                self._cond.notify_all()
        return 0.0

    def _attempt(self, printer: str, label_id: str) -> None:
        view = self._db.run(lambda s: jobs.mark_printing(s, label_id))
        if view is None:  # cancelled or reprinted elsewhere meanwhile
            with self._cond:
                self._drop_head(printer, label_id)
            return
        with self._cond:
            attempt = self._lane(printer).backoff.failures + 1
        self._emit(PrintEvent(PrintEventKind.PRINTING, label_id, printer, attempt))
        backend = self._printers.get(printer)
        try:
            if backend is None:
                raise PrintError(f"no printer named {printer!r} is set up")
            job_ref = backend.print_job(PrintJob(view.data, view.size, view.copies))
        except PrintError as exc:
            self._failed(printer, label_id, attempt, str(exc), exc.retryable)
            return
        except Exception as exc:
            log.exception("printer %s failed on label %s", printer, label_id)
            self._failed(printer, label_id, attempt, f"unexpected error: {exc}", False)
            return
        self._db.run(lambda s: jobs.mark_printed(s, label_id, job_ref=job_ref))
        with self._cond:
            self._drop_head(printer, label_id)
        self._emit(PrintEvent(PrintEventKind.PRINTED, label_id, printer, attempt, job_ref=job_ref))

    def _failed(self, printer: str, label_id: str, attempt: int, error: str, retry: bool) -> None:
        log.warning("label %s on %s, attempt %d: %s", label_id, printer, attempt, error)
        self._db.run(lambda s: jobs.mark_failed(s, label_id, error, final=not retry))
        if not retry:
            with self._cond:
                self._drop_head(printer, label_id)
            self._emit(PrintEvent(PrintEventKind.FAILED, label_id, printer, attempt, error))
            return
        with self._cond:
            delay = self._requeue_later(printer)
        kind = (
            PrintEventKind.PRINTER_ERROR
            if attempt >= self._retry.report_after
            else PrintEventKind.RETRYING
        )
        self._emit(PrintEvent(kind, label_id, printer, attempt, error, retry_in=delay))

    def _recover(self, printer: str, label_id: str, exc: Exception) -> None:
        # e.g. the store failed after printing: keep the label queued rather than stranded
        try:
            self._db.run(
                lambda s: jobs.mark_failed(s, label_id, f"internal error: {exc}", final=False)
            )
        except Exception:
            log.exception("print queue: label %s could not be put back", label_id)
        with self._cond:
            self._requeue_later(printer)

    def _requeue_later(self, printer: str) -> float:
        lane = self._lane(printer)
        delay = lane.backoff.next_delay()
        lane.due = self._clock() + delay
        return delay

    def _drop_head(self, printer: str, label_id: str) -> None:
        lane = self._lane(printer)
        if label_id in lane.labels:
            lane.labels.remove(label_id)
        lane.reset()

    def _emit(self, event: PrintEvent) -> None:
        self.events.emit(event)

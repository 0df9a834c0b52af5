"""The sync worker: one background thread that pushes the outbox, pulls changes, then sends
the unboxing clips central does not hold yet (:mod:`station.sync.clips`, capped by
``upload_kbps``), backs off with jitter while the central service is out of reach, and
reports its state.

Only one worker syncs a data folder at a time, even across processes (the window and a
``station sync --once`` in a terminal): a file lock in the data folder decides.

``decisions`` announces each supervisor's decision a cycle applied to this station's
inspections, once it is committed: the bench tells the inspector, whose item may need its new
label.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from station.protocol.enums import MediaKind
from station.protocol.template import Template
from station.runtime.backoff import Backoff
from station.runtime.emitter import Emitter
from station.runtime.worker import Worker
from station.store import outbox
from station.store.database import Database
from station.store.types import utcnow
from station.sync.client import Busy, CentralClient, SyncError, Unauthorized
from station.sync.clips import ClipLane, ClipReport
from station.sync.clips import backlog as clip_backlog
from station.sync.pull import AppliedDecision, BadPage, PullReport, pull_once
from station.sync.push import PushReport, push_once

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SyncStatus:
    configured: bool
    online: bool | None = None  # None: not tried yet
    last_success: datetime | None = None
    last_error: str = ""
    outbox: outbox.OutboxStatus = field(default_factory=lambda: outbox.OutboxStatus(0, 0, None))
    syncing: bool = False
    clips_waiting: int = 0  # unboxing clips central does not hold yet
    clip_bytes_waiting: int = 0
    # this PC's clock minus central's at the last sync (ms); clips record it, the window
    # warns past CLOCK_SKEW_WARN_MS
    clock_skew_ms: int | None = None


CLOCK_SKEW_WARN_MS = 3000  # a clip's time stamps must hold up against the platform's


@dataclass(frozen=True, slots=True)
class CycleReport:
    push: PushReport
    pull: PullReport
    clips: ClipReport = field(default_factory=ClipReport)


class SyncService:
    def __init__(
        self,
        db: Database,
        *,
        client: Callable[[], CentralClient] | None,
        station_id: str,
        blob_path: Callable[[str, MediaKind], Path],
        on_templates: Callable[[Template], None] = lambda _template: None,
        lock_path: Path,
        interval: float = 15.0,
        clock: Callable[[], datetime] = utcnow,
        renew: Callable[[], bool] | None = None,
        upload_kbps: int = 0,
        clip_lane: ClipLane | None = None,
    ) -> None:
        self._db = db
        self._client = client
        self._renew = renew
        self._station_id = station_id
        self._blob_path = blob_path
        self._on_templates = on_templates  # a pulled template comes into force
        self._lock = FileLock(str(lock_path))
        self._interval = interval
        self._clock = clock
        self.changed: Emitter[SyncStatus] = Emitter("sync status")  # on the sync thread
        self.decisions: Emitter[AppliedDecision] = Emitter("applied decisions")  # likewise
        # full jitter between 1 s and 4, 8, 16 … 300 s, so a warehouse of stations does not
        # reconnect in step after an outage
        self.backoff = Backoff(base=4.0, cap=300.0, floor=1.0)
        self._status = SyncStatus(configured=client is not None)
        self._worker: Worker | None = None
        self._halt = threading.Event()  # stop(): a clip upload gives way, a paced wait ends
        self.clips = clip_lane or ClipLane(
            db,
            clip_path=blob_path,
            upload_kbps=upload_kbps,
            sleep=self._halt.wait,
            now=clock,
        )

    @property
    def status(self) -> SyncStatus:
        return self._status

    # -- one cycle --------------------------------------------------------------------------

    def sync_once(self) -> CycleReport:
        """Push, then pull, holding the data folder's sync lock; raises on failure."""
        if self._client is None:
            raise SyncError("no central service is configured")
        try:
            with self._lock.acquire(timeout=0.5):
                self._set(syncing=True)
                try:
                    report = self._cycle(self._client)
                except Unauthorized:
                    # the token was replaced (a registration replayed, or the station
                    # re-registered elsewhere); with an enrolment code, register once more
                    if self._renew is None or not self._renew():
                        raise
                    log.warning("central no longer knows this station's token; registering again")
                    report = self._cycle(self._client)
        except Timeout as exc:
            raise SyncError("another sync of this station is running") from exc
        finally:
            self._set(syncing=False)
        self._set(online=True, last_success=self._clock(), last_error="")
        self.refresh()
        return report

    def _cycle(self, connect: Callable[[], CentralClient]) -> CycleReport:
        with connect() as client:
            pushed = push_once(
                self._db,
                client,
                station_id=self._station_id,
                blob_path=self._blob_path,
                clock=self._clock,
            )
            pulled = pull_once(self._db, client, station_id=self._station_id, clock=self._clock)
            # what the pull applied is in force before the clips (which may take a while) go
            for template in pulled.templates:
                self._on_templates(template)
            for decision in pulled.decisions:
                self.decisions.emit(decision)
            self._set(
                online=True,
                last_success=self._clock(),
                last_error="",
                clock_skew_ms=client.clock_skew_ms,
            )
            self.refresh()
            clips = self.clips.run(client, keep_going=lambda: not self._halt.is_set())
        return CycleReport(pushed, pulled, clips)

    def refresh(self) -> SyncStatus:
        """Re-read the outbox counts and the clips waiting (on the database thread); report."""
        waiting = self._db.run(clip_backlog)
        self._set(
            outbox=self._db.run(outbox.status),
            clips_waiting=waiting.clips,
            clip_bytes_waiting=waiting.bytes,
        )
        return self._status

    # -- the background loop ----------------------------------------------------------------

    def start(self) -> None:
        if self._client is None or self._worker is not None:
            return
        self._halt.clear()
        self._worker = Worker("station-sync", self._round)
        self._worker.start()

    def sync_now(self) -> None:
        if self._worker is not None:
            self._worker.wake()

    def stop(self, timeout: float = 10.0) -> None:
        self._halt.set()
        if self._worker is not None:
            self._worker.stop(timeout)
            self._worker = None

    def _round(self) -> float:
        """One cycle on the worker; the pause before the next."""
        try:
            report = self.sync_once()
        except Unauthorized as exc:
            self._failed(str(exc))
            return self.backoff.cap  # a wrong token does not fix itself quickly
        except Busy as exc:  # reachable, only saturated: not a failure to back off from
            log.info("%s; again in %.0f s", exc, exc.retry_after)
            self._set(online=True, last_error=str(exc))
            return exc.retry_after * random.uniform(1.0, 1.25)  # as asked, not in step
        except (SyncError, BadPage) as exc:
            self._failed(str(exc))
            return self.backoff.next_delay()
        except Exception as exc:
            log.exception("sync cycle failed")
            self._failed(f"{type(exc).__name__}: {exc}")
            return self.backoff.next_delay()
        self.backoff.reset()
        if report.clips.paused and not self._halt.is_set():
            return 0.0  # clips are left: push what came meanwhile, then go on with them
        return self._interval

    def _failed(self, error: str) -> None:
        log.warning("sync failed: %s", error)
        self._set(online=False, last_error=error)
        try:
            self.refresh()
        except Exception:
            log.exception("could not read the outbox status")

    def _set(self, **changes: object) -> None:
        self._status = replace(self._status, **changes)  # type: ignore[arg-type]
        self.changed.emit(self._status)

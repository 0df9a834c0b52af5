"""The sync worker: one background thread that pushes the outbox and pulls changes, backs off
with jitter while the central service is out of reach, and reports its state.

Only one worker syncs a data folder at a time, even across processes (the window and a
``station sync --once`` in a terminal): a file lock in the data folder decides.

``decisions`` announces each supervisor's decision a cycle applied to this station's
inspections, once it is committed: the bench tells the inspector, whose item may need its new
label.
"""

from __future__ import annotations

import logging
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
from station.sync.client import CentralClient, SyncError, Unauthorized
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


@dataclass(frozen=True, slots=True)
class CycleReport:
    push: PushReport
    pull: PullReport


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
                    pushed, pulled = self._cycle(self._client)
                except Unauthorized:
                    # the token was replaced (a registration replayed, or the station
                    # re-registered elsewhere); with an enrolment code, register once more
                    if self._renew is None or not self._renew():
                        raise
                    log.warning("central no longer knows this station's token; registering again")
                    pushed, pulled = self._cycle(self._client)
        except Timeout as exc:
            raise SyncError("another sync of this station is running") from exc
        finally:
            self._set(syncing=False)
        for template in pulled.templates:
            self._on_templates(template)
        for decision in pulled.decisions:
            self.decisions.emit(decision)
        self._set(online=True, last_success=self._clock(), last_error="")
        self.refresh()
        return CycleReport(pushed, pulled)

    def _cycle(self, connect: Callable[[], CentralClient]) -> tuple[PushReport, PullReport]:
        with connect() as client:
            pushed = push_once(
                self._db,
                client,
                station_id=self._station_id,
                blob_path=self._blob_path,
                clock=self._clock,
            )
            pulled = pull_once(self._db, client, station_id=self._station_id, clock=self._clock)
        return pushed, pulled

    def refresh(self) -> SyncStatus:
        """Re-read the outbox counts (on the database thread) and report."""
        self._set(outbox=self._db.run(outbox.status))
        return self._status

    # -- the background loop ----------------------------------------------------------------

    def start(self) -> None:
        if self._client is None or self._worker is not None:
            return
        self._worker = Worker("station-sync", self._round)
        self._worker.start()

    def sync_now(self) -> None:
        if self._worker is not None:
            self._worker.wake()

    def stop(self, timeout: float = 10.0) -> None:
        if self._worker is not None:
            self._worker.stop(timeout)
            self._worker = None

    def _round(self) -> float:
        """One cycle on the worker; the pause before the next."""
        try:
            self.sync_once()
        except Unauthorized as exc:
            self._failed(str(exc))
            return self.backoff.cap  # a wrong token does not fix itself quickly
        except (SyncError, BadPage) as exc:
            self._failed(str(exc))
            return self.backoff.next_delay()
        except Exception as exc:
            log.exception("sync cycle failed")
            self._failed(f"{type(exc).__name__}: {exc}")
            return self.backoff.next_delay()
        self.backoff.reset()
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

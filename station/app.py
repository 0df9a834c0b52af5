"""The composition root: settings in, a running station out.

This is the only module that builds services and the only one that imports the UI.
"""

from __future__ import annotations

import io
import json
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from station.capture.frames import FrameSource, open_source
from station.capture.live import LiveScanner, LiveSettings
from station.capture.reader import FrameReader
from station.config import ConfigError, DataPaths, Settings, resources_dir
from station.demo.camera import DemoCamera, film_in_background
from station.demo.closeup import CloseupDemoCamera
from station.demo.expected import expected_parcels
from station.demo.orders import generate_orders
from station.demo.users import DEMO_USERS
from station.domain.records import UserView
from station.evidence.storage import EvidenceStore
from station.evidence.video.recorder import Recorder, RecordingSettings
from station.evidence.video.service import GIB, ClipService, Retention
from station.printing.backends import PrinterBackend
from station.printing.queue import PrintQueue
from station.printing.registry import backend_from_spec
from station.protocol.enums import Role
from station.protocol.manifest import ParsedManifest, read_manifest
from station.protocol.manifest import parse_manifest as parse_manifest_stream
from station.review.central_source import CentralInspections
from station.review.service import ReviewService
from station.rulebook import Rulebook, load_policy, load_templates, read_sources
from station.security import audit
from station.security.login import Authenticator
from station.security.pins import BadPin, hash_pin
from station.security.users import LockoutPolicy, UserError, add_user, list_users
from station.setup.config_file import scrub_retired
from station.setup.first_run import needs_first_run
from station.setup.services import RESTART_EXIT, SetupServices
from station.store import outbox
from station.store.database import Database
from station.store.files import create_private, make_private
from station.store.queries import count_orders
from station.sync.enrol import CentralAccess
from station.sync.manifest import ImportReport, import_orders
from station.sync.service import SyncService
from station.sync.sessions import SupervisorSessions
from station.workflow import LabelPrinting, Workflow

if TYPE_CHECKING:
    from station.evidence.video.library import ClipLibrary

log = logging.getLogger(__name__)


@dataclass
class Station:
    settings: Settings
    paths: DataPaths
    db: Database
    workflow: Workflow
    auth: Authenticator
    sync: SyncService
    printing: LabelPrinting
    evidence: EvidenceStore
    review: ReviewService
    # background work to stop before the store closes (and before the interpreter exits)
    stoppers: list[Callable[[], None]] = field(default_factory=list)

    def outbox_status(self) -> outbox.OutboxStatus:
        return self.db.run(outbox.status)

    def close(self) -> None:
        for stop in self.stoppers:
            stop()
        self.sync.stop()
        self.printing.queue.stop()
        self.db.close()


def configure_logging(paths: DataPaths, *, verbose: bool = False) -> None:
    """Rotating log files in the data folder; warnings also on stderr."""
    root = logging.getLogger()
    target = paths.logs / "station.log"
    ours = [h for h in root.handlers if h.get_name() in ("station-file", "station-console")]
    if any(
        isinstance(h, logging.FileHandler) and h.baseFilename == str(target.absolute())
        for h in ours
    ):
        return
    for handler in ours:  # a restart into another data folder
        root.removeHandler(handler)
        handler.close()
    create_private(target)
    file_handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    file_handler.set_name("station-file")
    console.set_name("station-console")
    for handler in (file_handler, console):
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)


def load_rulebook(db: Database, settings: Settings, paths: DataPaths) -> Rulebook:
    """Templates and policy in force; problems are logged and kept for the UI to show."""
    folder = settings.checklists_dir or resources_dir() / "checklists"
    sources = read_sources(folder)
    templates, problems = db.run(lambda s: load_templates(s, sources))
    policy_file = settings.policy_file or resources_dir() / "policy.toml"
    policy, policy_problems = load_policy(policy_file, paths.root / "policy.last-good.toml")
    return Rulebook(templates, policy, problems + policy_problems)


def open_station(settings: Settings) -> Station:
    paths = DataPaths(settings.data_dir).ensure()
    make_private(settings.data_dir)  # an earlier version's data folder, readable to others
    db = Database.open(paths.database, backup_dir=paths.backups)
    db.run(audit.seal)  # an upgraded store's unkeyed audit log is sealed before anyone works
    lockout = LockoutPolicy(settings.lockout_attempts, settings.lockout_minutes)
    rulebook = load_rulebook(db, settings, paths)
    printing = build_printing(db, settings, paths)
    evidence = EvidenceStore.open(paths.photos, paths.clips)
    access = central_access(settings, paths)
    return Station(
        settings=settings,
        paths=paths,
        db=db,
        workflow=Workflow(
            db,
            station_id=settings.station_id,
            rulebook=rulebook,
            evidence=evidence,
            printing=printing,
        ),
        auth=Authenticator(db, station_id=settings.station_id, lockout=lockout),
        sync=build_sync(db, settings, access, rulebook, evidence, paths),
        printing=printing,
        evidence=evidence,
        review=ReviewService(
            db,
            station_id=settings.station_id,
            rulebook=rulebook,
            evidence=evidence,
            remote=(
                CentralInspections(access.client, as_supervisor=SupervisorSessions(access).client)
                if access
                else None
            ),
        ),
    )


def clip_library(station: Station) -> ClipLibrary:
    """The station's unboxing clips."""
    return station.evidence.clips


BENCH_PRINTER = "bench"  # the station's label printer, whatever its connection


def printer_backend(spec: str, paths: DataPaths) -> PrinterBackend:
    """The label printer a setting names; no setting files labels in the data folder."""
    return backend_from_spec(spec or f"file:{paths.labels}")


def build_printing(db: Database, settings: Settings, paths: DataPaths) -> LabelPrinting:
    try:
        backend = printer_backend(settings.label_printer, paths)
    except ValueError as exc:  # a hand-edited setting the settings dialog would have refused
        raise ConfigError(f"label_printer: {exc}") from exc
    queue = PrintQueue(db, {BENCH_PRINTER: backend})
    return LabelPrinting(
        queue, BENCH_PRINTER, settings.label_size, language=settings.label_language
    )


def central_access(settings: Settings, paths: DataPaths) -> CentralAccess | None:
    if not settings.central_url:
        return None
    return CentralAccess(
        url=settings.central_url,
        station_id=settings.station_id,
        token_file=paths.root / "central-token",
        token=settings.central_token,
        enrolment_code=settings.central_enrolment_code,
        ca_file=settings.central_ca_file,
    )


def build_sync(
    db: Database,
    settings: Settings,
    access: CentralAccess | None,
    rulebook: Rulebook,
    evidence: EvidenceStore,
    paths: DataPaths,
) -> SyncService:
    return SyncService(
        db,
        client=access.client if access else None,
        renew=access.renew if access else None,
        station_id=settings.station_id,
        blob_path=evidence.path_for,
        on_templates=rulebook.adopt,
        lock_path=paths.root / "sync.lock",
        interval=settings.sync_interval_seconds,
        upload_kbps=settings.upload_kbps,
    )


def import_manifest(station: Station, path: Path) -> ImportReport:
    parsed = read_manifest(path)
    return _import(station, parsed, source=path.name)


def _import(station: Station, parsed: ParsedManifest, *, source: str) -> ImportReport:
    actor = f"station:{station.settings.station_id}"
    return station.db.run(lambda s: import_orders(s, parsed, actor=actor, source=source))


def create_user(station: Station, *, badge: str, name: str, role: Role, pin: str) -> UserView:
    try:
        digest = hash_pin(pin)  # slow on purpose; keep it off the database thread
    except BadPin as exc:
        raise UserError(str(exc)) from exc
    actor = f"station:{station.settings.station_id}"
    return station.db.run(
        lambda s: add_user(
            s, badge=badge, name=name, role=role, pin=pin, actor=actor, pin_hash=digest
        )
    )


def load_demo_data(
    station: Station, *, count: int = 2400, today: date | None = None, seed: int = 2026
) -> ImportReport | None:
    """Fill an empty store with the demo manifest and the demo users; no-op otherwise."""
    if station.db.run(count_orders) > 0:
        return None
    rows = generate_orders(count, today=today or date.today(), seed=seed)
    text = "\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    report = _import(station, parse_manifest_stream(io.BytesIO(text.encode())), source="demo")
    existing = {u.badge_id for u in station.db.run(list_users)}
    for badge, name, role, pin in DEMO_USERS:
        if badge not in existing:
            create_user(station, badge=badge, name=name, role=role, pin=pin)
    log.info("demo data loaded: %d orders", report.imported)
    return report


def build_camera(station: Station) -> LiveScanner | None:
    """Live scanning from the configured camera; in demo mode without one, the demo camera."""
    settings = station.settings
    if settings.camera == "none":
        return None
    source: FrameSource
    if settings.camera:
        try:
            source = open_source(
                settings.camera,
                width=settings.camera_width,
                height=settings.camera_height,
                fps=settings.camera_fps,
            )
        except ValueError as exc:
            log.error("camera not used: %s", exc)
            return None
    elif settings.demo:
        path = station.paths.root / "demo-camera.avi"
        filming = film_in_background(path, station.db.run(expected_parcels))
        if filming is not None:
            station.stoppers.append(filming.stop)
        source = DemoCamera(path)
    else:
        source = open_source(
            "camera:0",
            width=settings.camera_width,
            height=settings.camera_height,
            fps=settings.camera_fps,
        )
    return LiveScanner(
        source,
        settings=LiveSettings(
            decoder=settings.decoder,
            budget_ms=settings.decode_budget_ms,
            repeat_after_s=settings.scan_repeat_seconds,
        ),
    )


def build_recording(station: Station, camera: LiveScanner | None) -> ClipService | None:
    """The clip service on the bench camera's frames (and a close-up camera's, if one is
    set), started (takes a crash left are filed first) and stopped with the station; None
    without a camera or with recording off."""
    settings = station.settings
    if camera is None or not settings.recording:
        return None
    recording = RecordingSettings(
        # at most 720p: what a platform keeps, and what one core encodes in real time
        width=min(1280, settings.camera_width) // 2 * 2,
        height=min(720, settings.camera_height) // 2 * 2,
        fps=settings.camera_fps,
        quality=settings.recording_quality,
        preroll_s=settings.recording_preroll_seconds,
        position=settings.recording_overlay,
        station=settings.station_id,
    )
    folder = station.evidence.clips.recording
    recorder = Recorder(folder, recording, camera=camera.reader.source.name)
    # the frames the camera reads, as they are read: the same arrays, never copied
    station.stoppers.append(
        camera.every_frame.connect(lambda frame: recorder.offer(frame.image, frame.timestamp))
    )
    closeups = []
    closeup = closeup_camera(settings)
    if closeup is not None:
        second = Recorder(folder, replace(recording, fps=closeup.fps), camera=closeup.name)
        reader = FrameReader(closeup)
        reader.frames.connect(lambda frame: second.offer(frame.image, frame.timestamp))
        reader.start()
        station.stoppers.append(reader.stop)
        closeups.append(second)
    clips = ClipService(
        station.db,
        station.evidence.clips,
        recorder,
        closeups=closeups,
        station_id=settings.station_id,
        floor_bytes=int(settings.recording_disk_floor_gib * GIB),
        retention=Retention(
            settings.recording_retention_days,
            tuple(sorted(settings.recording_retention_by_category.items())),
        ),
    )
    clips.start()
    station.stoppers.append(clips.close)
    return clips


def closeup_camera(settings: Settings) -> FrameSource | None:
    """The second camera over the item, if one is set: ``demo`` is the demo's stand-in."""
    spec = settings.camera2
    if not spec or spec == "none":
        return None
    if spec == "demo":
        return CloseupDemoCamera()
    try:
        return open_source(spec, width=settings.camera_width, height=settings.camera_height)
    except ValueError as exc:
        log.error("close-up camera not used: %s", exc)
        return None


def show_startup_error(message: str) -> None:
    """Say why the station cannot start in a message box too: someone who started it from a
    desktop shortcut has no terminal to read it in. Not on headless platforms (nobody would
    see it, and it would wait forever)."""
    headless = os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal", "vnc")
    no_screen = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless or no_screen:
        return
    from station.ui.application import show_startup_error as show

    show(message)


def setup_services(
    settings: Settings, *, config_path: Path, reload: Callable[[], Settings]
) -> SetupServices:
    paths = DataPaths(settings.data_dir)
    clip = paths.root / "demo-camera.avi"  # filmed by build_camera
    return SetupServices(
        config_path=config_path,
        paths=paths,
        settings=settings,
        reload=reload,
        printer_backend=lambda spec: printer_backend(spec, paths),
        default_camera=(lambda: DemoCamera(clip)) if settings.demo else None,
    )


def run_station(
    load: Callable[[], Settings],
    *,
    config_path: Path,
    verbose: bool = False,
    smoke: bool = False,
    started: float | None = None,
) -> int:
    """The ``station run`` session: the first-run wizard when the station has no settings
    yet, then the window; again with the settings read afresh whenever the window asks for
    a restart."""
    from station.ui.application import run_first_run

    settings = load()
    if scrub_retired(config_path):
        log.warning(
            "removed the old enrollment key from %s: it is not used any more (an enrolled "
            "station keeps its token; a new one needs an enrolment code)",
            config_path,
        )
    if needs_first_run(config_path, settings):
        configure_logging(DataPaths(settings.data_dir).ensure(), verbose=verbose)
        finished = run_first_run(
            setup_services(settings, config_path=config_path, reload=load),
            settings=settings,
            smoke=smoke,
            started=started,
        )
        if finished is None:  # cancelled (or only looked at)
            return 0 if smoke else 1
        settings = load()
    while True:
        station = open_station(settings)
        configure_logging(station.paths, verbose=verbose)
        try:
            if settings.demo:
                load_demo_data(station)
            code = run_gui(
                station,
                setup=setup_services(settings, config_path=config_path, reload=load),
                smoke=smoke,
                started=started,
            )
        finally:
            station.close()
        if code != RESTART_EXIT:
            return code
        log.info("restarting the station with its new settings")
        settings, smoke, started = load(), False, None


def run_gui(
    station: Station,
    *,
    setup: SetupServices | None = None,
    smoke: bool = False,
    started: float | None = None,
) -> int:
    from station.ui.application import run_window

    station.printing.queue.start()
    camera = build_camera(station)
    clips = build_recording(station, camera)
    return run_window(
        workflow=station.workflow,
        auth=station.auth,
        outbox_status=station.outbox_status,
        sync=station.sync,
        review=station.review,
        camera=camera,
        clips=clips,
        settings=station.settings,
        setup=setup,
        changes=station.db.changes,
        smoke=smoke,
        started=started,
    )

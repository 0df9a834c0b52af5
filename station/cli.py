"""``station``: the station's command line. Every capability is scriptable from here.

Errors are one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station import app
from station.capture import decode_files
from station.capture.command_sheet import render_command_sheet
from station.capture.scan_text import BadScan
from station.config import (
    ConfigError,
    DataPaths,
    Settings,
    default_config_path,
    load_settings,
)
from station.demo.expected import expected_parcels
from station.demo.orders import generate_orders
from station.demo.video import write_demo_video
from station.domain.records import UserView
from station.evidence.commands import pack_command, verify_command
from station.fonts import FontMissing
from station.printing.backends import (
    RENDER_ERRORS,
    PrinterBackend,
    PrintError,
    PrintJob,
    print_test_label,
)
from station.printing.data import LabelData
from station.printing.layout import LayoutError, check_all
from station.printing.render_cli import render as render_label
from station.protocol.enums import Role
from station.review.commands import dashboard_command, queue_command
from station.security import audit
from station.security.users import LoginError, UserError, list_users, set_active
from station.store.files import private_umask
from station.store.migrate import UpgradeError
from station.sync.anchor import anchor_problem
from station.sync.client import Busy, SyncError
from station.sync.pull import BadPage
from station.sync.service import CycleReport

if TYPE_CHECKING:
    from station.evidence.video.export import ExportResult, PlatformLimit
    from station.evidence.video.records import ClipView

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace, Settings], int]


class CommandError(Exception):
    """Ends the command with this message and exit status 2."""


@contextmanager
def _as_command_error(*errors: type[Exception]) -> Iterator[None]:
    """Ends the command with the message of any of ``errors`` raised in the block: what the
    library refused is what the user is told."""
    try:
        yield
    except errors as exc:
        raise CommandError(str(exc)) from exc


def _json_default(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=_json_default) + "\n")


def _with_station(fn: Callable[[app.Station, argparse.Namespace], int]) -> Handler:
    def handler(args: argparse.Namespace, settings: Settings) -> int:
        station = app.open_station(settings)
        try:
            return fn(station, args)
        finally:
            station.close()

    return handler


def _check_display() -> None:
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        raise CommandError(
            "no display to open the window on (DISPLAY is not set); run it on the bench PC's "
            "desktop, under xvfb-run, or with QT_QPA_PLATFORM=offscreen for a headless check"
        )


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    _check_display()
    try:
        return app.run_station(
            lambda: _load(args),
            config_path=args.config or default_config_path(),
            verbose=args.verbose,
            smoke=args.smoke,
            started=args.started,
        )
    except (ConfigError, UpgradeError) as exc:
        app.show_startup_error(str(exc))
        raise


@_with_station
def cmd_demo_data(station: app.Station, args: argparse.Namespace) -> int:
    report = app.load_demo_data(station, count=args.count, seed=args.seed)
    if report is None:
        sys.stderr.write("the store already has orders; demo data not loaded\n")
        return EXIT_OK
    sys.stdout.write(f"demo data: {report.imported} orders and the demo users loaded\n")
    return EXIT_OK


def cmd_demo_manifest(args: argparse.Namespace, _settings: Settings) -> int:
    try:
        with _open_out(args.out) as out:
            for row in generate_orders(args.count, today=date.today(), seed=args.seed):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    except OSError as exc:  # a folder, a missing folder, a full disk
        raise CommandError(f"cannot write {args.out}: {exc.strerror or exc}") from exc
    return EXIT_OK


def _open_out(path: str) -> Any:
    if path == "-":
        return _NoClose(sys.stdout)
    return Path(path).open("w", encoding="utf-8")


class _NoClose:
    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def __enter__(self) -> Any:
        return self.stream

    def __exit__(self, *_exc: object) -> None:
        self.stream.flush()


@_with_station
def cmd_import_manifest(station: app.Station, args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"{path}: no such file")
    report = app.import_manifest(station, path)
    for error in report.errors[: args.max_errors]:
        sys.stderr.write(f"{path.name}: {error}\n")
    if report.rejected > args.max_errors:
        sys.stderr.write(f"{path.name}: ... and {report.rejected - args.max_errors} more\n")
    sys.stdout.write(
        f"imported {report.imported}, already present {report.already_present}, "
        f"rejected {report.rejected}\n"
    )
    return EXIT_FAIL if report.rejected else EXIT_OK


@_with_station
def cmd_lookup(station: app.Station, args: argparse.Namespace) -> int:
    with _as_command_error(BadScan):
        order = station.workflow.lookup(args.code)
    if order is None:
        sys.stderr.write(f"no after-sales order for {args.code[:60]!r}\n")
        return EXIT_FAIL
    payload = dataclasses.asdict(order)
    payload["window"] = dataclasses.asdict(order.window(date.today())) | {
        "description": order.window(date.today()).describe("en")
    }
    _print_json(payload)
    return EXIT_OK


def _read_pin(args: argparse.Namespace) -> str:
    if args.pin_stdin:
        return sys.stdin.readline().strip()
    if not sys.stdin.isatty():
        raise CommandError("no terminal to ask for the PIN; use --pin-stdin")
    first = getpass.getpass("PIN: ")
    if getpass.getpass("PIN again: ") != first:
        raise CommandError("the PINs differ")
    return first


@_with_station
def cmd_users_add(station: app.Station, args: argparse.Namespace) -> int:
    pin = _read_pin(args)
    with _as_command_error(UserError):
        user = app.create_user(
            station, badge=args.badge, name=args.name, role=Role(args.role), pin=pin
        )
    sys.stdout.write(f"added {user.badge_id} {user.display_name} ({user.role})\n")
    return EXIT_OK


@_with_station
def cmd_users_list(station: app.Station, args: argparse.Namespace) -> int:
    users = station.db.run(list_users)
    if args.json:
        for user in users:
            _print_json(user)
        return EXIT_OK
    for user in users:
        state = "active" if user.active else "disabled"
        sys.stdout.write(f"{user.badge_id:<12} {user.role:<11} {state:<9} {user.display_name}\n")
    return EXIT_OK


def _set_active(active: bool) -> Handler:
    @_with_station
    def handler(station: app.Station, args: argparse.Namespace) -> int:
        actor = f"station:{station.settings.station_id}"
        with _as_command_error(UserError):
            user = station.db.run(
                lambda s: set_active(s, badge=args.badge, active=active, actor=actor)
            )
        sys.stdout.write(f"{user.badge_id} {'enabled' if active else 'disabled'}\n")
        return EXIT_OK

    return handler


@_with_station
def cmd_sync(station: app.Station, args: argparse.Namespace) -> int:
    if not station.settings.central_url:
        raise CommandError("no central service configured (central_url / STATION_CENTRAL_URL)")
    try:
        report = _sync_waiting_when_busy(station)
    except (SyncError, BadPage) as exc:
        sys.stderr.write(f"sync failed: {exc}\n")
        status = station.sync.refresh()
        sys.stdout.write(
            f"outbox: {status.outbox.pending} waiting, {status.outbox.parked} parked\n"
        )
        return EXIT_FAIL
    push, pull = report.push, report.pull
    status = station.sync.status
    sys.stdout.write(
        f"pushed {push.sent} events ({push.duplicates} already there, {push.parked} parked), "
        f"{push.blobs} photos; pulled {pull.applied} changes in {pull.pages} pages; "
        f"outbox: {status.outbox.pending} waiting, {status.outbox.parked} parked\n"
    )
    return EXIT_OK


BUSY_ROUNDS = 10  # a busy central is asked again this many times before the run gives up


def _sync_waiting_when_busy(station: app.Station) -> CycleReport:
    """One sync; when central says it is busy, wait as long as it asks and go on from where
    the round stopped (what was sent stays sent)."""
    for _ in range(BUSY_ROUNDS):
        try:
            return station.sync.sync_once()
        except Busy as exc:
            sys.stderr.write(f"{exc}; trying again in {exc.retry_after:.0f} s\n")
            time.sleep(exc.retry_after)
    return station.sync.sync_once()


def _label_data(station: app.Station, inspection_id: str) -> LabelData:
    try:
        return station.workflow.label_of(inspection_id, station.settings.label_language)
    except LookupError as exc:
        raise CommandError(str(exc).strip("'\"")) from exc


@_with_station
def cmd_label_render(station: app.Station, args: argparse.Namespace) -> int:
    data = _label_data(station, args.inspection)
    with _as_command_error(ValueError, OSError, *RENDER_ERRORS):
        render_label(data, args.size, Path(args.out))
    sys.stdout.write(f"{args.out}\n")
    return EXIT_OK


def _print_on(
    args: argparse.Namespace,
    settings: Settings,
    paths: DataPaths,
    send: Callable[[PrinterBackend, str], str],
    *,
    done: str,
    failed: str,
) -> int:
    """Send a label to the printer and size the options or settings name, and report either
    outcome the same way."""
    try:
        backend = app.printer_backend(args.printer or settings.label_printer, paths)
        job = send(backend, args.size or settings.label_size)
    except (PrintError, ValueError) as exc:
        sys.stderr.write(f"{failed}: {exc}\n")
        return EXIT_FAIL
    sys.stdout.write(f"{done} on {backend.name}: {job}\n")
    return EXIT_OK


@_with_station
def cmd_label_print(station: app.Station, args: argparse.Namespace) -> int:
    data = _label_data(station, args.inspection)

    def send(backend: PrinterBackend, size: str) -> str:
        return backend.print_job(PrintJob(data, size, args.copies))

    return _print_on(
        args, station.settings, station.paths, send, done="printed", failed="not printed"
    )


def cmd_label_test_print(args: argparse.Namespace, settings: Settings) -> int:
    paths = DataPaths(settings.data_dir)
    return _print_on(
        args,
        settings,
        paths,
        print_test_label,
        done="test label printed",
        failed="test print failed",
    )


def cmd_label_check(_args: argparse.Namespace, _settings: Settings) -> int:
    try:
        layouts = check_all()
    except LayoutError as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_FAIL
    sys.stdout.write(f"label layouts: {len(layouts)} good\n")
    return EXIT_OK


@_with_station
def cmd_verify_evidence(station: app.Station, args: argparse.Namespace) -> int:
    return verify_command(
        station.db, station.paths.photos, sys.stdout, unreferenced=args.unreferenced
    )


@_with_station
def cmd_evidence_pack(station: app.Station, args: argparse.Namespace) -> int:
    return pack_command(
        station.db,
        station.paths.photos,
        args.inspection_id,
        Path(args.out),
        sys.stdout,
        captioned=not args.no_captions,
        language=args.language,
    )


def cmd_support_bundle(args: argparse.Namespace, settings: Settings) -> int:
    # without opening the station: the bundle is most wanted when the station will not start
    out = Path(args.out)
    if out.is_dir():
        raise CommandError(f"{out} is a folder; name the .zip file to write")
    try:
        config_path = Path(args.config) if args.config else default_config_path()
        services = app.setup_services(settings, config_path=config_path, reload=lambda: settings)
        report = services.support_bundle(out)
    except OSError as exc:
        raise CommandError(f"cannot write {out}: {exc}") from exc
    sys.stdout.write(
        f"{report.path}: {len(report.files)} files, {report.size:,} bytes; "
        f"database integrity: {report.integrity}\n"
    )
    return EXIT_OK


def cmd_decode(args: argparse.Namespace, _settings: Settings) -> int:
    return decode_files.run(args.images, sys.stdout, sys.stderr, backend=args.backend)


def cmd_command_sheet(args: argparse.Namespace, _settings: Settings) -> int:
    with _as_command_error(FontMissing, OSError):
        path = render_command_sheet(Path(args.out))
    sys.stdout.write(f"{path}\n")
    return EXIT_OK


@_with_station
def cmd_demo_video(station: app.Station, args: argparse.Namespace) -> int:
    orders = station.db.run(expected_parcels)
    if not orders:
        raise CommandError("no orders in transit to film; load the demo data first")
    with _as_command_error(ValueError, OSError):
        frames = write_demo_video(
            Path(args.out), [str(o["rma_no"]) for o in orders[: args.parcels]], orders=orders
        )
    sys.stdout.write(f"{args.out}: {frames} frames\n")
    return EXIT_OK


def _supervisor(station: app.Station, args: argparse.Namespace) -> UserView:
    pin = _read_pin(args)
    with _as_command_error(LoginError):
        return station.auth.login(args.badge, pin)


@_with_station
def cmd_review_queue(station: app.Station, args: argparse.Namespace) -> int:
    return queue_command(
        station.review,
        _supervisor(station, args),
        sys.stdout,
        decided=args.decided,
        search=args.search,
        limit=args.limit,
        csv_path=Path(args.csv) if args.csv else None,
        language=args.language,
    )


@_with_station
def cmd_review_dashboard(station: app.Station, args: argparse.Namespace) -> int:
    try:
        Path(args.out).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CommandError(f"{args.out}: {exc.strerror}") from exc
    return dashboard_command(
        station.review,
        _supervisor(station, args),
        Path(args.out),
        sys.stdout,
        days=args.days,
        language=args.language,
    )


@_with_station
def cmd_audit_verify(station: app.Station, _args: argparse.Namespace) -> int:
    report = station.db.run(audit.check)
    sys.stdout.write("".join(line + "\n" for line in report.lines()))
    anchored = _check_anchor(station)
    return EXIT_OK if report.ok and anchored else EXIT_FAIL


def _check_anchor(station: app.Station) -> bool:
    """The log against the entry central anchored; False only when it does not hold it (a
    station without central, or central out of reach, is said, not failed)."""
    access = app.central_access(station.settings, station.paths)
    if access is None:
        sys.stdout.write("central anchor: not checked (no central service set up)\n")
        return True
    try:
        with access.client() as client:
            state = client.get_anchor()
    except SyncError as exc:
        sys.stdout.write(f"central anchor: not checked ({exc})\n")
        return True
    if state.anchor is None:
        sys.stdout.write("central anchor: nothing sent yet\n")
        return True
    anchored = state.anchor
    problem = station.db.run(lambda s: anchor_problem(s, anchored))
    if problem is not None:
        sys.stdout.write(f"central anchor: FAILED: {problem}\n")
        return False
    sys.stdout.write(f"central anchor: entry {anchored.seq} is here as it was sent\n")
    return True


# -- unboxing clips (PyAV is loaded only by these commands) --------------------------------


def _clip(station: app.Station, clip_id: str) -> ClipView:
    from station.evidence.video.records import clip_by_id

    found = station.db.run(lambda s: clip_by_id(s, clip_id))
    if found is None:
        raise CommandError(f"no clip {clip_id[:60]!r} (`station video list` shows them)")
    return found


def _clock(ms: int) -> str:
    return f"{ms // 60000:02d}:{ms % 60000 / 1000:04.1f}"


@_with_station
def cmd_video_list(station: app.Station, args: argparse.Namespace) -> int:
    from station.evidence.video.records import clips

    found = station.db.run(lambda s: clips(s, inspection_id=args.inspection, limit=args.limit))
    if not found:
        sys.stdout.write("no clips\n")
        return EXIT_OK
    sys.stdout.write(
        f"{'CLIP':<26}  {'PARCEL':<20}  {'STARTED':<16}  {'SECONDS':>7}  {'MB':>7}  "
        f"{'ENDED':<10}  {'CHAPTERS':>8}  {'UPLOADED':<8}  HOLD\n"
    )
    for c in found:
        size = "purged" if c.purged else f"{c.size_bytes / 1e6:.1f}"
        sys.stdout.write(
            f"{c.id:<26}  {c.parcel_code[:20]:<20}  "
            f"{c.started_at.astimezone().strftime('%Y-%m-%d %H:%M'):<16}  "
            f"{c.duration_ms / 1000:>7.1f}  {size:>7}  {c.ended[:10]:<10}  "
            f"{len(c.chapters):>8}  {'yes' if c.uploaded else 'no':<8}  {c.hold or '-'}\n"
        )
    return EXIT_OK


@_with_station
def cmd_video_show(station: app.Station, args: argparse.Namespace) -> int:
    clip = _clip(station, args.clip)
    sys.stdout.write(
        f"clip {clip.id}: parcel {clip.parcel_code}, started {clip.started_at.isoformat()}, "
        f"{clip.duration_ms / 1000:.1f} s, {clip.width}x{clip.height}, {clip.ended}"
        f"{', purged' if clip.purged else ''}{', on hold: ' + clip.hold if clip.hold else ''}\n"
        f"SHA-256 {clip.sha256}, {clip.size_bytes:,} bytes, {clip.fragments} fragments\n"
    )
    for number, chapter in enumerate(clip.chapters, 1):
        sys.stdout.write(
            f"{number:>3}  {_clock(chapter.at_ms)}  {chapter.kind:<12} {chapter.label}\n"
        )
    return EXIT_OK


def _export_limit(args: argparse.Namespace) -> PlatformLimit:
    from station.evidence.video.export import GENERIC, PLATFORMS, ExportRefused, PlatformLimit

    chosen = PLATFORMS[args.platform]
    if args.max_mb is None and args.max_seconds is None:
        return chosen
    base = GENERIC if chosen.whole else chosen
    assert base.max_bytes is not None and base.max_seconds is not None
    try:
        return PlatformLimit.custom(
            args.max_mb if args.max_mb is not None else base.max_bytes / 1e6,
            args.max_seconds if args.max_seconds is not None else base.max_seconds,
        )
    except ExportRefused as exc:
        raise CommandError(f"{exc.zh} / {exc.en}") from exc


def _chapter_numbers(text: str | None) -> list[int] | None:
    """``--chapters 1,3`` (as `station video show` numbers them) as indexes."""
    if text is None:
        return None
    try:
        return [int(part) - 1 for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise CommandError(
            f"--chapters takes chapter numbers as `station video show` lists them, e.g. 1,3;"
            f" not {text[:40]!r}"
        ) from exc


def _progress() -> Callable[[float], None]:
    shown = [-1]

    def report(share: float) -> None:
        step = int(share * 10)
        if step > shown[0]:
            shown[0] = step
            sys.stderr.write(f"encoding: {step * 10}%\n")
            sys.stderr.flush()

    return report


def _describe_export(result: ExportResult) -> None:
    sys.stdout.write(
        f"wrote {result.path}: {result.size_bytes:,} bytes, {result.duration_ms / 1000:.1f} s, "
        f"{result.width}x{result.height}, SHA-256 {result.sha256}\n"
    )
    for n, r in enumerate(result.ranges, 1):
        held = ",".join(str(i + 1) for i in r.chapters) or "none"
        sys.stdout.write(
            f"  range {n}: {_clock(r.from_ms)}-{_clock(r.to_ms)} of the original, "
            f"chapters {held}{' (cut)' if r.cut else ''}\n"
        )
    for note in result.notes:
        sys.stdout.write(f"  note: {note}\n")
    sys.stdout.write(f"manifest: {result.manifest}\n")


@_with_station
def cmd_video_export(station: app.Station, args: argparse.Namespace) -> int:
    from station.evidence.video.export import ExportRefused, export_excerpt, export_original

    clip = _clip(station, args.clip)
    limit = _export_limit(args)
    chapters = _chapter_numbers(args.chapters)
    source = app.clip_library(station).path_for(clip.sha256)
    folder = Path(args.to)
    station_id = station.settings.station_id
    try:
        if limit.whole and chapters is None:
            result = export_original(clip, source, folder, station_id=station_id)
        else:
            result = export_excerpt(
                clip,
                source,
                folder,
                chapters=chapters,
                limit=limit,
                station_id=station_id,
                progress=_progress(),
            )
    except ExportRefused as exc:
        raise CommandError(f"{exc.zh} / {exc.en}") from exc
    _describe_export(result)
    return EXIT_OK


@_with_station
def cmd_video_verify(station: app.Station, args: argparse.Namespace) -> int:
    from station.evidence.video.export import check_clip
    from station.evidence.video.records import clips

    chosen = (
        [_clip(station, args.clip)]
        if args.clip
        else station.db.run(lambda s: clips(s, limit=1_000_000))
    )
    library = app.clip_library(station)
    failed = purged = 0
    for clip in chosen:
        if clip.purged:
            purged += 1
            sys.stdout.write(f"{clip.id}: purged after its retention, nothing to check\n")
            continue
        problems = check_clip(clip, library.path_for(clip.sha256))
        failed += bool(problems)
        verdict = "FAILED: " + "; ".join(problems) if problems else "intact"
        sys.stdout.write(f"{clip.id}: {verdict}\n")
    sys.stdout.write(
        f"{len(chosen)} clip(s): {len(chosen) - failed - purged} intact, {purged} purged,"
        f" {failed} with problems\n"
    )
    return EXIT_FAIL if failed else EXIT_OK


@_with_station
def cmd_video_hold(station: app.Station, args: argparse.Namespace) -> int:
    from station.domain.holds import operator_hold_reason
    from station.evidence.video.service import set_hold

    try:
        reason = "" if args.release else operator_hold_reason(args.reason)
    except ValueError as exc:
        raise CommandError(f"--reason: {exc}") from exc
    if not args.release and not reason:
        raise CommandError("--reason must say why the clip is kept (a dispute, a claim no.)")
    clip = _clip(station, args.clip)
    actor = f"station:{station.settings.station_id}"
    station.db.run(lambda s: set_hold(s, clip.id, reason, actor=actor))
    sys.stdout.write(
        f"{clip.id}: on hold ({reason[:200]})\n" if reason else f"{clip.id}: hold released\n"
    )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="station", description="Returns-inspection station (退货质检工作台)."
    )
    parser.add_argument("--config", type=Path, help="settings file (TOML)")
    parser.add_argument("--data-dir", type=Path, help="database and photo folder")
    parser.add_argument("--station-id", help="this station's id, e.g. ST-HZ01")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug output")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="open the station window")
    run.add_argument(
        "--demo",
        action="store_true",
        default=None,
        help="load demo orders and users on first start",
    )
    run.add_argument("--language", choices=["system", "zh_CN", "en"])
    run.add_argument(
        "--smoke",
        action="store_true",
        help="quit after the window's first paint, printing the start-up time",
    )
    run.set_defaults(handler=cmd_run)

    demo = sub.add_parser("demo-data", help="load the demo orders and users into an empty store")
    demo.add_argument("--count", type=within(1, 1_000_000), default=2400)
    demo.add_argument("--seed", type=int, default=2026)
    demo.set_defaults(handler=cmd_demo_data)

    manifest = sub.add_parser("demo-manifest", help="write the demo manifest as JSON Lines")
    manifest.add_argument("--count", type=within(1, 1_000_000), default=2400)
    manifest.add_argument("--seed", type=int, default=2026)
    manifest.add_argument("--out", default="-", help="file to write (default: stdout)")
    manifest.set_defaults(handler=cmd_demo_manifest)

    imp = sub.add_parser("import-manifest", help="import expected returns (JSON Lines)")
    imp.add_argument("file")
    imp.add_argument(
        "--max-errors", type=within(0, 1_000_000), default=50, help="row errors to print"
    )
    imp.set_defaults(handler=cmd_import_manifest)

    lookup = sub.add_parser("lookup", help="print the order for an RMA, order or tracking no.")
    lookup.add_argument("code")
    lookup.set_defaults(handler=cmd_lookup)

    users = sub.add_parser("users", help="manage inspectors and supervisors")
    users_sub = users.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    add = users_sub.add_parser("add", help="add a user (asks for the PIN)")
    add.add_argument("--badge", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.INSPECTOR.value)
    add.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
    add.set_defaults(handler=cmd_users_add)
    lst = users_sub.add_parser("list", help="list users")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_users_list)
    for name, active in (("disable", False), ("enable", True)):
        p = users_sub.add_parser(name, help=f"{name} a badge")
        p.add_argument("badge")
        p.set_defaults(handler=_set_active(active))

    sync = sub.add_parser("sync", help="sync with the central service")
    sync.add_argument(
        "--once",
        action="store_true",
        required=True,
        help="push the outbox and pull changes once, then exit",
    )
    sync.set_defaults(handler=cmd_sync)

    label = sub.add_parser("label", help="render and print labels")
    label_sub = label.add_subparsers(dest="label_command", required=True, metavar="ACTION")
    render = label_sub.add_parser("render", help="write a completed inspection's label as PDF")
    render.add_argument("--inspection", required=True)
    render.add_argument("--size", default="100x150", help="100x150 or 60x40 (mm)")
    render.add_argument("--out", required=True)
    render.set_defaults(handler=cmd_label_render)
    lprint = label_sub.add_parser("print", help="print a completed inspection's label")
    lprint.add_argument("--inspection", required=True)
    lprint.add_argument("--printer", help="cups:QUEUE, zpl:HOST[:PORT], file:FOLDER")
    lprint.add_argument("--size")
    lprint.add_argument("--copies", type=within(1, 99), default=1)
    lprint.set_defaults(handler=cmd_label_print)
    test = label_sub.add_parser("test-print", help="print the printer check label")
    test.add_argument("--printer")
    test.add_argument("--size")
    test.set_defaults(handler=cmd_label_test_print)
    check = label_sub.add_parser("check-layouts", help="validate the label layout files")
    check.set_defaults(handler=cmd_label_check)

    decode = sub.add_parser("decode", help="read barcodes in image files (JSON lines)")
    decode.add_argument("images", nargs="+")
    decode.add_argument("--backend", choices=["pipeline", "zxing", "pyzbar"], default="pipeline")
    decode.set_defaults(handler=cmd_decode)
    sheet = sub.add_parser("command-sheet", help="write the printable command-card sheet (PDF)")
    sheet.add_argument("--out", required=True)
    sheet.set_defaults(handler=cmd_command_sheet)
    video = sub.add_parser("demo-video", help="film the demo camera's clip of expected parcels")
    video.add_argument("--out", required=True)
    video.add_argument("--parcels", type=within(1, 500), default=8)
    video.set_defaults(handler=cmd_demo_video)

    verify_ev = sub.add_parser(
        "verify-evidence",
        help="re-hash every photo, report missing or altered files and photo or verdict rows "
        "that differ from the audit log",
    )
    verify_ev.add_argument(
        "--unreferenced", action="store_true", help="also list photo files no record points at"
    )
    verify_ev.set_defaults(handler=cmd_verify_evidence)
    bundle = sub.add_parser(
        "support-bundle",
        help="write logs, settings without secrets, database check and versions as one zip",
    )
    bundle.add_argument("--out", required=True, help="the .zip file to write")
    bundle.set_defaults(handler=cmd_support_bundle)
    pack = sub.add_parser("evidence-pack", help="write an inspection's evidence pack (PDF)")
    pack.add_argument("inspection_id")
    pack.add_argument("--out", required=True)
    pack.add_argument("--no-captions", action="store_true", help="use the original photos")
    pack.add_argument("--language", choices=["zh_CN", "en"], default="zh_CN")
    pack.set_defaults(handler=cmd_evidence_pack)

    clip = sub.add_parser("video", help="unboxing clips: list, export for a platform, verify, hold")
    clip_sub = clip.add_subparsers(dest="video_command", required=True, metavar="ACTION")
    vlist = clip_sub.add_parser("list", help="list the clips, newest first")
    vlist.add_argument("--inspection", help="only this inspection's clips")
    vlist.add_argument("--limit", type=within(1, 100_000), default=50)
    vlist.set_defaults(handler=cmd_video_list)
    vshow = clip_sub.add_parser("show", help="a clip's facts and its numbered chapters")
    vshow.add_argument("clip")
    vshow.set_defaults(handler=cmd_video_show)
    vexport = clip_sub.add_parser(
        "export",
        help="write a clip for a platform: the original, or an excerpt around chapters sized "
        "to the platform's limits, with a manifest",
    )
    vexport.add_argument("clip")
    vexport.add_argument("--to", required=True, help="folder to write the export into")
    vexport.add_argument(
        "--platform", choices=["original", "taobao", "shopee", "generic"], default="original"
    )
    vexport.add_argument(
        "--chapters", help="chapter numbers as `station video show` lists them, e.g. 1,3"
    )
    vexport.add_argument("--max-mb", type=float, help="a custom size limit (MB)")
    vexport.add_argument("--max-seconds", type=float, help="a custom length limit (seconds)")
    vexport.set_defaults(handler=cmd_video_export)
    vverify = clip_sub.add_parser(
        "verify", help="re-hash clips, check their fragment chains and chapters"
    )
    vverify.add_argument("clip", nargs="?", help="one clip (default: all)")
    vverify.set_defaults(handler=cmd_video_verify)
    vhold = clip_sub.add_parser("hold", help="keep a clip past its retention, or release it")
    vhold.add_argument("clip")
    held = vhold.add_mutually_exclusive_group(required=True)
    held.add_argument("--reason", help="why it is kept (a dispute, a claim no.)")
    held.add_argument("--release", action="store_true", help="lift the hold")
    vhold.set_defaults(handler=cmd_video_hold)

    review = sub.add_parser("review", help="supervisors: the review queue and the numbers")
    review_sub = review.add_subparsers(dest="review_command", required=True, metavar="ACTION")
    queue = review_sub.add_parser("queue", help="list inspections waiting for review")
    queue.add_argument("--decided", action="store_true", help="include decided ones")
    queue.add_argument("--search", default="", help="RMA, order, waybill no. or SKU")
    queue.add_argument("--limit", type=within(1, 100_000), default=50)
    queue.add_argument("--csv", help="write the list to this CSV file")
    dash = review_sub.add_parser("dashboard", help="write every dashboard table as CSV")
    dash.add_argument("--out", required=True, help="folder for the CSV files")
    dash.add_argument("--days", type=within(1, 3650), default=7)
    queue.set_defaults(handler=cmd_review_queue)
    dash.set_defaults(handler=cmd_review_dashboard)
    for p in (queue, dash):
        p.add_argument("--badge", required=True, help="the supervisor's badge")
        p.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
        p.add_argument("--language", choices=["zh_CN", "en"], default="zh_CN")

    aud = sub.add_parser("audit", help="audit log")
    aud_sub = aud.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = aud_sub.add_parser(
        "verify",
        help="check the audit log's keyed chain and the verdicts, photos and events it records",
    )
    verify.set_defaults(handler=cmd_audit_verify)
    return parser


def within(lowest: int, highest: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``lowest`` to ``highest`` (a limit of 10^20 was
    an OverflowError from the database)."""

    def number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text[:40]!r}") from None
        if not lowest <= value <= highest:
            raise argparse.ArgumentTypeError(f"{value} is not from {lowest} to {highest:,}")
        return value

    return number


def _load(args: argparse.Namespace) -> Settings:
    """The settings as this command line asks for them (read again on every restart)."""
    return load_settings(
        args.config,
        data_dir=args.data_dir,
        station_id=args.station_id,
        demo=getattr(args, "demo", None),
        language=getattr(args, "language", None),
    )


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    private_umask()  # what this process creates is its user's only
    parser = build_parser()
    args = parser.parse_args(argv)
    args.started = started
    try:
        try:
            settings = _load(args)
        except ConfigError as exc:
            if args.command == "run":  # a window user may have no terminal to read this in
                app.show_startup_error(str(exc))
            raise
        handler: Handler = args.handler
        return handler(args, settings)
    except (CommandError, ConfigError, UpgradeError) as exc:
        sys.stderr.write(f"station: error: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

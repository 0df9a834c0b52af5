"""``central``: run, migrate and feed the reference central service."""

from __future__ import annotations

import argparse
import contextlib
import functools
import logging
import os
import socket
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import uvicorn
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from central.badge_card import write_badge_card
from central.blobstore import clean_spool
from central.console import verify_export
from central.console.accounts import DeskRole, save_user
from central.core import logthrottle
from central.core.config import (
    ADMIN_TOKEN_FILE,
    CentralSettings,
    ConfigError,
    admin_token,
    load_settings,
)
from central.core.jsonlog import JsonFormatter
from central.core.workers import (
    Workers,
    end_with_supervisor,
    listening_socket,
    worker_command,
)
from central.db.migrate import SchemaOutOfDate, require_current, upgrade
from central.db.session import make_engine, session_factory, write
from central.db.types import utcnow
from central.services.errors import Refused, reason
from central.services.people import grant
from central.services.publishing import Outcome as PublishOutcome
from central.services.publishing import erase_personal_data, publish_returns, publish_template
from central.services.stations import issue_code
from station.protocol.badges import parse_code
from station.protocol.enums import Role
from station.protocol.errors import QcFileError
from station.protocol.manifest import read_manifest
from station.protocol.wire import EnrolmentRequest, TemplateChange, UserGrant
from station.store.files import make_private, private_umask

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
Handler = Callable[[argparse.Namespace, CentralSettings], int]
T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


class CommandError(Exception):
    """A command that cannot run; the message says why."""


def _database_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, help="data folder (default: platform data dir)")
    parser.add_argument(
        "--database-url", help="sqlite:///FILE or postgresql+psycopg://USER@HOST:PORT/DB"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="central",
        description="Reference central service for returns-inspection stations. Settings come "
        "from CENTRAL_* environment variables (CENTRAL_ADMIN_TOKEN, CENTRAL_DATABASE_URL, "
        "CENTRAL_BLOB_URL, CENTRAL_TLS_CERT_FILE, …), overridden by options.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    parser.add_argument(
        "--log-format",
        choices=LOG_FORMATS,
        help="text (default) or json: one object per line for a log collector "
        "(also CENTRAL_LOG_FORMAT)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = sub.add_parser("serve", help="migrate the database, then serve HTTP")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default 8765)")
    _database_options(serve)
    serve.add_argument("--blob-url", help="file:///FOLDER or s3://BUCKET?endpoint=URL&region=R")
    serve.add_argument("--tls-cert", type=Path, help="PEM certificate (chain) to serve HTTPS")
    serve.add_argument("--tls-key", type=Path, help="PEM private key of the certificate")
    serve.add_argument(
        "--behind-proxy",
        action="store_true",
        default=None,
        help="a proxy in front terminates TLS: plain HTTP on this address is fine",
    )
    serve.add_argument(
        "--no-migrate",
        action="store_true",
        help="refuse an out-of-date schema instead of migrating it (several processes: run "
        "`central migrate` once, then start each with this)",
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes answering on the one address (PostgreSQL only; default 1): one "
        "process uses about one core",
    )
    # a worker of --workers: the socket its supervisor bound, and the supervisor's pid
    serve.add_argument("--listen-fd", type=int, help=argparse.SUPPRESS)
    serve.add_argument("--supervisor", type=int, help=argparse.SUPPRESS)
    serve.set_defaults(handler=cmd_serve)

    enrol = sub.add_parser("enrol", help="a one-time enrolment code for one station id")
    enrol.add_argument("station_id")
    enrol.add_argument("--warehouse", default="MAIN", help="the station's warehouse")
    enrol.add_argument(
        "--replace", action="store_true", help="the station is known: its token will be void"
    )
    enrol.add_argument("--valid-hours", type=int, default=24)
    _database_options(enrol)
    enrol.set_defaults(handler=cmd_enrol)

    user = sub.add_parser("user", help="add or change a user; a new badge's code is printed")
    user.add_argument("badge_id")
    user.add_argument("--name", required=True, help="display name")
    user.add_argument("--role", required=True, choices=[r.value for r in Role])
    user.add_argument("--pin", help="4-12 digits; '-' reads it from the first line of stdin")
    user.add_argument("--new-badge", action="store_true", help="issue a new badge")
    user.add_argument("--inactive", action="store_true", help="disable the user")
    user.add_argument(
        "--card", type=Path, help="a new badge's card to print (PDF with its QR code), 0600"
    )
    _database_options(user)
    user.set_defaults(handler=cmd_user)

    desk = sub.add_parser(
        "desk-user", help="add or change a user of the dispute desk (/desk in a browser)"
    )
    desk.add_argument("login", help="2-40 lower-case letters, digits, '.', '_' or '-'")
    desk.add_argument("--name", required=True, help="display name")
    desk.add_argument("--role", required=True, choices=[r.value for r in DeskRole])
    desk.add_argument(
        "--password", help="at least 10 characters; '-' reads it from the first line of stdin"
    )
    desk.add_argument("--badge", help="a supervisor's badge id: their decisions are made as it")
    desk.add_argument("--inactive", action="store_true", help="disable the user")
    _database_options(desk)
    desk.set_defaults(handler=cmd_desk_user)

    verify = sub.add_parser(
        "verify-export", help="check a dispute export package (zip or folder) against its manifest"
    )
    verify.add_argument("path", type=Path)
    verify.set_defaults(handler=cmd_verify_export)

    erase = sub.add_parser(
        "erase-personal", help="forget raw customer names and phones past their retention"
    )
    _database_options(erase)
    erase.set_defaults(handler=cmd_erase_personal)

    migrate = sub.add_parser("migrate", help="bring the database to the newest schema")
    _database_options(migrate)
    migrate.set_defaults(handler=cmd_migrate)

    publish = sub.add_parser(
        "publish-manifest", help="publish expected returns from a JSON Lines manifest"
    )
    publish.add_argument("file", type=Path)
    publish.add_argument("--max-errors", type=int, default=50, help="row errors to print")
    publish.add_argument("--warehouse", help="only this warehouse's stations get them")
    _database_options(publish)
    publish.set_defaults(handler=cmd_publish_manifest)

    templates = sub.add_parser(
        "publish-templates",
        help="publish checklist templates (TOML files, or folders of them) to every station",
    )
    templates.add_argument("paths", type=Path, nargs="+", metavar="path")
    _database_options(templates)
    templates.set_defaults(handler=cmd_publish_templates)
    return parser


def _check_platforms(settings: CentralSettings) -> None:
    """The desk's platform rules are read at start: a broken file started cleanly and then
    failed the desk's inspection and dispute pages."""
    from central.console.platforms import DEFAULT_FILE, PlatformFileError, load_platforms

    try:
        load_platforms(settings.console_platforms or DEFAULT_FILE)
    except PlatformFileError as exc:
        raise CommandError(f"CENTRAL_CONSOLE_PLATFORMS: {exc}") from exc


def cmd_serve(args: argparse.Namespace, settings: CentralSettings) -> int:
    if args.workers < 1:
        raise CommandError("--workers must be at least 1")
    if (why := settings.plain_http_problem()) is not None:
        raise CommandError(why)
    _check_platforms(settings)
    if args.workers > 1:
        return _serve_workers(args, settings)
    from central.api.deadlines import BodyDeadline, protocol_class  # only needed to serve
    from central.app import create_app

    _migrate(settings, check_only=args.no_migrate)
    source = "settings" if settings.admin_token else str(settings.data_dir / ADMIN_TOKEN_FILE)
    app = create_app(settings)
    blobs = app.state.runtime.blobs
    try:
        blobs.check()
    except (OSError, RuntimeError) as exc:
        raise CommandError(f"the blob store cannot be used: {exc}") from exc
    if removed := clean_spool(blobs.spool.base):
        log.warning("removed %d upload(s) an earlier process left half-written", removed)
    log.info(
        "serving on %s://%s:%d (blobs: %s; admin token from %s)",
        "https" if settings.tls else "http",
        settings.host,
        settings.port,
        app.state.runtime.blobs.name,
        source,
    )
    served = BodyDeadline(
        app, body_timeout=settings.body_timeout, min_upload_rate=settings.min_upload_rate
    )
    config = uvicorn.Config(
        served,
        host=settings.host,
        port=settings.port,
        http=protocol_class(settings),  # deadlines for request heads, a connection cap
        timeout_keep_alive=settings.keep_alive_timeout,
        h11_max_incomplete_event_size=16 * 1024,  # a request head
        log_config=None,  # the root logger set up in main() takes uvicorn's records too
        server_header=False,
        timeout_graceful_shutdown=10,
        ssl_certfile=settings.tls_cert_file,
        ssl_keyfile=settings.tls_key_file,
        proxy_headers=settings.behind_proxy,
        forwarded_allow_ips=settings.forwarded_allow_ips if settings.behind_proxy else None,
    )
    # a worker of ``--workers N`` accepts on the socket its supervisor bound
    sockets = None if args.listen_fd is None else [socket.socket(fileno=args.listen_fd)]
    if args.supervisor is not None:
        end_with_supervisor(args.supervisor)
    server = uvicorn.Server(config)
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=sockets)
    return EXIT_OK if server.started else EXIT_FAIL  # not started: it logged why


def _serve_workers(args: argparse.Namespace, settings: CentralSettings) -> int:
    """Migrate once, bind once, then supervise ``args.workers`` processes of ``serve``."""
    if settings.database_url.startswith("sqlite"):
        raise CommandError(
            "--workers needs PostgreSQL: SQLite takes one writer at a time "
            "(run one process, or set CENTRAL_DATABASE_URL to postgresql://…)"
        )
    _migrate(settings, check_only=args.no_migrate)
    admin_token(settings)  # made here once when none is configured, so every worker has it
    try:
        sock = listening_socket(settings.host, settings.port)
    except OSError as exc:
        raise CommandError(str(exc)) from None
    log.info(
        "serving on %s://%s:%d with %d worker processes",
        "https" if settings.tls else "http",
        settings.host,
        settings.port,
        args.workers,
    )
    command = worker_command(args.argv)
    return Workers(command, args.workers, sock).run()


def _migrate(settings: CentralSettings, *, check_only: bool = False) -> None:
    """Bring the schema up (under a lock, so processes started together never race), or with
    ``check_only`` refuse a schema that is not current."""
    make_private(settings.data_dir)  # an earlier version's data folder, readable to others
    engine = make_engine(settings.database_url)
    try:
        require_current(engine) if check_only else upgrade(engine)
    except SchemaOutOfDate as exc:
        raise CommandError(str(exc)) from None
    except SQLAlchemyError as exc:
        raise CommandError(f"cannot open the database: {str(exc).splitlines()[0]}") from exc
    finally:
        engine.dispose()


def cmd_migrate(args: argparse.Namespace, settings: CentralSettings) -> int:
    _migrate(settings)
    sys.stdout.write("database is at the newest schema\n")
    return EXIT_OK


def cmd_publish_manifest(args: argparse.Namespace, settings: CentralSettings) -> int:
    path: Path = args.file
    if not path.is_file():
        raise CommandError(f"{path}: no such file")
    parsed = read_manifest(path)
    for error in parsed.errors[: args.max_errors]:
        sys.stderr.write(f"{path.name}: {error}\n")
    if parsed.rejected > args.max_errors:
        sys.stderr.write(f"{path.name}: ... and {parsed.rejected - args.max_errors} more\n")
    orders = [order for _, order in parsed.orders]
    _migrate(settings)
    engine = make_engine(settings.database_url)
    try:
        with session_factory(engine)() as session:
            now = utcnow()
            outcome = write(session, lambda s: publish_returns(s, orders, now, args.warehouse))
    except Refused as exc:
        sys.stderr.write(f"{path.name}: nothing published: {exc}\n")
        return EXIT_FAIL
    finally:
        engine.dispose()
    sys.stdout.write(
        f"published {outcome.published}, unchanged {outcome.unchanged}, "
        f"rejected {parsed.rejected}\n"
    )
    return EXIT_FAIL if parsed.errors else EXIT_OK


def cmd_publish_templates(args: argparse.Namespace, settings: CentralSettings) -> int:
    """Each template version in its own transaction: one that does not load, or that was
    published before with another body, is refused alone and named."""
    files: list[Path] = []
    for path in args.paths:
        if path.is_dir():
            files += sorted(path.glob("*.toml"))
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"{path}: no such file or folder")
    if not files:
        raise CommandError("no .toml template files in " + ", ".join(map(str, args.paths)))
    counts = {"published": 0, "unchanged": 0, "refused": 0}
    with _session(settings) as session:
        for file in files:
            try:
                outcome = write(session, functools.partial(_publish_template_file, file=file))
            except (OSError, UnicodeDecodeError, QcFileError, ValidationError, Refused) as exc:
                sys.stderr.write(f"{file.name}: not published: {reason(exc)}\n")
                counts["refused"] += 1
                continue
            counts["published" if outcome.published else "unchanged"] += 1
    sys.stdout.write(", ".join(f"{kind} {n}" for kind, n in counts.items()) + "\n")
    return EXIT_FAIL if counts["refused"] else EXIT_OK


def _publish_template_file(session: Session, file: Path) -> PublishOutcome:
    change = TemplateChange.of(file.read_text(encoding="utf-8"), file.name)
    return publish_template(session, change, utcnow())


@contextlib.contextmanager
def _session(settings: CentralSettings) -> Iterator[Session]:
    """A session on the migrated database, its engine disposed of after."""
    _migrate(settings)
    engine = make_engine(settings.database_url)
    try:
        with session_factory(engine)() as session:
            yield session
    finally:
        engine.dispose()


def _in_session(settings: CentralSettings, work: Callable[[Session], T]) -> T:
    with _session(settings) as session:
        return write(session, work)


def _valid(model: type[M], **fields: Any) -> M:
    """The request, or the command's error naming its first invalid field."""
    try:
        return model(**fields)
    except ValidationError as exc:
        raise CommandError(_first_error(exc)) from None


def _granted(settings: CentralSettings, work: Callable[[Session], T]) -> T:
    """:func:`_in_session`, a refusal being the command's error."""
    try:
        return _in_session(settings, work)
    except Refused as exc:
        raise CommandError(str(exc)) from None


def cmd_enrol(args: argparse.Namespace, settings: CentralSettings) -> int:
    request = _valid(
        EnrolmentRequest,
        station_id=args.station_id,
        warehouse=args.warehouse,
        replace=args.replace,
        valid_hours=args.valid_hours,
    )
    now = utcnow()
    code = _granted(settings, lambda s: issue_code(s, request, now))
    sys.stdout.write(
        f"{code.code}\n(station {code.station_id}, warehouse {code.warehouse}, "
        f"valid until {code.expires_at:%Y-%m-%d %H:%M} UTC, once)\n"
    )
    return EXIT_OK


def cmd_user(args: argparse.Namespace, settings: CentralSettings) -> int:
    pin = sys.stdin.readline().strip() if args.pin == "-" else args.pin
    request = _valid(
        UserGrant,
        badge_id=args.badge_id.strip().upper(),
        display_name=args.name,
        role=Role(args.role),
        pin=pin,
        active=not args.inactive,
        new_badge=args.new_badge,
    )
    now = utcnow()
    issued = _granted(settings, lambda s: grant(s, request, now))
    if issued.badge_code is not None:
        sys.stdout.write(f"badge code (print it on the badge): {issued.badge_code}\n")
        if args.card is not None:
            code = parse_code(issued.badge_code)
            card = write_badge_card(args.card, code, name=request.display_name, role=args.role)
            sys.stdout.write(f"badge card: {card}\n")
    sys.stdout.write(f"{issued.badge_id}: {'published' if issued.published else 'unchanged'}\n")
    return EXIT_OK


def cmd_desk_user(args: argparse.Namespace, settings: CentralSettings) -> int:
    password = sys.stdin.readline().rstrip("\n") if args.password == "-" else args.password
    badge = args.badge.strip().upper() if args.badge else None
    now = utcnow()
    user = _granted(
        settings,
        lambda s: save_user(
            s,
            args.login,
            display_name=args.name,
            role=DeskRole(args.role),
            password=password,
            badge_id=badge,
            active=not args.inactive,
            now=now,
        ),
    )
    sys.stdout.write(f"{user.login}: {user.role.value}{' as ' + badge if badge else ''}\n")
    return EXIT_OK


def cmd_verify_export(args: argparse.Namespace, settings: CentralSettings) -> int:
    """The same check the package's own verify.py runs."""
    return verify_export.main([str(args.path)])


def cmd_erase_personal(args: argparse.Namespace, settings: CentralSettings) -> int:
    now = utcnow()
    days = settings.personal_data_days
    erased = _in_session(settings, lambda s: erase_personal_data(s, now, days))
    sys.stdout.write(f"erased the customer's name and phone of {erased} return(s)\n")
    return EXIT_OK


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    return f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"


LOG_FORMATS = ("text", "json")


def _configure_logging(verbose: bool, form: str | None = None) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        force=True,
    )
    form = form or os.environ.get("CENTRAL_LOG_FORMAT", "text").strip().lower() or "text"
    if form not in LOG_FORMATS:
        raise CommandError(f"log format {form!r}: one of {', '.join(LOG_FORMATS)}")
    if form == "json":
        for handler in logging.getLogger().handlers:
            handler.setFormatter(JsonFormatter())
    logthrottle.install(logging.getLogger().handlers)  # a flood writes a line per interval


def main(argv: Sequence[str] | None = None) -> int:
    private_umask()  # what this process creates is its user's only
    args = build_parser().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    try:
        _configure_logging(args.verbose, args.log_format)
        settings = load_settings(
            data_dir=args.data_dir,
            database_url=args.database_url,
            blob_url=getattr(args, "blob_url", None),
            host=getattr(args, "host", None),
            port=getattr(args, "port", None),
            tls_cert_file=getattr(args, "tls_cert", None),
            tls_key_file=getattr(args, "tls_key", None),
            behind_proxy=getattr(args, "behind_proxy", None),
        )
        handler: Handler = args.handler
        return handler(args, settings)
    except (CommandError, ConfigError) as exc:
        sys.stderr.write(f"central: error: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

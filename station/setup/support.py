"""The support bundle: one zip with what the support desk needs to see what went wrong.

It holds the logs, the settings with every secret removed, the database's integrity check,
the audit chain's check, counts of what is waiting, and versions. It never holds the
database itself, photos, PIN hashes, tokens or customer data: log lines are scrubbed of
anything shaped like them on the way in.

The database is read through its own read-only connection, so writing a bundle never holds
up the station's database thread.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import json
import os
import platform
import re
import shutil
import sqlite3
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from station.config import DataPaths, Settings
from station.protocol.masking import mask_phone
from station.security import audit
from station.setup.config_file import SECRET_KEYS, environment_overrides, read_values, redacted
from station.store.files import atomic_path

PACKAGES = (
    "returns-station",
    "PySide6",
    "SQLAlchemy",
    "alembic",
    "opencv-python-headless",
    "zxing-cpp",
    "pyzbar",
    "reportlab",
    "httpx",
    "numpy",
    "pydantic",
)

# What must never leave the station, whatever a log line happens to contain.
_SCRUB = (
    (re.compile(r"\$argon2(id|i|d)\$[^\s\"']+"), "<pin hash removed>"),
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"), r"\1<removed>"),
    (re.compile(r"(?i)(x-enrollment-key[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]+"), r"\1<removed>"),
    (re.compile(r"(?i)\bEN-[A-Z2-7]{20}\b"), "<enrolment code removed>"),
    (re.compile(r"(?i)\b(RSB1-[A-Z0-9_-]{1,40}-)[A-Z2-7]{26}\b"), r"\1<badge secret removed>"),
)


@dataclass(frozen=True, slots=True)
class BundleReport:
    path: Path
    files: tuple[str, ...]
    size: int
    integrity: str


def write_support_bundle(
    out: Path, *, settings: Settings, config_path: Path, paths: DataPaths, now: datetime
) -> BundleReport:
    """Write the bundle to ``out`` (whole or not at all) and say what is in it."""
    secrets = _secret_values(settings, paths)
    integrity = database_integrity(paths.database)
    entries: dict[str, bytes] = {
        "README.txt": _readme(settings, now).encode("utf-8"),
        "versions.json": _json(versions()),
        "settings.json": _json(_settings_report(settings, config_path)),
        "database.json": _json(database_report(paths.database, integrity)),
        "storage.json": _json(_storage_report(paths)),
    }
    logs = sorted(paths.logs.glob("*.log*")) if paths.logs.is_dir() else []
    with (
        atomic_path(out) as partial,
        zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle,
    ):
        for name, data in entries.items():
            bundle.writestr(name, data)
        for log_file in logs:
            bundle.writestr(f"logs/{log_file.name}", scrub(_read_text(log_file), secrets))
    names = (*entries, *(f"logs/{p.name}" for p in logs))
    return BundleReport(out, names, out.stat().st_size, integrity)


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` without the given secret values and anything shaped like a secret or a phone."""
    for value in secrets:
        if len(value) >= 6:
            text = text.replace(value, "<removed>")
    for pattern, replacement in _SCRUB:
        text = pattern.sub(replacement, text)
    return mask_phone(text)  # as the store keeps them


def database_integrity(database: Path) -> str:
    """SQLite's own integrity check: ``ok``, or what it found (at most 20 problems)."""
    if not database.exists():
        return "no database yet"
    try:
        with contextlib.closing(_read_only(database)) as connection:
            rows = connection.execute("PRAGMA integrity_check(20)").fetchall()
    except sqlite3.Error as exc:
        return f"cannot check: {exc}"
    return "; ".join(str(r[0]) for r in rows) or "no answer"


def database_report(database: Path, integrity: str) -> dict[str, Any]:
    """Integrity, the audit chain, schema revision and counts (never row contents)."""
    report: dict[str, Any] = {"integrity_check": integrity}
    if not database.exists():
        return report
    report["size_bytes"] = database.stat().st_size
    try:
        with contextlib.closing(_read_only(database)) as connection:
            report["schema_revision"] = _scalar(
                connection, "SELECT version_num FROM alembic_version"
            )
            report["foreign_key_problems"] = len(
                connection.execute("PRAGMA foreign_key_check").fetchall()
            )
            counts = {}
            for table in (
                "returns",
                "inspections",
                "evidence_items",
                "labels",
                "outbox",
                "audit_log",
                "users",
            ):
                counts[table] = _scalar(connection, f"SELECT count(*) FROM {table}")  # noqa: S608
            report["rows"] = counts
            report["outbox_waiting"] = _scalar(
                connection, "SELECT count(*) FROM outbox WHERE sent_at IS NULL"
            )
            report["labels_not_printed"] = _scalar(
                connection, "SELECT count(*) FROM labels WHERE status != 'printed'"
            )
    except sqlite3.Error as exc:
        report["error"] = str(exc)
    report["audit_chain"] = _audit_chain(database)
    return report


def _audit_chain(database: Path) -> dict[str, Any]:
    engine = create_engine(
        f"sqlite:///file:{database}?mode=ro&uri=true", connect_args={"timeout": 10}
    )
    try:
        with Session(engine) as session:
            chain = audit.verify(session)
    except Exception as exc:
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    finally:
        engine.dispose()
    return {
        "ok": chain.ok,
        "entries_checked": chain.checked,
        "broken_at": chain.broken_at,
        "reason": chain.reason,
    }


def versions() -> dict[str, str]:
    found = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "frozen": str(bool(getattr(sys, "frozen", False))),
        "sqlite": sqlite3.sqlite_version,
    }
    for package in PACKAGES:
        try:
            found[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found


def _settings_report(settings: Settings, config_path: Path) -> dict[str, Any]:
    try:
        file_values: dict[str, Any] | str = redacted(read_values(config_path))
    except Exception as exc:
        file_values = f"cannot read: {exc}"
    in_force = settings.model_dump(mode="json")
    return {
        "config_file": str(config_path),
        "config_file_exists": config_path.exists(),
        "file": file_values,
        "environment": environment_overrides(),
        "in_force": redacted(in_force),
    }


def _storage_report(paths: DataPaths) -> dict[str, Any]:
    report: dict[str, Any] = {"data_folder": str(paths.root)}
    with contextlib.suppress(OSError):
        usage = shutil.disk_usage(paths.root)
        report["disk_free_bytes"] = usage.free
        report["disk_total_bytes"] = usage.total
    photo_files, photo_bytes = 0, 0
    if paths.photos.is_dir():
        for root, _dirs, files in os.walk(paths.photos):
            for name in files:
                with contextlib.suppress(OSError):
                    photo_bytes += (Path(root) / name).stat().st_size
                    photo_files += 1
    report["photo_files"] = photo_files
    report["photo_bytes"] = photo_bytes
    report["backups"] = sorted(p.name for p in paths.backups.glob("*.db"))
    return report


def _secret_values(settings: Settings, paths: DataPaths) -> list[str]:
    values = [str(getattr(settings, key, "") or "") for key in SECRET_KEYS]
    with contextlib.suppress(OSError):
        values.append((paths.root / "central-token").read_text(encoding="utf-8").strip())
    return [v for v in values if v]


def _readme(settings: Settings, now: datetime) -> str:
    return (
        f"Support bundle of station {settings.station_id}, written {now.isoformat()}.\n"
        "versions.json   program and library versions\n"
        "settings.json   settings file, environment overrides and settings in force "
        "(secrets removed)\n"
        "database.json   integrity check, audit chain check, schema, row counts\n"
        "storage.json    disk space, photo folder size, database copies\n"
        "logs/           the station's logs (tokens, PIN hashes and phone numbers removed)\n"
    )


def _read_only(database: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10)


def _scalar(connection: sqlite3.Connection, sql: str) -> Any:
    row = connection.execute(sql).fetchone()
    return row[0] if row else None


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        return f"<cannot read {path.name}: {exc.strerror}>"


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str).encode("utf-8")

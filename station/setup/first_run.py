"""First run: what the wizard collects, and finishing it.

A station is set up on first start when it has no settings file (and is not a demo). Finishing
creates the first admin user, unless the store has an active one already, then writes the
settings file; the wizard cannot finish without an admin, so nobody is left with a station
nobody can configure.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.config import DataPaths, Settings
from station.protocol.enums import Role
from station.security.pins import BadPin, hash_pin
from station.security.users import UserError, add_user, normalise_badge
from station.setup import config_file
from station.store.database import Database
from station.store.models import User

log = logging.getLogger(__name__)


class FirstRunError(ValueError):
    """The wizard's answers cannot be used; the message says which and why."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class AdminAnswer:
    badge: str
    name: str
    pin: str


@dataclass(frozen=True, slots=True)
class FirstRunAnswers:
    language: str = "zh_CN"
    station_id: str = ""
    central_url: str = ""  # empty: work offline for now
    central_enrolment_code: str = ""
    central_token: str = ""
    camera: str = ""
    decoder: str = "zxing"
    label_printer: str = ""
    label_size: str = "100x150"
    admin: AdminAnswer | None = None

    def settings_values(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "station_id": self.station_id,
            "central_url": self.central_url,
            "central_enrolment_code": self.central_enrolment_code,
            "central_token": self.central_token,
            "camera": self.camera,
            "decoder": self.decoder,
            "label_printer": self.label_printer,
            "label_size": self.label_size,
        }


def needs_first_run(config_path: Path, settings: Settings) -> bool:
    return not settings.demo and not config_path.exists()


def active_admins(session: Session) -> list[str]:
    return list(
        session.scalars(
            select(User.badge_id).where(User.role == Role.ADMIN.value, User.active.is_(True))
        )
    )


def check_admin(admin: AdminAnswer, pin_again: str) -> None:
    """Refuse an admin the store would refuse, before anything is written."""
    try:
        normalise_badge(admin.badge)
    except UserError as exc:
        raise FirstRunError(str(exc), field="badge") from exc
    name = admin.name.strip()
    if not name or len(name) > 80 or not name.isprintable():
        raise FirstRunError("a display name is 1-80 printable characters", field="name")
    if admin.pin != pin_again:
        raise FirstRunError("the two PINs differ", field="pin")
    try:
        hash_pin(admin.pin)  # the format check; the hash itself is made again in finish()
    except BadPin as exc:
        raise FirstRunError(str(exc), field="pin") from exc


def finish(answers: FirstRunAnswers, *, config_path: Path, paths: DataPaths) -> Settings:
    """Create the first admin (if the store has none) and write the settings file."""
    values = {k: v for k, v in answers.settings_values().items() if v != ""}
    try:
        settings = config_file.validate(values)
    except config_file.InvalidSettings as exc:
        key = next(iter(exc.problems))
        raise FirstRunError(f"{key}: {exc.problems[key]}", field=key) from exc
    paths.ensure()
    db = Database.open(paths.database, backup_dir=paths.backups)
    try:
        pin_hash = hash_pin(answers.admin.pin) if answers.admin is not None else None

        def create_admin(session: Session) -> str:
            existing = active_admins(session)
            if existing:
                return existing[0]
            if answers.admin is None or pin_hash is None:
                raise FirstRunError("the station needs an admin user", field="badge")
            try:
                user = add_user(
                    session,
                    badge=answers.admin.badge,
                    name=answers.admin.name,
                    role=Role.ADMIN,
                    pin="",
                    pin_hash=pin_hash,
                    actor="first-run",
                )
            except UserError as exc:
                raise FirstRunError(str(exc), field="badge") from exc
            return user.badge_id

        admin = db.run(create_admin)
    finally:
        db.close()
    config_file.save(config_path, values)
    log.info("first run finished: station %s, admin %s", settings.station_id, admin)
    return settings


def admin_badges(paths: DataPaths) -> list[str]:
    if not paths.database.exists():
        return []
    db = Database.open(paths.database, backup_dir=paths.backups)
    try:
        return db.run(active_admins)
    finally:
        db.close()


def has_active_admin(paths: DataPaths) -> bool:
    return bool(admin_badges(paths))

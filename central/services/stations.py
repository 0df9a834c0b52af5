"""Stations, their bearer tokens and the one-time codes that let them in.

An administrator issues a code for one station id (and its warehouse); the station trades it
for a token, once. A station id that is already registered only takes a code issued with
``replace``: that is how a reinstalled bench gets back in, and nothing else can void a
station's token. Only SHA-256 digests of codes and tokens are stored.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from central.db.models import EnrolmentCodeRecord, Station
from central.services.errors import Conflict, Refused
from station.protocol.wire import EnrolmentCode, EnrolmentRequest, RegisterStation, StationToken

SEEN_RESOLUTION = timedelta(minutes=1)  # last_seen_at is not worth a write per request


class CodeRefused(Refused):
    """Unknown, used, expired or for another station: one answer for all, so a guess
    learns nothing."""

    status = 401


@dataclass(frozen=True, slots=True)
class AuthenticatedStation:
    id: str
    name: str
    warehouse: str
    last_seen_at: datetime | None


def sha256_text(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue_code(session: Session, request: EnrolmentRequest, now: datetime) -> EnrolmentCode:
    known = session.get(Station, request.station_id)
    if known is not None and not request.replace:
        raise Conflict(
            f"station {request.station_id} is already registered; a code that replaces its "
            "token must be asked for with replace"
        )
    if known is not None and known.warehouse != request.warehouse:
        raise Conflict(
            f"station {request.station_id} belongs to warehouse {known.warehouse}, "
            f"not {request.warehouse}"
        )
    code = "EN-" + base64.b32encode(secrets.token_bytes(15)).decode("ascii")[:20]
    expires = now + timedelta(hours=request.valid_hours)
    session.add(
        EnrolmentCodeRecord(
            code_sha256=sha256_text(code),
            station_id=request.station_id,
            warehouse=request.warehouse,
            replace=request.replace,
            created_at=now,
            expires_at=expires,
        )
    )
    session.flush()
    return EnrolmentCode(
        code=code, station_id=request.station_id, warehouse=request.warehouse, expires_at=expires
    )


def register(
    session: Session, request: RegisterStation, now: datetime
) -> tuple[StationToken, bool]:
    """Trade a code for a token (and whether the station is new); the code is spent."""
    code = session.get(EnrolmentCodeRecord, sha256_text(request.enrolment_code))
    if (
        code is None
        or code.used_at is not None
        or code.expires_at <= now
        or code.station_id != request.station_id
    ):
        raise CodeRefused("this enrolment code is not valid for this station (ask an admin)")
    row = session.get(Station, request.station_id)
    created = row is None
    if row is not None and not code.replace:
        raise CodeRefused("this enrolment code is not valid for this station (ask an admin)")
    code.used_at = now
    token = "st_" + secrets.token_urlsafe(32)
    if row is None:
        row = Station(id=request.station_id, created_at=now, warehouse=code.warehouse)
        session.add(row)
    row.name = request.name
    row.token_sha256 = sha256_text(token)
    session.flush()
    return StationToken(station_id=request.station_id, token=token), created


def authenticate(session: Session, token: str) -> AuthenticatedStation | None:
    if not token.startswith("st_") or len(token) > 200:
        return None
    row = session.scalar(select(Station).where(Station.token_sha256 == sha256_text(token)))
    if row is None:
        return None
    return AuthenticatedStation(row.id, row.name, row.warehouse, row.last_seen_at)


def warehouse_of(session: Session, station_id: str) -> str | None:
    return session.scalar(select(Station.warehouse).where(Station.id == station_id))


def needs_seen_update(station: AuthenticatedStation, now: datetime) -> bool:
    return station.last_seen_at is None or now - station.last_seen_at >= SEEN_RESOLUTION


def mark_seen(session: Session, station_id: str, now: datetime) -> None:
    session.execute(update(Station).where(Station.id == station_id).values(last_seen_at=now))

"""Stations and their bearer tokens. Only a token's SHA-256 is stored."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from central.db.models import Station
from station.protocol.wire import RegisterStation, StationToken

SEEN_RESOLUTION = timedelta(minutes=1)  # last_seen_at is not worth a write per request


@dataclass(frozen=True, slots=True)
class AuthenticatedStation:
    id: str
    name: str
    last_seen_at: datetime | None


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def register(
    session: Session, request: RegisterStation, now: datetime
) -> tuple[StationToken, bool]:
    """Issue a new token (and whether the station is new). Registering again replaces the
    old token: that is how a reinstalled station gets back in."""
    token = "st_" + secrets.token_urlsafe(32)
    row = session.get(Station, request.station_id)
    created = row is None
    if row is None:
        row = Station(id=request.station_id, created_at=now)
        session.add(row)
    row.name = request.name
    row.token_sha256 = token_sha256(token)
    session.flush()
    return StationToken(station_id=request.station_id, token=token), created


def authenticate(session: Session, token: str) -> AuthenticatedStation | None:
    if not token or len(token) > 200:
        return None
    row = session.scalar(select(Station).where(Station.token_sha256 == token_sha256(token)))
    if row is None:
        return None
    return AuthenticatedStation(row.id, row.name, row.last_seen_at)


def needs_seen_update(station: AuthenticatedStation, now: datetime) -> bool:
    return station.last_seen_at is None or now - station.last_seen_at >= SEEN_RESOLUTION


def mark_seen(session: Session, station_id: str, now: datetime) -> None:
    session.execute(update(Station).where(Station.id == station_id).values(last_seen_at=now))

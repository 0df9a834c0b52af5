"""Typed dependencies: the runtime, a database session, the calling station, the enrollment
key. Tokens are compared by their SHA-256 only; a missing or wrong one is 401."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from central.blobstore import BlobStore, open_store
from central.core.config import CentralSettings, enrollment_key
from central.db.session import make_engine, read, session_factory, write
from central.db.types import utcnow
from central.services.stations import (
    AuthenticatedStation,
    authenticate,
    mark_seen,
    needs_seen_update,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Runtime:
    """Everything a request needs, built once per application."""

    settings: CentralSettings
    engine: Engine
    sessions: sessionmaker[Session]
    blobs: BlobStore
    enrollment_key: str

    @classmethod
    def open(cls, settings: CentralSettings) -> Runtime:
        engine = make_engine(settings.database_url)
        return cls(
            settings,
            engine,
            session_factory(engine),
            open_store(settings),
            enrollment_key(settings),
        )

    def close(self) -> None:
        self.engine.dispose()


def get_runtime(request: Request) -> Runtime:
    runtime = request.app.state.runtime
    assert isinstance(runtime, Runtime)
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def get_db(runtime: RuntimeDep) -> Iterator[Session]:
    with runtime.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]

_bearer = HTTPBearer(auto_error=False, description="the token the station got on registration")
_enrollment = APIKeyHeader(
    name="X-Enrollment-Key", auto_error=False, description="the service's enrollment key"
)


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"}
    )


def get_station(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> AuthenticatedStation:
    if credentials is None:
        raise _unauthorized("a station token is needed: Authorization: Bearer <token>")
    token = credentials.credentials
    station = read(session, lambda s: authenticate(s, token))
    if station is None:
        raise _unauthorized("unknown station token (never issued, or replaced by a newer one)")
    now = utcnow()
    if needs_seen_update(station, now):
        write(session, lambda s: mark_seen(s, station.id, now))
    return station


StationDep = Annotated[AuthenticatedStation, Depends(get_station)]


def require_enrollment_key(
    runtime: RuntimeDep, key: Annotated[str | None, Depends(_enrollment)]
) -> None:
    expected = runtime.enrollment_key.encode("utf-8")
    if key is None or not hmac.compare_digest(key.encode("utf-8"), expected):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "a valid X-Enrollment-Key is needed")


EnrollmentDep = Depends(require_enrollment_key)

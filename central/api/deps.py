"""Typed dependencies: the runtime, a database session, and who is calling — a station, a
supervisor or an administrator. Tokens are compared by their SHA-256 only; a missing or wrong
one is 401, and too many wrong ones from one address are 429 before any check is made."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from central.api.throttle import FailureThrottle
from central.blobstore import BlobStore, open_store
from central.core.config import CentralSettings, admin_token
from central.db.session import make_engine, read, session_factory, write
from central.db.types import utcnow
from central.services.jsonsafe import has_control
from central.services.people import Person
from central.services.sessions import supervisor
from central.services.stations import (
    AuthenticatedStation,
    authenticate,
    mark_seen,
    needs_seen_update,
)

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Runtime:
    """Everything a request needs, built once per application."""

    settings: CentralSettings
    engine: Engine
    sessions: sessionmaker[Session]
    blobs: BlobStore
    admin_token: str
    throttle: FailureThrottle

    @classmethod
    def open(cls, settings: CentralSettings) -> Runtime:
        engine = make_engine(settings.database_url)
        return cls(
            settings,
            engine,
            session_factory(engine),
            open_store(settings),
            admin_token(settings),
            FailureThrottle(failures=settings.failed_checks_per_minute),
        )

    def close(self) -> None:
        self.engine.dispose()

    def names_station(self, token: str) -> bool:
        """Whether ``token`` is a station's (one read; admission asks before any body)."""
        with self.sessions() as session:
            return read(session, lambda s: authenticate(s, token)) is not None


def get_runtime(request: Request) -> Runtime:
    runtime = request.app.state.runtime
    assert isinstance(runtime, Runtime)
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def get_db(runtime: RuntimeDep) -> Iterator[Session]:
    with runtime.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]

_bearer = HTTPBearer(
    auto_error=False, description="a station's token (st_…) or a supervisor's session (sv_…)"
)
_admin = APIKeyHeader(
    name="X-Admin-Token", auto_error=False, description="the service's admin token"
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"}
    )


def address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


def _wrong_token(runtime: Runtime, request: Request) -> None:
    """Count a wrong bearer token. A right one is never refused for the failures of others:
    benches behind one NAT address share it, and a 256-bit token cannot be guessed anyway;
    the budget only slows down whoever keeps sending wrong ones (429 instead of 401)."""
    where = address(request)
    runtime.throttle.check("token", where)
    runtime.throttle.fail("token", where)


def _token(credentials: HTTPAuthorizationCredentials | None, needed: str) -> str:
    """The bearer token sent; none is 401 saying what is ``needed``."""
    if credentials is None:
        raise _unauthorized(needed)
    return credentials.credentials


def _named(runtime: Runtime, request: Request, found: T | None, unknown: str) -> T:
    """Whom a bearer token names; a token that names nobody is counted as wrong and is 401."""
    if found is None:
        _wrong_token(runtime, request)
        raise _unauthorized(unknown)
    return found


def _station(
    runtime: Runtime, session: Session, request: Request, token: str
) -> AuthenticatedStation:
    station = _named(
        runtime,
        request,
        read(session, lambda s: authenticate(s, token)),
        "unknown station token (never issued, or replaced by a newer one)",
    )
    now = utcnow()
    if needs_seen_update(station, now):
        write(session, lambda s: mark_seen(s, station.id, now))
    return station


def _bearer_dependency(
    resolve: Callable[[Runtime, Session, Request, str], T], needed: str
) -> Callable[..., T]:
    """A dependency that needs a bearer token (401 saying what is ``needed`` without one) and
    gives whom ``resolve`` finds it names."""

    def dependency(
        runtime: RuntimeDep, session: SessionDep, request: Request, credentials: Credentials
    ) -> T:
        return resolve(runtime, session, request, _token(credentials, needed))

    return dependency


get_station = _bearer_dependency(
    _station, "a station token is needed: Authorization: Bearer <token>"
)
StationDep = Annotated[AuthenticatedStation, Depends(get_station)]


def _supervisor(runtime: Runtime, session: Session, request: Request, token: str) -> Person:
    now = utcnow()
    return _named(
        runtime,
        request,
        read(session, lambda s: supervisor(s, token, now)),
        "a supervisor's session is needed (expired, closed, or the user may not review)",
    )


get_supervisor = _bearer_dependency(
    _supervisor, "a supervisor's session is needed: Authorization: Bearer <token>"
)
SupervisorDep = Annotated[Person, Depends(get_supervisor)]


def get_caller(
    runtime: RuntimeDep, session: SessionDep, request: Request, credentials: Credentials
) -> AuthenticatedStation | Person:
    """A station or a supervisor, by the kind of token."""
    token = _token(credentials, "a station token or a supervisor's session is needed")
    if token.startswith("sv_"):
        return _supervisor(runtime, session, request, token)
    return _station(runtime, session, request, token)


CallerDep = Annotated[AuthenticatedStation | Person, Depends(get_caller)]


def require_admin(
    runtime: RuntimeDep, request: Request, token: Annotated[str | None, Depends(_admin)]
) -> None:
    where = address(request)
    runtime.throttle.check("admin", where)
    expected = runtime.admin_token.encode("utf-8")
    if token is None or not hmac.compare_digest(token.encode("utf-8"), expected):
        if token is not None:  # a missing header is not a guess
            runtime.throttle.fail("admin", where)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "a valid X-Admin-Token is needed")


AdminDep = Depends(require_admin)


def plain_query(request: Request) -> None:
    """Refuse (422) a query parameter holding a control character, NUL above all: no column
    holds one (PostgreSQL refuses NUL in text), so it can match nothing."""
    for name, value in request.query_params.multi_items():
        if has_control(value):
            raise RequestValidationError(
                [
                    {
                        "loc": ("query", name),
                        "msg": "holds a control character",
                        "type": "control_character",
                    }
                ]
            )


PlainQuery = Depends(plain_query)

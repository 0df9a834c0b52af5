"""The central service's HTTP application (OpenAPI at ``/docs``)."""

from __future__ import annotations

import asyncio
import gc
import hmac
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version
from typing import Any

from fastapi import FastAPI, HTTPException, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from central.api.admission import Admission
from central.api.deps import PlainQuery, Runtime, SessionDep
from central.api.metrics import Metrics, exposition
from central.api.models import Health, Problem
from central.api.routes import (
    blobs,
    changes,
    decisions,
    direct,
    events,
    inspections,
    publish,
    sessions,
    stations,
    uploads,
)
from central.blobstore import StoreUnavailable
from central.console import mount_desk
from central.core.config import CentralSettings, load_settings
from central.db.migrate import SchemaOutOfDate, require_current
from central.db.session import read, write
from central.db.types import utcnow
from central.services.errors import Refused
from central.services.publishing import erase_personal_data
from station.protocol.wire import MAX_GROUP_BYTES

log = logging.getLogger(__name__)

MAX_ERRORS_SHOWN = 20


def create_app(settings: CentralSettings | None = None) -> FastAPI:
    """The application on ``settings`` (default: from the environment). The database must
    already be migrated (``central migrate``, or ``central serve`` which does it first)."""
    runtime = Runtime.open(settings or load_settings())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        eraser = asyncio.create_task(_erase_personal_data_hourly(runtime))
        # what start-up made (modules, routes, mappers) lives as long as the service: kept
        # out of the collector's full scans, which then walk only what requests make (its
        # garbage collected first, and all of it given back when the service stops)
        gc.collect()
        gc.freeze()
        yield
        gc.unfreeze()
        eraser.cancel()
        runtime.close()

    app = FastAPI(
        title="Returns central service",
        version=version("returns-station"),
        description=(
            "Receives stations' inspections, photos and labels exactly once; serves expected "
            "returns, checklist templates, users, decisions and evidence holds as a change feed. "
            "The protocol is `station/protocol/`. People use the dispute desk at `/desk`."
        ),
        lifespan=lifespan,
    )
    app.state.runtime = runtime

    @app.head("/v1/health", include_in_schema=False)  # load balancers probe with HEAD
    @app.get("/v1/health", operation_id="health", tags=["health"], responses={503: {}})
    def health(session: SessionDep) -> Health:
        try:
            read(session, lambda s: s.execute(text("SELECT 1")))
        except SQLAlchemyError as exc:
            log.error("health check: the database does not answer: %s", exc)
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, "database unavailable"
            ) from None
        return Health(status="ok", version=app.version)

    @app.head("/v1/health/live", include_in_schema=False)  # load balancers probe with HEAD
    @app.get("/v1/health/live", operation_id="live", tags=["health"])
    def live() -> Health:
        """The process answers (for an orchestrator's liveness probe: no dependency checked)."""
        return Health(status="ok", version=app.version)

    @app.head("/v1/health/ready", include_in_schema=False)  # load balancers probe with HEAD
    @app.get("/v1/health/ready", operation_id="ready", tags=["health"], responses={503: {}})
    def ready(session: SessionDep) -> Health:
        """This process can take work: the database answers at this program's schema and the
        blob store can be used (for a load balancer's readiness probe)."""
        problems = readiness(runtime, session)
        if problems:
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "; ".join(problems))
        return Health(status="ok", version=app.version)

    @app.get("/metrics", tags=["health"], include_in_schema=False)
    def metrics(request: Request) -> Response:
        """Prometheus's scrape, with the admin token as its bearer credentials."""
        sent = request.headers.get("authorization", "").removeprefix("Bearer ").encode()
        if not hmac.compare_digest(sent, runtime.admin_token.encode("utf-8")):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "the admin token is needed")
        body, media = exposition(runtime.sessions)
        return Response(body, media_type=media)

    json_limit = runtime.settings.max_request_bytes
    for router in (
        stations.router,
        events.router,
        changes.router,
        publish.router,
        sessions.router,
        decisions.router,
        inspections.router,
        direct.router,
    ):
        # a query parameter with a control character is refused (422) by every route
        app.include_router(router, max_body_size=json_limit, dependencies=[PlainQuery])
    # a group of photos may be larger than one photo may be (each is checked against
    # max_blob_bytes as it is listed; the group against MAX_GROUP_BYTES)
    blob_bodies = max(runtime.settings.max_blob_bytes, MAX_GROUP_BYTES)
    app.include_router(blobs.router, max_body_size=blob_bodies, dependencies=[PlainQuery])
    app.include_router(
        uploads.router,
        max_body_size=runtime.settings.max_clip_bytes,
        dependencies=[PlainQuery],
    )
    mount_desk(app)
    app.add_middleware(
        Admission,
        busy_requests=runtime.settings.busy_requests,
        station_requests=runtime.settings.station_requests,
        names_station=runtime.names_station,
        throttle=runtime.throttle,
    )
    app.add_middleware(Metrics)  # added last, outermost: it counts what admission turns away
    app.add_exception_handler(Refused, _refused)
    app.add_exception_handler(StoreUnavailable, _store_unavailable)
    app.add_exception_handler(OperationalError, _database_unavailable)
    app.add_exception_handler(RequestValidationError, _invalid)
    return app


def readiness(runtime: Runtime, session: Session) -> list[str]:
    """What keeps this process from taking work (empty: nothing)."""
    problems: list[str] = []
    try:
        read(session, lambda s: s.execute(text("SELECT 1")))
        require_current(runtime.engine)
    except SQLAlchemyError as exc:
        log.error("readiness: the database does not answer: %s", str(exc).splitlines()[0])
        problems.append("database unavailable")
    except SchemaOutOfDate as exc:
        problems.append(str(exc))
    try:
        runtime.blobs.check()
    except (OSError, RuntimeError) as exc:
        log.error("readiness: the blob store cannot be used: %s", exc)
        problems.append("blob store unavailable")
    return problems


async def _erase_personal_data_hourly(runtime: Runtime) -> None:
    """Raw customer names and phones are kept no longer than the settings say (PIPL)."""
    days = runtime.settings.personal_data_days

    def erase() -> int:
        with runtime.sessions() as session:
            return write(session, lambda s: erase_personal_data(s, utcnow(), days))

    while True:
        try:
            if erased := await run_in_threadpool(erase):
                log.info("erased the raw customer data of %d return(s) after %d days", erased, days)
        except SQLAlchemyError as exc:
            log.warning("erasing old customer data failed, will try again: %s", exc)
        await asyncio.sleep(3600)


async def _refused(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Refused)
    return JSONResponse(Problem(detail=str(exc)[:2000]).model_dump(), status_code=exc.status)


async def _store_unavailable(_request: Request, exc: Exception) -> JSONResponse:
    log.error("blob store: %s", exc)
    return JSONResponse(
        Problem(detail="the blob store is unavailable; try again later").model_dump(),
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
    )


async def _database_unavailable(_request: Request, exc: Exception) -> JSONResponse:
    """Cannot connect, connection lost, still locked: the caller should try again later."""
    log.error("database: %s", str(exc).splitlines()[0][:300])
    return JSONResponse(
        Problem(detail="the database is unavailable; try again later").model_dump(),
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
    )


async def _invalid(_request: Request, exc: Exception) -> JSONResponse:
    """422 without echoing the input back: a hostile body must not come back whole."""
    assert isinstance(exc, RequestValidationError)
    errors: list[dict[str, Any]] = [
        {
            "loc": [str(p)[:100] for p in err.get("loc", ())][:10],
            "msg": str(err.get("msg", ""))[:300],
            "type": str(err.get("type", "")),
        }
        for err in exc.errors()[:MAX_ERRORS_SHOWN]
    ]
    return JSONResponse({"detail": errors}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)

"""Letting a station in: an administrator's one-time code buys a bearer token."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response, status

from central.api.deps import AdminDep, RuntimeDep, SessionDep, address
from central.api.models import Problem
from central.db.session import write
from central.db.types import utcnow
from central.services.jsonsafe import text_problem
from central.services.stations import CodeRefused, issue_code, register
from station.protocol.wire import EnrolmentCode, EnrolmentRequest, RegisterStation, StationToken

router = APIRouter(tags=["stations"])


@router.post(
    "/v1/stations",
    operation_id="register_station",
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": StationToken, "description": "Registered again: the old token is void"},
        401: {"model": Problem, "description": "Unknown, used or expired code, or another id's"},
        429: {"model": Problem, "description": "Too many wrong codes from this address"},
    },
)
def register_station(
    body: RegisterStation,
    session: SessionDep,
    response: Response,
    runtime: RuntimeDep,
    request: Request,
) -> StationToken:
    where = address(request)
    runtime.throttle.check("enrol", where)
    if (why := text_problem(body.name)) is not None:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"the name {why}")
    now = utcnow()
    try:
        token, created = write(session, lambda s: register(s, body, now))
    except CodeRefused:
        runtime.throttle.fail("enrol", where)
        raise
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return token


@router.post(
    "/v1/enrolment-codes",
    operation_id="issue_enrolment_code",
    status_code=status.HTTP_201_CREATED,
    dependencies=[AdminDep],
    responses={
        401: {"model": Problem, "description": "Missing or wrong admin token"},
        409: {
            "model": Problem,
            "description": "Known station and no replace; another warehouse",
        },
    },
)
def post_enrolment_code(body: EnrolmentRequest, session: SessionDep) -> EnrolmentCode:
    """A code for one station id, spent by its first use."""
    now = utcnow()
    return write(session, lambda s: issue_code(s, body, now))

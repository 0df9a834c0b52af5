"""Registering a station: the enrollment key buys a bearer token."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response, status

from central.api.deps import EnrollmentDep, SessionDep
from central.api.models import Problem
from central.db.session import write
from central.db.types import utcnow
from central.services.jsonsafe import text_problem
from central.services.stations import register
from station.protocol.wire import RegisterStation, StationToken

router = APIRouter(tags=["stations"])


@router.post(
    "/v1/stations",
    operation_id="register_station",
    status_code=status.HTTP_201_CREATED,
    dependencies=[EnrollmentDep],
    responses={
        200: {"model": StationToken, "description": "Registered again: the old token is void"},
        401: {"model": Problem, "description": "Missing or wrong enrollment key"},
    },
)
def register_station(
    body: RegisterStation, session: SessionDep, response: Response
) -> StationToken:
    if (why := text_problem(body.name)) is not None:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"the name {why}")
    now = utcnow()
    token, created = write(session, lambda s: register(s, body, now))
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return token

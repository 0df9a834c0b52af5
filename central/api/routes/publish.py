"""Publishing to every station (back-office tools and tests; enrollment-key protected)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Response, status

from central.api.deps import EnrollmentDep, SessionDep
from central.api.models import Problem, Published
from central.db.session import write
from central.db.types import utcnow
from central.services.publishing import (
    Outcome,
    decide_at_central,
    publish_returns,
    publish_template,
    publish_user,
)
from station.protocol.events import Decision
from station.protocol.manifest import ManifestOrder
from station.protocol.wire import TemplateChange, UserChange

MAX_RETURNS = 1000

router = APIRouter(
    tags=["publishing"],
    dependencies=[EnrollmentDep],
    responses={
        401: {"model": Problem, "description": "Missing or wrong enrollment key"},
        422: {"model": Problem, "description": "Refused; nothing was published"},
    },
)
_UNCHANGED: dict[int | str, dict[str, Any]] = {
    200: {"model": Published, "description": "Already published as it is"}
}


def _answer(outcome: Outcome, response: Response) -> Published:
    response.status_code = status.HTTP_201_CREATED if outcome.published else status.HTTP_200_OK
    return Published(
        published=outcome.published, unchanged=outcome.unchanged, cursor=str(outcome.cursor)
    )


@router.post(
    "/v1/returns",
    operation_id="publish_returns",
    status_code=status.HTTP_201_CREATED,
    responses=_UNCHANGED,
)
def post_returns(
    rows: Annotated[list[ManifestOrder], Body(min_length=1, max_length=MAX_RETURNS)],
    session: SessionDep,
    response: Response,
) -> Published:
    """Expected returns (manifest rows, docs/MANIFEST.md); a new state of a known RMA is an
    update. All rows or none."""
    now = utcnow()
    return _answer(write(session, lambda s: publish_returns(s, rows, now)), response)


@router.post(
    "/v1/templates",
    operation_id="publish_template",
    status_code=status.HTTP_201_CREATED,
    responses={**_UNCHANGED, 409: {"model": Problem, "description": "Version taken"}},
)
def post_template(body: TemplateChange, session: SessionDep, response: Response) -> Published:
    """A checklist template version; it must load, and a version is never changed."""
    now = utcnow()
    return _answer(write(session, lambda s: publish_template(s, body, now)), response)


@router.post(
    "/v1/users",
    operation_id="publish_user",
    status_code=status.HTTP_201_CREATED,
    responses=_UNCHANGED,
)
def post_user(body: UserChange, session: SessionDep, response: Response) -> Published:
    now = utcnow()
    return _answer(write(session, lambda s: publish_user(s, body, now)), response)


@router.post(
    "/v1/decisions",
    operation_id="publish_decision",
    status_code=status.HTTP_201_CREATED,
    responses={
        **_UNCHANGED,
        404: {"model": Problem, "description": "No such inspection"},
        409: {"model": Problem, "description": "Decision id taken"},
    },
)
def post_decision(body: Decision, session: SessionDep, response: Response) -> Published:
    """A supervisor's decision made at central; it reaches every station as a change."""
    now = utcnow()
    return _answer(write(session, lambda s: decide_at_central(s, body, now)), response)

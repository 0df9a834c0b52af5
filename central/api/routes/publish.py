"""Publishing to the stations: the administrator's (``X-Admin-Token``, never on a bench)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Response, status

from central.api.deps import AdminDep, SessionDep
from central.api.models import Problem, Published
from central.db.session import write
from central.db.types import utcnow
from central.services.people import grant
from central.services.publishing import Outcome, publish_returns, publish_template
from station.protocol.manifest import ManifestOrder
from station.protocol.wire import TemplateChange, UserGrant, UserIssued, Warehouse

MAX_RETURNS = 1000

router = APIRouter(
    tags=["publishing"],
    dependencies=[AdminDep],
    responses={
        401: {"model": Problem, "description": "Missing or wrong admin token"},
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
    warehouse: Annotated[Warehouse | None, Query(description="none: every warehouse")] = None,
) -> Published:
    """Expected returns (manifest rows, docs/MANIFEST.md); a new state of a known RMA is an
    update. All rows or none. Stations get the customer masked."""
    now = utcnow()
    return _answer(write(session, lambda s: publish_returns(s, rows, now, warehouse)), response)


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


@router.post("/v1/users", operation_id="publish_user", status_code=status.HTTP_201_CREATED)
def post_user(body: UserGrant, session: SessionDep, response: Response) -> UserIssued:
    """Add or change a user. A new user, or ``new_badge``, is answered with the badge's code
    (print it on the badge; it is not shown again)."""
    now = utcnow()
    issued = write(session, lambda s: grant(s, body, now))
    response.status_code = status.HTTP_201_CREATED if issued.published else status.HTTP_200_OK
    return issued
